/**
 * The one race against a clock that the endpoint runs (reading a body, waiting for a callback).
 *
 * @module
 */

/** What became of a promise given a deadline. */
export type Deadline<T> = { readonly settled: true; readonly value: T } | { readonly settled: false };

/**
 * Waits for `promise` at most `timeoutMs` milliseconds. The timer is cleared as soon as either
 * side wins; `promise` itself keeps running (the caller decides what to do with it).
 */
export const withTimeout = async <T>(promise: Promise<T>, timeoutMs: number): Promise<Deadline<T>> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<Deadline<T>>((resolve) => {
    timer = setTimeout(() => resolve({ settled: false }), timeoutMs);
  });
  try {
    return await Promise.race([promise.then((value): Deadline<T> => ({ settled: true, value })), expired]);
  } finally {
    clearTimeout(timer);
  }
};
