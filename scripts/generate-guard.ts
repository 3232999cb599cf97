/**
 * Build-time generator of `src/generated/guards.ts`: one plain TypeScript type guard per webhook
 * event, compiled from the io-ts codec tree.
 *
 * Why: io-ts's `is()` walks the codec tree through closures and `Array.prototype.every`; a guard
 * written out as straight-line code (local variables, `typeof`, `Number.isSafeInteger`, index
 * loops) lets V8 see monomorphic property loads and costs a fraction of it. The output is source
 * checked into the repository, so nothing is compiled at run time (no `eval`/`new Function`, which
 * Cloudflare Workers and strict CSP forbid).
 *
 * Each guard accepts exactly what the codec's `is()` accepts (proven by the property tests in
 * test/generated/), including io-ts's corner cases: properties are read like `u[k]` (so inherited
 * ones count), optional (`t.partial`) fields accept `undefined` as well as absence, and array holes
 * are skipped as `Array.prototype.every` skips them.
 *
 * Regenerate after changing a codec: `npm run generate:guards` (`-- --check` only compares).
 *
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as t from 'io-ts';
import { webhookCodecs } from '../src/codecs/events.js';
import { children, type CodecNode, codecNode } from '../src/codecs/tree.js';

/** Where the generated guards live, relative to the package root. */
export const GUARDS_PATH = 'src/generated/guards.ts';

/** A codec of any kind; the generator reads it as a {@link CodecNode} and refuses other kinds. */
type Codec = t.Mixed;

/**
 * The codec whose `is()` a codec uses: an `EmptyAsType` only decodes more (a PHP sender's `[]`),
 * its `is()` is its inner codec's, so the guard looks through it.
 */
const strictNode = (codec: Codec): CodecNode => {
  let node = codecNode(codec);
  while (node._tag === 'EmptyAsType') node = codecNode(node.type);
  return node;
};

const OBJECT_TAGS = new Set(['InterfaceType', 'PartialType', 'IntersectionType']);

const isObjectCodec = (codec: Codec): boolean => OBJECT_TAGS.has(strictNode(codec)._tag);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Property access that stays valid TypeScript for any key (`o.id`, or `o['page-url']`, which reads the same). */
const member = (object: string, key: string): string =>
  IDENTIFIER.test(key) && key !== '__proto__' ? `${object}.${key}` : `${object}[${quote(key)}]`;

const unsupported = (codec: Codec): never => {
  throw new Error(`generate-guard: codec "${codec.name}" has unsupported _tag ${String((codec as { _tag?: unknown })._tag)}`);
};

/** Writes the guard code of one event, sharing helper functions across events. */
class GuardWriter {
  private readonly helperNames = new Map<Codec, string>();
  private readonly helperBodies: string[] = [];
  private readonly usedNames = new Set<string>();
  private readonly useCounts = new Map<Codec, number>();
  private variables = 0;

  /** Counts how often each object codec is referenced, to decide what becomes a shared helper. */
  countUses(codec: Codec): void {
    const node = strictNode(codec);
    const seen = this.useCounts.get(node) ?? 0;
    this.useCounts.set(node, seen + 1);
    if (seen > 0) return; // its children were counted on the first visit
    for (const child of children(node)) this.countUses(child);
  }

  /** The helpers written so far, in the order they were first needed. */
  helpers(): readonly string[] {
    return this.helperBodies;
  }

  /** The body of a guard function whose parameter is `u`. */
  functionBody(codec: Codec): string[] {
    this.variables = 0;
    return [...this.check(codec, 'u', true), 'return true;'];
  }

  private fresh(prefix: string): string {
    this.variables += 1;
    return `${prefix}${this.variables}`;
  }

  /** A shared object codec, or an array item, gets its own function instead of being inlined. */
  private helperFor(wrapped: Codec): string {
    const codec = strictNode(wrapped);
    const existing = this.helperNames.get(codec);
    if (existing !== undefined) return existing;
    const base = IDENTIFIER.test(codec.name) ? `is${codec.name}` : 'isItem';
    let name = base;
    for (let n = 2; this.usedNames.has(name); n++) name = `${base}${n}`;
    this.usedNames.add(name);
    this.helperNames.set(codec, name);
    const outer = this.variables;
    this.variables = 0;
    const body = [...this.check(codec, 'u', true), 'return true;'];
    this.variables = outer;
    this.helperBodies.push(
      [
        `/** Accepts exactly what io-ts \`${codec.name}.is\` accepts. */`,
        `function ${name}(u: unknown): boolean {`,
        ...indent(body),
        '}',
      ].join('\n'),
    );
    return name;
  }

  /** Whether a codec is written as its own function rather than inline. */
  private isShared(codec: Codec, top: boolean): boolean {
    const node = strictNode(codec);
    return !top && isObjectCodec(node) && (this.useCounts.get(node) ?? 0) > 1 && IDENTIFIER.test(node.name);
  }

  /**
   * For codecs that need no statements: a condition that is true when `value` is rejected, written
   * as a chain of `&&` only (so it can be extended with `&&` without parentheses); else `undefined`.
   */
  private rejection(codec: Codec, value: string): string | undefined {
    const node = strictNode(codec);
    switch (node._tag) {
      case 'StringType':
      case 'OpenStringType':
        return `typeof ${value} !== 'string'`;
      case 'BooleanType':
      case 'BooleanFlagType':
        return `typeof ${value} !== 'boolean'`;
      case 'SafeIntegerType':
        return `!Number.isSafeInteger(${value})`;
      case 'LooseIdType':
        return `typeof ${value} !== 'string' && !Number.isSafeInteger(${value})`;
      case 'LiteralType':
        return `${value} !== ${literal(node.value)}`;
      case 'NullType':
        return `${value} !== null`;
      case 'NullableType': {
        const inner = this.rejection(node.type, value);
        return inner === undefined ? undefined : `${value} !== null && ${inner}`;
      }
      case 'UnionType':
        return `!(${node.types.map((member) => this.acceptance(member, value)).join(' || ')})`;
      default:
        return undefined;
    }
  }

  /** Any codec as one condition that is true when `value` is accepted: inline or a helper call. */
  private acceptance(codec: Codec, value: string): string {
    const rejected = this.rejection(codec, value);
    return rejected === undefined ? `${this.helperFor(codec)}(${value})` : `!(${rejected})`;
  }

  /** Statements that `return false` unless `value` is accepted by `codec`. */
  private check(codec: Codec, value: string, top = false): string[] {
    const rejected = this.rejection(codec, value);
    if (rejected !== undefined) return [`if (${rejected}) return false;`];
    if (this.isShared(codec, top)) return [`if (!${this.helperFor(codec)}(${value})) return false;`];
    const node = strictNode(codec);
    switch (node._tag) {
      case 'NullableType':
        return [`if (${value} !== null) {`, ...indent(this.check(node.type, value)), '}'];
      case 'ArrayType':
      case 'ListType':
        // A ListType decodes an object with index keys too, but its is() is t.array's.
        return this.arrayCheck(node.type, value);
      case 'InterfaceType':
      case 'PartialType':
      case 'IntersectionType': {
        const object = this.fresh('o');
        return [
          `if (typeof ${value} !== 'object' || ${value} === null || Array.isArray(${value})) return false;`,
          `const ${object} = ${value} as Record<string, unknown>;`,
          ...this.fields(node, object),
        ];
      }
      default:
        return unsupported(codec);
    }
  }

  /** The field checks of an object codec whose value is already known to be a non-array object. */
  private fields(codec: Codec, object: string): string[] {
    const node = strictNode(codec);
    switch (node._tag) {
      case 'IntersectionType':
        return node.types.flatMap((member) => {
          if (!isObjectCodec(member)) return this.check(member, object);
          if (this.isShared(member, false)) return [`if (!${this.helperFor(member)}(${object})) return false;`];
          return this.fields(member, object);
        });
      case 'InterfaceType':
        return Object.entries(node.props).flatMap(([key, field]) => {
          // io-ts rejects an absent key through the field's own is(undefined), and asks
          // hasOwnProperty only when that accepts undefined. No supported field does; refusing
          // such a field keeps the guard free of a branch the tests could not reach.
          if (field.is(undefined)) throw new Error(`generate-guard: field "${key}" of "${node.name}" accepts undefined`);
          const variable = this.fresh('v');
          return [`const ${variable} = ${member(object, key)};`, ...this.check(field, variable)];
        });
      case 'PartialType':
        return Object.entries(node.props).flatMap(([key, field]) => {
          const variable = this.fresh('v');
          const rejected = this.rejection(field, variable);
          if (rejected !== undefined) {
            return [`const ${variable} = ${member(object, key)};`, `if (${variable} !== undefined && ${rejected}) return false;`];
          }
          return [
            `const ${variable} = ${member(object, key)};`,
            `if (${variable} !== undefined) {`,
            ...indent(this.check(field, variable)),
            '}',
          ];
        });
      default:
        return unsupported(codec);
    }
  }

  /** `Array.isArray` and an index loop; a hole passes, as `Array.prototype.every` skips holes. */
  private arrayCheck(item: Codec, value: string): string[] {
    const index = this.fresh('i');
    const length = this.fresh('n');
    const element = this.fresh('x');
    const rejected = this.rejection(item, element) ?? `!${this.helperFor(item)}(${element})`;
    return [
      `if (!Array.isArray(${value})) return false;`,
      `for (let ${index} = 0, ${length} = ${value}.length; ${index} < ${length}; ${index}++) {`,
      `  const ${element}: unknown = ${value}[${index}];`,
      `  if (${rejected} && (${element} !== undefined || ${index} in ${value})) return false;`,
      '}',
    ];
  }
}

type Candidate = readonly [name: string, guard: string];

/**
 * Statements returning the guard whose name equals `name`, or `undefined`: a `switch` on the
 * length, then on the character that best splits the candidates left, until one is left.
 */
const dispatch = (candidates: readonly Candidate[]): string[] => {
  const byLength = groupBy(candidates, ([name]) => name.length);
  return [
    'switch (name.length) {',
    ...[...byLength].flatMap(([length, group]) => [`  case ${length}:`, ...indent(indent(narrow(group)))]),
    '  default:',
    '    return undefined;',
    '}',
  ];
};

/** Candidates of one length: split on a character until one is left, then compare once. */
const narrow = (candidates: readonly Candidate[]): string[] => {
  if (candidates.length === 1) {
    const [[name, guard]] = candidates as [Candidate];
    return [`return name === ${quote(name)} ? ${guard} : undefined;`];
  }
  const length = candidates[0]![0].length;
  let best = 0;
  let bestCount = 0;
  for (let index = 0; index < length; index++) {
    const count = new Set(candidates.map(([name]) => name.charCodeAt(index))).size;
    if (count > bestCount) [best, bestCount] = [index, count];
  }
  const byChar = groupBy(candidates, ([name]) => name.charCodeAt(best));
  return [
    `switch (name.charCodeAt(${best})) {`,
    ...[...byChar].flatMap(([code, group]) => [
      `  case ${code}: // ${quote(String.fromCharCode(code))}`,
      ...indent(indent(narrow(group))),
    ]),
    '  default:',
    '    return undefined;',
    '}',
  ];
};

/** Groups in order of first appearance, so the output follows the codecs' order. */
const groupBy = <A, K>(items: readonly A[], key: (item: A) => K): Map<K, A[]> => {
  const groups = new Map<K, A[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [item]);
    else group.push(item);
  }
  return groups;
};

/** A string literal in the project's style (single quotes), escaped by JSON's rules. */
const quote = (text: string): string => `'${JSON.stringify(text).slice(1, -1).replace(/'/g, "\\'")}'`;

const literal = (value: unknown): string => {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return JSON.stringify(value);
  throw new Error(`generate-guard: unsupported literal ${String(value)}`);
};

const indent = (lines: readonly string[]): string[] => lines.map((line) => `  ${line}`);

/** The codec of each event, keyed by its `webhook` name: by default the package's own. */
export type EventCodecs = Readonly<Record<string, t.Mixed>>;

/**
 * The full text of `src/generated/guards.ts` for the given event codecs. Deterministic: the same
 * codecs give the same text byte for byte, so a test can compare it with the committed file.
 */
export const generateGuardsSource = (codecs: EventCodecs = webhookCodecs): string => {
  const writer = new GuardWriter();
  const events = Object.entries(codecs) as Array<[string, Codec]>;
  for (const [, codec] of events) writer.countUses(codec);
  const guards = events.map(([eventName, codec]) => {
    const body = writer.functionBody(codec);
    return [
      `/** Whether \`u\` is a valid \`${eventName}\` event: exactly io-ts \`${codec.name}.is(u)\`, faster. */`,
      `export function is${codec.name}(u: unknown): u is ${codec.name} {`,
      ...indent(body),
      '}',
    ].join('\n');
  });
  const typeNames = events.map(([, codec]) => codec.name);
  const map = [
    '/** The generated guard of each event, keyed by its `webhook` name. */',
    'export const webhookGuards: { readonly [Name in WebhookName]: (u: unknown) => u is WebhookEvent<Name> } = {',
    ...events.map(([eventName, codec]) => `  ${IDENTIFIER.test(eventName) ? eventName : quote(eventName)}: is${codec.name},`),
    '};',
    '',
    '/**',
    ' * The generated guard of the event named `name`, or `undefined` for a name that is not an event.',
    ' * Safe for any string, `__proto__` included. Not a keyed lookup: `webhook` values are fresh',
    ' * strings from JSON.parse, and looking one up as an object key (`webhookGuards[name]`,',
    ' * `Object.hasOwn`) hashes and internalises it, several percent of parsing a small event. Nor a',
    ' * `switch` on the string, which compares it with each name in turn: the length and a character',
    ' * or two pick the one candidate, and a single comparison confirms it.',
    ' */',
    'export function webhookGuardFor(name: string): ((u: unknown) => u is BlingerWebhook) | undefined {',
    ...indent(dispatch(events.map(([eventName, codec]) => [eventName, `is${codec.name}`] as const))),
    '}',
  ];
  return [
    '// GENERATED FILE, DO NOT EDIT. Written by scripts/generate-guard.ts from the io-ts codecs in',
    '// src/codecs/. Regenerate with `npm run generate:guards`; test/generated/ fails when it is stale.',
    '/**',
    ' * Fast type guards, one per webhook event, equivalent to the codecs\' `is()` (proven by property',
    ' * tests) but written out as plain code: no closures, no `every`, no run-time code generation.',
    ' *',
    ' * @module',
    ' */',
    '/* eslint-disable */',
    `import type { ${[...typeNames, 'BlingerWebhook', 'WebhookEvent', 'WebhookName'].sort().join(', ')} } from '../codecs/events.js';`,
    '',
    ...writer.helpers().flatMap((helper) => [helper, '']),
    ...guards.flatMap((guard) => [guard, '']),
    ...map,
    '',
  ].join('\n');
};

/** Where the generated normalisers live, relative to the package root. */
export const NORMALISERS_PATH = 'src/generated/normalisers.ts';

/** A JSON value as source text (the canonical value an `EmptyAsType` gives for an empty one). */
const jsonLiteral = (value: unknown): string => {
  if (value === null) return 'null';
  if (typeof value !== 'object') return literal(value);
  if (Array.isArray(value)) return `[${value.map(jsonLiteral).join(', ')}]`;
  const fields = Object.entries(value).map(([key, field]) => `${IDENTIFIER.test(key) ? key : quote(key)}: ${jsonLiteral(field)}`);
  return `{ ${fields.join(', ')} }`;
};

/** Whether decoding may give something else than the value itself (a wire quirk somewhere inside). */
const mayChange = (codec: Codec): boolean => {
  const node = codecNode(codec);
  switch (node._tag) {
    case 'SafeIntegerType':
    case 'BooleanFlagType':
    case 'ListType':
    case 'EmptyAsType':
      return true;
    default:
      return children(node).some(mayChange);
  }
};

/** The fields of an object codec, intersections flattened: `[key, codec, required]`. */
const objectFields = (codec: Codec): Array<[string, Codec, boolean]> => {
  const node = strictNode(codec);
  switch (node._tag) {
    case 'InterfaceType':
      return Object.entries(node.props).map(([key, field]) => [key, field, true]);
    case 'PartialType':
      return Object.entries(node.props).map(([key, field]) => [key, field, false]);
    case 'IntersectionType':
      return node.types.flatMap((member) => objectFields(member));
    default:
      return unsupported(node);
  }
};

/**
 * Writes one normaliser per event: straight-line code that returns the value the codec's
 * `validate` decodes (the canonical event, wire quirks decoded, copies made only where a field
 * changes) or `REFUSED` where `validate` fails, without io-ts's context arrays and `Either`s.
 */
class NormaliserWriter {
  private readonly helperNames = new Map<Codec, string>();
  private readonly helperBodies: string[] = [];
  private readonly usedNames = new Set<string>();
  private variables = 0;

  helpers(): readonly string[] {
    return this.helperBodies;
  }

  /** The body of a normaliser function whose parameter is `u`. */
  functionBody(codec: Codec): string[] {
    this.variables = 0;
    const [lines, result] = this.emit(codec, 'u');
    return [...lines, `return ${result};`];
  }

  private fresh(prefix: string): string {
    this.variables += 1;
    return `${prefix}${this.variables}`;
  }

  /** Object codecs and array items get a function of their own, shared wherever they occur. */
  private helperFor(codec: Codec): string {
    const existing = this.helperNames.get(codec);
    if (existing !== undefined) return existing;
    const base = IDENTIFIER.test(codec.name) ? `normalise${codec.name}` : 'normaliseItem';
    let name = base;
    for (let n = 2; this.usedNames.has(name); n++) name = `${base}${n}`;
    this.usedNames.add(name);
    this.helperNames.set(codec, name);
    const outer = this.variables;
    this.variables = 0;
    const [lines, result] = this.emit(codec, 'u');
    this.variables = outer;
    this.helperBodies.push(
      [
        `/** What io-ts \`${codec.name}.validate\` decodes, or \`REFUSED\`. */`,
        `function ${name}(u: unknown): unknown {`,
        ...indent([...lines, `return ${result};`]),
        '}',
      ].join('\n'),
    );
    return name;
  }

  /** For a codec that only checks (no quirk inside, no statements): the condition that refuses `value`. */
  private leafRejection(codec: Codec, value: string): string | undefined {
    const node = codecNode(codec);
    switch (node._tag) {
      case 'StringType':
      case 'OpenStringType':
        return `typeof ${value} !== 'string'`;
      case 'BooleanType':
        return `typeof ${value} !== 'boolean'`;
      case 'LooseIdType':
        return `typeof ${value} !== 'string' && !Number.isSafeInteger(${value})`;
      case 'LiteralType':
        return `${value} !== ${literal(node.value)}`;
      case 'NullType':
        return `${value} !== null`;
      case 'NullableType': {
        const inner = this.leafRejection(node.type, value);
        return inner === undefined ? undefined : `${value} !== null && ${inner}`;
      }
      default:
        return undefined;
    }
  }

  /** Statements that `return REFUSED` unless `value` decodes, and the expression of the decoded value. */
  private emit(codec: Codec, value: string): [string[], string] {
    const rejected = this.leafRejection(codec, value);
    if (rejected !== undefined) return [[`if (${rejected}) return REFUSED;`], value];
    const node = codecNode(codec);
    switch (node._tag) {
      case 'StringType':
      case 'OpenStringType':
        return [[`if (typeof ${value} !== 'string') return REFUSED;`], value];
      case 'BooleanType':
        return [[`if (typeof ${value} !== 'boolean') return REFUSED;`], value];
      case 'LooseIdType':
        return [[`if (typeof ${value} !== 'string' && !Number.isSafeInteger(${value})) return REFUSED;`], value];
      case 'LiteralType':
        return [[`if (${value} !== ${literal(node.value)}) return REFUSED;`], value];
      case 'NullType':
        return [[`if (${value} !== null) return REFUSED;`], value];
      case 'SafeIntegerType':
      case 'BooleanFlagType': {
        const result = this.fresh('r');
        const decode = node._tag === 'SafeIntegerType' ? 'integerField' : 'booleanField';
        return [[`const ${result} = ${decode}(${value});`, `if (${result} === REFUSED) return REFUSED;`], result];
      }
      case 'NullableType': {
        const [lines, inner] = this.emit(node.type, value);
        if (!mayChange(node.type)) return [[`if (${value} !== null) {`, ...indent(lines), '}'], value];
        const result = this.fresh('r');
        return [[`let ${result}: unknown = null;`, `if (${value} !== null) {`, ...indent([...lines, `${result} = ${inner};`]), '}'], result];
      }
      case 'EmptyAsType': {
        const result = this.fresh('r');
        const empty = `(Array.isArray(${value}) && ${value}.length === 0)${node.acceptsNull ? ` || ${value} === null` : ''}`;
        const [lines, inner] = this.emit(node.type, value);
        return [
          [
            `let ${result}: unknown;`,
            `if (${empty}) ${result} = ${jsonLiteral(node.emptyValue())};`,
            'else {',
            ...indent([...lines, `${result} = ${inner};`]),
            '}',
          ],
          result,
        ];
      }
      case 'UnionType': {
        const result = this.fresh('r');
        const members = node.types.map((member) => this.helperFor(member));
        return [
          [
            `let ${result}: unknown = ${members[0]!}(${value});`,
            ...members.slice(1).map((member) => `if (${result} === REFUSED) ${result} = ${member}(${value});`),
            `if (${result} === REFUSED) return REFUSED;`,
          ],
          result,
        ];
      }
      case 'ArrayType':
      case 'ListType':
        return this.list(node._tag === 'ListType', node.type, value);
      case 'InterfaceType':
      case 'PartialType':
      case 'IntersectionType':
        if (value !== 'u') {
          if (!mayChange(codec)) return [[`if (${this.helperFor(codec)}(${value}) === REFUSED) return REFUSED;`], value];
          const result = this.fresh('r');
          return [[`const ${result} = ${this.helperFor(codec)}(${value});`, `if (${result} === REFUSED) return REFUSED;`], result];
        }
        return this.object(codec);
      default:
        return unsupported(node);
    }
  }

  /** An object codec's fields, copy-on-write (spread keeps a `__proto__` key a key). */
  private object(codec: Codec): [string[], string] {
    const object = this.fresh('o');
    const copy = this.fresh('a');
    const lines = [
      "if (typeof u !== 'object' || u === null || Array.isArray(u)) return REFUSED;",
      `const ${object} = u as Record<string, unknown>;`,
      `let ${copy} = ${object};`,
    ];
    const seen = new Set<string>();
    for (const [key, field, required] of objectFields(codec)) {
      if (seen.has(key) || key === '__proto__') throw new Error(`generate-guard: field "${key}" of "${codec.name}" cannot be normalised`);
      seen.add(key);
      if (field.is(undefined)) throw new Error(`generate-guard: field "${key}" of "${codec.name}" accepts undefined`);
      const variable = this.fresh('v');
      const [fieldLines, result] = this.emit(field, variable);
      const update = result === variable ? [] : [`if (${result} !== ${variable}) ${copy} = withField(${copy}, ${object}, ${quote(key)}, ${result});`];
      lines.push(`const ${variable} = ${member(object, key)};`);
      // io-ts's partial ignores an absent field (its codec refuses undefined, and that is not an error).
      if (required) lines.push(...fieldLines, ...update);
      else if (fieldLines.length > 0 || update.length > 0) lines.push(`if (${variable} !== undefined) {`, ...indent([...fieldLines, ...update]), '}');
    }
    return [lines, copy];
  }

  /** An array (copied only when an item changes), or for a ListType an object with index keys. */
  private list(indexed: boolean, item: Codec, value: string): [string[], string] {
    const normaliseItem = this.helperFor(item);
    const result = this.fresh('r');
    const index = this.fresh('i');
    const length = this.fresh('n');
    const element = this.fresh('x');
    const decoded = this.fresh('y');
    return [
      [
        `let ${result}: unknown;`,
        `if (Array.isArray(${value})) {`,
        `  let items = ${value} as unknown[];`,
        `  for (let ${index} = 0, ${length} = ${value}.length; ${index} < ${length}; ${index}++) {`,
        `    const ${element}: unknown = ${value}[${index}];`,
        `    const ${decoded} = ${normaliseItem}(${element});`,
        `    if (${decoded} === REFUSED) return REFUSED;`,
        `    if (${decoded} !== ${element}) {`,
        `      if (items === ${value}) items = ${value}.slice();`,
        `      items[${index}] = ${decoded};`,
        '    }',
        '  }',
        `  ${result} = items;`,
        indexed ? `} else {` : `} else return REFUSED;`,
        ...(indexed
          ? [`  ${result} = indexedList(${value}, ${normaliseItem});`, `  if (${result} === REFUSED) return REFUSED;`, '}']
          : []),
      ],
      result,
    ];
  }
}

/**
 * The full text of `src/generated/normalisers.ts` for the given event codecs: one normaliser per
 * event that gives exactly what the codec's `validate` decodes, or `REFUSED` (proven by the
 * property tests in test/generated/). Deterministic, like the guards.
 */
export const generateNormalisersSource = (codecs: EventCodecs = webhookCodecs): string => {
  const writer = new NormaliserWriter();
  const events = Object.entries(codecs);
  const normalisers = events.map(([eventName, codec]) =>
    [
      `/** The \`${eventName}\` event \`u\` decodes to (wire quirks decoded), or \`REFUSED\`: exactly io-ts \`${codec.name}.validate\`, faster. */`,
      `export function normalise${codec.name}(u: unknown): unknown {`,
      ...indent(writer.functionBody(codec)),
      '}',
    ].join('\n'),
  );
  return [
    '// GENERATED FILE, DO NOT EDIT. Written by scripts/generate-guard.ts from the io-ts codecs in',
    '// src/codecs/. Regenerate with `npm run generate:guards`; test/generated/ fails when it is stale.',
    '/**',
    " * Normalisers, one per webhook event: what the codec's `validate` decodes (a PHP sender's wire",
    ' * quirks turned into the canonical values, objects copied only where a field changes), or',
    ' * `REFUSED` where it fails, written out as plain code without io-ts\'s context arrays and',
    " * `Either`s (proven equal by property tests). parseWebhook runs one after the guard refuses a",
    " * delivery, and the codec's `validate` only to explain a refusal.",
    ' *',
    ' * @module',
    ' */',
    '/* eslint-disable */',
    "import { booleanFromFlag, indexedValues, integerFromDigits } from '../codecs/wire.js';",
    "import type { WebhookName } from '../codecs/events.js';",
    '',
    '/** What a normaliser returns for a value the codec refuses. */',
    "export const REFUSED: unique symbol = Symbol('refused');",
    '',
    '/** A safe integer, or the one a digit string stands for; else `REFUSED`. */',
    'function integerField(u: unknown): unknown {',
    "  if (Number.isSafeInteger(u)) return u;",
    "  const value = typeof u === 'string' ? integerFromDigits(u) : undefined;",
    '  return value === undefined ? REFUSED : value;',
    '}',
    '',
    '/** A boolean, or the one a MySQL flag stands for; else `REFUSED`. */',
    'function booleanField(u: unknown): unknown {',
    "  if (typeof u === 'boolean') return u;",
    '  const value = booleanFromFlag(u);',
    '  return value === undefined ? REFUSED : value;',
    '}',
    '',
    '/** `copy` with `key` set to `value`; `copy` is first made from `original` if it still is it. */',
    'function withField(copy: Record<string, unknown>, original: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {',
    '  // Spread, not Object.assign: a "__proto__" key stays a plain key.',
    '  const target = copy === original ? { ...original } : copy;',
    '  target[key] = value;',
    '  return target;',
    '}',
    '',
    '/** A ListType\'s object with index keys: its items in key order, each normalised, or `REFUSED`. */',
    'function indexedList(u: unknown, normaliseItem: (item: unknown) => unknown): unknown {',
    '  const entries = indexedValues(u);',
    '  if (entries === undefined) return REFUSED;',
    '  const items: unknown[] = [];',
    '  for (const [, value] of entries) {',
    '    const item = normaliseItem(value);',
    '    if (item === REFUSED) return REFUSED;',
    '    items.push(item);',
    '  }',
    '  return items;',
    '}',
    '',
    ...writer.helpers().flatMap((helper) => [helper, '']),
    ...normalisers.flatMap((normaliser) => [normaliser, '']),
    '/** The generated normaliser of each event, keyed by its `webhook` name. */',
    'export const webhookNormalisers: { readonly [Name in WebhookName]: (u: unknown) => unknown } = {',
    ...events.map(([eventName, codec]) => `  ${IDENTIFIER.test(eventName) ? eventName : quote(eventName)}: normalise${codec.name},`),
    '};',
    '',
  ].join('\n');
};

/** Writes (or with `--check` compares) one generated file. */
const writeGenerated = (relativePath: string, source: string, check: boolean): void => {
  const path = resolve(process.cwd(), relativePath);
  let current: string | undefined;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === source) {
    console.log(`${relativePath} is up to date`);
  } else if (check) {
    console.error(`${relativePath} is stale: run npm run generate:guards`);
    process.exitCode = 1;
  } else {
    writeFileSync(path, source);
    console.log(`wrote ${relativePath}`);
  }
};

const main = (): void => {
  const check = process.argv.includes('--check');
  writeGenerated(GUARDS_PATH, generateGuardsSource(), check);
  writeGenerated(NORMALISERS_PATH, generateNormalisersSource(), check);
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
