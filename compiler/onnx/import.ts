// Reads a BERT-style encoder's weights from an ONNX file by graph structure (not by names).

import type { Activation, ArchConfig, HeadConfig, HeadWeights, LayerWeights, ModelWeights } from '../../contract/model.ts';
import { HasheeError } from '../errors.ts';
import type { Progress } from '../progress.ts';
import { OnnxGraph } from './graph.ts';
import { activationFrom, flowFrom, layerNormOf, linearsFrom, type Linear, type Norm } from './match.ts';
import { intAttr, onnx, toNumber, type GraphProto, type NodeProto } from './proto.ts';

export interface OnnxImport {
  readonly arch: ArchConfig;
  readonly head: HeadConfig;
  readonly weights: ModelWeights;
}

export function importOnnx(bytes: Uint8Array, file: string, progress?: Progress): OnnxImport {
  const { graph, opset } = decodeModel(bytes, file);
  const g = new OnnxGraph(graph, file, opset);
  const foreign = g.nodes.find((n) => n.domain && n.domain !== 'ai.onnx');
  if (foreign) g.fail('standard ONNX ops (export without onnxruntime graph fusions)', `${g.describe(foreign)} from domain '${foreign.domain}'`);
  const emb = readEmbeddings(g);
  const d = emb.wordEmb.dims[1]!;
  progress?.start('reading ONNX weights', g.nodes.filter((n) => n.opType === 'Softmax').length);
  const layers: LayerRead[] = [];
  let x = emb.norm.out;
  for (let layer = readLayer(g, x, d); layer; layer = readLayer(g, x, d)) {
    layers.push(layer);
    x = layer.weights.ln2.out;
    progress?.tick();
  }
  progress?.done();
  if (layers.length === 0) g.fail('an encoder layer (Q, K, V projections) after the embedding LayerNorm', describeUsers(g, emb.norm.out));
  const head = readHead(g, x, d);
  const first = layers[0]!;
  const eps = emb.norm.eps;
  const shape = (l: LayerRead): string => `eps ${l.weights.ln1.eps}/${l.weights.ln2.eps}, ${l.activation}, ${l.heads} heads, ffn ${l.weights.f1.nOut}`;
  const odd = layers.find((l) => shape(l) !== shape(first) || l.weights.ln1.eps !== eps);
  if (odd) g.fail(`every layer like layer 0 (embedding LayerNorm eps ${eps}, ${shape(first)})`, `layer ${layers.indexOf(odd)} with ${shape(odd)}`);
  const arch: ArchConfig = {
    layers: layers.length,
    hidden: d,
    heads: first.heads,
    ffn: first.weights.f1.nOut,
    vocabSize: emb.wordEmb.dims[0]!,
    maxPositions: emb.posEmb.dims[0]!,
    typeVocabSize: emb.typeEmb.dims[0]!,
    embeddingSize: d,
    activation: first.activation,
    layerNormEps: shortestFloat32(eps),
    norm: 'post',
    sharedLayers: false,
  };
  const weights: ModelWeights = {
    wordEmb: emb.wordEmb.data, posEmb: emb.posEmb.data, typeEmb: emb.typeEmb.data,
    embLnG: emb.norm.gamma, embLnB: emb.norm.beta,
    layers: layers.map((l) => layerWeights(l.weights)),
    head: head.weights,
  };
  return { arch, head: head.config, weights };
}

/** The graph and the default-domain opset version. */
function decodeModel(bytes: Uint8Array, file: string): { graph: GraphProto; opset: number } {
  let model: ReturnType<typeof onnx.ModelProto.decode>;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch (e) {
    throw new HasheeError('file-format', `${file}: not a readable ONNX model (${(e as Error).message})`);
  }
  const graph = model.graph;
  if (!graph || (graph.node ?? []).length === 0) throw new HasheeError('file-format', `${file}: not an ONNX model (no graph nodes)`);
  const opset = (model.opsetImport ?? []).find((o) => !o.domain || o.domain === 'ai.onnx');
  return { graph, opset: toNumber(opset?.version) };
}

function describeUsers(g: OnnxGraph, value: string): string {
  const users = g.consumers(value);
  return users.length === 0 ? `no consumer of '${value}'` : users.map((n) => g.describe(n)).join(', ');
}

interface Table { readonly dims: readonly number[]; readonly data: Float32Array }

interface Embeddings {
  readonly wordEmb: Table;
  readonly posEmb: Table;
  readonly typeEmb: Table;
  readonly norm: Norm;
}

/** word Gather(input_ids) + position Gather + token type Gather, summed by Adds, then LayerNorm. */
function readEmbeddings(g: OnnxGraph): Embeddings {
  const ids = g.inputs.includes('input_ids') ? 'input_ids' : g.inputs[0];
  if (ids === undefined) g.fail('a graph input (input_ids)', 'no graph inputs');
  const word = g.consumers(ids).find((n) => n.opType === 'Gather' && n.input?.[1] === ids && g.floats(n.input[0] ?? '')?.dims.length === 2);
  if (!word) g.fail(`a Gather of a 2-D embedding table by '${ids}'`, describeUsers(g, ids));
  let sum = word.output![0]!;
  for (let add = g.consumer(sum, 'Add'); add && g.consumers(sum).length === 1; add = g.consumer(sum, 'Add')) sum = add.output![0]!;
  const tables = new Map<'word' | 'position' | 'type', Table>();
  for (const leaf of addLeaves(g, sum)) {
    const gather = g.producer(leaf);
    const table = gather?.opType === 'Gather' ? g.floats(gather.input?.[0] ?? '') : undefined;
    if (!gather || !table || table.dims.length !== 2) g.fail('embedding Gathers summed by Add', g.describe(gather));
    tables.set(embeddingRole(g, gather, ids), table);
  }
  const norm = layerNormOf(g, sum);
  if (!norm) g.fail('the embedding LayerNorm (LayerNormalization or ReduceMean/Sub/Pow/ReduceMean/Add/Sqrt/Div/Mul/Add)', describeUsers(g, sum));
  const get = (role: 'word' | 'position' | 'type'): Table => tables.get(role) ?? g.fail(`a ${role} embedding Gather added to the word embedding`, 'none');
  const [wordEmb, posEmb, typeEmb] = [get('word'), get('position'), get('type')];
  const d = wordEmb.dims[1];
  if (posEmb.dims[1] !== d || typeEmb.dims[1] !== d || norm.gamma.length !== d) {
    g.fail(`embedding tables and LayerNorm of width ${d}`, `position [${posEmb.dims}], type [${typeEmb.dims}], LayerNorm ${norm.gamma.length}`);
  }
  return { wordEmb, posEmb, typeEmb, norm };
}

/** The values summed by a tree of Adds ending in `value`. */
function addLeaves(g: OnnxGraph, value: string): string[] {
  const p = g.producer(value);
  if (p?.opType !== 'Add') return [value];
  return (p.input ?? []).flatMap((i) => addLeaves(g, i));
}

/** Word: indexed by input_ids; type: by another graph input (not position_ids); position: computed indices. */
function embeddingRole(g: OnnxGraph, gather: NodeProto, ids: string): 'word' | 'position' | 'type' {
  const indices = gather.input?.[1] ?? '';
  if (indices === ids) return 'word';
  return g.inputs.includes(indices) && !/position/i.test(indices) ? 'type' : 'position';
}

interface RawLayer {
  readonly q: Linear; readonly k: Linear; readonly v: Linear; readonly o: Linear;
  readonly ln1: Norm; readonly f1: Linear; readonly f2: Linear; readonly ln2: Norm;
}

interface LayerRead {
  readonly weights: RawLayer;
  readonly heads: number;
  readonly activation: Activation;
}

/**
 * One post-norm encoder layer reading `x`, or undefined when `x` feeds no three projections (end of encoder).
 * Q and K meet in the scores MatMul (Q left, K right), V is the right operand of the context MatMul.
 */
function readLayer(g: OnnxGraph, x: string, d: number): LayerRead | undefined {
  const projections = linearsFrom(g, x);
  if (projections.length < 2) return undefined;
  if (projections.length !== 3) g.fail(`three projections (Q, K, V) reading '${x}'`, `${projections.length}: ${projections.map((p) => g.describe(p.first)).join(', ')}`);
  const flows = projections.map((p) => ({ p, flow: flowFrom(g, p.out) }));
  const scoresMm = flows.find((f) => f.flow.index === 0 && f.flow.node?.opType === 'MatMul')?.flow.node;
  const q = flows.find((f) => f.flow.node === scoresMm && f.flow.index === 0);
  const k = flows.find((f) => f.flow.node === scoresMm && f.flow.index === 1);
  const v = flows.find((f) => f !== q && f !== k && f.flow.node?.opType === 'MatMul' && f.flow.index === 1);
  if (!q || !k || !v) {
    g.fail('Q and K meeting in a MatMul and V entering a second MatMul', flows.map((f) => `${g.describe(f.p.first)} -> ${g.describe(f.flow.node)}`).join('; '));
  }
  const contextMm = v.flow.node!;
  const attention = scoresToSoftmax(g, scoresMm!.output![0]!);
  const after = attention.softmax && flowFrom(g, attention.softmax.output![0]!).node;
  if (!attention.softmax || after !== contextMm) {
    g.fail(`scores from ${g.describe(scoresMm)} through scale/mask to Softmax(axis -1) into ${g.describe(contextMm)}`, g.describe(attention.stop ?? after));
  }
  const heads = headsFrom(g, q.flow.shapes, d);
  const scale = q.flow.scale * k.flow.scale * attention.scale;
  if (heads === undefined) g.fail(`a Reshape to [batch, seq, heads, ${d}/heads] on the Q path`, `shapes ${q.flow.shapes.map((s) => `[${g.ints(s) ?? '?'}]`).join(', ') || 'none'}`);
  if (Math.abs(scale * Math.sqrt(d / heads) - 1) > 1e-5) g.fail(`attention scores scaled by 1/sqrt(${d / heads})`, `a scale of ${scale}`);
  const merged = flowFrom(g, contextMm.output![0]!);
  const o = single(g, linearsFrom(g, merged.value), 'the attention output projection', merged.node);
  const ln1 = residualNorm(g, o.out, x, 'attention');
  const f1 = single(g, linearsFrom(g, ln1.out), 'the FFN up projection', g.consumers(ln1.out)[0]);
  const act = activationFrom(g, f1.out);
  if (!act.activation || !act.down) g.fail('an activation (Erf GELU, Tanh GELU or Relu) followed by the FFN down projection', `ops ${act.ops.join(', ') || 'none'} after ${g.describe(f1.first)}`);
  const ln2 = residualNorm(g, act.down.out, ln1.out, 'FFN');
  const weights = { q: q.p, k: k.p, v: v.p, o, ln1, f1, f2: act.down, ln2 };
  checkLayerShapes(g, weights, d);
  return { weights, heads, activation: act.activation };
}

function single(g: OnnxGraph, found: Linear[], what: string, near: NodeProto | undefined): Linear {
  if (found.length !== 1) g.fail(`${what} (MatMul/Gemm with a constant weight)`, g.describe(near));
  return found[0]!;
}

/** Add(sublayer output, residual) then LayerNorm. */
function residualNorm(g: OnnxGraph, out: string, residual: string, what: string): Norm {
  const add = g.consumers(out).find((n) => n.opType === 'Add' && n.input?.includes(residual));
  if (!add) g.fail(`the ${what} residual Add of '${out}' and the layer input`, describeUsers(g, out));
  const norm = layerNormOf(g, add.output![0]!);
  if (!norm) g.fail(`the ${what} LayerNorm after the residual Add`, describeUsers(g, add.output![0]!));
  return norm;
}

/** From the scores MatMul: constant scalings, the additive mask and Softmax over the last axis. */
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

/** Heads from a Reshape on the Q path to [batch, seq, heads, head_dim] (constant or Concat of constants). */
function headsFrom(g: OnnxGraph, shapes: readonly string[], d: number): number | undefined {
  for (const s of shapes) {
    const dims = shapeValues(g, s);
    if (dims?.length !== 4) continue;
    const [, , h, dh] = dims as [number, number, number, number];
    if (h > 0 && d % h === 0) return h;
    if (dh > 0 && d % dh === 0) return d / dh;
  }
  return undefined;
}

/** A shape tensor's entries; NaN where computed at run time. */
function shapeValues(g: OnnxGraph, value: string): number[] | undefined {
  const direct = g.ints(value);
  if (direct) return direct;
  const concat = g.producer(value);
  if (concat?.opType !== 'Concat') return undefined;
  return (concat.input ?? []).flatMap((i) => g.ints(i) ?? [Number.NaN]);
}

function checkLayerShapes(g: OnnxGraph, w: RawLayer, d: number): void {
  const f = w.f1.nOut;
  const expect: [string, Linear, number, number][] = [['Q', w.q, d, d], ['K', w.k, d, d], ['V', w.v, d, d], ['output', w.o, d, d], ['FFN up', w.f1, d, f], ['FFN down', w.f2, f, d]];
  for (const [name, l, nIn, nOut] of expect) {
    if (l.nIn !== nIn || l.nOut !== nOut) g.fail(`${name} weight [${nIn}, ${nOut}]`, `[${l.nIn}, ${l.nOut}] at ${g.describe(l.first)}`);
  }
  if (w.ln1.gamma.length !== d || w.ln2.gamma.length !== d) g.fail(`LayerNorm width ${d}`, `${w.ln1.gamma.length} and ${w.ln2.gamma.length}`);
}

function layerWeights(w: RawLayer): LayerWeights {
  return {
    qW: w.q.w, qB: w.q.b, kW: w.k.w, kB: w.k.b, vW: w.v.w, vB: w.v.b, oW: w.o.w, oB: w.o.b,
    ln1G: w.ln1.gamma, ln1B: w.ln1.beta, f1W: w.f1.w, f1B: w.f1.b, f2W: w.f2.w, f2B: w.f2.b, ln2G: w.ln2.gamma, ln2B: w.ln2.beta,
  };
}

/**
 * After the encoder: nothing (no head), a classifier on every token (token head), or the first token
 * (Gather index 0 / Slice 0:1 on axis 1) -> pooler -> Tanh -> classifier. One output is a regression head.
 */
function readHead(g: OnnxGraph, x: string, d: number): { config: HeadConfig; weights: HeadWeights } {
  const direct = linearsFrom(g, x);
  if (direct.length === 1) {
    const c = direct[0]!;
    return { config: { kind: 'token', labels: c.nOut }, weights: { classifierW: c.w, classifierB: c.b } };
  }
  const first = g.consumers(x).find((n) => isFirstToken(g, n, x));
  if (!first) return { config: { kind: 'none' }, weights: {} };
  const pooler = single(g, linearsFrom(g, flowFrom(g, first.output![0]!).value), 'the pooler dense layer', first);
  const tanh = g.consumer(pooler.out, 'Tanh');
  if (!tanh) g.fail('Tanh after the pooler dense layer', describeUsers(g, pooler.out));
  const classifiers = linearsFrom(g, tanh.output![0]!);
  if (classifiers.length === 0) return { config: { kind: 'none' }, weights: {} };
  const c = single(g, classifiers, 'the classifier', tanh);
  if (pooler.nIn !== d || pooler.nOut !== d || c.nIn !== d) g.fail(`pooler [${d}, ${d}] and classifier [${d}, N]`, `[${pooler.nIn}, ${pooler.nOut}] and [${c.nIn}, ${c.nOut}]`);
  const config: HeadConfig = c.nOut === 1 ? { kind: 'regression' } : { kind: 'classification', labels: c.nOut };
  return { config, weights: { poolerW: pooler.w, poolerB: pooler.b, classifierW: c.w, classifierB: c.b } };
}

function isFirstToken(g: OnnxGraph, n: NodeProto, x: string): boolean {
  if (n.input?.[0] !== x) return false;
  if (n.opType === 'Gather') return intAttr(n, 'axis', 0) === 1 && g.ints(n.input[1] ?? '')?.[0] === 0;
  if (n.opType !== 'Slice') return false;
  const [starts, ends, axes] = [2, 3, 4].map((i) => g.ints(n.input?.[i] ?? ''));
  return starts?.[0] === 0 && ends?.[0] === 1 && axes?.[0] === 1;
}

/** The shortest decimal that is the same float32: 9.999999960041972e-13 -> 1e-12. */
export function shortestFloat32(x: number): number {
  const f = Math.fround(x);
  for (let p = 1; p <= 9; p++) {
    const candidate = Number(f.toPrecision(p));
    if (Math.fround(candidate) === f) return candidate;
  }
  return f;
}
