// docs/cli.md, checked against the CLI: every console transcript is what the commands print
// (times, ports and file stamps aside), the side file shown is the one written, and every option
// the help texts list is documented, and every option the page uses exists.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir } from '../helpers/fixtures.js';
import { type InProcessListener, listenInProcess, runMain } from './in-process.js';

const page = readFileSync(new URL('../../docs/cli.md', import.meta.url), 'utf8');

interface Block {
  readonly lang: string;
  readonly text: string;
}
const blocks: Block[] = [...page.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((match) => ({ lang: match[1]!, text: match[2]! }));

interface Transcript {
  readonly args: string[];
  readonly output: string[];
}
/** The `$ npx blinger-webhooks ...` commands of the console blocks, each with the lines it prints. */
const transcripts: Transcript[] = blocks
  .filter((block) => block.lang === 'console')
  .flatMap((block) => block.text.trimEnd().split(/^\$ /m).filter(Boolean))
  .map((chunk) => {
    const [command = '', ...output] = chunk.split('\n');
    const words = [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]!);
    expect(words.slice(0, 2)).toEqual(['npx', 'blinger-webhooks']);
    return { args: words.slice(2), output };
  });
const transcript = (predicate: (args: string[]) => boolean): Transcript => {
  const found = transcripts.filter((entry) => predicate(entry.args));
  expect(found).toHaveLength(1);
  return found[0]!;
};

/** A line of the page as a pattern: times and file stamps stand for any. */
const linePattern = (line: string): RegExp =>
  new RegExp(
    `^${line
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/^\d\d:\d\d:\d\d/, '\\d\\d:\\d\\d:\\d\\d')
      .replace(/\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\\\.\d{3}Z/g, '\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d\\.\\d{3}Z')}$`,
  );
const expectLines = (printed: string, documented: string[]): void => {
  const lines = printed.trimEnd().split('\n');
  expect(lines).toHaveLength(documented.length);
  lines.forEach((line, index) => expect(line).toMatch(linePattern(documented[index]!)));
};

/** The files the page's commands name. */
const files: Record<string, string> = {
  'delivery.json': join(fixturesDir, 'documented', 'on_message_incoming.json'),
  'broken.json': join(fixturesDir, 'invalid', 'incoming_tags_and_page_url.json'),
};

describe('docs/cli.md: validate and examples print what the page shows', () => {
  it.each(transcripts.filter(({ args }) => args[0] === 'validate' || args[0] === 'examples').map((entry) => [entry.args.join(' '), entry] as const))(
    '$ npx blinger-webhooks %s',
    async (_name, { args, output }) => {
      const result = await runMain(args.map((arg) => files[arg] ?? arg));
      expect(result.stderr).toBe('');
      expectLines(result.stdout, output);
    },
  );
});

describe('docs/cli.md: the listen --save and replay session', () => {
  let dir = '';
  let listener: InProcessListener;
  /** The output with this run's port and directory written as the page writes them. */
  const asOnPage = (text: string): string => text.replaceAll(`:${listener.port}`, ':3000').replaceAll(dir, 'deliveries');
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'blinger-cli-docs-'));
    const { args } = transcript((words) => words[0] === 'listen');
    listener = await listenInProcess(args.slice(1).map((arg) => (arg === '3000' ? '0' : arg === 'deliveries' ? dir : arg)));
  });
  afterAll(async () => {
    await listener.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listen prints the lines shown once the two deliveries have arrived', async () => {
    const url = `${listener.url}/blinger`;
    expect((await runMain(['send', url])).status).toBe(0);
    expect((await runMain(['send', url, '--file', files['broken.json']!])).status).toBe(1);
    await listener.waitFor((stdout) => (stdout.match(/ > \S+\.json$/gm) ?? []).length === 2);
    const { output } = transcript((words) => words[0] === 'listen');
    // The page starts `listen` with --port 3000; the test with --port 0.
    expectLines(asOnPage(listener.output()).replace('--port 0', '--port 3000'), output);
  });

  it('the side file shown is the one written for the invalid delivery', () => {
    const shown = JSON.parse(blocks.find((block) => block.lang === 'json' && block.text.includes('"receivedAt"'))!.text) as Record<string, unknown>;
    const name = readdirSync(dir).filter((file) => file.endsWith('.meta.json')).sort()[1]!;
    const written = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(written)).toEqual(Object.keys(shown));
    expect({ ...written, receivedAt: shown.receivedAt }).toEqual(shown);
  });

  it('replay prints the lines shown', async () => {
    const { args, output } = transcript((words) => words[0] === 'replay');
    const result = await runMain(args.map((arg) => (arg === 'deliveries' ? dir : arg.replace(':3000', `:${listener.port}`))));
    expect(result.status).toBe(1);
    expectLines(asOnPage(`${result.stdout}${result.stderr}`), output);
  });

  it('send with a token prints the lines shown', async () => {
    const { args, output } = transcript((words) => words[0] === 'send' && words.includes('--token'));
    const result = await runMain(args.map((arg) => (arg === '$BLINGER_TOKEN' ? 'any-token' : arg.replace(':3000', `:${listener.port}`))));
    expect(result.status).toBe(0);
    expectLines(asOnPage(result.stdout), output);
  });

  it('send to a port where nothing listens prints the lines shown', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { args, output } = transcript((words) => words[0] === 'send' && words.some((word) => word.includes(':3001')));
    const result = await runMain(args.map((arg) => arg.replace(':3001', `:${port}`)));
    expect(result.status).toBe(1);
    expectLines(`${result.stdout}${result.stderr}`.replaceAll(`:${port}`, ':3001'), output);
  });
});

describe('docs/cli.md: options', () => {
  const commands = ['validate', 'examples', 'send', 'listen', 'replay'];
  /** The page's section of a command: from its `## \`name` heading to the next `## `. */
  const section = (command: string): string => {
    const start = page.indexOf(`## \`${command}`);
    expect(start).toBeGreaterThan(-1);
    const end = page.indexOf('\n## ', start + 1);
    return page.slice(start, end === -1 ? undefined : end);
  };

  it.each(commands)('%s: every option of its --help is documented in its section', async (command) => {
    const { stdout } = await runMain([command, '--help']);
    const options = [...stdout.matchAll(/^\s+(?:-\w, )?(--[\w-]+)/gm)].map((match) => match[1]!).filter((option) => option !== '--help');
    for (const option of options) expect(section(command), `${command} ${option}`).toMatch(new RegExp(`${option}(?![\\w-])`));
  });

  it('every blinger-webhooks command line on the page uses options its command has', async () => {
    const lines = blocks.flatMap((block) => block.text.split('\n')).filter((line) => /blinger-webhooks [a-z]/.test(line));
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      const [, command = '', rest = ''] = /blinger-webhooks ([a-z]+)(.*)/.exec(line)!;
      expect(commands, line).toContain(command);
      const { stdout } = await runMain([command, '--help']);
      for (const option of rest.match(/(?<=\s)--?[\w-]+/g) ?? []) {
        expect(stdout, `${line}: ${option}`).toMatch(new RegExp(`(^|\\s|, )${option}(\\s|,|$)`, 'm'));
      }
    }
  });
});
