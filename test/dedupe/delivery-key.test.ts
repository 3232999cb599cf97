import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BlingerWebhook, deliveryKey, webhookNames } from '../../src/index.js';
import * as E from 'fp-ts/lib/Either.js';
import { parseWebhook } from '../../src/index.js';
import { webhookArbitraries } from '../../src/testing/arbitraries/index.js';
import { createWebhook, examples, quirkyWireForm } from '../../src/testing/index.js';
import { check, runs } from '../property/helpers/settings.js';

const events = webhookArbitraries(fc);

/** The ids that identify each delivery, written out independently of the implementation. */
const identity = (event: BlingerWebhook): readonly unknown[] => {
  switch (event.webhook) {
    case 'on_conversation_unassigned':
    case 'on_conversation_closed':
      return [event.webhook, event.conversation.id, event.conversation.date_updated];
    case 'on_conversation_assigned':
      return [event.webhook, event.conversation.id, event.conversation.date_updated, event.conversation.operator.id];
    case 'on_message_incoming':
    case 'on_message_outgoing':
      return [event.webhook, event.message_id, event.message_blinger_id];
    case 'on_comment_incoming':
    case 'on_comment_outgoing':
      return [event.webhook, event.comment_id, event.comment_blinger_id];
    case 'on_user_new':
      return [event.webhook, event.user.id, event.user.blinger_user_id];
  }
};

/** Every string in the event other than the event name: names, e-mails, text, tokens, URLs. */
const strings = (value: unknown, out: string[] = []): string[] => {
  if (typeof value === 'string') out.push(value);
  else if (value !== null && typeof value === 'object') for (const child of Object.values(value)) strings(child, out);
  return out;
};

describe('deliveryKey', () => {
  it('keys each documented example by the ids its TSDoc names', () => {
    expect(Object.fromEntries(webhookNames.map((name) => [name, deliveryKey(examples[name])]))).toEqual({
      on_conversation_unassigned: 'on_conversation_unassigned/181/1513353161',
      on_conversation_assigned: 'on_conversation_assigned/180/1513351289/11',
      on_conversation_closed: 'on_conversation_closed/181/1513353917',
      on_message_incoming: 'on_message_incoming/546/4627',
      on_message_outgoing: 'on_message_outgoing/545/4626',
      on_comment_incoming: 'on_comment_incoming/546/4627',
      on_comment_outgoing: 'on_comment_outgoing/545/4626',
      on_user_new: 'on_user_new/294/374',
    });
  });

  it('gives a copy of a delivery (re-sent, re-serialised) the same key', () => {
    check(
      fc.property(events.any, (event) => deliveryKey(JSON.parse(JSON.stringify(event)) as BlingerWebhook) === deliveryKey(event)),
      runs(1000),
    );
  });

  it('gives a delivery written with the wire quirks of a PHP sender (ids as strings...) the canonical key', () => {
    check(
      fc.property(events.any, fc.integer(), (event, seed) => {
        const wire = quirkyWireForm(event, { seed, share: 0.5 }).payload;
        const parsed = parseWebhook(JSON.stringify(wire));
        return E.isRight(parsed) && deliveryKey(parsed.right) === deliveryKey(event);
      }),
      runs(500),
    );
  });

  it('gives two deliveries the same key exactly when their identifying ids are equal', () => {
    check(
      fc.property(events.any, events.any, (a, b) => {
        const sameIds = JSON.stringify(identity(a)) === JSON.stringify(identity(b));
        return (deliveryKey(a) === deliveryKey(b)) === sameIds;
      }),
      runs(2000),
    );
  });

  it('changes when any identifying id changes, and not when text, names or users change', () => {
    const message = createWebhook('on_message_incoming');
    expect(deliveryKey({ ...message, message_id: message.message_id + 1 })).not.toBe(deliveryKey(message));
    expect(deliveryKey({ ...message, message_blinger_id: message.message_blinger_id + 1 })).not.toBe(deliveryKey(message));
    expect(deliveryKey({ ...message, webhook: 'on_message_outgoing' })).not.toBe(deliveryKey(message));
    expect(deliveryKey({ ...message, message: { ...message.message, message: 'other text' } })).toBe(deliveryKey(message));
    const closed = createWebhook('on_conversation_closed');
    const later = { ...closed, conversation: { ...closed.conversation, date_updated: closed.conversation.date_updated + 1 } };
    expect(deliveryKey(later)).not.toBe(deliveryKey(closed));
    const assigned = createWebhook('on_conversation_assigned');
    const operator = { ...assigned.conversation.operator, id: assigned.conversation.operator.id + 1, name: 'Other' };
    expect(deliveryKey({ ...assigned, conversation: { ...assigned.conversation, operator } })).not.toBe(deliveryKey(assigned));
    const user = createWebhook('on_user_new');
    expect(deliveryKey({ ...user, user: { ...user.user, name: 'Someone Else' } })).toBe(deliveryKey(user));
    expect(deliveryKey({ ...user, user: { ...user.user, blinger_user_id: 1 } })).not.toBe(deliveryKey(user));
  });

  it('is short, holds only the event name and integers, and is a valid BullMQ job id', () => {
    check(
      fc.property(events.any, (event) => {
        const key = deliveryKey(event);
        return (
          key.length <= 80 &&
          /^on_[a-z_]+(\/-?\d+){2,3}$/.test(key) &&
          !key.includes(':') &&
          `${Number.parseInt(key, 10)}` !== key &&
          // After the event name only ids: no string of the event (name, e-mail, text, token) can be there.
          strings(event).every((text) => !/[^\d/-]/.test(text) || !key.slice(event.webhook.length).includes(text))
        );
      }),
      runs(2000),
    );
  });

  it('stays within 80 characters at the largest ids', () => {
    const assigned = createWebhook('on_conversation_assigned');
    const huge = -Number.MAX_SAFE_INTEGER;
    const key = deliveryKey({
      ...assigned,
      conversation: { ...assigned.conversation, id: huge, date_updated: huge, operator: { ...assigned.conversation.operator, id: huge } },
    });
    expect(key.length).toBeLessThanOrEqual(80);
  });
});
