/**
 * Every relative link in the Markdown the package ships (the README a reader sees on the package
 * page, the docs and examples it links to, the changelog) leads to a file inside the tarball, and
 * every `#anchor` to a heading of its page. The project has no repository URL yet, so a link to a
 * file that is not shipped would be dead for everyone who installs the package.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pack, run, type Tarball } from './packed.js';

let work = '';
let unpacked = '';
let tarball: Tarball;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'blinger-webhooks-links-'));
  tarball = pack(work);
  unpacked = join(work, 'package');
  mkdirSync(unpacked);
  run('tar', ['-xzf', tarball.path, '-C', unpacked, '--strip-components=1']);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The text outside fenced code blocks. */
const withoutFences = (markdown: string): string =>
  markdown.replace(/^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?^ {0,3}\2[`~]*[ \t]*$/gm, '');

/** The text outside fenced code blocks and code spans, where Markdown links are links. */
const prose = (markdown: string): string => withoutFences(markdown).replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, '');

/** Link destinations: inline links and images, reference definitions, HTML href and src. */
export const linkTargets = (markdown: string): string[] => {
  const text = prose(markdown);
  return [
    ...[...text.matchAll(/\]\(\s*<([^>]*)>/g)].map((match) => match[1]!),
    ...[...text.matchAll(/\]\(\s*([^\s)<][^\s)]*)/g)].map((match) => match[1]!),
    ...[...text.matchAll(/^ {0,3}\[[^\]\n]+\]:[ \t]*(?:<([^>\n]*)>|([^\s<]\S*))/gm)].map((match) => (match[1] ?? match[2])!),
    ...[...text.matchAll(/\b(?:href|src)\s*=\s*["']([^"']+)["']/g)].map((match) => match[1]!),
  ];
};

const isRelative = (target: string): boolean => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('//');

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export const headingAnchors = (markdown: string): Set<string> => {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const match of withoutFences(markdown).matchAll(/^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const text = match[1]!.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*]/g, '');
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
};

/** Why `target`, linked from `page`, does not work inside the package; undefined when it does. */
const brokenLink = (page: string, target: string, files: ReadonlySet<string>): string | undefined => {
  const [path = '', anchor] = target.split('#', 2);
  const file = path === '' ? page : posix.normalize(posix.join(posix.dirname(page), decodeURI(path.split('?')[0]!)));
  if (file.startsWith('../') || posix.isAbsolute(file)) return 'points outside the package';
  const isDirectory = [...files].some((shipped) => shipped.startsWith(`${file.replace(/\/$/, '')}/`));
  if (!files.has(file) && !isDirectory) return `${file} is not in the package`;
  if (anchor !== undefined && anchor !== '' && file.endsWith('.md')) {
    if (!headingAnchors(readFileSync(join(unpacked, file), 'utf8')).has(anchor)) return `${file} has no heading #${anchor}`;
  }
  return undefined;
};

describe('links in the shipped Markdown', () => {
  it('finds links the way Markdown does', () => {
    const sample = [
      'See [the guide](docs/a.md#setup), ![logo](img/logo.png "Logo") and [site](https://example.com).',
      '`[not](a-link.md)` and',
      '```md',
      '[not](either.md)',
      '```',
      '[ref]: <docs/b c.md>',
      '<a href="examples/x.mjs">x</a>',
    ].join('\n');
    expect(linkTargets(sample).sort()).toEqual(['docs/a.md#setup', 'docs/b c.md', 'examples/x.mjs', 'https://example.com', 'img/logo.png'].sort());
    expect([...headingAnchors('# The HTTP contract\n## `toFetchHandler(options)`\n## Set-up: step 1\n## Set-up: step 1')]).toEqual([
      'the-http-contract',
      'tofetchhandleroptions',
      'set-up-step-1',
      'set-up-step-1-1',
    ]);
  });

  it('ships Markdown with relative links to check, the README first', () => {
    const pages = tarball.files.filter((file) => file.endsWith('.md'));
    expect(pages).toEqual(expect.arrayContaining(['README.md', 'CHANGELOG.md', 'docs/README.md']));
    const readme = linkTargets(readFileSync(join(unpacked, 'README.md'), 'utf8')).filter(isRelative);
    expect(readme.length).toBeGreaterThan(5);
  });

  it('leads every relative link to a file in the package and every anchor to a heading', () => {
    const files = new Set(tarball.files);
    const broken: string[] = [];
    for (const page of tarball.files.filter((file) => file.endsWith('.md'))) {
      for (const target of linkTargets(readFileSync(join(unpacked, page), 'utf8')).filter(isRelative)) {
        const reason = brokenLink(page, target, files);
        if (reason !== undefined) broken.push(`${page}: (${target}) ${reason}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
