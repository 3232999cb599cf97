import { Readable } from 'node:stream';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { createStyle } from '../../src/cli/style.js';

/** What a command printed, and its exit status. */
export interface MainResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface FakeIo extends CliIo {
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Calls what the command registered with `onInterrupt`, as Ctrl-C would. */
  readonly interrupt: () => void;
  /** Resolves once stdout contains `text`, or `text` returns true for it. */
  readonly waitFor: (text: string | RegExp | ((stdout: string) => boolean)) => Promise<void>;
}

/** A {@link CliIo} that records the output, for running commands in this process. */
export const fakeIo = (options: { input?: string | Uint8Array; colour?: boolean; stdinIsTTY?: boolean } = {}): FakeIo => {
  const out: string[] = [];
  const err: string[] = [];
  const interrupts = new Set<() => void>();
  const waiters = new Set<() => void>();
  const stdin = Object.assign(Readable.from(options.input === undefined ? [] : [Buffer.from(options.input)]), {
    isTTY: options.stdinIsTTY ?? false,
  });
  const stdout = (): string => out.map((line) => `${line}\n`).join('');
  return {
    out: (line) => {
      out.push(line);
      for (const waiter of [...waiters]) waiter();
    },
    err: (line) => err.push(line),
    outStyle: createStyle(options.colour ?? false),
    errStyle: createStyle(options.colour ?? false),
    stdin,
    env: {},
    onInterrupt: (stop) => {
      interrupts.add(stop);
      return () => interrupts.delete(stop);
    },
    stdout,
    stderr: () => err.map((line) => `${line}\n`).join(''),
    interrupt: () => {
      for (const stop of [...interrupts]) stop();
    },
    waitFor: (text) =>
      new Promise<void>((resolve) => {
        const check = (): void => {
          const printed = stdout();
          const found = typeof text === 'string' ? printed.includes(text) : typeof text === 'function' ? text(printed) : text.test(printed);
          if (found) {
            waiters.delete(check);
            resolve();
          }
        };
        waiters.add(check);
        check();
      }),
  };
};

/** Runs `blinger-webhooks ...args` in this process. */
export const runMain = async (
  args: readonly string[],
  options: { input?: string | Uint8Array; colour?: boolean; stdinIsTTY?: boolean } = {},
): Promise<MainResult> => {
  const io = fakeIo(options);
  const status = await main(args, io);
  return { status, stdout: io.stdout(), stderr: io.stderr() };
};

/** A `listen` running in this process on a free port. */
export interface InProcessListener {
  readonly url: string;
  readonly port: number;
  readonly io: FakeIo;
  readonly output: () => string;
  readonly waitFor: FakeIo['waitFor'];
  /** Ctrl-C: resolves to the exit status once it has stopped. */
  readonly stop: () => Promise<MainResult>;
  /** The exit status, if it stopped on its own. */
  readonly exited: Promise<MainResult>;
}

/** Starts `listen --port 0 ...args` in this process and waits until it listens. */
export const listenInProcess = async (args: readonly string[] = []): Promise<InProcessListener> => {
  const io = fakeIo();
  const exited = main(['listen', '--port', '0', ...args], io).then((status) => ({
    status,
    stdout: io.stdout(),
    stderr: io.stderr(),
  }));
  const started = io.waitFor(/http:\/\/127\.0\.0\.1:(\d+)/).then(() => 'started' as const);
  if ((await Promise.race([started, exited])) !== 'started') {
    throw new Error(`listen exited before listening: ${io.stderr()}`);
  }
  const port = Number(/http:\/\/127\.0\.0\.1:(\d+)/.exec(io.stdout())![1]);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    io,
    output: io.stdout,
    waitFor: io.waitFor,
    stop: () => {
      io.interrupt();
      return exited;
    },
    exited,
  };
};
