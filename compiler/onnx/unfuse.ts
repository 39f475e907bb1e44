// onnxruntime's C++ graph optimizer forms back to the plain ops the structural importer reads, for files
// saved with `optimizedModelFilePath` (or `optimized_model_filepath`): FusedMatMul (com.microsoft; a MatMul
// with the attention scale folded in, MatMulScaleFusion) becomes MatMul then Mul by alpha, FusedGemm (a
// MatMul + Add, maybe with its activation: the pooler's Tanh) becomes Gemm then the activation, and a position
// table taken by Slice (constant folding turns Gather(table, Range(0, n)) into Slice(table, 0, n)) becomes
// Gather(table, Range(start, end)), whose indices the importer's probe then checks like any others.

import { attr, floatAttr, floatTensor, int64Tensor, intAttr, type GraphProto, type NodeProto, type TensorProto } from './proto.ts';
import type { OnnxGraph } from './graph.ts';
import { probe, ProbeStop } from './probe.ts';

/** FusedGemm activations with no parameters, which are ONNX ops of the same name. */
const PLAIN_ACTIVATIONS = new Set(['Relu', 'Tanh', 'Sigmoid']);

export interface Unfused {
  readonly graph: GraphProto;
  /** Nodes rewritten (0: the graph had none of these forms). */
  readonly rewritten: number;
}

/** Integer values of `value` when they follow from constants alone (the optimizer's Unsqueeze of a constant, say). */
function constantInts(g: OnnxGraph, value: string): readonly number[] | undefined {
  const direct = g.ints(value);
  if (direct) return direct;
  try {
    return probe(g, value, new Map()).data;
  } catch (e) {
    if (e instanceof ProbeStop) return undefined;
    throw e;
  }
}

export function unfuseGraph(graph: GraphProto, g: OnnxGraph): Unfused {
  const replaced = new Map<NodeProto, NodeProto[]>();
  const added: TensorProto[] = [];
  for (const n of g.nodes) {
    const out = n.output?.[0] ?? '', name = n.name || out;
    if (n.opType === 'FusedMatMul' && n.domain === 'com.microsoft' && n.input?.length === 2) {
      // alpha * A @ B, without transposes
      if (!['transA', 'transB', 'transBatchA', 'transBatchB'].every((a) => intAttr(n, a, 0) === 0)) continue;
      const alpha = floatAttr(n, 'alpha', 1);
      if (alpha === 1) {
        replaced.set(n, [{ name, opType: 'MatMul', input: [...n.input], output: [out] }]);
        continue;
      }
      const scale = `${name}/alpha`;
      added.push(floatTensor(scale, [], Float32Array.of(alpha), 'raw'));
      replaced.set(n, [
        { name, opType: 'MatMul', input: [...n.input], output: [`${out}/unscaled`] },
        { name: `${name}/scale`, opType: 'Mul', input: [`${out}/unscaled`, scale], output: [out] },
      ]);
    } else if (n.opType === 'FusedGemm' && n.domain === 'com.microsoft') {
      // Gemm with its activation (MatMulAddFusion + GemmActivationFusion): Gemm, then the activation op
      const act = n.attribute?.find((a) => a.name === 'activation');
      const actOp = act?.s ? new TextDecoder().decode(act.s) : undefined;
      if (actOp !== undefined && !PLAIN_ACTIVATIONS.has(actOp)) continue;
      const gemmAttrs = (n.attribute ?? []).filter((a) => ['alpha', 'beta', 'transA', 'transB'].includes(a.name ?? ''));
      replaced.set(n, actOp === undefined ? [{ name, opType: 'Gemm', input: [...n.input!], output: [out], attribute: gemmAttrs }] : [
        { name, opType: 'Gemm', input: [...n.input!], output: [`${out}/linear`], attribute: gemmAttrs },
        { name: `${name}/${actOp}`, opType: actOp, input: [`${out}/linear`], output: [out] },
      ]);
    } else if (n.opType === 'Slice' && (n.domain ?? '') === '' && (n.input?.length ?? 0) >= 3) {
      // Slice(table [rows, E] constant, starts [1], ends [1], axes [0]?, steps [1]?) of rows start..end-1
      const table = g.floats(n.input![0]!);
      const axes = n.input![3] ? constantInts(g, n.input![3]) : [0];
      const steps = n.input![4] ? constantInts(g, n.input![4]) : [1];
      if (!table || table.dims.length !== 2 || axes?.length !== 1 || axes[0] !== 0 || steps?.length !== 1 || steps[0] !== 1) continue;
      const [start, end] = [`${name}/start`, `${name}/end`];
      replaced.set(n, [
        { name: start, opType: 'Squeeze', input: [n.input![1]!], output: [start] },
        { name: end, opType: 'Squeeze', input: [n.input![2]!], output: [end] },
        { name: `${name}/rows`, opType: 'Range', input: [start, end, `${name}/one`], output: [`${name}/rows`] },
        { name, opType: 'Gather', input: [n.input![0]!, `${name}/rows`], output: [out], attribute: [attr.int('axis', 0)] },
      ]);
      added.push(int64Tensor(`${name}/one`, [], [1], 'raw'));
    }
  }
  if (replaced.size === 0) return { graph, rewritten: 0 };
  return { graph: { ...graph, node: g.nodes.flatMap((n) => replaced.get(n) ?? [n]), initializer: [...(graph.initializer ?? []), ...added] }, rewritten: replaced.size };
}
