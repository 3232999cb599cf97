import { describe, expect, it } from 'vitest';
import { parseBenchOptions } from '../bench/http/args.js';

const known = ['express 5', 'node:http', 'Hono (fetch, c.env)'] as const;

describe('bench:http options', () => {
  it('defaults: 12 rounds of 2 s after 10 s of warm-up, 50 connections, every framework', () => {
    expect(parseBenchOptions([], known)).toEqual({
      duration: 2,
      rounds: 12,
      warmup: 10,
      connections: 50,
      payloadFile: 'fixtures/documented/on_message_incoming.json',
      frameworks: ['express 5', 'node:http', 'Hono (fetch, c.env)'],
      atOnce: false,
    });
  });

  it('reads each option', () => {
    const options = parseBenchOptions(
      ['--duration', '0.5', '--rounds', '36', '--warmup', '0', '--connections', '10', '--payload', 'closed', '--only', 'Hono', '--at-once'],
      known,
    );
    expect(options).toEqual({
      duration: 0.5,
      rounds: 36,
      warmup: 0,
      connections: 10,
      payloadFile: 'fixtures/valid/conversation_closed_300_messages.json',
      frameworks: ['Hono (fetch, c.env)'],
      atOnce: true,
    });
  });

  it.each([
    [['--rounds', '0'], '--rounds must be a whole number from 1'],
    [['--rounds', 'abc'], '--rounds must be a whole number from 1'],
    [['--rounds', '2.5'], '--rounds must be a whole number from 1'],
    [['--rounds', ''], '--rounds must be a whole number from 1'],
    [['--duration', '0'], '--duration must be a number of seconds above 0'],
    [['--duration', 'Infinity'], '--duration must be a number of seconds above 0'],
    [['--warmup=-1'], '--warmup must be a number of seconds, 0 or more'],
    [['--connections', '0'], '--connections must be a whole number from 1'],
    [['--payload', 'constructor'], '--payload must be message or closed'],
    [['--at-once', '--rounds', '1'], '--rounds must be even with --at-once'],
    [['--at-once', '--rounds', '13'], '--rounds must be even with --at-once'],
    [['--serve', 'node:http'], "Unknown option '--serve'"],
    [['--only', 'nosuch'], '--only "nosuch" names none of: express 5, node:http, Hono (fetch, c.env)'],
  ])('refuses %j, naming the option', (args, message) => {
    expect(() => parseBenchOptions(args, known)).toThrow(message);
  });

  it('refuses an unknown option or a positional argument', () => {
    expect(() => parseBenchOptions(['--round', '3'], known)).toThrow(/--round/);
    expect(() => parseBenchOptions(['express'], known)).toThrow(/express/);
  });
});
