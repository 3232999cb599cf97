// Next.js: `next build` then `next start` of an App Router route handler,
// test/runtimes/apps/nextjs/app/blinger/route.ts (`export const POST = toFetchHandler(...)`).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describeRuntimeApp } from './contract.js';
import { bin, freePort, linkPackage, offlineEnv, run, runToEnd, waitUntilServing } from './harness.js';

const env = offlineEnv({ NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' });

describeRuntimeApp(
  'Next.js (next build + next start)',
  async () => {
    const appDir = linkPackage('nextjs');
    rmSync(join(appDir, '.next'), { recursive: true, force: true });
    // Type-checks the route (strict, exactOptionalPropertyTypes) and bundles the package with Turbopack.
    await runToEnd(bin('next'), ['build'], appDir, env);
    const port = await freePort();
    const server = run(bin('next'), ['start', '--hostname', '127.0.0.1', '--port', String(port)], appDir, env);
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitUntilServing(server, url, 60_000);
    } catch (error) {
      await server.stop();
      throw error;
    }
    return { url, server };
  },
  // `next build` takes about 20 s alone and several times that on two busy cores.
  { startTimeoutMs: 420_000 },
);
