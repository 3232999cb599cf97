/**
 * `blinger-webhooks examples [EVENT]`: Blinger's documented example payloads.
 *
 * @module
 */
import { isWebhookName, webhookNames } from '../index.js';
import { examples } from '../testing/index.js';
import { defineCommand, EXIT_OK, UsageError } from './io.js';

const help = `Usage: blinger-webhooks examples [EVENT]

Prints the documented example payload of EVENT as JSON, ready to save or pipe into "send --file -".
Without EVENT, lists the event names.

Options:
  -h, --help  show this help

Exit status: 0 printed, 2 unknown EVENT or usage error.

Examples:
  blinger-webhooks examples
  blinger-webhooks examples on_message_incoming > message.json`;

export const examplesCommand = defineCommand({
  name: 'examples',
  description: 'print a documented example payload (or list the events)',
  help,
  options: {},
  maxPositionals: 1,
  run: async ({ positionals }, io) => {
    const name = positionals[0];
    if (name === undefined) {
      for (const event of webhookNames) io.out(event);
      return EXIT_OK;
    }
    if (!isWebhookName(name)) {
      throw new UsageError(`Unknown event ${JSON.stringify(name)}; the events are: ${webhookNames.join(', ')}`);
    }
    io.out(JSON.stringify(examples[name], null, 2));
    return EXIT_OK;
  },
});
