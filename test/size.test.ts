/**
 * The size budget of the root entry (scripts/size.mjs) holds. Needs dist/, which `npm test`
 * builds first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface SizeReport {
  entry: string;
  minified: number;
  gzipped: number;
  budget: number;
  ok: boolean;
}

const runSize = (...args: string[]) => {
  const result = spawnSync(process.execPath, ['scripts/size.mjs', '--json', ...args], { encoding: 'utf8' });
  return { status: result.status, report: JSON.parse(result.stdout) as SizeReport };
};

describe('size budget of dist/index.js (minified, gzipped, without io-ts and fp-ts)', () => {
  it('has a build to measure (run npm run build)', () => {
    expect(existsSync('dist/index.js')).toBe(true);
  });

  it('stays within the budget', () => {
    const { status, report } = runSize();
    expect(report.gzipped, `${report.gzipped} B gzipped, budget ${report.budget} B`).toBeLessThanOrEqual(report.budget);
    expect(report.gzipped).toBeGreaterThan(1000); // it measured the package, not an empty file
    expect(status).toBe(0);
  });

  it('fails when the size is above the budget', () => {
    const { status, report } = runSize('--budget', '1000');
    expect(report.ok).toBe(false);
    expect(status).toBe(1);
  });
});
