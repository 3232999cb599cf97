/**
 * The structured errors `parseWebhook` returns. They name fields by their JSON path and say what
 * type arrived, but never echo a value: payloads carry customers' messages, names and e-mail
 * addresses, and error text ends up in logs.
 *
 * @module
 */
import type * as t from 'io-ts';
import type { WebhookName } from './codecs/events.js';

/**
 * The JSON type of a value that arrived, or `missing` for an absent field.
 *
 * @category Errors
 * @since 0.1.0
 */
export type ReceivedType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object' | 'missing' | 'non-JSON value';

/**
 * One field of a payload that does not match its event's codec.
 *
 * @category Errors
 * @since 0.1.0
 */
export interface PayloadIssue {
  /** Dotted JSON path of the field, such as `conversation.messages.0.is_outgoing`; `''` for the body itself. */
  readonly path: string;
  /** What the field must be, such as `string`, `safe integer`, `string | null`, `Operator`. */
  readonly expected: string;
  /** The JSON type of what arrived (never the value itself). */
  readonly received: ReceivedType;
}

/**
 * The body is not JSON: empty, truncated, malformed, or not valid UTF-8.
 *
 * @category Errors
 * @since 0.1.0
 */
export interface InvalidJsonError {
  /** Discriminant: the body is not JSON. */
  readonly kind: 'invalid_json';
  /** Why: `empty` body, JSON `syntax` error, or bytes that are not valid UTF-8 (`encoding`). */
  readonly reason: 'empty' | 'syntax' | 'encoding';
  /** One line for humans and logs. */
  readonly message: string;
}

/**
 * A JSON object whose `webhook` names an event this version of the package does not know.
 * Blinger may add events; log or forward `payload` rather than failing the delivery.
 *
 * @category Errors
 * @since 0.1.0
 */
export interface UnknownEventError {
  /** Discriminant: an event this version does not know. */
  readonly kind: 'unknown_event';
  /** The `webhook` value that arrived. */
  readonly event: string;
  /** The whole parsed payload, unvalidated. */
  readonly payload: Readonly<Record<string, unknown>>;
  /** One line for humans and logs. */
  readonly message: string;
}

/**
 * The body is JSON but not a valid event: not an object, no string `webhook`, or a known event
 * whose fields are wrong. `issues` lists every problem (the first {@link MAX_LISTED_ISSUES}).
 *
 * @category Errors
 * @since 0.1.0
 */
export interface InvalidPayloadError {
  /** Discriminant: JSON that is not a valid event. */
  readonly kind: 'invalid_payload';
  /** The event the payload claimed to be, or `null` when `webhook` was missing or not a string. */
  readonly event: WebhookName | null;
  /** The problems, at most {@link MAX_LISTED_ISSUES} of them. */
  readonly issues: readonly PayloadIssue[];
  /** How many problems there were in all (more than `issues.length` when the list was cut). */
  readonly issueCount: number;
  /** One line for humans and logs, naming the paths of the first problems. */
  readonly message: string;
}

/**
 * Why a delivery could not be parsed, discriminated by `kind`.
 *
 * @category Errors
 * @since 0.1.0
 */
export type WebhookParseError = InvalidJsonError | UnknownEventError | InvalidPayloadError;

/**
 * How many issues an {@link InvalidPayloadError} lists; a hostile body cannot make it larger.
 *
 * @category Errors
 * @since 0.1.0
 */
export const MAX_LISTED_ISSUES = 100;

const ISSUES_IN_MESSAGE = 3;

/**
 * Thrown by `parseWebhookOrThrow`: an `Error` carrying the same structured {@link WebhookParseError}
 * that `parseWebhook` returns, in `details`.
 *
 * @category Errors
 * @since 0.1.0
 */
export class InvalidWebhookError extends Error {
  /** Always `'InvalidWebhookError'`, for logs and `error.name` checks. */
  override readonly name = 'InvalidWebhookError';
  /** The structured reason, exactly as `parseWebhook` returns it. */
  readonly details: WebhookParseError;
  constructor(details: WebhookParseError) {
    super(details.message);
    this.details = details;
  }
  /** Shortcut for `details.kind`. */
  get kind(): WebhookParseError['kind'] {
    return this.details.kind;
  }
}

/** The JSON type of a value, as reported in {@link PayloadIssue.received}. */
export const receivedType = (value: unknown): ReceivedType => {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'boolean' || type === 'number' || type === 'string' || type === 'object' ? type : 'non-JSON value';
};

const describePath = (path: string): string => (path === '' ? 'the body' : path);

export const invalidJson = (reason: InvalidJsonError['reason']): InvalidJsonError => {
  const why = { empty: 'is empty', syntax: 'is not valid JSON', encoding: 'is not valid UTF-8' }[reason];
  return { kind: 'invalid_json', reason, message: `Webhook body ${why}` };
};

export const unknownEvent = (event: string, payload: Readonly<Record<string, unknown>>): UnknownEventError => ({
  kind: 'unknown_event',
  event,
  payload,
  // The name is the sender's string; JSON.stringify keeps control characters out of log lines.
  message: `Unknown webhook event ${JSON.stringify(event.slice(0, 100))}: this version of blinger-webhooks does not know it`,
});

export const invalidPayload = (event: WebhookName | null, issues: readonly PayloadIssue[]): InvalidPayloadError => {
  const listed = issues.slice(0, MAX_LISTED_ISSUES);
  const shown = issues
    .slice(0, ISSUES_IN_MESSAGE)
    .map((issue) => `${describePath(issue.path)} (expected ${issue.expected}, got ${issue.received})`)
    .join('; ');
  const more = issues.length > ISSUES_IN_MESSAGE ? ` and ${issues.length - ISSUES_IN_MESSAGE} more` : '';
  const subject = event === null ? 'Webhook payload' : `Invalid ${event} payload`;
  const verb = event === null ? 'is invalid' : 'at';
  return {
    kind: 'invalid_payload',
    event,
    issues: listed,
    issueCount: issues.length,
    message: event === null ? `${subject} ${verb}: ${shown}${more}` : `${subject} ${verb} ${shown}${more}`,
  };
};

// Intersections and unions add a member index to io-ts's context that is not part of the JSON path.
const addsPathSegment = (parent: t.Decoder<unknown, unknown> | undefined): boolean => {
  const tag = (parent as { _tag?: string } | undefined)?._tag;
  return tag !== 'IntersectionType' && tag !== 'UnionType';
};

/** The dotted JSON path an io-ts context stands for, such as `conversation.messages.0.is_outgoing`. */
export const contextPath = (context: t.Context): string => {
  const segments: string[] = [];
  for (let i = 1; i < context.length; i++) {
    if (addsPathSegment(context[i - 1]?.type)) segments.push(context[i]!.key);
  }
  return segments.join('.');
};

/** What an io-ts context says its field must be, such as `safe integer` or `Operator`. */
export const contextExpected = (context: t.Context): string => context[context.length - 1]?.type.name ?? 'unknown';

/** Converts io-ts validation errors into value-free {@link PayloadIssue}s, one per distinct path. */
export const toPayloadIssues = (errors: t.Errors): PayloadIssue[] => {
  const issues: PayloadIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const path = contextPath(error.context);
    if (seen.has(path)) continue;
    seen.add(path);
    issues.push({ path, expected: contextExpected(error.context), received: receivedType(error.value) });
  }
  return issues;
};
