/**
 * The package version, read from the package's own package.json so it is never out of date.
 *
 * @module
 */
import { readFileSync } from 'node:fs';

// From dist/cli.js (the built CLI) the package root is one level up; from src/cli/ (in-process
// tests) two levels.
const candidates = ['../package.json', '../../package.json'];

const versionIn = (relative: string): string | undefined => {
  try {
    const manifest = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: unknown; version?: unknown };
    return manifest.name === 'blinger-webhooks' && typeof manifest.version === 'string' ? manifest.version : undefined;
  } catch {
    return undefined;
  }
};

/** The installed package's version, or `unknown` when its package.json cannot be read. */
export const packageVersion = (): string => {
  for (const relative of candidates) {
    const version = versionIn(relative);
    if (version !== undefined) return version;
  }
  return 'unknown';
};
