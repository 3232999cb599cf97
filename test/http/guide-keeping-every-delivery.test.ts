// docs/keeping-every-delivery.md, run as written: its TypeScript blocks type-check as a user's
// strict project would, the directory version keeps undecodable deliveries byte for byte on a real
// server, and the table version inserts what it should.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { createWebhook } from '../../src/testing/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const guide = readFileSync(join(root, 'docs/keeping-every-delivery.md'), 'utf8');
const blocks = [...guide.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
// Inside the repository, so that the guide's imports resolve from its node_modules.
const work = join(root, 'node_modules/.cache/blinger-webhooks', `guide-${process.pid}`);
const deadLetters = mkdtempSync(join(tmpdir(), 'blinger-dead-letters-'));
mkdirSync(work, { recursive: true });

let server: ChildProcess | undefined;
afterAll(() => {
  if (server?.exitCode === null) server.kill();
  rmSync(work, { recursive: true, force: true });
  rmSync(deadLetters, { recursive: true, force: true });
});

/** The block with `blinger-webhooks` pointing at this checkout's sources, as `specifier`. */
const withLocalPackage = (code: string, specifier: string): string => code.replaceAll("from 'blinger-webhooks'", `from '${specifier}'`);

const bundle = async (code: string, name: string): Promise<string> => {
  const outfile = join(work, `${name}.mjs`);
  await build({
    stdin: { contents: withLocalPackage(code, join(root, 'src/index.ts')), resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
};

describe('docs/keeping-every-delivery.md', () => {
  it('has the two TypeScript blocks this test runs', () => {
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toContain('onInvalidDelivery');
    expect(blocks[1]).toContain('keepInTable');
  });

  it('type-checks as written (strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess)', () => {
    const files = blocks.map((code, index) => {
      const file = join(work, `block-${index}.ts`);
      writeFileSync(file, withLocalPackage(code, relative(work, join(root, 'src/index.js'))));
      return file;
    });
    try {
      const program = ts.createProgram(files, {
        noEmit: true,
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        target: ts.ScriptTarget.ES2022,
        types: ['node'],
        lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
        skipLibCheck: true,
      });
      const diagnostics = ts.getPreEmitDiagnostics(program).filter((diagnostic) => files.includes(diagnostic.file?.fileName ?? ''));
      expect(ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' })).toBe('');
    } finally {
      for (const file of files) rmSync(file, { force: true });
    }
  }, 120_000);

  it('the directory version keeps undecodable deliveries byte for byte, in arrival order, and answers 200', async () => {
    const entry = await bundle(blocks[0]!, 'to-directory');
    server = spawn(process.execPath, [entry], {
      env: { ...process.env, PORT: '0', DEAD_LETTER_DIR: deadLetters, BLINGER_TOKEN: 'guide-secret' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    server.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      server!.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/localhost:\d+\/blinger)/.exec(output);
        if (match) resolve(match[1]!.replace('localhost', '127.0.0.1'));
      });
      server!.once('exit', (code) => reject(new Error(`the guide's server exited with ${code}: ${errors}`)));
    });
    const post = (body: string | Buffer, token = 'guide-secret') =>
      fetch(`${url}?token=${token}`, { method: 'POST', body: body as BodyInit, headers: { 'content-type': 'application/json' } });

    const notJson = Buffer.from('\uFEFF{"webhook":"on_message_incoming", "message": {"message": "Привет"', 'utf8');
    const notAnEvent = JSON.stringify({ webhook: 'on_message_incoming', message: { message: 42 } });
    expect(await (await post(notJson)).json()).toEqual({ ok: true, kept: 'invalid_delivery' });
    expect((await post(JSON.stringify(createWebhook('on_message_incoming')))).status).toBe(200);
    expect((await post(notAnEvent)).status).toBe(200);
    expect((await post(notAnEvent, 'wrong')).status).toBe(401);

    const all = readdirSync(deadLetters).sort();
    const files = all.filter((name) => !name.endsWith('.meta.json'));
    expect(files).toHaveLength(2);
    expect(readFileSync(join(deadLetters, files[0]!))).toEqual(notJson);
    expect(readFileSync(join(deadLetters, files[1]!), 'utf8')).toBe(notAnEvent);
    // Each body has its Content-Type beside it, in the side file `replay` reads.
    expect(all.filter((name) => name.endsWith('.meta.json'))).toEqual(files.map((name) => name.replace(/\.json$/, '.meta.json')));
    for (const name of files) {
      expect(JSON.parse(readFileSync(join(deadLetters, name.replace(/\.json$/, '.meta.json')), 'utf8'))).toEqual({ contentType: 'application/json' });
    }
  }, 60_000);

  it('the table version inserts reason, message and the exact bytes, and lets a failed insert reject', async () => {
    const entry = await bundle(blocks[1]!, 'to-table');
    const { keepInTable } = (await import(pathToFileURL(entry).href)) as {
      keepInTable: (db: { query(text: string, values: readonly unknown[]): Promise<unknown> }) => (
        error: { kind: string; message: string },
        context: { rawBody: Uint8Array | null; request: unknown },
      ) => Promise<void>;
    };
    const queries: Array<[string, readonly unknown[]]> = [];
    const keep = keepInTable({ query: async (text, values) => void queries.push([text, values]) });
    const bytes = new Uint8Array([0x7b, 0x22]);
    await keep({ kind: 'invalid_json', message: 'Webhook body is not valid JSON' }, { rawBody: bytes, request: {} });
    await keep({ kind: 'invalid_payload', message: 'bad' }, { rawBody: null, request: { body: { webhook: 'x' } } });
    expect(queries[0]).toEqual([expect.stringMatching(/^insert into blinger_dead_letters/), ['invalid_json', 'Webhook body is not valid JSON', bytes]]);
    expect(new TextDecoder().decode(queries[1]![1][2] as Uint8Array)).toBe('{"webhook":"x"}');
    const failing = keepInTable({ query: () => Promise.reject(new Error('database down')) });
    await expect(failing({ kind: 'invalid_json', message: 'm' }, { rawBody: bytes, request: {} })).rejects.toThrow('database down');
  });
});
