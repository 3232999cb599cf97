import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'blinger-typedoc-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

interface Comment {
  readonly blockTags?: ReadonlyArray<{ readonly tag: string; readonly content: ReadonlyArray<{ readonly text: string }> }>;
}

interface Reflection {
  readonly name: string;
  readonly children?: readonly Reflection[];
  readonly categories?: ReadonlyArray<{ readonly title: string; readonly children: readonly number[] }>;
  readonly comment?: Comment;
  readonly signatures?: ReadonlyArray<{ readonly comment?: Comment }>;
}

/** The text of each `tag` block on `reflection` (or on its first call signature, for a function). */
const tagsOf = (reflection: Reflection, tag: string): string[] =>
  [...(reflection.comment?.blockTags ?? []), ...(reflection.signatures?.[0]?.comment?.blockTags ?? [])]
    .filter((block) => block.tag === tag)
    .map((block) => block.content.map((part) => part.text).join('').trim());

describe('API documentation (npm run docs)', () => {
  let run: SpawnSyncReturns<string>;
  beforeAll(() => {
    // typedoc.json turns on validation (notExported, invalidLink, notDocumented) and makes every
    // warning fatal for `npm run docs`; here warnings are only reported, so that the site and its
    // JSON are still written and both tests below can say what is wrong.
    run = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules/typedoc/bin/typedoc'),
        '--treatWarningsAsErrors',
        'false',
        '--out',
        join(out, 'html'),
        '--json',
        join(out, 'api.json'),
      ],
      { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
  });

  it('builds without a single warning: every export documented, every link resolved', () => {
    expect(run.stdout + run.stderr).not.toMatch(/\[warning\]|\[error\]/);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(existsSync(join(out, 'html', 'index.html'))).toBe(true);
  });

  it('documents every runtime export of every entry point', async () => {
    const api = JSON.parse(readFileSync(join(out, 'api.json'), 'utf8')) as Reflection;
    const documented = (module: string) =>
      new Set(api.children?.find((child) => child.name === module)?.children?.map((child) => child.name));
    const entries = [
      ['index', await import('../src/index.js')],
      ['testing', await import('../src/testing/index.js')],
      ['testing/arbitraries', await import('../src/testing/arbitraries/index.js')],
      ['api', await import('../src/api/index.js')],
    ] as const;
    for (const [module, exports] of entries) {
      const names = documented(module);
      expect(names.size).toBeGreaterThan(0);
      for (const name of Object.keys(exports)) expect(names, `${module}: ${name}`).toContain(name);
    }
  });

  it('files every export of every entry under a named category, with the version that added it', () => {
    const api = JSON.parse(readFileSync(join(out, 'api.json'), 'utf8')) as Reflection;
    const modules = api.children ?? [];
    expect(modules.map((module) => module.name).sort()).toEqual(['api', 'index', 'testing', 'testing/arbitraries']);
    for (const module of modules) {
      // typedoc.json's defaultCategory: an export without `@category` would land there.
      expect(module.categories?.map((category) => category.title), module.name).not.toContain('Other');
      for (const child of module.children ?? []) {
        const where = `${module.name}: ${child.name}`;
        expect(tagsOf(child, '@category'), where).toHaveLength(1);
        expect(tagsOf(child, '@since'), where).toEqual([expect.stringMatching(/^0\.[12]\.0$/)]);
      }
    }
  });
}, 300_000);
