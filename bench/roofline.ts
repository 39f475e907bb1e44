// What the exits can save when weight streaming is the floor: the cost model's FLOPs ratio next to a
// roofline ratio for hashee's plan of a workload (BERT-base, specs/bert-base-sst2.yaml, [CLS]-only last
// layer). Each product of a layer (K/V on every row, Q and the attention output on the active rows, the
// two FFN products on the active rows) takes max(its FLOPs / C, its weight bytes / B); attention takes
// its FLOPs / C. C is the compute rate a product reaches when it has rows enough (default 41 GFLOP/s,
// hashee's full-depth rate at 1 thread), B the rate weights stream from memory when they do not fit in
// cache (default 13 GB/s, one core's DRAM bandwidth here; `node --import tsx bench/wasm-peak.ts` prints
// the FMA ceiling). Compare the printed ratios with the bench's measured exits/full time.
// node --import tsx bench/roofline.ts [workload=sst2-b1] [sentences=32] [gflops=41] [gbps=13] [bytes=4]

import { loadSpec } from '../compiler/spec/index.ts';
import { loadAll } from '../compiler/load.ts';
import { countWork, keysSeen, planBatch, type BatchPlan } from '../runtime/plan.ts';
import type { ArchConfig } from '../contract/model.ts';
import { workloads } from './workloads.ts';

const arg = (k: string, d: string): string => process.argv.find((a) => a.startsWith(`${k}=`))?.slice(k.length + 1) ?? d;
const C = Number(arg('gflops', '41')) * 1e9, B = Number(arg('gbps', '13')) * 1e9;
const bytesPerWeight = Number(arg('bytes', '4')); // 4: f32, 1: int8
const root = new URL('../', import.meta.url);
const { spec, table } = loadAll(loadSpec(new URL('specs/bert-base-sst2.yaml', root).pathname));
const arch = spec.arch;
const name = arg('workload', 'sst2-b1');
const w = workloads(root, { sentences: Number(arg('sentences', '32')), vocabSize: arch.vocabSize }).find((x) => x.name === name);
if (!w) throw new Error(`unknown workload ${name}`);

/** Seconds of one batch's plan on the roofline: per product max(compute, weight streaming). */
function rooflineSeconds(plan: BatchPlan, a: ArchConfig): number {
  const d = a.hidden, f = a.ffn;
  const product = (rows: number, k: number, n: number): number => (rows === 0 ? 0 : Math.max((2 * rows * k * n) / C, (k * n * bytesPerWeight) / B));
  let t = 0;
  for (let l = 1; l <= plan.layers; l++) {
    const m = plan.active[l]!;
    t += product(plan.rows, d, 2 * d) + product(m, d, d) + product(m, d, d) + product(m, d, f) + product(m, f, d) + (4 * keysSeen(plan, m) * d) / C;
  }
  return t;
}

let flops = { full: 0, exits: 0 }, roof = { full: 0, exits: 0 };
for (const batch of w.batches) {
  for (const mode of ['full', 'exits'] as const) {
    const plan = planBatch(table, batch, arch.layers, { fullDepth: mode === 'full', clsOnlyLastLayer: true });
    flops[mode] += countWork(plan, arch).flops;
    roof[mode] += rooflineSeconds(plan, arch);
  }
}
console.log(`${name} (${w.batches.length} batches), C ${C / 1e9} GFLOP/s, B ${B / 1e9} GB/s, ${bytesPerWeight} bytes per weight`);
console.log(`  FLOPs ratio exits/full     ${(flops.exits / flops.full).toFixed(3)}`);
console.log(`  roofline ratio exits/full  ${(roof.exits / roof.full).toFixed(3)}  (full ${(1e3 * roof.full).toFixed(0)} ms, exits ${(1e3 * roof.exits).toFixed(0)} ms)`);
