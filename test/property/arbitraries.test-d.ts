import fc, { type Arbitrary } from 'fast-check';
import { describe, expectTypeOf, it } from 'vitest';
import type { BlingerWebhook, MessageIncoming, Operator, UserNew } from '../../src/index.js';
import { Operator as OperatorCodec } from '../../src/index.js';
import { arbitraryFromCodec, webhookArbitraries } from '../../src/testing/arbitraries/index.js';

describe('arbitrary types', () => {
  it('are typed per event', () => {
    const events = webhookArbitraries(fc);
    expectTypeOf(events.any).toEqualTypeOf<Arbitrary<BlingerWebhook>>();
    expectTypeOf(events.on_message_incoming).toEqualTypeOf<Arbitrary<MessageIncoming>>();
    expectTypeOf(events.on_user_new).toEqualTypeOf<Arbitrary<UserNew>>();
    expectTypeOf(arbitraryFromCodec(fc, OperatorCodec)).toEqualTypeOf<Arbitrary<Operator>>();
  });
});
