/**
 * Quirk-tolerant building blocks for the API's answers.
 *
 * Blinger's backend is PHP on MySQL, and such backends write integers as digit strings, tinyint
 * booleans as `0`/`1`, an empty associative array as `[]` and a filtered list as an object with
 * numeric keys. These codecs decode each of those to the canonical value (the rules of the webhook
 * codecs, issue 10); `is()` accepts canonical values only and `encode` writes the canonical form.
 * Each is typed as a plain `t.Type`, so no name of this module appears in the public types.
 *
 * Kept local to the API client on purpose, small and with the rules in one place, so that they can
 * be replaced by the shared primitives of `src/codecs/primitives.ts` once those tolerate the same
 * quirks.
 *
 * @module
 */
import * as t from 'io-ts';

// A canonical decimal integer: optional '-', no leading zeros, no spaces, no exponent.
const DECIMAL_INTEGER = /^-?(?:0|[1-9][0-9]*)$/;

/** Reads a canonical digit string as a safe integer, or returns `undefined`. */
const integerFromString = (value: string): number | undefined => {
  if (value.length > 17 || !DECIMAL_INTEGER.test(value) || value === '-0') return undefined;
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : undefined;
};

/**
 * A safe integer (ids, counters, Unix seconds) that also decodes from a canonical digit string
 * (`"173"` → `173`). `"12.5"`, `""`, `" 7"`, `"0x1F"` and digit strings beyond 2^53 are rejected.
 */
export const WireInteger: t.Type<number, number, unknown> = new t.Type<number, number, unknown>(
  'safe integer',
  (u): u is number => Number.isSafeInteger(u),
  (u, c) => {
    if (Number.isSafeInteger(u)) return t.success(u as number);
    const number = typeof u === 'string' ? integerFromString(u) : undefined;
    return number === undefined ? t.failure(u, c) : t.success(number);
  },
  t.identity,
);

const BOOLEANS: ReadonlyMap<unknown, boolean> = new Map<unknown, boolean>([
  [0, false],
  [1, true],
  ['0', false],
  ['1', true],
  ['false', false],
  ['true', true],
]);

/** A boolean that also decodes from `0`, `1`, `"0"`, `"1"`, `"true"` and `"false"` (MySQL tinyint). */
export const WireBoolean: t.Type<boolean, boolean, unknown> = new t.Type<boolean, boolean, unknown>(
  'boolean',
  (u): u is boolean => typeof u === 'boolean',
  (u, c) => {
    if (typeof u === 'boolean') return t.success(u);
    const boolean = BOOLEANS.get(u);
    return boolean === undefined ? t.failure(u, c) : t.success(boolean);
  },
  t.identity,
);

const isEmptyArray = (u: unknown): boolean => Array.isArray(u) && u.length === 0;

/**
 * `codec`, or `null`; an empty array `[]` (PHP's `json_encode` of an empty associative array) also
 * decodes to `null`. For object fields that may be `null`.
 */
export const wireNullable = <C extends t.Mixed>(codec: C): t.Type<t.TypeOf<C> | null, t.OutputOf<C> | null, unknown> =>
  new t.Type<t.TypeOf<C> | null, t.OutputOf<C> | null, unknown>(
    `${codec.name} | null`,
    (u): u is t.TypeOf<C> | null => u === null || codec.is(u),
    (u, c) => (u === null || isEmptyArray(u) ? t.success(null) : codec.validate(u, c)),
    (a) => (a === null ? null : codec.encode(a)),
  );

const CANONICAL_INDEX = /^(?:0|[1-9][0-9]*)$/;

/** The values of an object whose keys are all canonical non-negative integers, in key order. */
const valuesOfIndexedObject = (u: unknown): unknown[] | undefined => {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return undefined;
  const keys = Object.keys(u);
  if (!keys.every((key) => CANONICAL_INDEX.test(key) && Number.isSafeInteger(Number(key)))) return undefined;
  // Integer-like keys already enumerate in ascending order; sorting states the rule.
  return keys.sort((a, b) => Number(a) - Number(b)).map((key) => (u as Record<string, unknown>)[key]);
};

/**
 * An array of `codec`; an object whose keys are all non-negative integers (`{"0": a, "2": b}`,
 * PHP's encoding of a list with gaps) decodes to the array of its values in key order.
 */
export const wireArray = <C extends t.Mixed>(codec: C): t.Type<Array<t.TypeOf<C>>, Array<t.OutputOf<C>>, unknown> => {
  const array = t.array(codec);
  return new t.Type<Array<t.TypeOf<C>>, Array<t.OutputOf<C>>, unknown>(
    array.name,
    array.is,
    (u, c) => array.validate(valuesOfIndexedObject(u) ?? u, c),
    array.encode,
  );
};
