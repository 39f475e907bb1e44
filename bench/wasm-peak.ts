// The ceiling of 128-bit WASM SIMD on this machine: GFLOP/s of a loop that does nothing but f32x4
// multiply-adds on 16 independent register accumulators (no memory traffic), with relaxed-SIMD fused
// multiply-add and with plain mul + add. A GEMM in WASM cannot beat it; native code with AVX2 / AVX-512
// (onnxruntime-node) can, by 2-4x. CPU time, best of 9.
// node --import tsx --experimental-wasm-relaxed-simd bench/wasm-peak.ts

import binaryen from 'binaryen';
import { Fn, moduleFeatures } from '../compiler/emit/wasm/builder.ts';

const ITERS = 10_000_000;

/** `name` returning the sum of the accumulators' lane 0 (so every chain stays live), as module bytes. */
function finishModule(m: binaryen.Module, f: Fn, name: string, body: number[], acc: { get(): number }[]): Uint8Array {
  f.finish(name, [...body, m.return(m.f32x4.extract_lane(acc.slice(1).reduce((s, a) => f.vadd(s, a.get()), acc[0]!.get()), 0))], binaryen.f32);
  if (!m.validate()) throw new Error('invalid module');
  const bytes = m.emitBinary();
  m.dispose();
  return bytes;
}

/** The least CPU time (ms) of `reps` calls: the run least disturbed by other load. */
function bestCpuMs(run: () => void, reps: number): number {
  let ms = Infinity;
  for (let r = 0; r < reps; r++) {
    const t0 = process.cpuUsage();
    run();
    const dt = process.cpuUsage(t0);
    ms = Math.min(ms, (dt.user + dt.system) / 1000);
  }
  return ms;
}

function peakModule(relaxed: boolean, chains: number): Uint8Array {
  const m = new binaryen.Module();
  m.setFeatures(moduleFeatures({ relaxed }));
  const f = new Fn(m, { relaxed }, [binaryen.i32]);
  const n = f.params[0]!, x = f.v128(), y = f.v128();
  const acc = Array.from({ length: chains }, () => f.v128());
  const top = f.label('loop');
  return finishModule(m, f, 'peak', [
    x.set(f.splat(0.999999)),
    y.set(f.splat(1e-7)),
    ...acc.map((a, i) => a.set(f.splat(i))),
    m.loop(top, m.block(null, [
      ...acc.map((a) => a.set(f.fma(a.get(), x.get(), y.get()))),
      n.set(f.add(n.get(), f.c(-1))),
      m.br(top, n.get()),
    ])),
  ], acc);
}

for (const relaxed of [true, false]) {
  let best = { gflops: 0, chains: 0 };
  for (const chains of [8, 10, 12]) {
    const inst = new WebAssembly.Instance(new WebAssembly.Module(peakModule(relaxed, chains) as BufferSource));
    const peak = inst.exports.peak as (n: number) => number;
    peak(1000);
    const ms = bestCpuMs(() => peak(ITERS), 9);
    const gflops = (ITERS * chains * 4 * 2) / ms / 1e6;
    if (gflops > best.gflops) best = { gflops, chains };
  }
  console.log(`${relaxed ? 'relaxed_madd (FMA)' : 'mul + add'}: ${best.gflops.toFixed(1)} GFLOP/s (best at ${best.chains} accumulators)`);
}

const STREAM_BYTES = 120 * 1024 * 1024;

/** `bw(end)`: sums 64 bytes per iteration from each of `streams` equal stretches of memory [0, 120 MB). */
function streamModule(streams: number): Uint8Array {
  const m = new binaryen.Module();
  m.setFeatures(moduleFeatures({ relaxed: false }));
  const pages = STREAM_BYTES / 65536 + 1;
  m.setMemory(pages, pages, null, [], false);
  m.addMemoryImport('0', 'env', 'memory');
  const f = new Fn(m, { relaxed: false }, [binaryen.i32]);
  const end = f.params[0]!, p = f.i32();
  const acc = Array.from({ length: 8 }, () => f.v128());
  // stretches 64 bytes more than a multiple of 4 KiB apart, so the streams do not alias in the cache
  const stretch = STREAM_BYTES / streams - (streams > 1 ? 4096 - 64 : 0);
  const body: number[] = [];
  for (let s = 0; s < streams; s++) {
    for (let j = 0; j < 4; j++) {
      const a = acc[(s * 4 + j) % 8]!;
      body.push(a.set(f.vadd(a.get(), f.load(f.add(p.get(), f.c(s * stretch)), j * 16))));
    }
  }
  const top = f.label('stream');
  return finishModule(m, f, 'bw', [
    p.set(f.c(0)),
    m.loop(top, m.block(null, [...body, p.set(f.add(p.get(), f.c(64))), m.br(top, m.i32.lt_u(p.get(), end.get()))])),
  ], acc);
}

const memory = new WebAssembly.Memory({ initial: STREAM_BYTES / 65536 + 1, maximum: STREAM_BYTES / 65536 + 1 });
new Float32Array(memory.buffer).fill(1);
for (const streams of [1, 8]) {
  const bw = new WebAssembly.Instance(new WebAssembly.Module(streamModule(streams) as BufferSource), { env: { memory } }).exports.bw as (end: number) => number;
  const stretch = STREAM_BYTES / streams - (streams > 1 ? 4096 - 64 : 0);
  const end = Math.floor((STREAM_BYTES - (streams - 1) * stretch) / 64) * 64; // the last stream stays inside memory
  const ms = bestCpuMs(() => bw(end), 5);
  console.log(`streaming loads, ${streams} stream${streams > 1 ? 's' : ''}: ${((end * streams) / ms / 1e6).toFixed(1)} GB/s`);
}
