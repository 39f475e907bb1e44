// The pieces both ONNX exports (full depth, and with exits) are built from, one function per piece:
// linear, LayerNorm, activation, padding mask, embeddings, the rest of a layer after attention, the head.

import type { Activation, LayerWeights, Model } from '../../contract/model.ts';
import { WEIGHTS, headOutputs, poolerActivation, type WeightName } from '../../contract/model.ts';
import { transpose } from './matrix.ts';
import { attr, FLOAT, type ValueInfoProto } from './proto.ts';
import { tensorInfo, type GraphBuilder } from './builder.ts';

export interface Style {
  readonly linear: 'matmul' | 'gemm';
  readonly layerNorm: 'fused' | 'decomposed';
}

const MASK_NEGATIVE = -10000; // added to masked scores: exp(-1e4) is 0 in float32

/**
 * An initializer's name from the weight table (WEIGHTS[name].onnx, Hugging Face's parameter names) for
 * stored layer `layer`; without `suffix`, the module prefix before its `.weight` / `.bias`.
 */
export function paramOf(name: WeightName, layer = 0, suffix?: 'weight' | 'bias'): string {
  const full = WEIGHTS[name].onnx.replace('{l}', String(layer));
  return suffix ? full : full.replace(/\.(weight|bias)$/, '');
}

/**
 * The stored layer whose weights layer l (0-based) uses: l itself, or 0 for shared layers (one weights object
 * at every depth), so their initializers get one name and GraphBuilder.floats keeps one set.
 */
export function storedLayer(model: Model, l: number): number {
  return model.weights.layers.indexOf(model.weights.layers[l]!);
}

/** y = x @ W + b for W [in, out] row-major; `rank` is x's rank (2 or 3). */
export function linear(g: GraphBuilder, style: Style, x: string, w: Float32Array, b: Float32Array, nIn: number, nOut: number,
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

export function activation(g: GraphBuilder, kind: Activation, x: string, scope: string): string {
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

export function layerNorm(g: GraphBuilder, style: Style, x: string, gamma: Float32Array, beta: Float32Array, eps: number,
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

/** [batch, 1, 1, seq] float: 0 where attention_mask is 1, MASK_NEGATIVE where it is 0. */
export function additiveMask(g: GraphBuilder): string {
  const s = '/mask';
  const m = g.op('Cast', [g.unsqueeze('attention_mask', [1, 2], s)], s, [attr.int('to', FLOAT)]);
  const inverted = g.op('Sub', [g.scalar(`${s}/one`, 1), m], s);
  return g.op('Mul', [inverted, g.scalar(`${s}/negative`, MASK_NEGATIVE)], s);
}

/**
 * Where the embedding lookups read. Types and positions are built when needed, after the word lookup
 * (the full-depth graph's node order); types not at all when T = 0.
 */
export interface EmbeddingInputs {
  readonly ids: string;
  readonly types: () => string;
  readonly positions: () => string;
}

/**
 * h^0 = LN(word[ids] + type[types] + pos[positions]) over E, then (E != d, ALBERT) the projection [E, d].
 * Without token types (T = 0) the type lookup is left out. `rank` is the rank of the result.
 */
export function embeddings(g: GraphBuilder, style: Style, model: Model, inputs: EmbeddingInputs, rank: 2 | 3): string {
  const { arch, weights: w } = model;
  const E = arch.embeddingSize;
  const e = '/embeddings';
  const word = g.op('Gather', [g.floats(paramOf('wordEmb', 0, 'weight'), [arch.vocabSize, E], w.wordEmb), inputs.ids], e);
  const positions = inputs.positions();
  const pos = g.op('Gather', [g.floats(paramOf('posEmb', 0, 'weight'), [arch.maxPositions, E], w.posEmb), positions], e);
  const withType = arch.typeVocabSize === 0 ? word
    : g.op('Add', [word, g.op('Gather', [g.floats(paramOf('typeEmb', 0, 'weight'), [arch.typeVocabSize, E], w.typeEmb), inputs.types()], e)], e);
  const h = layerNorm(g, style, g.op('Add', [withType, pos], e), w.embLnG, w.embLnB, arch.layerNormEps, paramOf('embLnG'), e);
  if (E === arch.hidden) return h;
  return linear(g, style, h, w.embProjW!, w.embProjB!, E, arch.hidden, paramOf('embProjW'), '/encoder/embedding_projection', rank);
}

/** [rows..., d] -> heads: Reshape to [b, rows, h, dh], then Transpose by `perm`. */
export function splitHeads(g: GraphBuilder, model: Model, t: string, perm: readonly number[], scope: string): string {
  const { hidden: d, heads } = model.arch;
  const shape = g.ints(`${scope}/heads_shape`, [4], [0, 0, heads, d / heads]);
  return g.op('Transpose', [g.op('Reshape', [t, shape], scope)], scope, [attr.ints('perm', perm)]);
}

/** Pre-LN: LN1 of the layer's input (what Q, K and V read); post-LN: the input itself. */
export function attentionInput(g: GraphBuilder, style: Style, model: Model, w: LayerWeights, x: string, layer: number, scope: string): string {
  if (model.arch.norm === 'post') return x;
  return layerNorm(g, style, x, w.ln1G, w.ln1B, model.arch.layerNormEps, paramOf('ln1G', layer), `${scope}/attention`);
}

/**
 * The layer after the attention output projection, on the rows it updates: post-LN
 * h1 = LN1(x + attn), out = LN2(h1 + FFN(h1)); pre-LN h1 = x + attn, out = h1 + FFN(LN2(h1)).
 * `x` is the layer's input on those rows, `rank` their rank.
 */
export function afterAttention(g: GraphBuilder, style: Style, model: Model, w: LayerWeights, x: string, attnOut: string,
  layer: number, scope: string, rank: 2 | 3, output?: string): string {
  const { hidden: d, ffn, layerNormEps: eps, norm } = model.arch;
  const a = `${scope}/attention`;
  const sum = g.op('Add', [attnOut, x], a);
  const h1 = norm === 'post' ? layerNorm(g, style, sum, w.ln1G, w.ln1B, eps, paramOf('ln1G', layer), `${scope}/attention/output`) : sum;
  const ffnIn = norm === 'post' ? h1 : layerNorm(g, style, h1, w.ln2G, w.ln2B, eps, paramOf('ln2G', layer), `${scope}/output`);
  const up = linear(g, style, ffnIn, w.f1W, w.f1B, d, ffn, paramOf('f1W', layer), `${scope}/intermediate`, rank);
  const act = activation(g, model.arch.activation, up, `${scope}/intermediate`);
  const down = linear(g, style, act, w.f2W, w.f2B, ffn, d, paramOf('f2W', layer), `${scope}/output`, rank);
  const out = g.op('Add', [down, h1], `${scope}/output`, [], norm === 'post' ? undefined : output);
  if (norm === 'pre') return out;
  return layerNorm(g, style, out, w.ln2G, w.ln2B, eps, paramOf('ln2G', layer), `${scope}/output`, output);
}

/** Pre-LN models: the final LayerNorm on every row of h^L. */
export function finalNorm(g: GraphBuilder, style: Style, model: Model, h: string, output?: string): string {
  const w = model.weights;
  return layerNorm(g, style, h, w.finalLnG!, w.finalLnB!, model.arch.layerNormEps, paramOf('finalLnG'), '/encoder/final', output);
}

/**
 * The head on h^L [batch, seq, d] in input order: a token head's logits [batch, seq, N], or a sequence
 * head's pooler (tanh or relu) on [CLS] (position 0) and classifier, logits [batch, N]. Returns the outputs.
 */
export function head(g: GraphBuilder, style: Style, model: Model, h: string): ValueInfoProto[] {
  const d = model.arch.hidden;
  const w = model.weights.head;
  const n = headOutputs(model.head);
  if (model.head.kind === 'none') return [];
  if (model.head.kind === 'token') {
    linear(g, style, h, w.classifierW!, w.classifierB!, d, n, paramOf('classifierW'), '/classifier', 3, 'logits');
    return [tensorInfo('logits', FLOAT, ['batch', 'seq', n])];
  }
  const cls = g.op('Gather', [h, g.ints('/pooler/first', [], [0])], '/pooler', [attr.int('axis', 1)]); // [batch, d]
  const dense = linear(g, style, cls, w.poolerW!, w.poolerB!, d, d, paramOf('poolerW'), '/pooler', 2);
  const pooled = g.op(poolerActivation(model.head) === 'tanh' ? 'Tanh' : 'Relu', [dense], '/pooler');
  linear(g, style, pooled, w.classifierW!, w.classifierB!, d, n, paramOf('classifierW'), '/classifier', 2, 'logits');
  return [tensorInfo('logits', FLOAT, ['batch', n])];
}
