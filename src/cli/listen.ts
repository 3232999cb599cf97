/**
 * `blinger-webhooks listen`: a local receiver that answers with the adapters' HTTP contract and
 * prints each delivery as it arrives.
 *
 * @module
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type BlingerWebhook, DEFAULT_MAX_BODY_BYTES, toNodeHandler, type WebhookRejection } from '../index.js';
import { type CliIo, defineCommand, describeFileError, EXIT_FAILURE, EXIT_OK, InputError, UsageError } from './io.js';
import { trackForGracefulStop } from './graceful-stop.js';
import { type BodyTap, type DeliveryMeta, type DeliveryStore, openDeliveryStore, tapBody } from './save.js';
import type { Style } from './style.js';
import { describeParseError, formatSummary, quoteForTerminal, summarizeWebhook } from './summary.js';

const DEFAULT_PORT = 3000;
const DEFAULT_HOST = '127.0.0.1';
/**
 * How long Ctrl-C waits for the deliveries in progress to be answered before closing their
 * connections, in ms. Saving a delivery takes milliseconds; what could take longer is a sender still
 * sending its body, which the adapter's own limit would let run for 30 s.
 */
const STOP_GRACE_MS = 5_000;

const help = `Usage: blinger-webhooks listen [--port N] [--path P] [--token T] [--save DIR] [--verbose]

Starts a local webhook receiver and prints every delivery as it arrives: a summary line per
event (the same as "validate"), and the precise reasons for any delivery it refuses. It answers
exactly as the HTTP adapters do (200, 400 with the problems, 401, 404, 405, 413...).
With --save, it also keeps the body of every delivery it reads, valid or not, byte for byte,
ready for "blinger-webhooks replay". Ctrl-C stops it: deliveries in progress are answered (and
saved) first, for up to 5 s; a second Ctrl-C quits at once.

Options:
  -p, --port N     port to listen on (default ${DEFAULT_PORT}; 0 picks a free port)
      --host H     interface to listen on (default ${DEFAULT_HOST})
      --path P     accept deliveries on path P only (default: every path)
  -t, --token T    require ?token=T, like the adapters' secretToken option
  -s, --save DIR   write each delivery's body to DIR (created if needed), one file per
                   delivery named by arrival time, with its status in a .meta.json beside it
  -v, --verbose    also print each decoded event in full
  -h, --help       show this help

Exit status: 0 stopped with Ctrl-C, 1 could not listen (port in use...), 2 usage error or
a --save directory that cannot be written, 130 quit with a second Ctrl-C.

Examples:
  blinger-webhooks listen --port 3000 --path /blinger
  blinger-webhooks send http://127.0.0.1:3000/blinger --event on_conversation_closed
  blinger-webhooks listen --port 3000 --save deliveries/`;

/** What the adapter made of one request, noted by its hooks. */
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

/** `1 delivery`, `3 unanswered deliveries`. */
const deliveryCount = (count: number, adjective?: string): string =>
  [String(count), adjective, count === 1 ? 'delivery' : 'deliveries'].filter((word) => word !== undefined).join(' ');

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

/** One request, from its arrival to the line printed once it is answered. */
interface Delivery {
  readonly receivedAt: Date;
  /** With `--save`: its name, given on arrival, and its body as read by the adapter. */
  readonly saved?: { readonly name: string; readonly tap: BodyTap };
  outcome?: Outcome;
  /** The save of its body (`--save`), started as soon as the adapter has decoded it; the file name. */
  saving?: Promise<string>;
  /** The size of the body being saved. */
  bytes?: number;
  /** Still unanswered when the grace period after Ctrl-C ended, and cut off. */
  cutOffAtStop?: boolean;
}

/** What `listen` prints about one delivery: lines for stdout, and for stderr what could not be saved. */
interface Report {
  readonly out: readonly string[];
  readonly err: readonly string[];
}

/** Work whose results are handled in the order it was queued, whatever order it finishes in. */
export interface OrderedQueue {
  /**
   * Queues `work`: `then` runs on its result once it and everything queued before it are done.
   * Resolves once `then` has run; rejects, skipping `then`, if `work` or `then` failed, and does not
   * hold up what was queued after it.
   */
  readonly add: <T>(work: Promise<T>, then: (value: T) => void) => Promise<void>;
  /** Resolves once everything queued so far has been handled. */
  readonly drained: () => Promise<void>;
}

export const inQueueOrder = (): OrderedQueue => {
  let previous: Promise<void> = Promise.resolve();
  return {
    add: (work, then) => {
      // Handled at once, so that a failure before its turn is no unhandled rejection; its turn
      // still comes after everything before it (Promise.all would reject without waiting).
      work.catch(() => {});
      const done = previous
        .then(() => work)
        .then((value) => {
          then(value);
        });
      previous = done.catch(() => {});
      return done;
    },
    drained: () => previous,
  };
};

interface ListenOptions {
  readonly port: number;
  readonly host: string;
  readonly path?: string;
  readonly token?: string;
  readonly store?: DeliveryStore;
  readonly verbose: boolean;
}

/** The event a delivery claims to be, valid or not. */
const eventName = (outcome: Outcome | undefined): string | null => {
  if (outcome?.kind === 'event') return outcome.event.webhook;
  if (outcome?.kind === 'unknown' && typeof outcome.name === 'string') return outcome.name;
  if (outcome?.kind === 'rejected' && outcome.rejection.parseError?.kind === 'invalid_payload') return outcome.rejection.parseError.event;
  return null;
};

const metaOf = (req: IncomingMessage, res: ServerResponse, delivery: Delivery, bytes: number): DeliveryMeta => ({
  receivedAt: delivery.receivedAt.toISOString(),
  method: req.method ?? '?',
  path: (req.url ?? '/').split('?')[0] ?? '/',
  status: res.headersSent ? res.statusCode : null,
  event: eventName(delivery.outcome),
  error: delivery.outcome?.kind === 'rejected' ? delivery.outcome.rejection.error : null,
  contentType: req.headers['content-type'] ?? null,
  contentEncoding: req.headers['content-encoding'] ?? null,
  bytes,
});

/**
 * Whether the adapter read the whole body: it decoded it (an event, an unknown event, invalid
 * JSON or payload), or refused it after its end. A request refused before (401, 404, 405, 413...)
 * is not a delivery, and Node discards the rest of its body.
 */
const bodyWasRead = (outcome: Outcome, tap: BodyTap): boolean =>
  outcome.kind !== 'rejected' || outcome.rejection.parseError !== undefined || tap.ended();

const serve = (io: CliIo, options: ListenOptions) =>
  new Promise<number>((resolve) => {
    const style = io.outStyle;
    const { store } = options;
    const deliveries = new WeakMap<IncomingMessage, Delivery>();
    const note = (req: IncomingMessage, outcome: Outcome): void => {
      const delivery = deliveries.get(req);
      if (delivery === undefined) return;
      delivery.outcome = outcome;
      if (store !== undefined && delivery.saved !== undefined && bodyWasRead(outcome, delivery.saved.tap)) save(store, delivery, delivery.saved);
    };
    // A delivery whose body could not be saved is answered 500, so that a sender that retries does.
    const saved = async (req: IncomingMessage): Promise<void> => {
      await deliveries.get(req)?.saving;
    };
    const handler = toNodeHandler<IncomingMessage>(
      async (event, context) => {
        note(context.request, { kind: 'event', event });
        await saved(context.request);
      },
      {
        ...(options.path === undefined ? {} : { path: options.path }),
        ...(options.token === undefined ? {} : { secretToken: options.token }),
        onRejected: (rejection, req) => note(req, { kind: 'rejected', rejection }),
        onUnknownEvent: async (payload, context) => {
          note(context.request, { kind: 'unknown', name: payload.webhook });
          await saved(context.request);
        },
        onError: () => {
          // The failed save is printed with the delivery's line.
        },
      },
    );

    const save = (to: DeliveryStore, delivery: Delivery, { name, tap }: NonNullable<Delivery['saved']>): void => {
      const body = tap.bytes();
      if (body === null || delivery.saving !== undefined) return;
      const saving = to.saveBody(name, body);
      // Handled where it is reported; this keeps a failure from being an unhandled rejection meanwhile.
      saving.catch(() => {});
      delivery.saving = saving;
      delivery.bytes = body.byteLength;
    };

    /** Writes the side file of a saved delivery; resolves to the line saying why it failed, if it did. */
    const saveMeta = async (
      to: DeliveryStore,
      name: string,
      req: IncomingMessage,
      res: ServerResponse,
      delivery: Delivery,
    ): Promise<string | undefined> => {
      try {
        await to.saveMeta(name, metaOf(req, res, delivery, delivery.bytes ?? 0));
        return undefined;
      } catch (error) {
        return `${io.errStyle.red('Could not save')} the status of ${name}: ${describeFileError(error)}`;
      }
    };

    /** The save's file name, or the line saying why it failed. */
    const savedName = async (delivery: Delivery): Promise<{ name?: string; failure?: string }> => {
      if (delivery.saving === undefined) return {};
      try {
        return { name: await delivery.saving };
      } catch (error) {
        return { failure: `${io.errStyle.red('Could not save')} the delivery in ${options.store?.dir ?? '?'}: ${describeFileError(error)}` };
      }
    };

    /** The lines that report a delivery, once everything about it is on disk. */
    const report = async (req: IncomingMessage, res: ServerResponse, delivery: Delivery): Promise<Report> => {
      // Read as the delivery closes, before any save is awaited: the time its answer went out.
      const time = clock();
      // headersSent: the answer went out even if the client closed before its end (a 413 it stopped sending for).
      const status = res.headersSent ? colourStatus(res.statusCode, style) : style.red('---');
      const { name, failure } = await savedName(delivery);
      // The side file first: once the line is printed, everything about the delivery is on disk.
      const metaFailure = name === undefined || store === undefined ? undefined : await saveMeta(store, name, req, res, delivery);
      // Cut off by listen itself, not by its sender: not "body_aborted", which would blame the sender.
      const [first = '', ...rest] =
        delivery.cutOffAtStop === true
          ? [`${style.red('cut off')}: still unanswered ${STOP_GRACE_MS / 1000} s after Ctrl-C`]
          : outcomeLines(delivery.outcome, options.verbose, style);
      const where = name === undefined ? '' : ` ${style.dim(`> ${name}`)}`;
      return {
        out: [`${style.dim(time)} ${status} ${req.method ?? '?'} ${shownPath(req)} ${first}${where}`, ...rest],
        err: [failure, metaFailure].filter((line) => line !== undefined),
      };
    };
    const print = ({ out, err }: Report): void => {
      for (const line of out) io.out(line);
      for (const line of err) io.err(line);
    };
    // A 400's body is saved after it is answered, so without this the next delivery's line could
    // come first. What is still being saved and printed is awaited before `listen` exits.
    const reports = inQueueOrder();

    const server = createServer((req, res) => {
      const receivedAt = new Date();
      // The adapter keeps to its default limit, so a body the tap keeps whole is one it may read whole.
      const delivery: Delivery =
        store === undefined
          ? { receivedAt }
          : { receivedAt, saved: { name: store.nameOnArrival(receivedAt), tap: tapBody(req, DEFAULT_MAX_BODY_BYTES) } };
      deliveries.set(req, delivery);
      res.once('close', () => {
        // `report` does not reject (a failed save becomes a line) and `print` only writes.
        void reports.add(report(req, res, delivery), print);
      });
      handler(req, res);
    });
    const graceful = trackForGracefulStop(server);

    let stopInterrupts = (): void => {};
    const stop = (): void => {
      stopInterrupts();
      const waiting = graceful.inProgress();
      io.err(style.dim(waiting === 0 ? 'Stopping...' : `Stopping: answering ${deliveryCount(waiting)} in progress first (Ctrl-C again to quit at once)...`));
      // Deliveries in progress are answered and saved; one still unanswered after the grace
      // period is cut off, and its line says so.
      const cutOff = (unanswered: readonly ServerResponse[]): void => {
        io.err(io.errStyle.red(`Cut off ${deliveryCount(unanswered.length, 'unanswered')} after ${STOP_GRACE_MS / 1000} s`));
        for (const res of unanswered) {
          const delivery = deliveries.get(res.req);
          if (delivery !== undefined) delivery.cutOffAtStop = true;
        }
      };
      void graceful
        .stop(STOP_GRACE_MS, cutOff)
        .then(() => reports.drained())
        .then(() => resolve(EXIT_OK));
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
      if (store !== undefined) io.out(`Saving every delivery's body in ${style.bold(store.dir)}`);
      io.out(style.dim(`Try: blinger-webhooks send ${url}${options.token === undefined ? '' : ' --token ...'}  (Ctrl-C to stop)`));
      stopInterrupts = io.onInterrupt(stop);
    });
  });

const openStore = async (dir: string): Promise<DeliveryStore> => {
  try {
    return await openDeliveryStore(dir);
  } catch (error) {
    throw new InputError(`Cannot save deliveries in ${JSON.stringify(dir)}: ${describeFileError(error)}`);
  }
};

export const listenCommand = defineCommand({
  name: 'listen',
  description: 'run a local receiver that prints (and saves) every delivery',
  help,
  options: {
    port: { type: 'string', short: 'p' },
    host: { type: 'string' },
    path: { type: 'string' },
    token: { type: 'string', short: 't' },
    save: { type: 'string', short: 's' },
    verbose: { type: 'boolean', short: 'v' },
  },
  maxPositionals: 0,
  run: async ({ values }, io) => {
    const path = parsePath(values.path);
    const port = parsePort(values.port);
    if (values.token === '') throw new UsageError('--token must not be empty');
    if (values.save === '') throw new UsageError('--save needs a directory');
    const store = values.save === undefined ? undefined : await openStore(values.save);
    return serve(io, {
      port,
      host: values.host ?? DEFAULT_HOST,
      ...(path === undefined ? {} : { path }),
      ...(values.token === undefined ? {} : { token: values.token }),
      ...(store === undefined ? {} : { store }),
      verbose: values.verbose === true,
    });
  },
});
