/**
 * Docs are code: every TypeScript and JavaScript block of README.md and docs/ compiles as a user's
 * project would compile it, and the blocks marked `runnable` run. See markdown.ts for the markers.
 *
 * The blocks are written out as files (one folder per page, so a page's blocks can import each
 * other by the names they give themselves), next to a `package.json` with `"type": "module"` and a
 * `node_modules/blinger-webhooks` link to this package, so that `import ... from 'blinger-webhooks'`
 * resolves to the build (`dist/`), exactly as in a project that installed it. One TypeScript program
 * checks all of them (a second one holds the blocks marked `workers`, whose global types differ), and
 * its output is what runs. TypeScript 7 (the `typescript7` alias) checks the same files from the
 * command line.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookNames } from '../../src/index.js';
import { type CodeBlock, codeBlocks, compiledLanguages, documentationFiles, knownFlags, otherLanguages } from './markdown.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const TOKEN = 'docs-test-token';

const pages = documentationFiles(root);
const blocks = pages.flatMap((page) => codeBlocks(root, page));
const compiled = blocks.filter((block) => block.language in compiledLanguages && !block.flags.has('fragment'));
const runnable = compiled.filter((block) => block.flags.has('runnable'));
const where = (block: CodeBlock): string => `${block.file}:${block.line}`;

/** Compiler options of a user's strict project: what `tsc --init` turns on, and then some. */
const userOptions = (sandbox: string, types: string[]): ts.CompilerOptions => ({
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  moduleDetection: ts.ModuleDetectionKind.Force,
  lib: ['lib.es2023.d.ts'],
  types,
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  verbatimModuleSyntax: true,
  noUncheckedSideEffectImports: true,
  // Blocks must also run under Node's own type stripping (`node --experimental-strip-types`).
  erasableSyntaxOnly: true,
  allowJs: true,
  checkJs: true,
  // Third-party declarations are not ours to check here; test/package checks ours with skipLibCheck off.
  skipLibCheck: true,
  rootDir: join(sandbox, 'src'),
  outDir: join(sandbox, 'out'),
  noEmitOnError: false,
});

interface Sandbox {
  readonly directory: string;
  /** The file each compiled block was written to. */
  readonly files: Map<CodeBlock, string>;
  /** The block each file holds. */
  readonly blockOf: Map<string, CodeBlock>;
  /** One tsconfig.json per program, with the same options, for TypeScript 7's command line. */
  readonly projects: string[];
  readonly diagnostics: string[];
}

/** The same options as a tsconfig.json, with the files of one program. */
const tsconfigOf = (types: string[], files: string[]) => ({
  compilerOptions: {
    target: 'es2022',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    moduleDetection: 'force',
    lib: ['es2023'],
    types,
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    verbatimModuleSyntax: true,
    noUncheckedSideEffectImports: true,
    erasableSyntaxOnly: true,
    allowJs: true,
    checkJs: true,
    skipLibCheck: true,
    noEmit: true,
  },
  files,
});

const slug = (page: string): string => page.replace(/\.md$/, '').split('/').join('__');

const outputOf = (sandbox: string, source: string): string =>
  join(sandbox, 'out', relative(join(sandbox, 'src'), source)).replace(/\.ts$/, '.js');

/** Where a diagnostic points, as a line of a Markdown page when it is in a block. */
const describeDiagnostic = (diagnostic: ts.Diagnostic, blockOf: Map<string, CodeBlock>): string => {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  const file = diagnostic.file;
  if (file === undefined || diagnostic.start === undefined) return `TS${diagnostic.code}: ${message}`;
  const { line, character } = file.getLineAndCharacterOfPosition(diagnostic.start);
  const block = blockOf.get(file.fileName);
  const location =
    block === undefined ? `${file.fileName}:${line + 1}:${character + 1}` : `${block.file}:${block.line + line}:${character + 1}`;
  return `${location} TS${diagnostic.code}: ${message}`;
};

const buildSandbox = (): Sandbox => {
  const cache = join(root, 'node_modules/.cache/blinger-webhooks');
  mkdirSync(cache, { recursive: true });
  const directory = mkdtempSync(join(cache, 'docs-'));
  writeFileSync(join(directory, 'package.json'), JSON.stringify({ private: true, type: 'module' }));
  mkdirSync(join(directory, 'node_modules'));
  symlinkSync(root, join(directory, 'node_modules/blinger-webhooks'), 'dir');

  const files = new Map<CodeBlock, string>();
  const blockOf = new Map<string, CodeBlock>();
  for (const block of compiled) {
    const name = block.name ?? `block-line-${block.line}${compiledLanguages[block.language]}`;
    const file = join(directory, 'src', slug(block.file), name).split('\\').join('/');
    if (blockOf.has(file)) throw new Error(`${where(block)}: ${block.file} already has a block named ${name}`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, block.code);
    files.set(block, file);
    blockOf.set(file, block);
  }

  const diagnostics: string[] = [];
  const projects: string[] = [];
  const programs = [
    { types: ['node'], blocks: compiled.filter((block) => !block.flags.has('workers')) },
    { types: ['@cloudflare/workers-types'], blocks: compiled.filter((block) => block.flags.has('workers')) },
  ];
  for (const { types, blocks: members } of programs) {
    if (members.length === 0) continue;
    const project = join(directory, `tsconfig.${types[0]!.replace(/\W+/g, '-')}.json`);
    writeFileSync(project, JSON.stringify(tsconfigOf(types, members.map((block) => files.get(block)!)), null, 2));
    projects.push(project);
    const program = ts.createProgram(
      members.map((block) => files.get(block)!),
      userOptions(directory, types),
    );
    const emitted = program.emit();
    for (const diagnostic of [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics]) {
      diagnostics.push(describeDiagnostic(diagnostic, blockOf));
    }
  }
  return { directory, files, blockOf, projects, diagnostics };
};

interface DeliveryAnswer {
  readonly status: number;
  readonly body: string;
}
interface EndpointResult {
  readonly transport: string;
  readonly events: Record<string, DeliveryAnswer>;
  readonly withoutToken: DeliveryAnswer;
  readonly invalid: DeliveryAnswer;
}
interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const runBlock = (file: string): Promise<Run> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'test/docs/run-block.mjs'), file], {
      cwd: dirname(file),
      env: { ...process.env, BLINGER_TOKEN: TOKEN, NO_COLOR: '1', NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });

describe('code blocks in README.md and docs/', () => {
  it('finds the pages and their blocks', () => {
    expect(pages).toContain('README.md');
    expect(pages).toContain('docs/getting-started.md');
    expect(compiled.length).toBeGreaterThan(30);
    expect(runnable.length).toBeGreaterThan(10);
  });

  it('labels every block with a known language and known markers', () => {
    const problems = blocks.flatMap((block) => {
      if (block.language === '') return [`${where(block)}: a block without a language`];
      if (!(block.language in compiledLanguages) && !otherLanguages.has(block.language))
        return [`${where(block)}: unknown language "${block.language}"`];
      return [...block.flags].filter((flag) => !knownFlags.has(flag)).map((flag) => `${where(block)}: unknown marker "${flag}"`);
    });
    expect(problems).toEqual([]);
  });

  it('keeps partial blocks rare', () => {
    const fragments = blocks.filter((block) => block.flags.has('fragment')).map(where);
    expect(fragments.length, fragments.join('\n')).toBeLessThanOrEqual(3);
  });

  it('has valid JSON in every json block', () => {
    const invalid = blocks
      .filter((block) => block.language === 'json')
      .flatMap((block) => {
        try {
          JSON.parse(block.code);
          return [];
        } catch (error) {
          return [`${where(block)}: ${(error as Error).message}`];
        }
      });
    expect(invalid).toEqual([]);
  });

  describe('TypeScript 5.9, strict, exactOptionalPropertyTypes, against the built package', () => {
    let sandbox: Sandbox;
    beforeAll(() => {
      expect(existsSync(join(root, 'dist/index.d.ts')), 'run `npm run build` first (npm test does)').toBe(true);
      sandbox = buildSandbox();
    });
    afterAll(() => {
      if (sandbox !== undefined) rmSync(sandbox.directory, { recursive: true, force: true });
    });

    it('compiles every block', () => {
      expect(sandbox.diagnostics).toEqual([]);
    });

    it('compiles every block with TypeScript 7 too', () => {
      const tsc7 = join(root, 'node_modules/typescript7/bin/tsc');
      const problems = sandbox.projects.flatMap((project) => {
        const run = spawnSync(process.execPath, [tsc7, '-p', project, '--pretty', 'false'], { cwd: sandbox.directory, encoding: 'utf8' });
        const output = `${run.stdout}${run.stderr}`.trim();
        if (run.status === 0) return [];
        // `file(line,col): error TS1234: message`, pointed back at the Markdown page.
        return output.split('\n').map((line) => {
          const match = /^(.+?)\((\d+),(\d+)\): (.*)$/.exec(line);
          const block = match === null ? undefined : sandbox.blockOf.get(resolve(sandbox.directory, match[1]!).split('\\').join('/'));
          return block === undefined ? line : `${block.file}:${block.line + Number(match![2]) - 1}:${match![3]} ${match![4]}`;
        });
      });
      expect(problems).toEqual([]);
    });

    // Each block runs in its own process, a few at a time (vitest's maxConcurrency, 5 by default).
    it.concurrent.for(runnable.map((block) => [where(block), block] as const))('runs %s', async ([, block], { expect }) => {
      const run = await runBlock(outputOf(sandbox.directory, sandbox.files.get(block)!));
      const output = `${run.stdout}\n${run.stderr}`;
      expect(run.status, output).toBe(0);
      expect(run.stderr, output).not.toMatch(/\b(?:Reference|Type|Syntax|Range)Error\b|callback failed|Unhandled|not ok/);
      const report = /^@@docs-result (.*)$/m.exec(run.stdout)?.[1];
      if (report === undefined) return; // a script: exiting 0 was the test
      const results = JSON.parse(report) as EndpointResult[];
      for (const result of results) {
        for (const name of webhookNames) {
          expect(result.events[name], `${result.transport} ${name}\n${output}`).toMatchObject({ status: 200 });
          expect(JSON.parse(result.events[name]!.body), `${result.transport} ${name}`).toEqual({ ok: true });
        }
        expect(result.invalid.status, `${result.transport} invalid payload`).toBe(400);
        // Every endpoint in the docs is shown with its secret: copied as written, it is not open to anyone.
        expect(result.withoutToken.status, `${result.transport} without the token`).toBe(401);
      }
      // A block that shows onRejected must show it working: the refusals above reach its log.
      if (block.code.includes('onRejected')) expect(output).toMatch(/refused/i);
    });
  });
}, 300_000);
