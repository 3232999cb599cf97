/**
 * The endpoint's steps answer at once when they have nothing to wait for, and with a promise
 * otherwise. Most deliveries wait only for their body and run a synchronous callback: each
 * `async` step in between cost CPU time on every request (measured with `npm run bench:http`).
 *
 * @module
 */

/** A value now, or a promise of it. */
export type MaybePromise<T> = T | Promise<T>;

/** Whether `value` is something to wait for: a promise, or any thenable a user callback returns. */
export const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  ((typeof value === 'object' && value !== null) || typeof value === 'function') &&
  typeof (value as { then?: unknown }).then === 'function';

/**
 * Whether a step's result is still to come. A structural test, not `instanceof Promise`: an
 * application that replaces the global `Promise` (Bluebird, a polyfill) makes `instanceof` fail
 * for the native promises that `async` functions return.
 */
export const isPending = <T>(value: MaybePromise<T>): value is Promise<T> => isThenable(value);
