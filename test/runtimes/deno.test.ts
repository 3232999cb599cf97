// Deno: `Deno.serve` with `toFetchHandler` (test/runtimes/apps/deno/server.ts), offline: no remote
// modules, npm packages only from node_modules.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeRuntimeApp } from './contract.js';
import { bin, linkPackage, offlineEnv, run, serve } from './harness.js';

describeRuntimeApp(
  'Deno.serve',
  async () => {
    const appDir = linkPackage('deno');
    const args = ['run', '--no-remote', '--no-prompt', '--node-modules-dir=manual', '--allow-net=127.0.0.1', '--allow-env=PORT', 'server.ts'];
    const env = (port: number): NodeJS.ProcessEnv =>
      offlineEnv({
        PORT: String(port),
        DENO_NO_UPDATE_CHECK: '1',
        DENO_DIR: mkdtempSync(join(tmpdir(), 'blinger-webhooks-deno-')),
      });
    return serve(1, ([port]) => run(bin('deno'), args, appDir, env(port!)), 30_000);
  },
  { startTimeoutMs: 70_000 },
);
