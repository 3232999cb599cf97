/**
 * Reads the io-ts codec tree to say, independently of the decoder, which fields of a value are
 * required, which JSON types each field accepts, and which field names the codecs declare.
 * The mutation properties build their expectations from this, not from parseWebhook.
 */
import type * as t from 'io-ts';

/** A JSON type, as `PayloadIssue.received` names it. */
export type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

export const jsonTypes: readonly JsonType[] = ['null', 'boolean', 'number', 'string', 'array', 'object'];

/** A field found in a value by walking it beside its codec. */
export interface FieldSlot {
  /** JSON path segments from the event's root. */
  readonly path: readonly string[];
  /** Declared by a `t.type` (removal must be rejected), not by a `t.partial` or as an array element. */
  readonly required: boolean;
  /** The codec of the field. */
  readonly codec: t.Mixed;
}

interface Tagged {
  readonly _tag: string;
  readonly props?: t.Props;
  readonly types?: readonly t.Mixed[];
  readonly type?: t.Mixed;
  readonly value?: unknown;
  readonly acceptsNull?: boolean;
}

const tagged = (codec: t.Mixed): Tagged => codec as unknown as Tagged;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const jsonTypeOf = (value: unknown): JsonType =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : (typeof value as JsonType);

/** The JSON types a codec accepts at all (a safe-integer codec accepts `number`, if not every number). */
export const acceptedJsonTypes = (codec: t.Mixed): Set<JsonType> => {
  const node = tagged(codec);
  switch (node._tag) {
    case 'InterfaceType':
    case 'PartialType':
    case 'IntersectionType':
      return new Set(['object']);
    case 'ArrayType':
    case 'ReadonlyArrayType':
    case 'ListType':
      // A ListType also decodes an object with index keys: the mutations' object ({ note }) is not one.
      return new Set(['array']);
    case 'StringType':
    case 'OpenStringType':
      return new Set(['string']);
    case 'BooleanType':
    case 'BooleanFlagType':
      // A flag also decodes 0, 1 and a few strings: the mutations' 42 and secret string are none.
      return new Set(['boolean']);
    case 'SafeIntegerType':
    case 'NumberType':
      return new Set(['number']);
    case 'LooseIdType':
      return new Set(['number', 'string']);
    case 'NullType':
      return new Set(['null']);
    case 'LiteralType':
      return new Set([jsonTypeOf(node.value)]);
    case 'NullableType':
      return new Set<JsonType>(['null', ...acceptedJsonTypes(node.type!)]);
    case 'EmptyAsType':
      // Decodes [] (not the mutations' non-empty array) and, where acceptsNull is set, null.
      return new Set<JsonType>([...(node.acceptsNull ? (['null'] as const) : []), ...acceptedJsonTypes(node.type!)]);
    case 'UnionType':
      return new Set(node.types!.flatMap((member) => [...acceptedJsonTypes(member)]));
    default:
      throw new TypeError(`codec-tree: unsupported codec kind ${node._tag}`);
  }
};

/** Whether the codec accepts only safe integers among numbers (ids, timestamps). */
export const wantsSafeInteger = (codec: t.Mixed): boolean => {
  const node = tagged(codec);
  if (node._tag === 'SafeIntegerType' || node._tag === 'LooseIdType') return true;
  if (node._tag === 'NullableType' || node._tag === 'EmptyAsType') return wantsSafeInteger(node.type!);
  return false;
};

/** Every field of `value`, walked beside `codec`: the fields the codec declares, and array elements. */
export const fieldSlots = (codec: t.Mixed, value: unknown, path: readonly string[] = []): FieldSlot[] => {
  const node = tagged(codec);
  switch (node._tag) {
    case 'InterfaceType':
    case 'PartialType': {
      if (!isRecord(value)) return [];
      const required = node._tag === 'InterfaceType';
      return Object.entries(node.props!).flatMap(([key, child]) => {
        if (!Object.hasOwn(value, key)) return [];
        const childPath = [...path, key];
        return [{ path: childPath, required, codec: child }, ...fieldSlots(child, value[key], childPath)];
      });
    }
    case 'IntersectionType':
      return node.types!.flatMap((member) => fieldSlots(member, value, path));
    case 'UnionType': {
      const member = node.types!.find((candidate) => candidate.is(value));
      return member ? fieldSlots(member, value, path) : [];
    }
    case 'ArrayType':
    case 'ReadonlyArrayType':
    case 'ListType':
      if (!Array.isArray(value)) return [];
      return value.flatMap((element, index) => {
        const childPath = [...path, String(index)];
        return [{ path: childPath, required: false, codec: node.type! }, ...fieldSlots(node.type!, element, childPath)];
      });
    case 'NullableType':
      return value === null ? [] : fieldSlots(node.type!, value, path);
    case 'EmptyAsType':
      return fieldSlots(node.type!, value, path);
    default:
      return [];
  }
};

/** Every field name declared anywhere in the codec tree: an added field must avoid them to be unknown. */
export const declaredKeys = (codec: t.Mixed, into = new Set<string>()): Set<string> => {
  const node = tagged(codec);
  if (node.props) {
    for (const [key, child] of Object.entries(node.props)) {
      into.add(key);
      declaredKeys(child, into);
    }
  }
  for (const member of node.types ?? []) declaredKeys(member, into);
  if (node.type) declaredKeys(node.type, into);
  return into;
};
