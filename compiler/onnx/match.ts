// Structural patterns of a BERT-style ONNX graph: linear layers, LayerNorm (fused, decomposed or onnxruntime's
// SkipLayerNormalization), residual adds, data movement between projections and attention, activations.

import type { Activation } from '../../contract/model.ts';
import { intAttr, intsAttr, floatAttr, type NodeProto } from './proto.ts';
import { transpose } from './matrix.ts';
import type { OnnxGraph } from './graph.ts';
import { probe, ProbeStop } from './probe.ts';

export interface Linear {
  readonly w: Float32Array;   // [in, out]
  readonly b: Float32Array;   // [out]
  readonly nIn: number;
  readonly nOut: number;
  readonly first: NodeProto;  // MatMul, Gemm or the Reshape before a Gemm
  readonly out: string;       // y = x @ W + b
}

export interface Norm {
  readonly gamma: Float32Array;
  readonly beta: Float32Array;
  readonly eps: number;
  readonly out: string;
}

/** Every linear layer reading `x`: MatMul(x, W) [+ Add b], Gemm(x, W, C), or Reshape(x) -> Gemm -> [Reshape]. */
export function linearsFrom(g: OnnxGraph, x: string): Linear[] {
  const found: Linear[] = [];
  for (const n of g.consumers(x)) {
    if (n.input?.[0] !== x) continue;
    if (n.opType === 'MatMul' || n.opType === 'Gemm') {
      const l = linearAt(g, n, n);
      if (l) found.push(l);
    } else if (n.opType === 'Reshape') {
      for (const gemm of g.consumers(n.output![0]!)) {
        const l = gemm.opType === 'Gemm' && gemm.input?.[0] === n.output![0] ? linearAt(g, gemm, n) : undefined;
        if (l) found.push(l);
      }
    }
  }
  return found;
}

function linearAt(g: OnnxGraph, n: NodeProto, first: NodeProto): Linear | undefined {
  const weight = g.floats(n.input?.[1] ?? '');
  if (!weight || weight.dims.length !== 2) return undefined;
  let [nIn, nOut] = weight.dims as [number, number];
  let w = weight.data;
  let out = n.output![0]!;
  let bias: { b: Float32Array; out: string } | undefined;
  if (n.opType === 'Gemm') {
    if (intAttr(n, 'transA', 0) !== 0) return undefined;
    if (intAttr(n, 'transB', 0) === 1) {
      [nIn, nOut] = [nOut, nIn];
      w = transpose(w, nOut, nIn); // [out, in] -> [in, out]
    }
    w = scaled(w, floatAttr(n, 'alpha', 1));
    const c = n.input?.[2] ? g.floats(n.input[2]) : undefined;
    if (n.input?.[2] && c?.data.length !== nOut) return undefined;
    if (c) bias = { b: scaled(c.data, floatAttr(n, 'beta', 1)), out };
    bias ??= biasAdd(g, out, nOut);
    out = bias?.out ?? out;
    const back = g.consumers(out);
    if (back.length === 1 && back[0]!.opType === 'Reshape') out = back[0]!.output![0]!; // 2-D back to [batch, seq, out]
    if (bias) return { w, b: bias.b, nIn, nOut, first, out };
  }
  bias = biasAdd(g, out, nOut);
  return { w, b: bias?.b ?? new Float32Array(nOut), nIn, nOut, first, out: bias?.out ?? out };
}

/** `value + b` (either operand order) as the only use of `value`, with a constant b of length n. */
function biasAdd(g: OnnxGraph, value: string, n: number): { b: Float32Array; out: string } | undefined {
  const add = g.consumers(value).length === 1 ? g.consumer(value, 'Add') : undefined;
  const other = add?.input?.find((i) => i !== value);
  const b = other !== undefined ? g.floats(other) : undefined;
  return b && b.data.length === n ? { b: b.data, out: add!.output![0]! } : undefined;
}

function scaled(a: Float32Array, s: number): Float32Array {
  return s === 1 ? a : a.map((v) => v * s);
}

/** `l` with `extra` added to its bias (a bias an optimizer folded into the next fused op). */
export function withBias(l: Linear, extra: Float32Array | undefined): Linear {
  return extra ? { ...l, b: l.b.map((v, i) => v + extra[i]!) } : l;
}

/** The LayerNorm applied to `x`: LayerNormalization, or mean/variance/normalise/affine decomposed. */
export function layerNormOf(g: OnnxGraph, x: string): Norm | undefined {
  const fused = g.consumers(x).find((n) => n.opType === 'LayerNormalization' && n.input?.[0] === x);
  if (fused) {
    const axis = intAttr(fused, 'axis', -1);
    const gamma = g.floats(fused.input?.[1] ?? '');
    const beta = fused.input?.[2] ? g.floats(fused.input[2]) : undefined;
    if (axis !== -1 && axis !== 2 || !gamma) return undefined;
    return { gamma: gamma.data, beta: beta?.data ?? new Float32Array(gamma.data.length), eps: g.epsilon(fused), out: fused.output![0]! };
  }
  return decomposedLayerNorm(g, x);
}

function decomposedLayerNorm(g: OnnxGraph, x: string): Norm | undefined {
  const isLastAxisMean = (n: NodeProto | undefined): boolean => {
    const axes = n?.opType === 'ReduceMean' ? g.axes(n) : undefined;
    return axes !== undefined && axes.length === 1 && (axes[0] === -1 || axes[0] === 2);
  };
  const sub = g.consumers(x).find((n) => n.opType === 'Sub' && n.input?.[0] === x && isLastAxisMean(g.producer(n.input?.[1] ?? '')));
  if (!sub) return undefined;
  const centered = sub.output![0]!;
  const div = g.consumers(centered).find((n) => n.opType === 'Div' && n.input?.[0] === centered);
  const sqrt = g.producer(div?.input?.[1] ?? '');
  const addEps = sqrt?.opType === 'Sqrt' ? g.producer(sqrt.input?.[0] ?? '') : undefined;
  if (addEps?.opType !== 'Add') return undefined;
  const [a, b] = addEps.input as [string, string];
  const eps = g.scalar(b) ?? g.scalar(a);
  const variance = g.producer(g.isConst(b) ? a : b);
  const square = g.producer(variance?.input?.[0] ?? '');
  const squares = square !== undefined && square.input?.[0] === centered &&
    (square.opType === 'Pow' && g.scalar(square.input[1] ?? '') === 2 || square.opType === 'Mul' && square.input[1] === centered);
  if (eps === undefined || !isLastAxisMean(variance) || !squares) return undefined;
  const mul = affineStep(g, div!.output![0]!, 'Mul');
  const add = mul && affineStep(g, mul.out, 'Add');
  return add ? { gamma: mul.param, beta: add.param, eps, out: add.out } : undefined;
}

/** `value op C` (either operand order) with a constant vector C. */
function affineStep(g: OnnxGraph, value: string, op: 'Mul' | 'Add'): { param: Float32Array; out: string } | undefined {
  const n = g.consumers(value).length === 1 ? g.consumer(value, op) : undefined;
  const other = n?.input?.find((i) => i !== value);
  const param = other !== undefined ? g.floats(other) : undefined;
  return param && param.dims.length === 1 ? { param: param.data, out: n!.output![0]! } : undefined;
}

/** Ops that only move data or scale it by a constant on the way from a projection to attention. */
const PASS_THROUGH = new Set(['Reshape', 'Transpose', 'Squeeze', 'Unsqueeze', 'Flatten', 'Identity']);

export interface Flow {
  readonly node: NodeProto | undefined; // the first node that is not a pass-through (undefined: several or none)
  readonly index: number;               // which input of `node` the flow enters
  readonly value: string;               // the value entering `node`
  readonly scale: number;               // product of constant Mul/Div factors passed
  readonly shapes: readonly string[];   // Reshape shape inputs passed, in order
  /** Axis order after the last Reshape: the Transposes since composed (undefined after a Squeeze/Unsqueeze/Flatten). */
  readonly perm: readonly number[] | undefined;
  /** The axis order in effect as each Reshape in `shapes` was passed. */
  readonly permsAtReshapes: readonly (readonly number[] | undefined)[];
}

/**
 * Follows `value` through single-consumer reshapes, transposes and constant scalings. Shape nodes do not
 * count as consumers: they read only the dims (torch's view(x.size()[:-1] + ...) writes them).
 */
export function flowFrom(g: OnnxGraph, value: string): Flow {
  let v = value, scale = 1;
  const shapes: string[] = [];
  const permsAtReshapes: (number[] | undefined)[] = [];
  let perm: number[] | undefined = [0, 1, 2, 3];
  for (;;) {
    const users = g.consumers(v).filter((n) => n.opType !== 'Shape');
    if (users.length !== 1) return { node: undefined, index: -1, value: v, scale, shapes, perm, permsAtReshapes };
    const n = users[0]!;
    const other = n.input?.find((i) => i !== v);
    const factor = other !== undefined && (n.opType === 'Mul' || n.opType === 'Div') ? g.scalar(other) ?? computedScalar(g, other) : undefined;
    if (PASS_THROUGH.has(n.opType ?? '') && n.input?.[0] === v) {
      if (n.opType === 'Reshape') {
        shapes.push(n.input[1] ?? '');
        permsAtReshapes.push(perm);
        perm = [0, 1, 2, 3];
      } else if (n.opType === 'Transpose') {
        const p = intsAttr(n, 'perm');
        perm = perm && p?.length === 4 ? p.map((i) => perm![i]!) : undefined;
      } else if (n.opType !== 'Identity') {
        perm = undefined;
      }
    } else if (factor !== undefined && (n.opType === 'Mul' || n.input?.[0] === v)) {
      scale *= n.opType === 'Mul' ? factor : 1 / factor;
    } else {
      return { node: n, index: (n.input ?? []).indexOf(v), value: v, scale, shapes, perm, permsAtReshapes };
    }
    v = n.output![0]!;
  }
}

/** A shape tensor's entries, NaN where computed at run time; a Concat's computed parts count one entry each. */
export function shapeValues(g: OnnxGraph, value: string): number[] | undefined {
  const direct = g.ints(value);
  if (direct) return direct;
  const concat = g.producer(value);
  if (concat?.opType !== 'Concat') return undefined;
  return (concat.input ?? []).flatMap((i) => g.ints(i) ?? [Number.NaN]);
}

/**
 * Dims of a float value found by walking back through Transpose, Reshape (constant or Concat shape) and
 * scalings to a Reshape; NaN where only known at run time, undefined when no Reshape is reached.
 */
export function inferDims(g: OnnxGraph, value: string): number[] | undefined {
  const n = g.producer(value);
  if (!n) return undefined;
  const input = n.input?.[0] ?? '';
  switch (n.opType) {
    case 'Transpose': {
      const perm = intsAttr(n, 'perm');
      let dims = inferDims(g, input);
      // A Concat's computed leading part (Slice of a Shape) may stand for several dims: the perm gives the rank.
      if (dims && perm && dims.length < perm.length && Number.isNaN(dims[0])) dims = [...new Array<number>(perm.length - dims.length).fill(Number.NaN), ...dims];
      return dims && perm && perm.length === dims.length ? perm.map((i) => dims![i]!) : undefined;
    }
    case 'Reshape': {
      const shape = shapeValues(g, n.input?.[1] ?? '');
      return shape?.map((s) => (s > 0 ? s : Number.NaN));
    }
    case 'Mul': case 'Div': case 'Identity':
      return inferDims(g, input);
    default:
      return undefined;
  }
}

/** A scalar computed from shapes (torch's SDPA export scales by Sqrt(1 / Sqrt(Shape(q)[-1]))), if finite. */
function computedScalar(g: OnnxGraph, value: string): number | undefined {
  if (g.isConst(value)) return undefined; // a constant that is not a scalar
  try {
    const r = probe(g, value, new Map(), { dimsOf: (v) => inferDims(g, v) });
    return r.data.length === 1 && Number.isFinite(r.data[0]) ? r.data[0] : undefined;
  } catch (e) {
    if (e instanceof ProbeStop) return undefined;
    throw e;
  }
}

/** What a residual add of a sublayer output and the stream becomes. */
export interface Residual {
  readonly sum: string | undefined;       // the value out + residual (+ bias); SkipLayerNormalization: its optional 4th output
  readonly norm: Norm | undefined;        // SkipLayerNormalization's LayerNorm of the sum (an Add leaves it to the caller)
  readonly bias: Float32Array | undefined; // a bias the fused op adds (belongs to the sublayer's projection)
  readonly node: NodeProto;
}

/** `out + residual` as an Add, or onnxruntime's SkipLayerNormalization(out, residual, gamma, beta?, bias?). */
export function residualOf(g: OnnxGraph, out: string, residual: string): Residual | undefined {
  for (const n of g.consumers(out)) {
    const ins = n.input ?? [];
    if (n.opType === 'Add' && ins.length === 2 && ins.includes(residual) && ins.includes(out)) {
      return { sum: n.output![0]!, norm: undefined, bias: undefined, node: n };
    }
    if (n.opType === 'SkipLayerNormalization' && ins.slice(0, 2).includes(out) && ins.slice(0, 2).includes(residual)) {
      const gamma = g.floats(ins[2] ?? '');
      const beta = ins[3] ? g.floats(ins[3]) : undefined;
      const bias = ins[4] ? g.floats(ins[4]) : undefined;
      if (!gamma || (ins[3] && !beta) || (ins[4] && !bias)) g.fail('constant gamma, beta and bias', 'computed ones', n);
      const widths = [gamma.data.length, beta?.data.length ?? gamma.data.length, bias?.data.length ?? gamma.data.length];
      if (widths.some((w) => w !== gamma.data.length)) g.fail('gamma, beta and bias of one width', `widths ${widths.join(', ')}`, n);
      const norm = { gamma: gamma.data, beta: beta?.data ?? new Float32Array(gamma.data.length), eps: g.epsilon(n), out: n.output![0]! };
      return { sum: n.output?.[3] || undefined, norm, bias: bias?.data, node: n };
    }
  }
  return undefined;
}

/**
 * The activation between FFN up and down: follows every path from `x` until each reaches a linear layer
 * (which must be one and the same), and names the activation by the ops seen. onnxruntime's BiasGelu and
 * FastGelu add a bias first: it is returned (it belongs to the up projection).
 */
export function activationFrom(g: OnnxGraph, x: string): { activation: Activation | undefined; ops: string[]; down: Linear | undefined; bias: Float32Array | undefined } {
  const seen = new Set<NodeProto>();
  const downs = new Set<Linear>();
  const queue = [x];
  while (queue.length > 0 && seen.size < 32) {
    const v = queue.shift()!;
    const lin = v === x ? [] : linearsFrom(g, v);
    if (lin.length === 1 && g.consumers(v).length === 1) { downs.add(lin[0]!); continue; }
    for (const n of g.consumers(v)) {
      if (seen.has(n)) continue;
      seen.add(n);
      queue.push(...(n.output ?? []));
    }
  }
  const nodes = [...seen];
  const ops = nodes.map((n) => n.opType ?? '').sort();
  const down = downs.size === 1 ? [...downs][0] : undefined;
  const fused = nodes.length === 1 && (ops[0] === 'BiasGelu' || ops[0] === 'FastGelu') ? nodes[0]!.input?.[1] : undefined;
  const bias = fused ? g.floats(fused) : undefined;
  if (fused && !bias) return { activation: undefined, ops, down, bias: undefined };
  return { activation: classifyActivation(ops, nodes), ops, down, bias: bias?.data };
}

function classifyActivation(ops: readonly string[], nodes: readonly NodeProto[]): Activation | undefined {
  if (ops.length === 1) {
    switch (ops[0]) {
      case 'Relu': return 'relu';
      case 'Gelu': return tanhApproximated(nodes[0]!) ? 'gelu_tanh' : 'gelu'; // ONNX opset 20 or com.microsoft (erf)
      case 'BiasGelu': return 'gelu';
      case 'FastGelu': return 'gelu_tanh';
    }
  }
  if (ops.includes('Erf') && !ops.includes('Tanh')) return 'gelu';
  if (ops.includes('Tanh') && !ops.includes('Erf') && (ops.includes('Pow') || ops.filter((o) => o === 'Mul').length >= 4)) return 'gelu_tanh';
  return undefined;
}

/** Gelu (opset 20) with approximate = "tanh". */
function tanhApproximated(n: NodeProto): boolean {
  const a = (n.attribute ?? []).find((x) => x.name === 'approximate');
  return a?.s !== undefined && a.s !== null && new TextDecoder().decode(a.s) === 'tanh';
}
