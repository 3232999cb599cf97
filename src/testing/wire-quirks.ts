/**
 * `quirkyWireForm`: an event as a PHP/MySQL sender may write it on the wire, for testing that
 * your endpoint accepts what Blinger's backend really sends. Has no dependency (no fast-check).
 *
 * @module
 */
import type * as t from 'io-ts';
import { BlingerWebhook } from '../codecs/events.js';
import { children, type CodecNode, codecNode } from '../codecs/tree.js';
import { type WireQuirkRule, wireQuirkRules } from '../codecs/wire.js';

/**
 * Which wire quirks {@link quirkyWireForm} writes, and how many.
 *
 * @category Wire quirks
 * @since 0.2.0
 */
export interface QuirkyWireFormOptions {
  /**
   * The rules to apply (see `WireQuirkRule`).
   *
   * @defaultValue every rule
   */
  readonly rules?: readonly WireQuirkRule[];
  /**
   * The share of the fields a rule applies to that are written in a quirky form, from 0 to 1.
   *
   * @defaultValue `1` (every field a rule applies to)
   */
  readonly share?: number;
  /**
   * Picks the fields (when `share` is below 1), the form of each boolean (`1`, `"1"` or `"true"`),
   * the gaps between index keys and `[]` or `null` for an empty operator: the same seed gives the
   * same wire form.
   *
   * @defaultValue `1`
   */
  readonly seed?: number;
}

/**
 * A field written in a quirky form, as `parseWebhook`'s `onWireQuirks` will report it.
 *
 * @category Wire quirks
 * @since 0.2.0
 */
export interface AppliedWireQuirk {
  /** Dotted JSON path of the field on the wire (list items by their index keys). */
  readonly path: string;
  /** The rule the field was written under. */
  readonly rule: WireQuirkRule;
}

/**
 * What {@link quirkyWireForm} returns.
 *
 * @category Wire quirks
 * @since 0.2.0
 */
export interface QuirkyWireForm {
  /** The payload to send: `JSON.stringify` it. It decodes to exactly the event it was made from. */
  readonly payload: unknown;
  /** Every field written in a quirky form. */
  readonly quirks: readonly AppliedWireQuirk[];
}

// mulberry32: a small deterministic generator, so a seed reproduces a wire form.
const generator = (seed: number): (() => number) => {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// defineProperty, not assignment: a "__proto__" key stays a plain field.
const define = (target: Record<string, unknown>, key: string, value: unknown): void => {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
};

const TRUE_FORMS = [1, '1', 'true'] as const;
const FALSE_FORMS = [0, '0', 'false'] as const;

/** The fields of an object codec, intersections flattened. */
const fieldsOf = (node: CodecNode): Map<string, t.Mixed> | undefined => {
  if (node._tag === 'InterfaceType' || node._tag === 'PartialType') return new Map(Object.entries(node.props));
  if (node._tag !== 'IntersectionType') return undefined;
  const fields = new Map<string, t.Mixed>();
  for (const member of children(node)) {
    const memberFields = fieldsOf(codecNode(member));
    if (memberFields === undefined) return undefined;
    for (const [key, codec] of memberFields) fields.set(key, codec);
  }
  return fields;
};

const isUnassignedOperator = (value: unknown): boolean =>
  isRecord(value) && Object.keys(value).length === 3 && value.id === null && value.name === null && value.email === null;

class QuirkWriter {
  readonly quirks: AppliedWireQuirk[] = [];
  private readonly random: () => number;
  private readonly rules: ReadonlySet<WireQuirkRule>;
  private readonly share: number;

  constructor(options: QuirkyWireFormOptions) {
    this.random = generator(options.seed ?? 1);
    this.rules = new Set(options.rules ?? wireQuirkRules);
    this.share = options.share ?? 1;
  }

  /** Whether to write this field under `rule`; records it when so. */
  private take(rule: WireQuirkRule, path: readonly string[]): boolean {
    if (!this.rules.has(rule) || this.random() >= this.share) return false;
    this.quirks.push({ path: path.join('.'), rule });
    return true;
  }

  private pick<A>(forms: readonly A[]): A {
    return forms[Math.floor(this.random() * forms.length)]!;
  }

  /** The wire form of `value`, a value of `codec` (anything else is copied as it is). */
  write(codec: t.Mixed, value: unknown, path: readonly string[]): unknown {
    const node = codecNode(codec);
    switch (node._tag) {
      case 'SafeIntegerType':
        // -0 would come back as 0; JSON cannot carry it anyway.
        return Number.isSafeInteger(value) && !Object.is(value, -0) && this.take('integer-as-string', path)
          ? String(value)
          : value;
      case 'BooleanFlagType':
        return typeof value === 'boolean' && this.take('boolean-as-number-or-string', path)
          ? this.pick(value ? TRUE_FORMS : FALSE_FORMS)
          : value;
      case 'NullableType':
        return value === null ? null : this.write(node.type, value, path);
      case 'EmptyAsType':
        return this.empty(node, value, path);
      case 'ArrayType':
      case 'ListType':
        return this.list(node, value, path);
      case 'UnionType': {
        const member = node.types.find((candidate) => candidate.is(value));
        return member === undefined ? structuredClone(value) : this.write(member, value, path);
      }
      default: {
        const fields = fieldsOf(node);
        return fields === undefined ? structuredClone(value) : this.object(fields, value, path);
      }
    }
  }

  private empty(node: Extract<CodecNode, { _tag: 'EmptyAsType' }>, value: unknown, path: readonly string[]): unknown {
    if (node.rule === 'empty-array-as-null' && value === null && this.take('empty-array-as-null', path)) return [];
    if (node.rule === 'empty-operator' && isUnassignedOperator(value) && this.take('empty-operator', path)) {
      return this.pick([[], null]);
    }
    return this.write(node.type, value, path);
  }

  private list(node: Extract<CodecNode, { _tag: 'ArrayType' | 'ListType' }>, value: unknown, path: readonly string[]): unknown {
    if (!Array.isArray(value)) return structuredClone(value);
    if (node._tag === 'ListType' && this.take('array-as-object', path)) {
      // Index keys in ascending order with gaps, as json_encode writes a filtered PHP list.
      const indexed: Record<string, unknown> = {};
      let key = 0;
      for (const item of value) {
        key += Math.floor(this.random() * 3);
        define(indexed, String(key), this.write(node.type, item, [...path, String(key)]));
        key += 1;
      }
      return indexed;
    }
    return value.map((item, index) => this.write(node.type, item, [...path, String(index)]));
  }

  private object(fields: ReadonlyMap<string, t.Mixed>, value: unknown, path: readonly string[]): unknown {
    if (!isRecord(value)) return structuredClone(value);
    const written: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const field = fields.get(key);
      define(written, key, field === undefined ? structuredClone(value[key]) : this.write(field, value[key], [...path, key]));
    }
    return written;
  }
}

/**
 * An event as a PHP/MySQL sender may write it on the wire: integers as digit strings, booleans as
 * `0`/`1`/`"1"`/`"true"`, `[]` for an empty `close_group` or closed conversation's `operator`,
 * `[]` or `null` for a message's unassigned operator, lists as objects with index keys (the rules
 * of docs/type-model.md). `parseWebhook(JSON.stringify(payload))` gives back exactly `event`.
 * Use it to check that your endpoint accepts what Blinger's backend really sends.
 *
 * @param event A valid event, such as one from `createWebhook` or `examples`.
 * @param options Which rules, how many fields and which seed; by default every rule on every
 *   field it applies to.
 *
 * @example
 * import { createWebhook, quirkyWireForm } from 'blinger-webhooks/testing';
 * const { payload } = quirkyWireForm(createWebhook('on_message_incoming'), { rules: ['integer-as-string'] });
 * await fetch(url, { method: 'POST', body: JSON.stringify(payload) }); // every id a string
 *
 * @category Wire quirks
 * @since 0.2.0
 */
export const quirkyWireForm = (event: BlingerWebhook, options: QuirkyWireFormOptions = {}): QuirkyWireForm => {
  const writer = new QuirkWriter(options);
  const payload = writer.write(BlingerWebhook, event, []);
  return { payload, quirks: writer.quirks };
};
