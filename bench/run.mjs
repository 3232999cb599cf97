// Runs a TypeScript benchmark: bundles it with esbuild (dependencies stay external, loaded from
// node_modules as an application would load them) and runs the bundle with node, passing the
// node flags and arguments on. Usage: node bench/run.mjs <entry.ts> [--node-flag ...] [args]
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';

const [entry, ...rest] = process.argv.slice(2);
if (!entry) throw new Error('usage: node bench/run.mjs <entry.ts> [args]');
const nodeFlags = rest.filter((arg) => arg.startsWith('--expose') || arg.startsWith('--max-'));
const args = rest.filter((arg) => !nodeFlags.includes(arg));
const outdir = join('node_modules', '.cache', 'blinger-webhooks');
mkdirSync(outdir, { recursive: true });
const outfile = join(outdir, `bench-${basename(entry).replace(/\.ts$/, '')}.mjs`);
await build({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile,
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, [...nodeFlags, outfile, ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
