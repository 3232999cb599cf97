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
 */
export type WireQuirkRule =
  | 'integer-as-string'
  | 'boolean-as-number-or-string'
  | 'empty-array-as-null'
  | 'empty-operator'
  | 'array-as-object';

/** Every rule of the wire-quirk table, in the table's order. */
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
