/**
 * Reads the fenced code blocks out of the documentation, for test/docs/code-blocks.test.ts.
 *
 * A block's info string is its language followed by optional words:
 * - `runnable`: the test also runs the block (see run-block.mjs for what "runs" means);
 * - `fragment`: the block is deliberately partial and is not compiled (keep these rare);
 * - `workers`: compile against Cloudflare Workers' types instead of Node's.
 *
 * A block whose first line is a comment naming a file (`// callbacks.ts`, `// app/api/blinger/route.ts`)
 * is written under that name, so that other blocks of the same page can import it as a reader would
 * (`import { callbacks } from './callbacks.js'`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface CodeBlock {
  /** Markdown file, relative to the repository root, with `/` separators. */
  readonly file: string;
  /** 1-based line of the block's first line of code in the Markdown file. */
  readonly line: number;
  readonly language: string;
  readonly flags: ReadonlySet<string>;
  readonly code: string;
  /** The file name the block gives itself in its first line, if any. */
  readonly name: string | null;
}

/** Languages compiled by the test, with the extension their file gets. */
export const compiledLanguages: Readonly<Record<string, string>> = {
  ts: '.ts',
  typescript: '.ts',
  tsx: '.tsx',
  js: '.js',
  javascript: '.js',
  mjs: '.mjs',
};

/** Languages that are not compiled; any other language (or none) fails the test, so no code hides. */
export const otherLanguages: ReadonlySet<string> = new Set([
  'sh',
  'bash',
  'console',
  'text',
  'json',
  'jsonc',
  'toml',
  'ini',
  'dotenv',
  'http',
  'diff',
  'yaml',
]);

export const knownFlags: ReadonlySet<string> = new Set(['runnable', 'fragment', 'workers']);

const FILE_NAME = /^\s*\/\/\s*((?:[\w.-]+\/)*[\w.-]+\.(?:d\.ts|ts|tsx|js|mjs))\b/;

/** README.md and every Markdown file under docs/ except the generated API site. */
export const documentationFiles = (root: string): string[] => {
  const files = ['README.md'];
  const walk = (directory: string): void => {
    for (const entry of readdirSync(join(root, directory), { withFileTypes: true })) {
      const path = `${directory}/${entry.name}`;
      if (entry.isDirectory() && path !== 'docs/api') walk(path);
      else if (entry.isFile() && entry.name.endsWith('.md')) files.push(path);
    }
  };
  walk('docs');
  return files.sort();
};

/** Every fenced block of `file`, indented ones (inside list items) included, with the indentation removed. */
export const codeBlocks = (root: string, file: string): CodeBlock[] => {
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const blocks: CodeBlock[] = [];
  for (let index = 0; index < lines.length; index++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*(.*)$/.exec(lines[index]!);
    if (open === null) continue;
    const [, indent = '', fence = '', info = ''] = open;
    const close = new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    const body: string[] = [];
    let end = index + 1;
    while (end < lines.length && !close.test(lines[end]!)) {
      const line = lines[end]!;
      body.push(line.startsWith(indent) ? line.slice(indent.length) : line.trimStart());
      end++;
    }
    const [language = '', ...flags] = info.trim().split(/\s+/).filter(Boolean);
    const code = `${body.join('\n')}\n`;
    blocks.push({
      file: relative(root, join(root, file)).split('\\').join('/'),
      line: index + 2,
      language: language.toLowerCase(),
      flags: new Set(flags),
      code,
      name: FILE_NAME.exec(body[0] ?? '')?.[1] ?? null,
    });
    index = end;
  }
  return blocks;
};
