import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhook } from '../../src/testing/index.js';
import { fixturesDir, invalidExpectations, readFixtures } from '../helpers/fixtures.js';
import { createStyle, wantsColour } from '../../src/cli/style.js';
import { runMain } from './in-process.js';

const ESC = '\u001b';
let scratch = '';

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'blinger-cli-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const scratchFile = (name: string, content: string): string => {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
};

describe('blinger-webhooks validate: valid payloads', () => {
  it.concurrent.each(readFixtures('documented').map(([name]) => name))(
    'documented/%s: one summary line, exit 0',
    async (name) => {
      const result = await runMain(['validate', join(fixturesDir, 'documented', name)]);
      expect(result.status).toBe(0);
      const lines = result.stdout.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^${name.replace('.json', '')} `));
      expect(lines[0]).toContain('channel=');
      expect(lines[0]).toContain('sender="');
    },
  );

  it.concurrent.each(readFixtures('valid').map(([name]) => name))('valid/%s: exit 0', async (name) => {
    expect((await runMain(['validate', join(fixturesDir, 'valid', name)])).status).toBe(0);
  });

  it('prints event, conversation, channel, sender and text', async () => {
    const result = await runMain(['validate', join(fixturesDir, 'documented', 'on_message_incoming.json')]);
    expect(result.stdout.trim()).toBe(
      'on_message_incoming conversation=173 channel=vk sender="Yuri Dzabaev" text="test"',
    );
  });

  it('reads stdin for "-" and when no FILE is given', async () => {
    const input = JSON.stringify(createWebhook('on_user_new', { user: { name: 'Ann' } }));
    for (const args of [['validate', '-'], ['validate']]) {
      const result = await runMain(args, { input });
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('on_user_new channel=telegrambot sender="Ann"');
    }
  });

  it('--verbose also prints the decoded event', async () => {
    const file = join(fixturesDir, 'documented', 'on_comment_incoming.json');
    const result = await runMain(['validate', '--verbose', file]);
    expect(result.status).toBe(0);
    const [summary, ...rest] = result.stdout.split('\n');
    expect(summary).toMatch(/^on_comment_incoming /);
    expect(JSON.parse(rest.join('\n'))).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });
});

describe('blinger-webhooks validate: invalid payloads', () => {
  it.concurrent.each(Object.entries(invalidExpectations))('invalid/%s: its problems, exit 1', async (name, expected) => {
    const result = await runMain(['validate', join(fixturesDir, 'invalid', name)]);
    expect(result.status).toBe(1);
    const headline = { invalid_json: 'invalid JSON', unknown_event: 'unknown event', invalid_payload: 'invalid ' }[
      expected.kind
    ];
    expect(result.stdout.startsWith(headline)).toBe(true);
    for (const path of expected.paths ?? []) {
      expect(result.stdout).toContain(`  ${path === '' ? '(the body)' : path}: expected `);
    }
  });

  it('lists every problem, one line each, and never prints the values', async () => {
    const event = createWebhook('on_message_incoming') as unknown as Record<string, Record<string, unknown>>;
    event.message!.id = 'SECRET-VALUE-1';
    event.from_user!.title = 42;
    event.operator!.email = ['SECRET-VALUE-2'];
    const result = await runMain(['validate', scratchFile('three.json', JSON.stringify(event))]);
    expect(result.status).toBe(1);
    expect(result.stdout.trim().split('\n')).toEqual([
      'invalid on_message_incoming payload: 3 problems',
      '  operator.email: expected string | null, got array',
      '  from_user.title: expected string | null, got number',
      '  message.id: expected safe integer, got string',
    ]);
    expect(result.stdout).not.toContain('SECRET');
  });
});

describe('blinger-webhooks validate: usage and input errors', () => {
  it('a missing file exits 2', async () => {
    const result = await runMain(['validate', join(scratch, 'nope.json')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('no such file');
  });

  it('a directory exits 2', async () => {
    expect((await runMain(['validate', scratch])).status).toBe(2);
  });

  it('two files exit 2', async () => {
    const file = join(fixturesDir, 'documented', 'on_user_new.json');
    expect((await runMain(['validate', file, file])).status).toBe(2);
  });
});

describe('blinger-webhooks validate: terminal safety and colour', () => {
  const hostile = createWebhook('on_message_incoming', {
    from_user: { title: `Eve${ESC}]0;pwned\u0007` },
    message: { message: `hi${ESC}[2J\r\u202egnp.exe\u0085${'x'.repeat(200)}` },
  });

  it('escapes control characters and bidi overrides from the payload, and shortens long text', async () => {
    const result = await runMain(['validate', '-'], { input: JSON.stringify(hostile) });
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain(ESC);
    expect(result.stdout).not.toContain('\r');
    expect(result.stdout).not.toContain('\u202e');
    expect(result.stdout).not.toContain('\u0085');
    expect(result.stdout).toContain('\\u202e');
    expect(result.stdout).toContain('…"');
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('colours only when asked, and the coloured output is the plain one plus escapes', async () => {
    const file = join(fixturesDir, 'documented', 'on_user_new.json');
    const plain = await runMain(['validate', file]);
    expect(plain.stdout).not.toContain(ESC);
    const coloured = await runMain(['validate', file], { colour: true });
    expect(coloured.stdout).toContain(`${ESC}[1m`);
    expect(coloured.stdout.replace(/\u001b\[\d+m/g, '')).toBe(plain.stdout);
  });

  it('waits for no terminal: stdin that is a TTY is a usage error', async () => {
    const result = await runMain(['validate'], { stdinIsTTY: true });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('pipe the payload');
  });
});

describe('wantsColour: NO_COLOR, FORCE_COLOR and terminals', () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  it.each([
    [tty, {}, true],
    [pipe, {}, false],
    [tty, { TERM: 'dumb' }, false],
    [tty, { NO_COLOR: '1' }, false],
    [tty, { NO_COLOR: '' }, true],
    [pipe, { FORCE_COLOR: '1' }, true],
    [pipe, { FORCE_COLOR: '0' }, false],
    [pipe, { FORCE_COLOR: '1', NO_COLOR: '1' }, false],
  ] as const)('%j with %j: %s', (stream, env, expected) => {
    expect(wantsColour(stream, env)).toBe(expected);
  });

  it('a style without colour is the identity', () => {
    const style = createStyle(false);
    expect(style.red('x') + style.bold('y')).toBe('xy');
  });
});
