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
