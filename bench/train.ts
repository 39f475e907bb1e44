// Training speed on SST-2 train batches: tokens/s and GFLOP/s of the matrix products (wall clock and per
// CPU second of this process, which matters on a shared machine), full depth and with a frequency table.
// node --import tsx bench/train.ts [--layers 4 --hidden 256 --heads 4 --buckets 4 --steps 40 --batch 32]

import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readExamples, TASKS } from '../compiler/train/data.ts';
import { loadTokenizer } from '../compiler/corpus/tokenizer-file.ts';
import { buildExitTable } from '../compiler/hash/index.ts';
import { loadSpec } from '../compiler/spec/index.ts';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wasmBackend } from '../compiler/train/backend.ts';
import { Network } from '../compiler/train/net.ts';
import { crossEntropy } from '../compiler/train/loss.ts';
import { ADAMW_DEFAULTS } from '../compiler/train/adamw.ts';
import { initParams, paramLayout, paramViews } from '../compiler/train/params.ts';
import { capacityFor } from '../compiler/train/train.ts';
import { createRng } from '../compiler/util/rng.ts';

const { values: o } = parseArgs({ options: {
  layers: { type: 'string', default: '4' }, hidden: { type: 'string', default: '256' }, heads: { type: 'string', default: '4' },
  buckets: { type: 'string', default: '4' }, steps: { type: 'string', default: '40' }, batch: { type: 'string', default: '32' },
} });
const L = Number(o.layers), d = Number(o.hidden), steps = Number(o.steps), batch = Number(o.batch);
const data = fileURLToPath(new URL('../data/sst2', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hashee-bench-train-'));
const specFile = join(dir, 'spec.yaml');
writeFileSync(specFile, `name: bench
model: { layers: ${L}, hidden: ${d}, heads: ${o.heads}, ffn: ${4 * d}, vocab_size: 10000, max_positions: 128, type_vocab_size: 2, activation: gelu, layer_norm_eps: 1.0e-12, norm: post }
head: { kind: classification, labels: 2 }
weights: { random: { seed: 1 } }
tokenizer: { path: ${data}/tokenizer.json, special_ids: { cls: 101, sep: 102, pad: 0, unk: 100, mask: 103 } }
exit: { policy: frequency, buckets: ${o.buckets}, corpus: { files: [${data}/train.tsv, ${data}/dev.tsv], text_columns: [sentence] } }
targets: [wasm]
`);
const spec = loadSpec(specFile);
const train = readExamples(`${data}/train.tsv`, TASKS.sst2, loadTokenizer(`${data}/tokenizer.json`), { maxLen: 128, vocabSize: 10000 });
const epochTokens = train.examples.reduce((a, e) => a + e.ids.length, 0);
const tables = { 'full depth': new Uint8Array(10000).fill(L), [`frequency, ${o.buckets} buckets`]: buildExitTable(spec) };
const rng = createRng(1);
const order = Array.from({ length: steps * batch }, () => rng.int(train.examples.length));

console.log(`${L} layers, width ${d}, ${o.heads} heads, FFN ${4 * d}; batches of ${batch} SST-2 train sentences, ${steps} steps; epoch = ${train.examples.length} sentences, ${epochTokens} tokens`);
for (const [name, table] of Object.entries(tables)) {
  const be = wasmBackend();
  const layout = paramLayout(spec.arch, spec.head);
  const flat = be.alloc(layout.size), grad = be.alloc(layout.size), m = be.alloc(layout.size), v = be.alloc(layout.size);
  initParams(layout, flat, 1);
  const net = new Network(be, spec.arch, 2, paramViews(layout, flat), paramViews(layout, grad), table, capacityFor([{ set: train, batch }]));
  const dl = be.alloc(batch * 2);
  let tokens = 0;
  const t0 = performance.now(), c0 = process.cpuUsage(), m0 = be.macs;
  for (let s = 0; s < steps; s++) {
    const ex = order.slice(s * batch, (s + 1) * batch).map((i) => train.examples[i]!);
    grad.fill(0);
    const fw = net.forward(ex.map((e) => e.ids), ex.map((e) => e.types), { dropout: 0.1, rng });
    crossEntropy(fw.logits, ex.map((e) => e.label), 2, dl);
    net.backward(dl);
    be.adamw(flat, grad, m, v, layout.decayEnd, s + 1, 1e-4, ADAMW_DEFAULTS);
    tokens += fw.plan.rows;
  }
  const wall = (performance.now() - t0) / 1000;
  const cu = process.cpuUsage(c0);
  const cpu = (cu.user + cu.system) / 1e6;
  const gflop = (2 * (be.macs - m0)) / 1e9;
  console.log(`${name.padEnd(22)} wall: ${(tokens / wall).toFixed(0)} tok/s, ${(gflop / wall).toFixed(1)} GFLOP/s, epoch ~${(epochTokens / (tokens / wall)).toFixed(0)} s | per CPU second: ${(tokens / cpu).toFixed(0)} tok/s, ${(gflop / cpu).toFixed(1)} GFLOP/s, epoch ~${(epochTokens / (tokens / cpu)).toFixed(0)} CPU s | ${(gflop / tokens * 1e3).toFixed(1)} MFLOP/token`);
}
