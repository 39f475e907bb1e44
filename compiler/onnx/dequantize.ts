// Quantized ONNX graphs back to f32 before the structural importer reads them: what onnxruntime's
// quantize_dynamic writes (DynamicQuantizeLinear -> MatMulInteger -> Cast -> Mul by the scales; Gather of a
// uint8 table (or its Slice) -> DequantizeLinear), what onnxruntime's optimizer fuses that into (com.microsoft
// DynamicQuantizeMatMul, MatMulIntegerToFloat), and QDQ weights (DequantizeLinear of a constant). Each
// becomes the float op it stands for on the dequantized weights, W = (q - zero_point) * scale, per tensor
// or per column, so every matcher downstream sees a plain MatMul or Gather. transformers.js ships such
// `model_quantized.onnx` files. Activations are not quantized by hashee's import: it reads weights only.

import { DATA_TYPE, floatTensor, intAttr, tensorDims, type GraphProto, type NodeProto, type TensorProto } from './proto.ts';
import type { OnnxGraph } from './graph.ts';

export interface Dequantized {
  readonly graph: GraphProto;
  /** Quantized products and tables rewritten to f32 (0: the graph had none). */
  readonly dequantized: number;
}

const MS = 'com.microsoft';

/** The graph with its quantized weights as f32 constants; `g` indexes the same graph (constants, users). */
export function dequantizeGraph(graph: GraphProto, g: OnnxGraph): Dequantized {
  const removed = new Set<NodeProto>();
  const replaced = new Map<NodeProto, NodeProto[]>();
  const added: TensorProto[] = [];
  let count = 0;
  const fresh = (base: string): string => `${base}_dequantized_${count}`;
  /** A constant's integer codes (int8 or uint8), with its dims. */
  const codes = (value: string | undefined): { dims: number[]; data: number[] } | undefined => {
    const t = value ? g.tensor(value) : undefined;
    if (!t || (t.dataType !== DATA_TYPE.INT8 && t.dataType !== DATA_TYPE.UINT8)) return undefined;
    const data = g.intsOf(t);
    return data && { dims: tensorDims(t), data };
  };
  /** (q - zp) * scale as f32, the scale and zero point per tensor or along `axis` (of a 2-D q: 0 rows, 1 columns). */
  const values = (q: { dims: number[]; data: number[] }, scale: Float32Array, zp: number[] | undefined, axis: number): Float32Array | undefined => {
    const cols = q.dims.length === 2 ? q.dims[1]! : q.data.length;
    const along = scale.length === 1 ? 0 : axis === 0 ? q.dims[0]! : cols;
    if (scale.length !== 1 && (q.dims.length !== 2 || scale.length !== along)) return undefined;
    if (zp && zp.length !== scale.length) return undefined;
    const out = new Float32Array(q.data.length);
    for (let i = 0; i < out.length; i++) {
      const c = scale.length === 1 ? 0 : axis === 0 ? Math.floor(i / cols) : i % cols;
      out[i] = Math.fround((q.data[i]! - (zp?.[c] ?? 0)) * scale[c]!);
    }
    return out;
  };
  const floatConst = (name: string, dims: readonly number[], data: Float32Array): string => {
    added.push(floatTensor(name, dims, data, 'raw'));
    return name;
  };
  const onlyUser = (value: string, op: string): NodeProto | undefined => {
    const users = g.consumers(value);
    return users.length === 1 && users[0]!.opType === op ? users[0] : undefined;
  };
  /** MatMul(x, W) [+ Add bias] in place of `node` (ending at `out`): the float op the quantized chain stands for. */
  const matmul = (node: NodeProto, x: string, w: Float32Array, dims: readonly number[], out: string, bias?: string): NodeProto[] => {
    const weight = floatConst(fresh(node.input![1]!), dims, w);
    count++;
    const name = node.name || out;
    if (!bias) return [{ name: `${name}_MatMul`, opType: 'MatMul', input: [x, weight], output: [out] }];
    return [
      { name: `${name}_MatMul`, opType: 'MatMul', input: [x, weight], output: [`${out}_no_bias`] },
      { name: `${name}_bias`, opType: 'Add', input: [`${out}_no_bias`, bias], output: [out] },
    ];
  };
  const quantizedInput = (aq: string): string | undefined => {
    const dql = g.producer(aq);
    return dql?.opType === 'DynamicQuantizeLinear' && dql.output?.[0] === aq ? dql.input?.[0] : undefined;
  };

  for (const n of g.nodes) {
    const op = n.opType ?? '', domain = n.domain ?? '';
    const input = (i: number): string | undefined => (n.input?.[i] ? n.input[i] : undefined);
    if (op === 'MatMulInteger' && domain === '') {
      // DynamicQuantizeLinear(x) -> MatMulInteger(x_q, B, x_zp, B_zp) -> Cast(float) -> Mul(., x_scale * B_scale)
      const x = quantizedInput(input(0) ?? ''), q = codes(input(1));
      const cast = onlyUser(n.output![0]!, 'Cast');
      const mul = cast && intAttr(cast, 'to', 0) === DATA_TYPE.FLOAT ? onlyUser(cast.output![0]!, 'Mul') : undefined;
      const scales = mul ? g.producer(mul.input!.find((v) => v !== cast!.output![0])!) : undefined;
      const dql = x !== undefined ? g.producer(input(0)!) : undefined;
      const wScale = scales?.opType === 'Mul' && dql ? g.floats(scales.input!.find((v) => v !== dql.output![1]) ?? '') : undefined;
      const zp = input(3) ? codes(input(3))?.data : undefined;
      const w = x !== undefined && q && wScale && (!input(3) || zp) && scales!.input!.includes(dql!.output![1]!) ? values(q, wScale.data, zp, 1) : undefined;
      if (!w) continue;
      replaced.set(n, matmul(n, x!, w, q!.dims, mul!.output![0]!));
      removed.add(cast!).add(mul!);
      if (g.consumers(scales!.output![0]!).length === 1) removed.add(scales!);
    } else if (op === 'MatMulIntegerToFloat' && domain === MS) {
      // (A_q, B, a_scale, b_scale, a_zero_point, b_zero_point, bias)
      const x = quantizedInput(input(0) ?? ''), q = codes(input(1)), s = g.floats(input(3) ?? '');
      const zp = input(5) ? codes(input(5))?.data : undefined;
      const w = x !== undefined && q && s && (!input(5) || zp) ? values(q, s.data, zp, 1) : undefined;
      if (w) replaced.set(n, matmul(n, x!, w, q!.dims, n.output![0]!, input(6)));
    } else if (op === 'DynamicQuantizeMatMul' && domain === MS) {
      // (A, B, b_scale, b_zero_point, bias)
      const q = codes(input(1)), s = g.floats(input(2) ?? '');
      const zp = input(3) ? codes(input(3))?.data : undefined;
      const w = q && s && (!input(3) || zp) ? values(q, s.data, zp, 1) : undefined;
      if (w) replaced.set(n, matmul(n, input(0)!, w, q!.dims, n.output![0]!, input(4)));
    } else if ((op === 'Gather' || op === 'Slice') && domain === '') {
      // Gather(q_table, ids) -> DequantizeLinear(., scale, zero_point): Gather of the f32 table (onnxruntime's
      // optimizer turns a position table's Gather of 0..n-1 into a Slice: the same)
      const q = codes(input(0)), dq = onlyUser(n.output![0]!, 'DequantizeLinear');
      const s = dq ? g.floats(dq.input?.[1] ?? '') : undefined;
      const zp = dq?.input?.[2] ? codes(dq.input[2])?.data : undefined;
      const w = q && dq && s && s.data.length === 1 && (!dq.input?.[2] || zp) ? values(q, s.data, zp, 0) : undefined;
      if (!w) continue;
      const table = floatConst(fresh(input(0)!), q!.dims, w);
      count++;
      replaced.set(n, [{ ...n, input: [table, ...n.input!.slice(1)], output: [dq!.output![0]!] }]);
      removed.add(dq!);
    } else if (op === 'DequantizeLinear' && domain === '' && codes(input(0)) && !removed.has(n)) {
      // a QDQ weight: DequantizeLinear of a constant is that constant in f32
      const q = codes(input(0))!, s = g.floats(input(1) ?? '');
      const zp = input(2) ? codes(input(2))?.data : undefined;
      const axis = intAttr(n, 'axis', 1);
      const w = s && (!input(2) || zp) ? values(q, s.data, zp, axis < 0 ? axis + q.dims.length : axis) : undefined;
      if (!w) continue;
      count++;
      replaced.set(n, [{ name: n.name || `${n.output![0]}_Constant`, opType: 'Identity', input: [floatConst(fresh(input(0)!), q.dims, w)], output: [n.output![0]!] }]);
    }
  }
  if (count === 0) return { graph, dequantized: 0 };
  const nodes = g.nodes.flatMap((n) => (removed.has(n) ? [] : replaced.get(n) ?? [n]));
  // DynamicQuantizeLinear nodes whose outputs nothing reads any more
  const read = new Set(nodes.flatMap((n) => n.input ?? []));
  const live = nodes.filter((n) => n.opType !== 'DynamicQuantizeLinear' || (n.output ?? []).some((o) => read.has(o)));
  return { graph: { ...graph, node: live, initializer: [...(graph.initializer ?? []), ...added] }, dequantized: count };
}
