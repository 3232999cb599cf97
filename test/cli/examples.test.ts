import { describe, expect, it } from 'vitest';
import { webhookNames } from '../../src/index.js';
import { examples } from '../../src/testing/index.js';
import { runMain } from './in-process.js';

describe('blinger-webhooks examples', () => {
  it('without an event lists every event name, one per line', async () => {
    const result = await runMain(['examples']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([...webhookNames]);
  });

  it.each([...webhookNames])('%s prints the documented example as JSON', async (name) => {
    const result = await runMain(['examples', name]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(examples[name]);
  });

  it('an unknown event exits 2 and names the known ones', async () => {
    const result = await runMain(['examples', 'on_invoice_paid']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('on_message_incoming');
  });

  it('a second event is a usage error', async () => {
    expect((await runMain(['examples', 'on_user_new', 'on_message_incoming'])).status).toBe(2);
  });
});
