/**
 * Every TypeScript block of the API client's guide (docs/api-client.md) and of the README's
 * "Answer back" section compiles, as a module of its own importing the built package by name
 * (needs `npm run build`; `npm test` runs it first).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
// Inside the package, so that `blinger-webhooks` resolves to this package by its own name.
const work = join(root, 'node_modules/.cache/blinger-webhooks/api-guide');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const typescriptBlocks = (markdown: string): string[] =>
  [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '');

const readmeSection = (): string => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('## Answer back');
  return start === -1 ? '' : readme.slice(start, readme.indexOf('\n## ', start + 1));
};

describe('the API client guide', () => {
  const guide = typescriptBlocks(readFileSync(join(root, 'docs/api-client.md'), 'utf8'));
  const readme = typescriptBlocks(readmeSection());

  it('has the reply loop in express and in a Worker, and the README shows it', () => {
    expect(guide.some((block) => block.includes("from 'express'") && block.includes('sendMessage') && block.includes('close('))).toBe(true);
    expect(guide.some((block) => block.includes('waitUntil') || block.includes('WaitUntilContext'))).toBe(true);
    expect(readme.some((block) => block.includes('sendMessage'))).toBe(true);
  });

  it('compiles every block, strict', () => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    const files = [...guide.map((code, i) => [`guide-${i}.mts`, code]), ...readme.map((code, i) => [`readme-${i}.mts`, code])];
    for (const [name, code] of files) writeFileSync(join(work, name!), `${code}\nexport {};\n`);
    const compilerOptions = {
      strict: true,
      noEmit: true,
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2022',
      lib: ['es2022', 'dom'],
      types: ['node'],
      skipLibCheck: true,
    };
    writeFileSync(join(work, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: files.map(([name]) => name) }));
    const result = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: work, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);
});
