// The root entry as a user compiles it (issue 11, items 1 and 2): its declarations need neither
// `node:http` nor `@types/node`, and every option filled from something optional compiles under
// `exactOptionalPropertyTypes` with `skipLibCheck: false`.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Inside the repository, so that io-ts and fp-ts resolve from its node_modules as a user's would.
const out = join(root, 'node_modules/.cache/blinger-webhooks', `consumer-types-${process.pid}`);
afterAll(() => rmSync(out, { recursive: true, force: true }));

const format = (diagnostics: readonly ts.Diagnostic[]): string =>
  ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (name) => name, getCurrentDirectory: () => root, getNewLine: () => '\n' });

const CONSUMER = `
import {
  toExpressHandler,
  toFetchHandler,
  toNodeHandler,
  type WebhookHandlerOptions,
  type WebhookListener,
  type WebhookRejection,
} from './index.js';

// What process.env gives, without @types/node.
declare const env: { readonly [name: string]: string | undefined };

const fetchHandler = toFetchHandler(() => undefined, {
  secretToken: env['BLINGER_TOKEN'],
  tokenParam: env['BLINGER_TOKEN_PARAM'],
  path: env['BLINGER_PATH'],
  maxBodyBytes: undefined,
  bodyTimeoutMs: undefined,
  acknowledge: undefined,
  onError: undefined,
  onUnknownEvent: undefined,
  onInvalidDelivery: undefined,
  onRejected: undefined,
});
const answer: Promise<Response> = fetchHandler(new Request('https://example.com/blinger', { method: 'POST' }));
void answer;

const listener: WebhookListener<Request> = { on_user_new: undefined, on_message_incoming: (event) => console.log(event.message.message) };
toFetchHandler(listener, { secretToken: [env['OLD_TOKEN'] ?? 'old', 'new'] });
toNodeHandler(() => undefined, { secretToken: env['BLINGER_TOKEN'] });
toExpressHandler(() => undefined, { secretToken: env['BLINGER_TOKEN'], acknowledge: { timeoutMs: 5000 } });

const options: WebhookHandlerOptions<Request> = {
  onInvalidDelivery: async (error, context) => {
    const kind: 'invalid_json' | 'invalid_payload' = error.kind;
    const bytes: Uint8Array | null = context.rawBody;
    void kind;
    void bytes;
  },
  onRejected: (rejection) => {
    // Each code comes with its own status.
    if (rejection.error === 'payload_too_large') {
      const status: 413 = rejection.status;
      void status;
    }
    if (rejection.error === 'unsupported_charset') {
      const status: 415 = rejection.status;
      void status;
    }
    if (rejection.error === 'invalid_payload') console.log(rejection.parseError.issues.length);
  },
};
void options;

// @ts-expect-error 413 goes with payload_too_large, never with another code
const mismatched: WebhookRejection = { status: 400, error: 'payload_too_large', message: '' };
void mismatched;

// @ts-expect-error a misspelt code does not compile
const misspelt: WebhookRejection = { status: 413, error: 'payload_to_large', message: '' };
void misspelt;
`;

describe('the root entry, compiled as a user compiles it', () => {
  const declarations = join(out, 'declarations');
  mkdirSync(declarations, { recursive: true });
  const emitted = ts
    .createProgram([join(root, 'src/index.ts')], {
      declaration: true,
      emitDeclarationOnly: true,
      outDir: declarations,
      rootDir: join(root, 'src'),
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      skipLibCheck: true,
      types: ['node'],
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    })
    .emit();

  it('declares nothing from node: modules, however deep', () => {
    expect(format(emitted.diagnostics)).toBe('');
    const files = readdirSync(declarations, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.d.ts'));
    expect(files).toContain('index.d.ts');
    for (const file of files) {
      // Without comments: the TSDoc examples may well import node:http.
      const text = readFileSync(join(declarations, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
      expect(text, file).not.toMatch(/from ["']node:|import\(["']node:|reference types=|NodeJS\./);
    }
  });

  it('compiles a consumer without @types/node, with exactOptionalPropertyTypes and skipLibCheck: false', () => {
    const consumer = join(declarations, 'consumer.ts');
    writeFileSync(consumer, CONSUMER);
    const program = ts.createProgram([consumer], {
      noEmit: true,
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: false,
      types: [],
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    });
    const diagnostics = ts.getPreEmitDiagnostics(program);
    expect(format(diagnostics)).toBe('');
    // The check ran on the declarations, and @types/node was not among them.
    const loaded = program.getSourceFiles().map((file) => relative(root, file.fileName));
    expect(loaded.some((file) => file.endsWith('http/options.d.ts'))).toBe(true);
    expect(loaded.some((file) => file.includes('@types/node'))).toBe(false);
  });
}, 120_000);
