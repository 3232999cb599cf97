/**
 * `listen --save` prints deliveries in the order they were answered even when the disk is slow for
 * one of them: a refused delivery is answered before its body is saved, so the next delivery's
 * line was once printed first (seen in CI). The disk is slowed by holding back the write of one
 * body, recognised by its content.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { examples } from '../../src/testing/index.js';
import { listenInProcess } from './in-process.js';

const SLOW_BODY = '{"slow": "this body is not JSON';

const held = vi.hoisted(() => {
  let release = (): void => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { released, release: () => release(), writesHeld: 0 };
});

vi.mock('node:fs/promises', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs/promises')>();
  const writeFile: typeof original.writeFile = async (file, data, options) => {
    if (data instanceof Uint8Array && Buffer.from(data).toString('utf8') === SLOW_BODY) {
      held.writesHeld += 1;
      await held.released;
    }
    return original.writeFile(file, data, options);
  };
  return { ...original, writeFile, default: { ...original, writeFile } };
});

const scratch = mkdtempSync(join(tmpdir(), 'blinger-cli-order-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const post = async (url: string, body: string): Promise<number> =>
  (await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } })).status;

describe('listen --save: lines in the order of the answers', () => {
  it('a later delivery whose save finishes first still prints after the slow one', async () => {
    const listener = await listenInProcess(['--save', join(scratch, 'deliveries')]);
    try {
      expect(await post(`${listener.url}/`, SLOW_BODY)).toBe(400);
      expect(await post(`${listener.url}/`, JSON.stringify(examples.on_user_new))).toBe(200);
      expect(held.writesHeld).toBe(1);
      // The second delivery is saved and answered; its line waits for the first one's.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(listener.output()).not.toMatch(/ 200 POST /);
      held.release();
      await listener.waitFor((stdout) => / 400 POST [\s\S]* 200 POST /.test(stdout));
      const statuses = [...listener.output().matchAll(/ (\d{3}) POST /g)].map((match) => match[1]);
      expect(statuses).toEqual(['400', '200']);
    } finally {
      held.release();
      await listener.stop();
    }
  });
});
