/**
 * The payloads the benchmark runs: each documented event and the 300-message closed
 * conversation, as compact JSON (as a sender's JSON encoder writes it), each with an invalid
 * variant that breaks one field deep in the payload, plus a worst case where every message is
 * invalid.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One benchmark payload. */
export interface BenchCase {
  /** Row label: the fixture name, and what was broken for invalid ones. */
  readonly label: string;
  /** Whether the payload is a valid event (the target is 1.10× JSON.parse) or not (3×). */
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
    value: '1513262192',
    what: 'from_user.date_created a string',
  },
  on_conversation_assigned: { path: ['conversation', 'operator', 'id'], value: '11', what: 'operator.id a string' },
  on_conversation_closed: {
    path: ['conversation', 'messages', -1, 'is_outgoing'],
    value: 'true',
    what: 'last message is_outgoing a string',
  },
  on_message_incoming: { path: ['message', 'tags'], value: 'tag1,tag2', what: 'message.tags a string' },
  on_message_outgoing: { path: ['to_user', 'user_id'], value: '481', what: 'to_user.user_id a string' },
  on_comment_incoming: { path: ['comment', 'post_id'], value: 123123, what: 'comment.post_id a number' },
  on_comment_outgoing: { path: ['comment', 'reply_comment_id'], value: '544', what: 'reply_comment_id a string' },
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

/** Every benchmark case, valid and invalid, in a stable order. */
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
    cases.push({ label: name, valid: true, json: JSON.stringify(event) });
    cases.push({ label: `${name} (${breakage.what})`, valid: false, json: broken(event, breakage.path, breakage.value) });
  }
  const largeLabel = `closed, ${large.conversation.messages.length} messages`;
  cases.push({ label: largeLabel, valid: true, json: JSON.stringify(large) });
  cases.push({
    label: `${largeLabel} (last toBlingerUser.is_active a number)`,
    valid: false,
    json: broken(large, ['conversation', 'messages', -1, 'toBlingerUser', 'is_active'], 1),
  });
  const everyMessageBroken = structuredClone(large);
  for (const message of everyMessageBroken.conversation.messages) (message as Json).id = String((message as Json).id);
  cases.push({ label: `${largeLabel} (every message id a string)`, valid: false, json: JSON.stringify(everyMessageBroken) });
  return cases;
};
