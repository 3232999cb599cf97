import { describe, expect, it } from 'vitest';
import { parseBlingerUserTags } from '../../src/index.js';
import { createWebhook } from '../../src/testing/index.js';

describe('parseBlingerUserTags', () => {
  it('reads the JSON-encoded tag list Blinger sends into an array of names', () => {
    expect(parseBlingerUserTags('["vip","new"]')).toEqual(['vip', 'new']);
    expect(parseBlingerUserTags('[]')).toEqual([]);
    expect(parseBlingerUserTags('["с пробелом и кириллицей"]')).toEqual(['с пробелом и кириллицей']);
  });

  it('returns [] for null (a user without tags)', () => {
    expect(parseBlingerUserTags(null)).toEqual([]);
  });

  it.each([
    ['malformed JSON', '["vip",'],
    ['an empty string', ''],
    ['a JSON object', '{"0":"vip"}'],
    ['a JSON string', '"vip"'],
    ['a JSON number', '42'],
    ['JSON null', 'null'],
  ])('returns [] and does not throw for %s', (_, tags) => {
    expect(parseBlingerUserTags(tags)).toEqual([]);
  });

  it('keeps only the string entries of a mixed array', () => {
    expect(parseBlingerUserTags('["vip",1,null,{"a":1},["x"],"new",true]')).toEqual(['vip', 'new']);
  });

  it('returns a fresh array each call, so callers may change it', () => {
    const first = parseBlingerUserTags('["vip"]');
    first.push('changed');
    expect(parseBlingerUserTags('["vip"]')).toEqual(['vip']);
  });

  it('reads the tags of a closed conversation’s Blinger users', () => {
    const message = createWebhook('on_conversation_closed').conversation.messages[0]!;
    message.fromBlingerUser.tags = '["vip"]';
    message.toBlingerUser.tags = null;
    expect(parseBlingerUserTags(message.fromBlingerUser.tags)).toEqual(['vip']);
    expect(parseBlingerUserTags(message.toBlingerUser.tags)).toEqual([]);
  });
});
