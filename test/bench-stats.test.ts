import { describe, expect, it } from 'vitest';
import { median, medianInterval, swappedPairs } from '../bench/http/stats.js';

describe('bench:http statistics', () => {
  it('median: odd, even, unsorted, empty', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('medianInterval: 12 rounds give the 3rd and 10th values, at 96.1%', () => {
    const rounds = [1.11, 1.03, 1.12, 0.96, 0.68, 1.1, 1.07, 1.09, 1.15, 1.03, 1.15, 1.05];
    const interval = medianInterval(rounds);
    expect(interval).not.toBeNull();
    expect(interval!.low).toBe(1.03);
    expect(interval!.high).toBe(1.12);
    expect(interval!.confidence).toBeCloseTo(1 - 2 * (79 / 4096), 10);
  });

  it('medianInterval: too few rounds for the level give null; 6 is the least for 95%', () => {
    expect(medianInterval([1, 2, 3, 4, 5])).toBeNull();
    expect(medianInterval([6, 5, 4, 3, 2, 1])).toEqual({ low: 1, high: 6, confidence: 1 - 2 / 64 });
  });

  it('medianInterval: covers the true median about as often as it claims (simulated)', () => {
    // Deterministic pseudo-random draws (MINSTD: products stay exact in a double), so the test cannot flake.
    let seed = 42;
    const random = () => {
      seed = (seed * 48_271) % 2_147_483_647;
      return seed / 2_147_483_647;
    };
    let covered = 0;
    const trials = 4000;
    for (let trial = 0; trial < trials; trial++) {
      // Skewed (exponential) draws with median ln 2.
      const values = Array.from({ length: 12 }, () => -Math.log(1 - random()));
      const interval = medianInterval(values)!;
      if (interval.low <= Math.LN2 && Math.LN2 <= interval.high) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.94);
    expect(covered / trials).toBeLessThan(0.985);
  });

  it('swappedPairs: the geometric mean of each pair of rounds cancels a difference between the two processes', () => {
    // One process reads every ratio 10% high, the other 10% low: each pair gives the true 1.05.
    const rounds = [1.05 * 1.1, 1.05 / 1.1, 1.05 * 1.1, 1.05 / 1.1, 1.2];
    const pairs = swappedPairs(rounds);
    expect(pairs).toHaveLength(2);
    for (const pair of pairs) expect(pair).toBeCloseTo(1.05, 12);
    expect(swappedPairs([1.1])).toEqual([]);
  });
});
