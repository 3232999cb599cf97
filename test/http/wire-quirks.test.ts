/**
 * Every adapter, in every body state, on a real server: a PHP sender's quirky delivery reaches the
 * callback as the canonical event (200), and a near-miss is refused (400) without calling it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { BlingerWebhook } from '../../src/index.js';
import { createWebhook, quirkyWireForm } from '../../src/testing/index.js';
import { canonicalOf, readFixtures } from '../helpers/fixtures.js';
import { contentTypeFor, type RunningEndpoint, type SetupName, setups, start } from './servers.js';

const quirkFixtures = readFixtures('valid').filter(([name]) => name.startsWith('quirk_'));
const nearMissFixtures = readFixtures('invalid').filter(([name]) => name.startsWith('near_miss_'));

let endpoint: RunningEndpoint | undefined;
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

describe.each(Object.keys(setups) as SetupName[])('%s', (name) => {
  it('decodes each wire-quirk rule to the canonical event and refuses each near-miss', async () => {
    const received: BlingerWebhook[] = [];
    endpoint = await start(name, (event: BlingerWebhook) => void received.push(event));
    const post = (body: string) =>
      fetch(endpoint!.url, { method: 'POST', body, headers: { 'content-type': contentTypeFor(name) } });

    for (const [fixture, bytes] of quirkFixtures) {
      const response = await post(bytes.toString('utf8'));
      expect(response.status, fixture).toBe(200);
      await response.arrayBuffer();
    }
    // Every quirk of the table at once, as the testing entry writes them.
    const event = createWebhook('on_message_incoming', { operator: { id: null, name: null, email: null } });
    const everyQuirk = quirkyWireForm(event, { seed: 3 });
    expect(new Set(everyQuirk.quirks.map((quirk) => quirk.rule)).size).toBeGreaterThanOrEqual(3);
    expect((await post(JSON.stringify(everyQuirk.payload))).status).toBe(200);
    expect(received).toEqual([...quirkFixtures.map(([fixture, bytes]) => canonicalOf(fixture, bytes)), event]);

    for (const [fixture, bytes] of nearMissFixtures) {
      const response = await post(bytes.toString('utf8'));
      expect(response.status, fixture).toBe(400);
      await response.arrayBuffer();
    }
    expect(received).toHaveLength(quirkFixtures.length + 1);
  });

  it('onWireQuirks reports every decoded field by path and rule; wireQuirks: reject refuses the delivery at those paths', async () => {
    const event = createWebhook('on_message_incoming', { operator: { id: null, name: null, email: null } });
    const everyQuirk = quirkyWireForm(event, { seed: 3 });
    const sentPaths = [...new Set(everyQuirk.quirks.map((quirk) => quirk.path))].sort();
    const body = JSON.stringify(everyQuirk.payload);
    const headers = { 'content-type': contentTypeFor(name) };

    const reported: string[][] = [];
    const received: BlingerWebhook[] = [];
    endpoint = await start(name, (got: BlingerWebhook) => void received.push(got), {
      onWireQuirks: (quirks: ReadonlyArray<{ readonly path: string }>) => void reported.push(quirks.map((quirk) => quirk.path)),
    });
    expect((await fetch(endpoint.url, { method: 'POST', body, headers })).status).toBe(200);
    expect(received).toEqual([event]);
    expect(reported).toHaveLength(1);
    expect([...new Set(reported[0])].sort()).toEqual(sentPaths);
    await endpoint.close();

    received.length = 0;
    endpoint = await start(name, (got: BlingerWebhook) => void received.push(got), { wireQuirks: 'reject' });
    const refused = await fetch(endpoint.url, { method: 'POST', body, headers });
    expect(refused.status).toBe(400);
    const answer = (await refused.json()) as { error: string; issues: Array<{ path: string }> };
    expect(answer.error).toBe('invalid_payload');
    expect([...new Set(answer.issues.map((issue) => issue.path))].sort()).toEqual(sentPaths);
    expect(received).toEqual([]);
  });
});
