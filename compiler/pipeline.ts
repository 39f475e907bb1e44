// The compile pipeline as a readable list of named stages: spec -> table -> schedule -> plan -> emit ->
// package. Each stage is a function of the earlier stages' outputs; each has a dump (its output as text)
// that `hashee compile --dump-after STAGE` prints.

import { encoderProgram, printProgram, type Program } from '../contract/program.ts';
import { wasmLayout } from '../contract/wasm-layout.ts';
import { emitWasmText } from './emit/wasm/module.ts';
import { loadAll, type Loaded } from './load.ts';
import { assemblePackage, emitContext, emitTargets, type EmittedTargets } from './package/assemble.ts';
import { sha256 } from './package/text.ts';
import type { PackageFiles } from './package/types.ts';
import type { Progress } from './progress.ts';
import { scheduleFor, type ScheduleReport } from './schedule/report.ts';
import { loadSpec } from './spec/index.ts';
import type { Spec, Target } from './spec/types.ts';
import { STAGES, type StageName } from './stages.ts';

export { STAGES, type StageName } from './stages.ts';

/** What each stage produces. */
export interface StageOutputs {
  readonly spec: Spec;                // the validated spec (compiler/spec)
  readonly table: Loaded;             // the model's weights and the static exit table (compiler/hash)
  readonly schedule: ScheduleReport;  // the table's statistics over the corpus (compiler/schedule)
  readonly plan: Program;             // the layer program every backend runs (contract/program.ts)
  readonly emit: EmittedTargets;      // each target's files (compiler/emit, compiler/package/<target>.ts)
  readonly package: PackageFiles;     // the whole package in memory, manifest included (compiler/package)
}

export interface PipelineOptions {
  readonly targets?: readonly Target[]; // default: the spec's targets
  readonly toolVersion: string;
  readonly progress?: Progress;
}

interface Stage<K extends StageName> {
  readonly run: (done: StageOutputs, opts: PipelineOptions & { readonly file: string | Spec }) => StageOutputs[K] | Promise<StageOutputs[K]>;
  readonly dump: (out: StageOutputs[K], done: StageOutputs) => string;
}

/** The stages in order: each reads only what the earlier ones produced. */
const PIPELINE: { readonly [K in StageName]: Stage<K> } = {
  spec: {
    run: (_done, opts) => (typeof opts.file === 'string' ? loadSpec(opts.file) : opts.file),
    dump: (spec) => `${JSON.stringify({ ...spec, locations: undefined }, null, 2)}\n`,
  },
  table: {
    run: (done, opts) => loadAll(done.spec, opts.progress),
    dump: ({ spec, table }) => {
      const L = spec.arch.layers;
      const counts = Array.from({ length: L }, (_, k) => table.filter((e) => e === k + 1).length);
      const early = Object.fromEntries([...table.entries()].filter(([, e]) => e < L));
      return `exit table: ${table.length} ids, ${L} layers; ids per exit layer ${counts.map((c, k) => `${k + 1}:${c}`).join(' ')}\n` +
        `ids that exit before layer ${L} (id: layers):\n${JSON.stringify(early)}\n`;
    },
  },
  schedule: {
    run: (done) => scheduleFor(done.table),
    dump: (report) => report.text,
  },
  plan: {
    run: (done) => encoderProgram(done.spec.arch, done.spec.head),
    dump: (program) => printProgram(program),
  },
  emit: {
    run: (done, opts) => emitTargets(emitContext(done.table, opts.toolVersion), opts.targets ?? done.spec.targets),
    dump: (emitted, done) => {
      const parts: string[] = [];
      if (emitted.wasm) {
        const layout = wasmLayout(done.spec.arch, done.spec.head, done.spec.precision.wasm);
        parts.push(`;; ---- wasm: simd128 module (the relaxed and shared-memory variants differ only in fused multiply-add and memory)\n${emitWasmText(layout, { relaxed: false, shared: false })}`);
      }
      for (const [path, data] of [...(emitted.webgpu?.files ?? new Map<string, string | Uint8Array>())].sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (path.endsWith('.wgsl')) parts.push(`// ---- ${path}\n${String(data)}`);
      }
      return parts.join('\n');
    },
  },
  package: {
    run: (done, opts) => assemblePackage(emitContext(done.table, opts.toolVersion), done.schedule, done.emit),
    dump: (files) => [...files.keys()].sort().map((path) => {
      const data = files.get(path)!;
      const bytes = typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.byteLength;
      return `${String(bytes).padStart(12)}  ${sha256(data)}  ${path}\n`;
    }).join(''),
  },
};

/**
 * Runs the stages of `file` (a spec's path, or a spec already loaded) in order up to `until` (default: all), calling `after(stage, dump, done)` once
 * each stage is done; `dump()` renders that stage's output as text. Returns every output produced.
 */
export async function runPipeline(file: string | Spec, opts: PipelineOptions, until: StageName = 'package',
  after?: (stage: StageName, dump: () => string, done: Partial<StageOutputs>) => void): Promise<Partial<StageOutputs>> {
  const done: Partial<Record<StageName, unknown>> = {};
  const last = STAGES.indexOf(until);
  for (const name of STAGES.slice(0, last + 1)) {
    const stage = PIPELINE[name] as Stage<typeof name>;
    const out = await stage.run(done as StageOutputs, { ...opts, file });
    done[name] = out;
    after?.(name, () => (stage.dump as (o: unknown, d: StageOutputs) => string)(out, done as StageOutputs), done as Partial<StageOutputs>);
  }
  return done as Partial<StageOutputs>;
}
