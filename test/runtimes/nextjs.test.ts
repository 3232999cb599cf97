// Next.js: `next build` then `next start` of an App Router route handler,
// test/runtimes/apps/nextjs/app/blinger/route.ts (`export const POST = toFetchHandler(...)`).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readFixtures } from '../helpers/fixtures.js';
import { describeRuntimeApp } from './contract.js';
import { bin, linkPackage, offlineEnv, run, runToEnd, send, serve } from './harness.js';

const env = offlineEnv({ NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' });

describeRuntimeApp(
  'Next.js (next build + next start)',
  async () => {
    const appDir = linkPackage('nextjs');
    rmSync(join(appDir, '.next'), { recursive: true, force: true });
    // Type-checks the route (strict, exactOptionalPropertyTypes) and bundles the package with Turbopack.
    await runToEnd(bin('next'), ['build'], appDir, env);
    const start = ([port]: readonly number[]) => run(bin('next'), ['start', '--hostname', '127.0.0.1', '--port', String(port)], appDir, env);
    return serve(1, start, 60_000);
  },
  {
    // `next build` takes about 20 s alone and several times that on two busy cores.
    startTimeoutMs: 420_000,
    more: (app) => {
      it('serves the same webhook from a route on the Edge runtime', async () => {
        const edge = `${app().url}/blinger-edge`;
        const documented = readFixtures('documented');
        for (const [file, raw] of documented) expect({ file, status: (await send(edge, 'POST', raw)).status }).toEqual({ file, status: 200 });
        expect((await send(edge, 'POST', Buffer.from('{"webhook":'))).status).toBe(400);
        expect((await send(edge, 'POST', Buffer.alloc(6 * 1024 * 1024, 0x20))).status).toBe(413);
        const recorded = await send(edge, 'GET');
        const names = documented.map(([, raw]) => (JSON.parse(raw.toString('utf8')) as { webhook: string }).webhook);
        expect(JSON.parse(recorded.body)).toEqual([...names, 'rejected 400 invalid_json', 'rejected 413 payload_too_large']);
      });
    },
  },
);
