// Scratch benchmark: BERT-base seq 128 batch 1, hashee-wasm (full depth and with exits) vs onnxruntime-web
// in the same process, alternating; medians of wall time. Args: threads=N reps=N relaxed (flag also needs
// node --experimental-wasm-relaxed-simd) noort int8 (adds the int8 engine's full depth and exits).

import { randomWeights } from '../compiler/weights/random.ts';
import { packWeights } from '../compiler/passes/packWeights.ts';
import { emitWasmModules } from '../compiler/emit/wasm/module.ts';
import { exportOnnx } from '../compiler/onnx/export.ts';
import { WasmEngine } from '../runtime/wasm/engine.ts';
import { nodeHost } from '../runtime/node.ts';
import { createRng } from '../compiler/util/rng.ts';
import { countWork, planBatch } from '../runtime/plan.ts';
import type { ArchConfig, HeadConfig } from '../contract/model.ts';

const arg = (k: string, d: number) => Number(process.argv.find((a) => a.startsWith(k + '='))?.slice(k.length + 1) ?? d);
const threads = arg('threads', 1), reps = arg('reps', 7), seq = arg('seq', 128), layers = arg('layers', 12);
const arch: ArchConfig = { layers, hidden: 768, heads: 12, ffn: 3072, vocabSize: 30522, maxPositions: 512, typeVocabSize: 2, activation: 'gelu', layerNormEps: 1e-12, norm: 'post', embeddingSize: 768, sharedLayers: false };
const head: HeadConfig = { kind: 'classification', labels: 2 };
const model = { arch, head, weights: randomWeights(arch, head, 1) };
const rng = createRng(7);
// exit table: 6 buckets of 1 + 2j layers, ids spread uniformly; [CLS] = 101 runs all layers
const table = new Uint8Array(arch.vocabSize).map(() => 1 + 2 * Math.floor(rng.next() * 6));
table[101] = layers; table[102] = layers;
const ids = [[101, ...Array.from({ length: seq - 2 }, () => 1000 + Math.floor(rng.next() * 28000)), 102]];
let t0 = performance.now();
const packed = packWeights(model);
const modules = emitWasmModules(packed.layout);
console.log(`pack + emit: ${(performance.now() - t0).toFixed(0)} ms, module ${modules.simd.single.length} bytes`);
const simd = process.argv.includes('relaxed') ? 'relaxed' : 'simd128';
const engine = await WasmEngine.create({ arch, head, modules: { simd128: modules.simd, relaxed: modules.relaxed }, weights: packed.bytes, exitTable: table, threads, simd, node: nodeHost });
console.log(engine.info);
const int8 = process.argv.includes('int8') ? await (async () => {
  const p8 = packWeights(model, 'int8');
  const m8 = emitWasmModules(p8.layout);
  return WasmEngine.create({ arch, head, modules: { simd128: m8.simd, relaxed: m8.relaxed }, weights: p8.bytes, exitTable: table, threads, simd, node: nodeHost, precision: 'int8' });
})() : undefined;
const full = countWork(planBatch(table, ids, layers, { fullDepth: true, clsOnlyLastLayer: true }), arch).flops;
const exits = countWork(planBatch(table, ids, layers, { clsOnlyLastLayer: true }), arch).flops;
type Case = { name: string; flops: number; run: () => Promise<void> | void };
const cases: Case[] = [
  { name: 'hashee-wasm full', flops: full, run: () => { engine.run({ ids }, { fullDepth: true }); } },
  { name: 'hashee-wasm exits', flops: exits, run: () => { engine.run({ ids }); } },
  ...(int8 ? [
    { name: 'hashee-int8 full', flops: full, run: () => { int8.run({ ids }, { fullDepth: true }); } },
    { name: 'hashee-int8 exits', flops: exits, run: () => { int8.run({ ids }); } },
  ] : []),
];
if (!process.argv.includes('noort')) {
  const ort = await import('onnxruntime-web');
  ort.env.wasm.numThreads = threads;
  ort.env.logLevel = 'error';
  const session = await ort.InferenceSession.create(exportOnnx(model), { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  const n = ids[0]!.length;
  const feeds = {
    input_ids: new ort.Tensor('int64', BigInt64Array.from(ids[0]!.map(BigInt)), [1, n]),
    attention_mask: new ort.Tensor('int64', new BigInt64Array(n).fill(1n), [1, n]),
    token_type_ids: new ort.Tensor('int64', new BigInt64Array(n), [1, n]),
  };
  const fullNoCls = countWork(planBatch(table, ids, layers, { fullDepth: true }), arch).flops;
  cases.push({ name: 'ort-web', flops: fullNoCls, run: async () => { await session.run(feeds); } });
}
const times = cases.map(() => [] as number[]);
const cpu = cases.map(() => [] as number[]);
for (let r = 0; r < reps + 1; r++) {
  for (let c = 0; c < cases.length; c++) {
    t0 = performance.now();
    const c0 = process.cpuUsage();
    await cases[c]!.run();
    const dc = process.cpuUsage(c0);
    if (r > 0) { times[c]!.push(performance.now() - t0); cpu[c]!.push((dc.user + dc.system) / 1000); }
  }
}
const med = (a: number[]) => a.slice().sort((x, y) => x - y)[a.length >> 1]!;
const ref = med(times[cases.length - 1]!);
cases.forEach((c, i) => {
  const t = med(times[i]!);
  console.log(`${c.name.padEnd(18)} ${t.toFixed(1).padStart(7)} ms  (min ${Math.min(...times[i]!).toFixed(1)})  ${(c.flops / t / 1e6).toFixed(1)} GFLOP/s  ratio to last ${(t / ref).toFixed(2)}  cpu ${med(cpu[i]!).toFixed(1)} ms`);
});
console.log(`expected FLOPs ratio exits/full: ${(exits / full).toFixed(3)}; measured ${(med(times[1]!) / med(times[0]!)).toFixed(3)}`);
engine.dispose();
process.exit(0);
