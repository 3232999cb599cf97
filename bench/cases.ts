/**
 * The payloads the benchmark runs: each documented event and the 300-message closed
 * conversation, as compact JSON (as a sender's JSON encoder writes it), each with an invalid
 * variant that breaks one field deep in the payload, plus a worst case where every message is
 * invalid; and the wire quirks of a PHP/MySQL sender (docs/type-model.md): one row per rule, and
 * the 300-message conversation with every integer a string.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BlingerWebhook } from '../src/codecs/events.js';
import type { WireQuirkRule } from '../src/codecs/wire.js';
import { quirkyWireForm } from '../src/testing/wire-quirks.js';

/**
 * What a payload is: `canonical` (target 1.10× JSON.parse: the generated guard accepts it),
 * `quirky` (a valid event in a PHP sender's wire form, decoded by the codecs: 3×) or `invalid` (3×).
 */
export type BenchCaseKind = 'canonical' | 'quirky' | 'invalid';

/** One benchmark payload. */
export interface BenchCase {
  /** Row label: the fixture name, and what was broken or quirky. */
  readonly label: string;
  /** Canonical, quirky or invalid. */
  readonly kind: BenchCaseKind;
  /** Whether parseWebhook accepts it (canonical and quirky payloads). */
  readonly valid: boolean;
  /** The delivery body. */
  readonly json: string;
}

type Path = ReadonlyArray<string | number>;
type Json = Record<string | number, unknown>;

/** One field per event, set to a wrong type, as a sender's bug would. */
const breakages: Record<string, { path: Path; value: unknown; what: string }> = {
  on_conversation_unassigned: {
    path: ['conversation', 'from_user', 'date_created'],
    value: '1513262192.0',
    what: 'from_user.date_created a decimal string',
  },
  on_conversation_assigned: { path: ['conversation', 'operator', 'id'], value: '0x0B', what: 'operator.id a hex string' },
  on_conversation_closed: {
    path: ['conversation', 'messages', -1, 'is_outgoing'],
    value: 'yes',
    what: 'last message is_outgoing "yes"',
  },
  on_message_incoming: { path: ['message', 'tags'], value: 'tag1,tag2', what: 'message.tags a string' },
  on_message_outgoing: { path: ['to_user', 'user_id'], value: '481 ', what: 'to_user.user_id a string with a space' },
  on_comment_incoming: { path: ['comment', 'post_id'], value: 123123, what: 'comment.post_id a number' },
  on_comment_outgoing: { path: ['comment', 'reply_comment_id'], value: '544.5', what: 'reply_comment_id a decimal string' },
  on_user_new: { path: ['user', 'id'], value: 2 ** 53 + 2, what: 'user.id beyond 2^53' },
};

const setAt = (root: unknown, path: Path, value: unknown): void => {
  let node = root as Json;
  for (const [index, segment] of path.entries()) {
    const key = typeof segment === 'number' && segment < 0 ? (node as unknown as unknown[]).length + segment : segment;
    if (index === path.length - 1) node[key] = value;
    else node = node[key] as Json;
  }
};

const broken = (event: unknown, path: Path, value: unknown): string => {
  const copy = structuredClone(event);
  setAt(copy, path, value);
  return JSON.stringify(copy);
};

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/** A valid event in a PHP sender's wire form, every field the rule applies to written under it. */
const quirky = (event: unknown, rule: WireQuirkRule): string => {
  const { payload, quirks } = quirkyWireForm(event as BlingerWebhook, { rules: [rule], seed: 1 });
  if (quirks.length === 0) throw new Error(`bench: rule ${rule} applies to nothing`);
  return JSON.stringify(payload);
};

const UNASSIGNED_OPERATOR = { id: null, name: null, email: null };

/** One row per rule of the wire-quirk table, on the documented event it most often concerns. */
const quirkCases = (documented: ReadonlyMap<string, unknown>): BenchCase[] => {
  const event = (name: string) => structuredClone(documented.get(name)) as Record<string, Json>;
  const closedWithoutReason = event('on_conversation_closed');
  closedWithoutReason.conversation!.operator = null;
  closedWithoutReason.conversation!.close_group = null;
  const unassignedIncoming = { ...event('on_message_incoming'), operator: UNASSIGNED_OPERATOR };
  const rows: Array<[label: string, event: unknown, rule: WireQuirkRule]> = [
    ['on_message_incoming, every integer a string', event('on_message_incoming'), 'integer-as-string'],
    ['on_conversation_closed, booleans as 0/1/"1"/"true"', event('on_conversation_closed'), 'boolean-as-number-or-string'],
    ['on_conversation_closed, operator and close_group []', closedWithoutReason, 'empty-array-as-null'],
    ['on_message_incoming, operator []', unassignedIncoming, 'empty-operator'],
    ['on_message_incoming, message.tags an object with index keys', event('on_message_incoming'), 'array-as-object'],
  ];
  return rows.map(([label, value, rule]) => ({ label: `${label} (${rule})`, kind: 'quirky', valid: true, json: quirky(value, rule) }));
};

/** Every benchmark case, canonical, quirky and invalid, in a stable order. */
export const benchCases = (fixturesDir: string): BenchCase[] => {
  const documented = readdirSync(join(fixturesDir, 'documented'))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => [name.replace('.json', ''), readJson(join(fixturesDir, 'documented', name))] as const);
  const large = readJson(join(fixturesDir, 'valid', 'conversation_closed_300_messages.json')) as {
    conversation: { messages: unknown[] };
  };
  const cases: BenchCase[] = [];
  for (const [name, event] of documented) {
    const breakage = breakages[name];
    if (breakage === undefined) throw new Error(`bench: no invalid variant for ${name}`);
    cases.push({ label: name, kind: 'canonical', valid: true, json: JSON.stringify(event) });
    cases.push({
      label: `${name} (${breakage.what})`,
      kind: 'invalid',
      valid: false,
      json: broken(event, breakage.path, breakage.value),
    });
  }
  cases.push(...quirkCases(new Map(documented)));
  const largeLabel = `closed, ${large.conversation.messages.length} messages`;
  cases.push({ label: largeLabel, kind: 'canonical', valid: true, json: JSON.stringify(large) });
  cases.push({
    label: `${largeLabel}, every id a string (integer-as-string)`,
    kind: 'quirky',
    valid: true,
    json: quirky(large, 'integer-as-string'),
  });
  cases.push({
    label: `${largeLabel} (last toBlingerUser.is_active 2)`,
    kind: 'invalid',
    valid: false,
    json: broken(large, ['conversation', 'messages', -1, 'toBlingerUser', 'is_active'], 2),
  });
  const everyMessageBroken = structuredClone(large);
  for (const message of everyMessageBroken.conversation.messages) (message as Json).id = `${String((message as Json).id)}.0`;
  cases.push({
    label: `${largeLabel} (every message id a decimal string)`,
    kind: 'invalid',
    valid: false,
    json: JSON.stringify(everyMessageBroken),
  });
  return cases;
};
