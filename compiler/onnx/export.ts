// Writes a model at full depth as a plain ONNX graph (opset 13..18, IR 8), in the variants real exporters produce.

import type { LayerWeights, Model } from '../../contract/model.ts';
import { HasheeError } from '../errors.ts';
import { createRng } from '../util/rng.ts';
import { attr, FLOAT, type GraphProto, type TensorStorage, type ValueInfoProto } from './proto.ts';
import { encodeModel, GraphBuilder, tensorInfo } from './builder.ts';
import {
  additiveMask, afterAttention, attentionInput, embeddings, finalNorm, head, storedLayer, linear, paramOf, splitHeads, type Style,
} from './blocks.ts';

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

export function exportOnnx(model: Model, opts: ExportOptions = {}): Uint8Array {
  const opset = opts.opset ?? 17;
  const layerNorm = opts.layerNorm ?? 'fused';
  if (opset < 13 || opset > 18) throw new HasheeError('usage', `ONNX export supports opset 13..18, got ${opset}`);
  if (layerNorm === 'fused' && opset < 17) throw new HasheeError('usage', `LayerNormalization needs opset 17 or later, got ${opset}: use layerNorm 'decomposed'`);
  const g = new GraphBuilder(opset, opts.storage ?? 'raw', opts.constants ?? 'initializers');
  const outputs = buildEncoder(g, model, { linear: opts.linear ?? 'matmul', layerNorm });
  let graph = g.finish('hashee', outputs);
  if ((opts.naming ?? 'clean') === 'torch') graph = renameTorchStyle(graph, opts.seed ?? 0);
  return encodeModel(graph, opset);
}

function buildEncoder(g: GraphBuilder, model: Model, style: Style): ValueInfoProto[] {
  const { arch, weights: w } = model;
  const e = '/embeddings';
  const positions = (): string => { // [seq]
    const seqLen = g.op('Gather', [g.op('Shape', ['input_ids'], e), g.ints(`${e}/seq_axis`, [], [1])], e, [attr.int('axis', 0)]);
    return g.op('Range', [g.ints(`${e}/start`, [], [0]), seqLen, g.ints(`${e}/delta`, [], [1])], e);
  };
  let h = embeddings(g, style, model, { ids: 'input_ids', types: () => 'token_type_ids', positions }, 3); // [batch, seq, d]
  const mask = additiveMask(g);
  const pre = arch.norm === 'pre';
  for (let l = 0; l < arch.layers; l++) {
    const last = l === arch.layers - 1 && !pre;
    h = encoderLayer(g, style, model, l, w.layers[l]!, h, mask, last ? 'last_hidden_state' : undefined);
  }
  if (pre) finalNorm(g, style, model, h, 'last_hidden_state');
  return [tensorInfo('last_hidden_state', FLOAT, ['batch', 'seq', arch.hidden]), ...head(g, style, model, 'last_hidden_state')];
}

/** One layer on every position: x [batch, seq, d] -> [batch, seq, d]. */
function encoderLayer(g: GraphBuilder, style: Style, model: Model, l: number, w: LayerWeights, x: string, mask: string, output?: string): string {
  const { hidden: d, heads } = model.arch;
  const li = storedLayer(model, l);
  const s = `/encoder/layer.${l}`;
  const input = attentionInput(g, style, model, w, x, li, s);
  const q = splitHeads(g, model, linear(g, style, input, w.qW, w.qB, d, d, paramOf('qW', li), `${s}/query`, 3), [0, 2, 1, 3], `${s}/query`);  // [b, h, s, dh]
  const k = splitHeads(g, model, linear(g, style, input, w.kW, w.kB, d, d, paramOf('kW', li), `${s}/key`, 3), [0, 2, 3, 1], `${s}/key`);        // [b, h, dh, s]
  const v = splitHeads(g, model, linear(g, style, input, w.vW, w.vB, d, d, paramOf('vW', li), `${s}/value`, 3), [0, 2, 1, 3], `${s}/value`);  // [b, h, s, dh]
  const a = `${s}/attention`;
  const scores = g.op('Div', [g.op('MatMul', [q, k], a), g.scalar(`${a}/sqrt_dh`, Math.sqrt(d / heads))], a); // [b, h, s, s]
  const probs = g.op('Softmax', [g.op('Add', [scores, mask], a)], a, [attr.int('axis', -1)]);
  const context = g.op('Transpose', [g.op('MatMul', [probs, v], a)], a, [attr.ints('perm', [0, 2, 1, 3])]);
  const merged = g.op('Reshape', [context, g.ints(`${a}/merge_shape`, [3], [0, 0, d])], a); // [b, s, d]
  const attnOut = linear(g, style, merged, w.oW, w.oB, d, d, paramOf('oW', li), `${s}/attention/output`, 3);
  return afterAttention(g, style, model, w, x, attnOut, li, s, 3, output);
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
