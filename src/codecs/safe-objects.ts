/**
 * io-ts's `type`, `partial` and `intersection`, whose decoded copies keep a `__proto__` key a key.
 *
 * When a field decodes to a different value (a wire quirk such as `"173"` → 173), io-ts copies the
 * object with `Object.assign`, and merges intersections with `for…in` and assignment. Both treat
 * an own `__proto__` key, which `JSON.parse` creates from `{"__proto__": …}`, as the prototype
 * setter: the copy would get the sender's object as its prototype, and inherit its fields. These
 * codecs are io-ts's own (same classes, same `_tag`, same `is` and `encode`); only when decoding
 * has copied an object that holds an own `__proto__` key is the copy rebuilt with
 * `Object.defineProperty`, so the key stays a plain field and the prototype stays
 * `Object.prototype`. Canonical values are never copied, so this costs nothing on the fast path.
 *
 * @module
 */
import * as t from 'io-ts';

const PROTO_KEY = '__proto__';

const define = (target: Record<string, unknown>, key: string, value: unknown): void => {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
};

/** A plain copy of `input` with the decoded fields of `decoded` (which io-ts copied unsafely). */
const rebuild = (input: Record<string, unknown>, decoded: Record<string, unknown>): Record<string, unknown> => {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    define(copy, key, key !== PROTO_KEY && Object.hasOwn(decoded, key) ? decoded[key] : input[key]);
  }
  for (const key of Object.keys(decoded)) if (!Object.hasOwn(copy, key)) define(copy, key, decoded[key]);
  return copy;
};

/** `validate`, whose decoded copies of an object with an own `__proto__` key are rebuilt plainly. */
const keepingProtoKey =
  <A>(validate: t.Validate<unknown, A>): t.Validate<unknown, A> =>
  (u, c) => {
    const result = validate(u, c);
    if (result._tag === 'Right' && result.right !== u && Object.hasOwn(u as object, PROTO_KEY)) {
      return t.success(rebuild(u as Record<string, unknown>, result.right as Record<string, unknown>) as A);
    }
    return result;
  };

/** io-ts `t.type`, with decoded copies that keep a `__proto__` key a key. */
export const type = <P extends t.Props>(props: P, name?: string): t.TypeC<P> => {
  const codec = t.type(props, name);
  return new t.InterfaceType(codec.name, codec.is, keepingProtoKey(codec.validate), codec.encode, codec.props) as t.TypeC<P>;
};

/** io-ts `t.partial`, with decoded copies that keep a `__proto__` key a key. */
export const partial = <P extends t.Props>(props: P, name?: string): t.PartialC<P> => {
  const codec = t.partial(props, name);
  return new t.PartialType(codec.name, codec.is, keepingProtoKey(codec.validate), codec.encode, codec.props) as t.PartialC<P>;
};

/** io-ts `t.intersection` of two codecs, with decoded copies that keep a `__proto__` key a key. */
export const intersection = <A extends t.Mixed, B extends t.Mixed>(types: [A, B], name?: string): t.IntersectionC<[A, B]> => {
  const codec = t.intersection(types, name);
  return new t.IntersectionType(
    codec.name,
    codec.is,
    keepingProtoKey(codec.validate),
    codec.encode,
    codec.types,
  ) as t.IntersectionC<[A, B]>;
};
