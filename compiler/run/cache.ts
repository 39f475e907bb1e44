// Compiled packages for `hashee run --backend wasm|webgpu`: one directory per (spec, weights and tables, target, tool build)
// under os.tmpdir()/hashee-cache, written atomically by compilePackage and reused while nothing changed.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Loaded } from '../load.ts';
import type { Target } from '../spec/types.ts';
import { compilePackage } from '../package/assemble.ts';
import { sha256 } from '../package/text.ts';
import { weightNames } from '../../contract/model.ts';
import { ROOT, toolVersion } from '../util/root.ts';

/**
 * Sources whose changes change a package: the runtime it ships and the code that emits it (TypeScript
 * sources in a clone, the compiled dist/ as well, or in its place in an installed hashee).
 */
const SOURCES = ['contract', 'runtime', 'compiler', 'dist', 'package.json'];

let toolFingerprint: string | undefined;

/** Hash of the tool's own sources (a changed compiler or runtime never reuses a stale package). */
export function fingerprint(): string {
  if (toolFingerprint) return toolFingerprint;
  const parts: string[] = [];
  const walk = (rel: string): void => {
    const abs = join(ROOT, rel);
    if (/\.(ts|js|json)$/.test(rel)) { parts.push(rel, sha256(readFileSync(abs))); return; }
    for (const e of readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory() || /\.(ts|js)$/.test(e.name)) walk(`${rel}/${e.name}`);
    }
  };
  SOURCES.filter((s) => existsSync(join(ROOT, s))).forEach(walk);
  toolFingerprint = sha256(parts.join('\n'));
  return toolFingerprint;
}

/**
 * sha256 of what a package is compiled from besides the spec text: every weight tensor (an ONNX file's
 * weights are not in the spec's hash), the exit table and the tokenizer. Same inputs, same digest.
 */
function inputsDigest(loaded: Loaded): string {
  const h = createHash('sha256');
  const add = (a: ArrayBufferView | undefined): void => { if (a) h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)); };
  const w = loaded.model.weights as unknown as Record<string, Float32Array | undefined>;
  for (const name of [...weightNames('embed'), ...weightNames('final')]) add(w[name]);
  for (const layer of loaded.model.weights.layers) for (const name of weightNames('layer')) add((layer as Record<string, Float32Array | undefined>)[name]);
  for (const name of weightNames('head')) add((loaded.model.weights.head as Record<string, Float32Array | undefined>)[name]);
  add(loaded.table);
  if (loaded.spec.tokenizer) add(readFileSync(loaded.spec.tokenizer.path));
  return h.digest('hex');
}

export function cacheDirOf(loaded: Loaded, target: Target): string {
  return join(tmpdir(), 'hashee-cache', `${loaded.spec.hash.slice(0, 12)}-${inputsDigest(loaded).slice(0, 12)}-${target}-${fingerprint().slice(0, 12)}`);
}

/** The package directory for one target of the loaded spec, compiled on first use. */
export async function cachedPackage(loaded: Loaded, target: Target): Promise<string> {
  const dir = cacheDirOf(loaded, target);
  // force: the cache folder is hashee's own, so whatever an interrupted run left there is replaced
  if (!existsSync(join(dir, 'manifest.json'))) await compilePackage(loaded, dir, { targets: [target], toolVersion: toolVersion(), force: true });
  return dir;
}
