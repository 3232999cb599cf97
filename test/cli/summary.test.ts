import { describe, expect, it } from 'vitest';
import { formatSummary, quoteForTerminal, summarizeWebhook } from '../../src/cli/summary.js';
import { createStyle } from '../../src/cli/style.js';
import { createWebhook, examples } from '../../src/testing/index.js';

const plain = createStyle(false);

describe('summarizeWebhook: the line validate and listen print', () => {
  it.each([
    ['on_conversation_unassigned', 'on_conversation_unassigned conversation=181 channel=telegrambot sender="Yuri Dzabaev" text="waiting for an operator"'],
    ['on_conversation_assigned', 'on_conversation_assigned conversation=180 channel=telegrambot sender="Yuri Dzabaev" text="assigned to Supervisor"'],
    ['on_conversation_closed', 'on_conversation_closed conversation=181 channel=telegrambot sender="Yuri Dzabaev" text="closed (Duplicate), 1 message"'],
    ['on_message_incoming', 'on_message_incoming conversation=173 channel=vk sender="Yuri Dzabaev" text="test"'],
    ['on_user_new', 'on_user_new channel=telegrambot sender="Yuri Dzabaev"'],
  ] as const)('%s', (name, line) => {
    expect(formatSummary(summarizeWebhook(examples[name]), plain)).toBe(line);
  });

  it('names the operator as the sender of outgoing messages and comments', () => {
    for (const name of ['on_message_outgoing', 'on_comment_outgoing'] as const) {
      const event = createWebhook(name, { operator: { id: 7, name: 'Olga', email: 'o@example.com' } });
      expect(summarizeWebhook(event).sender).toBe('Olga');
    }
  });

  it('falls back to the user id when there is no name', () => {
    const event = createWebhook('on_message_incoming', { from_user: { title: null, user_id: 99 } });
    expect(summarizeWebhook(event).sender).toBe('user 99');
    const unassigned = createWebhook('on_message_outgoing', {
      operator: { id: null, name: null, email: null },
      from_user: { title: null, user_id: 5 },
    });
    expect(summarizeWebhook(unassigned).sender).toBe('user 5');
  });

  it('carries the comment text and the conversation of comment events', () => {
    const summary = summarizeWebhook(createWebhook('on_comment_incoming', { comment: { message: 'Nice post' } }));
    expect(summary).toMatchObject({ event: 'on_comment_incoming', text: 'Nice post' });
    expect(summary.conversation).toBe(examples.on_comment_incoming.conversation_id);
  });

  it('quotes a channel that is not a plain word', () => {
    const event = createWebhook('on_user_new', { user: { application: 'two words' } });
    expect(formatSummary(summarizeWebhook(event), plain)).toContain('channel="two words"');
  });
});

describe('quoteForTerminal', () => {
  it('escapes C0, C1 and bidi control characters', () => {
    expect(quoteForTerminal('a\u001b[31mb\u009bc\u202ed\u2066e')).toBe('"a\\u001b[31mb\\u009bc\\u202ed\\u2066e"');
  });

  it('shortens by characters, not UTF-16 units, so an emoji is never cut in half', () => {
    const quoted = quoteForTerminal('😀'.repeat(10), 5);
    expect(quoted).toBe(`"${'😀'.repeat(4)}…"`);
  });
});
