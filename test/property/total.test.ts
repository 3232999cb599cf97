/**
 * parseWebhook is total: whatever arrives, it returns an Either and never throws, and what it
 * accepts is always a valid event.
 */
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { BlingerWebhook, parseWebhook, type WebhookParseError } from '../../src/index.js';
import { webhookArbitraries } from '../../src/testing/arbitraries/index.js';
import { fieldSlots } from './helpers/codec-tree.js';
import { withField } from './helpers/json.js';
import { check, runs } from './helpers/settings.js';

const events = webhookArbitraries(fc);

const KINDS = new Set<WebhookParseError['kind']>(['invalid_json', 'unknown_event', 'invalid_payload']);

/** The whole contract of a result: a Right holds a valid event, a Left a well-formed error. */
const isWellFormedResult = (input: unknown): boolean => {
  let result: ReturnType<typeof parseWebhook>;
  try {
    result = parseWebhook(input);
  } catch (error) {
    throw new Error(`parseWebhook threw ${error instanceof Error ? error.name : typeof error}`);
  }
  if (E.isRight(result)) return BlingerWebhook.is(result.right);
  if (!E.isLeft(result)) return false;
  const error = result.left;
  if (!KINDS.has(error.kind) || typeof error.message !== 'string' || error.message === '') return false;
  if (error.kind === 'invalid_payload') {
    return error.issues.length > 0 && error.issues.length <= error.issueCount;
  }
  return true;
};

// Byte-level damage to a valid delivery: replaced, inserted and removed bytes, and truncation.
const damagedBytes = fc
  .tuple(
    events.any,
    fc.array(fc.tuple(fc.constantFrom('replace', 'insert', 'remove'), fc.nat(), fc.integer({ min: 0, max: 255 })), {
      minLength: 1,
      maxLength: 8,
    }),
    fc.option(fc.nat(), { nil: undefined }),
  )
  .map(([event, edits, cut]) => {
    const bytes = [...Buffer.from(JSON.stringify(event))];
    for (const [kind, at, byte] of edits) {
      const index = at % (bytes.length + 1);
      if (kind === 'replace') bytes[Math.min(index, bytes.length - 1)] = byte;
      else if (kind === 'insert') bytes.splice(index, 0, byte);
      else bytes.splice(index, 1);
    }
    return Uint8Array.from(cut === undefined ? bytes : bytes.slice(0, cut % (bytes.length + 1)));
  });

describe('parseWebhook is total', () => {
  it('on arbitrary JSON values, pre-parsed and as text', () => {
    check(
      fc.property(fc.jsonValue(), (value) => isWellFormedResult(value) && isWellFormedResult(JSON.stringify(value))),
      runs(3000),
    );
  });

  it('on arbitrary JavaScript values (bigints, boxed values, Maps, Sets, null prototypes, sparse and typed arrays)', () => {
    const anything = fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
      withUnicodeString: true,
    });
    check(fc.property(anything, isWellFormedResult), runs(2000));
  });

  it('on arbitrary strings, any code points including lone surrogates', () => {
    check(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.json()), isWellFormedResult),
      runs(3000),
    );
  });

  it('on arbitrary byte arrays, as Uint8Array, Buffer, ArrayBuffer and offset views', () => {
    check(
      fc.property(fc.uint8Array({ maxLength: 512 }), fc.nat({ max: 8 }), (bytes, offset) => {
        const padded = new Uint8Array(bytes.length + offset);
        padded.set(bytes, offset);
        return (
          isWellFormedResult(bytes) &&
          isWellFormedResult(Buffer.from(bytes)) &&
          isWellFormedResult(bytes.buffer) &&
          isWellFormedResult(new DataView(padded.buffer, offset)) &&
          isWellFormedResult(new Uint8Array(padded.buffer, offset))
        );
      }),
      runs(3000),
    );
  });

  it('on pre-parsed events with a throwing getter or a Proxy in place of any field', () => {
    const withTrap = events.any.chain((event) => {
      const slots = fieldSlots(BlingerWebhook, event);
      return fc.tuple(fc.constant(event), fc.nat({ max: slots.length - 1 }), fc.boolean()).map(([base, index, proxy]) => {
        const path = slots[index]!.path;
        const copy = withField(base, path, null) as Record<string, unknown>;
        let parent: Record<string, unknown> = copy;
        for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<string, unknown>;
        const key = path[path.length - 1]!;
        const explode = (): never => {
          throw new Error('hostile value');
        };
        if (proxy) parent[key] = new Proxy({}, { get: explode, ownKeys: explode, getPrototypeOf: explode, has: explode });
        else Object.defineProperty(parent, key, { get: explode, enumerable: true });
        return copy;
      });
    });
    check(
      fc.property(withTrap, (value) => isWellFormedResult(value) && E.isLeft(parseWebhook(value))),
      runs(1000),
    );
  });

  it('on valid deliveries with damaged bytes', () => {
    check(fc.property(damagedBytes, isWellFormedResult), runs(2000));
  });
});
