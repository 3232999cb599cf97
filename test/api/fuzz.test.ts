/**
 * Whatever an answer holds, and whatever a JavaScript caller passes, every method resolves to a
 * structured result: never a rejection, never the token in an error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlingerClient, type BlingerApiError } from '../../src/api/index.js';

const TOKEN = 'fuzz-token-5b1e9c';
const KINDS = new Set(['error_response', 'invalid_response', 'network_error', 'timeout', 'aborted', 'invalid_request']);

type AnyMethod = (...args: unknown[]) => Promise<{ _tag: 'Left'; left: BlingerApiError } | { _tag: 'Right'; right: unknown }>;

const methodsOf = (client: BlingerClient): Array<[string, AnyMethod]> => [
  ...Object.entries(client.conversations).map(([name, method]) => [`conversations.${name}`, method as AnyMethod] as [string, AnyMethod]),
  ...Object.entries(client.operators).map(([name, method]) => [`operators.${name}`, method as AnyMethod] as [string, AnyMethod]),
];

const validArgs: Record<string, unknown[]> = {
  'conversations.start': [{ conversation_id: 1 }],
  'conversations.close': [{ conversation_id: 1 }],
  'conversations.unassign': [{ conversation_id: 1 }],
  'conversations.assignOperator': [{ conversation_id: 1, operator_id: 2 }],
  'conversations.assignGroup': [{ conversation_id: 1, group_id: 2 }],
  'conversations.sendMessage': [{ conversation_id: 1, text: 'x' }],
  'conversations.sendFileMessage': [{ conversation_id: 1, file_url: 'https://x' }],
  'conversations.sendNote': [{ conversation_id: 1, text: 'x' }],
  'conversations.unassigned': [],
  'conversations.unread': [],
  'conversations.notAnswered': [],
  'conversations.get': [{ conversation_id: 1 }],
  'operators.all': [],
  'operators.groups': [],
  'operators.create': [{ operator_email: 'a@b.c', operator_password: 'p' }],
  'operators.delete': [{ operator_id: 1 }],
};

const checkResult = (result: Awaited<ReturnType<AnyMethod>>, status?: number) => {
  if (result._tag === 'Right') {
    if (status !== undefined) expect(status >= 200 && status < 300).toBe(true);
    return;
  }
  expect(KINDS.has(result.left.kind)).toBe(true);
  expect(typeof result.left.message).toBe('string');
  expect(result.left.message.length).toBeLessThan(2000);
  expect(JSON.stringify(result.left)).not.toContain(TOKEN);
};

const body = fc.oneof(
  fc.string(),
  fc.json(),
  fc.record({ status: fc.anything(), data: fc.anything() }).map((value) => JSON.stringify(value)),
  fc.record({ status: fc.integer(), error: fc.oneof(fc.string(), fc.dictionary(fc.string(), fc.anything())) }).map((value) => JSON.stringify(value)),
  fc.constant(`{"error":"${TOKEN}"}`),
  fc.constant('{"__proto__":{"polluted":true},"data":{"__proto__":{"polluted":true}}}'),
);

describe('fuzzed answers', () => {
  it('every method resolves to a structured result for any status, body and Retry-After', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 200, max: 599 }),
        body,
        fc.option(fc.oneof(fc.string(), fc.nat().map(String)), { nil: undefined }),
        fc.constantFrom(...Object.keys(validArgs)),
        async (status, text, retryAfter, name) => {
          const client = new BlingerClient({
            token: TOKEN,
            maxRetries: 0,
            fetch: async () => new Response(status === 204 || status === 205 || status === 304 ? null : text, {
              status,
              headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter.replace(/[^\x20-\x7e]/g, '') },
            }),
          });
          const method = methodsOf(client).find(([methodName]) => methodName === name)![1];
          checkResult(await method(...validArgs[name]!), status);
        },
      ),
      { numRuns: 400 },
    );
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('fuzzed arguments', () => {
  it('any argument a JavaScript caller passes is sent checked or refused as invalid_request', async () => {
    const sent: string[] = [];
    const client = new BlingerClient({
      token: TOKEN,
      maxRetries: 0,
      fetch: async (url, init) => {
        sent.push(`${url} ${init.body ?? ''}`);
        return new Response('{"status":200,"data":null}');
      },
    });
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.anything(), async (first, second) => {
        for (const [, method] of methodsOf(client)) {
          const result = await method(first, second);
          checkResult(result);
        }
      }),
      { numRuns: 200 },
    );
    for (const request of sent) expect(request).not.toMatch(/"(conversation_id|operator_id|group_id)":(null|"|\{|\[)/);
  });
});
