// ONNX export/import: bit-exact round trips in every exporter variant, onnxruntime vs the reference executor, errors.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as ort from 'onnxruntime-node';
import { exportOnnx, importOnnx, checkOnnxAgainstSpec, type ExportOptions } from '../compiler/onnx/index.ts';
import { floatTensor, onnx, readFloats, tensorDims, type NodeProto } from '../compiler/onnx/proto.ts';
import { randomWeights } from '../compiler/weights/random.ts';
import { HasheeError } from '../compiler/errors.ts';
import { runReference } from '../runtime/reference/index.ts';
import type { Activation, ArchConfig, HeadConfig, Model, ModelWeights } from '../contract/model.ts';
import { bitEqual } from './support/bits.ts';

function tinyArch(activation: Activation, layers = 2, layerNormEps = 1e-12): ArchConfig {
  return { layers, hidden: 16, heads: 2, ffn: 32, vocabSize: 40, maxPositions: 16, typeVocabSize: 2, activation, layerNormEps, norm: 'post', embeddingSize: 16, sharedLayers: false };
}

function seededModel(arch: ArchConfig, head: HeadConfig, seed: number): Model {
  return { arch, head, weights: randomWeights(arch, head, seed, 0.2) }; // std 0.2: outputs far from trivially equal
}

interface Variant { readonly name: string; readonly model: Model; readonly opts: ExportOptions }

const variants: Variant[] = [
  { name: 'clean matmul fused opset 17, classification', model: seededModel(tinyArch('gelu'), { kind: 'classification', labels: 3 }, 1), opts: {} },
  {
    name: 'torch-named gemm decomposed opset 13, Constant nodes, float_data',
    model: seededModel(tinyArch('gelu', 2, 1e-5), { kind: 'classification', labels: 2 }, 2),
    opts: { naming: 'torch', linear: 'gemm', layerNorm: 'decomposed', opset: 13, constants: 'nodes', storage: 'typed', seed: 7 },
  },
  { name: 'gelu_tanh, no head, decomposed opset 18', model: seededModel(tinyArch('gelu_tanh', 3), { kind: 'none' }, 3), opts: { layerNorm: 'decomposed', opset: 18 } },
  { name: 'relu, token head, gemm', model: seededModel(tinyArch('relu'), { kind: 'token', labels: 4 }, 4), opts: { linear: 'gemm', naming: 'torch' } },
  { name: 'regression head, torch-named decomposed opset 14', model: seededModel(tinyArch('gelu', 1), { kind: 'regression' }, 5), opts: { naming: 'torch', layerNorm: 'decomposed', opset: 14 } },
];

function assertSameWeights(found: ModelWeights, want: ModelWeights): void {
  for (const key of ['wordEmb', 'posEmb', 'typeEmb', 'embLnG', 'embLnB'] as const) assert.ok(bitEqual(found[key], want[key]), key);
  assert.is(found.layers.length, want.layers.length);
  want.layers.forEach((layer, l) => {
    for (const key of Object.keys(layer) as (keyof typeof layer)[]) assert.ok(bitEqual(found.layers[l]![key], layer[key]), `layer ${l} ${key}`);
  });
  for (const key of ['poolerW', 'poolerB', 'classifierW', 'classifierB'] as const) assert.ok(bitEqual(found.head[key], want.head[key]), `head ${key}`);
}

for (const v of variants) {
  test(`import(export(m)) reproduces every weight and the arch: ${v.name}`, () => {
    const found = importOnnx(exportOnnx(v.model, v.opts), 'model.onnx');
    assert.equal(found.arch, v.model.arch);
    assert.equal(found.head, v.model.head);
    assertSameWeights(found.weights, v.model.weights);
  });
}

test('import reports progress once per layer', () => {
  const v = variants[2]!;
  const calls: string[] = [];
  importOnnx(exportOnnx(v.model, v.opts), 'model.onnx', {
    start: (label, total) => calls.push(`start ${total}`), tick: () => calls.push('tick'), done: () => calls.push('done'),
  });
  assert.equal(calls, ['start 3', 'tick', 'tick', 'tick', 'done']);
});

test('export is deterministic; torch naming hides every parameter name', () => {
  const v = variants[1]!;
  assert.equal(exportOnnx(v.model, v.opts), exportOnnx(v.model, v.opts));
  const graph = onnx.ModelProto.decode(exportOnnx(v.model, { ...v.opts, constants: 'initializers' })).graph!;
  const names = (graph.initializer ?? []).map((t) => t.name ?? '');
  assert.ok(names.every((n) => /^onnx::\w+_\d+$/.test(n)), names.slice(0, 3).join(' '));
});

// Batch: two sequences of different lengths with token types; the short one is padded for onnxruntime.
const batch = { ids: [[1, 7, 3, 9, 2, 5], [1, 12, 2]], typeIds: [[0, 0, 0, 1, 1, 1], [0, 1, 1]] };

async function runOrt(session: ort.InferenceSession, ids: number[][], types: number[][]): Promise<ort.InferenceSession.OnnxValueMapType> {
  const seq = Math.max(...ids.map((s) => s.length));
  const pad = (rows: number[][], fill: (r: number, p: number) => number): ort.Tensor =>
    new ort.Tensor('int64', BigInt64Array.from(rows.flatMap((row, r) => Array.from({ length: seq }, (_, p) => BigInt(p < row.length ? fill(r, p) : 0)))), [rows.length, seq]);
  return session.run({
    input_ids: pad(ids, (r, p) => ids[r]![p]!),
    attention_mask: pad(ids, () => 1),
    token_type_ids: pad(ids, (r, p) => types[r]![p]!),
  });
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.is(a.length, b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

for (const v of variants) {
  test(`onnxruntime matches the reference executor, padded batch equals single runs: ${v.name}`, async () => {
    const { model } = v;
    const d = model.arch.hidden, seq = batch.ids[0]!.length;
    const session = await ort.InferenceSession.create(exportOnnx(model, v.opts));
    const padded = await runOrt(session, batch.ids, batch.typeIds);
    const table = new Uint8Array(model.arch.vocabSize).fill(model.arch.layers);
    const ref = runReference(model, table, batch, { fullDepth: true });
    const hidden = padded.last_hidden_state!.data as Float32Array;
    const logits = padded.logits?.data as Float32Array | undefined;
    for (let r = 0; r < batch.ids.length; r++) {
      const len = batch.ids[r]!.length;
      const rowHidden = hidden.subarray(r * seq * d, (r * seq + len) * d);
      assert.ok(maxAbsDiff(rowHidden, ref.lastHidden[r]!) <= 1e-4, `hidden row ${r}`);
      const single = await runOrt(session, [batch.ids[r]!], [batch.typeIds[r]!]);
      assert.ok(maxAbsDiff(rowHidden, single.last_hidden_state!.data as Float32Array) <= 1e-5, `padded vs single, row ${r}`);
      if (model.head.kind === 'none') continue;
      const n = model.head.kind === 'token' ? model.head.labels : model.head.kind === 'regression' ? 1 : model.head.labels;
      const perRow = model.head.kind === 'token' ? seq * n : n;
      const rowLogits = logits!.subarray(r * perRow, r * perRow + (model.head.kind === 'token' ? len * n : n));
      assert.ok(maxAbsDiff(rowLogits, ref.logits![r]!) <= 1e-4, `logits row ${r}`);
      assert.ok(maxAbsDiff(rowLogits, (single.logits!.data as Float32Array).subarray(0, rowLogits.length)) <= 1e-5, `padded vs single logits, row ${r}`);
    }
    assert.is(padded.logits === undefined, model.head.kind === 'none');
  });
}

/**
 * Rewrites every Gemm(x, W[out, in], C, transB=1) into Gemm(x, W[in, out], transB=0) followed by a separate
 * Add of C, the other layouts exporters write.
 */
function gemmsWithoutTransB(bytes: Uint8Array): Uint8Array {
  const proto = onnx.ModelProto.decode(bytes);
  const graph = proto.graph!;
  const inits = new Map((graph.initializer ?? []).map((t) => [t.name ?? '', t]));
  const nodes: NodeProto[] = [];
  for (const n of graph.node ?? []) {
    nodes.push(n);
    if (n.opType !== 'Gemm') continue;
    const w = inits.get(n.input![1]!)!;
    const [rows, cols] = tensorDims(w) as [number, number];
    const data = readFloats(w)!;
    const t = new Float32Array(data.length);
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) t[c * rows + r] = data[r * cols + c]!;
    inits.set(w.name!, floatTensor(w.name!, [cols, rows], t, 'raw'));
    n.attribute = (n.attribute ?? []).filter((a) => a.name !== 'transB');
    const out = n.output![0]!;
    n.output = [`${out}_no_bias`];
    nodes.push({ name: `${n.name}_bias`, opType: 'Add', input: [`${out}_no_bias`, n.input![2]!], output: [out] });
    n.input = n.input!.slice(0, 2);
  }
  graph.node = nodes;
  graph.initializer = [...inits.values()];
  return onnx.ModelProto.encode(proto).finish();
}

test('Gemm with transB=0 and the bias as a separate Add', async () => {
  const v = variants[3]!;
  const bytes = gemmsWithoutTransB(exportOnnx(v.model, v.opts));
  const found = importOnnx(bytes, 'model.onnx');
  assert.equal(found.arch, v.model.arch);
  assertSameWeights(found.weights, v.model.weights);
  const session = await ort.InferenceSession.create(bytes);
  const out = await runOrt(session, [batch.ids[0]!], [batch.typeIds[0]!]);
  const ref = runReference(v.model, new Uint8Array(v.model.arch.vocabSize).fill(v.model.arch.layers), { ids: [batch.ids[0]!], typeIds: [batch.typeIds[0]!] }, { fullDepth: true });
  assert.ok(maxAbsDiff(out.logits!.data as Float32Array, ref.logits![0]!) <= 1e-4);
});

function thrown(f: () => unknown): HasheeError {
  try {
    f();
  } catch (e) {
    if (e instanceof HasheeError) return e;
    throw e;
  }
  throw new Error('expected a HasheeError');
}

test('truncated and garbage files give a clean file-format error', () => {
  const bytes = exportOnnx(variants[0]!.model);
  const truncated = thrown(() => importOnnx(bytes.subarray(0, bytes.length >> 1), 'cut.onnx'));
  assert.is(truncated.code, 'file-format');
  assert.match(truncated.message, 'cut.onnx');
  const garbage = Uint8Array.from({ length: 300 }, (_, i) => (i * 2654435761) >>> 24);
  assert.is(thrown(() => importOnnx(garbage, 'garbage.onnx')).code, 'file-format');
});

test('an unknown structure names the pattern expected and the node found', () => {
  const proto = onnx.ModelProto.decode(exportOnnx(variants[0]!.model));
  const softmax = (proto.graph!.node ?? []).find((n) => n.opType === 'Softmax')!;
  softmax.opType = 'Sigmoid';
  softmax.attribute = [];
  const e = thrown(() => importOnnx(onnx.ModelProto.encode(proto).finish(), 'odd.onnx'));
  assert.is(e.code, 'onnx-structure');
  assert.match(e.message, /Softmax/);
  assert.match(e.message, /Sigmoid node/);
});

test('a 6-layer file checked against a 12-layer spec lists the mismatch', () => {
  const arch6 = tinyArch('gelu', 6);
  const found = importOnnx(exportOnnx(seededModel(arch6, { kind: 'none' }, 6)), 'model.onnx');
  const spec = { ...arch6, layers: 12, heads: 4 };
  const locations = new Map([['model.layers', { file: 'spec.yaml', line: 3, col: 11 }]]);
  const e = thrown(() => checkOnnxAgainstSpec(found, spec, { kind: 'classification', labels: 2 }, locations, 'model.onnx'));
  assert.is(e.code, 'onnx-mismatch');
  assert.match(e.message, 'model.layers: spec says 12, found 6 in model.onnx');
  assert.match(e.message, 'model.heads: spec says 4, found 2 in model.onnx');
  assert.match(e.message, 'head.kind: spec says classification, found none in model.onnx');
  assert.equal(e.location, { file: 'spec.yaml', line: 3, col: 11 });
  checkOnnxAgainstSpec(found, arch6, { kind: 'none' }, locations, 'model.onnx'); // a matching spec passes
});

test.run();
