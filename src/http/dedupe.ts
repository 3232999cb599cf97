/**
 * The `dedupe` option's logic, kept apart from the HTTP core: claim the delivery's key before the
 * callback runs, release it when the callback fails.
 *
 * @module
 */
import { DEFAULT_DEDUPE_TTL_MS, type DedupeOptions } from '../dedupe/store.js';
import type { MaybePromise } from './maybe-promise.js';

/** What {@link claimDelivery} decided. */
export type ClaimOutcome =
  /** This instance claimed the key: `run` runs the callback and releases the key if it fails. */
  | { readonly kind: 'claimed'; readonly run: () => Promise<boolean> }
  /** The key was already claimed: a copy or retry of a delivery processed (or being processed) elsewhere. */
  | { readonly kind: 'duplicate' }
  /** The store failed: the callback must not run (the store's error was reported). */
  | { readonly kind: 'store_failed' };

const reportToConsole = (error: unknown, key: string): void => {
  console.error(`[blinger-webhooks] dedupe store failed for delivery ${key}:`, error);
};

const report = (dedupe: DedupeOptions, error: unknown, key: string): void => {
  try {
    (dedupe.onStoreError ?? reportToConsole)(error, key);
  } catch {
    // A logging hook must not change the answer.
  }
};

/**
 * Claims `key` in the store and, when this call got it, hands back `run` wrapped so that a failed
 * callback releases the key. Never rejects: store errors become `store_failed` and go to `onStoreError`.
 *
 * @param run - Runs the callback; resolves `true` when it succeeded, never rejects.
 */
export const claimDelivery = async (
  dedupe: DedupeOptions,
  key: string,
  run: () => MaybePromise<boolean>,
): Promise<ClaimOutcome> => {
  // ttlMs was checked when the adapter was made (settingsFrom).
  const ttlMs = dedupe.ttlMs ?? DEFAULT_DEDUPE_TTL_MS;
  let claimed: boolean;
  try {
    claimed = await dedupe.store.claim(key, ttlMs);
  } catch (error) {
    report(dedupe, error, key);
    return { kind: 'store_failed' };
  }
  if (typeof claimed !== 'boolean') {
    // A store answering 'OK' or 1 would otherwise silently drop every delivery as a duplicate.
    report(dedupe, new TypeError(`dedupe store claim() must resolve a boolean, got ${typeof claimed}`), key);
    return { kind: 'store_failed' };
  }
  if (!claimed) return { kind: 'duplicate' };
  const runThenRelease = async (): Promise<boolean> => {
    const succeeded = await run();
    if (!succeeded) {
      try {
        await dedupe.store.release(key);
      } catch (error) {
        report(dedupe, error, key);
      }
    }
    return succeeded;
  };
  return { kind: 'claimed', run: runThenRelease };
};
