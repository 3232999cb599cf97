/**
 * fast-check is an optional peer: the package must never load it at run time, only name its types.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = fileURLToPath(new URL('../../src/', import.meta.url));

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );

describe('fast-check stays an optional peer', () => {
  it('is imported by src/ only with `import type`', () => {
    const imports = sourceFiles(srcDir).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^\s*(import|export)\b[^;]*?from\s+['"]fast-check['"]/gms)].map((match) => ({
        file,
        statement: match[0].trim(),
      })),
    );
    expect(imports.length).toBeGreaterThan(0);
    for (const { statement } of imports) expect(statement).toMatch(/^import type\b/);
    const dynamic = sourceFiles(srcDir).filter((file) => /(import|require)\(\s*['"]fast-check['"]\s*\)/.test(readFileSync(file, 'utf8')));
    expect(dynamic).toEqual([]);
  });
});
