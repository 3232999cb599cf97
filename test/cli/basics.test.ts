import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runMain } from './in-process.js';

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const commands = ['validate', 'examples', 'send', 'listen', 'replay'];

describe('blinger-webhooks (no command)', () => {
  it.each(['--version', '-V'])('%s prints the package version and exits 0', async (flag) => {
    const result = await runMain([flag]);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(manifest.version);
  });

  it.each(['--help', '-h', 'help'])('%s lists every command and exits 0', async (flag) => {
    const result = await runMain([flag]);
    expect(result.status).toBe(0);
    for (const command of commands) expect(result.stdout).toContain(`  ${command} `);
  });

  it('without a command prints the help on stderr and exits 2', async () => {
    const result = await runMain([]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Usage: blinger-webhooks <command>');
  });

  it('with an unknown command exits 2', async () => {
    const result = await runMain(['frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unknown command "frobnicate"');
  });

  it('help with an unknown command exits 2', async () => {
    expect((await runMain(['help', 'frobnicate'])).status).toBe(2);
  });
});

describe.each(commands)('blinger-webhooks %s', (command) => {
  it.each(['--help', '-h'])('%s prints its usage and exits 0', async (flag) => {
    const result = await runMain([command, flag]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Usage: blinger-webhooks ${command}`);
    expect(result.stdout).toContain('Exit status');
    expect(result.stderr).toBe('');
  });

  it('help <command> prints the same usage', async () => {
    const [viaHelp, viaFlag] = await Promise.all([runMain(['help', command]), runMain([command, '-h'])]);
    expect(viaHelp.status).toBe(0);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
  });

  it('the usage lists every option the command accepts', async () => {
    const { stdout } = await runMain([command, '--help']);
    const listed = [...stdout.matchAll(/^\s+(?:-\w, )?(--[\w-]+)/gm)].map((match) => match[1]);
    expect(listed).toContain('--help');
    for (const option of listed) {
      // An option the parser does not know is a usage error; a listed one never is.
      const result = await runMain([command, option!, 'x', '--help']);
      expect(result.stderr, `${command} ${option}`).not.toContain('Unknown option');
    }
  });

  it('an unknown option is a usage error: exit 2, with a pointer to --help', async () => {
    const result = await runMain([command, '--no-such-option']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Unknown option '--no-such-option'");
    expect(result.stderr).toContain(`blinger-webhooks ${command} --help`);
  });
});
