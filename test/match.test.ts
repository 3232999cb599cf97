import { describe, expect, it } from 'vitest';
import { type BlingerWebhook, matchWebhook, webhookNames } from '../src/index.js';
import { examples } from '../src/testing/index.js';

const all = Object.values(examples) as BlingerWebhook[];

describe('matchWebhook', () => {
  it('calls the case of each event with that event', () => {
    const names = all.map((event) =>
      matchWebhook(event, {
        on_conversation_unassigned: (e) => `${e.webhook}:${e.conversation.status}`,
        on_conversation_assigned: (e) => `${e.webhook}:${e.conversation.operator.name}`,
        on_conversation_closed: (e) => `${e.webhook}:${e.conversation.messages.length}`,
        on_message_incoming: (e) => `${e.webhook}:${e.message.message}`,
        on_message_outgoing: (e) => `${e.webhook}:${e.message.message}`,
        on_comment_incoming: (e) => `${e.webhook}:${e.comment.post_id}`,
        on_comment_outgoing: (e) => `${e.webhook}:${e.comment.message}`,
        on_user_new: (e) => `${e.webhook}:${e.user.name}`,
      }),
    );
    expect(names).toEqual([
      'on_conversation_unassigned:unassigned',
      'on_conversation_assigned:Supervisor',
      'on_conversation_closed:1',
      'on_message_incoming:test',
      'on_message_outgoing:123',
      'on_comment_incoming:123123',
      'on_comment_outgoing:123',
      'on_user_new:Yuri Dzabaev',
    ]);
  });

  it('falls back to otherwise for events without a case', () => {
    const seen: string[] = [];
    for (const event of all) {
      matchWebhook(event, {
        on_user_new: () => void seen.push('user'),
        otherwise: (e) => void seen.push(`otherwise:${e.webhook}`),
      });
    }
    expect(seen).toEqual([...webhookNames.filter((name) => name !== 'on_user_new').map((n) => `otherwise:${n}`), 'user']);
  });
});
