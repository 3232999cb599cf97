/**
 * The wire quirks of a PHP/MySQL sender (docs/type-model.md) decode to the canonical event in the
 * codecs themselves, so every exported codec agrees with parseWebhook; is() stays strict; encode
 * gives the canonical form; the near-misses are rejected at their path.
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { describe, expect, it, vi } from 'vitest';
import {
  BlingerWebhook,
  ClosedConversation,
  Message,
  MessageOperator,
  Operator,
  parseWebhook,
  parseWebhookOrThrow,
  SafeInteger,
  type WebhookName,
  webhookCodecs,
  type WireQuirk,
  wireQuirkRules,
} from '../../src/index.js';
import { BooleanFlag, UnixSeconds } from '../../src/codecs/primitives.js';
import { toPayloadIssues } from '../../src/errors.js';
import { createWebhook } from '../../src/testing/index.js';
import { canonicalOf, invalidExpectations, quirkExpectations, readFixtures } from '../helpers/fixtures.js';

const quirkFixtures = readFixtures('valid').filter(([name]) => name.startsWith('quirk_'));
const nearMissFixtures = readFixtures('invalid').filter(([name]) => name.startsWith('near_miss_'));

const codecOf = (value: unknown): t.Mixed => webhookCodecs[(value as { webhook: WebhookName }).webhook];

const byPath = (quirks: ReadonlyArray<{ path: string; rule: string }>) =>
  quirks.map(({ path, rule }) => `${path} ${rule}`).sort();

/** Whether every object and array of a value has the ordinary prototype, as JSON.parse gives. */
const isPlainTree = (value: unknown): boolean => {
  if (Array.isArray(value)) return Object.getPrototypeOf(value) === Array.prototype && value.every(isPlainTree);
  if (typeof value !== 'object' || value === null) return true;
  return (
    Object.getPrototypeOf(value) === Object.prototype &&
    Object.keys(value).every((key) => isPlainTree((value as Record<string, unknown>)[key]))
  );
};

describe('one valid fixture per rule', () => {
  it('covers every rule of the table', () => {
    const rules = new Set(Object.values(quirkExpectations).flatMap((quirks) => quirks.map((quirk) => quirk.rule)));
    expect([...rules].sort()).toEqual([...wireQuirkRules].sort());
    expect(quirkFixtures.map(([name]) => name).sort()).toEqual(Object.keys(quirkExpectations).sort());
  });

  describe.each(quirkFixtures)('%s', (name, bytes) => {
    const raw: unknown = JSON.parse(bytes.toString('utf8'));
    const canonical = canonicalOf(name, bytes);
    const expectedQuirks = quirkExpectations[name]!;

    it('parseWebhook gives exactly the canonical event, plain and strictly valid', () => {
      for (const input of [bytes, bytes.toString('utf8'), JSON.parse(bytes.toString('utf8'))]) {
        const result = parseWebhook(input);
        expect(result).toEqual(E.right(canonical));
        expect(BlingerWebhook.is((result as E.Right<unknown>).right)).toBe(true);
        expect(isPlainTree((result as E.Right<unknown>).right)).toBe(true);
      }
      expect(parseWebhookOrThrow(bytes)).toEqual(canonical);
    });

    it('the exported codecs agree: the event codec and the union decode it alike', () => {
      expect(codecOf(raw).decode(raw)).toEqual(E.right(canonical));
      expect(BlingerWebhook.decode(raw)).toEqual(E.right(canonical));
    });

    it('is() stays strict, and encode gives the canonical form', () => {
      expect(codecOf(raw).is(raw)).toBe(false);
      expect(BlingerWebhook.is(raw)).toBe(false);
      const decoded = (codecOf(raw).decode(raw) as E.Right<unknown>).right;
      expect(codecOf(raw).encode(decoded)).toEqual(canonical);
      expect(codecOf(raw).is(codecOf(raw).encode(decoded))).toBe(true);
    });

    it('leaves the input unchanged', () => {
      const input = JSON.parse(bytes.toString('utf8'));
      parseWebhook(input);
      expect(input).toEqual(raw);
    });

    it('onWireQuirks lists exactly the normalised fields, without their values', () => {
      const onWireQuirks = vi.fn<(quirks: readonly WireQuirk[], event: BlingerWebhook) => void>();
      expect(parseWebhook(bytes, { onWireQuirks })).toEqual(E.right(canonical));
      expect(onWireQuirks).toHaveBeenCalledTimes(1);
      const [quirks, event] = onWireQuirks.mock.calls[0]!;
      expect(byPath(quirks)).toEqual(byPath(expectedQuirks));
      expect(event).toEqual(canonical);
      for (const quirk of quirks) expect(Object.keys(quirk).sort()).toEqual(['expected', 'path', 'received', 'rule']);
    });

    it("wireQuirks: 'reject' refuses it with an issue at each quirk's path", () => {
      const result = parseWebhook(bytes, { wireQuirks: 'reject' });
      if (E.isRight(result)) throw new Error('accepted');
      expect(result.left.kind).toBe('invalid_payload');
      if (result.left.kind !== 'invalid_payload') return;
      expect(result.left.issues.map((issue) => issue.path).sort()).toEqual(expectedQuirks.map((quirk) => quirk.path).sort());
    });
  });

  it('a canonical delivery reports no quirks and passes the strict mode', () => {
    for (const [, bytes] of readFixtures('documented')) {
      const onWireQuirks = vi.fn();
      expect(E.isRight(parseWebhook(bytes, { onWireQuirks }))).toBe(true);
      expect(E.isRight(parseWebhook(bytes, { wireQuirks: 'reject' }))).toBe(true);
      expect(onWireQuirks).not.toHaveBeenCalled();
    }
  });

  it('a hook that throws loses no delivery', () => {
    const [, bytes] = quirkFixtures[0]!;
    const result = parseWebhook(bytes, {
      onWireQuirks: () => {
        throw new Error('monitoring is down');
      },
    });
    expect(result).toEqual(E.right(canonicalOf(quirkFixtures[0]![0], bytes)));
  });

  it('the strict mode lists real problems and quirks together', () => {
    const event = createWebhook('on_user_new') as unknown as { user: Record<string, unknown> };
    event.user.id = '294';
    event.user.blinger_user_id = 'x';
    const result = parseWebhook(event, { wireQuirks: 'reject' });
    expect(E.isLeft(result) && result.left.kind === 'invalid_payload' && result.left.issues.map((i) => i.path).sort()).toEqual([
      'user.blinger_user_id',
      'user.id',
    ]);
  });
});

describe('near-misses are still rejected at their path', () => {
  it('has a near-miss fixture for each kind the issue lists', () => {
    expect(nearMissFixtures.length).toBeGreaterThanOrEqual(12);
  });

  it.each(nearMissFixtures)('%s: parseWebhook and the exported codecs reject it at the same path', (name, bytes) => {
    const expected = invalidExpectations[name]!;
    const raw: unknown = JSON.parse(bytes.toString('utf8'));
    const result = parseWebhook(bytes);
    if (E.isRight(result) || result.left.kind !== 'invalid_payload') throw new Error(`not invalid_payload: ${name}`);
    expect(result.left.issues.map((issue) => issue.path)).toEqual(expected.paths);
    const decoded = codecOf(raw).decode(raw);
    if (E.isRight(decoded)) throw new Error(`the codec accepted ${name}`);
    expect(toPayloadIssues(decoded.left).map((issue) => issue.path)).toEqual(expected.paths);
    expect(E.isLeft(BlingerWebhook.decode(raw))).toBe(true);
  });
});

describe('each rule through the exported building blocks', () => {
  it('integers: a canonical digit string within the safe range, nothing else', () => {
    const accepted: Array<[string, number]> = [
      ['173', 173],
      ['0', 0],
      ['-42', -42],
      ['9007199254740991', Number.MAX_SAFE_INTEGER],
      ['-9007199254740991', Number.MIN_SAFE_INTEGER],
    ];
    for (const [text, value] of accepted) {
      expect(SafeInteger.decode(text)).toEqual(E.right(value));
      expect(UnixSeconds.decode(text)).toEqual(E.right(value));
      expect(SafeInteger.is(text)).toBe(false);
    }
    const refused = ['12.5', '', ' 7', '7 ', '0x1F', '1e3', '+5', '007', '-0', '00', '-', '١٢', '9007199254740992', '99999999999999999999'];
    for (const text of refused) expect(E.isLeft(SafeInteger.decode(text)), JSON.stringify(text)).toBe(true);
    for (const value of [true, null, [], {}, 1.5, 2 ** 53]) expect(E.isLeft(SafeInteger.decode(value))).toBe(true);
  });

  it('booleans: 0, 1, "0", "1", "true", "false", nothing else', () => {
    const accepted: Array<[unknown, boolean]> = [
      [true, true],
      [false, false],
      [1, true],
      [0, false],
      ['1', true],
      ['0', false],
      ['true', true],
      ['false', false],
    ];
    for (const [wire, value] of accepted) expect(BooleanFlag.decode(wire)).toEqual(E.right(value));
    for (const wire of [2, -1, 0.5, 'yes', 'no', 'TRUE', 'True', '', ' 1', null, [], {}]) {
      expect(E.isLeft(BooleanFlag.decode(wire)), JSON.stringify(wire)).toBe(true);
    }
    expect(BooleanFlag.is(1)).toBe(false);
  });

  it('[] for an object that may be null: null; [] where the object is required: rejected', () => {
    const closed = createWebhook('on_conversation_closed').conversation;
    const decoded = ClosedConversation.decode({ ...closed, operator: [], close_group: [] });
    expect(decoded).toEqual(E.right({ ...closed, operator: null, close_group: null }));
    expect(E.isLeft(ClosedConversation.decode({ ...closed, close_group: ['Duplicate'] }))).toBe(true);
    expect(E.isLeft(ClosedConversation.decode({ ...closed, close_group: {} }))).toBe(true);
    expect(E.isLeft(Operator.decode([]))).toBe(true);
    const assigned = createWebhook('on_conversation_assigned');
    expect(E.isLeft(webhookCodecs.on_conversation_assigned.decode({ ...assigned, conversation: { ...assigned.conversation, operator: [] } }))).toBe(true);
  });

  it('[] or null for a message operator: the not-assigned operator, a fresh object each time', () => {
    const unassigned = { id: null, name: null, email: null };
    const first = MessageOperator.decode([]);
    expect(first).toEqual(E.right(unassigned));
    expect(MessageOperator.decode(null)).toEqual(E.right(unassigned));
    expect((MessageOperator.decode([]) as E.Right<unknown>).right).not.toBe((first as E.Right<unknown>).right);
    expect(MessageOperator.is([])).toBe(false);
    expect(MessageOperator.is(null)).toBe(false);
    for (const wire of [[null], ['x'], {}, 'none', 0]) expect(E.isLeft(MessageOperator.decode(wire)), JSON.stringify(wire)).toBe(true);
  });

  it('an object with canonical index keys for an array: its values in key order', () => {
    const message = createWebhook('on_message_incoming').message;
    expect(Message.decode({ ...message, tags: { '0': 'a', '2': 'b', '10': 'c' } })).toEqual(E.right({ ...message, tags: ['a', 'b', 'c'] }));
    expect(Message.decode({ ...message, tags: {} })).toEqual(E.right({ ...message, tags: [] }));
    // Keys beyond the array-index range come after the others in Object.keys; they are sorted.
    expect(Message.decode({ ...message, tags: JSON.parse('{"5000000000":"z","1":"a"}') })).toEqual(
      E.right({ ...message, tags: ['a', 'z'] }),
    );
    for (const tags of [{ a: 'x' }, { '01': 'x' }, { '-1': 'x' }, { '1.5': 'x' }, { ' 1': 'x' }, { '0': 1 }, JSON.parse('{"__proto__":"x"}')]) {
      expect(E.isLeft(Message.decode({ ...message, tags })), JSON.stringify(tags)).toBe(true);
    }
    expect(Message.is({ ...message, tags: { '0': 'a' } })).toBe(false);
  });
});

describe('decoded copies are plain objects', () => {
  it('keeps a sender\'s "__proto__" key a key, never a prototype, at every level', () => {
    // Fields the prototype would supply: an unknown one, and close_group, optional and left out.
    const { close_group: _left, ...conversation } = createWebhook('on_conversation_closed').conversation;
    const event = { webhook: 'on_conversation_closed', conversation };
    const text = JSON.stringify(event)
      .replace('"conversation":{', '"conversation":{"__proto__":{"polluted":1,"close_group":{"title":5}},')
      .replace('"from_user":{', '"from_user":{"__proto__":{"polluted":2,"page_title":6},')
      .replace('"fromBlingerUser":{', '"fromBlingerUser":{"__proto__":{"polluted":3},')
      .replace('"id":181', '"id":"181"')
      .replace('"user_id":374', '"user_id":"374"')
      .replace('"is_active":true', '"is_active":1');
    const result = parseWebhook(text);
    if (E.isLeft(result)) throw new Error(result.left.message);
    const decoded = result.right as unknown as {
      conversation: Record<string, unknown> & { from_user: Record<string, unknown>; messages: Array<{ fromBlingerUser: object }> };
    };
    expect(isPlainTree(decoded)).toBe(true);
    expect(decoded.conversation.id).toBe(181);
    expect(decoded.conversation.from_user.user_id).toBe(374);
    expect(Object.hasOwn(decoded.conversation, '__proto__')).toBe(true);
    expect(Object.hasOwn(decoded.conversation.from_user, '__proto__')).toBe(true);
    expect(Object.hasOwn(decoded.conversation.messages[0]!.fromBlingerUser, '__proto__')).toBe(true);
    expect(decoded.conversation.polluted).toBeUndefined();
    expect(decoded.conversation.close_group).toBeUndefined();
    expect(decoded.conversation.from_user.polluted).toBeUndefined();
    expect(decoded.conversation.from_user.page_title).toBe('Blinger – Messengers for business');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(BlingerWebhook.is(decoded)).toBe(true);
  });
});
