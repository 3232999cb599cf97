/**
 * A stable key per delivery, for deduplication and queue job ids. Blinger sends no delivery id, so
 * the key is derived from the ids that identify what each event reports.
 *
 * @module
 */
import type { BlingerWebhook } from '../codecs/events.js';

const key = (...parts: ReadonlyArray<string | number>): string => parts.join('/');

/**
 * The key of one delivery: the same delivery (a retry, a copy sent twice) always gives the same key,
 * two different deliveries give different keys. It is the event name followed by ids, joined with `/`:
 *
 * | event                                | key                                                    | example                                   |
 * |--------------------------------------|--------------------------------------------------------|-------------------------------------------|
 * | `on_conversation_unassigned`         | `conversation.id`, `conversation.date_updated`         | `on_conversation_unassigned/181/1513353161` |
 * | `on_conversation_assigned`           | `conversation.id`, `date_updated`, `operator.id`       | `on_conversation_assigned/180/1513351289/11` |
 * | `on_conversation_closed`             | `conversation.id`, `conversation.date_updated`         | `on_conversation_closed/181/1513353917`   |
 * | `on_message_incoming`, `_outgoing`   | `message_id`, `message_blinger_id`                     | `on_message_incoming/546/4627`            |
 * | `on_comment_incoming`, `_outgoing`   | `comment_id`, `comment_blinger_id`                     | `on_comment_incoming/546/4627`            |
 * | `on_user_new`                        | `user.id`, `user.blinger_user_id`                      | `on_user_new/294/374`                     |
 *
 * Why these ids (Blinger's webhook page, "Events"): a message or comment is one row with two ids,
 * the channel's (`message_id`) and Blinger's (`message_blinger_id`); both are kept because the doc does
 * not say which is unique across channels. A conversation event reports a change of the conversation,
 * and `date_updated` is when that change happened, so a conversation assigned, unassigned and assigned
 * again gives three keys; the operator is added to the assigned key so that a reassignment within the
 * same second is still a new delivery. A new user is identified by its record and Blinger user ids.
 *
 * It is computed from the decoded event, so a copy written with a sender's wire quirks (ids as digit
 * strings, for example) gets the same key as the canonical delivery.
 *
 * The key holds only event names and integers: never a name, e-mail address, phone number, token or
 * message text, so it can be logged and stored. It is at most 80 characters, holds no `:` and is never
 * a bare integer, so it is accepted as a BullMQ `jobId` as it is; prefix it for a shared Redis
 * (`blinger:delivery:${deliveryKey(event)}`).
 *
 * Limits: two conversation changes of the same kind within one second (same `date_updated`) give the
 * same key, and the second is treated as a duplicate; Blinger's timestamps are in seconds, so nothing
 * finer is available.
 *
 * @param event - A validated event, as `parseWebhook` or an adapter's callback gives it.
 * @returns The delivery's key, such as `on_message_incoming/546/4627`.
 *
 * @category Deduplication
 * @since 0.2.0
 */
export const deliveryKey = (event: BlingerWebhook): string => {
  switch (event.webhook) {
    case 'on_conversation_unassigned':
    case 'on_conversation_closed':
      return key(event.webhook, event.conversation.id, event.conversation.date_updated);
    case 'on_conversation_assigned':
      return key(event.webhook, event.conversation.id, event.conversation.date_updated, event.conversation.operator.id);
    case 'on_message_incoming':
    case 'on_message_outgoing':
      return key(event.webhook, event.message_id, event.message_blinger_id);
    case 'on_comment_incoming':
    case 'on_comment_outgoing':
      return key(event.webhook, event.comment_id, event.comment_blinger_id);
    case 'on_user_new':
      return key(event.webhook, event.user.id, event.user.blinger_user_id);
  }
};
