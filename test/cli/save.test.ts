import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDeliveryStore } from '../../src/cli/save.js';

const scratch = mkdtempSync(join(tmpdir(), 'blinger-cli-store-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('the delivery store of listen --save', () => {
  it('names sort in order of arrival, whichever body is saved first', async () => {
    const store = await openDeliveryStore(join(scratch, 'order'));
    // Three deliveries in the same millisecond, saved last first.
    const now = new Date('2026-12-08T01:02:03.456Z');
    const names = [store.nameOnArrival(now), store.nameOnArrival(now), store.nameOnArrival(now)];
    const files: string[] = [];
    for (const index of [2, 1, 0]) files[index] = await store.saveBody(names[index]!, bytes(`body ${index}`));
    expect(files).toEqual([
      '2026-12-08T01-02-03.456Z-000001.json',
      '2026-12-08T01-02-03.456Z-000002.json',
      '2026-12-08T01-02-03.456Z-000003.json',
    ]);
    const sorted = readdirSync(store.dir).sort();
    expect(sorted.map((file) => readFileSync(join(store.dir, file), 'utf8'))).toEqual(['body 0', 'body 1', 'body 2']);
  });

  it('never overwrites a file an earlier run left under the same name', async () => {
    const dir = join(scratch, 'taken');
    const store = await openDeliveryStore(dir);
    const name = store.nameOnArrival(new Date('2026-12-08T01:02:03.456Z'));
    writeFileSync(join(dir, `${name}.json`), 'earlier run');
    writeFileSync(join(dir, `${name}_2.json`), 'earlier run, too');
    expect(await store.saveBody(name, bytes('this run'))).toBe(`${name}_3.json`);
    expect(readFileSync(join(dir, `${name}.json`), 'utf8')).toBe('earlier run');
    expect(readFileSync(join(dir, `${name}_3.json`), 'utf8')).toBe('this run');
    // No temporary file is left behind, and the names sort in the order they were written (replay's order).
    expect(readdirSync(dir).sort()).toEqual([`${name}.json`, `${name}_2.json`, `${name}_3.json`]);
  });
});
