/**
 * The arbitraries derived from the codecs generate valid events: every one survives the wire
 * (JSON text, UTF-8 bytes, or a value parsed by a framework) unchanged, as plain objects.
 */
import { isDeepStrictEqual } from 'node:util';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlingerWebhook, parseWebhook, webhookNames } from '../../src/index.js';
import { arbitraryFromCodec, webhookArbitraries } from '../../src/testing/arbitraries/index.js';
import { isPlainJsonTree } from './helpers/json.js';
import { check, runs } from './helpers/settings.js';

const events = webhookArbitraries(fc);

/** Decodes `event` from each wire form and says whether every result is an equal, plain event. */
const survivesTheWire = (event: BlingerWebhook): boolean => {
  const text = JSON.stringify(event);
  return [text, Buffer.from(text), new TextEncoder().encode(text).buffer, JSON.parse(text)].every((input) => {
    const result = parseWebhook(input);
    return E.isRight(result) && isDeepStrictEqual(result.right, event) && isPlainJsonTree(result.right);
  });
};

describe('generated events round-trip through parseWebhook', () => {
  it.each(webhookNames)('%s', (name) => {
    check(
      fc.property(events[name], (event) => event.webhook === name && survivesTheWire(event)),
      runs(400),
    );
  });

  it('any event, with long arrays', () => {
    const long = webhookArbitraries(fc, { maxArrayLength: 40 });
    check(fc.property(long.any, survivesTheWire), runs(150));
  });

  it('covers every event name through `any`', () => {
    const seen = new Set(fc.sample(events.any, { seed: 1, numRuns: 400 }).map((event) => event.webhook));
    expect([...seen].sort()).toEqual([...webhookNames].sort());
  });

  it('generates the optional fields both absent and present, and the documented open values', () => {
    const closed = fc.sample(events.on_conversation_closed, { seed: 1, numRuns: 300 });
    expect(closed.some((event) => Object.hasOwn(event.conversation, 'operator'))).toBe(true);
    expect(closed.some((event) => !Object.hasOwn(event.conversation, 'operator'))).toBe(true);
    expect(closed.some((event) => event.conversation.operator === null)).toBe(true);
    expect(closed.some((event) => event.conversation.messages.length === 0)).toBe(true);
    expect(closed.some((event) => event.conversation.application === 'telegrambot')).toBe(true);
    expect(closed.some((event) => !['telegrambot', 'vk', 'livechat', 'viber', 'whatsapp'].includes(event.conversation.application))).toBe(true);
    expect(closed.some((event) => event.conversation.tags.some((tag) => typeof tag.id === 'string'))).toBe(true);
  });

  it('arbitraryFromCodec works on any sub-codec and refuses kinds it cannot walk', async () => {
    const { Operator } = await import('../../src/index.js');
    check(fc.property(arbitraryFromCodec(fc, Operator), (operator) => Operator.is(operator)), runs(200));
    const t = await import('io-ts');
    const Positive = t.refinement(t.number, (n) => n > 0, 'Positive');
    expect(() => arbitraryFromCodec(fc, Positive)).toThrow(/RefinementType/);
  });
});
