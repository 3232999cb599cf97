/**
 * fast-check arbitraries for every Blinger event, derived from the io-ts codecs by walking the
 * codec tree, so they can never drift from what `parseWebhook` accepts.
 *
 * fast-check is an optional peer dependency: this module never imports it at run time. You pass
 * your own fast-check module in, and get arbitraries built with it.
 *
 * @module
 */
import type * as FastCheck from 'fast-check';
import type * as t from 'io-ts';
import { BlingerWebhook, type WebhookEvent, type WebhookName, webhookCodecs } from '../codecs/events.js';
import { children, codecNode } from '../codecs/tree.js';

/**
 * The parts of the fast-check module the arbitraries are built with. Pass `fc` from
 * `import fc from 'fast-check'` or `import * as fc from 'fast-check'` (fast-check 4).
 *
 * @category Arbitraries
 * @since 0.1.0
 */
export type FastCheckModule = Pick<
  typeof FastCheck,
  | 'array'
  | 'boolean'
  | 'constant'
  | 'constantFrom'
  | 'double'
  | 'integer'
  | 'maxSafeInteger'
  | 'oneof'
  | 'option'
  | 'record'
  | 'string'
  | 'stringMatching'
  | 'tuple'
>;

/**
 * Limits on the generated values; the defaults keep a closed conversation small enough for thousands of runs.
 *
 * @category Arbitraries
 * @since 0.1.0
 */
export interface ArbitraryOptions {
  /**
   * Longest array generated, such as a closed conversation's `messages` (each message carries two
   * full user records).
   *
   * @defaultValue 4
   */
  readonly maxArrayLength?: number;
}

/**
 * One arbitrary per documented event, keyed by its `webhook` name.
 *
 * @category Arbitraries
 * @since 0.1.0
 */
export type EventArbitraries = { readonly [Name in WebhookName]: FastCheck.Arbitrary<WebhookEvent<Name>> };

/**
 * What {@link webhookArbitraries} returns: `any` generates every event, and each event name
 * generates that event only, typed as it.
 *
 * @category Arbitraries
 * @since 0.1.0
 */
export type WebhookArbitraries = EventArbitraries & {
  /** Any of the eight documented events. */
  readonly any: FastCheck.Arbitrary<BlingerWebhook>;
};

type Arb = FastCheck.Arbitrary<unknown>;

const DEFAULT_MAX_ARRAY_LENGTH = 4;

const isPlainRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// Assigns through defineProperty so that a field named `__proto__` stays a field.
const mergeInto = (target: Record<string, unknown>, source: unknown): void => {
  if (!isPlainRecord(source)) return;
  for (const key of Object.keys(source)) {
    Object.defineProperty(target, key, { value: source[key], enumerable: true, writable: true, configurable: true });
  }
};

class CodecWalker {
  private readonly cache = new Map<t.Mixed, Arb>();
  private readonly maxArrayLength: number;

  constructor(
    private readonly fc: FastCheckModule,
    options: ArbitraryOptions,
  ) {
    this.maxArrayLength = options.maxArrayLength ?? DEFAULT_MAX_ARRAY_LENGTH;
  }

  /** The arbitrary of one codec; shared sub-codecs (a user record, an operator) are built once. */
  walk(codec: t.Mixed): Arb {
    const cached = this.cache.get(codec);
    if (cached) return cached;
    const built = this.build(codec);
    this.cache.set(codec, built);
    return built;
  }

  private props(props: t.Props): Record<string, Arb> {
    const model: Record<string, Arb> = {};
    for (const key of Object.keys(props)) model[key] = this.walk(props[key]!);
    return model;
  }

  private safeInteger(): FastCheck.Arbitrary<number> {
    const { fc } = this;
    // Small ids and timestamps like Blinger's, and the whole safe range with its edges.
    return fc.oneof(fc.integer({ min: 0, max: 2_000_000_000 }), fc.maxSafeInteger());
  }

  private string(): FastCheck.Arbitrary<string> {
    const { fc } = this;
    // ASCII most of the time, and any code point (Cyrillic, emoji, lone surrogates) the rest.
    return fc.oneof(fc.string(), fc.string({ unit: 'binary' }));
  }

  /** The arbitrary of each child codec (members of a union or intersection, an item codec). */
  private walkChildren(codec: t.Mixed): Arb[] {
    return children(codecNode(codec)).map((child) => this.walk(child));
  }

  // codecNode throws for a codec kind the package's codecs are not made of (a refinement, a
  // recursive codec), so a new kind cannot be silently ignored.
  private build(mixed: t.Mixed): Arb {
    const { fc } = this;
    const codec = codecNode(mixed);
    switch (codec._tag) {
      case 'InterfaceType':
        return fc.record(this.props(codec.props), { noNullPrototype: true });
      case 'PartialType':
        // Every key may be absent (never present as `undefined`, which JSON cannot carry).
        return fc.record(this.props(codec.props), { requiredKeys: [], noNullPrototype: true });
      case 'IntersectionType':
        return fc.tuple(...this.walkChildren(codec)).map((parts) => {
          const merged: Record<string, unknown> = {};
          for (const part of parts) mergeInto(merged, part);
          return merged;
        });
      case 'UnionType':
        return fc.oneof(...this.walkChildren(codec));
      case 'ArrayType':
      case 'ReadonlyArrayType':
      case 'ListType':
        // The canonical form only: src/testing/wire-quirks.ts writes the quirky ones.
        return fc.array(this.walk(codec.type), { maxLength: this.maxArrayLength });
      case 'ExactType':
      case 'ReadonlyType':
      case 'EmptyAsType':
        return this.walk(codec.type);
      case 'LiteralType':
        return fc.constant(codec.value);
      case 'KeyofType':
        return fc.constantFrom(...Object.keys(codec.keys));
      case 'StringType':
        return this.string();
      case 'BooleanType':
      case 'BooleanFlagType':
        return fc.boolean();
      case 'NumberType':
        // -0 would come back from JSON as 0, so it is left out.
        return fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));
      case 'NullType':
        return fc.constant(null);
      case 'NullableType':
        return fc.option(this.walk(codec.type), { nil: null });
      case 'OpenStringType':
        // The documented values, and strings Blinger may add later, which must decode too.
        return codec.known.length === 0 ? this.string() : fc.oneof(fc.constantFrom(...codec.known), this.string());
      case 'SafeIntegerType':
        return this.safeInteger();
      case 'LooseIdType':
        // Blinger sends these as numbers and as strings of digits ("634"); any string decodes.
        return fc.oneof(this.safeInteger(), fc.stringMatching(/^[0-9]{1,16}$/), this.string());
    }
  }
}

/**
 * Builds a fast-check arbitrary of the values `codec` accepts, by walking its io-ts tree. Works
 * for every codec of this package and for io-ts `type`, `partial`, `intersection`, `union`,
 * `array`, `literal`, `keyof`, `string`, `boolean`, `number` and `null` built from them.
 *
 * @param fc Your fast-check module (fast-check is an optional peer dependency).
 * @param codec The codec to generate values for.
 * @param options Size limits.
 * @throws TypeError for a codec kind it cannot walk (a refinement, a recursive codec), naming the
 * codec and its kind.
 *
 * @example
 * import fc from 'fast-check';
 * import { Operator } from 'blinger-webhooks';
 * import { arbitraryFromCodec } from 'blinger-webhooks/testing/arbitraries';
 * fc.assert(fc.property(arbitraryFromCodec(fc, Operator), (operator) => typeof operator.name === 'string'));
 *
 * @category Arbitraries
 * @since 0.1.0
 */
export const arbitraryFromCodec = <C extends t.Mixed>(
  fc: FastCheckModule,
  codec: C,
  options: ArbitraryOptions = {},
): FastCheck.Arbitrary<t.TypeOf<C>> => new CodecWalker(fc, options).walk(codec) as FastCheck.Arbitrary<t.TypeOf<C>>;

/**
 * Arbitraries of valid Blinger webhook events, for property-testing your own callbacks: `any`
 * for every event, and one per event name (`on_message_incoming`, ...), typed as that event.
 * Every generated event decodes with `parseWebhook(JSON.stringify(event))` to an equal value.
 *
 * @param fc Your fast-check module (fast-check is an optional peer dependency).
 * @param options Size limits.
 *
 * @example
 * import fc from 'fast-check';
 * import { webhookArbitraries } from 'blinger-webhooks/testing/arbitraries';
 * const events = webhookArbitraries(fc);
 * fc.assert(fc.property(events.on_message_incoming, (event) => {
 *   handleIncoming(event); // must not throw, whatever the message
 * }));
 *
 * @category Arbitraries
 * @since 0.1.0
 */
export const webhookArbitraries = (fc: FastCheckModule, options: ArbitraryOptions = {}): WebhookArbitraries => {
  // One walker for all events, so the codecs they share are turned into arbitraries once.
  const walker = new CodecWalker(fc, options);
  const arbitraries: Record<string, Arb> = { any: walker.walk(BlingerWebhook) };
  for (const name of Object.keys(webhookCodecs) as WebhookName[]) {
    arbitraries[name] = walker.walk(webhookCodecs[name]);
  }
  return arbitraries as unknown as WebhookArbitraries;
};
