// `hashee compile`: the deployable package — exit table, schedule, manifest, and each target's files.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Target } from './spec/types.ts';
import type { Loaded } from './pipeline.ts';
import { writeDirAtomic } from './util/fs.ts';
import { scheduleFor } from './schedule/report.ts';
import { emitWasmTarget } from './emit/package/wasm.ts';
import { emitWebGpuTarget } from './emit/package/webgpu.ts';
import { emitHost } from './emit/package/host.ts';

export interface CompileOptions {
  readonly targets: readonly Target[];
  readonly toolVersion: string;
}

export type PackageFiles = Map<string, string | Uint8Array>;

/** What every target's emitter receives; it adds its files and manifest entries. */
export interface EmitContext {
  readonly loaded: Loaded;
  readonly toolVersion: string;
  /** First line(s) of every generated text file: tool version and spec hash, no timestamps. */
  readonly header: string;
}

export type TargetEmitter = (ctx: EmitContext) => Promise<{ files: PackageFiles; manifest: Record<string, unknown> }>;

/** One emitter per target: a new target does not type-check until it has one. */
const emitters: Record<Target, TargetEmitter> = {
  wasm: emitWasmTarget,
  webgpu: emitWebGpuTarget,
};

export async function compilePackage(loaded: Loaded, outDir: string, opts: CompileOptions): Promise<string[]> {
  const { spec, table } = loaded;
  const header = `hashee ${opts.toolVersion} · spec ${spec.name} sha256:${spec.hash}`;
  const files: PackageFiles = new Map();
  files.set('exits.bin', table);
  const sched = scheduleFor(loaded);
  files.set('schedule.json', `${JSON.stringify({ generator: header, ...sched.json }, null, 2)}\n`);
  if (spec.tokenizer) files.set('tokenizer.json', readFileSync(spec.tokenizer.path));
  const targets: Record<string, unknown> = {};
  const built: { -readonly [T in Target]?: { readonly files: unknown } } = {};
  const ctx: EmitContext = { loaded, toolVersion: opts.toolVersion, header };
  for (const t of [...new Set(opts.targets)].sort()) {
    const out = await emitters[t](ctx);
    for (const [k, v] of [...out.files].sort(([a], [b]) => (a < b ? -1 : 1))) files.set(k, v);
    targets[t] = out.manifest;
    built[t] = { files: out.manifest.files };
  }
  // Host code (index.ts/.js/.d.ts and the runtime it imports) for the targets that were built.
  if (Object.keys(built).length > 0) for (const [k, v] of emitHost(ctx, built)) files.set(k, v);
  const manifest = {
    format: 'hashee-package/1',
    generator: header,
    name: spec.name,
    specSha256: spec.hash,
    arch: spec.arch,
    head: spec.head,
    exitPolicy: spec.exit.kind,
    exitTable: { file: 'exits.bin', dtype: 'uint8', length: table.length, sha256: sha256(table) },
    tokenizer: spec.tokenizer ? { file: 'tokenizer.json', specialIds: spec.tokenizer.specialIds } : null,
    targets,
  };
  files.set('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  writeDirAtomic(outDir, files);
  return [...files.keys()].sort();
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
