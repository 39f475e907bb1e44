// Evaluates the small shape-and-index subgraphs exporters write — embedding indices (position ids from
// Range, a sliced buffer or RoBERTa's cumsum over input_ids, buffered token types) on a probe input, and
// scalars computed from shapes (torch's SDPA export: 1/sqrt(Shape(q)[-1])) — so the importer can tell
// what a value is without reading any names.

import type { OnnxGraph } from './graph.ts';
import { findAttr, intAttr, intsAttr, toNumber, type NodeProto } from './proto.ts';

/** An integer (or boolean 0/1) tensor, row-major; `float` once a Cast to float or a float constant is involved. */
export interface IntTensor {
  readonly dims: readonly number[];
  readonly data: readonly number[];
  readonly float?: boolean;
}

export interface ProbeOptions {
  /** Dims of a float value that Shape may read without evaluating it (NaN where unknown). */
  readonly dimsOf?: (value: string) => readonly number[] | undefined;
}

/** A value the probe cannot compute, and the node where it stopped. */
export class ProbeStop extends Error {
  constructor(readonly node: NodeProto | undefined, reason: string) {
    super(reason);
  }
}

type Eval = (value: string) => IntTensor;

/** `value` computed from the graph inputs given in `inputs` (constants come from the graph). */
export function probe(g: OnnxGraph, value: string, inputs: ReadonlyMap<string, IntTensor>, options: ProbeOptions = {}): IntTensor {
  const memo = new Map<string, IntTensor>();
  const evaluate: Eval = (v) => {
    const known = memo.get(v) ?? inputs.get(v);
    if (known) return known;
    const t = g.tensor(v);
    let out: IntTensor;
    if (t) {
      const floats = g.floatsOf(t);
      const ints = g.intsOf(t);
      const data = ints ?? (floats && Array.from(floats));
      if (!data) throw new ProbeStop(g.producer(v), `constant '${v}' is neither an integer nor a float tensor`);
      out = { dims: (t.dims ?? []).map(toNumber), data, float: !ints };
    } else {
      const n = g.producer(v);
      if (!n) throw new ProbeStop(undefined, `'${v}' is neither a graph input nor computed by a node`);
      const known = n.opType === 'Shape' ? options.dimsOf?.(n.input?.[0] ?? '') : undefined;
      const op = OPS[n.opType ?? ''];
      if (!op) throw new ProbeStop(n, `op ${n.opType} is not one the probe evaluates`);
      out = known ? shapeOf(n, known) : op(n, evaluate, g);
    }
    memo.set(v, out);
    return out;
  };
  return evaluate(value);
}

const size = (dims: readonly number[]): number => dims.reduce((a, b) => a * b, 1);

/**
 * The most values a probed tensor may hold: index subgraphs of real files work on [batch, seq] inputs
 * (a static [64, 512] is 32768 values); shapes or ranges beyond it come from a damaged or hostile file
 * and would only exhaust memory.
 */
export const PROBE_MAX_VALUES = 1 << 20;

/** `dims` when they are non-negative integers holding at most PROBE_MAX_VALUES values; else a ProbeStop at `n`. */
function checkedDims(dims: readonly number[], n: NodeProto | undefined, what: string): readonly number[] {
  if (dims.some((d) => !Number.isInteger(d) || d < 0)) throw new ProbeStop(n, `${what} [${dims}] is not a shape`);
  const count = size(dims);
  if (count > PROBE_MAX_VALUES) throw new ProbeStop(n, `${what} [${dims}] holds ${count} values, more than the ${PROBE_MAX_VALUES} an index computation may`);
  return dims;
}

function strides(dims: readonly number[]): number[] {
  const s = new Array<number>(dims.length).fill(1);
  for (let i = dims.length - 2; i >= 0; i--) s[i] = s[i + 1]! * dims[i + 1]!;
  return s;
}

/** Multidirectional (numpy) broadcasting of two tensors through f. */
function broadcast(a: IntTensor, b: IntTensor, f: (x: number, y: number) => number, n: NodeProto): IntTensor {
  const rank = Math.max(a.dims.length, b.dims.length);
  const pad = (d: readonly number[]): number[] => [...new Array<number>(rank - d.length).fill(1), ...d];
  const da = pad(a.dims), db = pad(b.dims);
  const dims = da.map((x, i) => {
    const y = db[i]!;
    if (x !== y && x !== 1 && y !== 1) throw new ProbeStop(n, `shapes [${a.dims}] and [${b.dims}] do not broadcast`);
    return Math.max(x, y);
  });
  checkedDims(dims, n, 'the broadcast shape');
  const sa = strides(da), sb = strides(db), so = strides(dims);
  const data = Array.from({ length: size(dims) }, (_, i) => {
    let ia = 0, ib = 0;
    for (let k = 0; k < rank; k++) {
      const c = Math.floor(i / so[k]!) % dims[k]!;
      if (da[k] !== 1) ia += c * sa[k]!;
      if (db[k] !== 1) ib += c * sb[k]!;
    }
    return f(a.data[ia]!, b.data[ib]!);
  });
  return { dims, data, float: a.float || b.float };
}

const binary = (f: (x: number, y: number) => number) => (n: NodeProto, ev: Eval): IntTensor =>
  broadcast(ev(n.input![0]!), ev(n.input![1]!), f, n);

const unary = (f: (x: number) => number) => (n: NodeProto, ev: Eval): IntTensor => {
  const x = ev(n.input![0]!);
  return { dims: x.dims, data: x.data.map(f), float: x.float };
};

/** Integer division truncates (ONNX Div on ints); float division does not. */
function divide(n: NodeProto, ev: Eval): IntTensor {
  const a = ev(n.input![0]!), b = ev(n.input![1]!);
  const float = a.float || b.float;
  return broadcast(a, b, (x, y) => (float ? x / y : Math.trunc(x / y)), n);
}

const axisOf = (axis: number, rank: number): number => (axis < 0 ? axis + rank : axis);

/** The optional int list behind input i, or the attribute (older opsets). */
function listInput(n: NodeProto, i: number, attrName: string, ev: Eval): number[] | undefined {
  const name = n.input?.[i];
  if (name) return [...ev(name).data];
  return intsAttr(n, attrName);
}

function gather(n: NodeProto, ev: Eval): IntTensor {
  const x = ev(n.input![0]!), idx = ev(n.input![1]!);
  const axis = axisOf(intAttr(n, 'axis', 0), x.dims.length);
  if (axis < 0 || axis >= x.dims.length) throw new ProbeStop(n, `axis ${intAttr(n, 'axis', 0)} of a rank-${x.dims.length} tensor`);
  const outer = size(x.dims.slice(0, axis)), inner = size(x.dims.slice(axis + 1)), len = x.dims[axis]!;
  checkedDims([...x.dims.slice(0, axis), ...idx.dims, ...x.dims.slice(axis + 1)], n, 'the gathered shape');
  const data: number[] = [];
  for (let o = 0; o < outer; o++) {
    for (const raw of idx.data) {
      const k = raw < 0 ? raw + len : raw;
      if (k < 0 || k >= len) throw new ProbeStop(n, `index ${raw} outside [0, ${len})`);
      for (let i = 0; i < inner; i++) data.push(x.data[(o * len + k) * inner + i]!);
    }
  }
  return { dims: [...x.dims.slice(0, axis), ...idx.dims, ...x.dims.slice(axis + 1)], data, float: x.float };
}

function slice(n: NodeProto, ev: Eval): IntTensor {
  const x = ev(n.input![0]!);
  const starts = listInput(n, 1, 'starts', ev) ?? [];
  const ends = listInput(n, 2, 'ends', ev) ?? [];
  const axes = (listInput(n, 3, 'axes', ev) ?? starts.map((_, i) => i)).map((a) => axisOf(a, x.dims.length));
  const steps = listInput(n, 4, 'steps', ev) ?? starts.map(() => 1);
  const ranges = x.dims.map((len) => ({ start: 0, step: 1, count: len }));
  axes.forEach((axis, i) => {
    if (!(axis >= 0 && axis < x.dims.length)) throw new ProbeStop(n, `slice axis ${axis} of a rank-${x.dims.length} tensor`);
    const len = x.dims[axis]!, step = steps[i]!;
    if (step !== 1) throw new ProbeStop(n, `slice step ${step}`);
    const clamp = (v: number): number => Math.min(len, Math.max(0, v < 0 ? v + len : v));
    const start = clamp(starts[i]!), end = clamp(ends[i]!);
    ranges[axis] = { start, step, count: Math.max(0, end - start) };
  });
  const dims = checkedDims(ranges.map((r) => r.count), n, 'the sliced shape');
  const sx = strides(x.dims), so = strides(dims);
  const data = Array.from({ length: size(dims) }, (_, i) => {
    let at = 0;
    for (let k = 0; k < dims.length; k++) at += (ranges[k]!.start + (Math.floor(i / so[k]!) % dims[k]!)) * sx[k]!;
    return x.data[at]!;
  });
  return { dims, data, float: x.float };
}

function reshape(x: IntTensor, shape: readonly number[], n: NodeProto): IntTensor {
  const dims = shape.map((s, i) => (s === 0 ? x.dims[i]! : s));
  const known = size(dims.filter((s) => s !== -1));
  const full = dims.map((s) => (s === -1 ? size(x.dims) / known : s));
  if (size(full) !== size(x.dims) || full.some((d) => !Number.isInteger(d) || d < 0)) throw new ProbeStop(n, `cannot reshape [${x.dims}] to [${shape}]`);
  return { dims: full, data: x.data, float: x.float };
}

function unsqueeze(n: NodeProto, ev: Eval): IntTensor {
  const x = ev(n.input![0]!);
  const axes = listInput(n, 1, 'axes', ev) ?? [];
  const rank = x.dims.length + axes.length;
  const at = new Set(axes.map((a) => axisOf(a, rank)));
  const dims: number[] = [];
  let k = 0;
  for (let i = 0; i < rank; i++) dims.push(at.has(i) ? 1 : x.dims[k++]!);
  return { dims, data: x.data, float: x.float };
}

function squeeze(n: NodeProto, ev: Eval): IntTensor {
  const x = ev(n.input![0]!);
  const axes = listInput(n, 1, 'axes', ev);
  const drop = new Set((axes ?? x.dims.flatMap((s, i) => (s === 1 ? [i] : []))).map((a) => axisOf(a, x.dims.length)));
  return { dims: x.dims.filter((_, i) => !drop.has(i)), data: x.data, float: x.float };
}

function concat(n: NodeProto, ev: Eval): IntTensor {
  const parts = (n.input ?? []).map(ev);
  if (parts.length === 0) throw new ProbeStop(n, 'Concat of no inputs');
  const rank = parts[0]!.dims.length;
  const axis = axisOf(intAttr(n, 'axis', 0), rank);
  if (axis < 0 || axis >= rank || parts.some((p) => p.dims.length !== rank)) throw new ProbeStop(n, `Concat on axis ${axis} of inputs of ranks ${parts.map((p) => p.dims.length)}`);
  checkedDims([parts.reduce((a, p) => a + size(p.dims), 0)], n, 'the concatenation');
  const outer = size(parts[0]!.dims.slice(0, axis));
  const data: number[] = [];
  for (let o = 0; o < outer; o++) {
    for (const p of parts) {
      const block = size(p.dims.slice(axis));
      data.push(...p.data.slice(o * block, (o + 1) * block));
    }
  }
  const dims = [...parts[0]!.dims];
  dims[axis] = parts.reduce((a, p) => a + p.dims[axis]!, 0);
  return { dims, data, float: parts.some((p) => p.float) };
}

function cumsum(n: NodeProto, ev: Eval): IntTensor {
  const x = ev(n.input![0]!);
  const axis = axisOf(ev(n.input![1]!).data[0]!, x.dims.length);
  if (!(axis >= 0 && axis < x.dims.length)) throw new ProbeStop(n, `CumSum axis ${axis} of a rank-${x.dims.length} tensor`);
  const exclusive = intAttr(n, 'exclusive', 0) === 1, reverse = intAttr(n, 'reverse', 0) === 1;
  const len = x.dims[axis]!, inner = size(x.dims.slice(axis + 1)), outer = size(x.dims.slice(0, axis));
  const data = [...x.data];
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let acc = 0;
      for (let s = 0; s < len; s++) {
        const k = reverse ? len - 1 - s : s;
        const at = (o * len + k) * inner + i;
        const v = x.data[at]!;
        data[at] = exclusive ? acc : acc + v;
        acc += v;
      }
    }
  }
  return { dims: x.dims, data, float: x.float };
}

function expand(n: NodeProto, ev: Eval): IntTensor {
  const shape = checkedDims(ev(n.input![1]!).data, n, 'the Expand shape');
  return broadcast(ev(n.input![0]!), { dims: shape, data: new Array<number>(size(shape)).fill(0) }, (x) => x, n);
}

/** Cast: to BOOL gives 0/1, to an integer type truncates, to a float type marks the tensor float. */
function cast(n: NodeProto, ev: Eval): IntTensor {
  const x = ev(n.input![0]!);
  const to = intAttr(n, 'to', 0);
  const BOOL = 9, FLOAT = 1, FLOAT16 = 10, DOUBLE = 11;
  if (to === BOOL) return { dims: x.dims, data: x.data.map((v) => (v !== 0 ? 1 : 0)) };
  if (to === FLOAT || to === FLOAT16 || to === DOUBLE) return { ...x, float: true };
  return { dims: x.dims, data: x.data.map(Math.trunc) };
}

function constantOfShape(n: NodeProto, ev: Eval, g: OnnxGraph): IntTensor {
  const dims = checkedDims(ev(n.input![0]!).data, n, 'the ConstantOfShape shape');
  const t = findAttr(n, 'value')?.t;
  const fill = t ? (g.intsOf(t)?.[0] ?? g.floatsOf(t)?.[0] ?? 0) : 0;
  return { dims, data: new Array<number>(size(dims)).fill(fill) };
}

/** Shape of a tensor with dims `of` (attributes start/end of opset 15). */
function shapeOf(n: NodeProto, of: readonly number[]): IntTensor {
  const rank = of.length;
  const start = axisOf(intAttr(n, 'start', 0), rank);
  const end = findAttr(n, 'end') ? axisOf(intAttr(n, 'end', rank), rank) : rank;
  const dims = of.slice(start, end);
  return { dims: [dims.length], data: dims };
}

function range(n: NodeProto, ev: Eval): IntTensor {
  const [start, limit, delta] = [0, 1, 2].map((i) => ev(n.input![i]!).data[0]!) as [number, number, number];
  const count = Math.max(0, Math.ceil((limit - start) / delta));
  if (delta === 0 || !Number.isFinite(count)) throw new ProbeStop(n, `Range(${start}, ${limit}, ${delta}) does not end`);
  checkedDims([count], n, `Range(${start}, ${limit}, ${delta})`);
  return { dims: [count], data: Array.from({ length: count }, (_, i) => start + i * delta) };
}

function where(n: NodeProto, ev: Eval): IntTensor {
  const c = ev(n.input![0]!);
  const picked = broadcast(c, ev(n.input![1]!), (cond, x) => (cond ? x : Number.NaN), n);
  const other = broadcast(c, ev(n.input![2]!), (cond, y) => (cond ? Number.NaN : y), n);
  return broadcast(picked, other, (x, y) => (Number.isNaN(x) ? y : x), n);
}

const OPS: Record<string, (n: NodeProto, ev: Eval, g: OnnxGraph) => IntTensor> = {
  Identity: (n, ev) => ev(n.input![0]!),
  Shape: (n, ev) => shapeOf(n, ev(n.input![0]!).dims),
  Gather: gather,
  Slice: slice,
  Reshape: (n, ev) => reshape(ev(n.input![0]!), ev(n.input![1]!).data, n),
  Unsqueeze: unsqueeze,
  Squeeze: squeeze,
  Concat: concat,
  Expand: expand,
  Cast: cast,
  CumSum: cumsum,
  Range: range,
  ConstantOfShape: constantOfShape,
  Where: where,
  Add: binary((x, y) => x + y),
  Sub: binary((x, y) => x - y),
  Mul: binary((x, y) => x * y),
  Div: divide,
  Sqrt: (n, ev) => ({ ...unary(Math.sqrt)(n, ev), float: true }),
  Equal: binary((x, y) => (x === y ? 1 : 0)),
  Greater: binary((x, y) => (x > y ? 1 : 0)),
  Less: binary((x, y) => (x < y ? 1 : 0)),
  And: binary((x, y) => (x && y ? 1 : 0)),
  Not: unary((x) => (x ? 0 : 1)),
  Neg: unary((x) => -x),
};
