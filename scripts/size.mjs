// Size budget of the package's own code in an entry: bundles its dist file with esbuild, io-ts and
// fp-ts (peer dependencies) and Node built-ins left out, minifies, gzips at level 9, prints the
// size and exits 1 above the budget. Run `npm run build` first; `npm run size` does (every entry).
//
// Usage: node scripts/size.mjs [--entry root|api] [--budget BYTES] [--json]
//        node scripts/size.mjs --all        every entry, each against its own budget
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

/**
 * Each entry's file and its minified + gzipped bytes allowed. Raise a budget only with a reason in
 * the commit. `api` is measured alone, as a user who imports only the API client loads it.
 */
const ENTRIES = {
  root: { file: 'dist/index.js', budget: 15500 },
  api: { file: 'dist/api/index.js', budget: 6000 },
};

const { values } = parseArgs({
  options: {
    entry: { type: 'string', default: 'root' },
    all: { type: 'boolean', default: false },
    budget: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

if (values.all) {
  // One child per entry keeps each measurement and its exit code independent.
  const { spawnSync } = await import('node:child_process');
  let failed = false;
  for (const name of Object.keys(ENTRIES)) {
    const child = spawnSync(process.execPath, [import.meta.filename, '--entry', name], { stdio: 'inherit' });
    failed ||= child.status !== 0;
  }
  process.exit(failed ? 1 : 0);
}

const chosen = ENTRIES[values.entry];
if (chosen === undefined) {
  console.error(`unknown entry ${values.entry}: one of ${Object.keys(ENTRIES).join(', ')}`);
  process.exit(2);
}
const ENTRY = chosen.file;
const budget = values.budget === undefined ? chosen.budget : Number(values.budget);

if (!existsSync(ENTRY)) {
  console.error(`${ENTRY} is missing: run npm run build first`);
  process.exit(2);
}

const result = await build({
  entryPoints: [ENTRY],
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  external: ['io-ts', 'io-ts/*', 'fp-ts', 'fp-ts/*', 'node:*'],
  write: false,
  logLevel: 'error',
});
const code = result.outputFiles[0].contents;
const gzipped = gzipSync(code, { level: 9 }).length;
const ok = gzipped <= budget;

if (values.json) console.log(JSON.stringify({ entry: ENTRY, minified: code.length, gzipped, budget, ok }));
else {
  console.log(`${ENTRY}: ${code.length} B minified, ${gzipped} B gzipped (budget ${budget} B)`);
  if (!ok) console.error(`over budget by ${gzipped - budget} B`);
}
process.exit(ok ? 0 : 1);
