/**
 * What every command needs from the process: output streams with their styles, stdin, the
 * environment. Commands return their exit status instead of calling `process.exit`, so pending
 * output is flushed before Node exits.
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
}

/** The real process's streams. */
export const processIo = (): CliIo => ({
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  outStyle: createStyle(wantsColour(process.stdout, process.env)),
  errStyle: createStyle(wantsColour(process.stderr, process.env)),
  stdin: process.stdin,
  env: process.env,
});

/** A wrong command line: reported with the command's usage, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** An input that cannot be read (missing file, directory...): exit status 2. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** One command of the CLI. */
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

/**
 * `parseArgs` in strict mode, with `--help`/`-h` added to every command; a parse failure
 * becomes a {@link UsageError}.
 */
export const parseCommandArgs = <O extends Options>(args: readonly string[], options: O, maxPositionals: number) => {
  try {
    const parsed = parseArgs({
      args: [...args],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (parsed.positionals.length > maxPositionals) {
      throw new UsageError(`Unexpected argument ${JSON.stringify(parsed.positionals[maxPositionals])}`);
    }
    return parsed;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // parseArgs's own messages (unknown option, missing value) are clear enough to pass on.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
};

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
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? 'unreadable');
    throw new InputError(`Cannot read ${JSON.stringify(source)}: ${why}`);
  }
};
