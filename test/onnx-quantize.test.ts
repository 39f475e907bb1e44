// Dynamic int8 quantization of ONNX files (compiler/onnx/quantize.ts, `export-onnx --quantize`), the
// onnxruntime int8 peer of hashee's int8 engine: the graph form (every constant-weight MatMul replaced,
// one DynamicQuantizeLinear per distinct input, uint8 embedding tables, attention left alone), the stored
// codes against the original weights (within half a step of their scale), onnxruntime-node and
// onnxruntime-web running the file close to the f32 reference (and not equal to it: the rounding is real),
// the exits export keeping its exit layers exactly, determinism, and the errors. And the way back
// (compiler/onnx/dequantize.ts): import reads quantized files, including onnxruntime's own fused forms of
// them, as the dequantized f32 weights.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as ort from 'onnxruntime-node';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportOnnx, exportOnnxWithExits, importOnnx } from '../compiler/onnx/index.ts';
import { quantizeDynamic } from '../compiler/onnx/quantize.ts';
import { dequantizeGraph } from '../compiler/onnx/dequantize.ts';
import { OnnxGraph } from '../compiler/onnx/graph.ts';
import { DATA_TYPE, onnx, readFloats, tensorDims, type TensorProto } from '../compiler/onnx/proto.ts';
import { randomWeights } from '../compiler/weights/random.ts';
import { HasheeError } from '../compiler/errors.ts';
import { main } from '../compiler/cli.ts';
import { runReference } from '../runtime/reference/index.ts';
import type { ArchConfig, HeadConfig, Model } from '../contract/model.ts';

const arch: ArchConfig = {
  layers: 3, hidden: 64, heads: 4, ffn: 128, vocabSize: 50, maxPositions: 16, typeVocabSize: 2, activation: 'gelu',
  layerNormEps: 1e-12, norm: 'post', embeddingSize: 64, sharedLayers: false,
};
const head: HeadConfig = { kind: 'classification', labels: 3 };
const model: Model = { arch, head, weights: randomWeights(arch, head, 11, 0.05) };
const f32 = exportOnnx(model);

// How far the int8 logits may be from the f32 reference on this model (|logits| ~0.3; measured 7e-4 to
// 2.1e-3): a loose bound, since onnxruntime quantizes each activation tensor with one uint8 scale.
const INT8_LOGITS_TOL = 2e-2;

const inputs = [[1, 7, 3, 9, 2, 5, 11, 30], [1, 12, 2], [1, 40, 41, 42, 43, 44, 45, 46, 47, 48, 2]];

function feeds<T>(ids: readonly number[], make: (data: BigInt64Array, dims: number[]) => T): Record<string, T> {
  const n = ids.length;
  return {
    input_ids: make(BigInt64Array.from(ids, BigInt), [1, n]),
    attention_mask: make(new BigInt64Array(n).fill(1n), [1, n]),
    token_type_ids: make(new BigInt64Array(n), [1, n]),
  };
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.is(a.length, b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

const graphOf = (bytes: Uint8Array) => onnx.ModelProto.decode(bytes).graph!;
const count = (bytes: Uint8Array, op: string): number => graphOf(bytes).node!.filter((n) => n.opType === op).length;

test('every constant-weight MatMul becomes MatMulInteger; one DynamicQuantizeLinear per distinct input; attention stays f32', () => {
  const q = quantizeDynamic(f32);
  const L = arch.layers;
  // per layer: Q, K, V (one shared input), attention output, FFN in, FFN out; then the pooler and the classifier
  assert.is(q.matmuls, 6 * L + 2);
  assert.is(count(q.bytes, 'MatMulInteger'), 6 * L + 2);
  assert.is(count(q.bytes, 'DynamicQuantizeLinear'), 4 * L + 2);
  assert.is(count(q.bytes, 'MatMul'), 2 * L); // scores and context: activation x activation
  assert.is(count(f32, 'MatMul'), 8 * L + 2);
  const d = arch.hidden, ffn = arch.ffn;
  assert.is(q.weights, L * (4 * d * d + 2 * d * ffn) + d * d + d * head.labels);
  // the three embedding Gathers read uint8 tables through DequantizeLinear
  assert.is(q.tables, 3);
  assert.is(count(q.bytes, 'DequantizeLinear'), 3);
  const inits = graphOf(q.bytes).initializer!;
  assert.equal(inits.filter((t) => t.dataType === DATA_TYPE.FLOAT && tensorDims(t).length === 2).map((t) => t.name), [], 'no f32 matrix is left');
  assert.ok(q.bytes.length < 0.4 * f32.length, `${q.bytes.length} vs ${f32.length} bytes`);
});

/** Each stored code against the original weight: |q s - w| <= s / 2, codes in [-127, 127], the largest at +-127. */
function checkCodes(bytes: Uint8Array, perChannel: boolean): void {
  const original = new Map(graphOf(f32).initializer!.map((t) => [t.name!, t]));
  const inits = new Map(graphOf(bytes).initializer!.map((t) => [t.name!, t]));
  let checked = 0;
  for (const [name, t] of inits) {
    if (!name.endsWith('_quantized') || t.dataType === DATA_TYPE.UINT8) continue; // (the uint8 tables: checkTables)
    const w = readFloats(original.get(name.slice(0, -'_quantized'.length))!)!;
    const [k, n] = tensorDims(t) as [number, number];
    assert.is(t.dataType, DATA_TYPE.INT8, name);
    const codes = new Int8Array(t.rawData!.buffer.slice(t.rawData!.byteOffset, t.rawData!.byteOffset + t.rawData!.byteLength));
    const scaleT: TensorProto = inits.get(name.replace(/_quantized$/, '_scale'))!;
    const scales = readFloats(scaleT)!;
    assert.is(scales.length, perChannel ? n : 1, name);
    const zero = inits.get(name.replace(/_quantized$/, '_zero_point'))!;
    assert.ok(zero.rawData!.every((b) => b === 0), `${name}: symmetric`);
    const peak = new Array<number>(scales.length).fill(0);
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < n; j++) {
        const c = perChannel ? j : 0, s = scales[c]!, code = codes[i * n + j]!;
        assert.ok(code >= -127 && code <= 127, `${name}: code ${code}`);
        assert.ok(Math.abs(code * s - w[i * n + j]!) <= s * (0.5 + 1e-6), `${name}[${i},${j}]: ${code} * ${s} vs ${w[i * n + j]}`);
        peak[c] = Math.max(peak[c]!, Math.abs(code));
      }
    }
    assert.ok(peak.every((p) => p === 127), `${name}: the largest weight maps to 127`);
    checked++;
  }
  assert.is(checked, 6 * arch.layers + 2);
}

/** The uint8 embedding tables: (q - zp) s within s / 2 of the original, the range's ends at 0 and 255. */
function checkTables(bytes: Uint8Array): void {
  const original = new Map(graphOf(f32).initializer!.map((t) => [t.name!, t]));
  const inits = new Map(graphOf(bytes).initializer!.map((t) => [t.name!, t]));
  const tables = [...inits.values()].filter((t) => t.dataType === DATA_TYPE.UINT8 && tensorDims(t).length === 2);
  assert.is(tables.length, 3);
  for (const t of tables) {
    const name = t.name!.slice(0, -'_quantized'.length);
    const w = readFloats(original.get(name)!)!;
    const s = readFloats(inits.get(`${name}_scale`)!)![0]!, zp = inits.get(`${name}_zero_point`)!.rawData![0]!;
    const q = t.rawData!;
    let lo = 255, hi = 0;
    q.forEach((c, i) => {
      assert.ok(Math.abs((c - zp) * s - w[i]!) <= s * (0.5 + 1e-5), `${name}[${i}]`);
      lo = Math.min(lo, c); hi = Math.max(hi, c);
    });
    assert.ok(lo <= 1 && hi >= 254, `${name}: codes span ${lo}..${hi}`);
  }
}

test('the stored int8 codes are the weights within half a step, per tensor and per column; the uint8 tables too', () => {
  checkCodes(quantizeDynamic(f32).bytes, false);
  checkCodes(quantizeDynamic(f32, { perChannel: true }).bytes, true);
  checkTables(quantizeDynamic(f32).bytes);
});

/** Every tensor of `model` dequantized from the file's codes, here: (q - zp) * scale in f32, by initializer name. */
function dequantizedByName(bytes: Uint8Array): Map<string, Float32Array> {
  const inits = new Map(graphOf(bytes).initializer!.map((t) => [t.name!, t]));
  const out = new Map<string, Float32Array>();
  for (const [name, t] of inits) {
    if (!name.endsWith('_quantized')) continue;
    const base = name.slice(0, -'_quantized'.length);
    const raw = t.rawData!;
    const signed = t.dataType === DATA_TYPE.INT8;
    const s = readFloats(inits.get(`${base}_scale`)!)!;
    const zpRaw = inits.get(`${base}_zero_point`)!.rawData!;
    const n = tensorDims(t)[1]!;
    out.set(base, Float32Array.from(raw, (_, i) => {
      const c = signed ? (raw[i]! << 24) >> 24 : raw[i]!;
      const j = s.length === 1 ? 0 : i % n;
      const zp = signed ? (zpRaw[j]! << 24) >> 24 : zpRaw[j]!;
      return Math.fround((c - zp) * s[j]!);
    }));
  }
  return out;
}

test('import reads a quantized file back: arch and head exactly, every weight the dequantized codes bit for bit', () => {
  for (const perChannel of [false, true]) {
    const bytes = quantizeDynamic(f32, { perChannel }).bytes;
    const found = importOnnx(bytes, 'model_quantized.onnx');
    assert.equal(found.arch, arch);
    assert.equal(found.head, head);
    assert.is(found.dequantized, 6 * arch.layers + 2 + 3);
    const want = dequantizedByName(bytes);
    const same = (a: Float32Array, name: string): void => {
      const b = want.get(name);
      assert.ok(b, `no quantized ${name}`);
      assert.ok(Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b!.buffer, b!.byteOffset, b!.byteLength)) === 0, `${name} (${perChannel ? 'per column' : 'per tensor'})`);
    };
    same(found.weights.wordEmb, 'embeddings.word_embeddings.weight');
    same(found.weights.typeEmb!, 'embeddings.token_type_embeddings.weight');
    same(found.weights.layers[1]!.f2W, 'encoder.layer.1.output.dense.weight');
    same(found.weights.layers[0]!.qW, 'encoder.layer.0.attention.self.query.weight');
    same(found.weights.head.classifierW!, 'classifier.weight');
    // biases and LayerNorms are f32 in the file and read as they are
    assert.ok(Buffer.compare(Buffer.from(found.weights.layers[0]!.f1B.buffer), Buffer.from(model.weights.layers[0]!.f1B.buffer)) === 0);
  }
  assert.is(importOnnx(f32, 'model.onnx').dequantized, 0);
});

test('QDQ weights (DequantizeLinear of an int8 constant, per column on axis 1) import as their dequantized values', () => {
  const proto = onnx.ModelProto.decode(f32);
  const graph = proto.graph!;
  const name = 'encoder.layer.0.intermediate.dense.weight';
  const t = graph.initializer!.find((x) => x.name === name)!;
  const [k, n] = tensorDims(t) as [number, number];
  const w = readFloats(t)!;
  // per-column symmetric codes, written here
  const scale = Float32Array.from({ length: n }, (_, j) => { let m = 0; for (let i = 0; i < k; i++) m = Math.max(m, Math.abs(w[i * n + j]!)); return m / 127; });
  const codes = Int8Array.from(w, (v, i) => Math.round(v / scale[i % n]!));
  graph.initializer = [
    ...graph.initializer!.filter((x) => x !== t),
    { name: `${name}_q`, dims: [k, n], dataType: DATA_TYPE.INT8, rawData: new Uint8Array(codes.buffer) },
    { name: `${name}_s`, dims: [n], dataType: DATA_TYPE.FLOAT, rawData: new Uint8Array(scale.buffer) },
  ];
  graph.node = [{ name: 'qdq', opType: 'DequantizeLinear', input: [`${name}_q`, `${name}_s`], output: [name], attribute: [{ name: 'axis', type: 2, i: 1 }] }, ...graph.node!];
  const found = importOnnx(onnx.ModelProto.encode(proto).finish(), 'qdq.onnx');
  assert.is(found.dequantized, 1);
  const got = found.weights.layers[0]!.f1W;
  for (let i = 0; i < got.length; i++) assert.is(got[i], Math.fround(codes[i]! * scale[i % n]!), `f1W[${i}]`);
  assert.ok(Buffer.compare(Buffer.from(found.weights.layers[1]!.f1W.buffer), Buffer.from(model.weights.layers[1]!.f1W.buffer)) === 0, 'the other layers as they were');
});

test('onnxruntime\'s own optimizer output (MatMulIntegerToFloat, DynamicQuantizeMatMul) dequantizes to what the reference runs on those weights', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hashee-onnx-dequantize-'));
  const quantized = join(dir, 'q.onnx'), optimized = join(dir, 'q-opt.onnx');
  const bytes = quantizeDynamic(f32).bytes;
  writeFileSync(quantized, bytes);
  await ort.InferenceSession.create(quantized, { graphOptimizationLevel: 'extended', optimizedModelFilePath: optimized });
  const opt = readFileSync(optimized);
  const fused = count(opt, 'MatMulIntegerToFloat') + count(opt, 'DynamicQuantizeMatMul');
  assert.ok(count(opt, 'MatMulIntegerToFloat') > 0 && count(opt, 'DynamicQuantizeMatMul') > 0, 'onnxruntime fused the chains');
  const graph = graphOf(opt);
  const { graph: plain, dequantized } = dequantizeGraph(graph, new OnnxGraph(graph, optimized, 17));
  assert.is(dequantized, fused + 3, 'every fused product and every table');
  const ops = new Set(plain.node!.map((n) => n.opType));
  for (const op of ['MatMulIntegerToFloat', 'DynamicQuantizeMatMul', 'DynamicQuantizeLinear', 'MatMulInteger', 'DequantizeLinear']) assert.not.ok(ops.has(op), op);
  // onnxruntime runs the rewritten graph as the reference runs the dequantized weights
  const rewritten = onnx.ModelProto.decode(opt);
  rewritten.graph = plain as typeof rewritten.graph;
  const session = await ort.InferenceSession.create(onnx.ModelProto.encode(rewritten).finish());
  const deq = importOnnx(bytes, 'q.onnx');
  const table = new Uint8Array(arch.vocabSize).fill(arch.layers);
  for (const ids of inputs) {
    const got = (await session.run(feeds(ids, (d, dims) => new ort.Tensor('int64', d, dims)))).logits!.data as Float32Array;
    const want = runReference({ arch, head, weights: deq.weights }, table, { ids: [ids] }, { fullDepth: true }).logits![0]!;
    assert.ok(maxAbsDiff(got, want) <= 1e-4, `logits ${maxAbsDiff(got, want)}`);
  }
  await session.release();
});

test('onnxruntime-node and -web run the int8 file close to the f32 reference, and not equal to it', async () => {
  const web = await import('onnxruntime-web');
  web.env.wasm.numThreads = 1;
  const table = new Uint8Array(arch.vocabSize).fill(arch.layers);
  for (const perChannel of [false, true]) {
    const bytes = quantizeDynamic(f32, { perChannel }).bytes;
    const node = await ort.InferenceSession.create(bytes);
    const browser = await web.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
    let worst = 0, least = Infinity;
    for (const ids of inputs) {
      const ref = runReference(model, table, { ids: [ids] }, { precision: 'f32', fullDepth: true }).logits![0]!;
      const got = (await node.run(feeds(ids, (d, dims) => new ort.Tensor('int64', d, dims)))).logits!.data as Float32Array;
      const diff = maxAbsDiff(got, ref);
      worst = Math.max(worst, diff);
      least = Math.min(least, diff);
      const fromWeb = (await browser.run(feeds(ids, (d, dims) => new web.Tensor('int64', d, dims)))).logits!.data as Float32Array;
      assert.ok(maxAbsDiff(fromWeb, got) <= 1e-5, 'onnxruntime-web and -node agree on the int8 file');
    }
    console.log(`onnx-quantize: ${perChannel ? 'per column' : 'per tensor'}: int8 logits within ${worst.toExponential(1)} of f32 (least ${least.toExponential(1)})`);
    assert.ok(worst <= INT8_LOGITS_TOL, `max |int8 - f32| ${worst}`);
    assert.ok(least > 1e-5, 'the quantized file computes something else than f32');
    await node.release();
    await browser.release();
  }
});

test('the exits export quantizes too and keeps its exit layers exactly', async () => {
  const table = Uint8Array.from({ length: arch.vocabSize }, (_, id) => (id < 4 ? arch.layers : 1 + (id % arch.layers)));
  const exits = exportOnnxWithExits(model, table);
  const q = quantizeDynamic(exits);
  assert.ok(q.matmuls >= 6 * arch.layers, `${q.matmuls} MatMuls quantized`);
  const plain = await ort.InferenceSession.create(exits);
  const int8 = await ort.InferenceSession.create(q.bytes);
  for (const ids of inputs) {
    const f = feeds(ids, (d, dims) => new ort.Tensor('int64', d, dims));
    const [a, b] = [await plain.run(f), await int8.run(f)];
    assert.equal(Array.from(b.exit_layers!.data as BigInt64Array, Number), Array.from(a.exit_layers!.data as BigInt64Array, Number));
    assert.ok(maxAbsDiff(b.logits!.data as Float32Array, a.logits!.data as Float32Array) <= INT8_LOGITS_TOL);
  }
});

test('quantizing is deterministic; a file without constant-weight MatMuls is a usage error', () => {
  assert.ok(Buffer.compare(quantizeDynamic(f32).bytes, quantizeDynamic(f32).bytes) === 0);
  const gemm = exportOnnx(model, { linear: 'gemm' }); // Gemm linears: quantize_dynamic leaves Gemm alone too
  try {
    quantizeDynamic(gemm);
    assert.unreachable('no error');
  } catch (e) {
    assert.instance(e, HasheeError);
    assert.match((e as HasheeError).message, 'no MatMul with a constant float weight');
  }
});

test('hashee export-onnx --quantize writes the int8 file; an encoder-decoder refuses it with its location', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hashee-onnx-quantize-'));
  const io = { out: '', err: '' };
  const cli = (...argv: string[]) => { io.out = ''; io.err = ''; return main(argv, { out: (s) => { io.out += s; }, err: (s) => { io.err += s; } }); };
  const file = join(dir, 'tiny-int8.onnx');
  assert.is(await cli('export-onnx', 'specs/tiny.yaml', '--quantize', 'int8', '--out', file, '--json'), 0, io.err);
  assert.equal(JSON.parse(io.out), { out: file, bytes: readFileSync(file).length, exits: false, quantize: 'int8' });
  assert.ok(count(readFileSync(file), 'MatMulInteger') > 0);
  assert.is(await cli('export-onnx', 'specs/bart-tiny.yaml', '--quantize', 'int8', '--out', join(dir, 'bart')), 1);
  assert.match(io.err, 'error[usage]');
  assert.match(io.err, 'specs/bart-tiny.yaml:');
  assert.match(io.err, '--quantize is for encoder models');
  assert.is(await cli('export-onnx', 'specs/tiny.yaml', '--quantize', 'int4', '--out', file), 1);
  assert.match(io.err, 'int8-per-channel');
});

test.run();
