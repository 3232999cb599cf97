/**
 * Wire quirks: what a PHP/MySQL sender writes instead of the canonical JSON value, and how a codec
 * that decodes one says so.
 *
 * Blinger's backend is PHP (its own webhook page prints a payload in PHP array syntax), and PHP's
 * `json_encode` and MySQL drivers write integers as strings, booleans as `0`/`1`, an empty
 * associative array as `[]` and a filtered list as an object with numeric keys. The codecs decode
 * these to the canonical value (docs/type-model.md has the table and the evidence for each rule).
 * A decoded quirk is recorded only when the decoding was started with a quirk recorder, as
 * `parseWebhook` does for its `onWireQuirks` and `wireQuirks: 'reject'` options; otherwise the
 * cost is nothing.
 *
 * @module
 */
import type * as t from 'io-ts';
import type { ReceivedType } from '../errors.js';

/**
 * One rule of the wire-quirk table, named after what arrived:
 *
 * - `integer-as-string`: an integer field as a string of decimal digits (`"173"`).
 * - `boolean-as-number-or-string`: a boolean field as `0`, `1`, `"0"`, `"1"`, `"true"` or `"false"`.
 * - `empty-array-as-null`: `[]` for an object field that may be `null` (`close_group`, a closed
 *   conversation's `operator`).
 * - `empty-operator`: `[]` or `null` for the `operator` of a message or comment event (decoded as
 *   the not-assigned operator, every field `null`).
 * - `array-as-object`: an array field as an object whose keys are all canonical non-negative
 *   integers (`{"0":"a","2":"b"}`), decoded as its values in ascending key order.
 *
 * @category Wire quirks
 * @since 0.2.0
 */
export type WireQuirkRule =
  | 'integer-as-string'
  | 'boolean-as-number-or-string'
  | 'empty-array-as-null'
  | 'empty-operator'
  | 'array-as-object';

/**
 * Every rule of the wire-quirk table, in the table's order.
 *
 * @category Wire quirks
 * @since 0.2.0
 */
export const wireQuirkRules: readonly WireQuirkRule[] = [
  'integer-as-string',
  'boolean-as-number-or-string',
  'empty-array-as-null',
  'empty-operator',
  'array-as-object',
];

/**
 * A field that arrived in a wire-quirk form and was decoded to its canonical value, as
 * `parseWebhook`'s `onWireQuirks` hook reports it. Like errors, it names the field and the JSON
 * type that arrived, never the value.
 *
 * @category Wire quirks
 * @since 0.2.0
 */
export interface WireQuirk {
  /** Dotted JSON path of the field, such as `conversation.operator.id`. */
  readonly path: string;
  /** The rule that decoded it. */
  readonly rule: WireQuirkRule;
  /** The canonical type of the field, such as `safe integer`, `boolean`, `Array<string>`. */
  readonly expected: string;
  /** The JSON type that arrived, such as `string` for `"173"`. */
  readonly received: ReceivedType;
}

/** A decoded quirk as a codec records it: the io-ts context says where, the rule says what. */
export interface RecordedQuirk {
  /** The io-ts context of the field (its JSON path is read from it only when asked for). */
  readonly context: t.Context;
  /** Which rule decoded it. */
  readonly rule: WireQuirkRule;
  /** The value that arrived, kept only for its JSON type. */
  readonly actual: unknown;
}

/**
 * The root entry of an io-ts context that records quirks: decoding started with this entry as its
 * context collects every quirk it decodes into `quirks`.
 */
export interface QuirkRecordingEntry extends t.ContextEntry {
  /** Where the codecs push the quirks they decode. */
  readonly quirks: RecordedQuirk[];
}

/** A root context entry that records the quirks decoded under it. */
export const quirkRecordingContext = (type: t.Decoder<unknown, unknown>, actual: unknown): [QuirkRecordingEntry] => [
  { key: '', type, actual, quirks: [] },
];

/** Called by a codec that has just decoded a quirk: records it if the decoding asked for that. */
export const recordQuirk = (context: t.Context, rule: WireQuirkRule, actual: unknown): void => {
  const quirks = (context[0] as Partial<QuirkRecordingEntry> | undefined)?.quirks;
  if (quirks !== undefined) quirks.push({ context, rule, actual });
};

// Decimal digits, an optional leading minus, no leading zeros (so no "-0"), at most 16 digits;
// Number.isSafeInteger then checks the range.
const CANONICAL_INTEGER = /^(?:0|-?[1-9][0-9]{0,15})$/;

/**
 * The integer a string of decimal digits stands for, or `undefined` when the string is not one:
 * an optional leading `-`, no leading zeros, no spaces, sign, point or exponent, and within the
 * safe-integer range. `"173"` is 173; `"12.5"`, `""`, `" 7"`, `"0x1F"`, `"007"`, `"-0"`, `"1e3"`
 * and `"9007199254740993"` are not integers.
 */
export const integerFromDigits = (text: string): number | undefined => {
  if (!CANONICAL_INTEGER.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
};

const BOOLEAN_FLAGS = new Map<unknown, boolean>([
  [1, true],
  [0, false],
  ['1', true],
  ['0', false],
  ['true', true],
  ['false', false],
]);

/** The boolean a MySQL flag (`0`, `1`, `"0"`, `"1"`, `"true"`, `"false"`) stands for, else `undefined`. */
export const booleanFromFlag = (flag: unknown): boolean | undefined => BOOLEAN_FLAGS.get(flag);

// A canonical non-negative integer: what PHP writes as the key of a list element.
const INDEX_KEY = /^(?:0|[1-9][0-9]{0,15})$/;

/**
 * The values of an object whose keys are all canonical non-negative integers, in ascending key
 * order, with their keys; `undefined` when some key is not one (or the value is not an object).
 */
export const indexedValues = (u: unknown): Array<[key: string, value: unknown]> | undefined => {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return undefined;
  const record = u as Record<string, unknown>;
  const entries: Array<[string, unknown]> = [];
  let sorted = true;
  let previous = -1;
  for (const key of Object.keys(record)) {
    if (!INDEX_KEY.test(key)) return undefined;
    const index = Number(key);
    if (!Number.isSafeInteger(index)) return undefined;
    // Object.keys lists array-index keys in ascending order already; larger ones follow in
    // insertion order, so they are sorted only when that happens.
    if (index < previous) sorted = false;
    previous = index;
    entries.push([key, record[key]]);
  }
  return sorted ? entries : entries.sort(([a], [b]) => Number(a) - Number(b));
};

