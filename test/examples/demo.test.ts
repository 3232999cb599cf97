import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { webhookNames } from '../../src/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('npm run demo (examples/demo.mjs)', () => {
  it('delivers every event and the bad deliveries over HTTP, gets the promised answers, exits 0', () => {
    expect(existsSync(`${root}dist/index.js`), 'run `npm run build` first (npm test does)').toBe(true);
    const env = { ...process.env, NO_COLOR: '1' };
    const result = spawnSync(process.execPath, ['examples/demo.mjs'], { cwd: root, env, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    for (const name of webhookNames) expect(result.stdout).toContain(`callback received ${name}: `);
    expect(result.stdout.match(/server answered 200 \{"ok":true\}/g)).toHaveLength(webhookNames.length);
    expect(result.stdout).toContain('server answered 400 {"error":"invalid_json"');
    expect(result.stdout).toContain('server answered 400 {"error":"invalid_payload"');
    // Both faults its title names are reported (a numeric string id would decode: a wire quirk).
    expect(result.stdout).toContain('"issues":[{"path":"user.id"');
    expect(result.stdout).toContain('{"path":"user.date_created","expected":"safe integer","received":"missing"}');
    expect(result.stdout).toContain('onUnknownEvent on_invoice_paid');
    expect(result.stdout).toContain('server answered 405 Allow: POST');
    expect(result.stdout).toContain('server answered 401');
    expect(result.stdout).toContain('Every answer matched the HTTP contract.');
  });
});
