/**
 * Blinger's documented example payloads, one per event.
 *
 * @module
 */
import type { WebhookEvent, WebhookName } from '../codecs/events.js';
import commentIncoming from '../../fixtures/documented/on_comment_incoming.json' with { type: 'json' };
import commentOutgoing from '../../fixtures/documented/on_comment_outgoing.json' with { type: 'json' };
import conversationAssigned from '../../fixtures/documented/on_conversation_assigned.json' with { type: 'json' };
import conversationClosed from '../../fixtures/documented/on_conversation_closed.json' with { type: 'json' };
import conversationUnassigned from '../../fixtures/documented/on_conversation_unassigned.json' with { type: 'json' };
import messageIncoming from '../../fixtures/documented/on_message_incoming.json' with { type: 'json' };
import messageOutgoing from '../../fixtures/documented/on_message_outgoing.json' with { type: 'json' };
import userNew from '../../fixtures/documented/on_user_new.json' with { type: 'json' };

/**
 * Each documented event's example payload, keyed by event name.
 *
 * @category Testing
 * @since 0.1.0
 */
export type WebhookExamples = { readonly [Name in WebhookName]: WebhookEvent<Name> };

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
};

// The JSON files are the fixtures the test suite decodes with the codecs, which is what makes
// these casts safe: `test/testing/testing.test.ts` (describe `examples`) fails if one stops matching its event.
/**
 * The example payload of every event, exactly as Blinger's webhook documentation shows it (the
 * closed conversation's `close_group` as the JSON object Blinger sends). Deeply frozen: use
 * {@link createWebhook} for a copy you can change.
 *
 * @example
 * import { examples } from 'blinger-webhooks/testing';
 * await fetch(url, { method: 'POST', body: JSON.stringify(examples.on_message_incoming) });
 *
 * @category Testing
 * @since 0.1.0
 */
export const examples: WebhookExamples = deepFreeze({
  on_conversation_unassigned: conversationUnassigned as WebhookEvent<'on_conversation_unassigned'>,
  on_conversation_assigned: conversationAssigned as WebhookEvent<'on_conversation_assigned'>,
  on_conversation_closed: conversationClosed as WebhookEvent<'on_conversation_closed'>,
  on_message_incoming: messageIncoming as WebhookEvent<'on_message_incoming'>,
  on_message_outgoing: messageOutgoing as WebhookEvent<'on_message_outgoing'>,
  on_comment_incoming: commentIncoming as WebhookEvent<'on_comment_incoming'>,
  on_comment_outgoing: commentOutgoing as WebhookEvent<'on_comment_outgoing'>,
  on_user_new: userNew as WebhookEvent<'on_user_new'>,
});
