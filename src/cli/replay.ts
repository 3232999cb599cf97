/**
 * `blinger-webhooks replay PATH... --to URL`: POSTs saved deliveries again, in order, the way
 * Blinger sent them. The use: keep what an endpoint could not decode (`listen --save`, or
 * `onInvalidDelivery` writing files), upgrade or fix the endpoint, then replay.
 *
 * @module
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type CliIo, defineCommand, describeFileError, EXIT_FAILURE, EXIT_OK, InputError, UsageError } from './io.js';
import { post, type PostOutcome } from './post.js';
import { META_SUFFIX, metaPathOf } from './save.js';
import { DEFAULT_TIMEOUT_MS, deliveryHeaders, parseTargetUrl, parseTimeout, parseTokenParam, redact } from './send.js';
import { escapeForTerminal, quoteForTerminal } from './summary.js';

const help = `Usage: blinger-webhooks replay PATH... --to URL [--token T] [--token-param NAME]

POSTs the bytes of each file to URL as Blinger would (Content-Type: application/json), one
after the other, and prints one line per file: the status, the file, and the event or the
reason it was refused. A directory stands for the files in it, in name order (the order of
arrival for a "listen --save" directory); hidden files, subdirectories and the .meta.json
side files that "listen --save" writes are skipped. When a file has such a side file, the
Content-Type and Content-Encoding it recorded are sent again, so the bytes mean the same.

Options:
      --to URL            the endpoint to deliver to (required)
  -t, --token T           add the URL secret as ?token=T (the adapters' secretToken option)
      --token-param NAME  query parameter for --token (default "token")
      --timeout MS        give up on one file after MS milliseconds (default ${DEFAULT_TIMEOUT_MS})
  -h, --help              show this help

Exit status: 0 every answer was 2xx, 1 any other answer or no answer (or a 200 saying the
endpoint kept the delivery again, unable to decode it), 2 usage error or a PATH that does not exist.

Examples:
  blinger-webhooks replay deliveries/ --to http://localhost:3000/blinger --token "$BLINGER_TOKEN"
  blinger-webhooks replay one.json two.json --to http://localhost:3000/blinger`;

const isSkipped = (name: string): boolean => name.startsWith('.') || name.endsWith(META_SUFFIX);

/** The files that PATH stands for: itself, or the files directly in it, in name order. */
const filesOf = async (path: string): Promise<string[]> => {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (error) {
    throw new InputError(`Cannot read ${JSON.stringify(path)}: ${describeFileError(error)}`);
  }
  if (!isDirectory) return path.endsWith(META_SUFFIX) ? [] : [path];
  const entries = await readdir(path, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !isSkipped(entry.name))
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => join(path, name));
};

/** The request headers a saved delivery was received with, from its side file if it has one. */
const headersFor = async (file: string): Promise<Record<string, string>> => {
  let meta: unknown;
  try {
    meta = JSON.parse(await readFile(metaPathOf(file), 'utf8'));
  } catch {
    return deliveryHeaders();
  }
  const { contentType, contentEncoding } = (meta ?? {}) as { contentType?: unknown; contentEncoding?: unknown };
  return {
    ...deliveryHeaders(typeof contentType === 'string' ? contentType : undefined),
    ...(typeof contentEncoding === 'string' ? { 'content-encoding': contentEncoding } : {}),
  };
};

const EVENT_NAME = /^[a-z][a-z0-9_]{0,63}$/;

/** The `webhook` field of a JSON body, when it has a plausible one. */
const eventOf = (body: Uint8Array): string | null => {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(body));
    const name = (value as { webhook?: unknown } | null)?.webhook;
    return typeof name === 'string' && EVENT_NAME.test(name) ? name : null;
  } catch {
    return null;
  }
};

/** What the adapters' JSON answers say: `invalid_payload: ...`, `ignored: unknown_event`. */
const answerFields = (body: string): { error?: string; message?: string; ignored?: string; kept?: string } => {
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value !== 'object' || value === null) return {};
    const text = (key: string): string | undefined => {
      const field = (value as Record<string, unknown>)[key];
      return typeof field === 'string' ? field : undefined;
    };
    const fields: { error?: string; message?: string; ignored?: string; kept?: string } = {};
    for (const key of ['error', 'message', 'ignored', 'kept'] as const) {
      const field = text(key);
      if (field !== undefined) fields[key] = field;
    }
    return fields;
  } catch {
    return {};
  }
};

/** The end of a file's line: the event for a 2xx answer, the reason for any other. */
const describeOutcome = (outcome: PostOutcome, body: Uint8Array): string => {
  if (outcome.kind === 'failed') return outcome.reason;
  const fields = answerFields(outcome.body);
  if (outcome.status >= 200 && outcome.status < 300) {
    if (fields.kept !== undefined) return `kept again (${quoteForTerminal(fields.kept, 40)}): the endpoint still cannot decode it`;
    const event = eventOf(body) ?? '(not a JSON event)';
    return fields.ignored === undefined ? event : `${event} (ignored: ${quoteForTerminal(fields.ignored, 40)})`;
  }
  if (fields.error !== undefined) {
    const message = fields.message === undefined ? '' : `: ${escapeForTerminal(fields.message.slice(0, 200))}`;
    return `${escapeForTerminal(fields.error.slice(0, 60))}${message}`;
  }
  const firstLine = outcome.body.split('\n', 1)[0]?.slice(0, 100) ?? '';
  return escapeForTerminal(firstLine === '' ? outcome.statusText : firstLine);
};

/** A path as printed: as it is when it is plain ASCII, quoted and escaped otherwise. */
const shownPath = (path: string): string => (/^[\x21-\x7e]{1,200}$/.test(path) ? path : quoteForTerminal(path, 200));

/**
 * Whether the endpoint processed the delivery: a 2xx, but not the 200 an endpoint with
 * `onInvalidDelivery` sends when it kept the body again because it still cannot decode it.
 */
const wasProcessed = (outcome: PostOutcome): boolean =>
  outcome.kind !== 'failed' && outcome.status >= 200 && outcome.status < 300 && answerFields(outcome.body).kept === undefined;

const statusOf = (outcome: PostOutcome, io: CliIo): string => {
  if (outcome.kind === 'failed') return io.outStyle.red('---');
  const text = String(outcome.status);
  return wasProcessed(outcome) ? io.outStyle.green(text) : io.outStyle.red(text);
};

export const replayCommand = defineCommand({
  name: 'replay',
  description: 'POST saved deliveries again, in order, and print each answer',
  help,
  options: {
    to: { type: 'string' },
    token: { type: 'string', short: 't' },
    'token-param': { type: 'string' },
    timeout: { type: 'string' },
  },
  maxPositionals: Number.POSITIVE_INFINITY,
  run: async ({ values, positionals }, io) => {
    if (values.to === undefined) throw new UsageError('Give the endpoint to replay to with --to URL');
    const url = parseTargetUrl(values.to);
    if (positionals.length === 0) throw new UsageError('Give the files or directories to replay');
    const timeoutMs = parseTimeout(values.timeout);
    const tokenParam = parseTokenParam(values['token-param']);
    if (values.token !== undefined) url.searchParams.set(tokenParam, values.token);

    // Every PATH is checked before anything is sent: a typo must not leave a replay half done.
    const files = (await Promise.all(positionals.map(filesOf))).flat();
    io.out(io.outStyle.dim(`Replaying ${files.length} file${files.length === 1 ? '' : 's'} to ${redact(url, tokenParam)}`));
    let failures = 0;
    for (const file of files) {
      const shown = shownPath(file);
      let body: Uint8Array;
      try {
        body = await readFile(file);
      } catch (error) {
        failures += 1;
        io.out(`${io.outStyle.red('---')} ${shown} cannot read: ${describeFileError(error)}`);
        continue;
      }
      const outcome = await post(url, body, await headersFor(file), timeoutMs);
      if (!wasProcessed(outcome)) failures += 1;
      io.out(`${statusOf(outcome, io)} ${shown} ${describeOutcome(outcome, body)}`);
    }
    if (failures > 0) io.err(`${failures} of ${files.length} not accepted`);
    return failures === 0 ? EXIT_OK : EXIT_FAILURE;
  },
});
