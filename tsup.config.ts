import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // Every entry point of the library (package.json `exports`); a new entry is added here and there.
    entry: {
      index: 'src/index.ts',
      'testing/index': 'src/testing/index.ts',
      'testing/arbitraries': 'src/testing/arbitraries/index.ts',
      'api/index': 'src/api/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    // Both builds run at once; this one must not delete the CLI the other writes.
    clean: ['!cli.js'],
    sourcemap: false,
    target: 'node20',
    // Code used by several entries (the codecs, the parser) goes into shared chunks, in ESM and
    // CJS alike, so `blinger-webhooks/testing` walks the very codec objects the root entry
    // exports instead of a copy of them (test/package/shared-code.test.ts).
    splitting: true,
    treeshake: true,
  },
  {
    // The `blinger-webhooks` command (package.json `bin`): ESM only, no types, executable.
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    sourcemap: false,
    target: 'node20',
    platform: 'node',
    splitting: false,
    treeshake: true,
    banner: { js: '#!/usr/bin/env node' },
    // The CLI uses only the public API, imported from the entry points; it loads the built library
    // beside it (dist/index.js, dist/testing/index.js) instead of carrying a second copy.
    esbuildPlugins: [
      {
        name: 'cli-imports-the-built-library',
        setup(build) {
          build.onResolve({ filter: /^\.\.\/(index|testing\/index)\.js$/ }, (args) => ({
            path: args.path.replace('../', './'),
            external: true,
          }));
        },
      },
    ],
  },
]);
