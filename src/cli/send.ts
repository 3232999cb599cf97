/**
 * `blinger-webhooks send URL`: delivers an example event or a file to an endpoint the way Blinger
 * does (a JSON POST), so an endpoint can be tried without Blinger.
 *
 * @module
 */
import { isWebhookName, webhookNames } from '../index.js';
import { examples } from '../testing/index.js';
import { type CliIo, defineCommand, EXIT_FAILURE, EXIT_OK, readInput, UsageError } from './io.js';
import { post, type PostOutcome } from './post.js';
import { escapeForTerminal, quoteForTerminal } from './summary.js';
import { packageVersion } from './version.js';

const DEFAULT_EVENT = 'on_message_incoming';
/** How long `send` and `replay` wait for an answer, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 30_000;

const help = `Usage: blinger-webhooks send URL [--event NAME | --file FILE] [--token T]

POSTs a webhook to URL as Blinger would (Content-Type: application/json) and prints the
response status and body. Sends the documented example of --event (default ${DEFAULT_EVENT}),
or the bytes of --file exactly as they are, valid or not ("-" reads stdin).

Options:
  -e, --event NAME        the documented example of event NAME (see "blinger-webhooks examples")
  -f, --file FILE         the contents of FILE, or stdin for "-"
  -t, --token T           add the URL secret as ?token=T (the adapters' secretToken option)
      --token-param NAME  query parameter for --token (default "token")
      --timeout MS        give up after MS milliseconds (default ${DEFAULT_TIMEOUT_MS})
  -h, --help              show this help

Exit status: 0 the endpoint answered 2xx, 1 any other answer or no answer, 2 usage error.

Examples:
  blinger-webhooks send http://localhost:3000/blinger --event on_conversation_closed
  blinger-webhooks send http://localhost:3000/blinger --file delivery.json --token s3cret`;

/** Parses the URL given on the command line: http or https only. */
export const parseTargetUrl = (text: string): URL => {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`Not a URL: ${JSON.stringify(text)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError('The URL must be http: or https:');
  return url;
};

/** Parses `--timeout`: a positive whole number of milliseconds. */
export const parseTimeout = (text: string | undefined): number => {
  if (text === undefined) return DEFAULT_TIMEOUT_MS;
  const ms = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(ms) || ms <= 0) {
    throw new UsageError('--timeout must be a positive whole number of milliseconds');
  }
  return ms;
};

/** Parses `--token-param`: a non-empty query parameter name. */
export const parseTokenParam = (text: string | undefined): string => {
  if (text === '') throw new UsageError('--token-param must not be empty');
  return text ?? 'token';
};

/** The URL as it may be shown: the secret replaced by `***`. */
export const redact = (url: URL, tokenParam: string): string => {
  if (!url.searchParams.has(tokenParam)) return url.href;
  const shown = new URL(url.href);
  shown.searchParams.set(tokenParam, '***');
  return shown.href.replace('%2A%2A%2A', '***');
};

/** The headers Blinger's deliveries carry that matter to a receiver, and who sent this one. */
export const deliveryHeaders = (contentType = 'application/json'): Record<string, string> => ({
  'content-type': contentType,
  'user-agent': `blinger-webhooks-cli/${packageVersion()}`,
});

const printAnswer = (outcome: Extract<PostOutcome, { kind: 'answered' }>, io: CliIo): boolean => {
  const ok = outcome.status >= 200 && outcome.status < 300;
  const status = `${outcome.status} ${outcome.statusText}`.trim();
  io.out(ok ? io.outStyle.green(status) : io.outStyle.red(status));
  if (outcome.location !== null) io.out(`Location: ${escapeForTerminal(outcome.location)}`);
  if (outcome.body !== '') io.out(escapeForTerminal(outcome.truncated ? `${outcome.body}…` : outcome.body));
  return ok;
};

export const sendCommand = defineCommand({
  name: 'send',
  description: 'POST an example event or a file to an endpoint and print the answer',
  help,
  options: {
    event: { type: 'string', short: 'e' },
    file: { type: 'string', short: 'f' },
    token: { type: 'string', short: 't' },
    'token-param': { type: 'string' },
    timeout: { type: 'string' },
  },
  maxPositionals: 1,
  run: async ({ values, positionals }, io) => {
    const target = positionals[0];
    if (target === undefined) throw new UsageError('Give the URL to send to');
    const url = parseTargetUrl(target);
    const timeoutMs = parseTimeout(values.timeout);
    if (values.event !== undefined && values.file !== undefined) throw new UsageError('Give --event or --file, not both');
    const event = values.event ?? (values.file === undefined ? DEFAULT_EVENT : undefined);
    if (event !== undefined && !isWebhookName(event)) {
      throw new UsageError(`Unknown event ${JSON.stringify(event)}; the events are: ${webhookNames.join(', ')}`);
    }
    const tokenParam = parseTokenParam(values['token-param']);
    if (values.token !== undefined) url.searchParams.set(tokenParam, values.token);

    const body =
      event !== undefined ? new TextEncoder().encode(JSON.stringify(examples[event])) : await readInput(values.file ?? '-', io);
    const what = event ?? (values.file === '-' ? 'stdin' : quoteForTerminal(values.file ?? ''));
    io.out(io.outStyle.dim(`POST ${redact(url, tokenParam)} (${what}, ${body.byteLength} bytes)`));

    const outcome = await post(url, body, deliveryHeaders(), timeoutMs);
    if (outcome.kind === 'failed') {
      io.err(`${io.errStyle.red('send failed')}: ${outcome.reason} (${redact(url, tokenParam)})`);
      return EXIT_FAILURE;
    }
    return printAnswer(outcome, io) ? EXIT_OK : EXIT_FAILURE;
  },
});
