// Profile of onnxruntime-node on BERT-base's two ONNX exports (full depth, and with exits): onnxruntime's
// own per-node timings summed per layer into the K/V products (all rows), the products on the active rows
// (Q, output projection, FFN) and everything else, next to each layer's rows and cost-model FLOPs. Shows
// where the exits file's time goes when its time ratio misses the FLOPs ratio (README, Benchmark).
// Args: workload=NAME (bench/workloads.ts, default seq128-b1) reps=N threads=N.
// Run: node --import tsx bench/onnx-profile.ts workload=sst2-b1

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { loadSpec } from '../compiler/spec/index.ts';
import { loadAll } from '../compiler/load.ts';
import { exportOnnx, exportOnnxWithExits } from '../compiler/onnx/index.ts';
import { countWork, planBatch } from '../runtime/plan.ts';
import { workloads } from './workloads.ts';

const arg = (k: string): string | undefined => process.argv.find((a) => a.startsWith(`${k}=`))?.slice(k.length + 1);
const reps = Number(arg('reps') ?? 5), threads = Number(arg('threads') ?? 1), workload = arg('workload') ?? 'seq128-b1';
const root = new URL('../', import.meta.url);
const { spec, model, table } = loadAll(loadSpec(new URL('specs/bert-base-sst2.yaml', root).pathname));
const { arch } = spec;
const L = arch.layers;
const batches = workloads(root, { sentences: 32, vocabSize: arch.vocabSize }).find((w) => w.name === workload)!.batches.map((b) => b.map((s) => [...s]));

type Part = 'kv' | 'active' | 'rest';
const PRODUCT = /\/(key|value|query|attention\/output|intermediate|output)\/(MatMul|Gemm)/;

/** Median over passes (one pass = every batch once) of the kernel time per layer and part, ms; plus whole runs. */
async function profile(bytes: Uint8Array): Promise<{ layers: Record<Part, number>[]; outside: number; kernels: number; runs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'hashee-ort-profile-'));
  const session = await ort.InferenceSession.create(bytes, {
    intraOpNumThreads: threads, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all',
    enableProfiling: true, profileFilePrefix: join(dir, 'p'),
  });
  const feeds = (batch: number[][]): Record<string, ort.Tensor> => {
    const B = batch.length, n = Math.max(...batch.map((s) => s.length));
    const ids = new BigInt64Array(B * n), mask = new BigInt64Array(B * n);
    batch.forEach((s, b) => s.forEach((id, t) => { ids[b * n + t] = BigInt(id); mask[b * n + t] = 1n; }));
    return { input_ids: new ort.Tensor('int64', ids, [B, n]), attention_mask: new ort.Tensor('int64', mask, [B, n]), token_type_ids: new ort.Tensor('int64', new BigInt64Array(B * n), [B, n]) };
  };
  for (let r = 0; r <= reps; r++) for (const b of batches) await session.run(feeds(b));
  session.endProfiling();
  await session.release();
  const events = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]!), 'utf8')) as { cat: string; name: string; ts: number; dur: number; args?: { op_name?: string } }[];
  rmSync(dir, { recursive: true });
  const runs = events.filter((e) => e.name === 'model_run').sort((a, b) => a.ts - b.ts).slice(batches.length); // drop the warm-up pass
  const passes = Array.from({ length: reps }, () => ({ layers: Array.from({ length: L }, () => ({ kv: 0, active: 0, rest: 0 })), outside: 0, kernels: 0, runs: 0 }));
  const passOf = (ts: number): number => {
    const i = runs.findIndex((r) => ts >= r.ts && ts <= r.ts + r.dur);
    return i < 0 ? -1 : Math.floor(i / batches.length);
  };
  runs.forEach((r, i) => { passes[Math.floor(i / batches.length)]!.runs += r.dur / 1000; });
  for (const e of events) {
    if (e.cat !== 'Node' || !e.name.endsWith('_kernel_time')) continue;
    const p = passOf(e.ts);
    if (p < 0) continue;
    const ms = e.dur / 1000;
    passes[p]!.kernels += ms;
    const layer = /\/encoder\/layer\.(\d+)\//.exec(e.name);
    if (!layer) { passes[p]!.outside += ms; continue; }
    const product = PRODUCT.exec(e.name);
    const part: Part = !product ? 'rest' : product[1] === 'key' || product[1] === 'value' ? 'kv' : 'active';
    passes[p]!.layers[Number(layer[1])]![part] += ms;
  }
  const med = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[xs.length >> 1]!;
  return {
    layers: Array.from({ length: L }, (_, l) => ({ kv: med(passes.map((x) => x.layers[l]!.kv)), active: med(passes.map((x) => x.layers[l]!.active)), rest: med(passes.map((x) => x.layers[l]!.rest)) })),
    outside: med(passes.map((x) => x.outside)), kernels: med(passes.map((x) => x.kernels)), runs: med(passes.map((x) => x.runs)),
  };
}

const full = await profile(exportOnnx(model));
const exits = await profile(exportOnnxWithExits(model, table));
// Rows and FLOPs per layer as each file computes them: padded batches at full depth, real tokens with exits.
const rows = { full: new Array<number>(L).fill(0), exits: new Array<number>(L).fill(0) };
const flops = { full: new Array<number>(L).fill(0), exits: new Array<number>(L).fill(0) };
for (const b of batches) {
  const padded = b.map(() => new Array<number>(Math.max(...b.map((s) => s.length))).fill(0));
  const pf = planBatch(table, padded, L, { fullDepth: true }), pe = planBatch(table, b, L);
  const wf = countWork(pf, arch), we = countWork(pe, arch);
  for (let l = 0; l < L; l++) {
    rows.full[l] += pf.active[l + 1]!; rows.exits[l] += pe.active[l + 1]!;
    flops.full[l] += 2 * wf.perLayer[l]!; flops.exits[l] += 2 * we.perLayer[l]!;
  }
}
const f = (x: number): string => x.toFixed(2);
console.log(`onnxruntime-node ${ort.env.versions.node ?? ''}, ${threads} thread(s), ${workload}, ${reps} passes; kernel ms per pass (medians)`);
console.log('| layer | rows full | rows exits | full K/V | full Q/O/FFN | full rest | exits K/V | exits Q/O/FFN | exits rest | FLOPs ratio | time ratio |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
const sum = (x: Record<Part, number>): number => x.kv + x.active + x.rest;
for (let l = 0; l < L; l++) {
  const a = full.layers[l]!, b = exits.layers[l]!;
  console.log(`| ${l + 1} | ${rows.full[l]} | ${rows.exits[l]} | ${f(a.kv)} | ${f(a.active)} | ${f(a.rest)} | ${f(b.kv)} | ${f(b.active)} | ${f(b.rest)} | ${(flops.exits[l]! / flops.full[l]!).toFixed(3)} | ${(sum(b) / sum(a)).toFixed(3)} |`);
}
const total = (p: typeof full): number => p.layers.reduce((s, x) => s + sum(x), 0) + p.outside;
const totalFlops = (x: number[]): number => x.reduce((s, v) => s + v, 0);
console.log(`kernels outside the layers: full ${f(full.outside)}, exits ${f(exits.outside)} ms`);
console.log(`kernel total: full ${f(total(full))}, exits ${f(total(exits))} ms (ratio ${(total(exits) / total(full)).toFixed(3)}); whole runs: full ${f(full.runs)}, exits ${f(exits.runs)} ms (ratio ${(exits.runs / full.runs).toFixed(3)}); FLOPs ratio ${(totalFlops(flops.exits) / totalFlops(flops.full)).toFixed(3)}`);
