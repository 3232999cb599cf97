/**
 * The documentation's links lead somewhere: every relative link of README.md and docs/ names a file
 * (or folder) of the repository and, with a `#fragment`, a heading of that page; every guide is
 * reachable from the documentation index or the README; the pages speak to users (no internal issue
 * numbers or commit hashes) and give one command to generate the URL secret.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { documentationFiles } from './markdown.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pages = documentationFiles(root);

/** The page's text without its fenced code blocks, whose contents are code, not Markdown. */
const prose = (page: string): string =>
  readFileSync(join(root, page), 'utf8').replace(/^\s*(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\s*\1[`~]*\s*$/gm, '');

/** GitHub's anchors: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
const anchors = (page: string): Set<string> => {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const [, heading = ''] of prose(page).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const text = heading.replace(/`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const base = text.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
};

const links = (page: string): string[] =>
  [...prose(page).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((match) => match[1]!).filter((target) => !/^[a-z]+:/i.test(target));

describe('README.md and docs/', () => {
  it('link to files of the repository and headings of those pages', () => {
    const broken: string[] = [];
    for (const page of pages) {
      for (const link of links(page)) {
        const [path = '', fragment] = link.split('#');
        const target = path === '' ? page : normalize(join(dirname(page), decodeURIComponent(path))).split('\\').join('/');
        if (!existsSync(join(root, target))) {
          broken.push(`${page}: ${link} (no ${target})`);
        } else if (fragment !== undefined && target.endsWith('.md') && statSync(join(root, target)).isFile()) {
          if (!anchors(target).has(fragment)) broken.push(`${page}: ${link} (no heading #${fragment} in ${target})`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('speak to users: no internal issue numbers or commit hashes', () => {
    const internal = pages.flatMap((page) =>
      [...prose(page).matchAll(/\b(?:issues? #?\d+|commits? [0-9a-f]{7,40}|[0-9a-f]{7,40} \(commit\))/gi)].map((match) => `${page}: ${match[0]}`),
    );
    expect(internal).toEqual([]);
  });

  it('give one way to generate the URL secret, the same in README.md and docs/security.md', () => {
    const commands = (page: string) => readFileSync(join(root, page), 'utf8').match(/node -e "[^"\n]*(?:random|crypto)[^"\n]*"/g) ?? [];
    const readme = commands('README.md');
    expect(readme).toHaveLength(1);
    expect(commands('docs/security.md')).toEqual(readme);
    // base64url: no `+`, `/` or `=` to escape in the webhook URL.
    expect(readme[0]).toContain("toString('base64url')");
    for (const page of pages.filter((page) => page !== 'README.md' && page !== 'docs/security.md')) {
      for (const command of commands(page)) expect(command, page).toBe(readme[0]);
    }
  });

  it('reach every guide from docs/README.md or README.md', () => {
    const linked = new Set(
      ['README.md', 'docs/README.md'].flatMap((index) =>
        links(index).map((link) => normalize(join(dirname(index), link.split('#')[0]!)).split('\\').join('/')),
      ),
    );
    const unlinked = pages.filter((page) => page.startsWith('docs/') && page !== 'docs/README.md' && !linked.has(page));
    expect(unlinked).toEqual([]);
  });
});
