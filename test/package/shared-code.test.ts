/**
 * The entry points share one copy of the codecs (tsup `splitting`, shared chunks in ESM and CJS):
 * the codecs `blinger-webhooks/testing/arbitraries` walks are the very objects the root entry
 * exports, so a codec a user gets from one entry is the one every other entry works with.
 * Checks the build (dist/), which `npm test` makes first.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { root } from './packed.js';

interface Entries {
  readonly webhookCodecs: Record<string, t.Mixed>;
  readonly webhookArbitraries: (fast: typeof fc) => Record<string, fc.Arbitrary<Record<string, unknown>>>;
}

const dist = join(root, 'dist');
const require = createRequire(import.meta.url);

const load = async (format: 'esm' | 'cjs'): Promise<Entries> => {
  if (format === 'cjs') {
    return { ...require(join(dist, 'index.cjs')), ...require(join(dist, 'testing/arbitraries.cjs')) } as Entries;
  }
  const [main, arbitraries] = await Promise.all([
    import(pathToFileURL(join(dist, 'index.js')).href),
    import(pathToFileURL(join(dist, 'testing/arbitraries.js')).href),
  ]);
  return { ...main, ...arbitraries } as Entries;
};

const builtFiles = (extension: string): string[] =>
  readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith(extension));

describe.each(['esm', 'cjs'] as const)('one copy of the codecs (%s)', (format) => {
  const extension = format === 'esm' ? '.js' : '.cjs';

  it('defines the codecs in one built file, whatever the entry point', () => {
    const files = builtFiles(extension);
    expect(files).toEqual(expect.arrayContaining([`index${extension}`, `testing/index${extension}`, `testing/arbitraries${extension}`]));
    // Where the union of every event is built (`t.union([...], "BlingerWebhook")`) and where a
    // building block of the codecs is declared.
    for (const definition of [/"BlingerWebhook"\s*\)/, /_tag = "NullableType"/]) {
      const defining = files.filter((file) => definition.test(readFileSync(join(dist, file), 'utf8')));
      expect(defining, String(definition)).toHaveLength(1);
      expect(defining[0], String(definition)).not.toMatch(/^(index|testing\/|cli)/);
    }
  });

  it("walks the root entry's codec objects in webhookArbitraries", async () => {
    const { webhookCodecs, webhookArbitraries } = await load(format);
    // A field added to the root entry's codec shows up in what the arbitraries generate only if
    // the arbitraries entry walks that same object.
    const codec = webhookCodecs.on_user_new as t.Mixed & { _tag: string; props: t.Props };
    expect(codec._tag).toBe('InterfaceType');
    codec.props.sharedCopyProbe = t.literal('probe');
    try {
      const [event] = fc.sample(webhookArbitraries(fc).on_user_new!, { numRuns: 1, seed: 1 });
      expect(event?.sharedCopyProbe).toBe('probe');
    } finally {
      delete codec.props.sharedCopyProbe;
    }
    const [event] = fc.sample(webhookArbitraries(fc).on_user_new!, { numRuns: 1, seed: 1 });
    expect(event).not.toHaveProperty('sharedCopyProbe');
  });
});
