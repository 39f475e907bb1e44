// Writes an encoder-decoder at full depth as the three ONNX files seq2seq exporters write (Hugging Face
// Optimum's layout): encoder_model.onnx (input_ids, attention_mask -> last_hidden_state), decoder_model.onnx
// (the first step: input_ids, encoder_hidden_states -> logits and every layer's present self and cross K/V)
// and decoder_with_past_model.onnx (one token with the past K/V -> logits and the present self K/V).
// K/V tensors are [batch, heads, positions, d / heads]. Opset 17, MatMul + Add linears, LayerNormalization.

import { encoderModel, type DecoderLayerWeights, type Seq2SeqModel } from '../../contract/seq2seq.ts';
import { DECODER_WEIGHTS, type DecoderWeightName } from '../../contract/seq2seq.ts';
import { activation, layerNorm, linear, type Style } from './blocks.ts';
import { encodeModel, GraphBuilder, tensorInfo } from './builder.ts';
import { exportOnnx } from './export.ts';
import { attr, FLOAT, INT64, type ValueInfoProto } from './proto.ts';

const OPSET = 17;

/**
 * 'hashee' (default): LayerNormalization, scores divided by sqrt(dh), positions from row 0. 'bart': the
 * graph as transformers' BART export computes it: decomposed LayerNorms, the query multiplied by dh^-0.5,
 * the decoder's position table with BART's two extra leading rows (ids offset by 2).
 */
export type Seq2SeqExportStyle = 'hashee' | 'bart';

/** BART's learned position embedding starts its ids at 2 (rows 0 and 1 are never read). */
const BART_POSITION_OFFSET = 2;
/** Added to the scores a causal mask hides (as the encoder export's padding mask). */
const MASKED = -1e9;

/** The files' names in an export folder (Optimum's). */
export const SEQ2SEQ_FILES = { encoder: 'encoder_model.onnx', decoder: 'decoder_model.onnx', decoderWithPast: 'decoder_with_past_model.onnx' } as const;

export interface Seq2SeqOnnx {
  readonly encoder: Uint8Array;
  readonly decoder: Uint8Array;
  readonly decoderWithPast: Uint8Array;
}

export function exportSeq2SeqOnnx(model: Seq2SeqModel, style: Seq2SeqExportStyle = 'hashee'): Seq2SeqOnnx {
  const encoder = exportOnnx(encoderModel(model), style === 'bart' ? { layerNorm: 'decomposed' } : {});
  return { encoder, decoder: decoderGraph(model, false, style), decoderWithPast: decoderGraph(model, true, style) };
}

/** The decoder's parameter name for table tensor `name` at layer l (Hugging Face's BART names). */
function param(name: DecoderWeightName, l = 0): string {
  return DECODER_WEIGHTS[name].onnx.replace('{l}', String(l)).replace(/\.(weight|bias)$/, '');
}

function decoderGraph(model: Seq2SeqModel, withPast: boolean, style: Seq2SeqExportStyle): Uint8Array {
  const a = model.arch, d = a.hidden, heads = a.heads, dh = d / heads, w = model.decoder;
  const bart = style === 'bart';
  const STYLE: Style = { linear: 'matmul', layerNorm: bart ? 'decomposed' : 'fused' };
  const g = new GraphBuilder(OPSET, 'raw', 'initializers');
  const inputs: ValueInfoProto[] = [tensorInfo('input_ids', INT64, ['batch', withPast ? 1 : 'seq'])];
  const outputs: ValueInfoProto[] = [tensorInfo('logits', FLOAT, ['batch', withPast ? 1 : 'seq', a.vocabSize])];
  if (!withPast) inputs.push(tensorInfo('encoder_hidden_states', FLOAT, ['batch', 'src', d]));
  const kvInfo = (name: string, len: string): ValueInfoProto => tensorInfo(name, FLOAT, ['batch', heads, len, dh]);
  for (let l = 0; l < a.decoderLayers; l++) {
    if (withPast) {
      for (const kind of ['decoder', 'encoder'] as const) {
        for (const t of ['key', 'value']) inputs.push(kvInfo(`past_key_values.${l}.${kind}.${t}`, kind === 'decoder' ? 'past' : 'src'));
      }
    }
    for (const t of ['key', 'value']) outputs.push(kvInfo(`present.${l}.decoder.${t}`, withPast ? 'past_plus_1' : 'seq'));
    if (!withPast) for (const t of ['key', 'value']) outputs.push(kvInfo(`present.${l}.encoder.${t}`, 'src'));
  }
  const s0 = '/decoder/embed';
  // positions past .. past + seq - 1 (past = 0 for the first step)
  const seq = g.op('Gather', [g.op('Shape', ['input_ids'], s0), g.ints(`${s0}/seq_axis`, [], [1])], s0, [attr.int('axis', 0)]);
  const past = withPast
    ? g.op('Gather', [g.op('Shape', ['past_key_values.0.decoder.key'], s0), g.ints(`${s0}/past_axis`, [], [2])], s0, [attr.int('axis', 0)])
    : g.ints(`${s0}/zero`, [], [0]);
  const start = bart ? g.op('Add', [past, g.ints(`${s0}/offset`, [], [BART_POSITION_OFFSET])], s0) : past;
  const positions = g.op('Range', [start, g.op('Add', [start, seq], s0), g.ints(`${s0}/delta`, [], [1])], s0);
  // BART's table has two rows before position 0 (filled with zeros here: they are never read)
  const posTable = bart ? Float32Array.from({ length: (a.maxPositions + BART_POSITION_OFFSET) * d }, (_, i) => (i < BART_POSITION_OFFSET * d ? 0 : w.posEmb[i - BART_POSITION_OFFSET * d]!)) : w.posEmb;
  const tokens = g.floats('model.shared.weight', [a.vocabSize, d], model.encoder.wordEmb);
  const sum = g.op('Add', [g.op('Gather', [tokens, 'input_ids'], s0), g.op('Gather', [g.floats(`${param('posEmb')}.weight`, [a.maxPositions + (bart ? BART_POSITION_OFFSET : 0), d], posTable), positions], s0)], s0);
  let x = layerNorm(g, STYLE, sum, w.embLnG, w.embLnB, a.layerNormEps, param('embLnG'), s0);
  const split = (t: string, scope: string): string => // [b, s, d] -> [b, h, s, dh]
    g.op('Transpose', [g.op('Reshape', [t, g.ints(g.fresh(`${scope}/heads_shape`), [4], [0, 0, heads, dh])], scope)], scope, [attr.ints('perm', [0, 2, 1, 3])]);
  const attend = (q: string, k: string, v: string, scope: string, mask?: string): string => {
    const kt = g.op('Transpose', [k], scope, [attr.ints('perm', [0, 1, 3, 2])]);
    // BART scales the query (q_proj(x) * dh^-0.5); the reference (and the hashee style) the scores
    const product = bart
      ? g.op('MatMul', [g.op('Mul', [q, g.scalar(g.fresh(`${scope}/scaling`), 1 / Math.sqrt(dh))], scope), kt], scope)
      : g.op('Div', [g.op('MatMul', [q, kt], scope), g.scalar(g.fresh(`${scope}/sqrt_dh`), Math.sqrt(dh))], scope);
    let scores = product;
    if (mask) scores = g.op('Add', [scores, mask], scope);
    const ctx = g.op('MatMul', [g.op('Softmax', [scores], scope, [attr.int('axis', -1)]), v], scope);
    return g.op('Reshape', [g.op('Transpose', [ctx], scope, [attr.ints('perm', [0, 2, 1, 3])]), g.ints(g.fresh(`${scope}/merge_shape`), [3], [0, 0, d])], scope);
  };
  const mask = withPast ? undefined : causalMask(g, seq);
  const pre = a.norm === 'pre';
  for (let l = 0; l < a.decoderLayers; l++) {
    const lw: DecoderLayerWeights = w.layers[l]!;
    const s = `/decoder/layers.${l}`;
    const lin = (t: string, W: Float32Array, b: Float32Array, name: DecoderWeightName, nIn = d, nOut = d): string => linear(g, STYLE, t, W, b, nIn, nOut, param(name, l), `${s}/${name}`, 3);
    const norm = (t: string, G: Float32Array, B: Float32Array, name: DecoderWeightName, output?: string): string => layerNorm(g, STYLE, t, G, B, a.layerNormEps, param(name, l), `${s}/${name}`, output);
    const block = (input: string, delta: string, G: Float32Array, B: Float32Array, name: DecoderWeightName): string => {
      const sum = g.op('Add', [input, delta], s);
      return pre ? sum : norm(sum, G, B, name);
    };
    // self-attention with the past (present = past ++ this step's K/V)
    const sa = pre ? norm(x, lw.selfLnG, lw.selfLnB, 'selfLnG') : x;
    let k = split(lin(sa, lw.skW, lw.skB, 'skW'), `${s}/self`), v = split(lin(sa, lw.svW, lw.svB, 'svW'), `${s}/self`);
    if (withPast) {
      k = g.op('Concat', [`past_key_values.${l}.decoder.key`, k], s, [attr.int('axis', 2)], `present.${l}.decoder.key`);
      v = g.op('Concat', [`past_key_values.${l}.decoder.value`, v], s, [attr.int('axis', 2)], `present.${l}.decoder.value`);
    } else {
      k = g.op('Identity', [k], s, [], `present.${l}.decoder.key`);
      v = g.op('Identity', [v], s, [], `present.${l}.decoder.value`);
    }
    const q = split(lin(sa, lw.sqW, lw.sqB, 'sqW'), `${s}/self`);
    x = block(x, lin(attend(q, k, v, `${s}/self_attn`, mask), lw.soW, lw.soB, 'soW'), lw.selfLnG, lw.selfLnB, 'selfLnG');
    // cross-attention over the encoder states' K/V (computed by the first step, then passed back in)
    const ca = pre ? norm(x, lw.crossLnG, lw.crossLnB, 'crossLnG') : x;
    const ck = withPast ? `past_key_values.${l}.encoder.key` : g.op('Identity', [split(lin('encoder_hidden_states', lw.ckW, lw.ckB, 'ckW'), `${s}/cross`)], s, [], `present.${l}.encoder.key`);
    const cv = withPast ? `past_key_values.${l}.encoder.value` : g.op('Identity', [split(lin('encoder_hidden_states', lw.cvW, lw.cvB, 'cvW'), `${s}/cross`)], s, [], `present.${l}.encoder.value`);
    const cq = split(lin(ca, lw.cqW, lw.cqB, 'cqW'), `${s}/cross`);
    x = block(x, lin(attend(cq, ck, cv, `${s}/encoder_attn`), lw.coW, lw.coB, 'coW'), lw.crossLnG, lw.crossLnB, 'crossLnG');
    const fa = pre ? norm(x, lw.ffnLnG, lw.ffnLnB, 'ffnLnG') : x;
    const hid = activation(g, a.activation, lin(fa, lw.f1W, lw.f1B, 'f1W', d, a.ffn), `${s}/fc1`);
    x = block(x, lin(hid, lw.f2W, lw.f2B, 'f2W', a.ffn, d), lw.ffnLnG, lw.ffnLnB, 'ffnLnG');
  }
  if (pre) x = layerNorm(g, STYLE, x, w.finalLnG!, w.finalLnB!, a.layerNormEps, param('finalLnG'), '/decoder/final');
  const lmW = a.tieEmbeddings ? transpose(model.encoder.wordEmb, a.vocabSize, d) : w.lmW!;
  const logits = g.op('MatMul', [x, g.floats('lm_head.weight', [d, a.vocabSize], lmW)], '/lm_head');
  g.op('Add', [logits, g.floats('final_logits_bias', [a.vocabSize], w.lmB)], '/lm_head', [], 'logits');
  return encodeModel(g.finish(withPast ? 'hashee-decoder-with-past' : 'hashee-decoder', outputs, inputs), OPSET);
}

/** [seq, seq] additive causal mask: 0 on and below the diagonal, MASKED above. */
function causalMask(g: GraphBuilder, seq: string): string {
  const s = '/decoder/causal_mask';
  const square = g.op('Concat', [g.unsqueeze(seq, [0], s), g.unsqueeze(seq, [0], s)], s, [attr.int('axis', 0)]);
  const ones = g.op('ConstantOfShape', [square], s, [attr.tensor('value', { dims: [1], dataType: FLOAT, floatData: [1] })]);
  const lower = g.op('Trilu', [ones], s, [attr.int('upper', 0)]);
  return g.op('Mul', [g.op('Sub', [g.scalar(`${s}/one`, 1), lower], s), g.scalar(`${s}/masked`, MASKED)], s);
}

/** [rows, cols] row-major -> [cols, rows]. */
function transpose(m: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = m[r * cols + c]!;
  return out;
}
