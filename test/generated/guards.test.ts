import { readFileSync } from 'node:fs';
import { transform } from 'esbuild';
import fc from 'fast-check';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { generateGuardsSource, GUARDS_PATH } from '../../scripts/generate-guard.js';
import { nullable, SafeInteger } from '../../src/codecs/primitives.js';
import { webhookCodecs, type WebhookName, webhookNames } from '../../src/codecs/events.js';
import { webhookGuardFor, webhookGuards } from '../../src/generated/guards.js';
import { readFixtures } from '../helpers/fixtures.js';
import { applyMutation, mutation, validValue } from './codec-arbitrary.js';

// A fixed seed makes every run check the same cases; fast-check prints it (with the failing
// path) when a property fails. Set FC_SEED to explore other cases.
const seed = Number(process.env.FC_SEED ?? 20_250_605);
const runs = (numRuns: number) => ({ seed, numRuns });

const guardOf = (name: WebhookName): ((u: unknown) => boolean) => webhookGuards[name];
const codecOf = (name: WebhookName): t.Mixed => webhookCodecs[name];

/** Fixtures that are JSON objects of a known event, the seeds of the mutation tests. */
const fixtureEvents = (['documented', 'valid', 'invalid'] as const)
  .flatMap((folder) => readFixtures(folder))
  .flatMap(([, bytes]) => {
    try {
      const value: unknown = JSON.parse(bytes.toString('utf8'));
      const name = (value as { webhook?: unknown } | null)?.webhook;
      return typeof name === 'string' && (webhookNames as readonly string[]).includes(name)
        ? [[name as WebhookName, value] as const]
        : [];
    } catch {
      return [];
    }
  });

/** Compiles generated guard source (TypeScript) into a module, as the test's own toolchain would. */
const compileGuards = async (source: string): Promise<Record<string, (u: unknown) => boolean>> => {
  const { code } = await transform(source, { loader: 'ts', format: 'esm' });
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
};

describe('generated guards file', () => {
  it(`${GUARDS_PATH} is up to date with the codecs (run npm run generate:guards)`, () => {
    expect(readFileSync(GUARDS_PATH, 'utf8')).toBe(generateGuardsSource());
  });

  it('is deterministic and says it is generated and how to regenerate it', () => {
    const source = generateGuardsSource();
    expect(generateGuardsSource()).toBe(source);
    expect(source.split('\n')[0]).toContain('GENERATED FILE, DO NOT EDIT');
    expect(source).toContain('npm run generate:guards');
  });

  it('compiles nothing at run time', () => {
    expect(generateGuardsSource()).not.toMatch(/\beval\b|new Function|Function\(/);
  });

  it('has one guard per event', () => {
    expect(Object.keys(webhookGuards)).toEqual([...webhookNames]);
  });

  it('finds each guard by name with webhookGuardFor, and nothing for other strings', () => {
    for (const name of webhookNames) expect(webhookGuardFor(name)).toBe(webhookGuards[name]);
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'on_user_new ', 'ON_USER_NEW']) {
      expect(webhookGuardFor(name)).toBeUndefined();
    }
    // Names one character away from an event's, at every position: the dispatch looks at the
    // length and a few characters only, so the final comparison must catch the rest.
    for (const name of webhookNames) {
      for (let index = 0; index < name.length; index++) {
        for (const char of ['_', 'x', name[index]!.toUpperCase()]) {
          const near = name.slice(0, index) + char + name.slice(index + 1);
          if (near !== name) expect(webhookGuardFor(near), near).toBeUndefined();
        }
      }
      expect(webhookGuardFor(`${name}x`)).toBeUndefined();
      expect(webhookGuardFor(name.slice(1))).toBeUndefined();
    }
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom(...webhookNames)), (name) => {
        expect(webhookGuardFor(name)).toBe((webhookNames as readonly string[]).includes(name) ? webhookGuards[name as WebhookName] : undefined);
      }),
      runs(1000),
    );
  });

  it('refuses codecs it does not understand rather than accepting anything', () => {
    expect(() => generateGuardsSource({ x: t.type({ n: t.number }) })).toThrow(/NumberType/);
    expect(() => generateGuardsSource({ x: t.type({ r: t.record(t.string, t.string) }) })).toThrow(/unsupported/);
    expect(() => generateGuardsSource({ x: t.type({ u: t.unknown }) })).toThrow(/unsupported/);
  });
});

describe('generated guards agree with io-ts is()', () => {
  it('on every fixture', () => {
    for (const [name, value] of fixtureEvents) expect(guardOf(name)(value)).toBe(codecOf(name).is(value));
    for (const name of webhookNames) {
      for (const [, value] of fixtureEvents) expect(guardOf(name)(value), name).toBe(codecOf(name).is(value));
    }
  });

  it.each(webhookNames)('%s: on generated valid events (all accepted)', (name) => {
    fc.assert(
      fc.property(validValue(webhookCodecs[name]), (value) => {
        expect(codecOf(name).is(value)).toBe(true);
        expect(guardOf(name)(value)).toBe(true);
      }),
      runs(1000),
    );
  });

  it.each(webhookNames)('%s: on mutated events (fields removed or retyped, nulls, extra and __proto__ keys)', (name) => {
    const verdicts = { accepted: 0, rejected: 0 };
    const seeds = fc.oneof(
      validValue(webhookCodecs[name]),
      fc.constantFrom(...fixtureEvents.filter(([event]) => event === name).map(([, value]) => value)),
    );
    fc.assert(
      fc.property(seeds, fc.array(mutation, { minLength: 1, maxLength: 3 }), (value, changes) => {
        const mutated = changes.reduce(applyMutation, value);
        const expected = codecOf(name).is(mutated);
        verdicts[expected ? 'accepted' : 'rejected'] += 1;
        expect(guardOf(name)(mutated)).toBe(expected);
      }),
      runs(3000),
    );
    // Both verdicts must occur often, or the property proves little.
    expect(verdicts.accepted).toBeGreaterThan(300);
    expect(verdicts.rejected).toBeGreaterThan(300);
  });

  it('on arbitrary JSON and JavaScript values', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (value) => {
        for (const name of webhookNames) expect(guardOf(name)(value)).toBe(codecOf(name).is(value));
      }),
      runs(2000),
    );
  });

  it('on io-ts corner cases: inherited fields, holes, __proto__ keys, -0 and unsafe integers', () => {
    const base = JSON.parse(readFileSync('fixtures/documented/on_message_incoming.json', 'utf8'));
    const inherited = Object.assign(Object.create({ message_id: 1 }) as object, { ...base, message_id: undefined });
    delete (inherited as { message_id?: unknown }).message_id;
    const sparseTags = { ...base, message: { ...base.message, tags: ['a', , 'b'] } }; // eslint-disable-line no-sparse-arrays
    const undefinedTag = { ...base, message: { ...base.message, tags: ['a', undefined] } };
    const protoKey = JSON.parse(JSON.stringify(base).replace('{', '{"__proto__":{"webhook":1},'));
    const cases = [inherited, sparseTags, undefinedTag, protoKey, { ...base, message_id: -0 }, { ...base, message_id: 2 ** 53 }];
    const verdicts = cases.map((value) => webhookCodecs.on_message_incoming.is(value));
    expect(verdicts).toEqual([true, true, false, true, true, false]);
    expect(cases.map((value) => webhookGuards.on_message_incoming(value))).toEqual(verdicts);
  });
});

describe('the generator on codecs beyond the events', () => {
  // Unions, literals of every kind and nested nullables do not occur in the events today; this
  // checks the generator's output for them, compiled the way the package's build would.
  const Mixed = t.type(
    {
      webhook: t.literal('mixed'),
      choice: t.union([t.string, SafeInteger, t.type({ k: t.literal(1) })]),
      flag: t.literal(true),
      quoted: t.union([t.literal(`it's "quoted" \\ ok`), t.literal(-2.5)]),
      maybe: nullable(nullable(t.array(nullable(t.boolean)))),
      'odd-key': t.partial({ deep: t.intersection([t.type({ a: t.null }), t.partial({ b: t.string })]) }),
    },
    'Mixed',
  );

  it('agrees with io-ts on valid and mutated values', async () => {
    const source = generateGuardsSource({ mixed: Mixed });
    const guards = await compileGuards(source);
    const isMixed = guards.isMixed!;
    expect(guards.webhookGuardFor!('mixed')).toBe(isMixed);
    fc.assert(
      fc.property(validValue(Mixed), fc.array(mutation, { maxLength: 3 }), (value, changes) => {
        const mutated = changes.reduce(applyMutation, value);
        expect(isMixed(mutated)).toBe(Mixed.is(mutated));
      }),
      runs(3000),
    );
  });
});
