/**
 * Breaking one field of a valid event is reported as exactly that field: removing a required
 * field, or giving any field a JSON type its codec does not accept, yields `invalid_payload`
 * naming exactly that path (and never echoing the value that arrived).
 *
 * Which fields are required and which JSON types they accept is read from the codec tree
 * (helpers/codec-tree.ts), not from parseWebhook.
 */
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlingerWebhook, parseWebhook, type WebhookParseError, webhookCodecs, webhookNames } from '../../src/index.js';
import { webhookArbitraries } from '../../src/testing/arbitraries/index.js';
import {
  acceptedJsonTypes,
  type FieldSlot,
  fieldSlots,
  type JsonType,
  jsonTypes,
  wantsSafeInteger,
} from './helpers/codec-tree.js';
import { withField, withoutField } from './helpers/json.js';
import { check, runs } from './helpers/settings.js';

// Values that must never appear in an error: errors name paths and types, never payload values.
const SECRET = 'Secret-Payload-Value-7f3a';

/** A value of each JSON type, carrying {@link SECRET} where the type can. */
const wrongValueOf: Record<JsonType, unknown> = {
  null: null,
  boolean: true,
  number: 42,
  string: SECRET,
  array: [SECRET],
  object: { note: SECRET },
};

/** One way to break a field, before it is applied to an event. */
type Break =
  | { readonly kind: 'remove' }
  | { readonly kind: 'retype'; readonly type: JsonType }
  | { readonly kind: 'unsafe-number'; readonly digits: string };

interface Mutation {
  /** The JSON text of the broken event. */
  readonly text: string;
  readonly path: string;
  /** The `received` the issue must report. */
  readonly received: JsonType | 'missing';
  readonly what: string;
}

// Numbers that are the right JSON type but not safe integers. 2^53 + 1 cannot even be represented:
// JSON.parse rounds it to 2^53, which is why such an id is rejected rather than silently altered.
const UNSAFE_NUMBERS = ['1.5', '-0.25', '9007199254740993', '1e300'];

/** Every way to break the field in `slot`, read from its codec. */
const breaksOf = (slot: FieldSlot): Break[] => {
  const breaks: Break[] = slot.required ? [{ kind: 'remove' }] : [];
  const accepted = acceptedJsonTypes(slot.codec);
  for (const type of jsonTypes) if (!accepted.has(type)) breaks.push({ kind: 'retype', type });
  if (wantsSafeInteger(slot.codec)) {
    for (const digits of UNSAFE_NUMBERS) breaks.push({ kind: 'unsafe-number', digits });
  }
  return breaks;
};

/** The broken event as JSON text, with what its issue must say. */
const applyBreak = (event: BlingerWebhook, slot: FieldSlot, change: Break): Mutation => {
  const path = slot.path.join('.');
  switch (change.kind) {
    case 'remove':
      return { text: JSON.stringify(withoutField(event, slot.path)), path, received: 'missing', what: 'removed' };
    case 'retype': {
      const text = JSON.stringify(withField(event, slot.path, wrongValueOf[change.type]));
      return { text, path, received: change.type, what: `set to a ${change.type}` };
    }
    case 'unsafe-number': {
      // Spliced into the text, so the digits reach the parser exactly as a sender would write them.
      const marker = `${SECRET}-number`;
      const text = JSON.stringify(withField(event, slot.path, marker)).replace(`"${marker}"`, change.digits);
      return { text, path, received: 'number', what: `set to ${change.digits}` };
    }
  }
};

/** Every way to break the field in `slot` of `event`. */
const mutationsOf = (event: BlingerWebhook, slot: FieldSlot): Mutation[] =>
  breaksOf(slot).map((change) => applyBreak(event, slot, change));

/** Checks one mutation; returns a description of what went wrong, or `undefined`. */
const problemWith = (event: BlingerWebhook, mutation: Mutation): string | undefined => {
  const result = parseWebhook(mutation.text);
  const where = `${mutation.path} ${mutation.what}`;
  if (E.isRight(result)) return `${where}: accepted`;
  const error: WebhookParseError = result.left;
  if (error.kind !== 'invalid_payload') return `${where}: ${error.kind}`;
  const expectedEvent = mutation.path === 'webhook' ? null : event.webhook;
  if (error.event !== expectedEvent) return `${where}: event ${String(error.event)}`;
  const paths = error.issues.map((issue) => issue.path);
  if (paths.length !== 1 || paths[0] !== mutation.path || error.issueCount !== 1) {
    return `${where}: issues at [${paths.join(', ')}] (${error.issueCount})`;
  }
  if (error.issues[0]!.received !== mutation.received) return `${where}: received ${error.issues[0]!.received}`;
  if (JSON.stringify(error).includes(SECRET)) return `${where}: the error echoes the value`;
  return undefined;
};

const events = webhookArbitraries(fc);

/** An event, one of its fields and one way to break it, all chosen by fast-check (so they shrink). */
const brokenEvent = events.any.chain((event) => {
  const slots = fieldSlots(webhookCodecs[event.webhook], event);
  return fc
    .nat({ max: slots.length - 1 })
    .chain((index) => fc.constantFrom(...breaksOf(slots[index]!)).map((change) => ({ slot: slots[index]!, change })))
    .map(({ slot, change }) => ({ event, mutation: applyBreak(event, slot, change) }));
});

describe('a broken field is reported at exactly its path', () => {
  it('for one random field and one random break of a random event', () => {
    check(
      fc.property(brokenEvent, ({ event, mutation }) => {
        const problem = problemWith(event, mutation);
        if (problem !== undefined) throw new Error(problem);
      }),
      runs(3000),
    );
  });

  it.each(webhookNames)('for every field and every break of generated %s events', (name) => {
    const small = webhookArbitraries(fc, { maxArrayLength: 2 });
    check(
      fc.property(small[name], (event) => {
        const slots = fieldSlots(webhookCodecs[name], event);
        const problems = slots.flatMap((slot) => mutationsOf(event, slot).map((m) => problemWith(event, m)));
        const found = problems.filter((problem) => problem !== undefined);
        if (found.length > 0) throw new Error(found.slice(0, 5).join('\n'));
      }),
      runs(15),
    );
  });

  it('finds the required paths in the codec tree, not a hard-coded list', () => {
    // A spot check that the tree walk sees what the codecs declare, including fields shared
    // through intersections and the optional fields of a closed conversation.
    const sample = fc.sample(webhookArbitraries(fc, { maxArrayLength: 1 }).on_conversation_closed, { seed: 3, numRuns: 50 });
    const event = sample.find((e) => e.conversation.messages.length === 1 && e.conversation.operator);
    expect(event).toBeDefined();
    const slots = fieldSlots(webhookCodecs.on_conversation_closed, event!);
    const required = new Set(slots.filter((slot) => slot.required).map((slot) => slot.path.join('.')));
    const optional = new Set(slots.filter((slot) => !slot.required).map((slot) => slot.path.join('.')));
    expect(required).toContain('webhook');
    expect(required).toContain('conversation.from_user.user_id');
    expect(required).toContain('conversation.messages.0.fromBlingerUser.tags');
    expect(required).toContain('conversation.operator.email');
    expect(optional).toContain('conversation.operator');
    expect(optional).toContain('conversation.messages.0');
    expect(required).not.toContain('conversation.operator');
  });
});
