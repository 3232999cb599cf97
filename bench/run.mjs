// Runs a TypeScript benchmark of this folder: bundles it with esbuild (dependencies stay external,
// loaded from node_modules as an application would) and runs the bundle with node, passing the
// arguments on. Usage: node bench/run.mjs parse-bench.ts [--rounds N] [--readme] [--proposed] ...
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { changes } from './proposed-parse-change.mjs';

const [entry = 'parse-bench.ts', ...args] = process.argv.slice(2);

// --proposed: measure src/parse.ts with the change of proposed-parse-change.mjs, in memory only.
const withProposal = {
  name: 'proposed-parse-change',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]src[\\/]parse\.ts$/ }, async ({ path }) => {
      let source = await readFile(path, 'utf8');
      for (const [now, proposed] of changes) {
        if (source.includes(proposed)) continue;
        if (!source.includes(now)) throw new Error('bench --proposed: src/parse.ts changed; update proposed-parse-change.mjs');
        source = source.replace(now, proposed);
      }
      return { contents: source, loader: 'ts' };
    });
  },
};
const proposal = args.includes('--proposed');
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
  plugins: proposal ? [withProposal] : [],
});
const result = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
