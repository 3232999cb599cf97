import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const fixturesDir = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** The fixture files of one folder, as `[name, raw bytes]`. */
export const readFixtures = (folder: 'documented' | 'valid' | 'invalid' | 'canonical'): Array<[string, Buffer]> =>
  readdirSync(join(fixturesDir, folder))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => [name, readFileSync(join(fixturesDir, folder, name))]);

export interface InvalidExpectation {
  kind: 'invalid_json' | 'unknown_event' | 'invalid_payload';
  paths?: string[];
}

export const invalidExpectations: Record<string, InvalidExpectation> = JSON.parse(
  readFileSync(join(fixturesDir, 'invalid-expectations.json'), 'utf8'),
);

/** A quirk a wire-quirk fixture holds: where, and under which rule of docs/type-model.md. */
export interface QuirkExpectation {
  path: string;
  rule: string;
}

/** The quirks each `fixtures/valid/quirk_*.json` holds; its canonical form is `fixtures/canonical/<same name>`. */
export const quirkExpectations: Record<string, QuirkExpectation[]> = JSON.parse(
  readFileSync(join(fixturesDir, 'quirk-expectations.json'), 'utf8'),
);

/** The canonical event a valid fixture decodes to: its `fixtures/canonical/` twin, or itself. */
export const canonicalOf = (name: string, bytes: Buffer): unknown =>
  JSON.parse(
    Object.hasOwn(quirkExpectations, name) ? readFileSync(join(fixturesDir, 'canonical', name), 'utf8') : bytes.toString('utf8'),
  );
