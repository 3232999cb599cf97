/**
 * What the `dedupe` adapter option needs from a store, and the option itself.
 *
 * @module
 */

/**
 * Where delivery keys are claimed. Two operations, both atomic in the store: with Redis,
 * `SET key 1 NX PX ttlMs` and `DEL key` (see docs/scaling.md); in one process,
 * {@link createMemoryDedupeStore}.
 *
 * @category Deduplication
 * @since 0.2.0
 */
export interface DedupeStore {
  /**
   * Claims `key` for `ttlMs` milliseconds.
   *
   * @returns `true` when this call claimed the key; `false` when it was already claimed and has not
   * expired or been released.
   * @throws Or rejects, when the store cannot be reached: the adapter then answers 503 and does not run
   * the callback.
   */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Gives `key` up, so that the next delivery with it is processed (called when the callback failed). */
  release(key: string): Promise<void>;
}

/**
 * The adapter option `dedupe`: each delivery's callback runs at most once while its key is claimed,
 * across every instance that shares the store. The key is {@link deliveryKey}.
 *
 * - key not claimed yet: claimed, then the callback runs as `acknowledge` says;
 * - key already claimed (a copy, a retry of a delivery processed or in progress): 200, callback not run;
 * - callback fails: the key is released and the answer is 500, so the sender's retry is processed;
 * - store fails (`claim` rejects): 503 and the callback does not run. This chooses exactly-once over
 *   availability: while the store is down nothing is processed, and Blinger is asked to retry. To choose
 *   availability instead, give a store whose `claim` resolves `true` on its own errors (and logs them):
 *   deliveries then keep flowing and a duplicate may run twice while the store is down.
 *
 * @category Deduplication
 * @since 0.2.0
 */
export interface DedupeOptions {
  /** Where keys are claimed: shared by every instance (Redis) or per process ({@link createMemoryDedupeStore}). */
  readonly store: DedupeStore;
  /**
   * How long a claimed key stays claimed, in milliseconds: duplicates arriving later are processed
   * again. Blinger documents no retry policy; a day covers the retry windows of common senders.
   * An adapter given a value that is not a positive integer throws a `TypeError` when it is made.
   *
   * @defaultValue 86 400 000 (24 hours, {@link DEFAULT_DEDUPE_TTL_MS})
   */
  readonly ttlMs?: number;
  /**
   * Called when the store fails: `claim` rejected (the delivery was answered 503), or `release`
   * rejected after a failed callback (the key stays claimed until `ttlMs`, so a retry within that time
   * is answered 200 without running the callback: replay the delivery by hand).
   *
   * @defaultValue `console.error`
   */
  readonly onStoreError?: (error: unknown, key: string) => void;
}

/**
 * 24 hours, in milliseconds: the default {@link DedupeOptions.ttlMs}.
 *
 * @category Deduplication
 * @since 0.2.0
 */
export const DEFAULT_DEDUPE_TTL_MS = 24 * 60 * 60 * 1000;
