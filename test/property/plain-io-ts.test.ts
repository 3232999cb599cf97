/**
 * `arbitraryFromCodec` on plain io-ts codecs (issue 12, item 10): its TSDoc promises `keyof`,
 * `number`, `null`, `readonly`, `partial` and the package's open strings, which the event codecs
 * alone never reach. Each generated value must be one the codec accepts and survive JSON.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { openString } from '../../src/codecs/primitives.js';
import { arbitraryFromCodec } from '../../src/testing/arbitraries/index.js';
import { check, runs } from './helpers/settings.js';

const sample = <C extends t.Mixed>(codec: C, numRuns = 300): Array<t.TypeOf<C>> =>
  fc.sample(arbitraryFromCodec(fc, codec), { seed: 7, numRuns });

describe('arbitraryFromCodec on plain io-ts codecs', () => {
  it('t.keyof: only the keys', () => {
    const Colour = t.keyof({ red: null, green: null, blue: null });
    const values = sample(Colour);
    expect(values.every((value) => Colour.is(value))).toBe(true);
    expect(new Set(values)).toEqual(new Set(['red', 'green', 'blue']));
  });

  it('t.number: finite numbers only, never -0, so each survives JSON unchanged', () => {
    const values = sample(t.number, 1000);
    expect(values.every((n) => Number.isFinite(n) && !Object.is(n, -0))).toBe(true);
    expect(values.every((n) => Object.is(JSON.parse(JSON.stringify(n)), n))).toBe(true);
    expect(values.some((n) => !Number.isInteger(n))).toBe(true);
  });

  it('t.null: always null', () => {
    expect(sample(t.null, 20)).toEqual(Array.from({ length: 20 }, () => null));
  });

  it('an open string with no known values: any string', () => {
    const Free = openString('Free', []);
    const values = sample(Free);
    expect(values.every((value) => typeof value === 'string' && Free.is(value))).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(10);
  });

  it('t.readonly, t.readonlyArray, t.partial and t.exact in one tree round-trip through JSON', () => {
    const Tree = t.exact(
      t.intersection([
        t.type({ kind: t.keyof({ a: null, b: null }), score: t.number, gone: t.null }),
        t.partial({ note: t.string, flags: t.readonlyArray(t.boolean) }),
        t.readonly(t.type({ id: t.union([t.literal(1), t.literal('one')]) })),
      ]),
    );
    check(
      fc.property(arbitraryFromCodec(fc, Tree, { maxArrayLength: 5 }), (value) => {
        const decoded = Tree.decode(JSON.parse(JSON.stringify(value)));
        return decoded._tag === 'Right' && isDeepStrictEqual(decoded.right, value) && (value.flags ?? []).length <= 5;
      }),
      runs(300),
    );
    const values = sample(Tree);
    expect(values.some((value) => Object.hasOwn(value, 'note'))).toBe(true);
    expect(values.some((value) => !Object.hasOwn(value, 'note'))).toBe(true);
  });
});
