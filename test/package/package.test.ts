import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installTarball, missingFiles, pack, root, run, type Tarball } from './packed.js';

const bin = (name: string) => join(root, 'node_modules', '.bin', name);

let work: string;
let tarball: Tarball;
let consumer: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'blinger-webhooks-pack-'));
  tarball = pack(work);
  // fast-check, the optional peer of the arbitraries, is left out: the runtime must not need it.
  consumer = join(work, 'consumer');
  installTarball(tarball.path, consumer, ['io-ts', 'fp-ts']);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every file under `dir` of this checkout, relative to the root (the API site `docs/api` aside). */
const filesUnder = (dir: string): string[] =>
  readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .filter((file) => !file.startsWith(join('docs', 'api', '/')));

describe('the published package', () => {
  it('holds the build, the docs and examples the README links to, the changelog, README, LICENSE and package.json', () => {
    const files = tarball.files;
    const dist = files.filter((file) => file.startsWith('dist/'));
    expect(dist).toEqual(
      expect.arrayContaining(
        ['index', 'testing/index', 'testing/arbitraries', 'api/index'].flatMap((entry) =>
          ['.js', '.cjs', '.d.ts', '.d.cts'].map((extension) => `dist/${entry}${extension}`),
        ),
      ),
    );
    expect(dist).toContain('dist/cli.js');
    expect(files.filter((file) => file.startsWith('docs/'))).toEqual(filesUnder('docs').sort());
    expect(files.filter((file) => file.startsWith('examples/'))).toEqual(filesUnder('examples').sort());
    const rest = files.filter((file) => !/^(dist|docs|examples)\//.test(file));
    expect(rest).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json']);
    expect(files.some((file) => /\.(test|spec)\.|^src\/|^test\/|^fixtures\/|^bench\//.test(file))).toBe(false);
  });

  it('ships every file package.json points at and every chunk the built files import', () => {
    expect(missingFiles(join(consumer, 'node_modules', 'blinger-webhooks'), tarball.files)).toEqual([]);
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
    // On the tarball, not `--pack .`: that would run `prepack` and rebuild dist/ mid-run.
    const report = JSON.parse(run(bin('attw'), [tarball.path, '--format', 'json']));
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual(['.', './api', './package.json', './testing', './testing/arbitraries']);
    expect(report.analysis.problems).toEqual([]);
  });

  const decodeAll = `
    const names = Object.keys(examples);
    const results = names.map((name) => parseWebhook(JSON.stringify(examples[name])));
    const bad = parseWebhook('{"webhook":"on_user_new"}');
    if (typeof toExpressHandler !== 'function' || typeof toFetchHandler !== 'function' || typeof toNodeHandler !== 'function') throw new Error('adapters missing');
    if (typeof BlingerWebhook.decode !== 'function' || typeof MessageIncoming.is !== 'function') throw new Error('codecs missing');
    // The arbitraries entry loads without fast-check installed: it is passed in by the caller.
    if (typeof webhookArbitraries !== 'function' || typeof arbitraryFromCodec !== 'function') throw new Error('arbitraries missing');
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
       import { arbitraryFromCodec, webhookArbitraries } from 'blinger-webhooks/testing/arbitraries';
       ${decodeAll}`,
    );
    expect(JSON.parse(run('node', ['esm.mjs'], consumer))).toEqual(expected);
  });

  it('works for a CommonJS consumer (require)', () => {
    writeFileSync(
      join(consumer, 'cjs.cjs'),
      `const { parseWebhook, toExpressHandler, toFetchHandler, toNodeHandler, BlingerWebhook, MessageIncoming } = require('blinger-webhooks');
       const { examples } = require('blinger-webhooks/testing');
       const { arbitraryFromCodec, webhookArbitraries } = require('blinger-webhooks/testing/arbitraries');
       ${decodeAll}`,
    );
    expect(JSON.parse(run('node', ['cjs.cjs'], consumer))).toEqual(expected);
  });
});
