/**
 * `npm pack` (and so `npm publish`) from a fresh clone ships the build: `prepack` builds dist/,
 * which git does not hold. The clone is of this checkout's last commit; it borrows this
 * checkout's node_modules through a symlink instead of running `npm ci` again.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingFiles, pack, root, run, type Tarball } from './packed.js';

let work = '';
let clone = '';
let builtBeforePack = true;
let tarball: Tarball;
let unpacked = '';

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'blinger-webhooks-clone-'));
  clone = join(work, 'clone');
  const commit = run('git', ['rev-parse', 'HEAD']).trim();
  run('git', ['clone', '--quiet', '--no-checkout', root, clone]);
  run('git', ['checkout', '--quiet', '--detach', commit], clone);
  symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'), 'dir');
  builtBeforePack = existsSync(join(clone, 'dist'));
  // With scripts: this is the `prepack` under test.
  tarball = pack(work, { dir: clone, scripts: true });
  unpacked = join(work, 'unpacked');
  mkdirSync(unpacked);
  run('tar', ['-xzf', tarball.path, '-C', unpacked, '--strip-components=1']);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm pack of a fresh clone', () => {
  it('starts from a clone without dist/', () => {
    expect(builtBeforePack).toBe(false);
  });

  it('ships dist/ with every entry point, in ESM, CJS and both kinds of declarations', () => {
    for (const entry of ['index', 'testing/index', 'testing/arbitraries']) {
      for (const extension of ['.js', '.cjs', '.d.ts', '.d.cts']) expect(tarball.files).toContain(`dist/${entry}${extension}`);
    }
    expect(tarball.files).toContain('dist/cli.js');
  });

  it('ships every file package.json points at and every chunk the built files import', () => {
    expect(missingFiles(unpacked, tarball.files)).toEqual([]);
  });

  it('ships the README, the docs and examples it links to, the changelog and the licence', () => {
    expect(tarball.files).toEqual(expect.arrayContaining(['README.md', 'CHANGELOG.md', 'LICENSE', 'docs/README.md', 'examples/README.md']));
  });
});
