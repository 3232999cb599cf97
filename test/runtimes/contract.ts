/**
 * The checks every runtime app passes: every documented event answered 200 and handed to the
 * callback, a bad delivery answered 400, an oversized body 413 (declared and streamed), and
 * nothing refused reaches the callback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixtures } from '../helpers/fixtures.js';
import { type Answer, type Framing, recorded, type RunningProcess, send } from './harness.js';

export interface StartedApp {
  /** The server's origin, `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly server: RunningProcess;
}

const documented = readFixtures('documented');
const eventName = (raw: Buffer): string => (JSON.parse(raw.toString('utf8')) as { webhook: string }).webhook;

/** 6 MiB of valid JSON, above the default 5 MiB limit. */
const oversized = (): Uint8Array => {
  const body = Buffer.alloc(6 * 1024 * 1024, 0x20);
  body.write('{"webhook":"on_user_new","padding":"');
  body.write('"}', body.byteLength - 2);
  return body;
};

const invalidPayload = (): Uint8Array => {
  const event = JSON.parse(documented.find(([name]) => name === 'on_user_new.json')![1].toString('utf8')) as {
    user: Record<string, unknown>;
  };
  event.user.id = 'not a number';
  return Buffer.from(JSON.stringify(event));
};

/** The 413, or how it was lost (a connection error's code, or another status such as `status 503`), so a failure shows which. */
const answerOrLoss = async (url: string, body: Uint8Array, framing: Framing): Promise<Answer | { readonly lost: string }> => {
  try {
    const answer = await send(url, 'POST', body, framing);
    return answer.status === 413 ? answer : { ...answer, lost: `status ${answer.status}` };
  } catch (error) {
    return { lost: String((error as NodeJS.ErrnoException).code) };
  }
};

/** Declares the runtime's suite; `start` builds (if needed) and starts the app, failing if it cannot. */
export const describeRuntimeApp = (
  name: string,
  start: () => Promise<StartedApp>,
  options: {
    readonly startTimeoutMs: number;
    /** More tests for this runtime, run while the app is up. */
    readonly more?: (app: () => StartedApp) => void;
  },
): void => {
  let app: StartedApp | undefined;
  const current = (): StartedApp => {
    if (app === undefined) throw new Error(`${name} did not start`);
    return app;
  };
  const webhook = (): string => `${current().url}/blinger`;

  describe(name, () => {
    beforeAll(async () => {
      app = await start();
    }, options.startTimeoutMs);

    afterAll(async () => {
      await app?.server.stop();
    }, 30_000);

    it('answers 200 {"ok":true} to every documented event and hands each to the callback', async () => {
      const before = (await recorded(current().url)).length;
      for (const [file, raw] of documented) {
        const answer = await send(webhook(), 'POST', raw);
        expect({ file, status: answer.status, body: JSON.parse(answer.body) as unknown }).toEqual({ file, status: 200, body: { ok: true } });
      }
      const events = (await recorded(current().url)).slice(before);
      expect(events).toEqual(documented.map(([, raw]) => eventName(raw)));
      expect(events).toHaveLength(8);
    });

    it('answers 400 to a bad delivery, with the reason, and does not call the callback', async () => {
      const before = (await recorded(current().url)).length;
      const notJson = await send(webhook(), 'POST', Buffer.from('{"webhook":'));
      expect(notJson.status).toBe(400);
      expect(JSON.parse(notJson.body)).toMatchObject({ error: 'invalid_json' });
      const wrongShape = await send(webhook(), 'POST', invalidPayload());
      expect(wrongShape.status).toBe(400);
      expect(JSON.parse(wrongShape.body)).toMatchObject({ error: 'invalid_payload', issues: [{ path: 'user.id' }] });
      expect((await recorded(current().url)).slice(before)).toEqual(['rejected 400 invalid_json', 'rejected 400 invalid_payload']);
    });

    it('still serves deliveries after refused ones', async () => {
      const [, raw] = documented[0]!;
      const answer = await send(webhook(), 'POST', raw);
      expect(answer.status).toBe(200);
      expect((await recorded(current().url)).at(-1)).toBe(eventName(raw));
    });

    it('answers 405 to a method other than POST', async () => {
      const answer = await send(webhook(), 'PUT', Buffer.from('{}'));
      expect(answer.status).toBe(405);
    });

    options.more?.(current);

    it('answers 413 to a 6 MiB body with a Content-Length, and to one streamed without', async () => {
      const before = (await recorded(current().url)).length;
      // Sent as a plain client does, without `Expect: 100-continue` (under `wrangler dev` a request
      // with it that the Worker refuses unread never gets its answer).
      for (const framing of ['declared', 'chunked'] as const) {
        const outcome = await answerOrLoss(webhook(), oversized(), framing);
        expect({ framing, ...outcome }).toMatchObject({ framing, status: 413 });
        expect(JSON.parse((outcome as Answer).body)).toMatchObject({ error: 'payload_too_large' });
      }
      expect((await recorded(current().url)).slice(before)).toEqual(['rejected 413 payload_too_large', 'rejected 413 payload_too_large']);
    });

    it('still serves deliveries after refusing oversized ones', async () => {
      const [, raw] = documented[0]!;
      const answer = await send(webhook(), 'POST', raw);
      expect(answer.status).toBe(200);
      expect((await recorded(current().url)).at(-1)).toBe(eventName(raw));
    });
  });
};
