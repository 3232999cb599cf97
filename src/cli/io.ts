/**
 * What every command needs from the process: output streams with their styles, stdin, the
 * environment, a way to be told to stop. Commands return their exit status instead of calling
 * `process.exit`, so pending output is flushed before Node exits, and so tests can run them
 * in-process with their own {@link CliIo}.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createStyle, type Style, wantsColour } from './style.js';

/** Exit statuses: 0 success, 1 the input or the endpoint failed, 2 the command line is wrong. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
/** What a shell reports for a process killed by SIGPIPE (128 + 13), as `cat` gets in `cat | head -1`. */
export const EXIT_BROKEN_PIPE = 141;

/** The process as a command sees it. */
export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Colours for lines written with `out`. */
  readonly outStyle: Style;
  /** Colours for lines written with `err`. */
  readonly errStyle: Style;
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  /**
   * Calls `stop` when the user asks a long-running command to stop (Ctrl-C, SIGTERM); returns a
   * function that removes it. Only `listen` asks, so other commands keep Node's default Ctrl-C.
   */
  readonly onInterrupt: (stop: () => void) => () => void;
}

/** The real process's streams and signals. */
export const processIo = (): CliIo => ({
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  outStyle: createStyle(wantsColour(process.stdout, process.env)),
  errStyle: createStyle(wantsColour(process.stderr, process.env)),
  stdin: process.stdin,
  env: process.env,
  onInterrupt: (stop) => {
    process.on('SIGINT', stop).on('SIGTERM', stop);
    return () => {
      process.off('SIGINT', stop).off('SIGTERM', stop);
    };
  },
});

/**
 * Ends the process quietly when the reader of stdout goes away (`blinger-webhooks examples | head -1`):
 * Node ignores SIGPIPE, so without this the next write fails with an unhandled `EPIPE` error and
 * a stack trace. The status is the one a shell gives a process killed by SIGPIPE. Errors on
 * stderr are dropped: there is nowhere left to report them.
 */
export const exitQuietlyOnBrokenPipe = (
  stdout: NodeJS.EventEmitter,
  stderr: NodeJS.EventEmitter,
  exit: (status: number) => void,
): void => {
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') exit(EXIT_BROKEN_PIPE);
    else throw error;
  });
  stderr.on('error', () => {});
};

/** A wrong command line: reported with the command's usage, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** An input that cannot be read (missing file, directory...): exit status 2. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** One command of the CLI, as the dispatcher in `main.ts` sees it. */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly description: string;
  /** The full `--help` text. */
  readonly help: string;
  /** Runs the command with the arguments after its name; resolves to the exit status. */
  readonly run: (args: readonly string[], io: CliIo) => Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** The parsed command line a command's `run` receives. */
export type ParsedArgs<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>;

/** A command: its help text, its options, and what it does with them. */
export interface CommandSpec<O extends Options> {
  readonly name: string;
  readonly description: string;
  readonly help: string;
  /** Options for `node:util` `parseArgs`; `--help`/`-h` is added to every command. */
  readonly options: O;
  /** How many positional arguments the command takes at most. */
  readonly maxPositionals: number;
  readonly run: (parsed: ParsedArgs<O>, io: CliIo) => Promise<number>;
}

/**
 * `parseArgs` in strict mode; a parse failure or too many arguments becomes a {@link UsageError}.
 */
const parseCommandArgs = <O extends Options>(args: readonly string[], options: O, maxPositionals: number): ParsedArgs<O> => {
  let parsed: ParsedArgs<O>;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs's own messages (unknown option, missing value) are clear enough to pass on.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new UsageError(`Unexpected argument ${JSON.stringify(parsed.positionals[maxPositionals])}`);
  }
  return parsed;
};

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

/** Makes a {@link Command}: parses its arguments, answers `--help` itself, then runs it. */
export const defineCommand = <O extends Options>(spec: CommandSpec<O>): Command => ({
  name: spec.name,
  description: spec.description,
  help: spec.help,
  run: async (args, io) => {
    const parsed = parseCommandArgs(args, { ...spec.options, ...HELP_OPTION }, spec.maxPositionals);
    // The spec's options do not know `help`; it is the one option every command shares.
    if ((parsed.values as { readonly help?: boolean }).help === true) {
      io.out(spec.help);
      return EXIT_OK;
    }
    return spec.run(parsed, io);
  },
});

/** Reads a file, or stdin for `-`; an unreadable file is an {@link InputError}. */
export const readInput = async (source: string, io: CliIo): Promise<Uint8Array> => {
  if (source === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    return Buffer.concat(chunks);
  }
  try {
    return await readFile(source);
  } catch (error) {
    throw new InputError(`Cannot read ${JSON.stringify(source)}: ${describeFileError(error)}`);
  }
};

/** A file system error in a few words. */
export const describeFileError = (error: unknown): string => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'not a directory';
  return code ?? 'unreadable';
};
