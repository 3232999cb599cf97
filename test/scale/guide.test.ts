/**
 * Every TypeScript block of docs/scaling.md compiles as a user compiles it (strict,
 * exactOptionalPropertyTypes), importing the package by name. The Redis store block is saved as
 * `redis-dedupe-store.ts`, the module the next block imports.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from './processes.js';

const blocks = [...readFileSync(join(root, 'docs/scaling.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map(
  (match) => match[1]!,
);
// Inside the repository, so that `blinger-webhooks` resolves to this package (and its built types).
const dir = mkdtempSync(join(root, 'test/scale/.guide-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('docs/scaling.md code', () => {
  it('has its blocks, and every one compiles', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    const files = blocks.map((block, index) => {
      const name = block.includes('export const redisDedupeStore') ? 'redis-dedupe-store.ts' : `block-${index}.ts`;
      const file = join(dir, name);
      writeFileSync(file, block);
      return file;
    });
    const program = ts.createProgram(files, {
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      types: ['node'],
      skipLibCheck: true,
      noEmit: true,
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  }, 60_000);
});
