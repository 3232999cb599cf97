/**
 * The codec tree as code that walks it sees it: one type naming every codec kind the package's
 * codecs are built from, and one function giving a node's children. The guard generator
 * (scripts/generate-guard.ts), the fast-check arbitraries (src/testing/arbitraries.ts) and the
 * quirky wire forms (src/testing/wire-quirks.ts) walk the tree through these. (The test oracles
 * in test/ read the tree on their own, on purpose, so that a mistake here cannot hide there.)
 *
 * @module
 */
import type * as t from 'io-ts';
import type {
  BooleanFlagType,
  EmptyAsType,
  ListType,
  LooseIdType,
  NullableType,
  OpenStringType,
  SafeIntegerType,
} from './primitives.js';

/** Every codec kind a walk understands, told apart by `_tag`. */
export type CodecNode =
  | t.InterfaceType<t.Props>
  | t.PartialType<t.Props>
  | t.IntersectionType<t.Mixed[]>
  | t.UnionType<t.Mixed[]>
  | t.ArrayType<t.Mixed>
  | t.ReadonlyArrayType<t.Mixed>
  | t.ExactType<t.Mixed>
  | t.ReadonlyType<t.Mixed>
  | t.LiteralType<string | number | boolean>
  | t.KeyofType<Record<string, unknown>>
  | t.StringType
  | t.BooleanType
  | t.NumberType
  | t.NullType
  | NullableType<t.Mixed>
  | OpenStringType<string>
  | SafeIntegerType
  | LooseIdType
  | BooleanFlagType
  | ListType<t.Mixed>
  | EmptyAsType<t.Mixed>;

/** The `_tag` of every codec kind in {@link CodecNode}. */
export type CodecTag = CodecNode['_tag'];

const TAGS: ReadonlySet<string> = new Set<CodecTag>([
  'InterfaceType',
  'PartialType',
  'IntersectionType',
  'UnionType',
  'ArrayType',
  'ReadonlyArrayType',
  'ExactType',
  'ReadonlyType',
  'LiteralType',
  'KeyofType',
  'StringType',
  'BooleanType',
  'NumberType',
  'NullType',
  'NullableType',
  'OpenStringType',
  'SafeIntegerType',
  'LooseIdType',
  'BooleanFlagType',
  'ListType',
  'EmptyAsType',
]);

/**
 * The codec as a {@link CodecNode}. Throws a `TypeError` naming the codec for any other kind
 * (a refinement, a recursive codec), so that no walk ever passes over a codec it does not know.
 */
export const codecNode = (codec: t.Mixed): CodecNode => {
  const tag: unknown = (codec as { _tag?: unknown })._tag;
  if (typeof tag !== 'string' || !TAGS.has(tag)) {
    throw new TypeError(`unsupported codec ${codec.name} of kind ${String(tag)}`);
  }
  return codec as CodecNode;
};

/** The codecs directly inside a node, in declaration order: fields, members or the item codec. */
export const children = (node: CodecNode): t.Mixed[] => {
  switch (node._tag) {
    case 'InterfaceType':
    case 'PartialType':
      return Object.values(node.props);
    case 'IntersectionType':
    case 'UnionType':
      return [...node.types];
    case 'ArrayType':
    case 'ReadonlyArrayType':
    case 'ExactType':
    case 'ReadonlyType':
    case 'NullableType':
    case 'ListType':
    case 'EmptyAsType':
      return [node.type];
    case 'LiteralType':
    case 'KeyofType':
    case 'StringType':
    case 'BooleanType':
    case 'NumberType':
    case 'NullType':
    case 'OpenStringType':
    case 'SafeIntegerType':
    case 'LooseIdType':
    case 'BooleanFlagType':
      return [];
  }
};
