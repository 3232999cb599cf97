/**
 * The statistics `npm run bench:http` reports for the per-round ratios: their median, and a
 * distribution-free confidence interval for that median, so that a run says how far to trust it.
 */

/** The median of `values` (the mean of the middle two for an even count); `NaN` for none. */
export const median = (values: readonly number[]): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** P(X ≤ k) for X ~ Binomial(n, 1/2). */
const binomialHalfCdf = (n: number, k: number): number => {
  let term = 0.5 ** n;
  let sum = 0;
  for (let i = 0; i <= k; i++) {
    sum += term;
    term = (term * (n - i)) / (i + 1);
  }
  return sum;
};

/** A confidence interval for a median, and the confidence it actually has (at least the one asked). */
export interface MedianInterval {
  readonly low: number;
  readonly high: number;
  readonly confidence: number;
}

/**
 * The order-statistic confidence interval for the median of the distribution `values` were drawn
 * from (independent rounds, no assumption on their distribution): the k-th smallest and k-th
 * largest value, with k the largest such that each bound misses with probability ≤ (1 − level)/2.
 * With 12 rounds and level 0.95 that is the 3rd and 10th value (96.1%). `null` when there are too
 * few values for the level (fewer than 6 for 0.95).
 */
export const medianInterval = (values: readonly number[], level = 0.95): MedianInterval | null => {
  const n = values.length;
  const tail = (1 - level) / 2;
  let k = 0;
  while (k + 1 <= n && binomialHalfCdf(n, k) <= tail) k++;
  if (k === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return { low: sorted[k - 1]!, high: sorted[n - k]!, confidence: 1 - 2 * binomialHalfCdf(n, k - 1) };
};

/**
 * The ratios of `--at-once` rounds taken in pairs: round 2i runs the adapter in one server process
 * and round 2i+1 in the other, so the geometric mean of each pair cancels whatever makes one
 * process faster than the other (V8 compiled one of them differently: 0.91 and 1.02 in turn for
 * Hono on 2026-12-08). An odd last round is left out.
 */
export const swappedPairs = (ratios: readonly number[]): number[] => {
  const pairs: number[] = [];
  for (let i = 0; i + 1 < ratios.length; i += 2) pairs.push(Math.sqrt(ratios[i]! * ratios[i + 1]!));
  return pairs;
};
