import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'blinger-typedoc-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

interface Reflection {
  readonly name: string;
  readonly children?: readonly Reflection[];
}

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
}, 300_000);
