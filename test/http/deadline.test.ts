import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { startDeadline } from '../../src/http/deadline.js';

/** A deadline that calls `expire` (the body reads pass themselves as the target). */
const startExpiring = (timeoutMs: number, expire: () => void) => startDeadline(timeoutMs, { expire });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a deadline and resolves with how long after its start it expired. */
const expiry = (timeoutMs: number): Promise<number> =>
  new Promise((resolve) => {
    const started = performance.now();
    startExpiring(timeoutMs, () => resolve(performance.now() - started));
  });

describe('startDeadline (the body reads\u2019 shared clock)', () => {
  it('expires no earlier than its time limit and at most about two ticks later', async () => {
    const elapsed = await expiry(200);
    expect(elapsed).toBeGreaterThanOrEqual(199);
    // A tick is 20 ms for a 200 ms limit; the rest is slack for a loaded machine.
    expect(elapsed).toBeLessThan(200 + 2 * 20 + 400);
  });

  it('never expires once cancelled', async () => {
    let expired = false;
    startExpiring(50, () => {
      expired = true;
    }).cancel();
    await sleep(200);
    expect(expired).toBe(false);
  });

  it('expires exactly the reads not cancelled, in the order they began, each once', async () => {
    const expired: number[] = [];
    const deadlines = Array.from({ length: 40 }, (_, index) => startExpiring(60, () => expired.push(index)));
    deadlines.forEach((deadline, index) => {
      if (index % 3 === 0) deadline.cancel();
    });
    await sleep(300);
    const expected = Array.from({ length: 40 }, (_, index) => index).filter((index) => index % 3 !== 0);
    expect(expired).toEqual(expected);
  });

  it('keeps the rest in order whichever reads are cancelled, first, last or in between, and in any order', async () => {
    const expired: number[] = [];
    const deadlines = Array.from({ length: 30 }, (_, index) => startExpiring(40, () => expired.push(index)));
    // The first, the last, a run in the middle, cancelled out of order, one of them twice.
    for (const index of [29, 0, 15, 14, 16, 1, 28, 15]) deadlines[index]!.cancel();
    await sleep(250);
    const cancelled = new Set([29, 0, 15, 14, 16, 1, 28]);
    expect(expired).toEqual(Array.from({ length: 30 }, (_, index) => index).filter((index) => !cancelled.has(index)));
  });

  it('lets an expiry start a new read and cancel another one still pending', async () => {
    const events: string[] = [];
    let second: ReturnType<typeof startDeadline> | undefined;
    startExpiring(30, () => {
      events.push('first');
      second?.cancel();
      startExpiring(30, () => events.push('started by first'));
    });
    second = startExpiring(30, () => events.push('second'));
    await sleep(250);
    expect(events).toEqual(['first', 'started by first']);
  });

  it('keeps nothing of a cancelled read: a finished body read is garbage at once, not at the next tick', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    // A limit whose tick (1 s) is far off, with another read still pending so the clock runs.
    const pending = startExpiring(10_000, () => undefined);
    let finished: ReturnType<typeof startDeadline> | undefined = startExpiring(10_000, () => undefined);
    const collected = new WeakRef(finished);
    finished.cancel();
    finished = undefined;
    await sleep(0);
    gc();
    expect(collected.deref()).toBeUndefined();
    pending.cancel();
  });

  it('stops its timer once no read is pending, so an idle process can exit', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    // The clocks of the tests above stop at their next tick.
    await sleep(200);
    const before = timers();
    const deadlines = Array.from({ length: 5 }, () => startExpiring(70, () => undefined));
    expect(timers()).toBe(before + 1);
    for (const deadline of deadlines) deadline.cancel();
    // The timer notices at its next tick (7 ms here).
    await sleep(100);
    expect(timers()).toBe(before);
  });

  it('starts its clock again after an idle spell, and keeps time limits apart', async () => {
    expect(await expiry(30)).toBeGreaterThanOrEqual(29);
    await sleep(100);
    const [short, long] = await Promise.all([expiry(30), expiry(150)]);
    expect(short).toBeGreaterThanOrEqual(29);
    expect(short).toBeLessThan(150);
    expect(long).toBeGreaterThanOrEqual(149);
  });

  it('never expires early, whatever the limit (limits whose tenth is not a whole millisecond included)', async () => {
    for (const timeoutMs of [55, 123.4, 61.7]) {
      const elapsed = await Promise.all(Array.from({ length: 100 }, () => expiry(timeoutMs)));
      expect(Math.min(...elapsed)).toBeGreaterThanOrEqual(timeoutMs);
    }
  });
});
