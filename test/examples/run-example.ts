import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookNames } from '../../src/index.js';
import { createWebhook, examples } from '../../src/testing/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const TOKEN = 'example-test-token';

interface RunningApp {
  readonly child: ChildProcess;
  readonly url: string;
  output(): string;
  /** Resolves once the app has printed `text`: its logs reach us a little after its answers. */
  waitFor(text: string): Promise<void>;
  exited: Promise<number | null>;
}

/** Starts `node examples/<name>/server.mjs` on a free port, as a user would, and reads the URL it prints. */
const startApp = (name: string): Promise<RunningApp> =>
  new Promise((resolve, reject) => {
    const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', BLINGER_TOKEN: TOKEN, NO_COLOR: '1' };
    const child = spawn(process.execPath, [`examples/${name}/server.mjs`], { cwd: root, env });
    let output = '';
    let started = false;
    const waiters: Array<() => void> = [];
    const wake = (): void => {
      for (const waiter of waiters.splice(0)) waiter();
    };
    const exited = new Promise<number | null>((done) =>
      child.on('close', (status) => {
        done(status);
        wake();
      }),
    );
    const waitFor = (text: string): Promise<void> =>
      new Promise((ready, fail) => {
        const check = (): void => {
          if (output.includes(text)) ready();
          else if (child.exitCode !== null || child.signalCode !== null) fail(new Error(`exited without printing ${text}:\n${output}`));
          else waiters.push(check);
        };
        check();
      });
    const collect = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      wake();
      const match = /Listening on (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(output);
      if (match !== null && !started) {
        started = true;
        resolve({ child, url: match[1]!, output: () => output, waitFor, exited });
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    void exited.then((status) => {
      if (!started) reject(new Error(`examples/${name} exited (${status}) before listening:\n${output}`));
    });
  });

const post = (url: string, body: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

/** The checks every example app must pass; `logged` lists the events its callbacks print. */
export const describeExampleApp = (name: string, logged: readonly string[]): void => {
  describe(`examples/${name}`, () => {
    let app: RunningApp;
    beforeAll(async () => {
      expect(existsSync(`${root}dist/index.js`), 'run `npm run build` first (npm test does)').toBe(true);
      app = await startApp(name);
    });
    afterAll(async () => {
      if (app !== undefined && app.child.exitCode === null && app.child.signalCode === null) {
        app.child.kill('SIGTERM');
        await app.exited;
      }
    });

    it('answers 200 {"ok":true} to every documented event', async () => {
      for (const event of webhookNames) {
        const response = await post(`${app.url}?token=${TOKEN}`, JSON.stringify(examples[event]));
        expect(response.status, event).toBe(200);
        expect(await response.json()).toEqual({ ok: true });
      }
    });

    it('hands each event to its callback', async () => {
      for (const event of logged) await app.waitFor(`${event}: `);
    });

    it('answers 401 without the token, and 400 with the problems for an invalid payload', async () => {
      const noToken = await post(app.url, JSON.stringify(examples.on_user_new));
      expect(noToken.status).toBe(401);
      const invalid = createWebhook('on_user_new') as unknown as { user: Record<string, unknown> };
      invalid.user.id = 'not a number';
      const response = await post(`${app.url}?token=${TOKEN}`, JSON.stringify(invalid));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_payload', issues: [{ path: 'user.id' }] });
      await app.waitFor('rejected 401 unauthorized');
      await app.waitFor('rejected 400 invalid_payload');
    });

    it('stops cleanly on SIGTERM', async () => {
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
    });
  });
};
