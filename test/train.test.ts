// Training: the SIMD128 kernels against plain loops, backprop against central finite differences in float64
// (every parameter kind, exits active and at full depth, with and without dropout), the training forward
// against the reference executor, AdamW, determinism and resume, data reading, and `hashee train` end to end.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../compiler/cli.ts';
import { importOnnx } from '../compiler/onnx/index.ts';
import { loadAll } from '../compiler/load.ts';
import { loadSpec } from '../compiler/spec/index.ts';
import { createRng } from '../compiler/util/rng.ts';
import { adamwStep, clipGradNorm, scheduledLr } from '../compiler/train/adamw.ts';
import { f64Backend, wasmBackend, type Backend, type Vec } from '../compiler/train/backend.ts';
import { TASKS, truncate, type Example, type ExampleSet } from '../compiler/train/data.ts';
import { crossEntropy } from '../compiler/train/loss.ts';
import { Network } from '../compiler/train/net.ts';
import { initParams, paramLayout, paramViews, toModelWeights } from '../compiler/train/params.ts';
import { createTrainReporter } from '../compiler/train/report.ts';
import { TRAIN_DEFAULTS, trainModel, type TrainSettings } from '../compiler/train/train.ts';
import { erf, gelu, runReference } from '../runtime/reference/index.ts';
import { hasheeError } from './support/errors.ts';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const code = await main(argv, { out: (s) => { out += s; }, err: (s) => { err += s; } });
  return { code, out, err };
}

const wasm = wasmBackend();

function filled(be: Backend, n: number, seed: number): Vec {
  const v = be.alloc(n);
  const u = new Float32Array(n);
  createRng(seed).fillUniform(u, -1, 1);
  v.set(u);
  return v;
}

test('gemm nn / tn: every tile remainder, strides, offsets and accumulate give the float32 sum in k order, bit for bit', () => {
  for (const [M, N, K] of [[1, 1, 1], [5, 13, 7], [9, 23, 32], [4, 8, 3], [17, 2, 40], [6, 12, 300], [3, 5, 0]] as const) {
    for (const form of ['nn', 'tn'] as const) {
      for (const accumulate of [false, true]) {
        const lda = (form === 'nn' ? K : M) + 3, ldb = N + 1, ldc = N + 2, aOff = 5, bOff = 2, cOff = 7;
        const a = filled(wasm, aOff + (form === 'nn' ? M : Math.max(K, 1)) * lda, 1);
        const b = filled(wasm, bOff + Math.max(K, 1) * ldb, 2);
        const c = filled(wasm, cOff + M * ldc, 3);
        const c0 = Float32Array.from(c);
        wasm.gemm(form, M, N, K, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
        for (let i = 0; i < M; i++) {
          for (let j = 0; j < N; j++) {
            let s = accumulate ? c0[cOff + i * ldc + j]! : 0;
            for (let k = 0; k < K; k++) {
              const x = form === 'nn' ? a[aOff + i * lda + k]! : a[aOff + k * lda + i]!;
              s = Math.fround(s + Math.fround(x * b[bOff + k * ldb + j]!));
            }
            assert.is(c[cOff + i * ldc + j], s, `${form} ${M}x${N}x${K} acc ${accumulate} at ${i},${j}`);
          }
          // the row padding between ldc rows is left alone
          for (let j = N; j < ldc && i < M - 1; j++) assert.is(c[cOff + i * ldc + j], c0[cOff + i * ldc + j]);
        }
      }
    }
  }
});

test('transpose, and GELU forward / backward within 1e-6 of float64', () => {
  const a = filled(wasm, 7 * 9, 4), t = wasm.alloc(9 * 8);
  wasm.transpose(7, 5, a, 2, 9, t, 1, 8);
  for (let i = 0; i < 7; i++) for (let j = 0; j < 5; j++) assert.is(t[1 + j * 8 + i], a[2 + i * 9 + j]);
  const n = 4000;
  const u = wasm.alloc(n), g = wasm.alloc(n), dg = wasm.alloc(n), du = wasm.alloc(n);
  for (let i = 0; i < n; i++) { u[i] = -8 + (16 * i) / n; dg[i] = 1 - (i % 3); }
  wasm.gelu(u, g, n);
  wasm.geluGrad(u, dg, du, n);
  for (let i = 0; i < n; i++) {
    const x = u[i]!;
    assert.ok(Math.abs(g[i]! - gelu(x)) <= 1e-6 * Math.max(1, Math.abs(x)), `gelu(${x})`);
    const d = 0.5 * (1 + erf(x / Math.SQRT2)) + (x * Math.exp(-0.5 * x * x)) / Math.sqrt(2 * Math.PI);
    assert.ok(Math.abs(du[i]! - dg[i]! * d) <= 1e-6, `gelu'(${x})`);
  }
});

// The tiny spec (2 layers, width 8, random 2-bucket hash): some tokens exit after layer 1.
const tiny = loadAll(loadSpec(new URL('../specs/tiny.yaml', import.meta.url).pathname));
const arch = tiny.spec.arch;
const ids = [[1, 5, 9, 33, 2], [1, 7, 2], [1, 40, 41, 42, 43, 44, 45, 2], [1, 60, 2]];
const types = ids.map((s) => s.map((_, i) => (i > 2 ? 1 : 0)));
const labels = [0, 1, 1, 0];
const cap = { rows: 64, seqs: 8, maxLen: 16, squares: 256 };

function tinyNet(be: Backend, seed: number, table = tiny.table) {
  const layout = paramLayout(arch, tiny.spec.head);
  const flat = be.alloc(layout.size), grad = be.alloc(layout.size);
  initParams(layout, flat, seed, 0.3); // larger than BERT's 0.02: gradients of every kind well above rounding
  for (let i = 0; i < flat.length; i++) flat[i] = Math.fround(flat[i]!); // float32-representable, as exported
  const params = paramViews(layout, flat);
  return { layout, flat, grad, params, net: new Network(be, arch, 2, params, paramViews(layout, grad), table, cap) };
}

test('the fixture has tokens exiting early', () => {
  const r = runReference({ arch, head: tiny.spec.head, weights: randomParamsWeights() }, tiny.table, { ids });
  const exits = r.exits.flat();
  assert.ok(exits.includes(1) && exits.includes(2), `exits ${exits}`);
});

function randomParamsWeights() {
  return toModelWeights(tinyNet(f64Backend(), 3).params);
}

for (const dropout of [0, 0.2]) {
  for (const fullDepth of [false, true]) {
    test(`backprop = central finite differences (float64) for every parameter kind: ${fullDepth ? 'full depth' : 'exits active'}, dropout ${dropout}`, () => {
      const { layout, flat, grad, net } = tinyNet(f64Backend(), 3);
      const dl = new Float64Array(ids.length * 2);
      // the same dropout masks on every evaluation: a fresh generator with the same seed
      const loss = (): number => crossEntropy(net.forward(ids, types, { fullDepth, dropout, rng: createRng(9) }).logits, labels, 2, dl).loss;
      grad.fill(0);
      loss();
      net.backward(dl);
      const kinds = new Set<string>();
      for (const e of layout.entries) {
        // indices into rows the batch actually reads: embeddings of the ids, positions and types used
        const width = e.name === 'wordEmb' || e.name === 'posEmb' || e.name === 'typeEmb' ? arch.hidden : e.size;
        const rows = e.name === 'wordEmb' ? [5, 40, 45] : e.name === 'posEmb' ? [0, 3, 7] : e.name === 'typeEmb' ? [0, 1] : [0];
        let nonzero = 0;
        for (const row of rows) {
          for (let t = 0; t < Math.min(width, 5); t++) {
            const i = e.offset + row * width + ((t * 7919) % width);
            const x = flat[i]!, h = 1e-5;
            flat[i] = x + h; const up = loss();
            flat[i] = x - h; const down = loss();
            flat[i] = x;
            const fd = (up - down) / (2 * h);
            assert.ok(Math.abs(fd - grad[i]!) <= 1e-6 * Math.max(Math.abs(fd), Math.abs(grad[i]!)) + 1e-9, `${e.name}[${i - e.offset}]: finite difference ${fd}, backprop ${grad[i]}`);
            if (Math.abs(grad[i]!) > 1e-6) nonzero++;
          }
        }
        // the key bias is the one parameter with no effect (softmax is shift-invariant): all others must be exercised
        if (!e.name.endsWith('.kB')) assert.ok(nonzero > 0, `${e.name}: all sampled gradients are ~0`);
        kinds.add(e.name.replace(/^layers\.\d+\./, ''));
      }
      assert.equal([...kinds].sort(), ['classifierB', 'classifierW', 'embLnB', 'embLnG', 'f1B', 'f1W', 'f2B', 'f2W', 'kB', 'kW', 'ln1B', 'ln1G', 'ln2B', 'ln2G', 'oB', 'oW', 'poolerB', 'poolerW', 'posEmb', 'qB', 'qW', 'typeEmb', 'vB', 'vW', 'wordEmb']);
    });
  }
}

test('a token exited at layer 1 still gets gradient through the K/V layer 2 computes from its frozen state', () => {
  const { layout, grad, net } = tinyNet(f64Backend(), 3);
  const dl = new Float64Array(2);
  const early = ids[0]!.filter((id) => tiny.table[id] === 1);
  assert.ok(early.length > 0);
  grad.fill(0);
  crossEntropy(net.forward([ids[0]!], [types[0]!], {}).logits, [0], 2, dl);
  net.backward(dl);
  const word = layout.entries.find((e) => e.name === 'wordEmb')!;
  const d = arch.hidden;
  // the loss reads [CLS] only; an exited token reaches it through attention: layer 1's and layer 2's K/V
  for (const id of early) assert.ok(grad.subarray(word.offset + id * d, word.offset + (id + 1) * d).some((g) => Math.abs(g) > 1e-8), `token ${id}`);
});

test('the training forward equals the reference executor: float64 bit for bit, float32 within 1e-5 (exits and full depth)', () => {
  for (const be of [f64Backend(), wasm]) {
    const { params, net } = tinyNet(be, 5);
    const model = { arch, head: tiny.spec.head, weights: toModelWeights(params) };
    for (const fullDepth of [false, true]) {
      for (const clsOnly of [false, true]) {
        const mine = net.forward(ids, types, { fullDepth, clsOnly }).logits;
        const ref = runReference(model, tiny.table, { ids, typeIds: types }, { precision: be.precision, fullDepth }).logits!;
        ref.forEach((z, b) => z.forEach((v, j) => {
          const got = mine[b * 2 + j]!;
          if (be.precision === 'f64') assert.is(got, v, `f64 logit ${b},${j}`);
          else assert.ok(Math.abs(got - v) <= 1e-5 * Math.max(1, Math.abs(v)), `f32 logit ${b},${j}: ${got} vs ${v}`);
        }));
      }
    }
  }
});

test('AdamW: decoupled decay on the decay range only, bias-corrected step; clipping; warmup then linear decay', () => {
  const p = Float64Array.of(1, 1), g = Float64Array.of(0.5, 0.5), m = new Float64Array(2), v = new Float64Array(2);
  adamwStep(p, g, m, v, 1, 1, 0.1, { beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.5 });
  // step 1: mhat = g, vhat = g^2, so the step is lr * g / (|g| + eps) = 0.1; decay 1 - 0.1 * 0.5 on p[0] only
  assert.ok(Math.abs(p[0]! - (0.95 - 0.1 * 0.5 / (0.5 + 1e-8))) < 1e-12);
  assert.ok(Math.abs(p[1]! - (1 - 0.1 * 0.5 / (0.5 + 1e-8))) < 1e-12);
  assert.ok(Math.abs(m[0]! - 0.05) < 1e-15 && Math.abs(v[0]! - 0.00025) < 1e-15);
  const c = Float64Array.of(3, 4);
  assert.is(clipGradNorm(c, 1), 5);
  assert.ok(Math.abs(Math.hypot(c[0]!, c[1]!) - 1) < 1e-6);
  assert.equal([0, 1, 2, 3, 9].map((t) => scheduledLr(1, t, 10, 2)), [0.5, 1, 1, 0.875, 0.125]);
});

test('the float32 AdamW kernel makes the update of adamwStep (to float32 rounding), decay range included', () => {
  const n = 1003, decayEnd = 501;
  const p = filled(wasm, n, 11), g = filled(wasm, n, 12), m = filled(wasm, n, 13), v = filled(wasm, n, 14);
  for (let i = 0; i < n; i++) v[i] = Math.abs(v[i]!);
  const [p2, g2, m2, v2] = [p, g, m, v].map((a) => Float64Array.from(a)) as [Float64Array, Float64Array, Float64Array, Float64Array];
  const s = { beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.1 };
  wasm.adamw(p, g, m, v, decayEnd, 7, 1e-3, s);
  adamwStep(p2, g2, m2, v2, decayEnd, 7, 1e-3, s);
  for (let i = 0; i < n; i++) {
    assert.ok(Math.abs(p[i]! - p2[i]!) <= 1e-6 * Math.max(1, Math.abs(p2[i]!)), `p[${i}] ${p[i]} vs ${p2[i]}`);
    assert.ok(Math.abs(m[i]! - m2[i]!) <= 1e-6 && Math.abs(v[i]! - v2[i]!) <= 1e-6, `moments ${i}`);
  }
});

test('truncation cuts the longer segment first and keeps the specials', () => {
  const cut = truncate([101, 1, 2, 3, 102, 7, 8, 102], [0, 0, 0, 0, 0, 1, 1, 1], 6);
  assert.equal(cut, { ids: [101, 1, 2, 102, 7, 102], types: [0, 0, 0, 0, 1, 1] });
  assert.equal(truncate([101, 1, 2, 3, 102], [0, 0, 0, 0, 0], 4), { ids: [101, 1, 2, 102], types: [0, 0, 0, 0] });
});

/** A learnable synthetic task over the tiny vocabulary: label 1 when token 5 occurs. */
function syntheticSet(seed: number, n: number): ExampleSet {
  const rng = createRng(seed);
  const examples: Example[] = Array.from({ length: n }, () => {
    const len = 2 + rng.int(8);
    const body = Array.from({ length: len }, () => 6 + rng.int(50));
    const label = rng.int(2);
    if (label) body[rng.int(len)] = 5;
    const seq = [1, ...body, 2];
    return { ids: seq, types: seq.map(() => 0), label };
  });
  return { file: 'synthetic', task: TASKS.sst2, examples, truncated: 0 };
}

// (a width-8 model sits on the symmetric plateau for ~3 epochs before it finds token 5)
const settings: TrainSettings = { ...TRAIN_DEFAULTS, epochs: 8, batch: 8, lr: 3e-3, maxLen: 32 };

test('training learns a synthetic task, and the same seed gives the same bytes; a resumed run equals an uninterrupted one', () => {
  const train = syntheticSet(1, 256), dev = syntheticSet(2, 128);
  const bytes = (w: ReturnType<typeof trainModel>['weights']): Uint8Array => new Uint8Array(Float32Array.from([...w.wordEmb, ...w.layers.flatMap((l) => [...l.qW, ...l.f2W, ...l.ln2G]), ...w.head.classifierW!]).buffer);
  const a = trainModel({ loaded: tiny, train, dev, settings });
  assert.ok(a.dev!.accuracy! >= 0.9, `dev accuracy ${a.dev!.accuracy}`);
  assert.ok(a.epochs[7]!.loss < 0.5 * a.epochs[0]!.loss);
  const b = trainModel({ loaded: tiny, train, dev, settings });
  assert.equal(bytes(b.weights), bytes(a.weights));
  const other = trainModel({ loaded: tiny, train, dev, settings: { ...settings, seed: 2 } });
  assert.not.equal(bytes(other.weights), bytes(a.weights));

  const dir = mkdtempSync(join(tmpdir(), 'hashee-train-'));
  const ckpt = join(dir, 'run.ckpt');
  const stop = new Error('interrupted');
  const interrupting = { step() {}, note() {}, epoch(e: { epoch: number }) { if (e.epoch === 4) throw stop; } };
  try { trainModel({ loaded: tiny, train, dev, settings, checkpoint: { path: ckpt, resume: false }, reporter: interrupting }); assert.unreachable(); } catch (e) { assert.is(e, stop); }
  assert.ok(existsSync(ckpt));
  const notes: string[] = [];
  const resumed = trainModel({ loaded: tiny, train, dev, settings, checkpoint: { path: ckpt, resume: true }, reporter: { step() {}, epoch() {}, note: (l) => notes.push(l) } });
  assert.equal(notes, ['resuming after epoch 4 of 8 (step 128)']);
  assert.equal(bytes(resumed.weights), bytes(a.weights));
  assert.not.ok(existsSync(ckpt), 'the checkpoint is removed when the run completes');
  // a checkpoint of another run is refused
  try { trainModel({ loaded: tiny, train, dev, settings, checkpoint: { path: ckpt, resume: false }, reporter: interrupting }); } catch { /* interrupted */ }
  const err = hasheeError(() => trainModel({ loaded: tiny, train, dev, settings: { ...settings, lr: 1e-3 }, checkpoint: { path: ckpt, resume: true } }));
  assert.match(err.message, /different run/);
});

test('progress: a redrawn bar with loss and tokens/s on a terminal, plain lines otherwise', () => {
  let tty = '', plain = '';
  const t = createTrainReporter({ isTTY: true, write: (s) => { tty += s; } }, () => 0);
  const p = createTrainReporter({ isTTY: false, write: (s) => { plain += s; } });
  for (const r of [t, p]) {
    for (let step = 1; step <= 20; step++) r.step({ epoch: 1, epochs: 2, step, steps: 20, loss: 0.5, tokensPerSecond: 12345 });
    r.epoch({ epoch: 1, epochs: 2, loss: 0.5, trainAccuracy: 0.75, dev: 'accuracy 70.0%', seconds: 2, tokensPerSecond: 12345, gflops: 3.2 });
  }
  assert.match(tty, /^\r\[#+\.*\] epoch 1\/2 step 1\/20 loss 0\.5000 12\.3k tok\/s/);
  assert.match(tty, /\r\[#{24}\] epoch 1\/2 step 20\/20/);
  const lines = plain.trim().split('\n');
  assert.is(lines.length, 10);
  assert.is(lines[0], 'epoch 1/2 step 2/20 loss 0.5000 12.3k tok/s');
  assert.is(lines[9], 'epoch 1/2: loss 0.5000; train accuracy 75.0%; dev accuracy 70.0%; 2.0 s, 12.3k tok/s, 3.2 GFLOP/s');
});

// `hashee train` end to end on a small tokenized task: output ONNX that `import` reads and `eval` scores.
const dir = mkdtempSync(join(tmpdir(), 'hashee-train-cli-'));
const tokenizer = new URL('../data/sst2/tokenizer.json', import.meta.url).pathname;
{
  const rng = createRng(7);
  const good = ['good', 'great', 'fine', 'wonderful'], bad = ['bad', 'awful', 'dull', 'boring'], filler = ['the', 'movie', 'film', 'was', 'a', 'story', 'and', 'plot'];
  const rows = (n: number): string => ['sentence\tlabel', ...Array.from({ length: n }, () => {
    const y = rng.int(2);
    const words = Array.from({ length: 3 + rng.int(5) }, () => filler[rng.int(filler.length)]!);
    words.splice(rng.int(words.length), 0, (y ? good : bad)[rng.int(4)]!);
    return `${words.join(' ')}\t${y}`;
  })].join('\n') + '\n';
  writeFileSync(join(dir, 'train.tsv'), rows(192));
  writeFileSync(join(dir, 'dev.tsv'), rows(64));
  writeFileSync(join(dir, 'spec.yaml'), `name: small
model: { layers: 2, hidden: 16, heads: 2, ffn: 32, vocab_size: 10000, max_positions: 32, type_vocab_size: 2, activation: gelu, layer_norm_eps: 1.0e-12, norm: post }
head: { kind: classification, labels: 2 }
weights: { random: { seed: 1 } }
tokenizer: { path: ${tokenizer}, special_ids: { cls: 101, sep: 102, pad: 0, unk: 100, mask: 103 } }
exit: { policy: frequency, buckets: 2, corpus: { files: [train.tsv], text_columns: [sentence] } }
targets: [wasm]
`);
}

test('hashee train writes ONNX that import reads; eval of the written spec reproduces the dev metric', async () => {
  const out = join(dir, 'model.onnx');
  const r = await cli('train', join(dir, 'spec.yaml'), '--data', join(dir, 'train.tsv'), '--dev', join(dir, 'dev.tsv'), '--epochs', '8', '--lr', '3e-3', '--batch', '8', '--out', out, '--spec-out', join(dir, 'trained.yaml'), '--json');
  assert.is(r.code, 0, r.err);
  const summary = JSON.parse(r.out) as { dev: { accuracy: number }; epochs: unknown[] };
  assert.is(summary.epochs.length, 8);
  assert.ok(summary.dev.accuracy >= 0.9, `dev accuracy ${summary.dev.accuracy}`);
  assert.match(r.err, /epoch 8\/8: loss [\d.]+; train accuracy [\d.]+%; dev accuracy [\d.]+%; [\d.]+ s, [\d.k]+ tok\/s, [\d.]+ GFLOP\/s/);
  const found = importOnnx(readFileSync(out), out);
  assert.is(found.arch.hidden, 16);
  assert.is(found.arch.layers, 2);
  assert.not.ok(existsSync(`${out}.ckpt`));
  const e = await cli('eval', join(dir, 'trained.yaml'), '--data', join(dir, 'dev.tsv'), '--json');
  assert.is(e.code, 0, e.err);
  const ev = JSON.parse(e.out) as { metrics: { accuracy: number }; avg_exit_layer: number; flops_ratio: number };
  assert.ok(Math.abs(ev.metrics.accuracy - summary.dev.accuracy) < 1e-9, `eval ${ev.metrics.accuracy} vs train ${summary.dev.accuracy}`);
  assert.ok(ev.avg_exit_layer > 1 && ev.avg_exit_layer < 2 && ev.flops_ratio < 1, JSON.stringify(ev));
});

test('hashee train: bad options and data are located user errors (exit 1)', async () => {
  const spec = join(dir, 'spec.yaml');
  const base = ['train', spec, '--data', join(dir, 'train.tsv'), '--dev', 'none'];
  const cases: [string[], RegExp][] = [
    [[...base], /--out FILE\.onnx is required/],
    [[...base, '--out', join(dir, 'x.onnx'), '--epochs', '0'], /--epochs must be a positive integer/],
    [[...base, '--out', join(dir, 'x.onnx'), '--lr', 'fast'], /--lr must be a number/],
    [[...base, '--out', join(dir, 'x.onnx'), '--task', 'stsb'], /no column "sentence1" for task stsb/],
    [['train', spec, '--out', join(dir, 'x.onnx')], /give --task sst2\|mrpc\|stsb/],
    [[...base, '--out', join(dir, 'x.onnx'), '--max-len', '64'], /--max-len must be between 3 and the model's max_positions/],
    [[...base, '--out', join(dir, 'x.onnx'), '--resume'], /cannot resume: no checkpoint/],
  ];
  for (const [argv, re] of cases) {
    const r = await cli(...argv);
    assert.is(r.code, 1, `${argv.join(' ')}: ${r.err}`);
    assert.match(r.err, re);
  }
  writeFileSync(join(dir, 'badlabel.tsv'), 'sentence\tlabel\ngood film\t1\nbad film\t7\n');
  const r = await cli('train', spec, '--data', join(dir, 'badlabel.tsv'), '--dev', 'none', '--out', join(dir, 'x.onnx'));
  assert.is(r.code, 1);
  assert.match(r.err, /badlabel\.tsv:3:1: .*label "7" is not a class of sst2/);
  assert.not.ok(existsSync(join(dir, 'x.onnx')));
});

test.run();
