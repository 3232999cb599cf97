import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// These tests check what users install: they need `npm run build` first (`npm test` runs it).
const root = resolve(import.meta.dirname, '../..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const run = (file: string, args: string[], cwd = root): string => {
  try {
    return execFileSync(file, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${file} ${args.join(' ')} failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
};

let work: string;
let tarball: string;
let consumer: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'blinger-webhooks-pack-'));
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work]));
  tarball = join(work, packed[0].filename);
  // A consumer project with the tarball installed as node_modules/blinger-webhooks, and the peers
  // linked from this checkout, so nothing is fetched from the network.
  consumer = join(work, 'consumer');
  const modules = join(consumer, 'node_modules');
  mkdirSync(join(modules, 'blinger-webhooks'), { recursive: true });
  run('tar', ['-xzf', tarball, '-C', join(modules, 'blinger-webhooks'), '--strip-components=1']);
  for (const peer of ['io-ts', 'fp-ts']) symlinkSync(join(root, 'node_modules', peer), join(modules, peer));
  // fast-check, the optional peer of the testing entry, is left out: the runtime must not need it.
  cpSync(join(root, 'fixtures', 'documented'), join(consumer, 'fixtures'), { recursive: true });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the published package', () => {
  it('holds only the build, README, LICENSE and package.json', () => {
    const files = run('tar', ['-tzf', tarball]).trim().split('\n').map((file) => file.replace(/^package\//, ''));
    expect(files.filter((file) => !file.startsWith('dist/')).sort()).toEqual(['LICENSE', 'README.md', 'package.json']);
    expect(files).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts']));
    expect(files.some((file) => /\.(test|spec)\.|fixtures\/|src\//.test(file))).toBe(false);
  });

  it('declares io-ts and fp-ts as peers and nothing as a runtime dependency', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(Object.keys(manifest.peerDependencies).sort()).toEqual(['fast-check', 'fp-ts', 'io-ts']);
    expect(manifest.peerDependenciesMeta['fast-check'].optional).toBe(true);
    expect(manifest.sideEffects).toBe(false);
  });

  it('passes publint', () => {
    const output = run(bin('publint'), ['--strict']);
    expect(output).not.toMatch(/warning|error|suggestion/i);
  });

  it('passes @arethetypeswrong/cli in every resolution mode', () => {
    const output = run(bin('attw'), ['--pack', '.', '--format', 'json']);
    const report = JSON.parse(output);
    expect(report.analysis.problems).toEqual([]);
  });

  const decodeAll = `
    const names = Object.keys(examples);
    const results = names.map((name) => parseWebhook(JSON.stringify(examples[name])));
    const bad = parseWebhook('{"webhook":"on_user_new"}');
    if (typeof toExpressHandler !== 'function' || typeof toFetchHandler !== 'function' || typeof toNodeHandler !== 'function') throw new Error('adapters missing');
    if (typeof BlingerWebhook.decode !== 'function' || typeof MessageIncoming.is !== 'function') throw new Error('codecs missing');
    console.log(JSON.stringify({ names, ok: results.map((r) => r._tag), bad: bad.left.kind, paths: bad.left.issues.map((i) => i.path) }));
  `;
  const expected = {
    names: [
      'on_conversation_unassigned',
      'on_conversation_assigned',
      'on_conversation_closed',
      'on_message_incoming',
      'on_message_outgoing',
      'on_comment_incoming',
      'on_comment_outgoing',
      'on_user_new',
    ],
    ok: Array(8).fill('Right'),
    bad: 'invalid_payload',
    paths: ['user'],
  };

  it('works for an ESM consumer (import)', () => {
    writeFileSync(
      join(consumer, 'esm.mjs'),
      `import { parseWebhook, toExpressHandler, toFetchHandler, toNodeHandler, BlingerWebhook, MessageIncoming } from 'blinger-webhooks';
       import { examples } from 'blinger-webhooks/testing';
       ${decodeAll}`,
    );
    expect(JSON.parse(run('node', ['esm.mjs'], consumer))).toEqual(expected);
  });

  it('works for a CommonJS consumer (require)', () => {
    writeFileSync(
      join(consumer, 'cjs.cjs'),
      `const { parseWebhook, toExpressHandler, toFetchHandler, toNodeHandler, BlingerWebhook, MessageIncoming } = require('blinger-webhooks');
       const { examples } = require('blinger-webhooks/testing');
       ${decodeAll}`,
    );
    expect(JSON.parse(run('node', ['cjs.cjs'], consumer))).toEqual(expected);
  });

  it('type-checks a TypeScript consumer under node16 resolution', () => {
    // The testing entry's declarations name fast-check's types, so a type-checked consumer of it
    // (without skipLibCheck) has the optional peer installed.
    symlinkSync(join(root, 'node_modules', 'fast-check'), join(consumer, 'node_modules', 'fast-check'));
    writeFileSync(
      join(consumer, 'consumer.mts'),
      `import { parseWebhook, type BlingerWebhook } from 'blinger-webhooks';
       import { createWebhook } from 'blinger-webhooks/testing';
       const event: BlingerWebhook = createWebhook('on_message_incoming');
       const text: string = event.webhook === 'on_message_incoming' ? event.message.message : '';
       const result = parseWebhook(text);
       export const kind: string = result._tag === 'Left' ? result.left.kind : result.right.webhook;
       // @ts-expect-error misspelt event name
       createWebhook('on_message_incomming');
      `,
    );
    const output = run(bin('tsc'), ['--noEmit', '--strict', '--module', 'node16', '--moduleResolution', 'node16', '--types', 'node', '--typeRoots', join(root, 'node_modules/@types'), 'consumer.mts'], consumer);
    expect(output).toBe('');
  });
});
