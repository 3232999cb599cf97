/**
 * Telling the runtimes apart where their HTTP layers behave differently.
 *
 * @module
 */

/** Cloudflare Workers (workerd), which says so in `navigator.userAgent`. */
export const isCloudflareWorkers = (): boolean =>
  typeof navigator !== 'undefined' && (navigator as { userAgent?: unknown }).userAgent === 'Cloudflare-Workers';

/** Bun, which defines its `Bun` global. */
export const isBun = (): boolean => 'Bun' in globalThis;

/**
 * Next.js's Node.js server (`next start`, `next dev`), whose `next` command sets `NEXT_RUNTIME`.
 * Read from `globalThis` at run time, where a bundler cannot replace it with a build-time value.
 */
export const isNextNodeServer = (): boolean =>
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.NEXT_RUNTIME === 'nodejs';
