/**
 * A {@link DedupeStore} in one process's memory.
 *
 * @module
 */
import type { DedupeStore } from './store.js';

/**
 * Options of {@link createMemoryDedupeStore}.
 *
 * @category Deduplication
 * @since 0.2.0
 */
export interface MemoryDedupeStoreOptions {
  /**
   * Most keys held at once. When full, the oldest claim is forgotten first, so a duplicate of a very old
   * delivery may run again; each key costs about 150 bytes.
   *
   * @defaultValue 100 000 ({@link DEFAULT_MAX_DEDUPE_ENTRIES}, about 15 MB)
   */
  readonly maxEntries?: number;
}

/**
 * The default {@link MemoryDedupeStoreOptions.maxEntries}.
 *
 * @category Deduplication
 * @since 0.2.0
 */
export const DEFAULT_MAX_DEDUPE_ENTRIES = 100_000;

/**
 * A dedupe store for a single process: claims live in a `Map` and end after their `ttlMs` or when
 * released. It does not deduplicate across instances or restarts: for that use a shared store such as
 * Redis (docs/scaling.md).
 *
 * Memory stays bounded: expired claims are dropped as new ones arrive, and at most `maxEntries` are
 * kept. Both operations run in constant time (amortised).
 *
 * @throws RangeError when `maxEntries` is not a positive integer.
 *
 * @category Deduplication
 * @since 0.2.0
 */
export const createMemoryDedupeStore = (options: MemoryDedupeStoreOptions = {}): DedupeStore => {
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_DEDUPE_ENTRIES;
  if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) {
    throw new RangeError(`maxEntries must be a positive integer, got ${String(maxEntries)}`);
  }
  // Insertion order is claim order; with one ttl for every key it is also expiry order, so the
  // oldest entries are both the first to expire and the first to evict.
  const expiries = new Map<string, number>();

  const dropExpired = (now: number): void => {
    for (const [key, expiresAt] of expiries) {
      if (expiresAt > now) return;
      expiries.delete(key);
    }
  };

  const claim = (key: string, ttlMs: number): boolean => {
    const now = Date.now();
    dropExpired(now);
    const expiresAt = expiries.get(key);
    if (expiresAt !== undefined && expiresAt > now) return false;
    expiries.delete(key);
    expiries.set(key, now + ttlMs);
    if (expiries.size > maxEntries) expiries.delete(expiries.keys().next().value as string);
    return true;
  };

  return {
    claim: (key, ttlMs) => Promise.resolve(claim(key, ttlMs)),
    release: (key) => {
      expiries.delete(key);
      return Promise.resolve();
    },
  };
};
