import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // `npm test` runs with `--coverage`: the gate is on what `src` ships, generated guards excluded
    // (they are proven equal to the codecs by test/generated instead).
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/generated/**'],
      reporter: ['text-summary', ['text', { skipFull: true }]],
      thresholds: { lines: 95, statements: 94, functions: 92, branches: 88 },
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/runtimes/**'],
          typecheck: {
            enabled: true,
            include: ['test/**/*.test-d.ts'],
            tsconfig: './tsconfig.json',
            // TypeScript 5.9 by path: `typescript7` (consumer tests only) also installs a `tsc` binary.
            checker: 'node_modules/typescript/bin/tsc',
          },
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Real runtimes (Next.js build + start, wrangler dev, Bun, Deno): after every other test,
        // one file at a time, so that they do not compete for the two CI cores.
        extends: true,
        test: {
          name: 'runtimes',
          include: ['test/runtimes/*.test.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
