// Reads a BERT-family encoder's weights from an ONNX file by graph structure (never by names): BERT,
// DistilBERT, RoBERTa, ALBERT and pre-LN encoders, as torch.onnx.export and Optimum write them, and
// after onnxruntime's transformer optimizer (com.microsoft fused ops).

import { weightNames, type ArchConfig, type HeadConfig, type HeadWeights, type LayerWeights, type ModelWeights, type NormPlacement } from '../../contract/model.ts';
import { sizeDimsOf, sizeProblem } from '../spec/size.ts';
import { HasheeError } from '../errors.ts';
import type { Progress } from '../progress.ts';
import { OnnxGraph } from './graph.ts';
import { dequantizeGraph } from './dequantize.ts';
import { unfuseGraph } from './unfuse.ts';
import { attentionAt, readPostLayer, readPreLayer, single, type LayerRead, type RawLayer, type Stream } from './layers.ts';
import { flowFrom, layerNormOf, linearsFrom, type Norm } from './match.ts';
import { probe, PROBE_MAX_VALUES, ProbeStop, type IntTensor } from './probe.ts';
import { intAttr, onnx, toNumber, type GraphProto, type NodeProto } from './proto.ts';

export interface OnnxImport {
  readonly arch: ArchConfig;
  readonly head: HeadConfig;
  readonly weights: ModelWeights;
  /** Quantized products and tables read back as f32 (compiler/onnx/dequantize.ts); 0 for a float file. */
  readonly dequantized: number;
  /**
   * Rows of the file's position table before hashee's position 0 (RoBERTa: padding_idx + 1, as its
   * position ids start there); weights.posEmb and arch.maxPositions hold the rows from there on.
   */
  readonly positionOffset: number;
}

/**
 * The graph indexed for matching: its quantized weights (if any) rewritten to f32 first
 * (compiler/onnx/dequantize.ts), then onnxruntime's C++ optimizer forms to plain ops (compiler/onnx/unfuse.ts).
 */
export function readableGraph(graph: GraphProto, file: string, opset: number): { g: OnnxGraph; dequantized: number } {
  let g = new OnnxGraph(graph, file, opset);
  const d = dequantizeGraph(graph, g);
  if (d.dequantized > 0) g = new OnnxGraph(d.graph, file, opset);
  const u = unfuseGraph(d.graph, g);
  if (u.rewritten > 0) g = new OnnxGraph(u.graph, file, opset);
  return { g, dequantized: d.dequantized };
}

/** onnxruntime contrib ops (domain com.microsoft) the importer understands. */
const FUSED_OPS = new Set(['Attention', 'SkipLayerNormalization', 'EmbedLayerNormalization', 'FastGelu', 'BiasGelu', 'Gelu']);

/** `file` names the model in messages; external data is read relative to its folder. */
export function importOnnx(bytes: Uint8Array, file: string, progress?: Progress): OnnxImport {
  const { graph, opset } = decodeModel(bytes, file);
  const { g, dequantized } = readableGraph(graph, file, opset);
  const foreign = g.nodes.find((n) => n.domain && n.domain !== 'ai.onnx' && !(n.domain === 'com.microsoft' && FUSED_OPS.has(n.opType ?? '')));
  if (foreign) g.fail(`standard ONNX ops or the onnxruntime fused ops ${[...FUSED_OPS].join(', ')}`, `an op from domain '${foreign.domain}'`, foreign);
  const emb = readEmbeddings(g);
  const E = emb.wordEmb.dims[1]!;
  // ALBERT: the embedding LayerNorm output [*, E] goes through one projection to the hidden width.
  const mapping = linearsFrom(g, emb.norm.out);
  const projection = mapping.length === 1 ? mapping[0] : undefined;
  const h0 = projection?.out ?? emb.norm.out;
  const d = projection?.nOut ?? E;
  if (projection && (projection.nIn !== E || d === E)) g.fail(`an embedding projection [${E}, hidden != ${E}]`, `[${projection.nIn}, ${projection.nOut}]`, projection.first);
  const norm = normPlacement(g, h0, d);
  progress?.start('reading ONNX weights', g.nodes.filter((n) => n.opType === 'Softmax' || n.opType === 'Attention').length);
  const { layers, out, finalNorm } = readLayers(g, norm, h0, d, progress);
  progress?.done();
  const head = readHead(g, out, d);
  const first = layers[0]!;
  const eps = emb.norm.eps;
  const epsilons = [eps, ...layers.flatMap((l) => [l.weights.ln1.eps, l.weights.ln2.eps]), ...(finalNorm ? [finalNorm.eps] : [])];
  if (epsilons.some((e) => Math.fround(e) !== Math.fround(eps))) g.fail(`one LayerNorm epsilon everywhere (the embedding LayerNorm's ${eps})`, `epsilons ${[...new Set(epsilons)].join(', ')}`);
  const shape = (l: LayerRead): string => `${l.activation}, ${l.heads} heads, ffn ${l.weights.f1.nOut}`;
  const odd = layers.find((l) => shape(l) !== shape(first));
  if (odd) g.fail(`every layer like layer 0 (${shape(first)})`, `layer ${layers.indexOf(odd)} with ${shape(odd)}`, odd.weights.q.first);
  const sharedLayers = layers.length > 1 && layers.every((l) => sameWeights(l.weights, first.weights));
  const arch: ArchConfig = {
    layers: layers.length,
    hidden: d,
    heads: first.heads,
    ffn: first.weights.f1.nOut,
    vocabSize: emb.wordEmb.dims[0]!,
    maxPositions: emb.posEmb.dims[0]!,
    typeVocabSize: emb.typeEmb?.dims[0] ?? 0,
    embeddingSize: E,
    activation: first.activation,
    layerNormEps: shortestFloat32(eps),
    norm,
    sharedLayers,
  };
  // Shared layers (ALBERT): one weights object at every depth, not L copies.
  const shared = sharedLayers ? layerWeights(first.weights) : undefined;
  const weights: ModelWeights = {
    wordEmb: emb.wordEmb.data, posEmb: emb.posEmb.data, typeEmb: emb.typeEmb?.data ?? new Float32Array(0),
    embLnG: emb.norm.gamma, embLnB: emb.norm.beta,
    ...(projection ? { embProjW: projection.w, embProjB: projection.b } : {}),
    layers: layers.map((l) => shared ?? layerWeights(l.weights)),
    ...(finalNorm ? { finalLnG: finalNorm.gamma, finalLnB: finalNorm.beta } : {}),
    head: head.weights,
  };
  const tooLarge = sizeProblem(sizeDimsOf(arch, head.config));
  if (tooLarge) throw new HasheeError('file-format', `${file}: the model it holds does not fit: ${tooLarge.message} (${tooLarge.key} would be ${keyValue(arch, tooLarge.key)})`, { expected: tooLarge.expected, actual: tooLarge.actual });
  checkFinite(weights, file);
  return { arch, head: head.config, weights, positionOffset: emb.positionOffset, dequantized };
}

/** The value of a model.* spec key of `arch` ('model.max_positions' -> maxPositions), for messages. */
function keyValue(arch: ArchConfig, key: string): string {
  const camel = key.replace(/^model\./, '').replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return String((arch as unknown as Record<string, unknown>)[camel] ?? '?');
}

/** Refuses NaN or infinite weights (a damaged file): every output would be NaN, with no error to say why. */
function checkFinite(w: ModelWeights, file: string): void {
  const of = (o: object, names: readonly string[], suffix = ''): [string, Float32Array | undefined][] =>
    names.map((n) => [`${n}${suffix}`, (o as Record<string, Float32Array | undefined>)[n]]);
  const named = [
    ...of(w, [...weightNames('embed'), ...weightNames('final')]),
    ...[...new Set(w.layers)].flatMap((layer, l) => of(layer, weightNames('layer'), ` of layer ${l + 1}`)),
    ...of(w.head, weightNames('head')),
  ];
  for (const [name, data] of named) {
    const at = data?.findIndex((v) => !Number.isFinite(v)) ?? -1;
    if (at >= 0) throw new HasheeError('file-format', `${file}: the weights hold ${data![at]} (${name}, value ${at}): the file is damaged`, { expected: 'finite weights', actual: String(data![at]) });
  }
}

/** The graph and the default-domain opset version. */
export function decodeModel(bytes: Uint8Array, file: string): { graph: GraphProto; opset: number } {
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

/** post when the first layer's attention reads h^0 itself, pre when it reads a LayerNorm of h^0. */
function normPlacement(g: OnnxGraph, h0: string, d: number): NormPlacement {
  if (attentionAt(g, h0, d)) return 'post';
  const ln = layerNormOf(g, h0);
  if (ln && attentionAt(g, ln.out, d)) return 'pre';
  return g.fail('an encoder layer after the embeddings: self-attention reading them (post-LN) or their LayerNorm (pre-LN)', g.describeUsers(h0), g.consumers(h0)[0]);
}

function readLayers(g: OnnxGraph, norm: NormPlacement, h0: string, d: number, progress?: Progress): { layers: LayerRead[]; out: string; finalNorm?: Norm } {
  const layers: LayerRead[] = [];
  if (norm === 'post') {
    let x = h0;
    for (let r = readPostLayer(g, x, d); r; r = readPostLayer(g, x, d)) {
      layers.push(r.layer);
      x = r.next;
      progress?.tick();
    }
    return { layers, out: x };
  }
  let stream: Stream = { value: h0 };
  for (;;) {
    const r = readPreLayer(g, stream, d);
    if ('final' in r) return { layers, out: r.final.out, finalNorm: r.final };
    layers.push(r.layer);
    stream = r.next;
    progress?.tick();
  }
}

/** Bit-identical layer weights (the same initializers, or copies an exporter wrote per use). */
function sameWeights(a: RawLayer, b: RawLayer): boolean {
  const arrays = (w: RawLayer): Float32Array[] => [w.q, w.k, w.v, w.o, w.f1, w.f2].flatMap((l) => [l.w, l.b]).concat([w.ln1.gamma, w.ln1.beta, w.ln2.gamma, w.ln2.beta]);
  const [x, y] = [arrays(a), arrays(b)];
  return x.every((u, i) => {
    const v = y[i]!;
    if (u === v) return true;
    if (u.length !== v.length) return false;
    const [bu, bv] = [new Uint32Array(u.buffer, u.byteOffset, u.length), new Uint32Array(v.buffer, v.byteOffset, v.length)];
    return bu.every((bits, j) => bits === bv[j]);
  });
}

interface Table { readonly dims: readonly number[]; readonly data: Float32Array }

interface Embeddings {
  readonly wordEmb: Table;
  readonly posEmb: Table;          // the rows hashee's positions 0.. use
  readonly typeEmb: Table | undefined;
  readonly norm: Norm;             // over E
  readonly positionOffset: number;
}

/** Ops an index passes through unchanged on its way from a graph input to a Gather. */
const INDEX_PASS = new Set(['Cast', 'Identity', 'Unsqueeze', 'Squeeze', 'Reshape', 'Flatten']);

/** The graph input `value` is, through casts and reshapes, if any. */
function graphInputOf(g: OnnxGraph, value: string): string | undefined {
  if (g.inputs.includes(value)) return value;
  const p = g.producer(value);
  return p && INDEX_PASS.has(p.opType ?? '') ? graphInputOf(g, p.input?.[0] ?? '') : undefined;
}

/**
 * The embeddings: onnxruntime's EmbedLayerNormalization, or Gathers of 2-D tables summed by Adds and
 * normalised (LayerNormalization, decomposed, or SkipLayerNormalization over two partial sums). The word
 * table is the largest one indexed by a graph input (that input is input_ids); another table indexed by a
 * graph input holds token types; tables indexed by computed values are classified by evaluating the
 * indices on a probe input: 0..n-1 plus an offset are positions, all zeros are (buffered) token types.
 */
function readEmbeddings(g: OnnxGraph): Embeddings {
  const fused = g.nodes.find((n) => n.opType === 'EmbedLayerNormalization');
  if (fused) return fusedEmbeddings(g, fused);
  const gathers = g.nodes.filter((n) => n.opType === 'Gather' && g.floats(n.input?.[0] ?? '')?.dims.length === 2 && graphInputOf(g, n.input?.[1] ?? '') !== undefined);
  const rows = (n: NodeProto): number => g.floats(n.input![0]!)!.dims[0]!;
  const word = [...gathers].sort((a, b) => rows(b) - rows(a))[0];
  if (!word) g.fail('a Gather of a 2-D embedding table indexed by a graph input (input_ids)', `graph inputs ${g.inputs.join(', ') || 'none'}`);
  const ids = graphInputOf(g, word.input![1]!)!;
  let sum = word.output![0]!;
  for (let add = g.consumer(sum, 'Add'); add && g.consumers(sum).length === 1; add = g.consumer(sum, 'Add')) sum = add.output![0]!;
  const skip = g.consumers(sum).find((n) => n.opType === 'SkipLayerNormalization' && n.input?.slice(0, 2).includes(sum));
  let leaves: string[];
  let norm: Norm | undefined;
  if (skip) {
    if (skip.input?.[4]) g.fail('an embedding SkipLayerNormalization without a bias', 'a bias input', skip);
    leaves = skip.input!.slice(0, 2).flatMap((v) => addLeaves(g, v));
    const gamma = g.floats(skip.input?.[2] ?? ''), beta = skip.input?.[3] ? g.floats(skip.input[3]) : undefined;
    if (gamma) norm = { gamma: gamma.data, beta: beta?.data ?? new Float32Array(gamma.data.length), eps: g.epsilon(skip), out: skip.output![0]! };
  } else {
    leaves = addLeaves(g, sum);
    norm = layerNormOf(g, sum);
  }
  if (!norm) g.fail('the embedding LayerNorm (LayerNormalization, SkipLayerNormalization or ReduceMean/Sub/Pow/ReduceMean/Add/Sqrt/Div/Mul/Add)', g.describeUsers(sum), g.consumers(sum)[0]);
  let typeEmb: Table | undefined;
  let positions: { table: Table; offset: number } | undefined;
  for (const leaf of leaves) {
    const gather = g.producer(leaf);
    const table = gather?.opType === 'Gather' ? g.floats(gather.input?.[0] ?? '') : undefined;
    if (!gather || !table || table.dims.length !== 2) g.fail('embedding Gathers of constant 2-D tables summed by Add', gather ? g.describe(gather) : `graph value '${leaf}'`, gather);
    if (gather === word) continue;
    const role = indexRole(g, gather.input![1]!, ids, gather);
    if (role.kind === 'position') {
      if (positions) g.fail('one position embedding', 'two Gathers with position indices', gather);
      positions = { table, offset: role.offset };
    } else {
      if (typeEmb) g.fail('one embedding table indexed by a graph input besides input_ids (token types; position ids given as an input are not supported: hashee numbers positions itself)', 'two', gather);
      typeEmb = table;
    }
  }
  if (!positions) {
    g.fail('a position embedding Gather added to the word embedding, its indices computed in the graph (0..n-1, or offset; position ids given as an input are not supported)',
      `tables indexed by ${leaves.map((l) => g.describe(g.producer(l))).join(', ')}`, word);
  }
  return finishEmbeddings(g, g.floats(word.input![0]!)!, positions.table, positions.offset, typeEmb, norm, word);
}

/**
 * com.microsoft EmbedLayerNormalization(input_ids, segment_ids?, word, position, segment?, gamma, beta,
 * mask?, position_ids?): positions are 0..n-1 unless position_ids says otherwise.
 */
function fusedEmbeddings(g: OnnxGraph, n: NodeProto): Embeddings {
  const ins = n.input ?? [];
  const ids = graphInputOf(g, ins[0] ?? '');
  const [word, pos, seg, gamma, beta] = [2, 3, 4, 5, 6].map((i) => (ins[i] ? g.floats(ins[i]!) : undefined));
  if (!ids) g.fail('EmbedLayerNormalization reading the input_ids graph input', `'${ins[0]}'`, n);
  if (!word || !pos || !gamma || !beta || (ins[4] && !seg)) g.fail('EmbedLayerNormalization with constant tables, gamma and beta', 'computed inputs', n);
  if (ins[1] && !graphInputOf(g, ins[1])) g.fail('segment ids from a graph input (token_type_ids)', `'${ins[1]}'`, n);
  if (Boolean(ins[1]) !== Boolean(ins[4])) g.fail('segment ids and a segment table together', ins[1] ? 'ids without a table' : 'a table without ids', n);
  let offset = 0;
  if (ins[8]) {
    const role = indexRole(g, ins[8], ids, n);
    if (role.kind !== 'position') g.fail('position_ids 0..n-1 (or offset)', 'constant zeros', n);
    offset = role.offset;
  }
  const norm = { gamma: gamma.data, beta: beta.data, eps: g.epsilon(n), out: n.output![0]! };
  return finishEmbeddings(g, word, pos, offset, seg, norm, n);
}

/** Slices the position table at the offset and checks every width against E. */
function finishEmbeddings(g: OnnxGraph, wordEmb: Table, table: Table, offset: number, typeEmb: Table | undefined, norm: Norm, at: NodeProto): Embeddings {
  const E = wordEmb.dims[1]!;
  const [rows, width] = table.dims as [number, number];
  if (offset >= rows) g.fail(`position ids inside the position table (${rows} rows)`, `ids from ${offset}`, at);
  const posEmb = offset === 0 ? table : { dims: [rows - offset, width], data: table.data.subarray(offset * width) };
  if (width !== E || (typeEmb && typeEmb.dims[1] !== E) || norm.gamma.length !== E) {
    g.fail(`embedding tables and LayerNorm of width ${E}`, `position [${table.dims}], type [${typeEmb?.dims ?? 'none'}], LayerNorm ${norm.gamma.length}`, at);
  }
  return { wordEmb, posEmb, typeEmb, norm, positionOffset: offset };
}

/** The values summed by a tree of Adds ending in `value`. */
function addLeaves(g: OnnxGraph, value: string): string[] {
  const p = g.producer(value);
  if (p?.opType !== 'Add') return [value];
  return (p.input ?? []).flatMap((i) => addLeaves(g, i));
}

const PROBE_BATCH = 2, PROBE_SEQ = 5;

/**
 * What the indices of a non-word embedding Gather are: a graph input other than input_ids (token types),
 * or, evaluated on a probe (input_ids a value no index subgraph compares with, other inputs all 1 as an
 * attention mask), positions `offset + 0..n-1` in every row or all zeros (token types not given as input).
 */
export function indexRole(g: OnnxGraph, indices: string, ids: string, at: NodeProto): { kind: 'type' } | { kind: 'position'; offset: number } {
  const input = graphInputOf(g, indices);
  if (input !== undefined && input !== ids) return { kind: 'type' };
  if (input === ids) g.fail('one table indexed by input_ids (the word embedding)', 'a second one', at);
  const feeds = new Map<string, IntTensor>();
  for (const name of g.inputs) {
    const [b, s] = g.inputDims(name);
    const dims = [b ?? PROBE_BATCH, s ?? PROBE_SEQ];
    const count = dims[0]! * dims[1]!;
    if (count > PROBE_MAX_VALUES) g.fail(`graph input dims [batch, sequence] of at most ${PROBE_MAX_VALUES} values (symbolic, or static like [1, 512])`, `input '${name}' declared [${dims}]`, at);
    feeds.set(name, { dims, data: new Array<number>(count).fill(name === ids ? 1_000_003 : 1) });
  }
  const [batch, seq] = feeds.get(ids)!.dims as [number, number];
  let r: IntTensor;
  try {
    r = probe(g, indices, feeds);
  } catch (e) {
    if (!(e instanceof ProbeStop)) throw e;
    return g.fail(`embedding indices computed from input_ids by Shape/Range/Slice/CumSum-style ops (${e.message})`, e.node ? g.describe(e.node) : 'an unknown value', e.node ?? at);
  }
  const rowsOk = r.dims.length <= 2 && r.dims[r.dims.length - 1] === seq && (r.dims.length < 2 || r.dims[0] === 1 || r.dims[0] === batch);
  if (!rowsOk) g.fail(`position or type indices of shape [${batch}, ${seq}] (or broadcastable)`, `shape [${r.dims}]`, at);
  const rowCount = r.data.length / seq;
  const row = (k: number): readonly number[] => r.data.slice(k * seq, (k + 1) * seq);
  if (r.data.every((v) => v === 0)) return { kind: 'type' };
  const offset = r.data[0]!;
  for (let k = 0; k < rowCount; k++) {
    if (row(k).some((v, p) => v !== offset + p)) g.fail(`position indices ${offset}..${offset + seq - 1} in every row`, `[${row(k)}]`, at);
  }
  if (offset < 0) g.fail('position indices from 0 or a positive offset', `from ${offset}`, at);
  return { kind: 'position', offset };
}

function layerWeights(w: RawLayer): LayerWeights {
  return {
    qW: w.q.w, qB: w.q.b, kW: w.k.w, kB: w.k.b, vW: w.v.w, vB: w.v.b, oW: w.o.w, oB: w.o.b,
    ln1G: w.ln1.gamma, ln1B: w.ln1.beta, f1W: w.f1.w, f1B: w.f1.b, f2W: w.f2.w, f2B: w.f2.b, ln2G: w.ln2.gamma, ln2B: w.ln2.beta,
  };
}

/**
 * After the encoder: nothing (no head), a classifier on every token (token head), or the first token
 * (Gather index 0 / Slice 0:1 on axis 1) -> dense -> Tanh (BERT pooler, RoBERTa and ALBERT heads) or Relu
 * (DistilBERT's pre_classifier) -> classifier. One output is a regression head.
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
  const act = g.consumers(pooler.out).find((n) => n.opType === 'Tanh' || n.opType === 'Relu');
  if (!act || g.consumers(pooler.out).length !== 1) g.fail('Tanh or Relu after the pooler dense layer', g.describeUsers(pooler.out), g.consumers(pooler.out)[0] ?? pooler.first);
  const classifiers = linearsFrom(g, act.output![0]!);
  if (classifiers.length === 0) return { config: { kind: 'none' }, weights: {} };
  const c = single(g, classifiers, 'the classifier', act);
  if (pooler.nIn !== d || pooler.nOut !== d || c.nIn !== d) g.fail(`pooler [${d}, ${d}] and classifier [${d}, N]`, `[${pooler.nIn}, ${pooler.nOut}] and [${c.nIn}, ${c.nOut}]`, pooler.first);
  const pooled = act.opType === 'Relu' ? { pooler: 'relu' as const } : {};
  const config: HeadConfig = c.nOut === 1 ? { kind: 'regression', ...pooled } : { kind: 'classification', labels: c.nOut, ...pooled };
  return { config, weights: { poolerW: pooler.w, poolerB: pooler.b, classifierW: c.w, classifierB: c.b } };
}

function isFirstToken(g: OnnxGraph, n: NodeProto, x: string): boolean {
  if (n.input?.[0] !== x) return false;
  if (n.opType === 'Gather') return intAttr(n, 'axis', 0) === 1 && g.ints(n.input[1] ?? '')?.[0] === 0 && g.ints(n.input[1] ?? '')?.length === 1;
  if (n.opType !== 'Slice') return false;
  const [starts, ends, axes] = [1, 2, 3].map((i) => g.ints(n.input?.[i] ?? '')); // Slice(data, starts, ends, axes)
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
