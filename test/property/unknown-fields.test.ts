/**
 * A tolerant reader: fields the codecs do not declare, added at any depth and under any name
 * (`__proto__`, `constructor` and `prototype` included, sent as JSON text), never cause a
 * rejection, are kept as plain data, and never reach `Object.prototype`.
 */
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlingerWebhook, parseWebhook } from '../../src/index.js';
import { webhookArbitraries } from '../../src/testing/arbitraries/index.js';
import { declaredKeys } from './helpers/codec-tree.js';
import { cloneJson, defineField, isPlainJsonTree, objectsIn } from './helpers/json.js';
import { check, runs } from './helpers/settings.js';

const events = webhookArbitraries(fc);
const declared = declaredKeys(BlingerWebhook);

const DANGEROUS_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'isPrototypeOf',
  'then',
];

const unknownKey = fc
  .oneof(fc.constantFrom(...DANGEROUS_KEYS), fc.string(), fc.string({ unit: 'binary' }))
  .filter((key) => !declared.has(key));

// Values an attacker would put under `__proto__`: objects that would pollute if merged.
const addedValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant({ polluted: 'yes', isAdmin: true }),
  fc.constant({ __proto__: { polluted: 'yes' } }),
  fc.constant({ constructor: { prototype: { polluted: 'yes' } } }),
);

/** A generated event with unknown fields added to some of its objects, as JSON text. */
const eventWithUnknownFields = fc
  .tuple(events.any, fc.array(fc.tuple(fc.nat(), unknownKey, addedValue), { minLength: 1, maxLength: 6 }))
  .map(([event, additions]) => {
    const copy = cloneJson(event);
    const objects = objectsIn(copy);
    for (const [at, key, value] of additions) {
      const target = objects[at % objects.length]!;
      // The value is parsed from JSON text, so a nested "__proto__" is an own key there too.
      defineField(target, key, JSON.parse(JSON.stringify(value)));
    }
    return { event, text: JSON.stringify(copy) };
  });

const prototypeNames = (): string[] => Object.getOwnPropertyNames(Object.prototype).sort();

describe('unknown fields anywhere', () => {
  let before: string[];
  beforeEach(() => {
    before = prototypeNames();
  });
  afterEach(() => {
    expect(prototypeNames()).toEqual(before);
  });

  it('never cause a rejection, are kept, and never pollute Object.prototype', () => {
    check(
      fc.property(eventWithUnknownFields, ({ event, text }) => {
        for (const input of [text, Buffer.from(text), JSON.parse(text) as unknown]) {
          const result = parseWebhook(input);
          if (E.isLeft(result)) throw new Error(`rejected: ${result.left.message}`);
          // Kept exactly as sent: same text back, declared fields equal to the event's.
          if (JSON.stringify(result.right) !== text) throw new Error('the decoded event differs from what was sent');
          if (result.right.webhook !== event.webhook) throw new Error('the event name changed');
          if (!isPlainJsonTree(result.right)) throw new Error('a decoded object is not a plain object');
        }
        const probe: Record<string, unknown> = {};
        return probe.polluted === undefined && probe.isAdmin === undefined && !('polluted' in Object.prototype);
      }),
      runs(2000),
    );
  });

  it('keep a "__proto__" key sent in JSON as an own data field, not a prototype', () => {
    check(
      fc.property(events.any, fc.jsonValue({ maxDepth: 2 }), (event, value) => {
        const body = `{"__proto__":${JSON.stringify({ polluted: value })},${JSON.stringify(event).slice(1)}`;
        const result = parseWebhook(body);
        if (E.isLeft(result)) throw new Error(`rejected: ${result.left.message}`);
        const decoded: object = result.right;
        return (
          Object.getPrototypeOf(decoded) === Object.prototype &&
          Object.hasOwn(decoded, '__proto__') &&
          !('polluted' in decoded) &&
          !('polluted' in {})
        );
      }),
      runs(500),
    );
  });
});
