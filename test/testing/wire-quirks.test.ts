/** `quirkyWireForm` from the testing entry: what it writes, and that it is reproducible. */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { parseWebhook, wireQuirkRules } from '../../src/index.js';
import { createWebhook, examples, quirkyWireForm } from '../../src/testing/index.js';

describe('quirkyWireForm', () => {
  it('writes every rule by default, and the result decodes to the event', () => {
    const incoming = createWebhook('on_message_incoming', { operator: { id: null, name: null, email: null } });
    const closed = createWebhook('on_conversation_closed', { conversation: { operator: null, close_group: null } });
    const rules = new Set<string>();
    for (const event of [incoming, closed]) {
      const { payload, quirks } = quirkyWireForm(event);
      for (const quirk of quirks) rules.add(quirk.rule);
      expect(parseWebhook(JSON.stringify(payload))).toEqual(E.right(event));
    }
    expect([...rules].sort()).toEqual([...wireQuirkRules].sort());
  });

  it('writes exactly the documented forms', () => {
    const { payload } = quirkyWireForm(examples.on_message_incoming, { rules: ['integer-as-string', 'array-as-object'], seed: 9 });
    const wire = payload as { message_id: unknown; message: { tags: Record<string, unknown>; id: unknown } };
    expect(wire.message_id).toBe('546');
    expect(wire.message.id).toBe('546');
    expect(Object.keys(wire.message.tags).every((key) => /^(0|[1-9][0-9]*)$/.test(key))).toBe(true);
    expect(Object.values(wire.message.tags)).toEqual(['tag1', 'tag2']);
    const closed = quirkyWireForm(examples.on_conversation_closed, { rules: ['boolean-as-number-or-string'] }).payload as {
      conversation: { messages: Array<{ is_outgoing: unknown; is_inner_message: unknown }> };
    };
    expect([1, '1', 'true']).toContain(closed.conversation.messages[0]!.is_outgoing);
    expect([0, '0', 'false']).toContain(closed.conversation.messages[0]!.is_inner_message);
  });

  it('is reproducible by seed, and share 0 writes the canonical form', () => {
    const event = examples.on_conversation_closed;
    const options = { share: 0.5, seed: 42 };
    expect(quirkyWireForm(event, options)).toEqual(quirkyWireForm(event, options));
    const seeds = new Set([1, 2, 3, 4, 5, 6].map((seed) => JSON.stringify(quirkyWireForm(event, { share: 0.5, seed }).payload)));
    expect(seeds.size).toBeGreaterThan(1);
    const none = quirkyWireForm(event, { share: 0 });
    expect(none.quirks).toEqual([]);
    expect(none.payload).toEqual(event);
  });

  it('only the rules asked for, and never changes the event', () => {
    const event = createWebhook('on_user_new');
    const before = structuredClone(event);
    const { quirks } = quirkyWireForm(event, { rules: ['boolean-as-number-or-string'] });
    expect(quirks).toEqual([]); // a new user has no boolean
    const ints = quirkyWireForm(event, { rules: ['integer-as-string'] });
    expect(ints.quirks.map((quirk) => quirk.path).sort()).toEqual(['user.blinger_user_id', 'user.date_created', 'user.id']);
    expect(event).toEqual(before);
  });

  it('keeps unknown fields, a "__proto__" key included, as plain fields', () => {
    const event = JSON.parse(JSON.stringify(examples.on_user_new).replace('"user":{', '"user":{"__proto__":{"x":1},"locale":"ru",'));
    const { payload } = quirkyWireForm(event);
    const text = JSON.stringify(payload);
    expect(text).toContain('"__proto__":{"x":1}');
    expect(text).toContain('"locale":"ru"');
    expect(parseWebhook(text)).toEqual(E.right(event));
  });
});
