// ONNX files shaped like what real exporters write for BERT-family encoders, built from a hashee Model in
// the test suite (independent of compiler/onnx/export.ts): torch.onnx.export of Hugging Face DistilBERT,
// RoBERTa, ALBERT and pre-LN encoders, onnxruntime's transformer optimizer (com.microsoft fused ops),
// fp16 weights, external data and static shapes.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphBuilder, tensorInfo } from '../../compiler/onnx/builder.ts';
import { transpose } from '../../compiler/onnx/matrix.ts';
import { attr, onnx, FLOAT, INT32, INT64, type GraphProto, type NodeProto, type TensorProto, type ValueInfoProto } from '../../compiler/onnx/proto.ts';
import { createRng } from '../../compiler/util/rng.ts';
import type { LayerWeights, Model } from '../../contract/model.ts';

/** How attention is written when it is not fused. */
export interface AttentionStyle {
  /**
   * Where 1/sqrt(dh) goes: Div of the scores (BERT), Div of Q (DistilBERT), a constant dh^-1/4 on Q and K
   * (torch's SDPA export given the scale), or torch's SDPA export computing it: Sqrt(1 / Sqrt(Cast(Shape(q)[-1:]))).
   */
  readonly scale: 'scores' | 'query' | 'both' | 'sdpa';
  /** K to [b, h, dh, s]: one Transpose [0,2,3,1] of the split, or [0,2,1,3] then a separate [0,1,3,2] (k.transpose(2, 3)). */
  readonly keys: 'one' | 'separate';
  /** (1 - mask) * min added to the scores, or Where(mask == 0, min, scores) (masked_fill). */
  readonly mask: 'additive' | 'where';
  /**
   * Reshape shapes: constants [0, 0, h, dh]; DistilBERT's view(bs, -1, h, dh) as Concat(Unsqueeze(Gather(Shape)), [-1], [h], [dh]);
   * BERT's view(x.size()[:-1] + (h, dh)) as Concat(Slice(Shape(x), 0, -1), [h, dh]).
   */
  readonly shapes: 'constant' | 'view' | 'size';
}

export interface FixtureStyle {
  readonly opset?: number;                                   // default 17
  /** Position ids: Range(0, seq) expanded, a Slice of a position_ids buffer, RoBERTa's cumsum over input_ids. */
  readonly positions?: 'range' | 'buffer' | 'roberta';
  readonly paddingIdx?: number;                              // roberta: default 1
  /** With token types: a token_type_ids graph input, or a sliced and expanded buffer of zeros (no input). */
  readonly types?: 'input' | 'buffer';
  readonly embedding?: 'gathers' | 'fused';                  // fused: com.microsoft EmbedLayerNormalization
  readonly layerNorm?: 'fused' | 'decomposed';
  /** Residual add + LayerNorm: Add then LayerNorm, or com.microsoft SkipLayerNormalization with the bias folded in. */
  readonly residual?: 'add' | 'skip';
  /** com.microsoft Attention (packed QKV) with a mask index ([batch] lengths) or the raw 2-D mask, or decomposed. */
  readonly attention?: { readonly fused: 'index' | 'raw' } | AttentionStyle;
  /** GELU: ONNX ops (Erf, or Tanh and Pow), com.microsoft Gelu/FastGelu after the bias Add, or BiasGelu/FastGelu taking the bias. */
  readonly gelu?: 'onnx' | 'contrib' | 'contrib-bias';
  readonly linear?: 'matmul' | 'gemm';
  readonly firstToken?: 'gather' | 'slice';                  // [:, 0] as Gather(axis 1) or Slice + Squeeze
  readonly intInputs?: 'int64' | 'int32';
  /** Static input dims [batch, seq] (shapes then come out of the exporter as constants), else symbolic batch/sequence. */
  readonly staticShape?: readonly [number, number];
  /** Shared layers: one set of initializers (default), or a copy of each per layer as constant folding leaves them. */
  readonly sharedAs?: 'one' | 'copies';
  /** Rows of the file's position table before hashee's position 0 (RoBERTa: paddingIdx + 1): written with seeded values. */
  readonly seed?: number;
}

export interface Fixture {
  readonly bytes: Uint8Array;
  readonly ids: string;                 // graph input names
  readonly mask: string;
  readonly types?: string;
  readonly intType: 'int64' | 'int32';
  readonly staticShape?: readonly [number, number];
  readonly padId: number;               // what padded positions hold for onnxruntime
  readonly positionOffset: number;
}

const FINFO_MIN = -3.4028234663852886e38; // torch.finfo(float32).min, what HF masks with

/** Writes `model` (hashee layout) as an ONNX encoder in the given style; outputs last_hidden_state (and logits). */
export function encoderFixture(model: Model, style: FixtureStyle = {}): Fixture {
  const w = new FixtureWriter(model, style);
  return w.build();
}

class FixtureWriter {
  private readonly g: GraphBuilder;
  private readonly opset: number;
  private readonly names = new Map<Float32Array, string>();
  private readonly packed = new Map<LayerWeights, string[]>();
  private count = 0;
  private readonly intType: 'int64' | 'int32';
  private readonly positions: 'range' | 'buffer' | 'roberta';
  private readonly pad: number;
  private readonly offset: number;

  constructor(private readonly model: Model, private readonly style: FixtureStyle) {
    this.opset = style.opset ?? 17;
    this.g = new GraphBuilder(this.opset, 'raw', 'initializers');
    this.intType = style.intInputs ?? 'int64';
    this.positions = style.positions ?? 'range';
    this.pad = style.paddingIdx ?? 1;
    this.offset = this.positions === 'roberta' ? this.pad + 1 : 0;
  }

  /** A float initializer, one per distinct array (shared layers' arrays are written once). */
  private param(data: Float32Array, dims: readonly number[], label: string, share = true): string {
    const known = share ? this.names.get(data) : undefined;
    if (known) return known;
    const name = `${label}_${this.count++}`;
    this.g.floats(name, dims, data);
    if (share) this.names.set(data, name);
    return name;
  }

  private ints(values: readonly number[], dims: readonly number[] = [values.length]): string {
    return this.g.ints(`const_${this.count++}`, dims, values);
  }

  /** An INT32 initializer (what torch writes for `.int()` arithmetic). */
  private int32s(values: readonly number[], dims: readonly number[]): string {
    const name = `const32_${this.count++}`;
    this.g.initializers.push({ name, dims: [...dims], dataType: INT32, int32Data: [...values] });
    return name;
  }

  private scalar(v: number): string {
    return this.g.scalar(`scalar_${this.count++}`, v);
  }

  build(): Fixture {
    const { arch, head, weights: w } = this.model;
    const g = this.g, s = this.style;
    const d = arch.hidden, E = arch.embeddingSize;
    const dims: (string | number)[] = s.staticShape ? [...s.staticShape] : ['batch', 'sequence'];
    const elem = this.intType === 'int64' ? INT64 : INT32;
    const typesInput = arch.typeVocabSize > 0 && (s.types ?? 'input') === 'input';
    const inputs: ValueInfoProto[] = [tensorInfo('input_ids', elem, dims), tensorInfo('attention_mask', elem, dims)];
    if (typesInput) inputs.push(tensorInfo('token_type_ids', elem, dims));

    const { h0, maskIndex } = s.embedding === 'fused' ? this.fusedEmbeddings(typesInput) : { h0: this.embeddings(typesInput), maskIndex: undefined };
    let x = h0;
    if (E !== d) x = this.linear(x, w.embProjW!, w.embProjB!, E, d, 3, 'embedding_hidden_mapping_in');
    const mask = this.attentionMask(maskIndex);
    const skip = s.residual === 'skip';
    let stream = x;            // the residual stream (pre-LN) or the layer input (post-LN)
    let pendingNorm: string | undefined; // pre-LN with SkipLayerNormalization: LN of the stream already computed
    for (let l = 0; l < arch.layers; l++) {
      const lw = w.layers[l]!;
      const share = s.sharedAs !== 'copies';
      if (arch.norm === 'post') {
        const o = this.attention(stream, lw, mask, l, share, skip);
        const h1 = this.residualNorm(o, stream, lw.ln1G, lw.ln1B, skip ? lw.oB : undefined, share, false).normed;
        const f2 = this.ffn(h1, lw, l, share, skip);
        stream = this.residualNorm(f2, h1, lw.ln2G, lw.ln2B, skip ? lw.f2B : undefined, share, false).normed;
      } else {
        const a = pendingNorm ?? this.layerNorm(stream, lw.ln1G, lw.ln1B, `ln1_${l}`, share);
        const o = this.attention(a, lw, mask, l, share, skip);
        const r1 = this.residualNorm(o, stream, lw.ln2G, lw.ln2B, skip ? lw.oB : undefined, share, true);
        const f2 = this.ffn(r1.normed, lw, l, share, skip);
        if (skip) { // the next LN (next layer's LN1, or the final one) fuses with this residual
          const last = l === arch.layers - 1;
          const [gN, bN] = last ? [w.finalLnG!, w.finalLnB!] : [w.layers[l + 1]!.ln1G, w.layers[l + 1]!.ln1B];
          const r2 = this.skipNorm(f2, r1.sum!, gN, bN, lw.f2B, share, !last);
          pendingNorm = r2.normed;
          stream = r2.sum ?? '';
        } else {
          stream = g.op('Add', [f2, r1.sum!], `/layer.${l}/output`);
        }
      }
    }
    const final = arch.norm === 'pre' ? pendingNorm ?? this.layerNorm(stream, w.finalLnG!, w.finalLnB!, 'final_ln', true) : stream;
    g.op('Identity', [final], '/output', [], 'last_hidden_state');
    const outputs = [tensorInfo('last_hidden_state', FLOAT, [...dims, d])];
    if (head.kind === 'token') {
      this.linear(final, w.head.classifierW!, w.head.classifierB!, d, head.labels, 3, 'classifier', 'logits');
      outputs.push(tensorInfo('logits', FLOAT, [...dims, head.labels]));
    } else if (head.kind !== 'none') {
      const n = head.kind === 'regression' ? 1 : head.labels;
      const cls = s.firstToken === 'slice'
        ? g.op('Squeeze', [g.op('Slice', [final, this.ints([0]), this.ints([1]), this.ints([1])], '/head'), this.ints([1])], '/head')
        : g.op('Gather', [final, this.ints([0], [])], '/head', [attr.int('axis', 1)]);
      const dense = this.linear(cls, w.head.poolerW!, w.head.poolerB!, d, d, 2, 'pre_classifier');
      const act = g.op(head.pooler === 'relu' ? 'Relu' : 'Tanh', [dense], '/head');
      this.linear(act, w.head.classifierW!, w.head.classifierB!, d, n, 2, 'classifier', 'logits');
      outputs.push(tensorInfo('logits', FLOAT, [dims[0]!, n]));
    }
    const graph = g.finish('encoder', outputs, inputs);
    const opsetImport = [{ domain: '', version: this.opset }, ...(usesContrib(graph) ? [{ domain: 'com.microsoft', version: 1 }] : [])];
    const bytes = onnx.ModelProto.encode(onnx.ModelProto.create({ irVersion: 8, producerName: 'pytorch', opsetImport, graph })).finish();
    return {
      bytes, ids: 'input_ids', mask: 'attention_mask', ...(typesInput ? { types: 'token_type_ids' } : {}),
      intType: this.intType, ...(s.staticShape ? { staticShape: s.staticShape } : {}),
      padId: this.positions === 'roberta' ? this.pad : 0, positionOffset: this.offset,
    };
  }

  /** seq = Shape(input_ids)[1] as a 1-element tensor (for Slice ends, Concat). */
  private seqLength(scope: string): string {
    const seq = this.g.op('Gather', [this.g.op('Shape', ['input_ids'], scope), this.ints([1], [])], scope, [attr.int('axis', 0)]);
    return this.g.unsqueeze(seq, [0], scope);
  }

  /** The position table as the file has it: RoBERTa's has paddingIdx + 1 leading rows (seeded values). */
  private positionTable(): string {
    const { arch, weights: w } = this.model;
    const E = arch.embeddingSize;
    if (this.offset === 0) return this.param(w.posEmb, [arch.maxPositions, E], 'position_embeddings');
    const table = new Float32Array((arch.maxPositions + this.offset) * E);
    createRng(this.style.seed ?? 3).fillUniform(table.subarray(0, this.offset * E), -0.3, 0.3);
    table.set(w.posEmb, this.offset * E);
    return this.param(table, [arch.maxPositions + this.offset, E], 'position_embeddings');
  }

  private positionIds(): string {
    const g = this.g, sc = '/embeddings/positions';
    const P = this.model.arch.maxPositions + this.offset;
    if (this.style.staticShape) { // traced with fixed shapes: torch folds the ids to a constant
      const seq = this.style.staticShape[1];
      return this.ints(Array.from({ length: seq }, (_, i) => i), [1, seq]);
    }
    switch (this.positions) {
      case 'range': { // DistilBERT: arange(seq).unsqueeze(0).expand_as(input_ids)
        const seq = g.op('Gather', [g.op('Shape', ['input_ids'], sc), this.ints([1], [])], sc, [attr.int('axis', 0)]);
        const range = g.op('Range', [this.ints([0], []), seq, this.ints([1], [])], sc);
        return g.op('Expand', [g.unsqueeze(range, [0], sc), g.op('Shape', ['input_ids'], sc)], sc);
      }
      case 'buffer': // BERT: self.position_ids[:, 0:seq]
        return g.op('Slice', [this.ints(Array.from({ length: P }, (_, i) => i), [1, P]), this.ints([0]), this.seqLength(sc), this.ints([1])], sc);
      case 'roberta': { // create_position_ids_from_input_ids: cumsum(ids != pad) * (ids != pad) + pad
        const ids64 = this.intType === 'int64' ? 'input_ids' : g.op('Cast', ['input_ids'], sc, [attr.int('to', INT64)]);
        const ne = g.op('Not', [g.op('Equal', [ids64, this.ints([this.pad], [])], sc)], sc);
        const m = g.op('Cast', [ne], sc, [attr.int('to', INT32)]);
        const cum = g.op('Cast', [g.op('CumSum', [m, this.ints([1], [])], sc)], sc, [attr.int('to', INT32)]);
        const masked = g.op('Mul', [g.op('Add', [cum, this.int32s([0], [])], sc), m], sc); // + past_key_values_length
        return g.op('Add', [g.op('Cast', [masked], sc, [attr.int('to', INT64)]), this.ints([this.pad], [])], sc);
      }
    }
  }

  private embeddings(typesInput: boolean): string {
    const { arch, weights: w } = this.model;
    const g = this.g, sc = '/embeddings';
    const E = arch.embeddingSize;
    const word = g.op('Gather', [this.param(w.wordEmb, [arch.vocabSize, E], 'word_embeddings'), 'input_ids'], sc);
    const pos = g.op('Gather', [this.positionTable(), this.positionIds()], sc);
    let type: string | undefined;
    if (arch.typeVocabSize > 0) {
      const table = this.param(w.typeEmb, [arch.typeVocabSize, E], 'token_type_embeddings');
      const P = arch.maxPositions + this.offset;
      const ids = typesInput ? 'token_type_ids'
        : g.op('Expand', [g.op('Slice', [this.ints(new Array<number>(P).fill(0), [1, P]), this.ints([0]), this.seqLength(sc), this.ints([1])], sc), g.op('Shape', ['input_ids'], sc)], sc);
      type = g.op('Gather', [table, ids], sc);
    }
    const partial = type ? g.op('Add', [word, type], sc) : word;
    if (this.style.residual === 'skip') { // the optimizer fuses the last Add with the LayerNorm
      return this.skipNorm(partial, pos, w.embLnG, w.embLnB, undefined, true, false).normed;
    }
    return this.layerNorm(g.op('Add', [partial, pos], sc), w.embLnG, w.embLnB, 'embeddings_ln', true);
  }

  /** EmbedLayerNormalization(ids, segment ids?, word, position, segment?, gamma, beta, mask) -> (h0, mask index). */
  private fusedEmbeddings(typesInput: boolean): { h0: string; maskIndex: string } {
    const { arch, weights: w } = this.model;
    const E = arch.embeddingSize, sc = '/embeddings';
    const int32 = (v: string): string => (this.intType === 'int32' ? v : this.g.op('Cast', [v], sc, [attr.int('to', INT32)]));
    const [out, maskIndex] = this.g.opOutputs('EmbedLayerNormalization', [
      int32('input_ids'), typesInput ? int32('token_type_ids') : '',
      this.param(w.wordEmb, [arch.vocabSize, E], 'word_embeddings'), this.positionTable(),
      typesInput ? this.param(w.typeEmb, [arch.typeVocabSize, E], 'token_type_embeddings') : '',
      this.param(w.embLnG, [E], 'ln_gamma'), this.param(w.embLnB, [E], 'ln_beta'), int32('attention_mask'),
    ], sc, [true, true], [attr.float('epsilon', arch.layerNormEps)], 'com.microsoft');
    return { h0: out!, maskIndex: maskIndex! };
  }

  /** Decomposed attention: the additive [b, 1, 1, s] mask or the Where condition. Fused: the mask index or raw mask (int32). */
  private attentionMask(maskIndex: string | undefined): string {
    const g = this.g, sc = '/mask', att = this.style.attention;
    const int32 = (v: string): string => (this.intType === 'int32' ? v : g.op('Cast', [v], sc, [attr.int('to', INT32)]));
    if (att && 'fused' in att) {
      if (att.fused === 'raw') return int32('attention_mask');
      return maskIndex ?? g.op('ReduceSum', [int32('attention_mask'), this.ints([1])], sc, [attr.int('keepdims', 0)]);
    }
    if (att?.mask === 'where') { // DistilBERT: (mask == 0).view(bs, 1, 1, k)
      const zero = this.intType === 'int64' ? this.ints([0], []) : this.int32s([0], []);
      return g.unsqueeze(g.op('Equal', ['attention_mask', zero], sc), [1, 2], sc);
    }
    const m = g.op('Cast', [g.unsqueeze('attention_mask', [1, 2], sc)], sc, [attr.int('to', FLOAT)]);
    return g.op('Mul', [g.op('Sub', [this.scalar(1), m], sc), this.scalar(FINFO_MIN)], sc);
  }

  /** Self-attention on a [b, s, d] and its output projection (without bias when a SkipLayerNormalization takes it). */
  private attention(a: string, lw: LayerWeights, mask: string, l: number, share: boolean, foldBias: boolean): string {
    const { hidden: d, heads } = this.model.arch;
    const g = this.g, sc = `/layer.${l}/attention`, dh = d / heads;
    const style = this.style.attention ?? { scale: 'scores', keys: 'one', mask: 'additive', shapes: 'constant' };
    let context: string;
    if ('fused' in style) {
      const [wName, bName] = this.packedQkv(lw, share);
      context = g.opOutputs('Attention', [a, wName, bName, mask], sc, [true], [attr.int('num_heads', heads)], 'com.microsoft')[0]!;
    } else {
      const q = this.linear(a, lw.qW, lw.qB, d, d, 3, `query_${l}`, undefined, share);
      const k = this.linear(a, lw.kW, lw.kB, d, d, 3, `key_${l}`, undefined, share);
      const v = this.linear(a, lw.vW, lw.vB, d, d, 3, `value_${l}`, undefined, share);
      const split = (t: string): string => g.op('Reshape', [t, this.headShape(t, [heads, dh], sc)], sc);
      const toHeads = (t: string, perm: number[]): string => g.op('Transpose', [split(t)], sc, [attr.ints('perm', perm)]);
      let qh = toHeads(q, [0, 2, 1, 3]);
      let kh = style.keys === 'one' ? toHeads(k, [0, 2, 3, 1]) : g.op('Transpose', [toHeads(k, [0, 2, 1, 3])], sc, [attr.ints('perm', [0, 1, 3, 2])]);
      const vh = toHeads(v, [0, 2, 1, 3]);
      if (style.scale === 'query') qh = g.op('Div', [qh, this.scalar(Math.sqrt(dh))], sc);
      if (style.scale === 'both') {
        qh = g.op('Mul', [qh, this.scalar(dh ** -0.25)], sc);
        kh = g.op('Mul', [kh, this.scalar(dh ** -0.25)], sc);
      }
      if (style.scale === 'sdpa') { // symbolic_opset14 scaled_dot_product_attention with scale=None
        const last = g.op('Slice', [g.op('Shape', [qh], sc), this.ints([-1]), this.ints([Number.MAX_SAFE_INTEGER])], sc);
        const scale = g.op('Div', [this.g.floats(`one_${this.count++}`, [1], Float32Array.of(1)), g.op('Sqrt', [g.op('Cast', [last], sc, [attr.int('to', FLOAT)])], sc)], sc);
        qh = g.op('Mul', [qh, g.op('Sqrt', [scale], sc)], sc);
        kh = g.op('Mul', [kh, g.op('Sqrt', [scale], sc)], sc);
      }
      let scores = g.op('MatMul', [qh, kh], sc);
      if (style.scale === 'scores') scores = g.op('Div', [scores, this.scalar(Math.sqrt(dh))], sc);
      scores = style.mask === 'where'
        ? g.op('Where', [mask, this.scalar(FINFO_MIN), scores], sc)
        : g.op('Add', [scores, mask], sc);
      const probs = g.op('Softmax', [scores], sc, [attr.int('axis', -1)]);
      const ctx = g.op('Transpose', [g.op('MatMul', [probs, vh], sc)], sc, [attr.ints('perm', [0, 2, 1, 3])]);
      context = g.op('Reshape', [ctx, this.headShape(ctx, [d], sc)], sc);
    }
    return this.linear(context, lw.oW, lw.oB, d, d, 3, `attention_output_${l}`, undefined, share, foldBias);
  }

  /** [b, s, ...last] as Reshape wants it: constants with 0 (or the static dims), or computed from Shape(t) as torch writes view(). */
  private headShape(t: string, last: readonly number[], sc: string): string {
    const s = this.style;
    if (s.staticShape) return this.ints([...s.staticShape, ...last]);
    const style = s.attention && !('fused' in s.attention) ? s.attention : undefined;
    if (!style || style.shapes === 'constant') return this.ints([0, 0, ...last]);
    const g = this.g;
    const shape = g.op('Shape', [t], sc);
    const axis = [attr.int('axis', 0)];
    if (style.shapes === 'view') { // bs = x.size(0); view(bs, -1, ...last)
      const bs = g.unsqueeze(g.op('Gather', [shape, this.ints([0], [])], sc, axis), [0], sc);
      return g.op('Concat', [bs, this.ints([-1]), this.ints([...last])], sc, axis);
    }
    // x.size()[:-1] + (h, dh) splits [b, s, d]; merging [b, s, h, dh] keeps size()[:-2]
    const kept = g.op('Slice', [shape, this.ints([0]), this.ints([last.length === 2 ? -1 : -2]), this.ints([0])], sc);
    return g.op('Concat', [kept, this.ints([...last])], sc, axis);
  }

  /** [d, 3d] packed Q|K|V weights and their [3d] bias, written once per layer weights object (unless copies). */
  private packedQkv(lw: LayerWeights, share: boolean): string[] {
    const known = share ? this.packed.get(lw) : undefined;
    if (known) return known;
    const d = this.model.arch.hidden;
    const wq = new Float32Array(d * 3 * d), bq = new Float32Array(3 * d);
    [lw.qW, lw.kW, lw.vW].forEach((m, j) => {
      for (let r = 0; r < d; r++) wq.set(m.subarray(r * d, (r + 1) * d), r * 3 * d + j * d);
    });
    [lw.qB, lw.kB, lw.vB].forEach((b, j) => bq.set(b, j * d));
    const names = [this.param(wq, [d, 3 * d], 'qkv_weight', false), this.param(bq, [3 * d], 'qkv_bias', false)];
    this.packed.set(lw, names);
    return names;
  }

  private ffn(x: string, lw: LayerWeights, l: number, share: boolean, foldBias: boolean): string {
    const { hidden: d, ffn: f, activation } = this.model.arch;
    const g = this.g, sc = `/layer.${l}/ffn`, gelu = this.style.gelu ?? 'onnx';
    const takesBias = activation !== 'relu' && gelu === 'contrib-bias';
    const up = this.linear(x, lw.f1W, lw.f1B, d, f, 3, `intermediate_${l}`, undefined, share, takesBias);
    let act: string;
    if (activation === 'relu') act = g.op('Relu', [up], sc);
    else if (gelu === 'onnx') act = activation === 'gelu' ? this.erfGelu(up, sc) : this.tanhGelu(up, sc);
    else {
      const op = activation === 'gelu' ? (takesBias ? 'BiasGelu' : 'Gelu') : 'FastGelu';
      const inputs = takesBias ? [up, this.param(lw.f1B, [f], `intermediate_bias_${l}`, share)] : [up];
      act = g.opOutputs(op, inputs, sc, [true], [], 'com.microsoft')[0]!;
    }
    return this.linear(act, lw.f2W, lw.f2B, f, d, 3, `output_${l}`, undefined, share, foldBias);
  }

  /** torch's F.gelu at opset < 20: x * 0.5 * (1 + erf(x / sqrt 2)), as Div, Erf, Add, Mul, Mul. */
  private erfGelu(x: string, sc: string): string {
    const g = this.g;
    const erf = g.op('Erf', [g.op('Div', [x, this.scalar(Math.SQRT2)], sc)], sc);
    return g.op('Mul', [g.op('Mul', [x, g.op('Add', [erf, this.scalar(1)], sc)], sc), this.scalar(0.5)], sc);
  }

  /** HF's NewGELUActivation (ALBERT's gelu_new): 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))). */
  private tanhGelu(x: string, sc: string): string {
    const g = this.g;
    const cube = g.op('Pow', [x, this.scalar(3)], sc);
    const inner = g.op('Mul', [g.op('Add', [x, g.op('Mul', [cube, this.scalar(0.044715)], sc)], sc), this.scalar(Math.sqrt(2 / Math.PI))], sc);
    const t = g.op('Add', [g.op('Tanh', [inner], sc), this.scalar(1)], sc);
    return g.op('Mul', [g.op('Mul', [x, this.scalar(0.5)], sc), t], sc);
  }

  /** y = x @ W + b for W [in, out]; `rank` is x's rank; foldBias leaves the bias to the next fused op. */
  private linear(x: string, w: Float32Array, b: Float32Array, nIn: number, nOut: number, rank: 2 | 3, label: string,
    output?: string, share = true, foldBias = false): string {
    const g = this.g, sc = `/${label}`;
    if ((this.style.linear ?? 'matmul') === 'matmul' || foldBias) {
      const mm = g.op('MatMul', [x, this.param(w, [nIn, nOut], `${label}_weight`, share)], sc, [], foldBias ? output : undefined);
      return foldBias ? mm : g.op('Add', [mm, this.param(b, [nOut], `${label}_bias`, share)], sc, [], output);
    }
    const wt = this.param(transpose(w, nIn, nOut), [nOut, nIn], `${label}_weight_t`, false);
    const flat = rank === 2 ? x : g.op('Reshape', [x, this.ints([-1, nIn])], sc);
    const gemm = g.op('Gemm', [flat, wt, this.param(b, [nOut], `${label}_bias`, share)], sc, [attr.int('transB', 1)], rank === 2 ? output : undefined);
    if (rank === 2) return gemm;
    const back = this.style.staticShape ? this.ints([...this.style.staticShape, nOut]) : this.g.shapeWith(nOut);
    return g.op('Reshape', [gemm, back], sc, [], output);
  }

  private layerNorm(x: string, gamma: Float32Array, beta: Float32Array, label: string, share: boolean): string {
    const g = this.g, sc = `/${label}`, eps = this.model.arch.layerNormEps;
    const gName = this.param(gamma, [gamma.length], `${label}_weight`, share), bName = this.param(beta, [beta.length], `${label}_bias`, share);
    if ((this.style.layerNorm ?? 'fused') === 'fused') {
      return g.op('LayerNormalization', [x, gName, bName], sc, [attr.int('axis', -1), attr.float('epsilon', eps)]);
    }
    const centered = g.op('Sub', [x, g.reduceMeanLast(x, sc)], sc);
    const variance = g.reduceMeanLast(g.op('Pow', [centered, this.scalar(2)], sc), sc);
    const std = g.op('Sqrt', [g.op('Add', [variance, this.scalar(eps)], sc)], sc);
    return g.op('Add', [g.op('Mul', [g.op('Div', [centered, std], sc), gName], sc), bName], sc);
  }

  /** SkipLayerNormalization(input, skip, gamma, beta, bias?) -> (LN, sum when asked for as output 3). */
  private skipNorm(input: string, skipValue: string, gamma: Float32Array, beta: Float32Array, bias: Float32Array | undefined, share: boolean, wantSum: boolean): { normed: string; sum?: string } {
    const n = gamma.length;
    const ins = [input, skipValue, this.param(gamma, [n], 'skip_ln_gamma', share), this.param(beta, [n], 'skip_ln_beta', share), ...(bias ? [this.param(bias, [n], 'skip_ln_bias', share)] : [])];
    const outs = this.g.opOutputs('SkipLayerNormalization', ins, '/skip_ln', [true, false, false, wantSum], [attr.float('epsilon', this.model.arch.layerNormEps)], 'com.microsoft');
    return { normed: outs[0]!, ...(wantSum ? { sum: outs[3]! } : {}) };
  }

  /** LN(out + residual): Add + LayerNorm, or SkipLayerNormalization; `wantSum` also returns out + residual. */
  private residualNorm(out: string, residual: string, gamma: Float32Array, beta: Float32Array, bias: Float32Array | undefined, share: boolean, wantSum: boolean): { normed: string; sum?: string } {
    if (this.style.residual === 'skip') return this.skipNorm(out, residual, gamma, beta, bias, share, wantSum);
    const sum = this.g.op('Add', [out, residual], '/residual');
    return { normed: this.layerNorm(sum, gamma, beta, 'ln', share), sum };
  }
}

function usesContrib(graph: GraphProto): boolean {
  return (graph.node ?? []).some((n: NodeProto) => n.domain === 'com.microsoft');
}

/** Round-to-nearest-even float -> IEEE half bits (finite values in half range). */
export function halfBits(x: number): number {
  const f = new Float32Array([x]);
  const u = new Uint32Array(f.buffer)[0]!;
  const sign = (u >>> 16) & 0x8000;
  const exp = ((u >>> 23) & 0xff) - 127 + 15;
  const mant = u & 0x7fffff;
  if (exp <= 0) { // subnormal half: value = m * 2^-24
    const m = Math.abs(x) / 2 ** -24;
    const r = Math.round(m) === m + 0.5 && Math.floor(m) % 2 === 0 ? Math.floor(m) : Math.round(m);
    return sign | r;
  }
  let h = (exp << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && (h & 1))) h++;
  return sign | h;
}

/** Half bits -> value, from the IEEE layout (independent of the importer's decoder). */
export function halfValue(h: number): number {
  const s = h & 0x8000 ? -1 : 1, e = (h >> 10) & 0x1f, m = h & 0x3ff;
  return e === 0 ? s * m * 2 ** -24 : s * 2 ** (e - 15) * (1 + m / 1024);
}

/** The model with every weight rounded to fp16 (what a file with fp16 initializers holds). */
export function roundedToHalf(model: Model): Model {
  const r = (a: Float32Array): Float32Array => a.map((v) => halfValue(halfBits(v)));
  const map = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v instanceof Float32Array ? r(v) : v])) as T;
  const layerCache = new Map<LayerWeights, LayerWeights>();
  const layers = model.weights.layers.map((l) => layerCache.get(l) ?? (layerCache.set(l, map(l)), layerCache.get(l)!));
  return { ...model, weights: { ...map(model.weights), layers, head: map(model.weights.head) } };
}

/** Every float initializer with more than one value stored as FLOAT16, followed by a Cast to float (as fp16 weight compression writes it). */
export function withFp16Weights(bytes: Uint8Array): Uint8Array {
  const proto = onnx.ModelProto.decode(bytes);
  const graph = proto.graph!;
  const casts: NodeProto[] = [];
  graph.initializer = (graph.initializer ?? []).map((t) => {
    if (t.dataType !== FLOAT || (t.rawData?.length ?? 0) <= 4) return t;
    const f = new Float32Array(new Uint8Array(t.rawData!).buffer);
    const half = new Uint8Array(2 * f.length);
    const view = new DataView(half.buffer);
    f.forEach((v, i) => view.setUint16(2 * i, halfBits(v), true));
    casts.push({ name: `${t.name}/Cast`, opType: 'Cast', input: [`${t.name}_fp16`], output: [t.name!], attribute: [attr.int('to', FLOAT)] });
    return { ...t, name: `${t.name}_fp16`, dataType: onnx.TensorProto.DataType.FLOAT16, rawData: half };
  });
  graph.node = [...casts, ...(graph.node ?? [])];
  return onnx.ModelProto.encode(proto).finish();
}

/**
 * Moves the raw bytes of every float initializer of at least `threshold` bytes into `dir/dataFile` (16-byte
 * aligned), leaving data_location EXTERNAL and location/offset/length entries, as onnx's
 * convert_model_to_external_data does (small shape constants stay inline: shape inference reads them).
 * Returns the model bytes (to be written next to the data file).
 */
export function withExternalData(bytes: Uint8Array, dir: string, dataFile: string, threshold = 128): Uint8Array {
  const proto = onnx.ModelProto.decode(bytes);
  const chunks: Uint8Array[] = [];
  let offset = 0;
  proto.graph!.initializer = (proto.graph!.initializer ?? []).map((t): TensorProto => {
    const raw = t.rawData;
    const float = t.dataType === FLOAT || t.dataType === onnx.TensorProto.DataType.FLOAT16;
    if (!raw || raw.length < threshold || !float) return t;
    const start = Math.ceil(offset / 16) * 16;
    if (start > offset) chunks.push(new Uint8Array(start - offset));
    chunks.push(raw);
    offset = start + raw.length;
    return {
      ...t, rawData: new Uint8Array(0), dataLocation: onnx.TensorProto.DataLocation.EXTERNAL,
      externalData: [{ key: 'location', value: dataFile }, { key: 'offset', value: String(start) }, { key: 'length', value: String(raw.length) }],
    };
  });
  writeFileSync(join(dir, dataFile), Buffer.concat(chunks));
  return onnx.ModelProto.encode(proto).finish();
}

/** The model's sinusoidal position table (DistilBERT's sinusoidal_pos_embds): sin on even columns, cos on odd. */
export function sinusoidalPositions(rows: number, dim: number): Float32Array {
  const out = new Float32Array(rows * dim);
  for (let p = 0; p < rows; p++) {
    for (let j = 0; j < dim; j++) {
      const angle = p / 10000 ** ((2 * Math.floor(j / 2)) / dim);
      out[p * dim + j] = j % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }
  }
  return out;
}
