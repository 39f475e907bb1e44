// The ceiling of 128-bit WASM SIMD on this machine: GFLOP/s of a loop that does nothing but f32x4
// multiply-adds on 16 independent register accumulators (no memory traffic), with relaxed-SIMD fused
// multiply-add and with plain mul + add. A GEMM in WASM cannot beat it; native code with AVX2 / AVX-512
// (onnxruntime-node) can, by 2-4x. CPU time, best of 9.
// node --import tsx --experimental-wasm-relaxed-simd bench/wasm-peak.ts

import binaryen from 'binaryen';
import { Fn, moduleFeatures } from '../compiler/emit/wasm/builder.ts';

const ITERS = 10_000_000;

function peakModule(relaxed: boolean, chains: number): Uint8Array {
  const m = new binaryen.Module();
  m.setFeatures(moduleFeatures({ relaxed }));
  const f = new Fn(m, { relaxed }, [binaryen.i32]);
  const n = f.params[0]!, x = f.v128(), y = f.v128();
  const acc = Array.from({ length: chains }, () => f.v128());
  const top = f.label('loop');
  f.finish('peak', [
    x.set(f.splat(0.999999)),
    y.set(f.splat(1e-7)),
    ...acc.map((a, i) => a.set(f.splat(i))),
    m.loop(top, m.block(null, [
      ...acc.map((a) => a.set(f.fma(a.get(), x.get(), y.get()))),
      n.set(f.add(n.get(), f.c(-1))),
      m.br(top, n.get()),
    ])),
    // every chain stays live: their sum is the result
    m.return(m.f32x4.extract_lane(acc.slice(1).reduce((s, a) => f.vadd(s, a.get()), acc[0]!.get()), 0)),
  ], binaryen.f32);
  if (!m.validate()) throw new Error('invalid module');
  const bytes = m.emitBinary();
  m.dispose();
  return bytes;
}

for (const relaxed of [true, false]) {
  let best = { gflops: 0, chains: 0 };
  for (const chains of [8, 10, 12]) {
    const inst = new WebAssembly.Instance(new WebAssembly.Module(peakModule(relaxed, chains) as BufferSource));
    const peak = inst.exports.peak as (n: number) => number;
    peak(1000);
    let ms = Infinity;
    for (let r = 0; r < 9; r++) {
      const t0 = process.cpuUsage();
      peak(ITERS);
      const dt = process.cpuUsage(t0);
      ms = Math.min(ms, (dt.user + dt.system) / 1000);
    }
    const gflops = (ITERS * chains * 4 * 2) / ms / 1e6;
    if (gflops > best.gflops) best = { gflops, chains };
  }
  console.log(`${relaxed ? 'relaxed_madd (FMA)' : 'mul + add'}: ${best.gflops.toFixed(1)} GFLOP/s (best at ${best.chains} accumulators)`);
}
