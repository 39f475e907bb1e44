// Scratch measurement of thread scaling: BERT-base (specs/bert-base-sst2.yaml, its real exit table) on 1 and
// 2 threads in one process, runs alternating, full depth and with exits, for seq128-b1 and sst2-b8. Prints
// median and min wall time per case (min: capacity when a shared machine lends both cores), speedups, and the
// exits / full time ratio next to the cost model's. Args: reps=N workloads=a,b. Run with
// node --import tsx --experimental-wasm-relaxed-simd.

import { loadSpec } from '../compiler/spec/index.ts';
import { loadAll } from '../compiler/load.ts';
import { packWeights } from '../compiler/passes/packWeights.ts';
import { emitWasmModules } from '../compiler/emit/wasm/module.ts';
import { WasmEngine } from '../runtime/wasm/engine.ts';
import { nodeHost } from '../runtime/node.ts';
import { countWork, planBatch } from '../runtime/plan.ts';
import { workloads } from './workloads.ts';

const arg = (k: string, d: string) => process.argv.find((a) => a.startsWith(k + '='))?.slice(k.length + 1) ?? d;
const reps = Number(arg('reps', '7')), names = arg('workloads', 'seq128-b1,sst2-b8').split(',');
const root = new URL('../', import.meta.url);
const { spec, model, table } = loadAll(loadSpec(new URL('specs/bert-base-sst2.yaml', root).pathname));
const { arch, head } = spec;
const packed = packWeights(model);
const modules = { simd128: emitWasmModules(packed.layout).simd, relaxed: emitWasmModules(packed.layout).relaxed };
const engines = [1, 2].map((threads) => WasmEngine.create({ arch, head, modules, weights: packed.bytes, exitTable: table, threads, node: nodeHost }));
const [one, two] = await Promise.all(engines);
const all = workloads(root, { sentences: 32, vocabSize: arch.vocabSize });
const stats = (a: number[]) => { const s = a.slice().sort((x, y) => x - y); return { med: s[s.length >> 1]!, min: s[0]! }; };
for (const name of names) {
  const batches = all.find((w) => w.name === name)!.batches;
  const flops = (fullDepth: boolean) => batches.reduce((t, ids) => t + countWork(planBatch(table, ids, arch.layers, { fullDepth, clsOnlyLastLayer: true }), arch).flops, 0);
  const cases = [one!, two!].flatMap((engine) => [true, false].map((fullDepth) => ({ engine, fullDepth, times: [] as number[] })));
  for (let r = 0; r <= reps; r++) {
    for (const c of cases) {
      const t = performance.now();
      for (const ids of batches) c.engine.run({ ids }, { fullDepth: c.fullDepth });
      if (r > 0) c.times.push(performance.now() - t);
    }
  }
  const [f1, e1, f2, e2] = cases.map((c) => stats(c.times)) as [ReturnType<typeof stats>, ReturnType<typeof stats>, ReturnType<typeof stats>, ReturnType<typeof stats>];
  const ms = (s: { med: number; min: number }) => `${s.med.toFixed(1)} ms (min ${s.min.toFixed(1)})`;
  console.log(`${name}: 1 thread full ${ms(f1)}, exits ${ms(e1)}; 2 threads full ${ms(f2)}, exits ${ms(e2)}`);
  console.log(`  speedup 2/1 threads (median, min): full ${(f1.med / f2.med).toFixed(2)}, ${(f1.min / f2.min).toFixed(2)}; exits ${(e1.med / e2.med).toFixed(2)}, ${(e1.min / e2.min).toFixed(2)}`);
  console.log(`  exits/full time ratio (median, min): 1 thread ${(e1.med / f1.med).toFixed(3)}, ${(e1.min / f1.min).toFixed(3)}; 2 threads ${(e2.med / f2.med).toFixed(3)}, ${(e2.min / f2.min).toFixed(3)}; cost model ${(flops(false) / flops(true)).toFixed(3)}`);
}
one!.dispose();
two!.dispose();
process.exit(0);
