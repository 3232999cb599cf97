/**
 * The package version, read from the package.json next to `dist/` so it is never out of date.
 *
 * @module
 */
import { readFileSync } from 'node:fs';

/** The installed package's version, or `unknown` when package.json cannot be read. */
export const packageVersion = (): string => {
  try {
    // From dist/cli.js (the built CLI) the package root is one level up.
    const manifest: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    const version = (manifest as { version?: unknown }).version;
    return typeof version === 'string' ? version : 'unknown';
  } catch {
    return 'unknown';
  }
};
