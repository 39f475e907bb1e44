// The bench's cache of exported ONNX files and compiled packages: one folder per build key (the spec, the
// files it names, and hashee's own sources: the plugin's cache key), so a changed exporter or quantizer
// never leaves a stale file in use. Creating a spec's folder removes the folders of its earlier builds
// (each holds ~1.3 GB for BERT-base).

import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import type { Spec } from '../compiler/spec/types.ts';
import { cacheKey } from '../compiler/plugin/package.ts';

/** `bench/cache/<spec hash, 12>-<build key, 12>/` under `root`, created; the spec's other folders there are removed. */
export function benchCache(root: URL, spec: Spec): string {
  const base = new URL('bench/cache/', root).pathname;
  const prefix = spec.hash.slice(0, 12);
  const name = `${prefix}-${cacheKey(spec, []).slice(0, 12)}`;
  mkdirSync(base, { recursive: true });
  // earlier builds of this spec (a folder named by the spec hash alone is the layout before build keys)
  for (const e of readdirSync(base, { withFileTypes: true })) {
    if (e.isDirectory() && e.name !== name && e.name.startsWith(prefix)) rmSync(base + e.name, { recursive: true, force: true });
  }
  mkdirSync(base + name, { recursive: true });
  return `${base}${name}/`;
}
