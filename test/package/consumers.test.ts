/**
 * TypeScript consumers compile against the packed tarball in every setup users have: TypeScript
 * 5.9 and 7, module resolution `nodenext`, `bundler` and `node10` (5.9 only: TypeScript 7 dropped
 * it), with and without `@types/node` (Cloudflare Workers, Deno, Bun and browser bundles have no
 * Node types), with and without fast-check (an optional peer). Every project turns on what
 * `tsc --init` turns on (`strict`, `exactOptionalPropertyTypes`, `noUncheckedIndexedAccess`) and
 * keeps `skipLibCheck: false`, the compiler's default, so the package's own declarations are
 * checked too. The code is written the way the README and guides write it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyInstalled, installTarball, type Outcome, pack, root, runAsync } from './packed.js';

type Compiler = 'ts5.9' | 'ts7';
type Resolution = 'nodenext' | 'bundler' | 'node10';

interface Setup {
  readonly compiler: Compiler;
  readonly resolution: Resolution;
  /** `@types/node` installed and listed in `types`. */
  readonly nodeTypes: boolean;
  /** fast-check installed. */
  readonly fastCheck: boolean;
}

const compilers: Readonly<Record<Compiler, string>> = {
  'ts5.9': join(root, 'node_modules/typescript/bin/tsc'),
  ts7: join(root, 'node_modules/typescript7/bin/tsc'),
};

const setups: Setup[] = [];
for (const compiler of ['ts7', 'ts5.9'] as const) {
  for (const resolution of ['nodenext', 'bundler', 'node10'] as const) {
    if (compiler === 'ts7' && resolution === 'node10') continue; // removed in TypeScript 7
    for (const nodeTypes of [true, false]) {
      for (const fastCheck of [true, false]) setups.push({ compiler, resolution, nodeTypes, fastCheck });
    }
  }
}

const nameOf = ({ compiler, resolution, nodeTypes, fastCheck }: Setup): string =>
  `${compiler}-${resolution}-${nodeTypes ? 'node' : 'no-node'}-${fastCheck ? 'fast-check' : 'no-fast-check'}`;

/** What `tsc --init` sets, with `skipLibCheck` back at the compiler's default. */
const compilerOptions = ({ resolution, nodeTypes }: Setup) => ({
  target: 'es2022',
  ...(resolution === 'nodenext' ? { module: 'nodenext', moduleResolution: 'nodenext' } : {}),
  ...(resolution === 'bundler' ? { module: 'preserve', moduleResolution: 'bundler' } : {}),
  ...(resolution === 'node10' ? { module: 'commonjs', moduleResolution: 'node10' } : {}),
  types: nodeTypes ? ['node'] : [],
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  skipLibCheck: false,
  esModuleInterop: true,
  isolatedModules: true,
  // Needs ESM syntax to stay ESM, which a CommonJS (node10) project does not have.
  verbatimModuleSyntax: resolution !== 'node10',
  moduleDetection: 'force',
  noEmit: true,
});

/** The README's `{ secretToken: process.env.BLINGER_TOKEN }`, or the same type without Node's. */
const token = (setup: Setup): string => (setup.nodeTypes ? 'process.env.BLINGER_TOKEN' : 'BLINGER_TOKEN');

/** The root entry as README.md and the guides use it. */
const rootConsumer = (setup: Setup): string => `
import {
  BlingerWebhook,
  InvalidWebhookError,
  matchWebhook,
  parseWebhook,
  parseWebhookOrThrow,
  toExpressHandler,
  toFetchHandler,
  toNodeHandler,
  type WebhookParseError,
} from 'blinger-webhooks';
${setup.nodeTypes ? `import { createServer } from 'node:http';` : 'declare const BLINGER_TOKEN: string | undefined;'}

declare const rawBody: string;

const result = parseWebhook(rawBody);
if (result._tag === 'Left') {
  const kind: 'invalid_json' | 'unknown_event' | 'invalid_payload' = result.left.kind;
  console.warn(kind, result.left.message);
} else {
  const event = result.right;
  if (event.webhook === 'on_message_incoming') console.log(event.from_user.title, event.message.message);
}

try {
  const event: BlingerWebhook = parseWebhookOrThrow(rawBody);
  const label: string = matchWebhook(event, { on_user_new: (user) => user.user.name ?? '', otherwise: (other) => other.webhook });
  console.log(label, BlingerWebhook.is(event));
} catch (error) {
  if (error instanceof InvalidWebhookError) {
    const details: WebhookParseError = error.details;
    console.warn(details.kind);
  }
}

export const express = toExpressHandler(
  {
    on_message_incoming: async (event) => {
      console.log(\`\${event.from_user.title}: \${event.message.message}\`);
    },
    on_conversation_closed: async (event) => {
      console.log(\`closed #\${event.conversation.id} with \${event.conversation.messages.length} messages\`);
    },
  },
  { secretToken: ${token(setup)} },
);
export const fetchHandler = toFetchHandler((event) => console.log(event.webhook), {
  secretToken: ${token(setup)},
  path: '/blinger',
  acknowledge: 'immediately',
});
export const answer: Promise<Response> = fetchHandler(new Request('http://localhost/blinger', { method: 'POST', body: rawBody }));
export const worker = {
  fetch: (request: Request, env: unknown, ctx: { waitUntil(promise: Promise<unknown>): void }) => fetchHandler(request, env, ctx),
};
export const node = toNodeHandler((event) => console.log(event.webhook), { path: '/blinger', secretToken: ${token(setup)} });
${setup.nodeTypes ? 'createServer(node).listen(3000);' : '// @ts-expect-error no Node types in this project: proves @types/node did not leak in\nprocess.exitCode = 0;'}
`;

/** The testing entry, which must not need fast-check. */
const testingConsumer = `
import { createWebhook, examples } from 'blinger-webhooks/testing';

const event = createWebhook('on_message_incoming', { message: { message: 'hello' } });
export const text: string = event.message.message;
export const messages: number = examples.on_conversation_closed.conversation.messages.length;
// @ts-expect-error misspelt event name
createWebhook('on_message_incomming');
`;

/** The arbitraries, for projects with fast-check installed. */
const arbitrariesConsumer = `
import fc from 'fast-check';
import { Operator } from 'blinger-webhooks';
import { arbitraryFromCodec, webhookArbitraries } from 'blinger-webhooks/testing/arbitraries';

const events = webhookArbitraries(fc, { maxArrayLength: 2 });
fc.assert(fc.property(events.on_message_incoming, (event) => typeof event.message.message === 'string'));
fc.assert(fc.property(events.any, (event) => event.webhook.startsWith('on_')));
fc.assert(fc.property(arbitraryFromCodec(fc, Operator), (operator) => typeof operator.name === 'string'));
`;

/** A check of the project itself: fast-check is really absent where it should be. */
const noFastCheck = `
// @ts-expect-error fast-check is not installed in this project
import type {} from 'fast-check';
`;

/** The root entry from a CommonJS file of an ESM-first (nodenext) project. */
const commonJsConsumer = `
import blinger = require('blinger-webhooks');
import testing = require('blinger-webhooks/testing');

const parsed = blinger.parseWebhook(JSON.stringify(testing.examples.on_user_new));
if (parsed._tag === 'Right' && parsed.right.webhook === 'on_user_new') console.log(parsed.right.user.name);
`;

const filesOf = (setup: Setup): Record<string, string> => ({
  'root.ts': rootConsumer(setup),
  'testing.ts': testingConsumer,
  // fast-check's own declarations do not resolve under node10 (they import `pure-rand/types/...`
  // through its exports map): node10 projects compile without the arbitraries, with fast-check
  // installed or not, which is what must keep working for them.
  ...(setup.fastCheck && setup.resolution !== 'node10' ? { 'arbitraries.ts': arbitrariesConsumer } : {}),
  ...(setup.fastCheck ? {} : { 'no-fast-check.ts': noFastCheck }),
  ...(setup.resolution === 'nodenext' ? { 'common.cts': commonJsConsumer } : {}),
});

let work = '';
const outcomes = new Map<string, Outcome>();

/** Runs `tasks` at most `limit` at a time: the machines running this have two cores. */
const limited = async (tasks: (() => Promise<void>)[], limit: number): Promise<void> => {
  const queue = [...tasks];
  const worker = async (): Promise<void> => {
    for (let task = queue.shift(); task; task = queue.shift()) await task();
  };
  await Promise.all(Array.from({ length: limit }, worker));
};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'blinger-webhooks-consumers-'));
  const tarball = pack(work);
  // One install per combination of optional packages; every project of that combination sits in
  // it and finds its node_modules by walking up. The package is a real directory in each, so its
  // own imports (fast-check, io-ts) resolve from the consumer's node_modules, as after npm install.
  let unpacked: string | undefined;
  for (const nodeTypes of [true, false]) {
    for (const fastCheck of [true, false]) {
      const dir = join(work, `${nodeTypes ? 'node' : 'no-node'}-${fastCheck ? 'fast-check' : 'no-fast-check'}`);
      const links = ['io-ts', 'fp-ts', ...(nodeTypes ? ['@types/node'] : []), ...(fastCheck ? ['fast-check'] : [])];
      if (unpacked === undefined) unpacked = installTarball(tarball.path, dir, links);
      else copyInstalled(unpacked, dir, links);
    }
  }
  const tasks = setups.map((setup) => async () => {
    const install = `${setup.nodeTypes ? 'node' : 'no-node'}-${setup.fastCheck ? 'fast-check' : 'no-fast-check'}`;
    const project = join(work, install, nameOf(setup));
    mkdirSync(project);
    const files = filesOf(setup);
    for (const [file, source] of Object.entries(files)) writeFileSync(join(project, file), source);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ type: setup.resolution === 'node10' ? 'commonjs' : 'module' }));
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: compilerOptions(setup), files: Object.keys(files) }, null, 2),
    );
    outcomes.set(nameOf(setup), await runAsync(process.execPath, [compilers[setup.compiler], '-p', project], project));
  });
  // TypeScript 7 first: it is fast and multi-threaded; the 5.9 compiles then run two at a time.
  await limited(tasks, Math.min(2, availableParallelism()));
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('TypeScript consumers of the packed package (strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess, skipLibCheck false)', () => {
  it('covers the whole matrix', () => {
    expect(setups).toHaveLength(20);
    expect(new Set(setups.map(nameOf)).size).toBe(20);
  });

  it.each(setups.map((setup) => [nameOf(setup), setup] as const))('%s compiles', (name) => {
    const outcome = outcomes.get(name);
    expect(outcome, 'not compiled').toBeDefined();
    expect(outcome?.output).toBe('');
    expect(outcome?.status).toBe(0);
  });
});
