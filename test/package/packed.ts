/**
 * Helpers for the tests of what users install: the tarball `npm pack` makes, unpacked into
 * consumer projects whose other packages are linked from this checkout, so nothing is fetched
 * from the network. They need `npm run build` first (`npm test` runs it).
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');

/** Runs a command to completion and returns its stdout; throws with stdout and stderr on failure. */
export const run = (file: string, args: readonly string[], cwd = root): string => {
  try {
    return execFileSync(file, args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${file} ${args.join(' ')} failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
};

export interface Outcome {
  readonly status: number | null;
  readonly output: string;
}

/** Runs a command without blocking the test worker; resolves with its exit status and output. */
export const runAsync = (file: string, args: readonly string[], cwd: string): Promise<Outcome> =>
  new Promise((done) => {
    execFile(file, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const status = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      done({ status, output: `${stdout}${stderr}` });
    });
  });

export interface Tarball {
  /** Absolute path of the `.tgz`. */
  readonly path: string;
  /** Every file in it, relative to the package root, sorted. */
  readonly files: readonly string[];
}

/**
 * `npm pack` of `dir` into `destination`. Scripts are skipped unless asked for: `prepack` builds,
 * and a build in the middle of a test run would replace `dist/` under the other tests' feet.
 */
export const pack = (destination: string, { dir = root, scripts = false } = {}): Tarball => {
  const args = ['pack', '--json', '--pack-destination', destination, ...(scripts ? [] : ['--ignore-scripts'])];
  // With scripts, npm prints their output before the JSON.
  const output = run('npm', args, dir);
  const report = JSON.parse(output.slice(output.search(/^\[$/m))) as [{ filename: string; files: { path: string }[] }];
  return {
    path: join(destination, report[0].filename),
    files: report[0].files.map((file) => file.path).sort(),
  };
};

/** Links packages of this checkout's node_modules (`io-ts`, `@types/node`...) into `modules`. */
export const linkPackages = (modules: string, names: readonly string[]): void => {
  for (const name of names) {
    const target = join(root, 'node_modules', name);
    if (!existsSync(target)) throw new Error(`${name} is not installed in this checkout`);
    mkdirSync(dirname(join(modules, name)), { recursive: true });
    symlinkSync(target, join(modules, name), 'dir');
  }
};

/**
 * A project directory whose node_modules holds the tarball's package as a real directory (so its
 * own imports resolve from the project, not from this checkout) and `links` linked from here.
 */
export const installTarball = (tarball: string, project: string, links: readonly string[]): string => {
  const modules = join(project, 'node_modules');
  const installed = join(modules, 'blinger-webhooks');
  mkdirSync(installed, { recursive: true });
  run('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  linkPackages(modules, links);
  return installed;
};

/** Copies an installed package into another project (cheaper than unpacking again). */
export const copyInstalled = (installed: string, project: string, links: readonly string[]): string => {
  const modules = join(project, 'node_modules');
  cpSync(installed, join(modules, 'blinger-webhooks'), { recursive: true });
  linkPackages(modules, links);
  return join(modules, 'blinger-webhooks');
};

interface Manifest {
  readonly main?: string;
  readonly module?: string;
  readonly types?: string;
  readonly bin?: string | Readonly<Record<string, string>>;
  readonly exports?: unknown;
  readonly typesVersions?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
}

const targetsOf = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(targetsOf) : [];

/** Every file package.json points at (main, module, types, bin, exports, typesVersions), normalised. */
export const referencedFiles = (manifest: Manifest): string[] => {
  const paths = [
    manifest.main,
    manifest.module,
    manifest.types,
    ...targetsOf(manifest.bin),
    ...targetsOf(manifest.exports),
    ...Object.values(manifest.typesVersions ?? {}).flatMap((mapping) => Object.values(mapping).flat()),
  ].filter((path): path is string => path !== undefined);
  return [...new Set(paths.map((path) => path.replace(/^\.\//, '')))].sort();
};

/** The relative imports of a built file (`./chunk-X.js`, `../events-Y.js`), as written. */
export const relativeImports = (source: string): string[] =>
  [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)].map((match) => match[1]!);

/** The declaration file a relative import in a declaration file names (`./x.js` is `./x.d.ts`). */
const declarationOf = (path: string): string => path.replace(/\.(c|m)?js$/, (_, kind: string | undefined) => `.d.${kind ?? ''}ts`);

/**
 * What is missing from an unpacked package: files package.json points at, and files the built
 * code and declarations import relatively (shared chunks). Empty when the package is complete.
 */
export const missingFiles = (unpacked: string, files: readonly string[]): string[] => {
  const present = new Set(files);
  const manifest = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8')) as Manifest;
  const missing = referencedFiles(manifest).filter((file) => !present.has(file)).map((file) => `package.json -> ${file}`);
  for (const file of files.filter((name) => /^dist\/.*\.(c|m)?js$|^dist\/.*\.d\.(c|m)?ts$/.test(name))) {
    const declaration = /\.d\.(c|m)?ts$/.test(file);
    for (const specifier of relativeImports(readFileSync(join(unpacked, file), 'utf8'))) {
      const target = posix.join(posix.dirname(file), declaration ? declarationOf(specifier) : specifier);
      if (!present.has(target)) missing.push(`${file} -> ${target}`);
    }
  }
  return missing;
};
