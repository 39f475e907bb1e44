// Builds ONNX graphs node by node: deterministic value names from one counter, constants as initializers
// or Constant nodes, the shape helpers the exporters share, and the model wrapper (IR 8, default domain).

import {
  attr, floatTensor, int64Tensor, onnx, INT64,
  type AttributeProto, type GraphProto, type NodeProto, type TensorProto, type TensorStorage, type ValueInfoProto,
} from './proto.ts';

/** Collects nodes and constants; values are named `${scope}/${op}_${n}` from one counter (deterministic). */
export class GraphBuilder {
  readonly nodes: NodeProto[] = [];
  readonly initializers: TensorProto[] = [];
  private count = 0;
  private readonly shapeCache = new Map<string, string>();
  private readonly names = new Set<string>();
  /** Float constants by name: the same array under the same name is one constant (shared layers). */
  private readonly floatData = new Map<string, Float32Array>();

  constructor(readonly opset: number, private readonly storage: TensorStorage, private readonly constants: 'initializers' | 'nodes') {}

  op(opType: string, inputs: readonly string[], scope: string, attributes: AttributeProto[] = [], output?: string): string {
    const name = `${scope}/${opType}_${this.count++}`;
    const out = output ?? `${name}_output_0`;
    this.nodes.push({ name, opType, input: [...inputs], output: [out], attribute: attributes });
    return out;
  }

  /**
   * A node with several outputs, in `domain` (default: the standard one). `used[i]` false leaves optional
   * output i unnamed (''); returns the output names.
   */
  opOutputs(opType: string, inputs: readonly string[], scope: string, used: readonly boolean[], attributes: AttributeProto[] = [], domain?: string): string[] {
    const name = `${scope}/${opType}_${this.count++}`;
    const outputs = used.map((u, i) => (u ? `${name}_output_${i}` : ''));
    this.nodes.push({ name, opType, input: [...inputs], output: outputs, attribute: attributes, ...(domain ? { domain } : {}) });
    return outputs;
  }

  /** A float constant; asking again with the same name and the same array returns the first one (no copy). */
  floats(name: string, dims: readonly number[], data: Float32Array): string {
    if (this.floatData.get(name) === data) return name;
    this.floatData.set(name, data);
    return this.constant(floatTensor(name, dims, data, this.storage));
  }

  scalar(name: string, value: number): string {
    return this.floats(name, [], Float32Array.of(value));
  }

  /** A name no other value has: `${prefix}_${n}`. */
  fresh(prefix: string): string {
    return `${prefix}_${this.count++}`;
  }

  ints(name: string, dims: readonly number[], values: readonly number[]): string {
    return this.constant(int64Tensor(name, dims, values, this.storage));
  }

  private constant(t: TensorProto): string {
    const name = t.name!;
    if (this.names.has(name)) throw new Error(`internal: constant ${name} defined twice`);
    this.names.add(name);
    if (this.constants === 'initializers') this.initializers.push(t);
    else this.nodes.push({ name: `${name}/Constant`, opType: 'Constant', input: [], output: [name], attribute: [attr.tensor('value', t)] });
    return name;
  }

  /** [batch, seq, last] as an int64 shape tensor, from the input's runtime shape (one per `last`). */
  shapeWith(last: number): string {
    const key = String(last);
    const cached = this.shapeCache.get(key);
    if (cached) return cached;
    const batchSeq = this.op('Shape', ['input_ids'], '/shape');
    const shape = this.op('Concat', [batchSeq, this.ints(`/shape/last_${last}`, [1], [last])], '/shape', [attr.int('axis', 0)]);
    this.shapeCache.set(key, shape);
    return shape;
  }

  /** Opset 13+: axes as an input. */
  unsqueeze(x: string, axes: readonly number[], scope: string): string {
    return this.op('Unsqueeze', [x, this.ints(this.fresh(`${scope}/axes`), [axes.length], axes)], scope);
  }

  /** Mean over the last axis, kept: axes is an attribute before opset 18, an input from 18. */
  reduceMeanLast(x: string, scope: string): string {
    if (this.opset >= 18) return this.op('ReduceMean', [x, this.ints(this.fresh(`${scope}/axes`), [1], [-1])], scope, [attr.int('keepdims', 1)]);
    return this.op('ReduceMean', [x], scope, [attr.ints('axes', [-1]), attr.int('keepdims', 1)]);
  }

  /** The graph; inputs default to int64 [batch, seq] input_ids, attention_mask and token_type_ids. */
  finish(name: string, outputs: readonly ValueInfoProto[], inputs?: readonly ValueInfoProto[]): GraphProto {
    const intInput = (n: string): ValueInfoProto => tensorInfo(n, INT64, ['batch', 'seq']);
    return {
      name,
      node: this.nodes,
      initializer: this.initializers,
      input: [...(inputs ?? [intInput('input_ids'), intInput('attention_mask'), intInput('token_type_ids')])],
      output: [...outputs],
    };
  }
}

/** The graph as a model file: IR version 8, one default-domain opset import. */
export function encodeModel(graph: GraphProto, opset: number): Uint8Array {
  const proto = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'hashee',
    opsetImport: [{ domain: '', version: opset }],
    graph,
  });
  return onnx.ModelProto.encode(proto).finish();
}

export function tensorInfo(name: string, elemType: number, dims: readonly (string | number)[]): ValueInfoProto {
  const dim = dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d }));
  return { name, type: { tensorType: { elemType, shape: { dim } } } };
}

