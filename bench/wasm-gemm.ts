// Scratch benchmark: GFLOP/s of one generated GEMM shape for several register tiles (mr x nr).
// node --import tsx [--experimental-wasm-relaxed-simd] bench/wasm-gemm.ts [relaxed]

import binaryen from 'binaryen';
import { emitGemm } from '../compiler/emit/wasm/gemm.ts';
import { moduleFeatures } from '../compiler/emit/wasm/builder.ts';

const relaxed = process.argv.includes('relaxed');
const shapes = [{ k: 768, n: 3072 }, { k: 3072, n: 768 }];
const tiles = (process.argv.find((a) => a.startsWith('tiles='))?.slice(6) ?? '4x8,6x8,3x16,4x12,2x16,5x8').split(',').map((t) => t.split('x').map(Number) as [number, number]);
const rows = 128;
function arg(k: string, d: number): number { return Number(process.argv.find((a) => a.startsWith(k + '='))?.slice(k.length + 1) ?? d); }

for (const { k, n } of shapes) {
  for (const [mr, nr] of tiles) {
    if (n % nr) continue;
    const m = new binaryen.Module();
    m.setFeatures(moduleFeatures({ relaxed }));
    const wBytes = k * n * 4, xBytes = rows * k * 4, yBytes = rows * n * 4;
    const W = 1024, B = W + wBytes, X = B + n * 4, Y = X + xBytes;
    const pages = Math.ceil((Y + yBytes) / 65536) + 1;
    m.setMemory(pages, pages, null, [], false);
    m.addMemoryImport('0', 'env', 'memory');
    emitGemm(m, { relaxed }, { name: 'mm', k, n, nr, mr, weights: W, bias: B, layerStride: 0, epilogue: 'none' });
    if (!m.validate()) throw new Error('invalid');
    if (process.argv.includes("opt")) m.optimize();
    const bytes = m.emitBinary();
    m.dispose();
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    const f = new Float32Array(memory.buffer);
    for (let i = W / 4; i < Y / 4; i++) f[i] = Math.random() - 0.5;
    const inst = new WebAssembly.Instance(new WebAssembly.Module(bytes as BufferSource), { env: { memory } });
    const mm = inst.exports.mm as (...a: number[]) => void;
    const times: number[] = [];
    for (let it = 0; it < 15; it++) {
      const t0 = process.cpuUsage(); // CPU time, not wall: other processes share the 2 cores
      mm(0, X, Y, 0, 0, rows, 0, n / nr);
      const dt = process.cpuUsage(t0);
      times.push((dt.user + dt.system) / 1000);
    }
    times.sort((a, b) => a - b);
    const med = times[0]!; // min: robust to other processes on this shared machine
    console.log(`${process.argv.slice(2).join(' ')} k=${k} n=${n} tile ${mr}x${nr}: ${med.toFixed(2)} ms  ${(2 * rows * k * n / med / 1e6).toFixed(1)} GFLOP/s`);
  }
}
