/**
 * The executable behind `blinger-webhooks` (package.json `bin`, built to `dist/cli.js`): runs
 * {@link main} with the real process. Everything testable lives in `main.ts` and the commands.
 *
 * @module
 */
import { exitQuietlyOnBrokenPipe, processIo } from './io.js';
import { main } from './main.js';

exitQuietlyOnBrokenPipe(process.stdout, process.stderr, (status) => process.exit(status));

main(process.argv.slice(2), processIo()).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`blinger-webhooks: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
