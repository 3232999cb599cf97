/**
 * The API client's types as users compile them: each method's arguments and result, misspelt
 * fields rejected, errors narrowed by `kind`.
 */
import type { Either } from 'fp-ts/lib/Either.js';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type ApiConversation,
  type ApiOperator,
  type BlingerApiError,
  BlingerClient,
  type CreatedOperator,
  type DeleteOperatorResult,
  type FieldMessages,
  type OperatorGroup,
} from '../../src/api/index.js';

declare const blinger: BlingerClient;
declare const env: Record<string, string | undefined>;

describe('BlingerClient options', () => {
  it('takes a token that may be undefined (process.env) and optional settings that may be undefined', () => {
    new BlingerClient({ token: env['BLINGER_API_TOKEN'] });
    new BlingerClient({ token: 'x', baseUrl: env['BLINGER_API_URL'], timeoutMs: undefined, maxRetries: 0, fetch });
    new BlingerClient({ token: 'x', authHeader: 'Authorization', authScheme: 'Bearer', requestEncoding: 'form' });
    // @ts-expect-error the token is required
    new BlingerClient({});
    // @ts-expect-error misspelt option
    new BlingerClient({ token: 'x', timeout: 5000 });
    // @ts-expect-error requestEncoding is json or form
    new BlingerClient({ token: 'x', requestEncoding: 'xml' });
  });
});

describe('conversation methods', () => {
  it('start and close resolve to the conversation object', () => {
    expectTypeOf(blinger.conversations.start({ conversation_id: 1 })).toEqualTypeOf<Promise<Either<BlingerApiError, ApiConversation>>>();
    expectTypeOf(blinger.conversations.close({ conversation_id: 1, operator_id: 2, disable_webhook: true })).resolves.toEqualTypeOf<
      Either<BlingerApiError, ApiConversation>
    >();
    expectTypeOf<ApiConversation['operator_user_id']>().toEqualTypeOf<number | null>();
    expectTypeOf<ApiConversation['status']>().toEqualTypeOf<'unassigned' | 'inbox' | 'closed' | (string & {})>();
    expectTypeOf<ApiConversation['close_group']>().toEqualTypeOf<{ title: string } | null>();
  });

  it('endpoints whose answer Blinger does not document resolve to unknown', () => {
    expectTypeOf(blinger.conversations.sendMessage({ conversation_id: 1, text: 'hi' })).resolves.toEqualTypeOf<Either<BlingerApiError, unknown>>();
    expectTypeOf(blinger.conversations.sendFileMessage({ conversation_id: 1, file_url: 'https://x' })).resolves.toEqualTypeOf<Either<BlingerApiError, unknown>>();
    expectTypeOf(blinger.conversations.sendNote({ conversation_id: 1, text: 'n' })).resolves.toEqualTypeOf<Either<BlingerApiError, unknown>>();
    expectTypeOf(blinger.conversations.unassign({ conversation_id: 1 })).resolves.toEqualTypeOf<Either<BlingerApiError, unknown>>();
    expectTypeOf(blinger.conversations.assignOperator({ conversation_id: 1, operator_id: 2 })).resolves.toEqualTypeOf<Either<BlingerApiError, unknown>>();
    expectTypeOf(blinger.conversations.assignGroup({ conversation_id: 1, group_id: 2 })).resolves.toEqualTypeOf<Either<BlingerApiError, unknown>>();
    expectTypeOf(blinger.conversations.unassigned()).resolves.toEqualTypeOf<Either<BlingerApiError, unknown>>();
    expectTypeOf(blinger.conversations.unread()).resolves.toEqualTypeOf<Either<BlingerApiError, unknown>>();
    expectTypeOf(blinger.conversations.notAnswered({ operator_id: 2 })).resolves.toEqualTypeOf<Either<BlingerApiError, unknown>>();
    expectTypeOf(blinger.conversations.get({ conversation_id: 1 })).resolves.toEqualTypeOf<Either<BlingerApiError, unknown>>();
  });

  it('rejects misspelt, missing and mistyped fields', () => {
    // @ts-expect-error misspelt field
    void blinger.conversations.sendMessage({ conversation_id: 1, txt: 'hi' });
    // @ts-expect-error missing text
    void blinger.conversations.sendMessage({ conversation_id: 1 });
    // @ts-expect-error ids are numbers, as Blinger documents them
    void blinger.conversations.sendMessage({ conversation_id: '1', text: 'hi' });
    // @ts-expect-error disable_webhook is a boolean (sent as 0/1)
    void blinger.conversations.sendMessage({ conversation_id: 1, text: 'hi', disable_webhook: 1 });
    // @ts-expect-error assignOperator needs the operator
    void blinger.conversations.assignOperator({ conversation_id: 1 });
    // @ts-expect-error assignGroup takes no operator_id
    void blinger.conversations.assignGroup({ conversation_id: 1, group_id: 2, operator_id: 3 });
    // @ts-expect-error file_url, not url
    void blinger.conversations.sendFileMessage({ conversation_id: 1, url: 'https://x' });
    // @ts-expect-error get needs the conversation
    void blinger.conversations.get();
    // @ts-expect-error no such endpoint
    void blinger.conversations.send({ conversation_id: 1, text: 'hi' });
  });

  it('takes per-call options last', () => {
    void blinger.conversations.sendMessage({ conversation_id: 1, text: 'hi' }, { timeoutMs: 2000, signal: new AbortController().signal, maxRetries: undefined });
    void blinger.operators.all({ maxRetries: 0 });
    // @ts-expect-error misspelt option
    void blinger.operators.all({ retries: 0 });
  });
});

describe('operator methods', () => {
  it('resolve to the documented objects', () => {
    expectTypeOf(blinger.operators.all()).resolves.toEqualTypeOf<Either<BlingerApiError, ApiOperator[]>>();
    expectTypeOf(blinger.operators.groups()).resolves.toEqualTypeOf<Either<BlingerApiError, OperatorGroup[]>>();
    expectTypeOf(blinger.operators.create({ operator_email: 'a@b.c', operator_password: 'p' })).resolves.toEqualTypeOf<Either<BlingerApiError, CreatedOperator>>();
    expectTypeOf(blinger.operators.delete({ operator_id: 1 })).resolves.toEqualTypeOf<Either<BlingerApiError, DeleteOperatorResult>>();
    expectTypeOf<ApiOperator>().toMatchTypeOf<{ id: number; user_id: number; invite_email: string }>();
    expectTypeOf<DeleteOperatorResult>().toEqualTypeOf<{ success: boolean }>();
  });

  it('rejects misspelt fields', () => {
    // @ts-expect-error operator_email, not email
    void blinger.operators.create({ email: 'a@b.c', operator_password: 'p' });
    // @ts-expect-error the password is required
    void blinger.operators.create({ operator_email: 'a@b.c' });
    // @ts-expect-error operator_id, not id
    void blinger.operators.delete({ id: 1 });
  });
});

describe('BlingerApiError', () => {
  it('narrows by kind', async () => {
    const result = await blinger.operators.create({ operator_email: 'a@b.c', operator_password: 'p' });
    if (result._tag === 'Right') return;
    const error = result.left;
    expectTypeOf(error.kind).toEqualTypeOf<'error_response' | 'invalid_response' | 'network_error' | 'timeout' | 'aborted' | 'invalid_request'>();
    expectTypeOf(error.message).toBeString();
    expectTypeOf(error.outcome).toEqualTypeOf<'not_applied' | 'unknown' | 'applied'>();
    switch (error.kind) {
      case 'error_response':
        expectTypeOf(error.status).toBeNumber();
        expectTypeOf(error.error).toEqualTypeOf<string | FieldMessages>();
        expectTypeOf(error.retryAfterSeconds).toEqualTypeOf<number | null>();
        break;
      case 'network_error':
        expectTypeOf(error.code).toEqualTypeOf<string | null>();
        // @ts-expect-error only answers have a status
        void error.status;
        break;
      case 'timeout':
        expectTypeOf(error.timeoutMs).toBeNumber();
        break;
    }
  });
});
