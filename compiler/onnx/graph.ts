// An indexed view of an ONNX graph for structural matching: constants, producers, consumers.

import { HasheeError } from '../errors.ts';
import { floatAttr, readFloats, readInts, tensorDims, intsAttr, findAttr, type GraphProto, type NodeProto, type TensorProto } from './proto.ts';

export interface FloatConst {
  readonly dims: readonly number[];
  readonly data: Float32Array;
}

export class OnnxGraph {
  private readonly consts = new Map<string, TensorProto>();
  private readonly producers = new Map<string, NodeProto>();
  private readonly users = new Map<string, NodeProto[]>();
  private readonly decoded = new Map<string, FloatConst | undefined>();
  readonly inputs: readonly string[];   // graph inputs that are not initializers
  readonly nodes: readonly NodeProto[];

  constructor(graph: GraphProto, readonly file: string, readonly opset: number) {
    for (const t of graph.initializer ?? []) this.consts.set(t.name ?? '', t);
    this.nodes = graph.node ?? [];
    for (const n of this.nodes) {
      for (const o of n.output ?? []) this.producers.set(o, n);
      for (const i of n.input ?? []) if (i !== '') this.users.set(i, [...(this.users.get(i) ?? []), n]);
      const value = n.opType === 'Constant' ? findAttr(n, 'value')?.t : undefined;
      if (value) this.consts.set(n.output?.[0] ?? '', value);
    }
    this.inputs = (graph.input ?? []).map((v) => v.name ?? '').filter((name) => !this.consts.has(name));
  }

  producer(value: string): NodeProto | undefined {
    return this.producers.get(value);
  }

  consumers(value: string): readonly NodeProto[] {
    return this.users.get(value) ?? [];
  }

  /** The one consumer of `value` with op `op`, if exactly one. */
  consumer(value: string, op: string): NodeProto | undefined {
    const found = this.consumers(value).filter((n) => n.opType === op);
    return found.length === 1 ? found[0] : undefined;
  }

  /** A constant tensor behind `value` (initializer or Constant node, through Identity). */
  tensor(value: string): TensorProto | undefined {
    const direct = this.consts.get(value);
    if (direct) return direct;
    const p = this.producer(value);
    return p?.opType === 'Identity' ? this.tensor(p.input?.[0] ?? '') : undefined;
  }

  /** Decoded once per value: large tables are looked at several times while matching. */
  floats(value: string): FloatConst | undefined {
    if (this.decoded.has(value)) return this.decoded.get(value);
    const t = this.tensor(value);
    const data = t && readFloats(t);
    const c = t && data ? { dims: tensorDims(t), data } : undefined;
    this.decoded.set(value, c);
    return c;
  }

  ints(value: string): number[] | undefined {
    const t = this.tensor(value);
    return t && readInts(t);
  }

  scalar(value: string): number | undefined {
    const c = this.floats(value);
    return c && c.data.length === 1 ? c.data[0] : undefined;
  }

  isConst(value: string): boolean {
    return this.tensor(value) !== undefined;
  }

  /** Reduction axes from the attribute (opset < 18) or the second input (18+). */
  axes(node: NodeProto): number[] | undefined {
    return intsAttr(node, 'axes') ?? (node.input?.[1] ? this.ints(node.input[1]) : undefined);
  }

  epsilon(node: NodeProto): number {
    return floatAttr(node, 'epsilon', 1e-5);
  }

  /** `op node 'name'` for messages. */
  describe(node: NodeProto | undefined): string {
    if (!node) return 'nothing';
    return `${node.opType} node '${node.name || node.output?.[0] || '?'}'`;
  }

  fail(expected: string, found: string): never {
    throw new HasheeError('onnx-structure', `${this.file}: expected ${expected}, found ${found}`);
  }
}
