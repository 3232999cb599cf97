/**
 * `blinger-webhooks listen`: a local receiver that answers with the adapters' HTTP contract and
 * prints each delivery as it arrives.
 *
 * @module
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type BlingerWebhook, toNodeHandler, type WebhookRejection } from '../index.js';
import { type CliIo, type Command, EXIT_FAILURE, EXIT_OK, parseCommandArgs, UsageError } from './io.js';
import type { Style } from './style.js';
import { describeParseError, formatSummary, quoteForTerminal, summarizeWebhook } from './summary.js';

const DEFAULT_PORT = 3000;
const DEFAULT_HOST = '127.0.0.1';

const help = `Usage: blinger-webhooks listen [--port N] [--path P] [--token T] [--verbose]

Starts a local webhook receiver and prints every delivery as it arrives: a summary line per
event (the same as "validate"), and the precise reasons for any delivery it refuses. It answers
exactly as the HTTP adapters do (200, 400 with the problems, 401, 404, 405, 413...).
Ctrl-C stops it.

Options:
  -p, --port N     port to listen on (default ${DEFAULT_PORT}; 0 picks a free port)
      --host H     interface to listen on (default ${DEFAULT_HOST})
      --path P     accept deliveries on path P only (default: every path)
  -t, --token T    require ?token=T, like the adapters' secretToken option
  -v, --verbose    also print each decoded event in full
  -h, --help       show this help

Exit status: 0 stopped with Ctrl-C, 1 could not listen (port in use...), 2 usage error.

Examples:
  blinger-webhooks listen --port 3000 --path /blinger
  blinger-webhooks send http://127.0.0.1:3000/blinger --event on_conversation_closed`;

/** What happened to one request, noted by the hooks and printed once the answer is sent. */
type Outcome =
  | { readonly kind: 'event'; readonly event: BlingerWebhook }
  | { readonly kind: 'rejected'; readonly rejection: WebhookRejection }
  | { readonly kind: 'unknown'; readonly name: unknown };

const parsePort = (text: string | undefined): number => {
  if (text === undefined) return DEFAULT_PORT;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) throw new UsageError('--port must be a whole number from 0 to 65535');
  return port;
};

const parsePath = (text: string | undefined): string | undefined => {
  if (text === undefined) return undefined;
  if (!text.startsWith('/')) throw new UsageError('--path must start with "/"');
  return text;
};

const clock = (): string => new Date().toTimeString().slice(0, 8);

const colourStatus = (status: number, style: Style): string => {
  const text = String(status);
  if (status < 300) return style.green(text);
  if (status < 500) return style.yellow(text);
  return style.red(text);
};

/** The request path without its query string, which may carry the secret. */
const shownPath = (req: IncomingMessage): string => {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  return /^[\x21-\x7e]{1,100}$/.test(path) ? path : quoteForTerminal(path, 100);
};

const outcomeLines = (outcome: Outcome | undefined, verbose: boolean, style: Style): string[] => {
  if (outcome === undefined) return [style.dim('(no event)')];
  switch (outcome.kind) {
    case 'event':
      return [
        formatSummary(summarizeWebhook(outcome.event), style),
        ...(verbose ? [JSON.stringify(outcome.event, null, 2)] : []),
      ];
    case 'unknown': {
      const name = typeof outcome.name === 'string' ? quoteForTerminal(outcome.name, 60) : '?';
      return [`${style.yellow('unknown event')} ${name} ${style.dim('(acknowledged and ignored by this version)')}`];
    }
    case 'rejected': {
      const { rejection } = outcome;
      if (rejection.parseError !== undefined) {
        const [headline = '', ...details] = describeParseError(rejection.parseError, style);
        return [headline, ...details];
      }
      return [`${style.red(rejection.error)}: ${rejection.message}`];
    }
  }
};

const serve = (io: CliIo, options: { port: number; host: string; path?: string; token?: string; verbose: boolean }) =>
  new Promise<number>((resolve) => {
    const style = io.outStyle;
    const outcomes = new WeakMap<IncomingMessage, Outcome>();
    const note = (req: IncomingMessage, outcome: Outcome): void => {
      outcomes.set(req, outcome);
    };
    const handler = toNodeHandler<IncomingMessage>((event, context) => note(context.request, { kind: 'event', event }), {
      ...(options.path === undefined ? {} : { path: options.path }),
      ...(options.token === undefined ? {} : { secretToken: options.token }),
      onRejected: (rejection, req) => note(req, { kind: 'rejected', rejection }),
      onUnknownEvent: (payload, context) => note(context.request, { kind: 'unknown', name: payload.webhook }),
    });
    const report = (req: IncomingMessage, res: ServerResponse): void => {
      const status = res.writableFinished ? colourStatus(res.statusCode, style) : style.red('---');
      const [first = '', ...rest] = outcomeLines(outcomes.get(req), options.verbose, style);
      io.out(`${style.dim(clock())} ${status} ${req.method ?? '?'} ${shownPath(req)} ${first}`);
      for (const line of rest) io.out(line);
    };
    const server = createServer((req, res) => {
      res.once('close', () => report(req, res));
      handler(req, res);
    });

    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      io.err(style.dim('Stopping...'));
      server.close(() => resolve(EXIT_OK));
      // Keep-alive connections would hold close() open until they time out.
      server.closeAllConnections();
    };
    server.once('error', (error: NodeJS.ErrnoException) => {
      const why = error.code === 'EADDRINUSE' ? 'the port is already in use' : (error.code ?? error.message);
      io.err(`${io.errStyle.red('Cannot listen')} on ${options.host}:${options.port}: ${why}`);
      resolve(EXIT_FAILURE);
    });
    server.listen(options.port, options.host, () => {
      const { port } = server.address() as AddressInfo;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      const url = `http://${host}:${port}${options.path ?? '/'}`;
      const scope = options.path === undefined ? ' (every path)' : '';
      const token = options.token === undefined ? '' : ' (with ?token=)';
      io.out(`Listening for Blinger webhooks on ${style.bold(url)}${scope}${token}`);
      io.out(style.dim(`Try: blinger-webhooks send ${url}${options.token === undefined ? '' : ' --token ...'}  (Ctrl-C to stop)`));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
  });

export const listenCommand: Command = {
  name: 'listen',
  description: 'run a local receiver that prints every delivery',
  help,
  run: async (args, io) => {
    const { values } = parseCommandArgs(
      args,
      {
        port: { type: 'string', short: 'p' },
        host: { type: 'string' },
        path: { type: 'string' },
        token: { type: 'string', short: 't' },
        verbose: { type: 'boolean', short: 'v' },
      },
      0,
    );
    if (values.help) {
      io.out(help);
      return EXIT_OK;
    }
    const path = parsePath(values.path);
    if (values.token === '') throw new UsageError('--token must not be empty');
    return serve(io, {
      port: parsePort(values.port),
      host: values.host ?? DEFAULT_HOST,
      ...(path === undefined ? {} : { path }),
      ...(values.token === undefined ? {} : { token: values.token }),
      verbose: values.verbose === true,
    });
  },
};
