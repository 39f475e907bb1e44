// Dynamic int8 quantization of an ONNX file, in the graph form onnxruntime's `quantize_dynamic` writes with
// its defaults (IntegerOps mode, MatMulConstBOnly): every MatMul whose B is a float initializer of rank 2
// becomes
//
//   DynamicQuantizeLinear(A) -> (A_q uint8, A_scale, A_zp)        one per distinct A, shared by its readers
//   MatMulInteger(A_q, B_q int8, A_zp, B_zp = 0) -> int32
//   Cast(float) * (A_scale * B_scale)
//
// with B symmetric int8 in [-127, 127] (scale max|B| / 127, one per tensor, or one per column with
// `perChannel`), rounded to nearest with ties to even; and every Gather of a float table (the embeddings)
// reads a uint8 copy (asymmetric, one scale and zero point per table) through DequantizeLinear, as the
// defaults' Gather quantization does. Activation x activation MatMuls (attention) and everything else
// stay f32. onnxruntime fuses the MatMul chain into its own DynamicQuantizeMatMul kernels.
// The point is a peer for hashee's int8 WASM engine: what a user gets from onnxruntime's own quantizer,
// which is Python-only and not on npm.

import { quantizeColumns, roundEven } from '../../contract/quant.ts';
import { HasheeError } from '../errors.ts';
import { attr, DATA_TYPE, floatTensor, onnx, readFloats, tensorDims, type NodeProto, type TensorProto } from './proto.ts';

export interface QuantizeOptions {
  /** One weight scale per output column (quantize_dynamic's per_channel=True); default one per tensor. */
  readonly perChannel?: boolean;
}

export interface Quantized {
  readonly bytes: Uint8Array;
  /** MatMuls turned into MatMulInteger. */
  readonly matmuls: number;
  /** Gathers that read a uint8 table. */
  readonly tables: number;
  /** Weight values stored as int8. */
  readonly weights: number;
}

/** Per-tensor symmetric int8 of w: codes and the one scale (f32). */
function quantizeTensor(w: Float32Array): { q: Int8Array; scale: Float32Array } {
  let max = 0;
  for (let i = 0; i < w.length; i++) max = Math.max(max, Math.abs(w[i]!));
  const s = Math.fround(max / 127);
  const q = new Int8Array(w.length);
  if (s > 0) for (let i = 0; i < w.length; i++) q[i] = Math.max(-127, Math.min(127, roundEven(w[i]! / s)));
  return { q, scale: Float32Array.of(s) };
}

/** Asymmetric uint8 of a table, one scale and zero point: the range widened to hold 0, 255 steps. */
function quantizeTable(w: Float32Array): { q: Uint8Array; scale: number; zero: number } {
  let lo = 0, hi = 0;
  for (let i = 0; i < w.length; i++) { lo = Math.min(lo, w[i]!); hi = Math.max(hi, w[i]!); }
  const scale = Math.fround(hi > lo ? (hi - lo) / 255 : 1);
  const zero = Math.max(0, Math.min(255, roundEven(-lo / scale)));
  const q = new Uint8Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.max(0, Math.min(255, roundEven(w[i]! / scale) + zero));
  return { q, scale, zero };
}

/** An int8 or uint8 tensor as raw bytes (one byte per value: no byte order). */
function rawTensor(name: string, dims: readonly number[], dataType: number, data: Int8Array | Uint8Array): TensorProto {
  return { name, dims: [...dims], dataType, rawData: new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)) };
}

/** The model in `bytes` with its constant-weight MatMuls quantized; a file with none is a usage error. */
export function quantizeDynamic(bytes: Uint8Array, opts: QuantizeOptions = {}): Quantized {
  const model = onnx.ModelProto.decode(bytes);
  const graph = model.graph;
  if (!graph) throw new HasheeError('usage', 'the ONNX file has no graph to quantize');
  const inits = new Map((graph.initializer ?? []).map((t) => [t.name!, t]));
  const readers = new Map<string, number>();
  for (const n of graph.node ?? []) for (const i of n.input ?? []) readers.set(i, (readers.get(i) ?? 0) + 1);
  const quantizedInputs = new Map<string, [string, string, string]>(); // A -> (A_q, A_scale, A_zp)
  const replaced = new Set<string>();
  const added: TensorProto[] = [];
  const nodes: NodeProto[] = [];
  let matmuls = 0, weights = 0, tables = 0;
  for (const n of graph.node ?? []) {
    const table = n.opType === 'Gather' && (n.domain ?? '') === '' ? inits.get(n.input?.[0] ?? '') : undefined;
    const tableValues = table && table.dataType === DATA_TYPE.FLOAT && tensorDims(table).length === 2 && !table.dataLocation ? readFloats(table) : undefined;
    if (tableValues) {
      const name = n.input![0]!, out = n.output![0]!;
      const { q, scale, zero } = quantizeTable(tableValues);
      added.push(
        rawTensor(`${name}_quantized`, tensorDims(table!), DATA_TYPE.UINT8, q),
        floatTensor(`${name}_scale`, [], Float32Array.of(scale), 'raw'),
        rawTensor(`${name}_zero_point`, [], DATA_TYPE.UINT8, Uint8Array.of(zero)),
      );
      nodes.push(
        { ...n, input: [`${name}_quantized`, ...n.input!.slice(1)], output: [`${out}_quantized`] },
        { name: `${n.name || out}_DequantizeLinear`, opType: 'DequantizeLinear', input: [`${out}_quantized`, `${name}_scale`, `${name}_zero_point`], output: [out] },
      );
      readers.set(name, readers.get(name)! - 1);
      if (readers.get(name) === 0) replaced.add(name);
      tables++;
      continue;
    }
    const w = n.opType === 'MatMul' && (n.domain ?? '') === '' ? inits.get(n.input?.[1] ?? '') : undefined;
    const dims = w ? tensorDims(w) : [];
    const values = w && w.dataType === DATA_TYPE.FLOAT && dims.length === 2 && !w.dataLocation ? readFloats(w) : undefined;
    if (!values) { nodes.push(n); continue; }
    const [a, b] = [n.input![0]!, n.input![1]!];
    const scope = n.name || `${b}/quant`;
    let q = quantizedInputs.get(a);
    if (!q) {
      q = [`${a}_quantized`, `${a}_scale`, `${a}_zero_point`];
      nodes.push({ name: `${a}_QuantizeLinear`, opType: 'DynamicQuantizeLinear', input: [a], output: q });
      quantizedInputs.set(a, q);
    }
    const { q: codes, scale } = opts.perChannel ? quantizeColumns(values, dims[0]!, dims[1]!) : quantizeTensor(values);
    const scaleDims = opts.perChannel ? [dims[1]!] : [];
    added.push(
      rawTensor(`${b}_quantized`, dims, DATA_TYPE.INT8, codes),
      floatTensor(`${b}_scale`, scaleDims, scale, 'raw'),
      rawTensor(`${b}_zero_point`, scaleDims, DATA_TYPE.INT8, new Int8Array(scaleDims[0] ?? 1)),
    );
    const out = n.output![0]!;
    nodes.push(
      { name: `${scope}_MatMulInteger`, opType: 'MatMulInteger', input: [q[0], `${b}_quantized`, q[2], `${b}_zero_point`], output: [`${out}_output_quantized`] },
      { name: `${scope}_scales_mul`, opType: 'Mul', input: [q[1], `${b}_scale`], output: [`${out}_scales_mul`] },
      { name: `${scope}_output_quantized_cast`, opType: 'Cast', input: [`${out}_output_quantized`], output: [`${out}_output_cast`], attribute: [attr.int('to', DATA_TYPE.FLOAT)] },
      { name: `${scope}_output_quantized_mul`, opType: 'Mul', input: [`${out}_output_cast`, `${out}_scales_mul`], output: [out] },
    );
    readers.set(b, readers.get(b)! - 1);
    if (readers.get(b) === 0) replaced.add(b);
    matmuls++;
    weights += values.length;
  }
  if (matmuls === 0) throw new HasheeError('usage', 'the ONNX file has no MatMul with a constant float weight to quantize');
  // A weight read by several MatMuls (a shared layer) gets its int8 copy once.
  const seen = new Set<string>();
  const unique = added.filter((t) => !seen.has(t.name!) && seen.add(t.name!));
  graph.node = nodes;
  graph.initializer = [...(graph.initializer ?? []).filter((t) => !replaced.has(t.name!)), ...unique];
  return { bytes: onnx.ModelProto.encode(model).finish(), matmuls, weights, tables };
}
