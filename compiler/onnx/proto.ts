// Thin typed access to onnx-proto (ONNX 1.10, IR 8, protobufjs 6): tensor/attribute builders and readers.

import { createRequire } from 'node:module';
import type OnnxProto from 'onnx-proto';
import type { onnx as OnnxTypes } from 'onnx-proto';

let lib: typeof OnnxProto.onnx | undefined;

/** onnx-proto (protobufjs and the ONNX descriptors), required on first use: commands that never read or write ONNX do not load it. */
function onnxLib(): typeof OnnxProto.onnx {
  lib ??= (createRequire(import.meta.url)('onnx-proto') as typeof OnnxProto).onnx;
  return lib;
}

/** The onnx-proto message classes used here, loaded on first access. */
export const onnx = {
  get ModelProto() { return onnxLib().ModelProto; },
  get TensorProto() { return onnxLib().TensorProto; },
  get AttributeProto() { return onnxLib().AttributeProto; },
  get NodeProto() { return onnxLib().NodeProto; },
};
export type NodeProto = OnnxTypes.INodeProto;
export type TensorProto = OnnxTypes.ITensorProto;
export type AttributeProto = OnnxTypes.IAttributeProto;
export type GraphProto = OnnxTypes.IGraphProto;
export type ValueInfoProto = OnnxTypes.IValueInfoProto;

/**
 * TensorProto.DataType values as onnx.proto fixes them, known without loading onnx-proto
 * (test/cli-start.test.ts compares them with its enum).
 */
export const DATA_TYPE = {
  FLOAT: 1, UINT8: 2, INT8: 3, UINT16: 4, INT16: 5, INT32: 6, INT64: 7, STRING: 8, BOOL: 9, FLOAT16: 10,
  DOUBLE: 11, UINT32: 12, UINT64: 13, COMPLEX64: 14, COMPLEX128: 15, BFLOAT16: 16,
} as const;
/** TensorProto.DataLocation.EXTERNAL. */
export const EXTERNAL = 1;

export const FLOAT = DATA_TYPE.FLOAT;
export const INT64 = DATA_TYPE.INT64;
export const INT32 = DATA_TYPE.INT32;

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

export const FLOAT16 = DATA_TYPE.FLOAT16;
export const BFLOAT16 = DATA_TYPE.BFLOAT16;

const DT = DATA_TYPE;
/** Bytes per element of the element types with a fixed size (strings and unknown types are absent). */
const ELEMENT_BYTES: ReadonlyMap<number, number> = new Map([
  [DT.FLOAT, 4], [DT.UINT8, 1], [DT.INT8, 1], [DT.UINT16, 2], [DT.INT16, 2], [DT.INT32, 4], [DT.INT64, 8],
  [DT.BOOL, 1], [DT.FLOAT16, 2], [DT.DOUBLE, 8], [DT.UINT32, 4], [DT.UINT64, 8], [DT.BFLOAT16, 2],
]);

export function elementBytes(dataType: number): number | undefined {
  return ELEMENT_BYTES.get(dataType);
}

export function dataTypeName(dataType: number): string {
  return Object.entries(DT).find(([, v]) => v === dataType)?.[0] ?? `type ${dataType}`;
}

/** How many values the typed repeated field of t holds (the field its element type uses). */
export function typedFieldLength(t: TensorProto): number {
  switch (t.dataType) {
    case DT.FLOAT: return t.floatData?.length ?? 0;
    case DT.INT64: return t.int64Data?.length ?? 0;
    case DT.DOUBLE: return t.doubleData?.length ?? 0;
    case DT.UINT32: case DT.UINT64: return t.uint64Data?.length ?? 0;
    default: return t.int32Data?.length ?? 0; // int32, int16, int8, uint16, uint8, bool, float16, bfloat16
  }
}

/** IEEE half-precision bits to the (exactly representable) float value. */
export function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f, m = h & 0x3ff;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 31) return m ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * (1 + m / 1024) * 2 ** (e - 15);
}

function aligned(raw: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(raw.length); // decoded bytes may be an unaligned view into the file
  copy.set(raw);
  return copy.buffer;
}

/**
 * FLOAT, FLOAT16 or BFLOAT16 tensor values as float32 (half types convert exactly), or undefined for any
 * other element type or a size that does not match. `external` holds the bytes of external data.
 */
export function readFloats(t: TensorProto, external?: Uint8Array): Float32Array | undefined {
  const n = tensorSize(t);
  const raw = external ?? (t.rawData && t.rawData.length > 0 ? t.rawData : undefined);
  if (t.dataType === FLOAT) {
    if (raw) {
      if (raw.length !== 4 * n) return undefined;
      if (HOST_LITTLE_ENDIAN) return new Float32Array(aligned(raw));
      const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
      return Float32Array.from({ length: n }, (_, i) => view.getFloat32(4 * i, true));
    }
    const data = t.floatData ?? [];
    return data.length === n ? Float32Array.from(data) : undefined;
  }
  if (t.dataType !== FLOAT16 && t.dataType !== BFLOAT16) return undefined;
  let bits: ArrayLike<number>;
  if (raw) {
    if (raw.length !== 2 * n) return undefined;
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    bits = Uint16Array.from({ length: n }, (_, i) => view.getUint16(2 * i, true));
  } else {
    bits = t.int32Data ?? []; // half types keep their bit patterns in int32_data
    if (bits.length !== n) return undefined;
  }
  const out = new Float32Array(n);
  if (t.dataType === FLOAT16) for (let i = 0; i < n; i++) out[i] = halfToFloat(bits[i]! & 0xffff);
  else {
    const words = new Uint32Array(out.buffer);
    for (let i = 0; i < n; i++) words[i] = (bits[i]! & 0xffff) << 16;
  }
  return out;
}

/** INT64, INT32, INT8, UINT8 or BOOL tensor values as numbers, or undefined for any other element type. */
export function readInts(t: TensorProto, external?: Uint8Array): number[] | undefined {
  const n = tensorSize(t);
  const bytes = external ?? (t.rawData && t.rawData.length > 0 ? t.rawData : undefined);
  const raw = bytes && new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
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
  if (t.dataType === DT.INT8 || t.dataType === DT.UINT8) {
    const signed = t.dataType === DT.INT8;
    if (raw) return raw.byteLength === n ? Array.from({ length: n }, (_, i) => (signed ? raw.getInt8(i) : raw.getUint8(i))) : undefined;
    const data = t.int32Data ?? [];
    return data.length === n ? [...data] : undefined;
  }
  if (t.dataType === DT.BOOL) {
    if (raw) return raw.byteLength === n ? Array.from({ length: n }, (_, i) => (raw.getUint8(i) ? 1 : 0)) : undefined;
    const data = t.int32Data ?? [];
    return data.length === n ? data.map((v) => (v ? 1 : 0)) : undefined;
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
