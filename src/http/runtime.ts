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
 * Next.js's Node.js server: `next start` or `next dev` (whose `next` command sets `NEXT_RUNTIME`),
 * or the `server.js` of `output: 'standalone'` (which sets its config in the environment). Read
 * from `globalThis` at run time, where a bundler cannot replace it with a build-time value. A
 * custom server that calls `next()` itself is not recognised.
 */
export const isNextNodeServer = (): boolean => {
  // Asking Deno for an environment variable may prompt for a permission, or throw without one.
  if ('Deno' in globalThis) return false;
  try {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    return env?.NEXT_RUNTIME === 'nodejs' || env?.__NEXT_PRIVATE_STANDALONE_CONFIG !== undefined;
  } catch {
    return false;
  }
};
