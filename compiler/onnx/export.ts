// Writes a model at full depth as a plain ONNX graph (opset 13..18, IR 8), in the variants real exporters produce.

import type { Activation, LayerWeights, Model } from '../../contract/model.ts';
import { headOutputs } from '../../contract/model.ts';
import { HasheeError } from '../errors.ts';
import { createRng } from '../util/rng.ts';
import { transpose } from './matrix.ts';
import { attr, onnx, FLOAT, type GraphProto, type TensorStorage, type ValueInfoProto } from './proto.ts';
import { GraphBuilder, tensorInfo } from './builder.ts';

export interface ExportOptions {
  /** 'clean': Hugging Face-like names; 'torch': `onnx::MatMul_123` initializers, shuffled numbers, numeric values. */
  readonly naming?: 'clean' | 'torch';
  /** 'matmul': MatMul [in, out] + Add; 'gemm': Reshape to 2-D, Gemm(transB=1) with [out, in], Reshape back. */
  readonly linear?: 'matmul' | 'gemm';
  /** 'fused': LayerNormalization (opset >= 17); 'decomposed': ReduceMean/Sub/Pow/ReduceMean/Add/Sqrt/Div/Mul/Add. */
  readonly layerNorm?: 'fused' | 'decomposed';
  readonly opset?: number;             // 13..18, default 17
  readonly storage?: TensorStorage;    // default 'raw'
  /** Where constants live: graph initializers (default) or Constant nodes. */
  readonly constants?: 'initializers' | 'nodes';
  readonly seed?: number;              // numbering shuffle for 'torch' naming
}

const MASK_NEGATIVE = -10000; // added to masked scores: exp(-1e4) is 0 in float32

export function exportOnnx(model: Model, opts: ExportOptions = {}): Uint8Array {
  const opset = opts.opset ?? 17;
  const layerNorm = opts.layerNorm ?? 'fused';
  if (opset < 13 || opset > 18) throw new HasheeError('usage', `ONNX export supports opset 13..18, got ${opset}`);
  if (layerNorm === 'fused' && opset < 17) throw new HasheeError('usage', `LayerNormalization needs opset 17 or later, got ${opset}: use layerNorm 'decomposed'`);
  if (model.arch.norm !== 'post') throw new HasheeError('usage', `ONNX export supports post-norm (BERT) models only, got norm '${model.arch.norm}'`);
  const g = new GraphBuilder(opset, opts.storage ?? 'raw', opts.constants ?? 'initializers');
  const outputs = buildEncoder(g, model, { linear: opts.linear ?? 'matmul', layerNorm });
  let graph = g.finish('hashee', outputs);
  if ((opts.naming ?? 'clean') === 'torch') graph = renameTorchStyle(graph, opts.seed ?? 0);
  const proto = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'hashee',
    opsetImport: [{ domain: '', version: opset }],
    graph,
  });
  return onnx.ModelProto.encode(proto).finish();
}

interface Style {
  readonly linear: 'matmul' | 'gemm';
  readonly layerNorm: 'fused' | 'decomposed';
}

function buildEncoder(g: GraphBuilder, model: Model, style: Style): ValueInfoProto[] {
  const { arch, weights: w } = model;
  const d = arch.hidden;
  const e = '/embeddings';
  const word = g.op('Gather', [g.floats('embeddings.word_embeddings.weight', [arch.vocabSize, d], w.wordEmb), 'input_ids'], e);
  const seqLen = g.op('Gather', [g.op('Shape', ['input_ids'], e), g.ints(`${e}/seq_axis`, [], [1])], e, [attr.int('axis', 0)]);
  const positions = g.op('Range', [g.ints(`${e}/start`, [], [0]), seqLen, g.ints(`${e}/delta`, [], [1])], e); // [seq]
  const pos = g.op('Gather', [g.floats('embeddings.position_embeddings.weight', [arch.maxPositions, d], w.posEmb), positions], e);
  const type = g.op('Gather', [g.floats('embeddings.token_type_embeddings.weight', [arch.typeVocabSize, d], w.typeEmb), 'token_type_ids'], e);
  const sum = g.op('Add', [g.op('Add', [word, type], e), pos], e);
  let h = layerNorm(g, style, sum, w.embLnG, w.embLnB, arch.layerNormEps, 'embeddings.LayerNorm', e);
  const mask = additiveMask(g);
  for (let l = 0; l < arch.layers; l++) {
    h = encoderLayer(g, style, model, l, w.layers[l]!, h, mask, l === arch.layers - 1 ? 'last_hidden_state' : undefined);
  }
  const outputs = [tensorInfo('last_hidden_state', FLOAT, ['batch', 'seq', d])];
  const n = headOutputs(model.head);
  if (model.head.kind === 'token') {
    linear(g, style, h, w.head.classifierW!, w.head.classifierB!, d, n, 'classifier', '/classifier', 3, 'logits');
    outputs.push(tensorInfo('logits', FLOAT, ['batch', 'seq', n]));
  } else if (model.head.kind !== 'none') {
    const cls = g.op('Gather', [h, g.ints('/pooler/first', [], [0])], '/pooler', [attr.int('axis', 1)]); // [batch, d]
    const pooled = g.op('Tanh', [linear(g, style, cls, w.head.poolerW!, w.head.poolerB!, d, d, 'pooler.dense', '/pooler', 2)], '/pooler');
    linear(g, style, pooled, w.head.classifierW!, w.head.classifierB!, d, n, 'classifier', '/classifier', 2, 'logits');
    outputs.push(tensorInfo('logits', FLOAT, ['batch', n]));
  }
  return outputs;
}

/** [batch, 1, 1, seq] float: 0 where attention_mask is 1, MASK_NEGATIVE where it is 0. */
function additiveMask(g: GraphBuilder): string {
  const s = '/mask';
  const m = g.op('Cast', [g.unsqueeze('attention_mask', [1, 2], s)], s, [attr.int('to', FLOAT)]);
  const inverted = g.op('Sub', [g.scalar(`${s}/one`, 1), m], s);
  return g.op('Mul', [inverted, g.scalar(`${s}/negative`, MASK_NEGATIVE)], s);
}

function encoderLayer(g: GraphBuilder, style: Style, model: Model, l: number, w: LayerWeights, x: string, mask: string, output?: string): string {
  const { hidden: d, heads, ffn } = model.arch;
  const dh = d / heads;
  const p = `encoder.layer.${l}`;
  const s = `/encoder/layer.${l}`;
  const split = (t: string, perm: number[], scope: string): string =>
    g.op('Transpose', [g.op('Reshape', [t, g.ints(`${scope}/heads_shape`, [4], [0, 0, heads, dh])], scope)], scope, [attr.ints('perm', perm)]);
  const q = split(linear(g, style, x, w.qW, w.qB, d, d, `${p}.attention.self.query`, `${s}/query`, 3), [0, 2, 1, 3], `${s}/query`);  // [b, h, s, dh]
  const k = split(linear(g, style, x, w.kW, w.kB, d, d, `${p}.attention.self.key`, `${s}/key`, 3), [0, 2, 3, 1], `${s}/key`);        // [b, h, dh, s]
  const v = split(linear(g, style, x, w.vW, w.vB, d, d, `${p}.attention.self.value`, `${s}/value`, 3), [0, 2, 1, 3], `${s}/value`);  // [b, h, s, dh]
  const a = `${s}/attention`;
  const scores = g.op('Div', [g.op('MatMul', [q, k], a), g.scalar(`${a}/sqrt_dh`, Math.sqrt(dh))], a); // [b, h, s, s]
  const probs = g.op('Softmax', [g.op('Add', [scores, mask], a)], a, [attr.int('axis', -1)]);
  const context = g.op('Transpose', [g.op('MatMul', [probs, v], a)], a, [attr.ints('perm', [0, 2, 1, 3])]);
  const merged = g.op('Reshape', [context, g.ints(`${a}/merge_shape`, [3], [0, 0, d])], a); // [b, s, d]
  const attnOut = linear(g, style, merged, w.oW, w.oB, d, d, `${p}.attention.output.dense`, `${s}/attention/output`, 3);
  const h1 = layerNorm(g, style, g.op('Add', [attnOut, x], a), w.ln1G, w.ln1B, model.arch.layerNormEps, `${p}.attention.output.LayerNorm`, `${s}/attention/output`);
  const up = linear(g, style, h1, w.f1W, w.f1B, d, ffn, `${p}.intermediate.dense`, `${s}/intermediate`, 3);
  const act = activation(g, model.arch.activation, up, `${s}/intermediate`);
  const down = linear(g, style, act, w.f2W, w.f2B, ffn, d, `${p}.output.dense`, `${s}/output`, 3);
  return layerNorm(g, style, g.op('Add', [down, h1], `${s}/output`), w.ln2G, w.ln2B, model.arch.layerNormEps, `${p}.output.LayerNorm`, `${s}/output`, output);
}

/** y = x @ W + b for W [in, out] row-major; `rank` is x's rank (2 or 3). */
function linear(g: GraphBuilder, style: Style, x: string, w: Float32Array, b: Float32Array, nIn: number, nOut: number,
  param: string, scope: string, rank: 2 | 3, output?: string): string {
  const bias = g.floats(`${param}.bias`, [nOut], b);
  if (style.linear === 'matmul') {
    const mm = g.op('MatMul', [x, g.floats(`${param}.weight`, [nIn, nOut], w)], scope);
    return g.op('Add', [bias, mm], scope, [], output);
  }
  const wt = g.floats(`${param}.weight`, [nOut, nIn], transpose(w, nIn, nOut));
  const flat = rank === 2 ? x : g.op('Reshape', [x, g.ints(`${scope}/flat_shape`, [2], [-1, nIn])], scope);
  const gemm = g.op('Gemm', [flat, wt, bias], scope, [attr.float('alpha', 1), attr.float('beta', 1), attr.int('transB', 1)], rank === 2 ? output : undefined);
  return rank === 2 ? gemm : g.op('Reshape', [gemm, g.shapeWith(nOut)], scope, [], output);
}

function activation(g: GraphBuilder, kind: Activation, x: string, scope: string): string {
  switch (kind) {
    case 'relu': return g.op('Relu', [x], scope);
    case 'gelu': { // x * 0.5 * (1 + erf(x / sqrt 2))
      const erf = g.op('Erf', [g.op('Div', [x, g.scalar(`${scope}/sqrt2`, Math.SQRT2)], scope)], scope);
      const onePlus = g.op('Add', [erf, g.scalar(`${scope}/one`, 1)], scope);
      return g.op('Mul', [g.op('Mul', [x, onePlus], scope), g.scalar(`${scope}/half`, 0.5)], scope);
    }
    case 'gelu_tanh': { // 0.5 * x * (1 + tanh(sqrt(2/pi) * (x + 0.044715 x^3)))
      const cube = g.op('Pow', [x, g.scalar(`${scope}/three`, 3)], scope);
      const inner = g.op('Add', [x, g.op('Mul', [cube, g.scalar(`${scope}/coef`, 0.044715)], scope)], scope);
      const t = g.op('Tanh', [g.op('Mul', [inner, g.scalar(`${scope}/sqrt_2_over_pi`, Math.sqrt(2 / Math.PI))], scope)], scope);
      const onePlus = g.op('Add', [t, g.scalar(`${scope}/one`, 1)], scope);
      return g.op('Mul', [g.op('Mul', [x, g.scalar(`${scope}/half`, 0.5)], scope), onePlus], scope);
    }
  }
}

function layerNorm(g: GraphBuilder, style: Style, x: string, gamma: Float32Array, beta: Float32Array, eps: number,
  param: string, scope: string, output?: string): string {
  const n = gamma.length;
  const gName = g.floats(`${param}.weight`, [n], gamma);
  const bName = g.floats(`${param}.bias`, [n], beta);
  if (style.layerNorm === 'fused') {
    return g.op('LayerNormalization', [x, gName, bName], scope, [attr.int('axis', -1), attr.float('epsilon', eps)], output);
  }
  const centered = g.op('Sub', [x, g.reduceMeanLast(x, scope)], scope);
  const variance = g.reduceMeanLast(g.op('Pow', [centered, g.scalar(g.fresh(`${scope}/two`), 2)], scope), scope);
  const std = g.op('Sqrt', [g.op('Add', [variance, g.scalar(g.fresh(`${scope}/eps`), eps)], scope)], scope);
  const scaled = g.op('Mul', [g.op('Div', [centered, std], scope), gName], scope);
  return g.op('Add', [scaled, bName], scope, [], output);
}

/**
 * Renames like torch.onnx.export: initializers `onnx::<Op>_<n>`, intermediate values and node names by
 * shuffled numbers, initializers in shuffled order. Graph inputs and outputs keep their names.
 */
function renameTorchStyle(graph: GraphProto, seed: number): GraphProto {
  const rng = createRng(seed);
  const nodes = graph.node ?? [];
  const keep = new Set([...(graph.input ?? []), ...(graph.output ?? [])].map((v) => v.name!));
  const firstUser = new Map<string, string>();
  for (const n of nodes) for (const i of n.input ?? []) if (!firstUser.has(i)) firstUser.set(i, n.opType!);
  const values = nodes.flatMap((n) => n.output ?? []).filter((v) => !keep.has(v));
  const inits = (graph.initializer ?? []).map((t) => t.name!);
  const numbers = shuffled(values.length + inits.length + nodes.length, rng.int);
  let next = 0;
  const rename = new Map<string, string>();
  for (const v of values) rename.set(v, `${1000 + numbers[next++]!}`);
  for (const i of inits) rename.set(i, `onnx::${firstUser.get(i) ?? 'Constant'}_${1000 + numbers[next++]!}`);
  const r = (v: string): string => rename.get(v) ?? v;
  const renamed = nodes.map((n) => ({
    ...n,
    name: `${n.opType}_${numbers[next++]}`,
    input: (n.input ?? []).map(r),
    output: (n.output ?? []).map(r),
  }));
  const initializer = shuffled(inits.length, rng.int).map((i) => ({ ...graph.initializer![i]!, name: r(inits[i]!) }));
  return { ...graph, node: renamed, initializer };
}

/** A Fisher-Yates permutation of 0..n-1. */
function shuffled(n: number, randInt: (k: number) => number): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = randInt(i + 1);
    [p[i], p[j]] = [p[j]!, p[i]!];
  }
  return p;
}
