// Packaging: the deployable package — exit table, schedule, manifest, each target's files and the host code —
// assembled in memory and written atomically (`hashee compile`).

import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Target } from '../spec/types.ts';
import type { Loaded } from '../load.ts';
import { namedInputs } from '../spec/inputs.ts';
import { statOut, writeDirAtomic } from '../util/fs.ts';
import { HasheeError } from '../errors.ts';
import { EXIT_TABLE_FILE, MANIFEST_FILE, PACKAGE_FORMAT, type FileDigest, type PackageManifest } from '../../contract/manifest.ts';
import { scheduleFor, type ScheduleReport } from '../schedule/report.ts';
import type { EmitContext, PackageFiles, TargetEmitter } from './types.ts';
import { emitHost } from './host.ts';
import { sha256 } from './text.ts';

export interface CompileOptions {
  readonly targets: readonly Target[];
  readonly toolVersion: string;
  /** Replace whatever is at the output path (a file, a folder that is not a package); default false. */
  readonly force?: boolean;
}

/** One emitter per target, imported when that target is built (binaryen only for wasm): a new target does not type-check until it has one. */
const emitters: Record<Target, () => Promise<TargetEmitter>> = {
  wasm: async () => (await import('./wasm.ts')).emitWasmTarget,
  webgpu: async () => (await import('./webgpu.ts')).emitWebGpuTarget,
};

/**
 * Throws an 'output' error unless `outDir` may be replaced by a package: nothing there, an empty folder or
 * a hashee package (the rebuild case); with `force` also a file or any other folder. Never a folder that
 * holds the spec's own inputs or the working directory, which replacing it would delete.
 */
export function checkPackageOut(outDir: string, spec: Loaded['spec'], force = false): void {
  const out = resolve(outDir);
  const st = statOut(out);
  if (!st) return;
  const inputs = [spec.file, process.cwd(), ...namedInputs(spec).map((i) => i.path)];
  const inside = inputs.find((p) => contains(out, p));
  if (st.isDirectory() && inside !== undefined) {
    throw new HasheeError('output', `--out ${outDir} holds ${inside === process.cwd() ? 'the working directory' : `the spec's input ${inside}`}: compile replaces the whole folder, so it would be deleted`, {
      expected: 'a new folder, an empty one or a hashee package', actual: 'a folder with the inputs',
    });
  }
  if (force) return;
  if (!st.isDirectory()) {
    throw new HasheeError('output', `--out ${outDir} is an existing file; compile writes a package folder there: pass --force to replace it`, {
      expected: 'a new folder, an empty one or a hashee package', actual: 'a file',
    });
  }
  if (readdirSync(out).length > 0 && !isPackage(out)) {
    throw new HasheeError('output', `--out ${outDir} is a folder that is not a hashee package (no manifest.json with "format": "${PACKAGE_FORMAT}"); compile replaces the whole folder: pass --force to replace it`, {
      expected: 'a new folder, an empty one or a hashee package', actual: 'a folder with other files',
    });
  }
}

/** Size and sha256 of every file, by path in sorted order: the loader checks each file it reads against them. */
export function fileDigests(files: PackageFiles): Record<string, FileDigest> {
  return Object.fromEntries([...files.keys()].sort().map((path) => {
    const data = files.get(path)!;
    return [path, { bytes: typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.byteLength, sha256: sha256(data) }];
  }));
}

/** Whether `path` is `dir` or lies under it (both absolute). */
function contains(dir: string, path: string): boolean {
  const r = relative(dir, path);
  return r === '' || (r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r));
}

function isPackage(dir: string): boolean {
  try {
    return (JSON.parse(readFileSync(resolve(dir, MANIFEST_FILE), 'utf8')) as { format?: unknown }).format === PACKAGE_FORMAT;
  } catch {
    return false;
  }
}

/** Each built target's files and manifest entries: the output of the pipeline's 'emit' stage. */
export type EmittedTargets = Partial<Record<Target, { readonly files: PackageFiles; readonly manifest: Record<string, unknown> }>>;

/** The emit context of a loaded spec: the header every generated text file starts with (no timestamps). */
export function emitContext(loaded: Loaded, toolVersion: string): EmitContext {
  return { loaded, toolVersion, header: `hashee ${toolVersion} · spec ${loaded.spec.name} sha256:${loaded.spec.hash}` };
}

/** Every requested target's files (in target name order, each once). */
export async function emitTargets(ctx: EmitContext, targets: readonly Target[]): Promise<EmittedTargets> {
  const out: { -readonly [T in Target]?: EmittedTargets[T] } = {};
  for (const t of [...new Set(targets)].sort()) out[t] = await (await emitters[t]())(ctx);
  return out;
}

/**
 * The whole package in memory: exit table, schedule, tokenizer, the targets' files, the host code for
 * the built targets, and manifest.json (with every file's size and sha256).
 */
export function assemblePackage(ctx: EmitContext, schedule: ScheduleReport, emitted: EmittedTargets): PackageFiles {
  const { spec, table } = ctx.loaded;
  const files: PackageFiles = new Map();
  files.set(EXIT_TABLE_FILE, table);
  files.set('schedule.json', `${JSON.stringify({ generator: ctx.header, ...schedule.json }, null, 2)}\n`);
  if (spec.tokenizer) files.set('tokenizer.json', readFileSync(spec.tokenizer.path));
  const targets: Record<string, unknown> = {};
  const built: { -readonly [T in Target]?: { readonly files: unknown } } = {};
  for (const t of Object.keys(emitted).sort() as Target[]) {
    const out = emitted[t]!;
    for (const [k, v] of [...out.files].sort(([a], [b]) => (a < b ? -1 : 1))) files.set(k, v);
    targets[t] = out.manifest;
    built[t] = { files: out.manifest.files };
  }
  // Host code (index.ts/.js/.d.ts and the runtime it imports) for the targets that were built.
  if (Object.keys(built).length > 0) for (const [k, v] of emitHost(ctx, built)) files.set(k, v);
  const manifest: PackageManifest = {
    format: PACKAGE_FORMAT,
    generator: ctx.header,
    name: spec.name,
    specSha256: spec.hash,
    arch: spec.arch,
    head: spec.head,
    exitPolicy: spec.exit.kind,
    exitTable: { file: EXIT_TABLE_FILE, dtype: 'uint8', length: table.length, sha256: sha256(table) },
    tokenizer: spec.tokenizer ? { file: 'tokenizer.json', specialIds: spec.tokenizer.specialIds } : null,
    targets,
    files: fileDigests(files),
  };
  files.set(MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`);
  return files;
}

/** Writes an assembled package to `outDir` atomically (checking first that it may replace what is there). */
export function writePackage(files: PackageFiles, outDir: string, spec: Loaded['spec'], force = false): string[] {
  checkPackageOut(outDir, spec, force);
  writeDirAtomic(outDir, files);
  return [...files.keys()].sort();
}

/** Emit, assemble and write: the package of a loaded spec at `outDir`; returns its files' paths. */
export async function compilePackage(loaded: Loaded, outDir: string, opts: CompileOptions): Promise<string[]> {
  checkPackageOut(outDir, loaded.spec, opts.force);
  const ctx = emitContext(loaded, opts.toolVersion);
  const files = assemblePackage(ctx, scheduleFor(loaded), await emitTargets(ctx, opts.targets));
  // Checked again at the end: something may have appeared at outDir while the package was built.
  return writePackage(files, outDir, loaded.spec, opts.force);
}
