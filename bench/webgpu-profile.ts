// Scratch profile of the WebGPU engine on Dawn at full depth and with exits: the engine's call time and, with
// `kernels`, GPU time per kernel (one compute pass per dispatch with timestamp writes, in one submit).
// Args: spec=specs/mid.yaml len=N (a SST-2 sentence of about N tokens, or 128: the bench's fixed length) reps=N
// policy=gpu|cpu (product tiles; default the engine's), `kernels` (per-kernel GPU times and the same dispatches
// recorded in one pass or one pass each), `each` (every dispatch of the first rep), sweep=KERNEL (one product
// over 1..128 rows in both tiles).
// Run: VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json node --import tsx bench/webgpu-profile.ts

import { loadSpec } from '../compiler/spec/index.ts';
import { loadAll } from '../compiler/load.ts';
import { emitWgsl } from '../compiler/emit/wgsl/index.ts';
import { countWork, planBatch } from '../runtime/plan.ts';
import { createEngine } from '../runtime/webgpu/engine.ts';
import { packWebGpuWeights } from '../compiler/passes/packWebGpuWeights.ts';
import { nodeGpu } from '../runtime/webgpu/node.ts';
import { SLOT_BYTES, TILES, TILE_NAMES, moduleKey, type TilePolicy } from '../runtime/webgpu/program.ts';
import { callCounts, callInfo, scheduleCall, type Dispatch } from '../runtime/webgpu/schedule.ts';
import { fixedLength, sst2Sentences } from './workloads.ts';

const argOf = (k: string, d: string): string => process.argv.find((a) => a.startsWith(k + '='))?.slice(k.length + 1) ?? d;
const root = new URL('../', import.meta.url);
const { spec, model, table } = loadAll(loadSpec(new URL(argOf('spec', 'specs/mid.yaml'), root).pathname));
const { arch, head } = spec;
const len = Number(argOf('len', '128'));
const reps = Number(argOf('reps', '3'));
const sents = sst2Sentences(root, 200).map((s) => s.map((id) => id % arch.vocabSize));
const ids = len === 128 ? fixedLength(sents, 128) : sents.reduce((b, s) => (Math.abs(s.length - len) < Math.abs(b.length - len) ? s : b));

const gpu = await nodeGpu();
const adapter = (await gpu.requestAdapter())!;
const device = await adapter.requestDevice({ requiredFeatures: ['timestamp-query'] });
const engine = await createEngine({ gpu: device, program: emitWgsl(arch, head), weights: packWebGpuWeights(model), table });
await engine.run({ ids: [ids] });
const policy = (argOf('policy', '') || engine.tilePolicy) as TilePolicy;
const kernels = process.argv.includes('kernels');
// the engine's buffers and pipelines, read for this profile only
const inner = engine as unknown as {
  pipelines: Map<string, GPUComputePipeline>;
  counts: GPUBuffer;
  acts: { buffers: Map<string, GPUBuffer>; bindGroups: Map<string, GPUBindGroup> };
};

/** Wall ms of one call's dispatches submitted alone: all in one pass (as the engine records them) or one pass each. */
async function wall(full: boolean, passes: 'one' | 'each'): Promise<number> {
  const plan = planBatch(table, [ids], arch.layers, { fullDepth: full, clsOnlyLastLayer: true });
  const dispatches = scheduleCall(plan, arch, head, policy);
  device.queue.writeBuffer(inner.counts, 0, callCounts(plan));
  device.queue.writeBuffer(inner.acts.buffers.get('info')!, 0, callInfo(plan, ids, new Uint32Array(ids.length)));
  await device.queue.onSubmittedWorkDone();
  const t = performance.now();
  const enc = device.createCommandEncoder();
  let pass = enc.beginComputePass();
  dispatches.forEach((d, i) => {
    if (passes === 'each' && i > 0) { pass.end(); pass = enc.beginComputePass(); }
    pass.setPipeline(inner.pipelines.get(moduleKey(d.kernel, d.tile))!);
    pass.setBindGroup(0, inner.acts.bindGroups.get(`${d.kernel}@${d.slot}`)!);
    pass.dispatchWorkgroups(...d.groups);
  });
  pass.end();
  device.queue.submit([enc.finish()]);
  await device.queue.onSubmittedWorkDone();
  return performance.now() - t;
}

/** GPU ns of each dispatch of one call: one pass per dispatch, all in one command buffer and one submit. */
async function profile(full: boolean): Promise<{ dispatches: Dispatch[]; ns: number[] }> {
  const plan = planBatch(table, [ids], arch.layers, { fullDepth: full, clsOnlyLastLayer: true });
  const dispatches = scheduleCall(plan, arch, head, policy);
  device.queue.writeBuffer(inner.counts, 0, callCounts(plan));
  device.queue.writeBuffer(inner.acts.buffers.get('info')!, 0, callInfo(plan, ids, new Uint32Array(ids.length)));
  const n = dispatches.length;
  const set = device.createQuerySet({ type: 'timestamp', count: 2 * n });
  const resolve = device.createBuffer({ size: 16 * n, usage: GPUBufferUsage.QUERY_RESOLVE | GPUBufferUsage.COPY_SRC });
  const read = device.createBuffer({ size: 16 * n, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  const enc = device.createCommandEncoder();
  dispatches.forEach((d, i) => {
    const pass = enc.beginComputePass({ timestampWrites: { querySet: set, beginningOfPassWriteIndex: 2 * i, endOfPassWriteIndex: 2 * i + 1 } });
    pass.setPipeline(inner.pipelines.get(moduleKey(d.kernel, d.tile))!);
    pass.setBindGroup(0, inner.acts.bindGroups.get(`${d.kernel}@${d.slot}`)!);
    pass.dispatchWorkgroups(...d.groups);
    pass.end();
  });
  enc.resolveQuerySet(set, 0, 2 * n, resolve, 0);
  enc.copyBufferToBuffer(resolve, 0, read, 0, 16 * n);
  device.queue.submit([enc.finish()]);
  await read.mapAsync(GPUMapMode.READ);
  const t = new BigInt64Array(read.getMappedRange().slice(0));
  read.unmap();
  set.destroy(); resolve.destroy(); read.destroy();
  const span = Number(t[2 * n - 1]! - t[0]!) / 1e6;
  (total[`${full ? 'full' : 'exits'} ts-span`] ??= []).push(span);
  return { dispatches, ns: dispatches.map((_, i) => Number(t[2 * i + 1]! - t[2 * i]!)) };
}

/** GPU ms of one product kernel (layer 1's slot, prefix m) per tile shape, median of 3: `sweep=ffnUp`. */
async function sweep(kernel: 'kv' | 'query' | 'ffnUp' | 'ffnDown', rows: readonly number[]): Promise<void> {
  const cols = { kv: 2 * arch.hidden, query: arch.hidden, ffnUp: arch.ffn, ffnDown: arch.hidden }[kernel];
  for (const m of rows) {
    const line: string[] = [];
    for (const tile of TILE_NAMES) {
      const slot = new Uint32Array(SLOT_BYTES / 4);
      slot.set([m, m, 1, 0, 0]);
      device.queue.writeBuffer(inner.counts, SLOT_BYTES, slot);
      const groups: [number, number, number] = [Math.ceil(cols / TILES[tile].cols), Math.ceil(m / TILES[tile].rows), 1];
      const ms: number[] = [];
      for (let r = 0; r < 3; r++) {
        const set = device.createQuerySet({ type: 'timestamp', count: 2 });
        const res = device.createBuffer({ size: 16, usage: GPUBufferUsage.QUERY_RESOLVE | GPUBufferUsage.COPY_SRC });
        const read = device.createBuffer({ size: 16, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
        const enc = device.createCommandEncoder();
        const pass = enc.beginComputePass({ timestampWrites: { querySet: set, beginningOfPassWriteIndex: 0, endOfPassWriteIndex: 1 } });
        pass.setPipeline(inner.pipelines.get(moduleKey(kernel, tile))!);
        pass.setBindGroup(0, inner.acts.bindGroups.get(`${kernel}@1`)!);
        pass.dispatchWorkgroups(...groups);
        pass.end();
        enc.resolveQuerySet(set, 0, 2, res, 0);
        enc.copyBufferToBuffer(res, 0, read, 0, 16);
        device.queue.submit([enc.finish()]);
        await read.mapAsync(GPUMapMode.READ);
        const t = new BigInt64Array(read.getMappedRange().slice(0));
        ms.push(Number(t[1]! - t[0]!) / 1e6);
        read.unmap(); set.destroy(); res.destroy(); read.destroy();
      }
      line.push(`${tile} ${groups.join('x')} ${med(ms).toFixed(1)} ms`);
    }
    console.log(`${kernel} rows ${String(m).padStart(3)}: ${line.join(', ')}`);
  }
}

const med = (a: number[]): number => a.slice().sort((x, y) => x - y)[a.length >> 1]!;
const sweepKernel = argOf('sweep', '');
if (sweepKernel) {
  await sweep(sweepKernel as 'ffnUp', [1, 8, 16, 17, 32, 48, 64, 65, 96, 128]);
  process.exit(0);
}
const plans = { full: planBatch(table, [ids], arch.layers, { fullDepth: true, clsOnlyLastLayer: true }), exits: planBatch(table, [ids], arch.layers, { clsOnlyLastLayer: true }) };
console.log(`${spec.name}: ${ids.length} tokens; ${engine.adapter}; engine tiles '${engine.tilePolicy}', profiled '${policy}'; active per layer with exits: ${Array.from(plans.exits.active).slice(1).join(' ')}`);
const flops = { full: countWork(plans.full, arch).flops, exits: countWork(plans.exits, arch).flops };
const total: Record<string, number[]> = { full: [], exits: [] }; // ms per rep
const perKernel: Record<string, Map<string, number[]>> = { full: new Map(), exits: new Map() };
for (let r = 0; r < reps; r++) {
  for (const mode of ['full', 'exits'] as const) {
    const t = performance.now();
    await engine.run({ ids: [ids] }, { fullDepth: mode === 'full' });
    total[mode]!.push(performance.now() - t);
    if (!kernels) continue;
    for (const p of ['one', 'each'] as const) (total[`${mode} ${p}-pass`] ??= []).push(await wall(mode === 'full', p));
    const t0 = performance.now();
    const { dispatches, ns } = await profile(mode === 'full');
    (total[`${mode} ts-wall`] ??= []).push(performance.now() - t0);
    (total[`${mode} ts-sum`] ??= []).push(ns.reduce((a, b) => a + b, 0) / 1e6);
    const sums = new Map<string, number>();
    dispatches.forEach((d, i) => { const k = moduleKey(d.kernel, d.tile); sums.set(k, (sums.get(k) ?? 0) + ns[i]! / 1e6); });
    for (const [k, v] of sums) (perKernel[mode]!.get(k) ?? perKernel[mode]!.set(k, []).get(k)!).push(v);
    if (r === 0 && process.argv.includes('each')) dispatches.forEach((d, i) => console.log(mode, d.slot, moduleKey(d.kernel, d.tile), d.groups.join('x'), (ns[i]! / 1e6).toFixed(2)));
  }
}
for (const mode of ['full', 'exits'] as const) {
  const gpuSum = [...perKernel[mode]!.values()].reduce((s, v) => s + med(v), 0);
  console.log(`${mode}: call ${med(total[mode]!).toFixed(1)} ms, kernels ${gpuSum.toFixed(1)} ms, ${(flops[mode] / 1e6).toFixed(1)} MFLOP (both with the [CLS]-only last layer)`);
  for (const [k, v] of perKernel[mode]!) console.log(`  ${k.padEnd(18)} ${med(v).toFixed(2).padStart(9)} ms`);
}
for (const [k, v] of Object.entries(total)) console.log(`${k.padEnd(16)} min ${Math.min(...v).toFixed(1)} med ${med(v).toFixed(1)} ms: ${v.map((x) => x.toFixed(0)).join(' ')}`);
console.log(`FLOPs ratio ${(flops.exits / flops.full).toFixed(3)}, call time ratio ${(med(total.exits!) / med(total.full!)).toFixed(3)}`);
engine.dispose();
device.destroy();
process.exit(0);
