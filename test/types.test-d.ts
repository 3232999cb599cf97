import type { Either } from 'fp-ts/lib/Either.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type AssignedConversation,
  type BlingerUser,
  type BlingerWebhook,
  type Channel,
  type ClosedConversation,
  type Comment,
  type ConversationTag,
  type ConversationUser,
  type MessageIncoming,
  type MessageOperator,
  type NodeRequestLike,
  type Operator,
  type UserNew,
  type WebhookContext,
  type WebhookEvent,
  type WebhookName,
  type WebhookParseError,
  matchWebhook,
  parseWebhook,
  parseWebhookOrThrow,
  toExpressHandler,
  toFetchHandler,
  toNodeHandler,
} from '../src/index.js';
import { createWebhook, examples } from '../src/testing/index.js';

declare const event: BlingerWebhook;

describe('event types', () => {
  it('parseWebhook returns an Either of the structured error and the union', () => {
    expectTypeOf(parseWebhook).returns.toEqualTypeOf<Either<WebhookParseError, BlingerWebhook>>();
    expectTypeOf(parseWebhookOrThrow).returns.toEqualTypeOf<BlingerWebhook>();
  });

  it('narrows on the webhook field', () => {
    if (event.webhook === 'on_message_incoming') {
      expectTypeOf(event).toEqualTypeOf<MessageIncoming>();
      expectTypeOf(event.message.message).toEqualTypeOf<string>();
    }
    if (event.webhook === 'on_user_new') expectTypeOf(event).toEqualTypeOf<UserNew>();
    expectTypeOf<WebhookEvent<'on_user_new'>>().toEqualTypeOf<UserNew>();
    expectTypeOf<WebhookName>().toEqualTypeOf<
      | 'on_conversation_unassigned'
      | 'on_conversation_assigned'
      | 'on_conversation_closed'
      | 'on_message_incoming'
      | 'on_message_outgoing'
      | 'on_comment_incoming'
      | 'on_comment_outgoing'
      | 'on_user_new'
    >();
  });

  it('types nullable fields as T | null and livechat-only fields as optional', () => {
    expectTypeOf<MessageOperator['id']>().toEqualTypeOf<number | null>();
    expectTypeOf<MessageOperator['email']>().toEqualTypeOf<string | null>();
    expectTypeOf<ConversationUser['title']>().toEqualTypeOf<string | null>();
    expectTypeOf<ConversationUser['service_user_id']>().toEqualTypeOf<string | null>();
    expectTypeOf<ConversationUser['page_title']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<BlingerUser['tags']>().toEqualTypeOf<string | null>();
    expectTypeOf<Comment['reply_comment_id']>().toEqualTypeOf<number | null>();
    expectTypeOf<UserNew['user']['name']>().toEqualTypeOf<string | null>();
  });

  it('guarantees the operator of an assigned conversation, not of a closed one', () => {
    expectTypeOf<AssignedConversation['operator']>().toEqualTypeOf<Operator>();
    expectTypeOf<ClosedConversation['operator']>().toEqualTypeOf<Operator | null | undefined>();
    expectTypeOf<ClosedConversation['close_group']>().toEqualTypeOf<{ title: string } | null | undefined>();
    expectTypeOf<ConversationTag['message_id']>().toEqualTypeOf<number | string>();
  });

  it('keeps value sets open while offering the known values', () => {
    expectTypeOf<'telegrambot'>().toExtend<Channel>();
    expectTypeOf<'vk'>().toExtend<Channel>();
    expectTypeOf<string>().toExtend<Channel>();
    expectTypeOf<Channel>().toExtend<string>();
    // @ts-expect-error a number is not a channel
    expectTypeOf<number>().toExtend<Channel>();
  });

  it('has no any in the public surface', () => {
    expectTypeOf(event).not.toBeAny();
    expectTypeOf(parseWebhook).parameter(0).toBeUnknown();
    expectTypeOf(examples.on_conversation_closed.conversation.messages[0]!).not.toBeAny();
    expectTypeOf<ClosedConversation['messages'][number]['fromBlingerUser']>().not.toBeAny();
  });
});

describe('matchWebhook', () => {
  it('gives each case its own event type and returns their common result', () => {
    const result = matchWebhook(event, {
      on_conversation_unassigned: (e) => e.conversation.id,
      on_conversation_assigned: (e) => e.conversation.operator.id,
      on_conversation_closed: (e) => e.conversation.messages.length,
      on_message_incoming: (e) => {
        expectTypeOf(e).toEqualTypeOf<MessageIncoming>();
        return e.message_id;
      },
      on_message_outgoing: (e) => e.message_id,
      on_comment_incoming: (e) => e.comment_id,
      on_comment_outgoing: (e) => e.comment_id,
      on_user_new: (e) => e.user.id,
    });
    expectTypeOf(result).toEqualTypeOf<number>();
  });

  it('requires every event unless otherwise is given', () => {
    // @ts-expect-error on_user_new and the others are missing and there is no otherwise
    matchWebhook(event, { on_message_incoming: () => 1 });
    matchWebhook(event, { on_message_incoming: () => 1, otherwise: () => 2 });
  });

  it('rejects a misspelt event name', () => {
    // @ts-expect-error misspelt key
    matchWebhook(event, { on_mesage_incoming: () => 1, otherwise: () => 2 });
  });
});

describe('adapters', () => {
  it('map form gives each callback its own event and the framework request', () => {
    toNodeHandler({
      on_message_incoming: (e, context) => {
        expectTypeOf(e).toEqualTypeOf<MessageIncoming>();
        expectTypeOf(context).toEqualTypeOf<WebhookContext<NodeRequestLike>>();
        expectTypeOf(context.rawBody).toEqualTypeOf<Uint8Array | null>();
      },
      on_user_new: async (e) => {
        expectTypeOf(e.user.id).toEqualTypeOf<number>();
      },
    });
    toFetchHandler({
      on_comment_incoming: (e, context) => {
        expectTypeOf(e.comment.post_url).toEqualTypeOf<string>();
        expectTypeOf(context.request).toEqualTypeOf<Request>();
      },
    });
    toExpressHandler((e) => {
      expectTypeOf(e).toEqualTypeOf<BlingerWebhook>();
    });
  });

  it('rejects a misspelt event name and a wrong callback type', () => {
    // @ts-expect-error misspelt key
    toNodeHandler({ on_message_incomming: () => undefined });
    toFetchHandler({
      // @ts-expect-error a MessageIncoming has no user
      on_message_incoming: (e) => e.user,
    });
  });

  it('returns functions a framework can mount', () => {
    expectTypeOf(toFetchHandler(() => undefined)).toExtend<(request: Request) => Promise<Response>>();
    // Node's own request and response fit the structural types the adapter declares.
    expectTypeOf<IncomingMessage>().toExtend<Parameters<ReturnType<typeof toNodeHandler>>[0]>();
    expectTypeOf<ServerResponse>().toExtend<Parameters<ReturnType<typeof toNodeHandler>>[1]>();
    expectTypeOf(toNodeHandler<IncomingMessage>(() => undefined)).parameter(0).toEqualTypeOf<IncomingMessage>();
  });
});

describe('blinger-webhooks/testing', () => {
  it('types examples and createWebhook per event', () => {
    expectTypeOf(examples.on_message_incoming).toEqualTypeOf<MessageIncoming>();
    expectTypeOf(createWebhook('on_user_new')).toEqualTypeOf<UserNew>();
    createWebhook('on_message_incoming', { operator: { id: null }, message: { tags: ['a'] } });
    // @ts-expect-error id must be a number or null
    createWebhook('on_message_incoming', { operator: { id: 'x' } });
    // @ts-expect-error unknown event name
    createWebhook('on_message_incomming');
  });
});
