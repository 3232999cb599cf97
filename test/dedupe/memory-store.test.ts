import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryDedupeStore } from '../../src/index.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('createMemoryDedupeStore', () => {
  it('claims a key once until it is released', async () => {
    const store = createMemoryDedupeStore();
    expect(await store.claim('a', 60_000)).toBe(true);
    expect(await store.claim('a', 60_000)).toBe(false);
    expect(await store.claim('b', 60_000)).toBe(true);
    await store.release('a');
    expect(await store.claim('a', 60_000)).toBe(true);
    expect(await store.claim('b', 60_000)).toBe(false);
  });

  it('gives 20 concurrent claims of one key exactly one true', async () => {
    const store = createMemoryDedupeStore();
    const results = await Promise.all(Array.from({ length: 20 }, () => store.claim('same', 1000)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('lets a claim expire after ttlMs, not before', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const store = createMemoryDedupeStore();
    expect(await store.claim('a', 1000)).toBe(true);
    vi.advanceTimersByTime(999);
    expect(await store.claim('a', 1000)).toBe(false);
    vi.advanceTimersByTime(1);
    expect(await store.claim('a', 1000)).toBe(true);
  });

  it('holds at most maxEntries keys, forgetting the oldest claim first', async () => {
    const store = createMemoryDedupeStore({ maxEntries: 3 });
    for (const key of ['a', 'b', 'c', 'd']) expect(await store.claim(key, 60_000)).toBe(true);
    // 'a' was evicted to make room for 'd'; the three newest are still claimed.
    expect(await store.claim('b', 60_000)).toBe(false);
    expect(await store.claim('c', 60_000)).toBe(false);
    expect(await store.claim('d', 60_000)).toBe(false);
    expect(await store.claim('a', 60_000)).toBe(true);
    expect(await store.claim('b', 60_000)).toBe(true);
  });

  it('stays bounded under a million distinct keys', { timeout: 30_000 }, async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const store = createMemoryDedupeStore({ maxEntries: 1000 });
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 1_000_000; i++) await store.claim(`on_message_incoming/${i}/${i}`, 60_000);
    gc();
    // 1000 keys cost tens of kilobytes; a million unbounded ones would cost over 50 MB.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(20 * 1024 * 1024);
    expect(await store.claim('on_message_incoming/999999/999999', 60_000)).toBe(false);
    expect(await store.claim('on_message_incoming/0/0', 60_000)).toBe(true);
  });

  it('drops expired claims as new ones arrive', async () => {
    vi.useFakeTimers({ now: 0 });
    const store = createMemoryDedupeStore({ maxEntries: 2 });
    await store.claim('old-1', 10);
    await store.claim('old-2', 10);
    vi.advanceTimersByTime(10);
    // Both old claims have expired, so two new ones fit without evicting anything live.
    expect(await store.claim('new-1', 1000)).toBe(true);
    expect(await store.claim('new-2', 1000)).toBe(true);
    expect(await store.claim('new-1', 1000)).toBe(false);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects maxEntries %s with a RangeError', (maxEntries) => {
    expect(() => createMemoryDedupeStore({ maxEntries })).toThrow(RangeError);
  });
});
