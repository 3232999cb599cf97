import { describe, expect, it } from 'vitest';
import { startDeadline } from '../../src/http/deadline.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a deadline and resolves with how long after its start it expired. */
const expiry = (timeoutMs: number): Promise<number> =>
  new Promise((resolve) => {
    const started = performance.now();
    startDeadline(timeoutMs, () => resolve(performance.now() - started));
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
    startDeadline(50, () => {
      expired = true;
    }).cancel();
    await sleep(200);
    expect(expired).toBe(false);
  });

  it('expires exactly the reads not cancelled, in the order they began, each once', async () => {
    const expired: number[] = [];
    const deadlines = Array.from({ length: 40 }, (_, index) => startDeadline(60, () => expired.push(index)));
    deadlines.forEach((deadline, index) => {
      if (index % 3 === 0) deadline.cancel();
    });
    await sleep(300);
    const expected = Array.from({ length: 40 }, (_, index) => index).filter((index) => index % 3 !== 0);
    expect(expired).toEqual(expected);
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
