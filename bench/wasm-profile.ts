// Scratch profile of the WASM engine on BERT-base (specs/bert-base-sst2.yaml, its real exit table): time per
// kernel (every kernel call on the calling thread wrapped in a clock) at full depth and with exits, seq 128
// batch 1 or another bench workload. Clock: this process's CPU time at 1 thread (steadier on a shared machine), wall time with a pool.
// Args: threads=N reps=N workload=NAME (bench/workloads.ts, default seq128-b1) precision=f32|int8. Run with node --import tsx --experimental-wasm-relaxed-simd.

import { loadSpec } from '../compiler/spec/index.ts';
import { loadAll } from '../compiler/load.ts';
import { packWeights } from '../compiler/passes/packWeights.ts';
import { emitWasmModules } from '../compiler/emit/wasm/module.ts';
import { WasmEngine } from '../runtime/wasm/engine.ts';
import { nodeHost } from '../runtime/node.ts';
import { countWork, planBatch } from '../runtime/plan.ts';
import { workloads } from './workloads.ts';

const arg = (k: string, d: number) => Number(process.argv.find((a) => a.startsWith(k + '='))?.slice(k.length + 1) ?? d);
const threads = arg('threads', 1), reps = arg('reps', 5);
const workload = process.argv.find((a) => a.startsWith('workload='))?.slice(9) ?? 'seq128-b1';
const root = new URL('../', import.meta.url);
const { spec, model, table } = loadAll(loadSpec(new URL('specs/bert-base-sst2.yaml', root).pathname));
const { arch } = spec;
const batches = workloads(root, { sentences: 32, vocabSize: arch.vocabSize }).find((w) => w.name === workload)!.batches;
const precision = process.argv.find((a) => a.startsWith('precision='))?.slice(10) === 'int8' ? 'int8' : 'f32';
const packed = packWeights(model, precision);
const modules = emitWasmModules(packed.layout);
const engine = await WasmEngine.create({ arch, head: spec.head, modules: { simd128: modules.simd, relaxed: modules.relaxed }, weights: packed.bytes, exitTable: table, threads, precision, node: nodeHost });
const plan = (full: boolean, ids = batches[0]!) => planBatch(table, ids, arch.layers, { fullDepth: full, clsOnlyLastLayer: true });
console.log(engine.info, workload, 'active per layer (exits, first batch):', Array.from(plan(false).active).join(' '));
const clock = threads === 1 ? () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; } : () => performance.now();
const k = (engine as unknown as { k: Record<string, (...a: number[]) => void> }).k;
const spent: Record<string, number> = {};
for (const name of Object.keys(k)) {
  const f = k[name]!;
  k[name] = (...a: number[]) => { const t = clock(); f(...a); spent[name] = (spent[name] ?? 0) + clock() - t; };
}
const med = (a: number[]) => a.slice().sort((x, y) => x - y)[a.length >> 1]!;
const min = (a: number[]) => Math.min(...a);
const totals: Record<string, number[]> = { full: [], exits: [] };
const per: Record<string, Record<string, number[]>> = { full: {}, exits: {} };
for (let r = 0; r <= reps; r++) {
  for (const mode of ['full', 'exits'] as const) {
    for (const key of Object.keys(spent)) delete spent[key];
    const t = clock();
    for (const ids of batches) engine.run({ ids }, { fullDepth: mode === 'full' });
    const total = clock() - t;
    if (r === 0) continue;
    totals[mode]!.push(total);
    const kern = Object.values(spent).reduce((a, b) => a + b, 0);
    for (const [key, v] of Object.entries({ ...spent, host: total - kern })) (per[mode]![key] ??= []).push(v);
  }
}
const flopsOf = (full: boolean) => batches.reduce((sum, ids) => sum + countWork(plan(full, ids), arch).flops, 0);
const flops = { full: flopsOf(true), exits: flopsOf(false) };
for (const mode of ['full', 'exits'] as const) {
  console.log(`${mode}: ${med(totals[mode]!).toFixed(1)} ms (min ${min(totals[mode]!).toFixed(1)}), ${(flops[mode] / med(totals[mode]!) / 1e6).toFixed(1)} GFLOP/s`);
  for (const [key, v] of Object.entries(per[mode]!)) console.log(`  ${key.padEnd(10)} ${med(v).toFixed(2).padStart(8)} ms (min ${min(v).toFixed(2)})`);
}
console.log(`FLOPs ratio ${(flops.exits / flops.full).toFixed(3)}, time ratio ${(med(totals.exits!) / med(totals.full!)).toFixed(3)} (of minima ${(min(totals.exits!) / min(totals.full!)).toFixed(3)})`);
engine.dispose();
process.exit(0);
