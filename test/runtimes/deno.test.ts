// Deno: `Deno.serve` with `toFetchHandler` (test/runtimes/apps/deno/server.ts), offline: no remote
// modules, npm packages only from node_modules.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeRuntimeApp } from './contract.js';
import { bin, freePort, linkPackage, offlineEnv, run, waitUntilServing } from './harness.js';

describeRuntimeApp(
  'Deno.serve',
  async () => {
    const appDir = linkPackage('deno');
    const port = await freePort();
    const args = ['run', '--no-remote', '--no-prompt', '--node-modules-dir=manual', '--allow-net=127.0.0.1', '--allow-env=PORT', 'server.ts'];
    const server = run(bin('deno'), args, appDir, offlineEnv({
      PORT: String(port),
      DENO_NO_UPDATE_CHECK: '1',
      DENO_DIR: mkdtempSync(join(tmpdir(), 'blinger-webhooks-deno-')),
    }));
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitUntilServing(server, url, 30_000);
    } catch (error) {
      await server.stop();
      throw error;
    }
    return { url, server };
  },
  { startTimeoutMs: 40_000 },
);
