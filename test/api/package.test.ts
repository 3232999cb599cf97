/**
 * `blinger-webhooks/api` as users install it (needs `npm run build`; `npm test` runs it first):
 * ESM and CommonJS consumers, a type-checked consumer under the strictest settings, webhook-only
 * users loading none of it, and its size budget.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandIn, type StandIn } from './stand-in.js';

const root = resolve(import.meta.dirname, '../..');
let consumer: string;
let standIn: StandIn;

// Asynchronous: the stand-in answering the child runs in this process.
const node = async (file: string): Promise<string> => {
  const { stdout } = await promisify(execFile)(process.execPath, [file], { cwd: consumer, encoding: 'utf8', env: { ...process.env, BLINGER_API_URL: standIn.baseUrl } });
  return stdout;
};

beforeAll(async () => {
  standIn = await startStandIn();
  // A consumer whose node_modules links this package (its package.json and dist) and the peers.
  consumer = mkdtempSync(join(tmpdir(), 'blinger-api-consumer-'));
  const modules = join(consumer, 'node_modules');
  mkdirSync(join(modules, 'blinger-webhooks'), { recursive: true });
  symlinkSync(join(root, 'package.json'), join(modules, 'blinger-webhooks', 'package.json'));
  symlinkSync(join(root, 'dist'), join(modules, 'blinger-webhooks', 'dist'));
  for (const peer of ['io-ts', 'fp-ts']) symlinkSync(join(root, 'node_modules', peer), join(modules, peer));
});

afterAll(async () => {
  await standIn.close();
  rmSync(consumer, { recursive: true, force: true });
});

const script = (load: string) => `
  ${load}
  const blinger = new BlingerClient({ token: 'consumer-token', baseUrl: process.env.BLINGER_API_URL });
  blinger.operators.all().then((result) => console.log(JSON.stringify(result)));
`;

describe('blinger-webhooks/api, built and resolved through the exports map', () => {
  it('works for an ESM consumer', async () => {
    writeFileSync(join(consumer, 'esm.mjs'), script("import { BlingerClient } from 'blinger-webhooks/api';"));
    const result = JSON.parse(await node('esm.mjs'));
    expect(result._tag).toBe('Right');
    expect(result.right[0]).toMatchObject({ id: 1, invite_email: 'user1@gmail.com' });
    expect(standIn.requests.at(-1)).toMatchObject({ path: '/api/operators/all', authentication: 'consumer-token' });
  });

  it('works for a CommonJS consumer', async () => {
    writeFileSync(join(consumer, 'cjs.cjs'), script("const { BlingerClient } = require('blinger-webhooks/api');"));
    expect(JSON.parse(await node('cjs.cjs'))._tag).toBe('Right');
  });

  it('is not loaded by users who only receive webhooks', () => {
    for (const file of ['dist/index.js', 'dist/index.cjs']) {
      const code = readFileSync(join(root, file), 'utf8');
      expect(code).not.toMatch(/BlingerClient|api\/index|conversations\/send-message/);
    }
  });

  it.each(['js', 'cjs'])('shares the codec primitives with the root entry and loads no event codec (%s)', (extension) => {
    // The files dist/api/index loads, following its relative imports and requires.
    const loaded = new Map<string, string>();
    const visit = (file: string) => {
      if (loaded.has(file)) return;
      const code = readFileSync(file, 'utf8');
      loaded.set(file, code);
      for (const [, specifier] of code.matchAll(/(?:from |require\()['"](\.{1,2}\/[^'"]+)['"]/g)) visit(resolve(dirname(file), specifier!));
    };
    visit(join(root, `dist/api/index.${extension}`));
    const entry = loaded.get(join(root, `dist/api/index.${extension}`))!;
    expect(loaded.size).toBeGreaterThan(1); // the primitives come from a shared chunk...
    expect(entry).not.toMatch(/class \w* ?extends t\w*\.Type/); // ...not from a copy inside the entry
    for (const [file, code] of loaded) expect(code, file).not.toMatch(/MessageIncoming|ClosedConversation|ConversationMessage/);
  });

  it.each([
    ['the DOM library, without @types/node', { lib: ['es2022', 'dom'], types: [] }],
    ['@types/node, without the DOM library', { lib: ['es2022'], types: ['node'], typeRoots: [join(root, 'node_modules/@types')] }],
  ])('type-checks a consumer under strict, exactOptionalPropertyTypes and skipLibCheck false, with %s', (_, environment) => {
    writeFileSync(
      join(consumer, 'consumer.mts'),
      `import { BlingerClient, type BlingerApiError } from 'blinger-webhooks/api';
       declare const env: Record<string, string | undefined>;
       const blinger = new BlingerClient({ token: env['BLINGER_API_TOKEN'], baseUrl: env['BLINGER_API_URL'], timeoutMs: undefined });
       export const reply = async (conversationId: number): Promise<string> => {
         const sent = await blinger.conversations.sendMessage({ conversation_id: conversationId, text: 'Thanks', disable_webhook: true });
         if (sent._tag === 'Right') return 'sent';
         const error: BlingerApiError = sent.left;
         return error.kind === 'error_response' ? String(error.status) : error.kind;
       };
       // @ts-expect-error misspelt field
       void blinger.conversations.sendMessage({ conversation_id: 1, txt: 'hi' });
      `,
    );
    const compilerOptions = { strict: true, exactOptionalPropertyTypes: true, skipLibCheck: false, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', ...environment };
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.mts'] }));
    const result = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: consumer, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);

  it('stays within its size budget (npm run size)', () => {
    const result = spawnSync(process.execPath, ['scripts/size.mjs', '--entry', 'api', '--json'], { cwd: root, encoding: 'utf8' });
    const report = JSON.parse(result.stdout) as { entry: string; gzipped: number; budget: number; ok: boolean };
    expect(report.entry).toBe('dist/api/index.js');
    expect(report.gzipped).toBeGreaterThan(1000);
    expect(report.gzipped, `${report.gzipped} B gzipped, budget ${report.budget} B`).toBeLessThanOrEqual(report.budget);
    expect(result.status).toBe(0);
  });
});
