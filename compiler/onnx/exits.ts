// Writes a model with its HashEE exits baked in as a standard-ops ONNX graph (opset 17, IR 8): the graph
// looks up each token's exit layer, sorts the batch's tokens by it and runs every layer on the active prefix.
//
// Layout. The real tokens of the whole batch (attention_mask 1) are flattened into one list of R rows,
// ordered by (exit layer descending, batch row, position) — a unique sort key, so the order is total and
// deterministic. Layer l's active tokens (exit >= l) are then the prefix [0, M_l) of that list, M_l
// counted in the graph. K and V are computed for all R rows; queries, output projection, LayerNorms and
// FFN for the M_l prefix rows only; the prefix is written back with a Concat in front of the untouched
// rows [M_l, R). Attention needs each query next to its own sequence's keys: queries are gathered into
// [batch, m_l, d] (m_l = the largest active count of one sequence at layer l, short sequences filled with
// rows whose results are dropped) against keys gathered into [batch, seq, d] in position order with the
// padding mask, and the context is gathered back to the M_l prefix rows. So the dense products cost
// exactly the active rows; only the attention scores of layer l cost batch x m_l x seq instead of the
// active rows' own lengths.

import type { ExitTable, LayerWeights, Model } from '../../contract/model.ts';
import { exitOf } from '../../runtime/plan.ts';
import { HasheeError } from '../errors.ts';
import { attr, FLOAT, INT64, type ValueInfoProto } from './proto.ts';
import { encodeModel, GraphBuilder, tensorInfo } from './builder.ts';
import {
  additiveMask, afterAttention, attentionInput, embeddings, finalNorm, head, storedLayer, linear, paramOf, splitHeads, type Style,
} from './blocks.ts';

const OPSET = 17;
const STYLE: Style = { linear: 'matmul', layerNorm: 'fused' };

/**
 * Outputs: `last_hidden_state` [batch, seq, d] (h^L in input order: each token's state at its own exit
 * layer; padding positions are 0), `logits` as the full-depth export, and `exit_layers` [batch, seq]
 * int64 (the exit layer of each token, 0 at padding). Inputs are the full-depth export's.
 */
export function exportOnnxWithExits(model: Model, table: ExitTable): Uint8Array {
  const L = model.arch.layers;
  if (L < 1) throw new HasheeError('usage', `a model with exits needs at least one layer, got ${L}`);
  const g = new GraphBuilder(OPSET, 'raw', 'initializers');
  const plan = buildPlan(g, model, table);
  const e = '/embeddings';
  let h = embeddings(g, STYLE, model, {
    ids: g.op('Gather', [plan.flatOf('input_ids'), plan.order], e),
    types: () => g.op('Gather', [plan.flatOf('token_type_ids'), plan.order], e),
    positions: () => g.op('Mod', [plan.order, plan.seqLen], e),
  }, 2); // [R, d]
  const mask = additiveMask(g);
  for (let l = 0; l < L; l++) h = prefixLayer(g, model, l, model.weights.layers[l]!, h, mask, plan);
  if (model.arch.norm === 'pre') h = finalNorm(g, STYLE, model, h);
  const o = '/output';
  const keep = g.op('Cast', [g.unsqueeze('attention_mask', [2], o)], o, [attr.int('to', FLOAT)]); // [batch, seq, 1]
  g.op('Mul', [g.op('Gather', [h, plan.rowOfSlot], o), keep], o, [], 'last_hidden_state');
  const outputs: ValueInfoProto[] = [
    tensorInfo('last_hidden_state', FLOAT, ['batch', 'seq', model.arch.hidden]),
    ...head(g, STYLE, model, 'last_hidden_state'),
    tensorInfo('exit_layers', INT64, ['batch', 'seq']),
  ];
  return encodeModel(g.finish('hashee_exits', outputs), OPSET);
}

/** The per-call plan, as graph values (int64). */
interface Plan {
  /** [N] = [batch * seq] view of an input. */
  flatOf(input: string): string;
  readonly zero: string;       // [1] 0
  readonly seqLen: string;     // [1] seq
  readonly real: string;       // [1] R = real tokens in the batch
  readonly order: string;      // [R] flat index (b * seq + s) of each sorted row
  readonly rowOfSlot: string;  // [batch, seq] sorted row of each position (padding: R - 1, a stand-in)
  readonly rowRanks: string;   // [batch, seq] sorted rows of each sequence in ascending order (row-rank j -> row)
  readonly querySeq: string;   // [N] sequence b of sorted row i
  readonly queryRank: string;  // [N] rank j of sorted row i inside its sequence (rowRanks[b, j] = i)
  /** [1] values of layer l (0-based): active rows M, widest sequence's active count m, M - 1. */
  at(l: number): { readonly active: string; readonly widest: string; readonly lastActive: string };
}

function buildPlan(g: GraphBuilder, model: Model, table: ExitTable): Plan {
  const { layers: L, vocabSize: V } = model.arch;
  const s = '/exits';
  const ints = (name: string, values: readonly number[]): string => g.ints(`${s}/${name}`, [values.length], values);
  const flatShape = ints('flat_shape', [-1]);
  const flatOf = (x: string): string => g.op('Reshape', [x, flatShape], s);
  const topK = (x: string, k: string, axis: number, largest: 0 | 1): string[] =>
    g.opOutputs('TopK', [x, k], s, [true, true], [attr.int('axis', axis), attr.int('largest', largest), attr.int('sorted', 1)]);
  // Exit layer of every position; 0 at padding, which sorts it behind every real token.
  const tableInit = g.ints('exits.table', [V], Array.from({ length: V }, (_, id) => exitOf(table, id, L)));
  const exit = g.op('Mul', [g.op('Gather', [tableInit, 'input_ids'], s), 'attention_mask'], s, [], 'exit_layers'); // [batch, seq]
  const shape = g.op('Shape', ['input_ids'], s); // [2]
  const zero = ints('zero', [0]);
  const one = ints('one', [1]);
  const seqLen = g.op('Slice', [shape, one, ints('two', [2])], s); // [1]
  const n = g.op('ReduceProd', [shape], s, [attr.int('keepdims', 1)]); // [1] N = batch * seq
  const iota = g.op('Range', [g.ints(`${s}/range_start`, [], [0]), g.op('Squeeze', [n], s), g.ints(`${s}/range_step`, [], [1])], s); // [N]
  // key = exit * N + (N - 1 - flat index): unique, larger for deeper exits, then earlier (row, position).
  const key = g.op('Add', [g.op('Mul', [flatOf(exit), n], s), g.op('Sub', [g.op('Sub', [n, one], s), iota], s)], s);
  const perm = topK(key, n, 0, 1)[1]!;              // [N] sorted row -> flat index
  const inverse = topK(perm, n, 0, 0)[1]!;          // [N] flat index -> sorted row (argsort of a permutation)
  const real = g.op('ReduceSum', [flatOf('attention_mask')], s, [attr.int('keepdims', 1)]); // [1] R
  const order = g.op('Slice', [perm, zero, real], s);
  const lastReal = g.op('Sub', [real, one], s);
  const rowOfSlot = g.op('Reshape', [g.op('Min', [inverse, lastReal], s), shape], s);
  // A sequence's sorted rows, ascending, are its tokens in (exit desc, position) order: its row-ranks.
  const rowRanks = topK(g.op('Reshape', [inverse, shape], s), seqLen, 1, 0)[0]!;
  const querySlot = topK(flatOf(rowRanks), n, 0, 0)[1]!; // [N] sorted row i -> b * seq + j
  const querySeq = g.op('Div', [querySlot, seqLen], s);
  const queryRank = g.op('Mod', [querySlot, seqLen], s);
  // Prefix lengths of every layer at once: counts of exit >= l, per sequence [batch, L] and in all [L].
  const levels = g.ints(`${s}/levels`, [L], Array.from({ length: L }, (_, l) => l + 1));
  const reached = g.op('Cast', [g.op('GreaterOrEqual', [g.unsqueeze(exit, [2], s), levels], s)], s, [attr.int('to', INT64)]); // [batch, seq, L]
  const perSeq = g.op('ReduceSum', [reached, ints('axis_1', [1])], s, [attr.int('keepdims', 0)]); // [batch, L]
  const active = g.op('ReduceSum', [perSeq, ints('axis_0', [0])], s, [attr.int('keepdims', 0)]); // [L]
  const widest = g.op('ReduceMax', [perSeq], s, [attr.ints('axes', [0]), attr.int('keepdims', 0)]); // [L]
  const lastActive = g.op('Sub', [active, one], s);
  const at = (l: number): ReturnType<Plan['at']> => {
    const sl = `${s}/layer.${l}`;
    const index = g.ints(`${sl}/index`, [1], [l]);
    const pick = (x: string): string => g.op('Gather', [x, index], sl);
    return { active: pick(active), widest: pick(widest), lastActive: pick(lastActive) };
  };
  return { flatOf, zero, seqLen, real, order, rowOfSlot, rowRanks, querySeq, queryRank, at };
}

/** One layer on the sorted rows h [R, d]: K/V for every row, the rest for the active prefix; returns [R, d]. */
function prefixLayer(g: GraphBuilder, model: Model, l: number, w: LayerWeights, h: string, mask: string, plan: Plan): string {
  const { hidden: d, heads } = model.arch;
  const li = storedLayer(model, l);
  const s = `/encoder/layer.${l}`;
  const { active, widest, lastActive } = plan.at(l);
  const { zero } = plan;
  const rows = (x: string, from: string, to: string): string => g.op('Slice', [x, from, to, zero], s);
  const input = attentionInput(g, STYLE, model, w, h, li, s); // [R, d]
  const keys = (x: string, perm: number[], scope: string): string => splitHeads(g, model, g.op('Gather', [x, plan.rowOfSlot], scope), perm, scope);
  const k = keys(linear(g, STYLE, input, w.kW, w.kB, d, d, paramOf('kW', li), `${s}/key`, 2), [0, 2, 3, 1], `${s}/key`);     // [b, h, dh, seq]
  const v = keys(linear(g, STYLE, input, w.vW, w.vB, d, d, paramOf('vW', li), `${s}/value`, 2), [0, 2, 1, 3], `${s}/value`); // [b, h, seq, dh]
  const prefixIn = rows(input, zero, active); // [M, d]
  const q = linear(g, STYLE, prefixIn, w.qW, w.qB, d, d, paramOf('qW', li), `${s}/query`, 2); // [M, d]
  // Query j of sequence b is its row-rank j; ranks past the sequence's own count read row M - 1 and are dropped.
  const queryRows = g.op('Min', [g.op('Slice', [plan.rowRanks, zero, widest, g.ints(`${s}/seq_axis`, [1], [1])], s), lastActive], s); // [b, m]
  const qh = splitHeads(g, model, g.op('Gather', [q, queryRows], `${s}/query`), [0, 2, 1, 3], `${s}/query`); // [b, h, m, dh]
  const a = `${s}/attention`;
  const scores = g.op('Div', [g.op('MatMul', [qh, k], a), g.scalar(`${a}/sqrt_dh`, Math.sqrt(d / heads))], a); // [b, h, m, seq]
  const probs = g.op('Softmax', [g.op('Add', [scores, mask], a)], a, [attr.int('axis', -1)]);
  const context = g.op('Transpose', [g.op('MatMul', [probs, v], a)], a, [attr.ints('perm', [0, 2, 1, 3])]); // [b, m, h, dh]
  const merged = g.op('Reshape', [context, g.ints(`${a}/merge_shape`, [2], [-1, d])], a); // [b * m, d]
  const back = rows(g.op('Add', [g.op('Mul', [plan.querySeq, widest], a), plan.queryRank], a), zero, active); // [M] b * m + j
  const attnOut = linear(g, STYLE, g.op('Gather', [merged, back], a), w.oW, w.oB, d, d, paramOf('oW', li), `${s}/attention/output`, 2);
  const residual = model.arch.norm === 'pre' ? rows(h, zero, active) : prefixIn;
  const updated = afterAttention(g, STYLE, model, w, residual, attnOut, li, s, 2); // [M, d]
  return g.op('Concat', [updated, rows(h, active, plan.real)], s, [attr.int('axis', 0)]);
}
