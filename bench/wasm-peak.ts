// Scratch benchmark: arithmetic peak of f32x4 mul+add vs relaxed madd (12 independent accumulators), CPU time.
// node --import tsx [--experimental-wasm-relaxed-simd] bench/wasm-peak.ts [relaxed]

import binaryen from 'binaryen';
import { Fn, moduleFeatures, type Local } from '../compiler/emit/wasm/builder.ts';

const relaxed = process.argv.includes('relaxed');
const m = new binaryen.Module();
m.setFeatures(moduleFeatures({ relaxed }));
const fn = new Fn(m, { relaxed }, [binaryen.i32]);
const [iters] = fn.params as [Local];
const acc = Array.from({ length: 12 }, () => fn.v128());
const a = fn.v128(), b = fn.v128(), i = fn.i32();
fn.finish('peak', [
  a.set(fn.splat(1.0001)), b.set(fn.splat(0.9999)),
  ...acc.map((x) => x.set(fn.splat(0))),
  fn.forRange(i, fn.c(0), iters.get(), 1, acc.map((x) => x.set(fn.fma(x.get(), a.get(), b.get())))),
  m.drop(m.f32x4.extract_lane(acc.reduce((s, x) => fn.vadd(s, x.get()), fn.splat(0)), 0)),
]);
if (!m.validate()) throw new Error('invalid');
const inst = new WebAssembly.Instance(new WebAssembly.Module(m.emitBinary() as BufferSource), {});
const peak = inst.exports.peak as (n: number) => void;
const n = 20_000_000;
let best = Infinity;
for (let it = 0; it < 7; it++) {
  const t0 = process.cpuUsage();
  peak(n);
  const dt = process.cpuUsage(t0);
  best = Math.min(best, (dt.user + dt.system) / 1000);
}
console.log(`${relaxed ? 'relaxed' : 'simd'} peak: ${(n * 12 * 8 / best / 1e6).toFixed(1)} GFLOP/s`);
