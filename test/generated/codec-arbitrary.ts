/**
 * Small fast-check generators for the guard equivalence tests: values a codec accepts, built by
 * walking the codec tree, and mutations of them that a codec may or may not accept.
 */
import fc from 'fast-check';
import type * as t from 'io-ts';

type Codec = t.Mixed & {
  readonly _tag?: string;
  readonly props?: Record<string, Codec>;
  readonly types?: readonly Codec[];
  readonly type?: Codec;
  readonly value?: unknown;
};

const safeInteger = fc.oneof(
  fc.integer({ min: -1000, max: 2_000_000_000 }),
  fc.constantFrom(0, -0, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER),
);

/** A value the codec accepts (partial fields absent, `undefined` or valid). */
export const validValue = (codec: Codec): fc.Arbitrary<unknown> => {
  switch (codec._tag) {
    case 'StringType':
    case 'OpenStringType':
      return fc.string({ maxLength: 8 });
    case 'BooleanType':
    case 'BooleanFlagType':
      return fc.boolean();
    case 'SafeIntegerType':
      return safeInteger;
    case 'LooseIdType':
      return fc.oneof(safeInteger, fc.string({ maxLength: 5 }));
    case 'LiteralType':
      return fc.constant(codec.value);
    case 'NullType':
      return fc.constant(null);
    case 'NullableType':
      return fc.oneof(fc.constant(null), validValue(codec.type!));
    case 'EmptyAsType':
      // Its is() is its inner codec's: the empty values it decodes are not canonical.
      return validValue(codec.type!);
    case 'UnionType':
      return fc.oneof(...codec.types!.map((member) => validValue(member)));
    case 'ArrayType':
    case 'ListType':
      return fc.array(validValue(codec.type!), { maxLength: 3 });
    case 'InterfaceType':
      return fc.record(Object.fromEntries(Object.entries(codec.props!).map(([key, field]) => [key, validValue(field)])));
    case 'PartialType':
      return fc.record(
        Object.fromEntries(
          Object.entries(codec.props!).map(([key, field]) => [key, fc.oneof(fc.constant(undefined), validValue(field))]),
        ),
        { requiredKeys: [] },
      );
    case 'IntersectionType':
      return fc
        .tuple(...codec.types!.map((member) => validValue(member)))
        .map((parts) => Object.assign({}, ...(parts as object[])) as unknown);
    default:
      throw new Error(`no arbitrary for _tag ${String(codec._tag)}`);
  }
};

/** Values that break a field: wrong JSON types, unsafe integers, `undefined`, empty containers. */
const replacement: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, true, false, 0, 1.5, -1, 2 ** 53, -(2 ** 53), NaN, Infinity, '', '1', '634', [], {}),
  fc.string({ maxLength: 4 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.constant(null)), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.oneof(fc.string({ maxLength: 3 }), fc.integer()), { maxKeys: 3 }),
);

type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;

/** Every container node of a value, in a stable order, with the node itself first. */
const containers = (value: unknown, found: Container[] = []): Container[] => {
  if (!isContainer(value)) return found;
  found.push(value);
  for (const key of Object.keys(value)) containers((value as Record<string, unknown>)[key], found);
  return found;
};

/** One way to change a payload; applied to the container chosen by `at`. */
export type Mutation =
  | { kind: 'remove'; at: number; key: number }
  | { kind: 'replace'; at: number; key: number; value: unknown }
  | { kind: 'extra'; at: number; name: string; value: unknown }
  | { kind: 'protoKey'; at: number; value: unknown }
  | { kind: 'inherit'; at: number; key: number }
  | { kind: 'hole'; at: number; key: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat(), key: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), key: fc.nat(), value: replacement }),
  fc.record({
    kind: fc.constant('extra' as const),
    at: fc.nat(),
    name: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('constructor', 'toString', 'hasOwnProperty', 'length')),
    value: replacement,
  }),
  fc.record({ kind: fc.constant('protoKey' as const), at: fc.nat(), value: replacement }),
  fc.record({ kind: fc.constant('inherit' as const), at: fc.nat(), key: fc.nat() }),
  fc.record({ kind: fc.constant('hole' as const), at: fc.nat(), key: fc.nat() }),
);

const pick = <A>(items: readonly A[], index: number): A | undefined =>
  items.length === 0 ? undefined : items[index % items.length];

/** Replaces the object `node` in place of itself inside `root` (used where a new object is needed). */
const swapNode = (root: unknown, node: Container, replacementNode: Container): unknown => {
  if (root === node) return replacementNode;
  for (const parent of containers(root)) {
    for (const key of Object.keys(parent)) {
      if ((parent as Record<string, unknown>)[key] === node) (parent as Record<string, unknown>)[key] = replacementNode;
    }
  }
  return root;
};

/**
 * Applies a mutation to a deep copy of `value` and returns the copy. Some mutations keep the
 * value valid (an extra key, a nullable field set to null); that is intended: the test compares
 * the generated guard with io-ts, whatever the verdict.
 */
export const applyMutation = (value: unknown, change: Mutation): unknown => {
  let root: unknown = structuredClone(value);
  const node = pick(containers(root), change.at);
  if (node === undefined) return change.kind === 'replace' ? change.value : root;
  const keys = Object.keys(node);
  const record = node as Record<string, unknown>;
  switch (change.kind) {
    case 'remove': {
      const key = pick(keys, change.key);
      if (key === undefined) break;
      if (Array.isArray(node)) node.splice(Number(key), 1);
      else delete record[key];
      break;
    }
    case 'replace': {
      const key = pick(keys, change.key);
      if (key !== undefined) record[key] = change.value;
      break;
    }
    case 'extra':
      if (!Array.isArray(node)) record[change.name] = change.value;
      else node.push(change.value);
      break;
    case 'protoKey': {
      // JSON.parse makes "__proto__" an own data property (it does not set the prototype), as a
      // hostile body would; the value may be an object that looks like the missing fields.
      if (Array.isArray(node)) break;
      const injected = change.value === undefined ? null : change.value;
      const rest = JSON.stringify(node).slice(1);
      const withProto = JSON.parse(`{"__proto__":${JSON.stringify(injected)}${rest === '}' ? '' : ','}${rest}`);
      root = swapNode(root, node, withProto as Container);
      break;
    }
    case 'inherit': {
      // The field moves to the prototype: io-ts reads u[k], so it still counts.
      const key = pick(keys, change.key);
      if (key === undefined || Array.isArray(node)) break;
      const { [key]: moved, ...own } = record;
      root = swapNode(root, node, Object.assign(Object.create({ [key]: moved }) as object, own) as Container);
      break;
    }
    case 'hole': {
      // A sparse array: Array.prototype.every (io-ts) skips holes.
      if (!Array.isArray(node)) break;
      const key = pick(keys, change.key);
      if (key !== undefined) delete node[Number(key)];
      else node.length = 2;
      break;
    }
  }
  return root;
};
