// Reads an encoder-decoder from the files seq2seq exporters write (Optimum's layout, compiler/onnx/seq2seq.ts):
// the encoder through the encoder importer (structure, not names), the decoder from decoder_model.onnx by
// structure too: the token and position Gathers on input_ids, then per layer the three projections of the
// stream that meet in the self-attention, the one whose keys and values are read from encoder_hidden_states,
// and the FFN, with each LayerNorm where the placement (post or pre) puts it; the LM head last.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Activation, ModelWeights, NormPlacement } from '../../contract/model.ts';
import type { DecoderLayerWeights, DecoderWeights, Seq2SeqArch } from '../../contract/seq2seq.ts';
import { HasheeError } from '../errors.ts';
import type { OnnxGraph } from './graph.ts';
import { decodeModel, importOnnx, indexRole, readableGraph } from './import.ts';
import { activationFrom, flowFrom, layerNormOf, linearsFrom, residualOf, shapeValues, type Linear, type Norm } from './match.ts';
import { transpose } from './matrix.ts';
import { SEQ2SEQ_FILES } from './seq2seq.ts';
import type { NodeProto } from './proto.ts';

export interface Seq2SeqImport {
  readonly arch: Seq2SeqArch;
  readonly encoder: ModelWeights;
  readonly decoder: DecoderWeights;
}

/** Reads DIR/encoder_model.onnx and DIR/decoder_model.onnx (decoder_with_past holds the same weights but not the cross K/V projections). */
export function importSeq2SeqDir(dir: string): Seq2SeqImport {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new HasheeError('file-missing', `${dir}: an encoder-decoder's ONNX weights are a folder with ${SEQ2SEQ_FILES.encoder} and ${SEQ2SEQ_FILES.decoder}`);
  }
  const read = (name: string): { bytes: Uint8Array; file: string } => {
    const file = join(dir, name);
    if (!existsSync(file)) throw new HasheeError('file-missing', `${dir} has no ${name} (an encoder-decoder export holds ${SEQ2SEQ_FILES.encoder} and ${SEQ2SEQ_FILES.decoder})`);
    return { bytes: readFileSync(file), file };
  };
  const enc = read(SEQ2SEQ_FILES.encoder), dec = read(SEQ2SEQ_FILES.decoder);
  return importSeq2SeqOnnx(enc, dec);
}

export function importSeq2SeqOnnx(enc: { bytes: Uint8Array; file: string }, dec: { bytes: Uint8Array; file: string }): Seq2SeqImport {
  const e = importOnnx(enc.bytes, enc.file);
  const ea = e.arch;
  const encFail = (expected: string, found: string): never => { throw new HasheeError('onnx-structure', `${enc.file}: expected ${expected}, found ${found}`, { expected, actual: found }); };
  if (ea.typeVocabSize !== 0) encFail('an encoder without token types (BART-style)', `${ea.typeVocabSize} token types`);
  if (ea.embeddingSize !== ea.hidden) encFail('embeddings as wide as the hidden states', `an embedding projection [${ea.embeddingSize}, ${ea.hidden}]`);
  if (ea.sharedLayers) encFail('one set of weights per layer', 'shared layers');
  if (e.head.kind !== 'none') encFail('an encoder without a task head', `a ${e.head.kind} head`);
  const { graph, opset } = decodeModel(dec.bytes, dec.file);
  const d = readDecoder(readableGraph(graph, dec.file, opset).g, ea.hidden);
  const g = d.g;
  if (d.tokens.length !== e.weights.wordEmb.length || d.tokens.some((v, i) => v !== e.weights.wordEmb[i])) {
    g.fail('the token table the encoder embeds with (BART shares one)', 'a different table');
  }
  if (d.posRows !== ea.maxPositions) g.fail(`${ea.maxPositions} decoder positions, as the encoder has`, `${d.posRows}`);
  if (d.norm !== ea.norm) g.fail(`${ea.norm}-LN layers, as the encoder's`, `${d.norm}-LN`);
  if (d.heads !== ea.heads || d.ffn !== ea.ffn || d.activation !== ea.activation) {
    g.fail(`the encoder's ${ea.heads} heads, ffn ${ea.ffn}, ${ea.activation}`, `${d.heads} heads, ffn ${d.ffn}, ${d.activation}`);
  }
  if (d.epsilons.some((x) => Math.fround(x) !== Math.fround(ea.layerNormEps))) g.fail(`the encoder's LayerNorm epsilon ${ea.layerNormEps}`, `epsilons ${[...new Set(d.epsilons)].join(', ')}`);
  const arch: Seq2SeqArch = {
    encoderLayers: ea.layers, decoderLayers: d.layers.length, hidden: ea.hidden, heads: ea.heads, ffn: ea.ffn, vocabSize: ea.vocabSize,
    maxPositions: ea.maxPositions, activation: ea.activation, layerNormEps: ea.layerNormEps, norm: ea.norm, tieEmbeddings: d.lmW === undefined,
  };
  const decoder: DecoderWeights = {
    posEmb: d.posEmb, embLnG: d.embLn.gamma, embLnB: d.embLn.beta, layers: d.layers,
    ...(d.finalLn ? { finalLnG: d.finalLn.gamma, finalLnB: d.finalLn.beta } : {}),
    ...(d.lmW ? { lmW: d.lmW } : {}), lmB: d.lmB,
  };
  return { arch, encoder: e.weights, decoder };
}

interface DecoderRead {
  readonly g: OnnxGraph;
  readonly tokens: Float32Array;
  readonly posEmb: Float32Array;
  readonly posRows: number;
  readonly embLn: Norm;
  readonly norm: NormPlacement;
  readonly layers: DecoderLayerWeights[];
  readonly heads: number;
  readonly ffn: number;
  readonly activation: Activation;
  readonly epsilons: number[];
  readonly finalLn?: Norm;
  readonly lmW?: Float32Array;
  readonly lmB: Float32Array;
}

function readDecoder(g: OnnxGraph, d: number): DecoderRead {
  if (!g.inputs.includes('input_ids') || !g.inputs.includes('encoder_hidden_states')) {
    g.fail('a first-step decoder with inputs input_ids and encoder_hidden_states', `inputs ${g.inputs.join(', ')}`);
  }
  // h^0 = LN(tokens[input_ids] + positions[...])
  const tokenGather = g.consumers('input_ids').find((n) => n.opType === 'Gather' && n.input?.[1] === 'input_ids' && g.floats(n.input?.[0] ?? '')?.dims[1] === d);
  if (!tokenGather) g.fail(`a Gather of input_ids from a [vocab, ${d}] table`, g.describeUsers('input_ids'));
  const tokens = g.floats(tokenGather.input![0]!)!;
  const sum = g.consumer(tokenGather.output![0]!, 'Add');
  const posGather = sum && g.producer(sum.input?.find((i) => i !== tokenGather.output![0]) ?? '');
  const pos = posGather?.opType === 'Gather' ? g.floats(posGather.input?.[0] ?? '') : undefined;
  if (!sum || !pos || pos.dims[1] !== d) g.fail(`token rows plus rows of a [positions, ${d}] table`, g.describeUsers(tokenGather.output![0]!), tokenGather);
  // the position ids, evaluated on a probe input: 0..n-1 plus an offset (BART's table starts at row 2)
  const role = indexRole(g, posGather!.input?.[1] ?? '', 'input_ids', posGather!);
  if (role.kind !== 'position') g.fail('position ids computed in the graph', 'token-type-like indices', posGather);
  const offset = role.offset, posRows = pos.dims[0]! - offset;
  const embLn = layerNormOf(g, sum.output![0]!);
  if (!embLn) g.fail('the embedding LayerNorm', g.describeUsers(sum.output![0]!), sum);
  let x = embLn.out;
  const pre = linearsFrom(g, x).length === 0 && layerNormOf(g, x) !== undefined;
  const norm: NormPlacement = pre ? 'pre' : 'post';
  const crossLinears = linearsFrom(g, 'encoder_hidden_states');
  const layers: DecoderLayerWeights[] = [];
  const epsilons = [embLn.eps];
  let heads = 0, ffn = 0, activation: Activation | undefined;
  for (;;) {
    const selfNorm = pre ? layerNormOf(g, x) : undefined;
    const s = selfNorm?.out ?? x;
    const proj = linearsFrom(g, s).filter((l) => l.nIn === d && l.nOut === d);
    if (proj.length === 0) break;
    const self = attentionOf(g, proj, d, `layer ${layers.length} self-attention`);
    heads = self.heads;
    const o = attentionOutput(g, self.context, d);
    const r1 = blockEnd(g, o.out, x, pre, `layer ${layers.length} self-attention`);
    const crossNorm = pre ? layerNormOf(g, r1.stream) : undefined;
    const c = crossNorm?.out ?? r1.stream;
    const cq = linearsFrom(g, c).filter((l) => l.nIn === d && l.nOut === d);
    if (cq.length !== 1) g.fail('one query projection into the cross-attention', `${cq.length}`, g.producer(c));
    const cross = attentionOf(g, [cq[0]!, ...crossLinears], d, `layer ${layers.length} cross-attention`);
    const co = attentionOutput(g, cross.context, d);
    const r2 = blockEnd(g, co.out, r1.stream, pre, `layer ${layers.length} cross-attention`);
    const ffnNorm = pre ? layerNormOf(g, r2.stream) : undefined;
    const f = ffnNorm?.out ?? r2.stream;
    const up = linearsFrom(g, f).filter((l) => l.nIn === d);
    if (up.length !== 1) g.fail('one FFN up projection', `${up.length}`, g.producer(f));
    const act = activationFrom(g, up[0]!.out);
    if (!act.activation || !act.down) g.fail('an activation between the FFN projections', act.ops.join(', ') || 'nothing', up[0]!.first);
    activation = act.activation;
    ffn = up[0]!.nOut;
    const r3 = blockEnd(g, act.down.out, r2.stream, pre, `layer ${layers.length} FFN`);
    const ln = (n: Norm | undefined, r: { norm?: Norm }): Norm => (pre ? n : r.norm)!;
    const [sn, cn, fn] = [ln(selfNorm, r1), ln(crossNorm, r2), ln(ffnNorm, r3)];
    epsilons.push(sn.eps, cn.eps, fn.eps);
    layers.push({
      sqW: self.q.w, sqB: self.q.b, skW: self.k.w, skB: self.k.b, svW: self.v.w, svB: self.v.b, soW: o.w, soB: o.b, selfLnG: sn.gamma, selfLnB: sn.beta,
      cqW: cross.q.w, cqB: cross.q.b, ckW: cross.k.w, ckB: cross.k.b, cvW: cross.v.w, cvB: cross.v.b, coW: co.w, coB: co.b, crossLnG: cn.gamma, crossLnB: cn.beta,
      f1W: up[0]!.w, f1B: up[0]!.b, f2W: act.down.w, f2B: act.down.b, ffnLnG: fn.gamma, ffnLnB: fn.beta,
    });
    x = r3.stream;
  }
  if (layers.length === 0) g.fail('decoder layers after the embedding LayerNorm', g.describeUsers(x));
  const finalLn = pre ? layerNormOf(g, x) : undefined;
  if (pre && !finalLn) g.fail('the final decoder LayerNorm of a pre-LN decoder', g.describeUsers(x));
  if (finalLn) epsilons.push(finalLn.eps);
  const V = tokens.dims[0]!;
  const lm = linearsFrom(g, finalLn?.out ?? x).find((l) => l.nIn === d && l.nOut === V);
  if (!lm) g.fail(`the LM head [${d}, ${V}]`, g.describeUsers(finalLn?.out ?? x));
  const tied = transpose(tokens.data, V, d);
  const isTied = lm.w.every((v, i) => v === tied[i]);
  return {
    g, tokens: tokens.data, posEmb: pos.data.slice(offset * d), posRows, embLn, norm, layers, heads, ffn, activation: activation!, epsilons,
    ...(finalLn ? { finalLn } : {}), ...(isTied ? {} : { lmW: lm.w }), lmB: lm.b,
  };
}

/**
 * Among `linears`, the query, key and value of one attention: q and k meet as inputs 0 and 1 of the scores'
 * MatMul, v is input 1 of the MatMul that reads the softmax of those scores. The scaling on the way (on q,
 * on k or on the scores) must be 1 / sqrt(d / heads), as the reference computes it.
 */
function attentionOf(g: OnnxGraph, linears: readonly Linear[], d: number, what: string): { q: Linear; k: Linear; v: Linear; context: string; heads: number } {
  const flows = linears.map((l) => ({ l, f: flowFrom(g, l.out) }));
  // the query: the projection entering a MatMul first whose second input is another of the projections
  const q = flows.find((x) => x.f.node?.opType === 'MatMul' && x.f.index === 0 && flows.some((y) => y.f.node === x.f.node && y.f.index === 1));
  if (!q) g.fail(`${what}: a query and a key projection meeting in the scores' MatMul`, flows.map((x) => (x.f.node ? g.describe(x.f.node) : 'no single consumer')).join('; '), linears[0]?.first);
  const scores = q.f.node!;
  const k = flows.find((x) => x.f.node === scores && x.f.index === 1);
  if (!k) g.fail(`${what}: a key projection as the scores' second input`, g.describe(scores), scores);
  const toSoftmax = flowFrom(g, scores.output![0]!);
  let softmax: NodeProto | undefined = toSoftmax.node;
  let scale = q.f.scale * k.f.scale * toSoftmax.scale;
  if (softmax?.opType === 'Add') { // an additive mask between the scores and the softmax
    const after = flowFrom(g, softmax.output![0]!);
    scale *= after.scale;
    softmax = after.node;
  }
  if (softmax?.opType !== 'Softmax') g.fail(`${what}: a softmax over the scores`, softmax ? g.describe(softmax) : 'no single consumer', scores);
  const context = g.consumers(softmax.output![0]!).find((n) => n.opType === 'MatMul' && n.input?.[0] === softmax!.output![0]);
  const v = flows.find((x) => x.f.node === context && x.f.index === 1);
  if (!context || !v) g.fail(`${what}: a value projection read by the softmax's MatMul`, g.describeUsers(softmax.output![0]!), softmax);
  const split = shapeValues(g, q.f.shapes[0] ?? '');
  const heads = split && split.length === 4 ? split[2]! : Number.NaN;
  if (!Number.isInteger(heads) || heads < 1 || d % heads !== 0) g.fail(`${what}: a reshape of the query into [batch, seq, heads, ${d} / heads]`, split ? `[${split.join(', ')}]` : 'no constant shape', q.l.first);
  if (Math.abs(scale * Math.sqrt(d / heads) - 1) > 1e-6) g.fail(`${what}: scores scaled by 1/sqrt(${d / heads})`, `a scale of ${scale}`, scores);
  return { q: q.l, k: k.l, v: v.l, context: context.output![0]!, heads };
}

/** The output projection after the attention context (merged back to [batch, seq, d]). */
function attentionOutput(g: OnnxGraph, context: string, d: number): Linear {
  const f = flowFrom(g, context);
  const out = linearsFrom(g, f.value).find((l) => l.nIn === d && l.nOut === d);
  if (!out) g.fail('an output projection after the attention', f.node ? g.describe(f.node) : 'no single consumer', g.producer(context));
  return out;
}

/** The residual add of a block's output onto the stream, then (post-LN) its LayerNorm: the new stream. */
function blockEnd(g: OnnxGraph, out: string, stream: string, pre: boolean, what: string): { stream: string; norm?: Norm } {
  const r = residualOf(g, out, stream);
  if (!r?.sum) g.fail(`${what}: a residual add of the block's output and the stream`, g.describeUsers(out), g.producer(out));
  if (pre) return { stream: r.sum };
  const norm = layerNormOf(g, r.sum);
  if (!norm) g.fail(`${what}: the LayerNorm after the residual add (post-LN)`, g.describeUsers(r.sum), r.node);
  return { stream: norm.out, norm };
}
