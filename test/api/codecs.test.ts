/**
 * The API's response codecs: the documented examples decode, the wire quirks of a PHP backend
 * decode to canonical values, near-misses are refused, `is()` stays strict and `encode` canonical.
 */
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { ApiConversation, ApiOperatorList, DeleteOperatorResult, OperatorGroup } from '../../src/api/index.js';
import { BooleanFlag as WireBoolean, list as wireArray, nullableObject as wireNullable, SafeInteger as WireInteger } from '../../src/codecs/primitives.js';
import { documentedConversation, documentedGroups, documentedOperators } from './stand-in.js';

const decodes = <A>(codec: t.Decoder<unknown, A>, value: unknown): A => {
  const result = codec.decode(value);
  if (isLeft(result)) throw new Error(`expected ${JSON.stringify(value)} to decode`);
  return result.right;
};

describe('the documented examples', () => {
  it('decode as they are, the same objects with extra fields kept', () => {
    const conversation = { ...documentedConversation, added_later: { nested: true } };
    expect(decodes(ApiConversation, conversation)).toEqual(conversation);
    expect(decodes(ApiOperatorList, documentedOperators)).toEqual(documentedOperators);
    expect(decodes(t.array(OperatorGroup), documentedGroups)).toEqual(documentedGroups);
    expect(decodes(DeleteOperatorResult, { success: true })).toEqual({ success: true });
  });

  it('a conversation nobody has taken yet, with nulls where a value is missing', () => {
    const unassigned = { ...documentedConversation, status: 'unassigned', operator_user_id: null, group_id: null, last_message: null, unassigned_date: null };
    expect(decodes(ApiConversation, unassigned)).toEqual(unassigned);
  });

  it('a missing documented field is refused, naming it', () => {
    const { token: _token, ...withoutToken } = documentedConversation;
    expect(isLeft(ApiConversation.decode(withoutToken))).toBe(true);
  });
});

// The API codecs are built on the webhook codecs' primitives; these check the rules hold for them.
describe('wire quirks (the rules of the webhook codecs)', () => {
  it.each([
    ['173', 173],
    ['-5', -5],
    ['0', 0],
    ['9007199254740991', 9007199254740991],
    [42, 42],
  ])('integer %j decodes to %j', (wire, canonical) => {
    expect(decodes(WireInteger, wire)).toBe(canonical);
  });

  it.each(['12.5', '', ' 7', '7 ', '0x1F', '1e3', '007', '-0', '+1', '9007199254740993', '99999999999999999999', 12.5, true, null])(
    'integer near-miss %j is refused',
    (wire) => {
      expect(isLeft(WireInteger.decode(wire))).toBe(true);
    },
  );

  it.each([
    [0, false],
    [1, true],
    ['0', false],
    ['1', true],
    ['true', true],
    ['false', false],
    [true, true],
  ])('boolean %j decodes to %j', (wire, canonical) => {
    expect(decodes(WireBoolean, wire)).toBe(canonical);
  });

  it.each([2, -1, 'yes', 'TRUE', '', null, []])('boolean near-miss %j is refused', (wire) => {
    expect(isLeft(WireBoolean.decode(wire))).toBe(true);
  });

  it('[] where an object may be null decodes to null; a non-empty array is refused', () => {
    const closeGroup = wireNullable(t.type({ title: t.string }));
    expect(decodes(closeGroup, [])).toBeNull();
    expect(decodes(closeGroup, { title: 'Duplicate' })).toEqual({ title: 'Duplicate' });
    expect(isLeft(closeGroup.decode([{ title: 'Duplicate' }]))).toBe(true);
  });

  it('an object with canonical numeric keys decodes to an array in key order; word keys are refused', () => {
    const numbers = wireArray(WireInteger);
    expect(decodes(numbers, { '10': '3', '2': 2, '0': 1 })).toEqual([1, 2, 3]);
    expect(decodes(numbers, {})).toEqual([]);
    expect(isLeft(numbers.decode({ a: 1 }))).toBe(true);
    expect(isLeft(numbers.decode({ '01': 1 }))).toBe(true);
    expect(isLeft(numbers.decode({ '-1': 1 }))).toBe(true);
  });

  it('is() accepts canonical values only; encode writes them', () => {
    expect(WireInteger.is('173')).toBe(false);
    expect(WireBoolean.is(1)).toBe(false);
    expect(wireNullable(t.type({ title: t.string })).is([])).toBe(false);
    expect(wireArray(t.number).is({ '0': 1 })).toBe(false);
    const quirky = { ...documentedConversation, id: '2', is_outgoing: '0', close_group: [] };
    const decoded = ApiConversation.decode(quirky);
    expect(isRight(decoded) && ApiConversation.is(decoded.right)).toBe(true);
    expect(isRight(decoded) && ApiConversation.encode(decoded.right)).toMatchObject({ id: 2, is_outgoing: false, close_group: null });
    expect(ApiConversation.is(quirky)).toBe(false);
  });
});
