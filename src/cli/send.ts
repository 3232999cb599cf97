/**
 * `blinger-webhooks send URL`: delivers an example event or a file to an endpoint the way Blinger
 * does (a JSON POST), so an endpoint can be tried without Blinger.
 *
 * @module
 */
import { isWebhookName, webhookNames } from '../index.js';
import { examples } from '../testing/index.js';
import { type Command, EXIT_FAILURE, EXIT_OK, parseCommandArgs, readInput, UsageError } from './io.js';
import { quoteForTerminal } from './summary.js';
import { packageVersion } from './version.js';

const DEFAULT_EVENT = 'on_message_incoming';
const DEFAULT_TIMEOUT_MS = 30_000;
const SHOWN_RESPONSE_CHARS = 64 * 1024;

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

const parseUrl = (text: string): URL => {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`Not a URL: ${JSON.stringify(text)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError('The URL must be http: or https:');
  return url;
};

const parseTimeout = (text: string | undefined): number => {
  if (text === undefined) return DEFAULT_TIMEOUT_MS;
  const ms = Number(text);
  if (!Number.isSafeInteger(ms) || ms <= 0) throw new UsageError('--timeout must be a positive whole number of milliseconds');
  return ms;
};

/** The URL as it may be shown: the secret replaced by `***`. */
const redact = (url: URL, tokenParam: string): string => {
  if (!url.searchParams.has(tokenParam)) return url.href;
  const shown = new URL(url.href);
  shown.searchParams.set(tokenParam, '***');
  return shown.href.replace('%2A%2A%2A', '***');
};

const describeFailure = (error: unknown): string => {
  if (error instanceof Error && error.name === 'TimeoutError') return 'no answer before the timeout';
  // fetch wraps the socket error (ECONNREFUSED, ENOTFOUND...) in `cause`.
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (typeof cause?.code === 'string') return cause.code;
  return error instanceof Error ? error.message : String(error);
};

export const sendCommand: Command = {
  name: 'send',
  description: 'POST an example event or a file to an endpoint and print the answer',
  help,
  run: async (args, io) => {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        event: { type: 'string', short: 'e' },
        file: { type: 'string', short: 'f' },
        token: { type: 'string', short: 't' },
        'token-param': { type: 'string' },
        timeout: { type: 'string' },
      },
      1,
    );
    if (values.help) {
      io.out(help);
      return EXIT_OK;
    }
    const target = positionals[0];
    if (target === undefined) throw new UsageError('Give the URL to send to');
    const url = parseUrl(target);
    const timeoutMs = parseTimeout(values.timeout);
    if (values.event !== undefined && values.file !== undefined) throw new UsageError('Give --event or --file, not both');
    const event = values.event ?? (values.file === undefined ? DEFAULT_EVENT : undefined);
    if (event !== undefined && !isWebhookName(event)) {
      throw new UsageError(`Unknown event ${JSON.stringify(event)}; the events are: ${webhookNames.join(', ')}`);
    }
    const tokenParam = values['token-param'] ?? 'token';
    if (values.token !== undefined) url.searchParams.set(tokenParam, values.token);

    const body =
      event !== undefined
        ? JSON.stringify(examples[event])
        : // A copy backed by a plain ArrayBuffer, which is what fetch's types accept.
          new Uint8Array(await readInput(values.file ?? '-', io));
    const what = event ?? (values.file === '-' ? 'stdin' : quoteForTerminal(values.file ?? ''));
    const size = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
    io.out(io.outStyle.dim(`POST ${redact(url, tokenParam)} (${what}, ${size} bytes)`));

    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': `blinger-webhooks-cli/${packageVersion()}` },
        body,
        // A redirect would turn the POST into a GET; show it instead of following it.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      io.err(`${io.errStyle.red('send failed')}: ${describeFailure(error)} (${redact(url, tokenParam)})`);
      return EXIT_FAILURE;
    }
    const ok = response.status >= 200 && response.status < 300;
    const status = `${response.status} ${response.statusText}`.trim();
    io.out(ok ? io.outStyle.green(status) : io.outStyle.red(status));
    const location = response.headers.get('location');
    if (location !== null) io.out(`Location: ${location}`);
    const text = await response.text();
    if (text !== '') io.out(text.length > SHOWN_RESPONSE_CHARS ? `${text.slice(0, SHOWN_RESPONSE_CHARS)}…` : text);
    return ok ? EXIT_OK : EXIT_FAILURE;
  },
};
