// Runs a TypeScript benchmark of this folder: bundles it with esbuild (dependencies stay external,
// loaded from node_modules as an application would) and runs the bundle with node, passing the
// arguments on. Usage: node bench/run.mjs parse-bench.ts [--rounds N] [--readme] ...
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const [entry = 'parse-bench.ts', ...args] = process.argv.slice(2);

const outdir = join('node_modules', '.cache', 'blinger-webhooks');
mkdirSync(outdir, { recursive: true });
const outfile = join(outdir, entry.replace(/\.ts$/, '.mjs'));
await build({
  entryPoints: [join('bench', entry)],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile,
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
