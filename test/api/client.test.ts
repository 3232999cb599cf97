/**
 * BlingerClient against a local stand-in for Blinger's API on 127.0.0.1: every method, every
 * error shape of the documentation, and the transport's failures (non-JSON, slow, refused,
 * 429, 503, redirects, aborts).
 */
import type { Either } from 'fp-ts/lib/Either.js';
import { createServer } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BlingerClient, type BlingerApiError, type BlingerClientOptions } from '../../src/api/index.js';
import {
  ASSIGNED_ELSEWHERE,
  documentedConversation,
  documentedCreatedOperator,
  documentedGroups,
  documentedOperators,
  startStandIn,
  TAKEN_EMAIL,
  type StandIn,
} from './stand-in.js';

const TOKEN = 'tok_3f9a1c2e7b6d4a5f8e0c1b2a3d4e5f60';

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startStandIn();
});
afterAll(() => standIn.close());
afterEach(() => {
  standIn.requests.length = 0;
});

const client = (options: Partial<BlingerClientOptions> = {}) =>
  new BlingerClient({ token: TOKEN, baseUrl: standIn.baseUrl, retryDelayMs: 10, ...options });

const right = <A>(result: Either<BlingerApiError, A>): A => {
  if (result._tag === 'Left') throw new Error(`expected Right, got ${result.left.message}`);
  return result.right;
};
const left = <A>(result: Either<BlingerApiError, A>): BlingerApiError => {
  if (result._tag === 'Right') throw new Error(`expected Left, got ${JSON.stringify(result.right)}`);
  return result.left;
};
const expectNoToken = (error: BlingerApiError) => {
  expect(JSON.stringify(error)).not.toContain(TOKEN);
  expect(inspect(error, { depth: 10 })).not.toContain(TOKEN);
};

/** A port on 127.0.0.1 that nothing listens on. */
const closedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};

describe('new BlingerClient', () => {
  it.each([
    ['undefined', undefined],
    ['empty', ''],
    ['blank', ' \t '],
  ])('refuses a token that is %s with a TypeError', (_, token) => {
    expect(() => new BlingerClient({ token })).toThrow(TypeError);
    expect(() => new BlingerClient({ token })).toThrow(/token is missing or blank/);
  });

  it('refuses a token holding a line break, without echoing it', () => {
    const make = () => new BlingerClient({ token: 'abc\r\nX-Evil: 1' });
    expect(make).toThrow(TypeError);
    expect(make).toThrow(/^(?!.*abc).*$/s);
  });

  it('refuses malformed options', () => {
    expect(() => new BlingerClient({ token: TOKEN, baseUrl: 'app.blinger.io/api' })).toThrow(TypeError);
    expect(() => new BlingerClient({ token: TOKEN, baseUrl: 'ftp://app.blinger.io/api' })).toThrow(TypeError);
    expect(() => new BlingerClient({ token: TOKEN, authHeader: 'Bad Header' })).toThrow(TypeError);
    expect(() => new BlingerClient({ token: TOKEN, timeoutMs: 0 })).toThrow(RangeError);
    expect(() => new BlingerClient({ token: TOKEN, timeoutMs: Number.NaN })).toThrow(RangeError);
    expect(() => new BlingerClient({ token: TOKEN, maxRetries: -1 })).toThrow(RangeError);
    expect(() => new BlingerClient({ token: TOKEN, maxRetries: 1.5 })).toThrow(RangeError);
  });

  it('accepts undefined for every optional setting, meaning its default', () => {
    const made = new BlingerClient({
      token: TOKEN,
      baseUrl: undefined,
      fetch: undefined,
      timeoutMs: undefined,
      maxRetries: undefined,
      authHeader: undefined,
      authScheme: undefined,
      requestEncoding: undefined,
      retryDelayMs: undefined,
      maxRetryDelayMs: undefined,
    });
    expect(typeof made.conversations.sendMessage).toBe('function');
  });

  it('shows no token when logged', () => {
    const made = client();
    expect(inspect(made, { depth: 10, showHidden: true })).not.toContain(TOKEN);
    expect(JSON.stringify(made)).not.toContain(TOKEN);
  });

  it('defaults to https://app.blinger.io/api with the token bare in Authentication', async () => {
    const seen: Array<[string, Record<string, string>]> = [];
    const made = new BlingerClient({
      token: TOKEN,
      fetch: async (url, init) => {
        seen.push([url, init.headers]);
        return new Response(JSON.stringify({ status: 200, data: documentedOperators }));
      },
    });
    right(await made.operators.all());
    expect(seen).toEqual([['https://app.blinger.io/api/operators/all', { Authentication: TOKEN, accept: 'application/json' }]]);
  });
});

describe('every documented endpoint against the stand-in', () => {
  const conversationData = { ...documentedConversation };

  it.each([
    ['start', 'conversations/start', { conversation_id: 173, operator_id: 11, disable_webhook: true }, { conversation_id: 173, operator_id: 11, disable_webhook: 1 }],
    ['close', 'conversations/close', { conversation_id: 173, disable_webhook: false }, { conversation_id: 173, disable_webhook: 0 }],
    ['unassign', 'conversations/unassign', { conversation_id: 173 }, { conversation_id: 173 }],
    ['assignOperator', 'conversations/assign-operator', { conversation_id: 173, operator_id: 2 }, { conversation_id: 173, operator_id: 2 }],
    ['assignGroup', 'conversations/assign-group', { conversation_id: 173, group_id: 1 }, { conversation_id: 173, group_id: 1 }],
    ['sendMessage', 'conversations/send-message', { conversation_id: 173, text: 'Спасибо, уже смотрим 👍', disable_webhook: true }, { conversation_id: 173, text: 'Спасибо, уже смотрим 👍', disable_webhook: 1 }],
    ['sendFileMessage', 'conversations/send-file-message', { conversation_id: 173, file_url: 'https://example.com/a.pdf', operator_id: 11 }, { conversation_id: 173, file_url: 'https://example.com/a.pdf', operator_id: 11 }],
    ['sendNote', 'conversations/send-note', { conversation_id: 173, text: 'VIP customer' }, { conversation_id: 173, text: 'VIP customer' }],
  ] as const)('conversations.%s POSTs JSON to /%s with the token in Authentication', async (method, endpoint, args, wire) => {
    const call = client().conversations[method] as (request: object) => Promise<Either<BlingerApiError, unknown>>;
    const result = await call(args);
    right(result);
    expect(standIn.requests).toEqual([
      {
        method: 'POST',
        path: `/api/${endpoint}`,
        query: {},
        authentication: TOKEN,
        authorization: undefined,
        contentType: 'application/json',
        body: wire,
      },
    ]);
  });

  it('start and close decode the documented conversation object', async () => {
    const started = right(await client().conversations.start({ conversation_id: 173 }));
    expect(started).toEqual({ ...conversationData, id: 173 });
    expect(started.toBlingerUser.role).toBe('customer');
    const closed = right(await client().conversations.close({ conversation_id: 173 }));
    expect(closed.status).toBe('closed');
  });

  it('the POSTs whose answer Blinger does not document pass data through untouched', async () => {
    expect(right(await client().conversations.sendMessage({ conversation_id: 1, text: 'hi' }))).toEqual({ message_id: 4627 });
    expect(right(await client().conversations.unassign({ conversation_id: 1 }))).toEqual({ success: true });
  });

  it.each([
    ['unassigned', [], 'conversations/unassigned', {}],
    ['unread', [{ operator_id: 11 }], 'conversations/unread', { operator_id: '11' }],
    ['unread', [], 'conversations/unread', {}],
    ['notAnswered', [{ operator_id: 11 }], 'conversations/not-answered', { operator_id: '11' }],
    ['get', [{ conversation_id: 173 }], 'conversations/get', { conversation_id: '173' }],
  ] as const)('conversations.%s GETs /%s with its query', async (method, args, endpoint, query) => {
    const call = client().conversations[method] as (...args: readonly unknown[]) => Promise<Either<BlingerApiError, unknown>>;
    right(await call(...args));
    expect(standIn.requests).toEqual([
      { method: 'GET', path: `/api/${endpoint}`, query, authentication: TOKEN, authorization: undefined, contentType: undefined, body: undefined },
    ]);
  });

  it('conversations.get passes the undocumented data through as unknown', async () => {
    expect(right(await client().conversations.get({ conversation_id: 5 }))).toMatchObject({ id: 5 });
  });

  it('operators.all and operators.groups decode the documented lists', async () => {
    expect(right(await client().operators.all())).toEqual(documentedOperators);
    expect(right(await client().operators.groups())).toEqual(documentedGroups);
    expect(standIn.requests.map((request) => `${request.method} ${request.path} ${request.authentication}`)).toEqual([
      `GET /api/operators/all ${TOKEN}`,
      `GET /api/operators/groups ${TOKEN}`,
    ]);
  });

  it('operators.create and operators.delete send the documented fields and decode the answers', async () => {
    const created = right(await client().operators.create({ operator_email: 'new@example.com', operator_password: 's3cret!' }));
    expect(created).toEqual({ ...documentedCreatedOperator, invite_email: 'new@example.com' });
    expect(right(await client().operators.delete({ operator_id: 2 }))).toEqual({ success: true });
    expect(standIn.requests.map((request) => [request.path, request.body])).toEqual([
      ['/api/operators/create', { operator_email: 'new@example.com', operator_password: 's3cret!' }],
      ['/api/operators/delete', { operator_id: 2 }],
    ]);
  });

  it('sends the token under another header name and scheme when configured', async () => {
    const made = client({ authHeader: 'Authorization', authScheme: 'Bearer' });
    // Without an Authentication header the stand-in answers 401, as Blinger's doc shows.
    expect(left(await made.conversations.sendNote({ conversation_id: 1, text: 'x' }))).toMatchObject({ status: 401 });
    expect(standIn.requests).toMatchObject([{ authorization: `Bearer ${TOKEN}`, authentication: undefined }]);
  });

  it('sends a form instead of JSON when requestEncoding is form', async () => {
    right(await client({ requestEncoding: 'form' }).conversations.sendMessage({ conversation_id: 7, text: 'a&b=c', disable_webhook: true }));
    expect(standIn.requests[0]).toMatchObject({
      contentType: 'application/x-www-form-urlencoded',
      body: { conversation_id: '7', text: 'a&b=c', disable_webhook: '1' },
    });
  });
});

describe("every error shape of Blinger's documentation", () => {
  it('a success is a plain Either, equal to E.right of the data and nothing else', async () => {
    const result = await client().operators.all();
    expect(Object.keys(result).sort()).toEqual(['_tag', 'right']);
  });

  it("a short token (as in tests) does not rewrite Blinger's own message", async () => {
    const short = new BlingerClient({ token: 'token', baseUrl: standIn.baseUrl, authHeader: 'Authorization' });
    const error = left(await short.operators.all());
    expect(error).toMatchObject({ error: 'Empty token' });
    expect(error.message).toContain('"Empty token"');
  });

  it('401 {"error":"Empty token"} when the token does not arrive in Authentication', async () => {
    const error = left(await client({ authHeader: 'Authorization' }).operators.all());
    expect(error).toMatchObject({ kind: 'error_response', status: 401, error: 'Empty token', outcome: 'not_applied', method: 'GET', endpoint: 'operators/all', attempts: 1 });
    expect(error.message).toBe('GET operators/all failed: Blinger answered 401: "Empty token"');
    expectNoToken(error);
  });

  it('400 with a string error (start on a conversation assigned elsewhere, delete of an unknown operator)', async () => {
    const start = left(await client().conversations.start({ conversation_id: ASSIGNED_ELSEWHERE }));
    expect(start).toMatchObject({ kind: 'error_response', status: 400, error: 'The c onversation was assigned to another operator', attempts: 1 });
    const deleted = left(await client().operators.delete({ operator_id: 404 }));
    expect(deleted).toMatchObject({ kind: 'error_response', status: 400, error: 'Operator not found', outcome: 'not_applied' });
    expect(standIn.requests).toHaveLength(2);
  });

  it('400 with field messages, kept structured', async () => {
    const error = left(await client().operators.create({ operator_email: TAKEN_EMAIL, operator_password: 'x' }));
    expect(error).toMatchObject({ kind: 'error_response', status: 400, error: { invite_email: `Email "${TAKEN_EMAIL}" has already been taken.` } });
    expect(error.message).toContain('"invite_email": "Email \\"bbb@bb.bb\\" has already been taken."');
    expectNoToken(error);
  });

  it('an error envelope inside an HTTP 200 is still an error, with the status it names', async () => {
    standIn.script({ status: 200, body: { error: 'Operator not found', status: 400 } });
    expect(left(await client().operators.delete({ operator_id: 9 }))).toMatchObject({ kind: 'error_response', status: 400, error: 'Operator not found' });
  });

  it('never carries the token, even when the answer echoes it', async () => {
    standIn.script({ status: 400, body: { error: `bad token ${TOKEN}`, status: 400 } }, { status: 200, body: { status: 200, data: [{ id: TOKEN }] } });
    const echoed = left(await client().operators.delete({ operator_id: 9 }));
    expect(echoed).toMatchObject({ error: 'bad token [token]' });
    expectNoToken(echoed);
    const invalid = left(await client().operators.all());
    expect(invalid).toMatchObject({ kind: 'invalid_response', reason: 'invalid_data' });
    expectNoToken(invalid);
  });
});

describe('answers that are not what Blinger documents', () => {
  it('a non-JSON answer (a proxy error page) is invalid_response not_json; a POST is sent once', async () => {
    standIn.script({ status: 502, body: '<html><body>Bad Gateway</body></html>' });
    const error = left(await client().conversations.sendMessage({ conversation_id: 1, text: 'once' }));
    expect(error).toMatchObject({ kind: 'invalid_response', reason: 'not_json', status: 502, outcome: 'unknown', attempts: 1, issues: [] });
    expect(standIn.requests).toHaveLength(1);
  });

  it('a GET answered with a non-JSON 502 is retried up to maxRetries', async () => {
    standIn.script({ status: 502, body: 'Bad Gateway' }, { status: 502, body: 'Bad Gateway' }, { status: 502, body: 'Bad Gateway' });
    const error = left(await client().operators.all());
    expect(error).toMatchObject({ kind: 'invalid_response', reason: 'not_json', status: 502, attempts: 3 });
    expect(error.message).toMatch(/after 3 attempts/);
    expect(standIn.requests).toHaveLength(3);
  });

  it('a 2xx with an unreadable body is invalid_response with outcome applied', async () => {
    standIn.script({ status: 200, body: '' });
    expect(left(await client().conversations.close({ conversation_id: 1 }))).toMatchObject({ kind: 'invalid_response', reason: 'not_json', status: 200, outcome: 'applied' });
  });

  it('JSON without data or error is invalid_response not_envelope, with the body kept', async () => {
    standIn.script({ status: 200, body: { ok: true } });
    expect(left(await client().operators.groups())).toMatchObject({ kind: 'invalid_response', reason: 'not_envelope', body: { ok: true } });
  });

  it('data that does not match names the fields by path, never their values', async () => {
    standIn.script({ status: 200, body: { status: 200, data: [{ ...documentedOperators[0], id: 'abc', invite_email: 42 }] } });
    const error = left(await client().operators.all());
    expect(error).toMatchObject({
      kind: 'invalid_response',
      reason: 'invalid_data',
      issues: [
        { path: '0.id', expected: 'safe integer', received: 'string' },
        { path: '0.invite_email', expected: 'string', received: 'number' },
      ],
    });
    expect(error.message).not.toContain('abc');
  });

  it('a redirect is not followed: it would drop the body and send the token elsewhere', async () => {
    standIn.script({ status: 302, headers: { location: 'http://127.0.0.2:1/steal' } });
    const error = left(await client().conversations.sendMessage({ conversation_id: 1, text: 'x' }));
    expect(error).toMatchObject({ kind: 'invalid_response', status: 302 });
    expect(error.message).toContain('check baseUrl');
    expect(standIn.requests).toHaveLength(1);
  });

  it('extra fields are kept and PHP wire quirks decode to canonical values', async () => {
    const quirky = {
      '0': { id: '1', user_id: '1', owner_user_id: 1, invite_email: 'user1@gmail.com', conversations_token: 'a', added_later: 'kept' },
      '2': { id: 2, user_id: '3', owner_user_id: '1', invite_email: 'al@blinger.io', conversations_token: 'b' },
    };
    standIn.script(
      { status: 200, body: { status: '200', data: quirky } },
      { status: 200, body: { status: 200, data: [{ ...documentedGroups[0], is_default: '1', priority: '1' }] } },
      { status: 200, body: { status: 200, data: { ...documentedConversation, id: '2', is_outgoing: 0, close_group: [], toBlingerUser: { ...documentedConversation.toBlingerUser, is_active: 'true' } } } },
    );
    const operators = right(await client().operators.all());
    expect(operators).toEqual([
      { id: 1, user_id: 1, owner_user_id: 1, invite_email: 'user1@gmail.com', conversations_token: 'a', added_later: 'kept' },
      { id: 2, user_id: 3, owner_user_id: 1, invite_email: 'al@blinger.io', conversations_token: 'b' },
    ]);
    expect(right(await client().operators.groups())).toEqual([{ ...documentedGroups[0], is_default: true, priority: 1 }]);
    const conversation = right(await client().conversations.start({ conversation_id: 2 }));
    expect(conversation).toMatchObject({ id: 2, is_outgoing: false, close_group: null, toBlingerUser: { is_active: true } });
  });
});

describe('time limits, failures and retries', () => {
  it('a slow answer past timeoutMs is a timeout; a POST is sent exactly once', async () => {
    standIn.script({ status: 200, body: { status: 200, data: {} }, delayMs: 3000 });
    const started = Date.now();
    const error = left(await client({ timeoutMs: 200 }).conversations.sendMessage({ conversation_id: 1, text: 'slow' }));
    expect(error).toMatchObject({ kind: 'timeout', timeoutMs: 200, outcome: 'unknown', attempts: 1 });
    expect(Date.now() - started).toBeLessThan(2500);
    expect(standIn.requests).toHaveLength(1);
  });

  it('a slow GET is retried after its timeout, up to maxRetries', async () => {
    const slow = { status: 200, body: { status: 200, data: [] }, delayMs: 3000 };
    standIn.script(slow, slow);
    const groups = right(await client({ timeoutMs: 200 }).operators.groups());
    expect(groups).toEqual(documentedGroups); // the third attempt reached the documented route
    expect(standIn.requests).toHaveLength(3);
  });

  it('times out even when a custom fetch ignores the abort signal', async () => {
    const made = new BlingerClient({ token: TOKEN, timeoutMs: 100, maxRetries: 0, fetch: () => new Promise(() => undefined) });
    expect(left(await made.operators.all())).toMatchObject({ kind: 'timeout', attempts: 1 });
  });

  it('a refused connection is a network_error that never reached Blinger, retried', async () => {
    const port = await closedPort();
    const error = left(await client({ baseUrl: `http://127.0.0.1:${port}/api` }).conversations.sendMessage({ conversation_id: 1, text: 'x' }));
    expect(error).toMatchObject({ kind: 'network_error', code: 'ECONNREFUSED', outcome: 'not_applied', attempts: 3 });
    expectNoToken(error);
    const once = left(await client({ baseUrl: `http://127.0.0.1:${port}/api`, maxRetries: 0 }).operators.all());
    expect(once).toMatchObject({ kind: 'network_error', attempts: 1 });
  });

  it('a connection dropped after sending a POST is never retried', async () => {
    standIn.script({ status: 0, destroy: true });
    const error = left(await client().conversations.sendMessage({ conversation_id: 1, text: 'maybe sent' }));
    expect(error).toMatchObject({ kind: 'network_error', outcome: 'unknown', attempts: 1 });
    expect(standIn.requests).toHaveLength(1);
  });

  it('429 then 200: retried after Retry-After, for a GET and for a POST', async () => {
    standIn.script({ status: 429, headers: { 'retry-after': '1' }, body: { error: 'Too many requests', status: 429 } });
    const started = Date.now();
    expect(right(await client().operators.all())).toEqual(documentedOperators);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(standIn.requests).toHaveLength(2);
    standIn.script({ status: 429, headers: { 'retry-after': '0' }, body: { error: 'Too many requests', status: 429 } });
    expect(right(await client().conversations.sendMessage({ conversation_id: 1, text: 'refused, then sent' }))).toEqual({ message_id: 4627 });
    expect(standIn.requests).toHaveLength(4);
  });

  it('a Retry-After longer than maxRetryDelayMs ends the call with the 429 instead of waiting', async () => {
    standIn.script({ status: 429, headers: { 'retry-after': '120' }, body: { error: 'Too many requests', status: 429 } });
    const error = left(await client().operators.all());
    expect(error).toMatchObject({ kind: 'error_response', status: 429, retryAfterSeconds: 120, attempts: 1 });
  });

  it('503 on a POST: exactly one request, outcome unknown', async () => {
    standIn.script({ status: 503, body: { error: 'Service unavailable', status: 503 } }, { status: 503 });
    const error = left(await client().conversations.sendMessage({ conversation_id: 1, text: 'once' }));
    expect(error).toMatchObject({ kind: 'error_response', status: 503, outcome: 'unknown', attempts: 1 });
    expect(standIn.requests).toHaveLength(1);
    standIn.requests.length = 0;
    // A 503 on a GET is retried (the second scripted 503 has an empty body).
    expect(right(await client().operators.all())).toEqual(documentedOperators);
    expect(standIn.requests).toHaveLength(2);
  });

  it('the caller can abort, during a request or while waiting to retry', async () => {
    standIn.script({ status: 200, body: {}, delayMs: 3000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    expect(left(await client().operators.all({ signal: controller.signal }))).toMatchObject({ kind: 'aborted' });
    standIn.script({ status: 429, headers: { 'retry-after': '20' } });
    const waiting = new AbortController();
    setTimeout(() => waiting.abort(), 100);
    const started = Date.now();
    expect(left(await client().operators.all({ signal: waiting.signal }))).toMatchObject({ kind: 'aborted', attempts: 1 });
    expect(Date.now() - started).toBeLessThan(5000);
    const aborted = new AbortController();
    aborted.abort();
    expect(left(await client().operators.all({ signal: aborted.signal }))).toMatchObject({ kind: 'aborted' });
  });

  it('per-call options override the client settings', async () => {
    standIn.script({ status: 502, body: 'x' }, { status: 502, body: 'x' });
    expect(left(await client().operators.all({ maxRetries: 0 }))).toMatchObject({ attempts: 1 });
    standIn.requests.length = 0;
    expect(left(await client().operators.all({ timeoutMs: -1 }))).toMatchObject({ kind: 'invalid_request', field: 'timeoutMs', attempts: 0 });
    expect(standIn.requests).toHaveLength(0);
  });
});

describe('never rejects, never sends a malformed request', () => {
  it('refuses an argument of the wrong type without sending anything', async () => {
    const made = client();
    const send = made.conversations.sendMessage as (request: unknown) => Promise<Either<BlingerApiError, unknown>>;
    expect(left(await send({ conversation_id: '173', text: 'x' }))).toMatchObject({ kind: 'invalid_request', field: 'conversation_id', attempts: 0, outcome: 'not_applied' });
    expect(left(await send({ conversation_id: 1 }))).toMatchObject({ kind: 'invalid_request', field: 'text' });
    expect(left(await send({ conversation_id: 1, text: 'x', disable_webhook: 1 }))).toMatchObject({ field: 'disable_webhook' });
    expect(left(await send(null))).toMatchObject({ field: 'conversation_id' });
    expect(left(await send({ conversation_id: 2 ** 53, text: 'x' }))).toMatchObject({ field: 'conversation_id' });
    expect(standIn.requests).toHaveLength(0);
  });

  it('a fetch that throws, or resolves to something that is not a response, gives a network_error', async () => {
    const throwing = new BlingerClient({ token: TOKEN, maxRetries: 0, fetch: () => { throw new Error(`boom ${TOKEN}`); } });
    const thrown = left(await throwing.operators.all());
    expect(thrown).toMatchObject({ kind: 'network_error', code: null });
    expectNoToken(thrown);
    const odd = new BlingerClient({ token: TOKEN, maxRetries: 0, fetch: async () => ({}) as never });
    expect(left(await odd.conversations.sendMessage({ conversation_id: 1, text: 'x' }))).toMatchObject({ kind: 'network_error' });
  });
});
