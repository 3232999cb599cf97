/**
 * CHANGELOG.md keeps the Keep a Changelog shape (https://keepachangelog.com/en/1.1.0/) that
 * release tooling and readers rely on, and agrees with package.json's version.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './packed.js';

const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

interface Release {
  readonly heading: string;
  readonly version: string | null;
  readonly date: string | null;
  readonly body: string;
}

const releases: Release[] = changelog
  .split(/^## /m)
  .slice(1)
  .map((section) => {
    const [heading = '', ...rest] = section.split('\n');
    const released = /^\[(\d+\.\d+\.\d+(?:-[\w.]+)?)\] - (\d{4}-\d{2}-\d{2})$/.exec(heading);
    return { heading, version: released?.[1] ?? null, date: released?.[2] ?? null, body: rest.join('\n') };
  });

const semver = (value: string): number[] => value.split(/[.-]/).slice(0, 3).map(Number);
const newer = (a: string, b: string): boolean => {
  const [x, y] = [semver(a), semver(b)];
  for (let i = 0; i < 3; i += 1) if (x[i] !== y[i]) return x[i]! > y[i]!;
  return false;
};

describe('CHANGELOG.md', () => {
  it('starts with a title and an Unreleased section, then releases as "[x.y.z] - YYYY-MM-DD"', () => {
    expect(changelog.startsWith('# Changelog\n')).toBe(true);
    expect(releases[0]?.heading).toBe('[Unreleased]');
    expect(releases.length).toBeGreaterThan(1);
    for (const release of releases.slice(1)) {
      expect(release.version, release.heading).not.toBeNull();
      expect(Number.isNaN(Date.parse(release.date!)), release.heading).toBe(false);
    }
  });

  it('lists releases newest first, 0.1.0 included', () => {
    const versions = releases.slice(1).map((release) => release.version!);
    expect(versions).toContain('0.1.0');
    for (let i = 1; i < versions.length; i += 1) expect(newer(versions[i - 1]!, versions[i]!), versions.join(' ')).toBe(true);
  });

  it('groups changes under the six Keep a Changelog kinds only, each with entries', () => {
    const kinds = ['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'];
    for (const release of releases) {
      for (const group of release.body.split(/^### /m).slice(1)) {
        const [kind = '', ...entries] = group.split('\n');
        expect(kinds, `${release.heading}: ### ${kind}`).toContain(kind.trim());
        expect(entries.some((line) => line.startsWith('- ')), `${release.heading}: ### ${kind} is empty`).toBe(true);
      }
    }
  });

  it("has package.json's version released, or about to be: newer than every release, with Unreleased changes", () => {
    const released = releases.slice(1).map((release) => release.version!);
    if (released.includes(version)) {
      expect(releases.find((release) => release.version === version)!.body).toMatch(/^- /m);
      return;
    }
    expect(released.every((previous) => newer(version, previous)), `${version} vs ${released.join(', ')}`).toBe(true);
    expect(releases[0]!.body).toMatch(/^- /m);
  });
});
