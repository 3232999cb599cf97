/**
 * The benchmark compares parseWebhook with zod, valibot and ajv schemas of the same events; the
 * comparison is fair only if they make the same decisions as the codecs. This checks that on
 * every fixture, and on JSON-shaped mutations of them.
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ajvWebhook } from '../bench/schemas/ajv.js';
import { valibotWebhook } from '../bench/schemas/valibot.js';
import { zodWebhook } from '../bench/schemas/zod.js';
import { BlingerWebhook, webhookNames } from '../src/codecs/events.js';
import { applyMutation, mutation, type Mutation, validValue } from './generated/codec-arbitrary.js';
import { readFixtures } from './helpers/fixtures.js';

const schemas = {
  zod: (value: unknown) => zodWebhook.safeParse(value).success,
  valibot: (value: unknown) => v.safeParse(valibotWebhook, value).success,
  ajv: (value: unknown) => ajvWebhook(value),
};

const parsed = (folder: 'documented' | 'valid' | 'invalid') =>
  readFixtures(folder).flatMap(([name, bytes]) => {
    try {
      return [[name, JSON.parse(bytes.toString('utf8')) as unknown] as const];
    } catch {
      return [];
    }
  });

const hasKnownWebhook = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  (webhookNames as readonly unknown[]).includes((value as { webhook?: unknown }).webhook);

// The schemas model the canonical form only; the wire-quirk fixtures (quirk_*) decode through the
// codecs' validate and are not canonical, so is() and the schemas refuse them alike.
const canonical = (fixtures: ReturnType<typeof parsed>) => fixtures.filter(([name]) => !name.startsWith('quirk_'));

describe.each(Object.entries(schemas))('bench schema %s', (_library, accepts) => {
  it.each([...parsed('documented'), ...canonical(parsed('valid'))])('accepts %s', (_name, value) => {
    expect(BlingerWebhook.is(value)).toBe(true);
    expect(accepts(value)).toBe(true);
  });

  const invalid = parsed('invalid').filter(([, value]) => hasKnownWebhook(value));

  it('has invalid fixtures of known events to reject', () => {
    expect(invalid.length).toBeGreaterThanOrEqual(8);
  });

  it.each(invalid)('rejects %s', (_name, value) => {
    expect(BlingerWebhook.is(value)).toBe(false);
    expect(accepts(value)).toBe(false);
  });

  it('decides like the codecs on JSON mutations of valid events', () => {
    // Only mutations JSON can carry: inherited fields and array holes do not survive the wire.
    const jsonMutation = mutation.filter((change: Mutation) => change.kind !== 'inherit' && change.kind !== 'hole');
    fc.assert(
      fc.property(validValue(BlingerWebhook), fc.array(jsonMutation, { maxLength: 2 }), (value, changes) => {
        const mutated: unknown = JSON.parse(JSON.stringify(changes.reduce(applyMutation, value)) ?? 'null');
        expect(accepts(mutated)).toBe(BlingerWebhook.is(mutated));
      }),
      { seed: 20_250_605, numRuns: 2000 },
    );
  });
});
