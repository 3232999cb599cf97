import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from './run-cli.js';

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
  bin?: Record<string, string>;
};

beforeAll(assertBuilt);

describe('blinger-webhooks (no command)', () => {
  it.each(['--version', '-V'])('%s prints the package version and exits 0', async (flag) => {
    const result = await runCli([flag]);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(manifest.version);
  });

  it.each(['--help', '-h', 'help'])('%s lists every command and exits 0', async (flag) => {
    const result = await runCli([flag]);
    expect(result.status).toBe(0);
    for (const command of ['validate', 'examples', 'send', 'listen']) expect(result.stdout).toContain(`  ${command} `);
  });

  it('without a command prints the help on stderr and exits 2', async () => {
    const result = await runCli([]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Usage: blinger-webhooks <command>');
  });

  it('with an unknown command exits 2', async () => {
    const result = await runCli(['frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unknown command "frobnicate"');
  });

  it('help with an unknown command exits 2', async () => {
    expect((await runCli(['help', 'frobnicate'])).status).toBe(2);
  });

  it('is the package.json bin, and the built file starts with a shebang', () => {
    expect(manifest.bin?.['blinger-webhooks']).toBe('./dist/cli.js');
    expect(readFileSync(new URL('../../dist/cli.js', import.meta.url), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});

describe.each(['validate', 'examples', 'send', 'listen'])('blinger-webhooks %s', (command) => {
  it('--help prints its usage and exits 0', async () => {
    const result = await runCli([command, '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Usage: blinger-webhooks ${command}`);
    expect(result.stdout).toContain('Exit status');
  });

  it('help <command> prints the same usage', async () => {
    const [viaHelp, viaFlag] = await Promise.all([runCli(['help', command]), runCli([command, '-h'])]);
    expect(viaHelp.status).toBe(0);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
  });

  it('an unknown option is a usage error: exit 2, with a pointer to --help', async () => {
    const result = await runCli([command, '--no-such-option']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--no-such-option');
    expect(result.stderr).toContain(`blinger-webhooks ${command} --help`);
  });
});
