import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const fixturesDir = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** The fixture files of one folder, as `[name, raw bytes]`. */
export const readFixtures = (folder: 'documented' | 'valid' | 'invalid'): Array<[string, Buffer]> =>
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
