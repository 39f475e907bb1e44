// Thin typed access to onnx-proto (ONNX 1.10, IR 8, protobufjs 6): tensor/attribute builders and readers.

import onnxProto from 'onnx-proto';
import type { onnx as OnnxTypes } from 'onnx-proto';

export const onnx = onnxProto.onnx;
export type NodeProto = OnnxTypes.INodeProto;
export type TensorProto = OnnxTypes.ITensorProto;
export type AttributeProto = OnnxTypes.IAttributeProto;
export type GraphProto = OnnxTypes.IGraphProto;
export type ValueInfoProto = OnnxTypes.IValueInfoProto;

export const FLOAT = onnx.TensorProto.DataType.FLOAT;
export const INT64 = onnx.TensorProto.DataType.INT64;
export const INT32 = onnx.TensorProto.DataType.INT32;

type LongLike = number | { toNumber(): number };

/** Protobuf int64 fields decode as Long objects (or numbers); every value we read fits in 2^53. */
export function toNumber(v: LongLike | null | undefined): number {
  if (v === null || v === undefined) return 0;
  return typeof v === 'number' ? v : v.toNumber();
}

/** Where tensor values go in the proto: `raw_data` (little-endian bytes) or the typed repeated field. */
export type TensorStorage = 'raw' | 'typed';

export function floatTensor(name: string, dims: readonly number[], data: Float32Array, storage: TensorStorage): TensorProto {
  const base = { name, dims: [...dims], dataType: FLOAT };
  if (storage === 'typed') return { ...base, floatData: Array.from(data) };
  return { ...base, rawData: littleEndianBytes(data) };
}

export function int64Tensor(name: string, dims: readonly number[], values: readonly number[], storage: TensorStorage): TensorProto {
  const base = { name, dims: [...dims], dataType: INT64 };
  if (storage === 'typed') return { ...base, int64Data: [...values] };
  return { ...base, rawData: littleEndianBytes(BigInt64Array.from(values, (v) => BigInt(v))) };
}

/** True on little-endian hosts, where typed-array bytes already are ONNX raw_data bytes. */
const HOST_LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

function littleEndianBytes(a: Float32Array | BigInt64Array): Uint8Array {
  if (HOST_LITTLE_ENDIAN) return new Uint8Array(a.buffer.slice(a.byteOffset, a.byteOffset + a.byteLength));
  const out = new Uint8Array(a.byteLength);
  const view = new DataView(out.buffer);
  for (let i = 0; i < a.length; i++) {
    if (a instanceof Float32Array) view.setFloat32(4 * i, a[i]!, true);
    else view.setBigInt64(8 * i, a[i]!, true);
  }
  return out;
}

export function tensorDims(t: TensorProto): number[] {
  return (t.dims ?? []).map(toNumber);
}

export function tensorSize(t: TensorProto): number {
  return tensorDims(t).reduce((a, b) => a * b, 1);
}

/** FLOAT tensor values, or undefined for any other element type. */
export function readFloats(t: TensorProto): Float32Array | undefined {
  if (t.dataType !== FLOAT) return undefined;
  const n = tensorSize(t);
  if (t.rawData && t.rawData.length > 0) {
    if (t.rawData.length !== 4 * n) return undefined;
    if (HOST_LITTLE_ENDIAN) {
      const copy = new Uint8Array(t.rawData.length); // decoded bytes may be an unaligned view into the file
      copy.set(t.rawData);
      return new Float32Array(copy.buffer);
    }
    const view = new DataView(t.rawData.buffer, t.rawData.byteOffset, t.rawData.byteLength);
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = view.getFloat32(4 * i, true);
    return out;
  }
  const data = t.floatData ?? [];
  return data.length === n ? Float32Array.from(data) : undefined;
}

/** INT64 / INT32 tensor values as numbers, or undefined for any other element type. */
export function readInts(t: TensorProto): number[] | undefined {
  const n = tensorSize(t);
  const raw = t.rawData && t.rawData.length > 0 ? new DataView(t.rawData.buffer, t.rawData.byteOffset, t.rawData.byteLength) : undefined;
  if (t.dataType === INT64) {
    if (raw) return raw.byteLength === 8 * n ? Array.from({ length: n }, (_, i) => Number(raw.getBigInt64(8 * i, true))) : undefined;
    const data = (t.int64Data ?? []).map(toNumber);
    return data.length === n ? data : undefined;
  }
  if (t.dataType === INT32) {
    if (raw) return raw.byteLength === 4 * n ? Array.from({ length: n }, (_, i) => raw.getInt32(4 * i, true)) : undefined;
    const data = t.int32Data ?? [];
    return data.length === n ? [...data] : undefined;
  }
  return undefined;
}

export const attr = {
  int: (name: string, i: number): AttributeProto => ({ name, type: onnx.AttributeProto.AttributeType.INT, i }),
  ints: (name: string, ints: readonly number[]): AttributeProto => ({ name, type: onnx.AttributeProto.AttributeType.INTS, ints: [...ints] }),
  float: (name: string, f: number): AttributeProto => ({ name, type: onnx.AttributeProto.AttributeType.FLOAT, f }),
  tensor: (name: string, t: TensorProto): AttributeProto => ({ name, type: onnx.AttributeProto.AttributeType.TENSOR, t }),
};

export function findAttr(node: NodeProto, name: string): AttributeProto | undefined {
  return (node.attribute ?? []).find((a) => a.name === name);
}

export function intAttr(node: NodeProto, name: string, fallback: number): number {
  const a = findAttr(node, name);
  return a ? toNumber(a.i) : fallback;
}

export function floatAttr(node: NodeProto, name: string, fallback: number): number {
  const a = findAttr(node, name);
  return a ? (a.f ?? fallback) : fallback;
}

export function intsAttr(node: NodeProto, name: string): number[] | undefined {
  const a = findAttr(node, name);
  return a ? (a.ints ?? []).map(toNumber) : undefined;
}
