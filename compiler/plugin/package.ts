// The bundler plugin's compiled packages: a cache key over everything a package is built from, a cache
// folder per key (compiled once, atomically), and the files of a package that a browser fetches.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Spec, Target } from '../spec/types.ts';
import { loadSpec } from '../spec/index.ts';
import { namedInputs } from '../spec/inputs.ts';
import { loadAll, loadSeq2Seq } from '../load.ts';
import { compilePackage } from '../package/assemble.ts';
import { compileSeq2SeqPackage } from '../package/seq2seq.ts';
import { sha256 } from '../package/text.ts';
import { fingerprint } from '../run/cache.ts';
import { toolVersion } from '../util/root.ts';
import { MANIFEST_FILE } from '../../contract/manifest.ts';

/** Bumped when what the plugin puts in a cache folder, or how it keys one, changes. */
const CACHE_FORMAT = 'hashee-plugin/1';

/** The worker module of the WASM pool: started by URL, never bundled, so it is emitted with what it imports. */
export const WORKER_FILE = 'runtime/wasm/worker.js';

export interface PackageOptions {
  readonly targets: readonly Target[];
  /** Folder holding one compiled package per key (absolute). */
  readonly cacheDir: string;
}

/** One spec compiled for the plugin. */
export interface CachedPackage {
  readonly spec: Spec;
  /** `<name>-<key8>`: the cache folder's name and the folder the files are emitted to. */
  readonly id: string;
  /** Absolute path of the compiled package. */
  readonly dir: string;
  /** Every file the package is compiled from: the spec and the files it names (watched for rebuilds). */
  readonly inputs: readonly string[];
  /** Whether this call compiled it (false: reused from the cache). */
  readonly compiled: boolean;
}

/**
 * The files a spec names, each with the role it plays (compiler/spec/inputs.ts); an encoder-decoder's
 * weights folder counts as each of its files.
 */
export function specInputs(spec: Spec): { role: string; path: string }[] {
  return namedInputs(spec).flatMap(({ role, path }) => (role === 'weights.onnx' && statSync(path, { throwIfNoEntry: false })?.isDirectory()
    ? readdirSync(path).sort().map((f) => ({ role: `weights.onnx/${f}`, path: join(path, f) }))
    : [{ role, path }]));
}

/**
 * sha256 over the spec's bytes (its hash), the bytes of every file it names (by role, in spec order), the
 * targets, hashee's version and the fingerprint of its own sources: any change gives a new folder.
 */
export function cacheKey(spec: Spec, targets: readonly Target[]): string {
  const parts = [CACHE_FORMAT, `hashee ${toolVersion()}`, `tool ${fingerprint()}`, `targets ${[...new Set(targets)].sort().join(',')}`, `spec ${spec.hash}`];
  for (const { role, path } of specInputs(spec)) parts.push(`${role} ${sha256(readFileSync(path))}`);
  return sha256(parts.join('\n'));
}

/**
 * Loads and checks `specFile`, and returns its compiled package: the cached folder when its key is there,
 * else compiled into it (compilePackage writes a temp folder and renames it). Throws HasheeError.
 */
export async function packageFor(specFile: string, options: PackageOptions): Promise<CachedPackage> {
  const spec = loadSpec(specFile);
  const id = `${spec.name}-${cacheKey(spec, options.targets).slice(0, 8)}`;
  const dir = resolve(options.cacheDir, id);
  const inputs = [spec.file, ...specInputs(spec).map((i) => i.path)];
  const compiled = !existsSync(join(dir, MANIFEST_FILE));
  // force: the cache folder is the plugin's own; whatever an interrupted build left there is replaced
  const compile = { targets: options.targets, toolVersion: toolVersion(), force: true };
  if (compiled) await (spec.seq2seq ? compileSeq2SeqPackage(loadSeq2Seq(spec), dir, compile) : compilePackage(loadAll(spec), dir, compile));
  return { spec, id, dir, inputs, compiled };
}

/**
 * The package files a browser fetches at run time, relative to the package root, sorted: manifest.json and
 * every data file it lists (exit table, schedule, tokenizer, wasm/, webgpu/), and for a wasm package the
 * worker module with the modules it imports. The rest of the JavaScript is bundled from browser.js.
 */
export function browserFiles(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as { files: Record<string, unknown> };
  const listed = Object.keys(manifest.files);
  const data = listed.filter((f) => !/\.(ts|js)$/.test(f) && f !== 'package.json' && f !== 'README.md');
  const code = listed.includes(WORKER_FILE) && listed.some((f) => f.startsWith('wasm/')) ? importClosure(dir, WORKER_FILE) : [];
  return [MANIFEST_FILE, ...data, ...code].sort();
}

/** `entry` and every module it imports by relative path, transitively (static imports of the generated JS). */
function importClosure(dir: string, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(dir, file), 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)\b[^'";]*?["'](\.{1,2}\/[^"']+)["']/gm)) {
      visit(new URL(m[1]!, `file:///${file}`).pathname.slice(1));
    }
  };
  visit(entry);
  return [...seen];
}
