/**
 * The `blinger-webhooks` command: validate captured payloads, print examples, send test
 * deliveries, watch deliveries arrive with a local receiver, and replay saved ones. `bin.ts` runs
 * {@link main} with the real process; tests run it in-process with their own {@link CliIo}.
 *
 * @module
 */
import { examplesCommand } from './examples.js';
import { type CliIo, type Command, EXIT_OK, EXIT_USAGE, InputError, UsageError } from './io.js';
import { listenCommand } from './listen.js';
import { replayCommand } from './replay.js';
import { sendCommand } from './send.js';
import { validateCommand } from './validate.js';
import { packageVersion } from './version.js';

const commands: readonly Command[] = [validateCommand, examplesCommand, sendCommand, listenCommand, replayCommand];

const mainHelp = (): string => {
  const width = Math.max(...commands.map((command) => command.name.length));
  const list = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.description}`).join('\n');
  return `Usage: blinger-webhooks <command> [options]

Tools for Blinger webhooks: check payloads, fire test deliveries, watch them arrive, replay them.

Commands:
${list}

Options:
  -h, --help     show this help (or "blinger-webhooks <command> --help")
  -V, --version  print the version

Colour is used on a terminal only, never when NO_COLOR is set.`;
};

const findCommand = (name: string): Command | undefined => commands.find((command) => command.name === name);

/** Runs the CLI with `argv` (the arguments after the script) and resolves to the exit status. */
export const main = async (argv: readonly string[], io: CliIo): Promise<number> => {
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-V') {
    io.out(packageVersion());
    return EXIT_OK;
  }
  if (first === '--help' || first === '-h') {
    io.out(mainHelp());
    return EXIT_OK;
  }
  if (first === 'help') {
    const topic = rest[0] === undefined ? undefined : findCommand(rest[0]);
    io.out(topic?.help ?? mainHelp());
    return rest[0] === undefined || topic !== undefined ? EXIT_OK : EXIT_USAGE;
  }
  if (first === undefined) {
    io.err(mainHelp());
    return EXIT_USAGE;
  }
  const command = findCommand(first);
  if (command === undefined) {
    io.err(`${io.errStyle.red('Unknown command')} ${JSON.stringify(first)}. Run "blinger-webhooks --help" for the list.`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${io.errStyle.red('Error')}: ${error.message}`);
      io.err(`Run "blinger-webhooks ${command.name} --help" for usage.`);
      return EXIT_USAGE;
    }
    if (error instanceof InputError) {
      io.err(`${io.errStyle.red('Error')}: ${error.message}`);
      return EXIT_USAGE;
    }
    throw error;
  }
};
