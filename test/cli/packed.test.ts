import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt } from './run-cli.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
let scratch = '';
let installed = '';

// The CLI loads the built library beside it (dist/index.js): this checks that the files it needs
// are in the tarball and that the `bin` entry is executable there, as after `npm install`.
// `--ignore-scripts`: `prepack` would rebuild dist/ while other tests use it (`npm test` built it).
beforeAll(() => {
  assertBuilt();
  scratch = mkdtempSync(join(tmpdir(), 'blinger-cli-packed-'));
  execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', scratch], { cwd: root, stdio: 'pipe' });
  const tarball = readdirSync(scratch).find((name) => name.endsWith('.tgz'))!;
  const modules = join(scratch, 'app', 'node_modules');
  mkdirSync(modules, { recursive: true });
  execFileSync('tar', ['xzf', join(scratch, tarball), '-C', scratch]);
  installed = join(modules, 'blinger-webhooks');
  execFileSync('mv', [join(scratch, 'package'), installed]);
  for (const peer of ['io-ts', 'fp-ts']) symlinkSync(join(root, 'node_modules', peer), join(modules, peer), 'dir');
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the CLI from the packed tarball', () => {
  it('is executable and runs examples | validate', () => {
    const cli = join(installed, 'dist', 'cli.js');
    expect(statSync(cli).mode & 0o111).not.toBe(0);
    const example = spawnSync(cli, ['examples', 'on_conversation_closed'], { encoding: 'utf8' });
    expect(example.status, example.stderr).toBe(0);
    const validated = spawnSync(cli, ['validate', '-'], { input: example.stdout, encoding: 'utf8' });
    expect(validated.status, validated.stderr).toBe(0);
    expect(validated.stdout).toMatch(/^on_conversation_closed conversation=181 /);
  });
});
