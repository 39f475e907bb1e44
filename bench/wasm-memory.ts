// Scratch measurement of peak memory: loads a compiled BERT-base package's WASM module and weights through
// WasmEngine.create, runs one seq-128 input, prints peak RSS next to the weight bytes. Args: dir=PACKAGE_DIR
// (a `hashee compile --target wasm` output), mode=buffer (weights.bin read into a JS buffer, then copied)
// | stream (read straight into linear memory by a WeightsWriter) | package (the package's own load()).

import { readFileSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { loadSpec } from '../compiler/spec/index.ts';
import { WasmEngine, type WeightsWriter } from '../runtime/wasm/engine.ts';

const arg = (k: string, d: string) => process.argv.find((a) => a.startsWith(k + '='))?.slice(k.length + 1) ?? d;
const dir = arg('dir', ''), mode = arg('mode', 'stream');
if (!dir) {
  console.error('wasm-memory: pass dir=PACKAGE_DIR, e.g. the bench/cache/<key>/package folder `npm run bench` leaves');
  process.exit(2);
}
const weightsFile = `${dir}/wasm/weights.bin`;
const ids = [[101, ...Array.from({ length: 126 }, (_, i) => 1000 + i), 102]];
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** Reads weights.bin into the target region in 16 MiB reads. */
const streamWeights: WeightsWriter = async (target) => {
  const file = await open(weightsFile);
  try {
    for (let at = 0; at < target.byteLength;) {
      const { bytesRead } = await file.read(target, at, Math.min(16 << 20, target.byteLength - at), at);
      if (bytesRead === 0) throw new Error(`${weightsFile} ends at ${at} bytes`);
      at += bytesRead;
    }
  } finally {
    await file.close();
  }
};

if (mode === 'package') {
  const pkg = (await import(pathToFileURL(`${dir}/index.js`).href)) as { load(o: object): Promise<{ run(ids: number[][]): Promise<unknown>; dispose(): void }> };
  const model = await pkg.load({ backend: 'wasm', threads: 1 });
  await model.run(ids);
  model.dispose();
} else {
  const { arch, head } = loadSpec('specs/bert-base-sst2.yaml');
  const wasm = (name: string) => readFileSync(`${dir}/wasm/${name}.wasm`);
  const engine = await WasmEngine.create({
    arch, head, threads: 1,
    modules: { simd128: { single: wasm('simd128'), shared: wasm('simd128-shared') } },
    weights: mode === 'buffer' ? readFileSync(weightsFile) : streamWeights,
    exitTable: new Uint8Array(readFileSync(`${dir}/exits.bin`)),
  });
  engine.run({ ids });
  engine.dispose();
}
// VmHWM is this process's own high-water mark; getrusage's maxRSS also counts a forking parent's RSS
const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN) * 1024;
console.log(`${mode}: peak RSS ${mb(hwm)} (VmHWM; getrusage maxRSS ${mb(process.resourceUsage().maxRSS * 1024)}) for ${mb(statSync(weightsFile).size)} of weights`);
