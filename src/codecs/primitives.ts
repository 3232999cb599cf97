/**
 * Small io-ts building blocks the event codecs are made of.
 *
 * Each is a class with its own `_tag`, like io-ts's own types, so code that walks the codec tree
 * (the generated fast guard, the fast-check arbitraries) can recognise it.
 *
 * @module
 */
import * as t from 'io-ts';
import { booleanFromFlag, indexedValues, integerFromDigits, recordQuirk, type WireQuirkRule } from './wire.js';

/**
 * A codec for `T | null`.
 *
 * io-ts's idiomatic `t.union([t.null, codec])` tries the `null` branch first and allocates an
 * error for every non-null value; this checks `null` directly and otherwise delegates.
 */
export class NullableType<C extends t.Mixed> extends t.Type<t.TypeOf<C> | null, t.OutputOf<C> | null, unknown> {
  /** Identifies this codec kind when walking a codec tree. */
  readonly _tag = 'NullableType' as const;
  constructor(
    /** The codec of the non-null values. */
    readonly type: C,
  ) {
    super(
      `${type.name} | null`,
      (u): u is t.TypeOf<C> | null => u === null || type.is(u),
      (u, c) => (u === null ? t.success(null) : type.validate(u, c)),
      (a) => (a === null ? null : type.encode(a)),
    );
  }
}

/** `codec`, or `null`. Used wherever Blinger's documentation shows or promises a `null`. */
export const nullable = <C extends t.Mixed>(codec: C): NullableType<C> => new NullableType(codec);

/**
 * A string whose documented values are known but whose set will grow: the known values give
 * autocompletion, any other string still decodes (`Known | (string & {})`).
 */
export class OpenStringType<Known extends string> extends t.Type<Known | (string & {}), string, unknown> {
  /** Identifies this codec kind when walking a codec tree. */
  readonly _tag = 'OpenStringType' as const;
  constructor(
    name: string,
    /** The values Blinger documents today. */
    readonly known: readonly Known[],
  ) {
    super(
      name,
      (u): u is Known | (string & {}) => typeof u === 'string',
      (u, c) => (typeof u === 'string' ? t.success(u) : t.failure(u, c)),
      t.identity,
    );
  }
}

/** An open set of strings: see {@link OpenStringType}. */
export const openString = <Known extends string>(name: string, known: readonly Known[]): OpenStringType<Known> =>
  new OpenStringType(name, known);

/**
 * A JavaScript safe integer (|n| ≤ 2^53 − 1): ids, counters and Unix timestamps.
 *
 * `JSON.parse` silently rounds integers above 2^53, so an id that large would reach you wrong;
 * such a payload is rejected instead, naming the field.
 *
 * Decoding also accepts the integer written as a string of decimal digits (`"173"`), as PHP and
 * MySQL drivers write it (wire-quirk rule `integer-as-string`: an optional leading `-`, no leading
 * zeros, spaces, sign, point or exponent),
 * and gives the number. `is()` stays strict: it accepts numbers only. `encode` gives the number.
 */
export class SafeIntegerType extends t.Type<number, number, unknown> {
  /** Identifies this codec kind when walking a codec tree. */
  readonly _tag = 'SafeIntegerType' as const;
  constructor() {
    super(
      'safe integer',
      (u): u is number => Number.isSafeInteger(u),
      (u, c) => {
        if (Number.isSafeInteger(u)) return t.success(u as number);
        const value = typeof u === 'string' ? integerFromDigits(u) : undefined;
        if (value === undefined) return t.failure(u, c);
        recordQuirk(c, 'integer-as-string', u);
        return t.success(value);
      },
      t.identity,
    );
  }
}

/**
 * A safe integer (`Number.isSafeInteger`, at most 2^53 - 1): the codec of every id, counter and
 * timestamp. Decoding also accepts a string of decimal digits (`"173"`, wire-quirk rule
 * `integer-as-string`) and gives the number; `is()` accepts numbers only.
 *
 * @category Codecs
 * @since 0.1.0
 */
export const SafeInteger: SafeIntegerType = new SafeIntegerType();

/**
 * An id that Blinger sends sometimes as a number and sometimes as a string of digits
 * (conversation tags show `"id": "id"` and `"message_id": "634"` while other ids are numbers).
 * Both decode; the value is passed through unchanged, so compare with `String(id)`.
 */
export class LooseIdType extends t.Type<number | string, number | string, unknown> {
  /** Identifies this codec kind when walking a codec tree. */
  readonly _tag = 'LooseIdType' as const;
  constructor() {
    super(
      'number | string',
      (u): u is number | string => typeof u === 'string' || Number.isSafeInteger(u),
      (u, c) => (typeof u === 'string' || Number.isSafeInteger(u) ? t.success(u as number | string) : t.failure(u, c)),
      t.identity,
    );
  }
}

/** An id sent as a number or as a string: see {@link LooseIdType}. */
export const LooseId: LooseIdType = new LooseIdType();

/** Blinger's timestamps: Unix time in whole seconds (multiply by 1000 for `new Date()`). */
export const UnixSeconds: SafeIntegerType = SafeInteger;

/**
 * A boolean, such as `is_outgoing`. Decoding also accepts what a MySQL `tinyint(1)` column becomes
 * on the wire: `0`, `1`, `"0"`, `"1"`, `"true"` and `"false"` (wire-quirk rule
 * `boolean-as-number-or-string`), and gives the boolean; anything else (`2`, `"yes"`, `"TRUE"`,
 * `""`) is rejected. `is()` stays strict: it accepts `true` and `false` only. `encode` gives the
 * boolean.
 */
export class BooleanFlagType extends t.Type<boolean, boolean, unknown> {
  /** Identifies this codec kind when walking a codec tree. */
  readonly _tag = 'BooleanFlagType' as const;
  constructor() {
    super(
      'boolean',
      (u): u is boolean => typeof u === 'boolean',
      (u, c) => {
        if (typeof u === 'boolean') return t.success(u);
        const value = booleanFromFlag(u);
        if (value === undefined) return t.failure(u, c);
        recordQuirk(c, 'boolean-as-number-or-string', u);
        return t.success(value);
      },
      t.identity,
    );
  }
}

/** A boolean that may arrive as a MySQL flag: see {@link BooleanFlagType}. */
export const BooleanFlag: BooleanFlagType = new BooleanFlagType();

/**
 * An array of `item`, such as `message.tags`. Decoding also accepts an object whose keys are all
 * canonical non-negative integers (`{"0":"a","2":"b"}`), which is what PHP's `json_encode` writes
 * for a list with gaps (after `array_filter` or `unset`): it gives the values in ascending key
 * order (wire-quirk rule `array-as-object`), and reports a bad item at its key. An object with any
 * other key is rejected. `is()` stays strict: it accepts arrays only (exactly as `t.array`).
 * `encode` gives an array.
 */
export class ListType<C extends t.Mixed> extends t.Type<Array<t.TypeOf<C>>, Array<t.OutputOf<C>>, unknown> {
  /** Identifies this codec kind when walking a codec tree. */
  readonly _tag = 'ListType' as const;
  constructor(
    /** The codec of the items. */
    readonly type: C,
  ) {
    const array = t.array(type);
    super(
      array.name,
      array.is,
      (u, c) => {
        if (Array.isArray(u)) return array.validate(u, c);
        const entries = indexedValues(u);
        if (entries === undefined) return t.failure(u, c);
        recordQuirk(c, 'array-as-object', u);
        const items: Array<t.TypeOf<C>> = [];
        const errors: t.ValidationError[] = [];
        for (const [key, value] of entries) {
          const result = type.validate(value, t.appendContext(c, key, type, value));
          if (result._tag === 'Left') for (const error of result.left) errors.push(error);
          else items.push(result.right);
        }
        return errors.length > 0 ? t.failures(errors) : t.success(items);
      },
      array.encode,
    );
  }
}

/** An array that may arrive as an object with index keys: see {@link ListType}. */
export const list = <C extends t.Mixed>(item: C): ListType<C> => new ListType(item);

/**
 * `codec`, except that the empty values a PHP sender writes for "nothing here" (`[]`, and `null`
 * where `acceptsNull` is set) decode to `emptyValue()`, recorded under `rule`. `is()` and `encode`
 * are `codec`'s own: strict, and canonical.
 */
export class EmptyAsType<C extends t.Mixed> extends t.Type<t.TypeOf<C>, t.OutputOf<C>, unknown> {
  /** Identifies this codec kind when walking a codec tree. */
  readonly _tag = 'EmptyAsType' as const;
  constructor(
    /** The codec of the canonical values. */
    readonly type: C,
    /** The wire-quirk rule the empty values fall under. */
    readonly rule: WireQuirkRule,
    /** Whether `null` is an empty value too (else `null` is left to `codec`). */
    readonly acceptsNull: boolean,
    /** The canonical value of an empty one, fresh on every call (events are yours to change). */
    readonly emptyValue: () => t.TypeOf<C>,
    name: string = type.name,
  ) {
    super(
      name,
      type.is,
      (u, c) => {
        if ((Array.isArray(u) && u.length === 0) || (acceptsNull && u === null)) {
          recordQuirk(c, rule, u);
          return t.success(emptyValue());
        }
        return type.validate(u, c);
      },
      type.encode,
    );
  }
}

/**
 * An object field that may be `null` (`close_group`, a closed conversation's `operator`), where
 * `[]` (PHP's `json_encode` of an empty array) also decodes to `null` (wire-quirk rule
 * `empty-array-as-null`). A non-empty array is still rejected.
 */
export const nullableObject = <C extends t.Mixed>(codec: C): EmptyAsType<NullableType<C>> =>
  new EmptyAsType(nullable(codec), 'empty-array-as-null', false, () => null);
