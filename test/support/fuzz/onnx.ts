// Seeded structural mutations of ONNX files (decoded, edited, re-encoded): tensor dims far larger than the
// file or negative, wrong element types, damaged initializer bytes, missing inputs, cycles, removed or
// renamed nodes, odd attributes and input shapes, external data pointing anywhere.

import { onnx, type AttributeProto, type NodeProto, type TensorProto } from '../../../compiler/onnx/proto.ts';
import type { Rng } from '../../../compiler/util/rng.ts';
import { copy, mutateBytes, pick, type Mutated } from './mutate.ts';

type Model = ReturnType<typeof onnx.ModelProto.decode>;

const HUGE = [1e12, 2 ** 40, 2 ** 31, 2 ** 32 + 1, 1e9, 30522 * 1000, 65536];
const ODD_DIMS = [...HUGE, -1, -5, 0, 1, 3];
const DATA_TYPES = [0, 1, 2, 6, 7, 8, 9, 10, 11, 16, 99];
const ODD_INTS = [0, -1, 1, 2, 3, 100, -100, 1e9, 2 ** 40, -(2 ** 40)];
const ODD_FLOATS = [0, -1, 1e-30, 1e30, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];

type Edit = (rng: Rng, m: Model) => string;

function nodes(m: Model): NodeProto[] { return m.graph?.node ?? []; }
function inits(m: Model): TensorProto[] { return m.graph?.initializer ?? []; }

/** A tensor of the file: an initializer, or a Constant node's value. */
function someTensor(rng: Rng, m: Model): { t: TensorProto; name: string } | undefined {
  const consts = nodes(m).flatMap((n) => (n.attribute ?? []).flatMap((a) => (a.t ? [{ t: a.t, name: `Constant ${n.output?.[0]}` }] : [])));
  const all = [...inits(m).map((t) => ({ t, name: `initializer ${t.name}` })), ...consts];
  return all.length === 0 ? undefined : pick(rng, all);
}

const EDITS: Readonly<Record<string, Edit>> = {
  dims: (rng, m) => {
    const s = someTensor(rng, m);
    if (!s) return 'no tensor';
    const dims = [...(s.t.dims ?? [])];
    const op = rng.int(3);
    if (op === 0 && dims.length > 0) dims[rng.int(dims.length)] = pick(rng, ODD_DIMS);
    else if (op === 1) dims.push(pick(rng, ODD_DIMS));
    else dims.pop();
    s.t.dims = dims;
    return `${s.name}: dims -> [${dims.join(', ')}]`;
  },
  hugeTable: (rng, m) => {
    // the largest initializer (the word embeddings) declares a vocabulary far beyond its bytes
    const t = [...inits(m)].sort((a, b) => (b.rawData?.length ?? 0) - (a.rawData?.length ?? 0))[0];
    if (!t || !t.dims?.length) return 'no table';
    const rows = pick(rng, HUGE);
    t.dims = [rows, ...t.dims.slice(1)];
    return `initializer ${t.name}: rows -> ${rows}`;
  },
  dataType: (rng, m) => {
    const s = someTensor(rng, m);
    if (!s) return 'no tensor';
    s.t.dataType = pick(rng, DATA_TYPES);
    return `${s.name}: data_type -> ${s.t.dataType}`;
  },
  rawBytes: (rng, m) => {
    const s = someTensor(rng, m);
    if (!s?.t.rawData?.length) return 'no raw_data';
    const raw = copy(s.t.rawData);
    const op = rng.int(3);
    if (op === 0) { for (let k = 0; k < 4; k++) raw[rng.int(raw.length)] = 0xff; s.t.rawData = raw; return `${s.name}: 0xff bytes (NaN) in raw_data`; }
    if (op === 1) { raw[rng.int(raw.length)] ^= 1 << rng.int(8); s.t.rawData = raw; return `${s.name}: flipped bit in raw_data`; }
    s.t.rawData = copy(raw.subarray(0, rng.int(raw.length)));
    return `${s.name}: raw_data cut to ${s.t.rawData.length} bytes`;
  },
  external: (rng, m) => {
    const s = someTensor(rng, m);
    if (!s) return 'no tensor';
    const location = pick(rng, ['missing.bin', '../outside.bin', '/etc/passwd', '', 'model.onnx', '.', 'a/../../b.bin']);
    const entries = [{ key: 'location', value: location }];
    if (rng.int(2)) entries.push({ key: 'offset', value: pick(rng, ['0', '-8', '1e30', 'x', '99999999999']) });
    if (rng.int(2)) entries.push({ key: 'length', value: pick(rng, ['0', '4', '-4', '1e12', '18446744073709551616']) });
    s.t.dataLocation = onnx.TensorProto.DataLocation.EXTERNAL;
    s.t.externalData = entries;
    return `${s.name}: external data ${JSON.stringify(entries)}`;
  },
  missingInput: (rng, m) => {
    const n = pick(rng, nodes(m));
    if (!n?.input?.length) return 'no node input';
    const i = rng.int(n.input.length);
    n.input[i] = 'missing_value';
    return `${n.opType} ${n.name}: input ${i} -> a value nothing produces`;
  },
  cycle: (rng, m) => {
    const ns = nodes(m);
    if (ns.length < 2) return 'no cycle possible';
    const a = rng.int(ns.length), b = a + rng.int(ns.length - a);
    const from = ns[a]!, to = ns[b]!;
    if (!from.input?.length || !to.output?.length) return 'no cycle possible';
    from.input[rng.int(from.input.length)] = to.output[0]!;
    return `${from.opType} #${a} reads the output of ${to.opType} #${b} (a cycle)`;
  },
  removeNode: (rng, m) => {
    const ns = nodes(m);
    if (ns.length === 0) return 'no node';
    const [n] = ns.splice(rng.int(ns.length), 1);
    return `remove ${n!.opType} ${n!.name}`;
  },
  duplicateNode: (rng, m) => {
    const ns = nodes(m);
    if (ns.length === 0) return 'no node';
    const i = rng.int(ns.length);
    ns.splice(rng.int(ns.length), 0, onnx.NodeProto.decode(onnx.NodeProto.encode(ns[i]!).finish()));
    return `duplicate ${ns[i]!.opType} #${i}`;
  },
  opType: (rng, m) => {
    const ns = nodes(m);
    if (ns.length === 0) return 'no node';
    const n = pick(rng, ns);
    const op = pick(rng, [...new Set(ns.map((x) => x.opType ?? ''))]);
    const before = n.opType;
    n.opType = op;
    if (rng.int(4) === 0) n.domain = pick(rng, ['com.microsoft', 'ai.onnx.ml', 'foo']);
    return `${before} ${n.name} -> ${op}${n.domain ? ` (domain ${n.domain})` : ''}`;
  },
  attribute: (rng, m) => {
    const withAttrs = nodes(m).filter((n) => (n.attribute ?? []).length > 0);
    if (withAttrs.length === 0) return 'no attribute';
    const n = pick(rng, withAttrs);
    const a: AttributeProto = pick(rng, n.attribute!);
    if (a.ints && a.ints.length > 0) a.ints = a.ints.map(() => pick(rng, ODD_INTS));
    else if (a.type === onnx.AttributeProto.AttributeType.INT) a.i = pick(rng, ODD_INTS);
    else if (a.type === onnx.AttributeProto.AttributeType.FLOAT) a.f = pick(rng, ODD_FLOATS);
    else if (a.t) a.t.dims = [pick(rng, ODD_DIMS)];
    return `${n.opType} ${n.name}: attribute ${a.name} changed`;
  },
  constantValue: (rng, m) => {
    // small int constants steer shapes, ranges and gathers: make them odd
    const small = inits(m).filter((t) => (t.dataType === 7 || t.dataType === 6) && (t.rawData?.length ?? 0) <= 64);
    const consts = nodes(m).filter((n) => n.opType === 'Constant').flatMap((n) => (n.attribute ?? []).flatMap((a) => (a.t && a.t.dataType === 7 ? [a.t] : [])));
    const all = [...small, ...consts];
    if (all.length === 0) return 'no int constant';
    const t = pick(rng, all);
    const count = (t.dims ?? []).reduce<number>((x, d) => x * Number(d), 1);
    const values = Array.from({ length: Math.max(0, Math.min(count, 16)) }, () => BigInt(pick(rng, [0, -1, 1, 2, 5, 1e6, 1e9, -1e9, 2 ** 40])));
    t.rawData = new Uint8Array(BigInt64Array.from(values).buffer);
    t.int64Data = [];
    t.dataType = 7;
    return `int constant ${t.name || '(Constant)'} -> [${values.join(', ')}]`;
  },
  inputShape: (rng, m) => {
    const ins = m.graph?.input ?? [];
    if (ins.length === 0) return 'no graph input';
    const v = pick(rng, ins);
    const dims = v.type?.tensorType?.shape?.dim ?? [];
    if (dims.length === 0) return `${v.name}: no shape`;
    const d = pick(rng, dims);
    d.dimParam = '';
    d.dimValue = pick(rng, ODD_DIMS);
    if (rng.int(3) === 0 && v.type?.tensorType) v.type.tensorType.elemType = pick(rng, DATA_TYPES);
    return `graph input ${v.name}: a dim -> ${String(d.dimValue)}`;
  },
  opset: (rng, m) => {
    const v = pick(rng, [0, 1, 7, 11, 13, 18, 21, 1000]);
    if (rng.int(5) === 0) { m.opsetImport = []; return 'no opset_import'; }
    m.opsetImport = [{ domain: '', version: v }];
    return `opset -> ${v}`;
  },
  removeInitializer: (rng, m) => {
    const ts = inits(m);
    if (ts.length === 0) return 'no initializer';
    const [t] = ts.splice(rng.int(ts.length), 1);
    return `remove initializer ${t!.name}`;
  },
  renameInitializer: (rng, m) => {
    const ts = inits(m);
    if (ts.length < 2) return 'no initializer';
    const a = pick(rng, ts), b = pick(rng, ts);
    a.name = b.name;
    return `initializer ${a.name} now shares its name with another`;
  },
};

/** 1 to 3 structural edits of an ONNX file, or (one case in four) byte-level damage. */
export function mutateOnnx(rng: Rng, bytes: Uint8Array): Mutated<Uint8Array> {
  if (rng.int(4) === 0) return mutateBytes(rng, bytes);
  const m = onnx.ModelProto.decode(bytes);
  const names = Object.keys(EDITS);
  const what: string[] = [];
  for (let k = 1 + rng.int(3); k > 0; k--) what.push(EDITS[pick(rng, names)]!(rng, m));
  return { value: onnx.ModelProto.encode(m).finish(), what: what.join('; ') };
}
