// Encoder layers by structure: self-attention (decomposed MatMul/Softmax, or onnxruntime's fused Attention
// with packed QKV), the residual adds and LayerNorms of post-LN and pre-LN layers, the FFN.

import type { Activation } from '../../contract/model.ts';
import type { OnnxGraph } from './graph.ts';
import { activationFrom, flowFrom, layerNormOf, linearsFrom, residualOf, shapeValues, withBias, type Linear, type Norm, type Residual } from './match.ts';
import { floatAttr, findAttr, intAttr, intsAttr, type NodeProto } from './proto.ts';

export interface RawLayer {
  readonly q: Linear; readonly k: Linear; readonly v: Linear; readonly o: Linear;
  readonly ln1: Norm; readonly f1: Linear; readonly f2: Linear; readonly ln2: Norm;
}

export interface LayerRead {
  readonly weights: RawLayer;
  readonly heads: number;
  readonly activation: Activation;
}

/** The residual stream between layers: its value, and (pre-LN, fused) the LayerNorm already applied to it. */
export interface Stream {
  readonly value: string | undefined;
  readonly norm?: Norm;
}

interface Attention {
  readonly q: Linear; readonly k: Linear; readonly v: Linear;
  readonly heads: number;
  readonly context: string;    // merged heads [batch, seq, d], the output projection's input
  readonly at: NodeProto;      // where it starts, for messages
}

/**
 * The self-attention reading `a` [batch, seq, d], or undefined when `a` feeds none (end of the encoder):
 * onnxruntime's Attention, or three projections whose flows meet in the scores MatMul (Q left, K right)
 * and the context MatMul (V right).
 */
export function attentionAt(g: OnnxGraph, a: string, d: number): Attention | undefined {
  const fused = g.consumers(a).find((n) => n.opType === 'Attention' && n.input?.[0] === a);
  if (fused) return fusedAttention(g, fused, d);
  const projections = linearsFrom(g, a);
  if (projections.length < 2) return undefined;
  if (projections.length !== 3) g.fail(`three projections (Q, K, V) reading '${a}'`, `${projections.length}: ${projections.map((p) => g.describe(p.first)).join(', ')}`, projections[0]!.first);
  const flows = projections.map((p) => ({ p, flow: flowFrom(g, p.out) }));
  const scoresMm = flows.find((f) => f.flow.index === 0 && f.flow.node?.opType === 'MatMul')?.flow.node;
  const q = flows.find((f) => f.flow.node === scoresMm && f.flow.index === 0);
  const k = flows.find((f) => f.flow.node === scoresMm && f.flow.index === 1);
  const v = flows.find((f) => f !== q && f !== k && f.flow.node?.opType === 'MatMul' && f.flow.index === 1);
  if (!q || !k || !v) {
    g.fail('Q and K meeting in a MatMul and V entering a second MatMul', flows.map((f) => `${g.describe(f.p.first)} -> ${g.describe(f.flow.node)}`).join('; '), projections[0]!.first);
  }
  const contextMm = v.flow.node!;
  const attention = scoresToSoftmax(g, scoresMm!.output![0]!);
  const after = attention.softmax && flowFrom(g, attention.softmax.output![0]!).node;
  if (!attention.softmax || after !== contextMm) {
    g.fail(`scores from ${g.describe(scoresMm)} through scale/mask to Softmax(axis -1) into ${g.describe(contextMm)}`, g.describe(attention.stop ?? after), attention.stop ?? after ?? scoresMm);
  }
  const heads = headsFrom(g, [...q.flow.shapes, ...k.flow.shapes, ...v.flow.shapes], d);
  if (heads === undefined) {
    g.fail(`a Reshape to [batch, seq, heads, ${d}/heads] on the Q, K and V paths`, `shapes ${q.flow.shapes.map((s) => `[${shapeValues(g, s) ?? '?'}]`).join(', ') || 'none'}`, q.p.first);
  }
  // Axis orders after the head split [b, s, h, dh]: Q and V [b, h, s, dh], K [b, h, dh, s].
  const order: [string, typeof q, string][] = [['Q', q, '0,2,1,3'], ['K', k, '0,2,3,1'], ['V', v, '0,2,1,3']];
  for (const [name, f, want] of order) {
    if (f.flow.perm && f.flow.perm.join() !== want) g.fail(`${name} transposed to axes [${want}] of [batch, seq, heads, head_dim]`, `[${f.flow.perm}]`, f.p.first);
  }
  const scale = q.flow.scale * k.flow.scale * attention.scale;
  if (Math.abs(scale * Math.sqrt(d / heads) - 1) > 1e-5) g.fail(`attention scores scaled by 1/sqrt(${d / heads})`, `a scale of ${scale}`, scoresMm);
  const merged = flowFrom(g, contextMm.output![0]!);
  const back = merged.permsAtReshapes[0];
  if (back && back.join() !== '0,2,1,3') g.fail('the context [batch, heads, seq, head_dim] transposed to [batch, seq, heads, head_dim] before merging the heads', `axes [${back}]`, contextMm);
  return { q: q.p, k: k.p, v: v.p, heads, context: merged.value, at: q.p.first };
}

/** com.microsoft Attention: packed weights [d, 3d] (Q | K | V columns), bias [3d], num_heads; bidirectional only. */
function fusedAttention(g: OnnxGraph, n: NodeProto, d: number): Attention {
  const heads = intAttr(n, 'num_heads', 0);
  const w = g.floats(n.input?.[1] ?? '');
  const b = n.input?.[2] ? g.floats(n.input[2]) : undefined;
  const sizes = intsAttr(n, 'qkv_hidden_sizes');
  const scale = findAttr(n, 'scale') ? floatAttr(n, 'scale', 0) : undefined;
  const problems = [
    [!w || w.dims.length !== 2 || w.dims[0] !== d || w.dims[1] !== 3 * d, `constant weights [${d}, ${3 * d}]`, `[${w?.dims ?? 'computed'}]`],
    [n.input?.[2] && b?.data.length !== 3 * d, `a constant bias [${3 * d}]`, `[${b?.dims ?? 'computed'}]`],
    [heads <= 0 || d % heads !== 0, `num_heads dividing ${d}`, `num_heads ${heads}`],
    [sizes !== undefined && sizes.some((s) => s !== d), `qkv_hidden_sizes [${d}, ${d}, ${d}]`, `[${sizes}]`],
    [intAttr(n, 'unidirectional', 0) !== 0, 'bidirectional attention (unidirectional 0)', 'unidirectional 1'],
    [scale !== undefined && heads > 0 && Math.abs(scale * Math.sqrt(d / heads) - 1) > 1e-5, `scale 1/sqrt(${d / heads})`, `scale ${scale}`],
    [(n.input ?? []).slice(4).some((i) => i !== ''), 'no past state or attention bias inputs', `inputs ${(n.input ?? []).slice(4).join(', ')}`],
  ] as const;
  for (const [bad, expected, found] of problems) if (bad) g.fail(`an Attention with ${expected}`, found, n);
  const part = (j: number): Linear => ({
    w: columns(w!.data, d, 3 * d, j * d, d),
    b: b ? b.data.slice(j * d, (j + 1) * d) : new Float32Array(d),
    nIn: d, nOut: d, first: n, out: n.output![0]!,
  });
  return { q: part(0), k: part(1), v: part(2), heads, context: n.output![0]!, at: n };
}

/** Columns [start, start + count) of a [rows, cols] row-major matrix. */
function columns(a: Float32Array, rows: number, cols: number, start: number, count: number): Float32Array {
  const out = new Float32Array(rows * count);
  for (let r = 0; r < rows; r++) out.set(a.subarray(r * cols + start, r * cols + start + count), r * count);
  return out;
}

/** From the scores MatMul: constant scalings, the additive or Where mask and Softmax over the last axis. */
function scoresToSoftmax(g: OnnxGraph, scores: string): { softmax?: NodeProto; scale: number; stop?: NodeProto } {
  let v = scores, scale = 1;
  for (;;) {
    const flow = flowFrom(g, v);
    scale *= flow.scale;
    const n = flow.node;
    if (n?.opType === 'Softmax') {
      const axis = intAttr(n, 'axis', g.opset >= 13 ? -1 : 1); // before opset 13: flatten at axis, default 1
      return axis === -1 || axis === 3 ? { softmax: n, scale } : { scale, stop: n };
    }
    if (!n || !['Add', 'Where', 'Sub'].includes(n.opType ?? '')) return { scale, stop: n };
    v = n.output![0]!;
  }
}

/**
 * Heads from a Reshape to [batch, seq, heads, head_dim]: the shape is a constant or a Concat whose last
 * entries are constants (the leading ones may come from Shape/Gather at run time, or be 0 or -1).
 */
function headsFrom(g: OnnxGraph, shapes: readonly string[], d: number): number | undefined {
  for (const s of shapes) {
    const dims = shapeValues(g, s);
    if (!dims || dims.length < 2) continue;
    const [h, dh] = dims.slice(-2) as [number, number];
    if (h > 0 && dh > 0 && h * dh !== d) continue;
    if (h > 0 && d % h === 0) return h;
    if (dh > 0 && d % dh === 0) return d / dh;
  }
  return undefined;
}

export function single(g: OnnxGraph, found: Linear[], what: string, near: NodeProto | undefined): Linear {
  if (found.length !== 1) g.fail(`${what} (MatMul/Gemm with a constant weight)`, found.length === 0 ? g.describe(near) : `${found.length} of them`, near);
  return found[0]!;
}

/** The FFN reading `x`: up projection, activation (its fused bias folded into up), down projection. */
function ffnFrom(g: OnnxGraph, x: string): { f1: Linear; f2: Linear; activation: Activation } {
  const f1 = single(g, linearsFrom(g, x), 'the FFN up projection', g.consumers(x)[0]);
  const act = activationFrom(g, f1.out);
  if (!act.activation || !act.down) {
    g.fail('an activation (Erf GELU, Tanh GELU, Gelu, BiasGelu, FastGelu or Relu) followed by the FFN down projection', `ops ${act.ops.join(', ') || 'none'}`, g.consumers(f1.out)[0] ?? f1.first);
  }
  if (act.bias && act.bias.length !== f1.nOut) g.fail(`an activation bias of width ${f1.nOut}`, `width ${act.bias.length}`, g.consumers(f1.out)[0]);
  return { f1: withBias(f1, act.bias), f2: act.down, activation: act.activation };
}

function residual(g: OnnxGraph, out: string, stream: string | undefined, what: string, near: NodeProto): Residual {
  const r = stream === undefined ? undefined : residualOf(g, out, stream);
  if (!r) g.fail(`the ${what} residual: Add (or SkipLayerNormalization) of '${out}' and the layer input`, g.describeUsers(out), g.consumers(out)[0] ?? near);
  return r;
}

/** One post-LN (BERT) layer reading `x`: LN1(x + O(Attn(x))), then LN2(h1 + FFN(h1)); undefined at the end of the encoder. */
export function readPostLayer(g: OnnxGraph, x: string, d: number): { layer: LayerRead; next: string } | undefined {
  const att = attentionAt(g, x, d);
  if (!att) return undefined;
  const o = single(g, linearsFrom(g, att.context), 'the attention output projection', g.consumers(att.context)[0] ?? att.at);
  const r1 = residual(g, o.out, x, 'attention', o.first);
  const ln1 = r1.norm ?? layerNormOf(g, r1.sum!) ?? g.fail('the attention LayerNorm after the residual Add', g.describeUsers(r1.sum!), r1.node);
  const ffn = ffnFrom(g, ln1.out);
  const r2 = residual(g, ffn.f2.out, ln1.out, 'FFN', ffn.f2.first);
  const ln2 = r2.norm ?? layerNormOf(g, r2.sum!) ?? g.fail('the FFN LayerNorm after the residual Add', g.describeUsers(r2.sum!), r2.node);
  const weights = { q: att.q, k: att.k, v: att.v, o: withBias(o, r1.bias), ln1, f1: ffn.f1, f2: withBias(ffn.f2, r2.bias), ln2 };
  checkLayerShapes(g, weights, d, att.at);
  return { layer: { weights, heads: att.heads, activation: ffn.activation }, next: ln2.out };
}

/**
 * One pre-LN layer on the stream x: x' = x + O(Attn(LN1(x))), h = x' + FFN(LN2(x')). Returns the next
 * stream, or `final` when LN(x) feeds no attention: that LayerNorm is the encoder's final one.
 */
export function readPreLayer(g: OnnxGraph, stream: Stream, d: number): { layer: LayerRead; next: Stream } | { final: Norm } {
  const x = stream.value;
  const ln1 = stream.norm ?? (x === undefined ? undefined : layerNormOf(g, x));
  if (!ln1) g.fail('a LayerNorm of the residual stream (the next layer\'s LN1 or the final LayerNorm)', x === undefined ? 'no stream value' : g.describeUsers(x));
  const att = attentionAt(g, ln1.out, d);
  if (!att) return { final: ln1 };
  const o = single(g, linearsFrom(g, att.context), 'the attention output projection', g.consumers(att.context)[0] ?? att.at);
  const r1 = residual(g, o.out, x, 'attention', o.first);
  if (r1.sum === undefined) g.fail('the attention residual sum (SkipLayerNormalization output 3) feeding the FFN residual', 'none', r1.node);
  const ln2 = r1.norm ?? layerNormOf(g, r1.sum) ?? g.fail('the FFN LayerNorm (LN2) of the attention residual sum', g.describeUsers(r1.sum), r1.node);
  const ffn = ffnFrom(g, ln2.out);
  const r2 = residual(g, ffn.f2.out, r1.sum, 'FFN', ffn.f2.first);
  const weights = { q: att.q, k: att.k, v: att.v, o: withBias(o, r1.bias), ln1, f1: ffn.f1, f2: withBias(ffn.f2, r2.bias), ln2 };
  checkLayerShapes(g, weights, d, att.at);
  return { layer: { weights, heads: att.heads, activation: ffn.activation }, next: { value: r2.sum, norm: r2.norm } };
}

function checkLayerShapes(g: OnnxGraph, w: RawLayer, d: number, at: NodeProto): void {
  const f = w.f1.nOut;
  const expect: [string, Linear, number, number][] = [['Q', w.q, d, d], ['K', w.k, d, d], ['V', w.v, d, d], ['output', w.o, d, d], ['FFN up', w.f1, d, f], ['FFN down', w.f2, f, d]];
  for (const [name, l, nIn, nOut] of expect) {
    if (l.nIn !== nIn || l.nOut !== nOut) g.fail(`${name} weight [${nIn}, ${nOut}]`, `[${l.nIn}, ${l.nOut}]`, l.first);
  }
  if (w.ln1.gamma.length !== d || w.ln2.gamma.length !== d) g.fail(`LayerNorm width ${d}`, `${w.ln1.gamma.length} and ${w.ln2.gamma.length}`, at);
}
