// An indexed view of an ONNX graph for structural matching: constants (checked against their bytes),
// producers, consumers, and located errors naming the node where a pattern stops.

import { HasheeError } from '../errors.ts';
import {
  FLOAT, INT64, findAttr, floatAttr, intAttr, intsAttr, readFloats, readInts, tensorDims, toNumber,
  type GraphProto, type NodeProto, type TensorProto,
} from './proto.ts';
import { checkTensors, readExternal, type ExternalRef } from './tensors.ts';

export interface FloatConst {
  readonly dims: readonly number[];
  readonly data: Float32Array;
}

/** Default epsilon of each normalisation op when the attribute is absent (ONNX 1e-5; onnxruntime's fused ops 1e-12). */
const DEFAULT_EPSILON: Readonly<Record<string, number>> = {
  LayerNormalization: 1e-5, SkipLayerNormalization: 1e-12, EmbedLayerNormalization: 1e-12,
};

export class OnnxGraph {
  private readonly consts = new Map<string, TensorProto>();
  private readonly producers = new Map<string, NodeProto>();
  private readonly users = new Map<string, NodeProto[]>();
  private readonly decoded = new Map<string, FloatConst | undefined>();
  private readonly index = new Map<NodeProto, number>();
  private readonly external: Map<TensorProto, ExternalRef>;
  readonly inputs: readonly string[];   // graph inputs that are not initializers
  readonly nodes: readonly NodeProto[];
  private readonly declared = new Map<string, (number | undefined)[]>();

  /** `file` as the user gave it: messages name it, external data resolves relative to its folder. */
  constructor(graph: GraphProto, readonly file: string, readonly opset: number) {
    for (const t of graph.initializer ?? []) this.consts.set(t.name ?? '', t);
    this.nodes = graph.node ?? [];
    this.nodes.forEach((n, i) => {
      this.index.set(n, i);
      for (const o of n.output ?? []) if (o !== '') this.producers.set(o, n);
      for (const input of n.input ?? []) if (input !== '') this.users.set(input, [...(this.users.get(input) ?? []), n]);
      const value = n.opType === 'Constant' ? constantValue(n) : undefined;
      if (value) this.consts.set(n.output?.[0] ?? '', value);
    });
    this.external = checkTensors([...this.consts.values()], file);
    this.inputs = (graph.input ?? []).map((v) => v.name ?? '').filter((name) => !this.consts.has(name));
    this.checkDataflow();
    for (const v of graph.input ?? []) {
      const dims = v.type?.tensorType?.shape?.dim ?? [];
      this.declared.set(v.name ?? '', dims.map((dim) => (dim.dimValue !== undefined && dim.dimValue !== null && toNumber(dim.dimValue) > 0 ? toNumber(dim.dimValue) : undefined)));
    }
  }

  /**
   * Every node input is a graph input, a constant or one node's output, and the nodes form no cycle
   * (ONNX graphs are acyclic): the matchers and the probe walk producers and would otherwise loop.
   */
  private checkDataflow(): void {
    const fail = (message: string, expected: string, actual: string, at: NodeProto): never => {
      throw new HasheeError('onnx-structure', `${this.file}: ${this.describe(at)} ${message}`, { expected, actual });
    };
    const defined = new Set([...this.inputs, ...this.consts.keys()]);
    const made = new Map<string, NodeProto>();
    for (const n of this.nodes) {
      for (const o of n.output ?? []) {
        if (o === '') continue;
        const other = made.get(o);
        if (other || this.inputs.includes(o)) fail(`writes '${o}', which ${other ? `${this.describe(other)} writes too` : 'is a graph input'}`, 'each value written once', `'${o}' written twice`, n);
        made.set(o, n);
      }
    }
    for (const n of this.nodes) {
      const missing = (n.input ?? []).find((v) => v !== '' && !defined.has(v) && !made.has(v));
      if (missing !== undefined) fail(`reads '${missing}', which is neither a graph input, an initializer nor any node's output`, 'inputs defined in the graph', `'${missing}' undefined`, n);
    }
    // Kahn's algorithm: a node runs once every input it reads from another node is ready
    const waiting = new Map(this.nodes.map((n) => [n, new Set((n.input ?? []).filter((v) => made.has(v))).size] as const));
    const ready = this.nodes.filter((n) => waiting.get(n) === 0);
    let done = 0;
    for (let n = ready.pop(); n; n = ready.pop()) {
      done++;
      for (const o of new Set(n.output ?? [])) {
        for (const u of new Set(this.consumers(o))) {
          const left = waiting.get(u)! - 1;
          waiting.set(u, left);
          if (left === 0) ready.push(u);
        }
      }
    }
    if (done < this.nodes.length) {
      const stuck = this.nodes.find((n) => waiting.get(n)! > 0)!;
      fail('is part of a cycle: it reads, through other nodes, its own output', 'an acyclic graph', 'a cycle', stuck);
    }
  }

  /** A graph input's declared dims: numbers where static, undefined where symbolic (batch, sequence) or absent. */
  inputDims(name: string): readonly (number | undefined)[] {
    return this.declared.get(name) ?? [];
  }

  /** The consumers of `value` for messages. */
  describeUsers(value: string): string {
    const users = this.consumers(value);
    return users.length === 0 ? `no consumer of '${value}'` : users.map((n) => this.describe(n)).join(', ');
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

  /**
   * Float values behind `value`, decoded once (large tables are looked at several times while matching):
   * a FLOAT, FLOAT16 or BFLOAT16 constant, also through Cast to float (fp16 weights with a Cast after them).
   */
  floats(value: string): FloatConst | undefined {
    if (this.decoded.has(value)) return this.decoded.get(value);
    const t = this.tensor(value);
    let c: FloatConst | undefined;
    if (t) {
      const data = this.floatsOf(t);
      c = data && { dims: tensorDims(t), data };
    } else {
      const cast = this.producer(value);
      if (cast?.opType === 'Cast' && intAttr(cast, 'to', 0) === FLOAT) c = this.floats(cast.input?.[0] ?? '');
    }
    this.decoded.set(value, c);
    return c;
  }

  /** Integer values behind `value` (INT64, INT32 or BOOL constant, also through Cast). */
  ints(value: string): number[] | undefined {
    const t = this.tensor(value);
    if (t) return this.intsOf(t);
    const cast = this.producer(value);
    return cast?.opType === 'Cast' ? this.ints(cast.input?.[0] ?? '') : undefined;
  }

  floatsOf(t: TensorProto): Float32Array | undefined {
    const ref = this.external.get(t);
    return readFloats(t, ref && readExternal(ref));
  }

  intsOf(t: TensorProto): number[] | undefined {
    const ref = this.external.get(t);
    return readInts(t, ref && readExternal(ref));
  }

  scalar(value: string): number | undefined {
    const c = this.floats(value);
    return c && c.data.length === 1 ? c.data[0] : undefined;
  }

  isConst(value: string): boolean {
    return this.floats(value) !== undefined || this.ints(value) !== undefined;
  }

  /** Reduction axes from the attribute (opset < 18) or the second input (18+). */
  axes(node: NodeProto): number[] | undefined {
    return intsAttr(node, 'axes') ?? (node.input?.[1] ? this.ints(node.input[1]) : undefined);
  }

  epsilon(node: NodeProto): number {
    return floatAttr(node, 'epsilon', DEFAULT_EPSILON[node.opType ?? ''] ?? 1e-5);
  }

  /** `op node 'name' (#index)` for messages, with the domain of a non-standard op. */
  describe(node: NodeProto | undefined): string {
    if (!node) return 'nothing';
    const domain = node.domain && node.domain !== 'ai.onnx' ? `${node.domain}.` : '';
    return `${domain}${node.opType} node '${node.name || node.output?.[0] || '?'}' (#${this.index.get(node) ?? '?'})`;
  }

  /** Throws HasheeError('onnx-structure'): what the importer expected (at `at`, when known) and what it found. */
  fail(expected: string, found: string, at?: NodeProto): never {
    const where = at ? ` at ${this.describe(at)}` : '';
    throw new HasheeError('onnx-structure', `${this.file}: unsupported graph${where}: expected ${expected}, found ${found}`, { expected, actual: found });
  }
}

/** A Constant node's value as a tensor: `value`, or the scalar/list forms (value_float(s), value_int(s)). */
function constantValue(n: NodeProto): TensorProto | undefined {
  const value = findAttr(n, 'value')?.t;
  if (value) return value;
  const name = n.output?.[0] ?? '';
  const f = findAttr(n, 'value_float'), fs = findAttr(n, 'value_floats');
  const i = findAttr(n, 'value_int'), is = intsAttr(n, 'value_ints');
  if (f) return { name, dims: [], dataType: FLOAT, floatData: [f.f ?? 0] };
  if (fs) return { name, dims: [fs.floats?.length ?? 0], dataType: FLOAT, floatData: [...(fs.floats ?? [])] };
  if (i) return { name, dims: [], dataType: INT64, int64Data: [intAttr(n, 'value_int', 0)] };
  if (is) return { name, dims: [is.length], dataType: INT64, int64Data: is };
  return undefined;
}
