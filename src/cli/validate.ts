/**
 * `blinger-webhooks validate [FILE|-]`: decodes a captured payload and says what it is, or
 * everything that is wrong with it.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { parseWebhook } from '../index.js';
import { defineCommand, EXIT_FAILURE, EXIT_OK, readInput, UsageError } from './io.js';
import { describeParseError, formatSummary, summarizeWebhook } from './summary.js';

const help = `Usage: blinger-webhooks validate [FILE|-] [--verbose]

Decodes a captured webhook payload (a JSON file, or stdin with "-" or no FILE) the way the
HTTP adapters do, and prints a one-line summary of the event, or every problem with its JSON path.

Options:
  -v, --verbose  also print the decoded event
  -h, --help     show this help

Exit status: 0 valid, 1 invalid or unknown event, 2 usage error or unreadable file.

Examples:
  blinger-webhooks validate delivery.json
  curl -s https://example.com/captured | blinger-webhooks validate -`;

export const validateCommand = defineCommand({
  name: 'validate',
  description: 'decode a captured payload and print its summary or its problems',
  help,
  options: { verbose: { type: 'boolean', short: 'v' } },
  maxPositionals: 1,
  run: async ({ values, positionals }, io) => {
    const source = positionals[0] ?? '-';
    // Waiting on an interactive terminal would look like a hang.
    if (source === '-' && io.stdin.isTTY === true) throw new UsageError('Give a FILE, or pipe the payload into stdin');
    const result = parseWebhook(await readInput(source, io));
    if (E.isLeft(result)) {
      for (const line of describeParseError(result.left, io.outStyle)) io.out(line);
      return EXIT_FAILURE;
    }
    io.out(formatSummary(summarizeWebhook(result.right), io.outStyle));
    if (values.verbose) io.out(JSON.stringify(result.right, null, 2));
    return EXIT_OK;
  },
});
