import * as E from 'fp-ts/lib/Either.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWebhook, webhookCodecs, webhookNames } from '../../src/index.js';
import { createWebhook, examples } from '../../src/testing/index.js';
import { fixturesDir } from '../helpers/fixtures.js';

describe('examples', () => {
  it.each(webhookNames)('%s is the documented fixture and decodes with its own codec', (name) => {
    const example = examples[name];
    expect(example).toEqual(JSON.parse(readFileSync(join(fixturesDir, 'documented', `${name}.json`), 'utf8')));
    expect(example.webhook).toBe(name);
    expect(webhookCodecs[name].is(example)).toBe(true);
  });

  it('is deeply frozen so tests cannot change each other’s fixtures', () => {
    expect(Object.isFrozen(examples)).toBe(true);
    expect(Object.isFrozen(examples.on_conversation_closed.conversation.messages[0]!.fromBlingerUser)).toBe(true);
    expect(() => {
      (examples.on_user_new.user as { name: string | null }).name = 'changed';
    }).toThrow(TypeError);
  });
});

describe('createWebhook', () => {
  it('returns a fresh, mutable, valid copy of the example', () => {
    const event = createWebhook('on_conversation_closed');
    expect(event).toEqual(examples.on_conversation_closed);
    expect(event).not.toBe(examples.on_conversation_closed);
    event.conversation.messages[0]!.message = 'changed';
    expect(examples.on_conversation_closed.conversation.messages[0]!.message).toBe('123');
  });

  it('merges overrides at any depth and replaces arrays', () => {
    const event = createWebhook('on_message_incoming', {
      operator: { id: null, name: null, email: null },
      from_user: { title: 'Анна' },
      message: { tags: [] },
    });
    expect(event.operator).toEqual({ id: null, name: null, email: null });
    expect(event.from_user.title).toBe('Анна');
    expect(event.from_user.user_id).toBe(481);
    expect(event.message.tags).toEqual([]);
    expect(E.isRight(parseWebhook(JSON.stringify(event)))).toBe(true);
  });

  it('keeps the event name and never touches Object.prototype', () => {
    const overrides = JSON.parse('{"webhook":"on_user_new","__proto__":{"polluted":true},"user":{"__proto__":{"x":1}}}');
    const event = createWebhook('on_message_incoming', overrides);
    expect(event.webhook).toBe('on_message_incoming');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(event)).toBe(Object.prototype);
  });
});
