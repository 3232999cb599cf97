import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
      // TypeScript 5.9 by path: `typescript7` (consumer tests only) also installs a `tsc` binary.
      checker: 'node_modules/typescript/bin/tsc',
    },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
