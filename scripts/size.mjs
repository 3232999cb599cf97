// Size budget of the package's own code in the root entry: bundles dist/index.js with esbuild,
// io-ts and fp-ts (peer dependencies) and Node built-ins left out, minifies, gzips at level 9,
// prints the size and exits 1 above the budget. Run `npm run build` first; `npm run size` does.
//
// Usage: node scripts/size.mjs [--budget BYTES] [--json]
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

/** Minified + gzipped bytes of dist/index.js allowed. Raise it only with a reason in the commit. */
const BUDGET_BYTES = 11600;

const ENTRY = 'dist/index.js';

const { values } = parseArgs({ options: { budget: { type: 'string' }, json: { type: 'boolean', default: false } } });
const budget = values.budget === undefined ? BUDGET_BYTES : Number(values.budget);

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
