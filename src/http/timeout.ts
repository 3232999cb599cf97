/**
 * Racing a promise against a clock: waiting for a callback under `acknowledge: { timeoutMs }`.
 * Body reads use the shared clock of deadline.ts instead, since they run for every delivery.
 *
 * @module
 */

/** What became of a promise given a deadline. */
export type Deadline<T> = { readonly settled: true; readonly value: T } | { readonly settled: false };

const EXPIRED: Deadline<never> = { settled: false };

/**
 * Waits for `promise` at most `timeoutMs` milliseconds. The timer is cleared as soon as `promise`
 * settles; `promise` itself keeps running after a timeout (the caller decides what to do with it).
 * `promise` must not reject (every caller passes one that resolves with an outcome): one promise
 * and one timer per call, no `Promise.race`, since this runs for every delivery whose callback
 * returned a promise.
 */
export const withTimeout = <T>(promise: Promise<T>, timeoutMs: number): Promise<Deadline<T>> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve(EXPIRED), timeoutMs);
    void promise.then((value) => {
      clearTimeout(timer);
      resolve({ settled: true, value });
    });
  });
