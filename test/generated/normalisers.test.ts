/**
 * The generated normalisers (src/generated/normalisers.ts) give exactly what the codecs' validate
 * decodes: the same verdict on any value, and an equal value when it decodes.
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { transform } from 'esbuild';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { generateNormalisersSource, NORMALISERS_PATH } from '../../scripts/generate-guard.js';
import { BooleanFlag, list, nullable, nullableObject, SafeInteger } from '../../src/codecs/primitives.js';
import * as safe from '../../src/codecs/safe-objects.js';
import { webhookCodecs, type WebhookName, webhookNames } from '../../src/codecs/events.js';
import { REFUSED, webhookNormalisers } from '../../src/generated/normalisers.js';
import { webhookArbitraries } from '../../src/testing/arbitraries/index.js';
import { quirkyWireForm } from '../../src/testing/index.js';
import { applyMutation, type Mutation, mutation, validValue } from './codec-arbitrary.js';

const seed = Number(process.env.FC_SEED ?? 20_250_605);
const runs = (numRuns: number) => ({ seed, numRuns });

/** Whether the normaliser and io-ts agree on `value`: same verdict, and equal values if decoded. */
const agree = (normalise: (u: unknown) => unknown, codec: t.Mixed, value: unknown): boolean => {
  const expected = codec.decode(value);
  const actual = normalise(value);
  if (E.isLeft(expected)) return actual === REFUSED;
  return actual !== REFUSED && isDeepStrictEqual(actual, expected.right);
};

// Quirk-shaped replacements, so that mutations often produce values that decode only through a rule.
const quirky: fc.Arbitrary<unknown> = fc.constantFrom('1', '0', 'true', 'false', '634', '-7', '007', [], { '0': 'a' }, { '1': 1, '0': 2 }, 0, 1, 2);
const quirkyMutation: fc.Arbitrary<Mutation> = fc.oneof(
  mutation,
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), key: fc.nat(), value: quirky }),
);

describe('generated normalisers file', () => {
  it(`${NORMALISERS_PATH} is up to date with the codecs (run npm run generate:guards)`, () => {
    expect(readFileSync(NORMALISERS_PATH, 'utf8')).toBe(generateNormalisersSource());
  });

  it('compiles nothing at run time, and has one normaliser per event', () => {
    expect(generateNormalisersSource()).not.toMatch(/\beval\b|new Function|Function\(/);
    expect(Object.keys(webhookNormalisers)).toEqual([...webhookNames]);
  });
});

describe('generated normalisers agree with io-ts validate', () => {
  const events = webhookArbitraries(fc, { maxArrayLength: 3 });

  it.each(webhookNames)('%s: on canonical events and their quirky wire forms', (name: WebhookName) => {
    const options = fc.record({ share: fc.double({ min: 0, max: 1, noNaN: true }), seed: fc.integer() });
    fc.assert(
      fc.property(events[name], options, (event, settings) => {
        const { payload } = quirkyWireForm(event, settings);
        expect(agree(webhookNormalisers[name], webhookCodecs[name], event)).toBe(true);
        expect(webhookNormalisers[name](event)).toBe(event); // nothing to decode: no copy
        expect(agree(webhookNormalisers[name], webhookCodecs[name], payload)).toBe(true);
        expect(webhookNormalisers[name](payload)).toEqual(event);
      }),
      runs(300),
    );
  });

  it.each(webhookNames)('%s: on mutated values (same verdict; equal values for JSON data)', (name: WebhookName) => {
    const verdicts = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(validValue(webhookCodecs[name]), fc.array(quirkyMutation, { minLength: 1, maxLength: 3 }), (value, changes) => {
        const mutated = changes.reduce(applyMutation, value);
        // Inherited fields exist in JavaScript values only (JSON has no prototypes), and io-ts reads
        // them until it has copied an object, then no more: that order-dependent corner is not
        // reproduced (parseWebhook checks every copy with the guard instead, test/parse.test.ts).
        if (changes.some((change) => change.kind === 'inherit')) return;
        expect(agree(webhookNormalisers[name], webhookCodecs[name], mutated)).toBe(true);
        verdicts[webhookCodecs[name].decode(mutated)._tag === 'Right' ? 'accepted' : 'refused'] += 1;
      }),
      runs(2000),
    );
    expect(verdicts.accepted).toBeGreaterThan(100);
    expect(verdicts.refused).toBeGreaterThan(100);
  });

  it('on arbitrary JSON and JavaScript values', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (value) => {
        for (const name of webhookNames) expect(agree(webhookNormalisers[name], webhookCodecs[name], value)).toBe(true);
      }),
      runs(1000),
    );
  });

  it('keeps a "__proto__" key a key in the copies it makes', () => {
    const event = fc.sample(events.on_user_new, { seed: 1, numRuns: 1 })[0]!;
    const text = JSON.stringify(event).replace('"user":{', '"user":{"__proto__":{"x":1},').replace(/"id":(\d+)/, '"id":"$1"');
    const decoded = webhookNormalisers.on_user_new(JSON.parse(text)) as { user: object };
    expect(Object.getPrototypeOf(decoded.user)).toBe(Object.prototype);
    expect(Object.hasOwn(decoded.user, '__proto__')).toBe(true);
    expect((decoded.user as { x?: unknown }).x).toBeUndefined();
  });
});

describe('the normaliser generator on codecs beyond the events', () => {
  // The package's object codecs (safe.*): io-ts's own t.type would copy a "__proto__" key into
  // the prototype, which the normalisers, like the package's codecs, do not.
  const Mixed = safe.type(
    {
      webhook: t.literal('mixed'),
      choice: t.union([t.string, SafeInteger, safe.type({ k: t.literal(1), n: SafeInteger })]),
      flags: list(BooleanFlag),
      plain: t.array(nullable(SafeInteger)),
      maybe: nullable(nullable(list(nullable(t.boolean)))),
      empty: nullableObject(safe.type({ a: SafeInteger })),
      'odd-key': safe.partial({ deep: safe.intersection([safe.type({ a: t.null }), safe.partial({ b: SafeInteger })]) }),
    },
    'Mixed',
  );

  it('agrees with io-ts on valid, quirky and mutated values', async () => {
    const { code } = await transform(generateNormalisersSource({ mixed: Mixed }), { loader: 'ts', format: 'esm' });
    const wire = new URL('../../src/codecs/wire.ts', import.meta.url).href;
    const { code: wireCode } = await transform(readFileSync(new URL(wire), 'utf8'), { loader: 'ts', format: 'esm' });
    const wireModule = `data:text/javascript;base64,${Buffer.from(wireCode).toString('base64')}`;
    const source = code.replace(/["']\.\.\/codecs\/wire\.js["']/, JSON.stringify(wireModule));
    const module = (await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`)) as {
      normaliseMixed: (u: unknown) => unknown;
      REFUSED: symbol;
    };
    fc.assert(
      fc.property(validValue(Mixed), fc.array(quirkyMutation, { maxLength: 3 }), (value, changes) => {
        const mutated = JSON.parse(JSON.stringify(changes.reduce(applyMutation, value)) ?? 'null');
        const expected = Mixed.decode(mutated);
        const actual = module.normaliseMixed(mutated);
        if (E.isLeft(expected)) expect(actual).toBe(module.REFUSED);
        else expect(actual).toEqual(expected.right);
      }),
      runs(3000),
    );
  });
});
