/**
 * Small io-ts building blocks the event codecs are made of.
 *
 * Each is a class with its own `_tag`, like io-ts's own types, so code that walks the codec tree
 * (the generated fast guard, the fast-check arbitraries) can recognise it.
 *
 * @module
 */
import * as t from 'io-ts';

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
 */
export class SafeIntegerType extends t.Type<number, number, unknown> {
  /** Identifies this codec kind when walking a codec tree. */
  readonly _tag = 'SafeIntegerType' as const;
  constructor() {
    super(
      'safe integer',
      (u): u is number => Number.isSafeInteger(u),
      (u, c) => (Number.isSafeInteger(u) ? t.success(u as number) : t.failure(u, c)),
      t.identity,
    );
  }
}

/** A safe integer: see {@link SafeIntegerType}. */
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
