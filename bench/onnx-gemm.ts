// Scratch benchmark: onnxruntime-node's time for BERT-base FFN products by number of rows M. Twelve
// chained FFN pairs ([M, 768] x [768, 3072], then x [3072, 768], biases, relu: 226 MB of weights, more than
// any cache) as an exits graph runs them (2-D MatMul + Add), this process's CPU time per run at 1 thread.
// Shows the floor few-row products hit: every call streams its whole weight matrix.
// node --import tsx bench/onnx-gemm.ts [reps=7]

import * as ort from 'onnxruntime-node';
import { encodeModel, GraphBuilder, tensorInfo } from '../compiler/onnx/builder.ts';
import { FLOAT } from '../compiler/onnx/proto.ts';
import { createRng } from '../compiler/util/rng.ts';

const reps = Number(process.argv.find((a) => a.startsWith('reps='))?.slice(5) ?? 7);
const d = 768, f = 3072, pairs = 12;
const rng = createRng(1);
const uniform = (n: number): Float32Array => { const a = new Float32Array(n); rng.fillUniform(a, -0.03, 0.03); return a; };

const g = new GraphBuilder(17, 'raw', 'initializers');
let x = 'x';
for (let l = 0; l < pairs; l++) {
  const up = g.op('Add', [g.op('MatMul', [x, g.floats(`up_${l}.weight`, [d, f], uniform(d * f))], '/ffn'), g.floats(`up_${l}.bias`, [f], uniform(f))], '/ffn');
  x = g.op('Add', [g.op('MatMul', [g.op('Relu', [up], '/ffn'), g.floats(`down_${l}.weight`, [f, d], uniform(f * d))], '/ffn'), g.floats(`down_${l}.bias`, [d], uniform(d))], '/ffn');
}
g.op('Identity', [x], '/out', [], 'y');
const graph = { ...g.finish('ffn_chain', [tensorInfo('y', FLOAT, ['m', d])]), input: [tensorInfo('x', FLOAT, ['m', d])] };
const session = await ort.InferenceSession.create(encodeModel(graph, 17), { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all' });

const megabytes = (pairs * 2 * d * f * 4) / 1e6;
console.log(`onnxruntime-node ${ort.env.versions.node ?? ''}, 1 thread: ${pairs} FFN pairs, ${megabytes.toFixed(0)} MB of weights; median CPU ms of ${reps} runs`);
console.log('| rows M | ms | GFLOP/s | GB/s of weights |');
console.log('|---|---|---|---|');
for (const m of [1, 2, 4, 8, 16, 32, 64, 128]) {
  const input = { x: new ort.Tensor('float32', uniform(m * d), [m, d]) };
  await session.run(input);
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const c = process.cpuUsage();
    await session.run(input);
    const u = process.cpuUsage(c);
    times.push((u.user + u.system) / 1000);
  }
  const ms = times.sort((a, b) => a - b)[times.length >> 1]!;
  console.log(`| ${m} | ${ms.toFixed(1)} | ${((pairs * 4 * m * d * f) / (ms * 1e6)).toFixed(1)} | ${(megabytes / ms).toFixed(1)} |`);
}
