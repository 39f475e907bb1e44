// The bundler plugin (`hashee/plugin`, one implementation through unplugin): `import model from
// './my-model.yaml?hashee'` compiles the spec at build time into a cache folder and gives the app that
// package's browser entry. Vite, Rollup and webpack emit its files and bundle its worker from the entry's
// `new URL(..., import.meta.url)` literals; for esbuild (no such assets) the plugin writes them under
// hashee/<name>-<key8>/ of the output folder and the module's load() finds them there.

import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { createUnplugin, type UnpluginBuildContext, type UnpluginContext } from 'unplugin';
import { HasheeError, isHasheeError } from '../errors.ts';
import type { Target } from '../spec/types.ts';
import { browserFiles, packageFor, WORKER_FILE, type CachedPackage } from './package.ts';

export interface HasheePluginOptions {
  /** Targets every imported spec is compiled for; default ['wasm']. */
  readonly targets?: readonly Target[];
  /** Where compiled packages are kept between builds; default node_modules/.cache/hashee under the working directory. */
  readonly cacheDir?: string;
}

const SUFFIX = '?hashee';
/** Virtual ids (Rollup-like bundlers and webpack): the \0 keeps other plugins and Vite's file handling away. */
const VIRTUAL = '\0hashee:';
const TARGETS: readonly Target[] = ['wasm', 'webgpu'];

type Context = UnpluginBuildContext & UnpluginContext;

export const unplugin = createUnplugin<HasheePluginOptions | undefined>((options = {}, meta) => {
  const targets = checkTargets(options.targets ?? ['wasm']);
  const cacheDir = resolve(options.cacheDir ?? join(process.cwd(), 'node_modules', '.cache', 'hashee'));
  let devServer = false; // Vite's dev server: nothing is emitted, the cache folder is served as it is
  return {
    name: 'hashee',
    enforce: 'pre', // before Vite's own resolver, which would take the spec for a plain file
    resolveId: {
      filter: { id: /\?hashee$/ },
      handler(id, importer) {
        if (!id.endsWith(SUFFIX)) return null;
        const from = importer ? dirname(importer.replace(/\?.*$/, '')) : process.cwd();
        const file = resolve(from, id.slice(0, -SUFFIX.length));
        // esbuild keeps it in the plugin's namespace and resolves the module's imports from the id's folder
        return meta.framework === 'esbuild' ? `${file}${SUFFIX}` : `${VIRTUAL}${file}`;
      },
    },
    load: {
      filter: { id: /^\0hashee:|\?hashee$/ },
      async handler(id) {
        const specFile = id.startsWith(VIRTUAL) ? id.slice(VIRTUAL.length) : id.endsWith(SUFFIX) ? id.slice(0, -SUFFIX.length) : undefined;
        if (specFile === undefined) return null;
        let pkg: CachedPackage;
        try {
          pkg = await packageFor(specFile, { targets, cacheDir });
        } catch (e) {
          if (!isHasheeError(e)) throw e;
          this.addWatchFile(specFile); // fixing the spec rebuilds
          this.error(bundlerError(e, specFile));
          return 'export default undefined;'; // esbuild's error() only records the error: the build still fails
        }
        for (const file of pkg.inputs) this.addWatchFile(file);
        // Vite, Rollup and webpack emit the package's files and bundle its worker themselves, from the browser
        // entry's `new URL('./file', import.meta.url)` literals; esbuild has no such assets: the plugin writes them.
        const base = devServer ? `new URL(${JSON.stringify(`/@fs${posix(pkg.dir)}/`)}, import.meta.url).href`
          : meta.framework === 'esbuild' ? emitForEsbuild(this, pkg) : undefined;
        return moduleCode(pkg, base);
      },
    },
    esbuild: { onResolveFilter: /\?hashee$/, onLoadFilter: /\?hashee$/ },
    vite: {
      configResolved(config) {
        devServer = config.command === 'serve';
        // The dev server serves the package's modules and files from the cache folder through /@fs/.
        if (devServer && !config.server.fs.allow.includes(cacheDir)) config.server.fs.allow.push(cacheDir);
      },
    },
  };
});

export const vite = unplugin.vite;
export const rollup = unplugin.rollup;
export const rolldown = unplugin.rolldown;
export const esbuild = unplugin.esbuild;
export const webpack = unplugin.webpack;
export const rspack = unplugin.rspack;
export default unplugin;

function checkTargets(targets: readonly Target[]): readonly Target[] {
  const bad = targets.find((t) => !TARGETS.includes(t));
  if (targets.length === 0 || bad !== undefined) {
    throw new HasheeError('usage', `hashee plugin: targets must be one or more of ${TARGETS.join(', ')}`, { expected: TARGETS.join(' | '), actual: JSON.stringify(targets) });
  }
  return targets;
}

/**
 * esbuild: writes the package's browser files under hashee/<id>/ of the output folder (relative paths kept,
 * so the manifest's lookups work) and returns a JS expression for the URL of that folder as the app sees it.
 */
function emitForEsbuild(ctx: Context, pkg: CachedPackage): string {
  const folder = `hashee/${pkg.id}/`;
  const files = browserFiles(pkg.dir);
  const source = (file: string): Uint8Array => readFileSync(join(pkg.dir, file));
  // esbuild has no assets: the files are written into the output folder, next to the entry's bundle.
  const native = ctx.getNativeBuildContext?.();
  const build = native?.framework === 'esbuild' ? native.build.initialOptions : undefined;
  const out = build?.outdir ?? (build?.outfile ? dirname(build.outfile) : undefined);
  if (!build || out === undefined || build.format !== 'esm') {
    throw new HasheeError('usage', `hashee's esbuild plugin needs format: 'esm' (the module finds its files from import.meta.url) and an outdir or outfile to write the package's files to`, {
      expected: "format: 'esm' with outdir or outfile", actual: `format: ${build?.format ?? 'unset'}, outdir: ${build?.outdir ?? 'unset'}, outfile: ${build?.outfile ?? 'unset'}`,
    });
  }
  const root = resolve(build.absWorkingDir ?? process.cwd(), out);
  for (const file of files) {
    mkdirSync(dirname(join(root, folder, file)), { recursive: true });
    writeFileSync(join(root, folder, file), source(file));
  }
  return `new URL(${JSON.stringify(`./${folder}`)}, import.meta.url).href`;
}

/** The virtual module: the package's browser entry bound to where its files are served. */
function moduleCode(pkg: CachedPackage, base: string | undefined): string {
  const entry = JSON.stringify(`${posix(pkg.dir)}/browser.js`);
  const wasm = browserFiles(pkg.dir).includes(WORKER_FILE);
  const head = [`import { load as loadPackage, PACKAGE } from ${entry};`, `export { PACKAGE, PackageError } from ${entry};`];
  if (base === undefined) {
    // The bundler emitted the files and the worker chunk: the entry's own URLs name them.
    return [...head,
      'export const baseUrl = undefined;', 'export const workerUrl = undefined;',
      'export function load(options = {}) { return loadPackage(options); }',
      'export default { load, baseUrl, workerUrl, info: PACKAGE };', ''].join('\n');
  }
  return [...head,
    `export const baseUrl = ${base};`,
    // The WASM pool's worker is not bundled: it is served from the package folder.
    `export const workerUrl = ${wasm ? `new URL(${JSON.stringify(WORKER_FILE)}, baseUrl).href` : 'undefined'};`,
    'export function load(options = {}) { return loadPackage({ baseUrl, workerUrl, ...options }); }',
    'export default { load, baseUrl, workerUrl, info: PACKAGE };', ''].join('\n');
}

/**
 * A HasheeError as the bundler's error: the `file:line:col: error[code]: ...` text hashee's CLI prints, no
 * stack trace. No `loc`: bundlers count its columns from 0 and esbuild would quote an empty source line.
 */
function bundlerError(e: HasheeError, specFile: string): { message: string; id: string; stack: string } {
  return { message: e.format(), id: specFile, stack: '' };
}

function posix(path: string): string {
  return path.split(sep).join('/');
}
