/**
 * `parseWebhook`: from a raw delivery to a validated event, never throwing.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { type BlingerWebhook, isWebhookName, webhookCodecs } from './codecs/events.js';
import { quirkRecordingContext, type RecordedQuirk, type WireQuirk } from './codecs/wire.js';
import {
  contextExpected,
  contextPath,
  invalidJson,
  invalidPayload,
  InvalidWebhookError,
  type PayloadIssue,
  receivedType,
  toPayloadIssues,
  unknownEvent,
  type WebhookParseError,
} from './errors.js';
import { webhookGuardFor } from './generated/guards.js';
import { REFUSED, webhookNormalisers } from './generated/normalisers.js';

// fatal: invalid UTF-8 is an error rather than U+FFFD.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The part of a Node `Buffer` used here. */
interface Utf8Decodable {
  toString(encoding: 'utf8'): string;
}

/** Node's Buffer, where there is one: the package also runs on Workers, Deno and Bun. */
interface NodeBufferStatics {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): Utf8Decodable;
  isBuffer(value: unknown): boolean;
}
const NodeBuffer = (globalThis as { Buffer?: Partial<NodeBufferStatics> }).Buffer;

const strictDecode = (bytes: Uint8Array): string | null => {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
};

/**
 * UTF-8 bytes to text, or `null` when they are not valid UTF-8. On Node, `Buffer#toString` is
 * several times faster than a fatal `TextDecoder`, which was most of the cost of decoding a small
 * delivery; it turns bad bytes into U+FFFD, so only text containing U+FFFD (rare, and possibly
 * legitimate) is decoded again strictly. Bytes that are a Buffer already (what Node's HTTP parser
 * hands the adapters) decode themselves: a Buffer view over them cost 2% of a bare `node:http`
 * route's CPU time per request (bench/README.md, 2026-12-08).
 */
const decodeUtf8: (bytes: Uint8Array) => string | null =
  typeof NodeBuffer?.from === 'function' && typeof NodeBuffer.isBuffer === 'function'
    ? (bytes) => {
        const node = NodeBuffer as NodeBufferStatics;
        const buffer = node.isBuffer(bytes)
          ? (bytes as Uint8Array & Utf8Decodable)
          : node.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        const text = buffer.toString('utf8');
        return text.includes('\uFFFD') ? strictDecode(bytes) : text;
      }
    : strictDecode;

const BYTE_ORDER_MARK = 0xfeff;

type Result<A> = E.Either<WebhookParseError, A>;

/**
 * How {@link parseWebhook} treats the wire quirks of a PHP/MySQL sender (integers as strings,
 * booleans as `0`/`1`, `[]` for an empty object, lists as objects with index keys; the table is in
 * docs/type-model.md). By default they decode to the canonical event, silently.
 *
 * @category Parsing
 * @since 0.2.0
 */
export interface ParseWebhookOptions {
  /**
   * `decode`: a quirk decodes to its canonical value. `reject`: a delivery holding any quirk is
   * refused as `invalid_payload`, with an issue at each quirk's path (strict mode, for a sender
   * you control).
   *
   * @defaultValue `'decode'`
   */
  readonly wireQuirks?: 'decode' | 'reject';
  /**
   * Called once for each accepted delivery that held at least one quirk, with every field that
   * was decoded and the decoded event: the one line that tells you when Blinger starts sending
   * ids as strings. Never called for a canonical delivery, so it costs nothing on the fast path;
   * with it (or with `wireQuirks: 'reject'`) a quirky delivery is decoded by the codec's
   * `validate`, which records each path, rather than by the faster generated normaliser. An
   * exception it throws is ignored (parseWebhook never throws).
   *
   * @example
   * parseWebhook(body, { onWireQuirks: (quirks) => metrics.increment('blinger.wire_quirks', quirks.length) });
   */
  readonly onWireQuirks?: (quirks: readonly WireQuirk[], event: BlingerWebhook) => void;
}

const toWireQuirk = ({ context, rule, actual }: RecordedQuirk): WireQuirk => ({
  path: contextPath(context),
  rule,
  expected: contextExpected(context),
  received: receivedType(actual),
});

const toQuirkIssue = (quirk: WireQuirk): PayloadIssue => ({
  path: quirk.path,
  expected: quirk.expected,
  received: quirk.received,
});

/** What decoding needs of an event codec, whichever event it is. */
interface EventDecoder {
  is(value: unknown): value is BlingerWebhook;
  validate(value: unknown, context: t.Context): t.Validation<BlingerWebhook>;
}

const parseJsonText = (text: string): Result<unknown> => {
  const json = text.charCodeAt(0) === BYTE_ORDER_MARK ? text.slice(1) : text;
  if (json.trim() === '') return E.left(invalidJson('empty'));
  try {
    return E.right(JSON.parse(json));
  } catch {
    // JSON.parse's message quotes the body, so it is dropped rather than passed on.
    return E.left(invalidJson('syntax'));
  }
};

const toBytes = (input: ArrayBuffer | ArrayBufferView): Uint8Array =>
  input instanceof Uint8Array
    ? input
    : ArrayBuffer.isView(input)
      ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
      : new Uint8Array(input);

const isBinary = (input: unknown): input is ArrayBuffer | ArrayBufferView =>
  input instanceof ArrayBuffer || ArrayBuffer.isView(input);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const nonJsonIssue = invalidPayload(null, [{ path: '', expected: 'plain JSON value', received: 'non-JSON value' }]);

const rootIssue = (value: unknown) =>
  invalidPayload(null, [{ path: '', expected: 'object with a string "webhook" field', received: receivedType(value) }]);

/** Decodes with the event's codec, recording quirks because `options` asks for them. */
const decodeRecordingQuirks = (
  name: BlingerWebhook['webhook'],
  codec: EventDecoder,
  value: unknown,
  options: ParseWebhookOptions,
): Result<BlingerWebhook> => {
  const context = quirkRecordingContext(webhookCodecs[name], value);
  const validation = codec.validate(value, context);
  const quirks = context[0].quirks.map(toWireQuirk);
  const rejectQuirks = options.wireQuirks === 'reject';
  if (E.isLeft(validation)) {
    const issues = toPayloadIssues(validation.left);
    return E.left(invalidPayload(name, rejectQuirks ? [...issues, ...quirks.map(toQuirkIssue)] : issues));
  }
  if (quirks.length === 0) return validation;
  if (rejectQuirks) return E.left(invalidPayload(name, quirks.map(toQuirkIssue)));
  try {
    options.onWireQuirks?.(quirks, validation.right);
  } catch {
    // The hook is the caller's monitoring; its failure must not lose the delivery.
  }
  return validation;
};

/** Validates an already-parsed JSON value: dispatches on `webhook`, then decodes that event only. */
const decodeValue = (value: unknown, options: ParseWebhookOptions | undefined): Result<BlingerWebhook> => {
  if (!isRecord(value)) return E.left(rootIssue(value));
  const name = value.webhook;
  if (typeof name !== 'string') {
    return E.left(invalidPayload(null, [{ path: 'webhook', expected: 'event name string', received: receivedType(name) }]));
  }
  // A value that passes the guard is a canonical event and is returned as it is. The guard is
  // generated from the codec (src/generated/guards.ts), accepts exactly what codec.is accepts,
  // and is found by a switch: looking the name up as an object key (isWebhookName,
  // webhookCodecs[name]) costs several percent of JSON.parse of a small event, so that happens
  // off the fast path only. Anything else goes to the event's generated normaliser
  // (src/generated/normalisers.ts): straight-line code giving exactly what the codec's validate
  // decodes, the wire quirks of a PHP sender turned into a canonical copy, or REFUSED, at about
  // the cost of the guard and the copies, without io-ts's context arrays and Eithers (which cost
  // a large quirky delivery several times JSON.parse in garbage collection). A refused delivery
  // then goes through validate to be explained, as before.
  const isEvent = webhookGuardFor(name);
  if (isEvent !== undefined && isEvent(value)) return E.right(value);
  if (!isWebhookName(name)) return E.left(unknownEvent(name, value));
  const codec: EventDecoder = webhookCodecs[name];
  if (options !== undefined && (options.onWireQuirks !== undefined || options.wireQuirks === 'reject')) {
    return decodeRecordingQuirks(name, codec, value, options);
  }
  const normalised = webhookNormalisers[name](value);
  // The guard again on the copy: JSON data always passes it (property-tested), but a pre-parsed
  // value whose fields are inherited would lose them in the copy, and a Right is always an event.
  if (normalised !== REFUSED) return isEvent?.(normalised) === true ? E.right(normalised) : E.left(nonJsonIssue);
  const validation = codec.validate(value, [{ key: '', type: webhookCodecs[name], actual: value }]);
  return E.isLeft(validation) ? E.left(invalidPayload(name, toPayloadIssues(validation.left))) : validation;
};

// Explicit isLeft checks rather than E.flatMap: fp-ts's dual() copies `arguments` and calls
// apply on every call, which costs more than JSON.parse of a small event (bench/README.md).
const decodeText = (text: string, options: ParseWebhookOptions | undefined): Result<BlingerWebhook> => {
  // Hot path: JSON.parse straight away. A BOM, an empty body or a syntax error makes it throw;
  // parseJsonText then strips the BOM or names the reason.
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const retried = parseJsonText(text);
    return E.isLeft(retried) ? retried : decodeValue(retried.right, options);
  }
  return decodeValue(value, options);
};

const parseUnsafe = (input: unknown, options: ParseWebhookOptions | undefined): Result<BlingerWebhook> => {
  if (typeof input === 'string') return decodeText(input, options);
  if (isBinary(input)) {
    const text = decodeUtf8(toBytes(input));
    return text === null ? E.left(invalidJson('encoding')) : decodeText(text, options);
  }
  return decodeValue(input, options);
};

/**
 * Parses and validates one Blinger webhook delivery. Never throws, whatever the input.
 *
 * @param input The raw body as a string or as UTF-8 bytes (`Uint8Array`, `Buffer`, `ArrayBuffer`),
 *   or a value already parsed from JSON (such as `req.body` after `express.json()`). A leading
 *   byte-order mark is ignored.
 * @param options How to treat a PHP/MySQL sender's wire quirks: decoded by default, see
 *   {@link ParseWebhookOptions}.
 * @returns `Right` with the typed event, or `Left` with a {@link WebhookParseError}:
 *   `invalid_json`, `unknown_event` (a well-formed event this version does not know) or
 *   `invalid_payload` (with the JSON path of every problem). A Right is always the canonical
 *   event: a delivery in the canonical form is returned as it is; wire quirks (`"173"` for an id,
 *   `"1"` for a boolean, `[]` for an empty object, a list as an object with index keys) are
 *   decoded into a canonical copy (docs/type-model.md).
 *
 * @example
 * import { parseWebhook } from 'blinger-webhooks';
 * import { isRight } from 'fp-ts/lib/Either.js';
 *
 * const result = parseWebhook(rawBody);
 * if (isRight(result) && result.right.webhook === 'on_message_incoming') {
 *   console.log(result.right.message.message);
 * } else if (result._tag === 'Left') {
 *   console.warn(result.left.kind, result.left.message);
 * }
 *
 * @category Parsing
 * @since 0.1.0
 */
export const parseWebhook = (input: unknown, options?: ParseWebhookOptions): E.Either<WebhookParseError, BlingerWebhook> => {
  try {
    return parseUnsafe(input, options);
  } catch {
    // Only a hostile pre-parsed value (a throwing getter or Proxy) gets here; JSON never does.
    return E.left(nonJsonIssue);
  }
};

/**
 * Like {@link parseWebhook}, for code that prefers exceptions: returns the event or throws an
 * {@link InvalidWebhookError} whose `details` is the structured error. `options` as for
 * {@link parseWebhook}.
 *
 * @throws {@link InvalidWebhookError} when the delivery is not a valid event.
 *
 * @example
 * try {
 *   const event = parseWebhookOrThrow(req.body);
 * } catch (error) {
 *   if (error instanceof InvalidWebhookError) console.warn(error.details.kind);
 * }
 *
 * @category Parsing
 * @since 0.1.0
 */
export const parseWebhookOrThrow = (input: unknown, options?: ParseWebhookOptions): BlingerWebhook => {
  const result = parseWebhook(input, options);
  if (E.isLeft(result)) throw new InvalidWebhookError(result.left);
  return result.right;
};
