// What the fuzzer found in the compiler (test/fuzz.test.ts, `npm run fuzz`), one focused regression each:
// the case that found it (kind:seed; replay with `npm run fuzz -- --replay kind:seed` on the commit before
// the fix), the input reduced to the point, and the located error (exit 1) now given instead of an
// internal error, an out-of-memory abort or a hang.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { main } from '../compiler/cli.ts';
import { importOnnx } from '../compiler/onnx/index.ts';
import { onnx, INT64, type TensorProto } from '../compiler/onnx/proto.ts';
import { loadTokenizer } from '../compiler/corpus/tokenizer-file.ts';
import { randomWeights } from '../compiler/weights/random.ts';
import type { ArchConfig, HeadConfig, Model } from '../contract/model.ts';
import { tokenizerJson } from '../scripts/build-tokenizer.ts';
import { encoderFixture, withExternalData, type FixtureStyle } from './support/onnx-fixtures.ts';
import { hasheeError } from './support/errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'hashee-fuzz-found-'));

async function cli(...argv: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await main(argv, { out: () => {}, err: (s) => { err += s; } });
  return { code, err };
}

const arch = (over: Partial<ArchConfig> = {}): ArchConfig => ({
  layers: 2, hidden: 16, heads: 2, ffn: 32, vocabSize: 40, maxPositions: 16, typeVocabSize: 2, activation: 'gelu',
  layerNormEps: 1e-12, norm: 'post', embeddingSize: 16, sharedLayers: false, ...over,
});
const head: HeadConfig = { kind: 'classification', labels: 2 };
const model = (a = arch()): Model => ({ arch: a, head, weights: randomWeights(a, head, 7, 0.2) });

/** An ONNX fixture, decoded for editing, and a function that encodes the edited proto. */
function fixture(style: FixtureStyle = {}, m = model()) {
  const proto = onnx.ModelProto.decode(encoderFixture(m, style).bytes);
  const graph = proto.graph!;
  return { proto, graph, bytes: () => onnx.ModelProto.encode(proto).finish() };
}

function int64(name: string, values: readonly number[]): TensorProto {
  return { name, dims: [values.length], dataType: INT64, rawData: new Uint8Array(BigInt64Array.from(values, BigInt).buffer) };
}

test('onnx:3561490834, onnx:191111027: static input dims of 1e9 or 2^40 are refused before the probe allocates them (was: out of memory, Invalid array length)', async () => {
  for (const huge of [1e9, 2 ** 40]) {
    const f = fixture();
    const mask = f.graph.input!.find((v) => v.name === 'attention_mask')!;
    mask.type!.tensorType!.shape!.dim = [{ dimValue: 2 }, { dimValue: huge }];
    const e = hasheeError(() => importOnnx(f.bytes(), 'm.onnx'));
    assert.is(e.code, 'onnx-structure');
    assert.match(e.message, new RegExp(`found input 'attention_mask' declared \\[2,${huge}\\]`));
    assert.match(e.message, /graph input dims \[batch, sequence\] of at most 1048576 values/);
  }
});

test('found reading the probe after the cases above: a Range that never ends and an Expand to 10^12 values stop at their node', () => {
  const f = fixture({ positions: 'range' });
  const range = f.graph.node!.find((n) => n.opType === 'Range')!;
  f.graph.initializer!.push(int64('zero_step', [0]));
  range.input![2] = 'zero_step';
  let e = hasheeError(() => importOnnx(f.bytes(), 'm.onnx'));
  assert.match(e.message, /Range\(0, 5, 0\) does not end/);
  assert.match(e.message, /at Range node/);
  const g = fixture({ positions: 'range' });
  const expand = g.graph.node!.find((n) => n.opType === 'Expand')!;
  g.graph.initializer!.push(int64('big_shape', [1e6, 1e6]));
  expand.input![1] = 'big_shape';
  e = hasheeError(() => importOnnx(g.bytes(), 'm.onnx'));
  assert.match(e.message, /the Expand shape \[1000000,1000000\] holds 1000000000000 values, more than the 1048576 an index computation may/);
});

test('onnx:3748613755 and the cycle edit: a node reading a value nothing writes, a value written twice, a cycle (was: a far-off structure error; a stack overflow for a cycle in the position ids)', () => {
  const missing = fixture();
  const reader = missing.graph.node!.find((n) => n.opType === 'MatMul')!;
  reader.input![1] = 'missing_value';
  let e = hasheeError(() => importOnnx(missing.bytes(), 'm.onnx'));
  assert.is(e.code, 'onnx-structure');
  assert.match(e.message, /MatMul node '.*' \(#\d+\) reads 'missing_value', which is neither a graph input, an initializer nor any node's output/);
  const twice = fixture();
  const [a, b] = twice.graph.node!.filter((n) => n.opType === 'Add');
  b!.output![0] = a!.output![0]!;
  e = hasheeError(() => importOnnx(twice.bytes(), 'm.onnx'));
  assert.match(e.message, /writes '.*', which Add node '.*' \(#\d+\) writes too/);
  const cyclic = fixture();
  const nodes = cyclic.graph.node!;
  const first = nodes.find((n) => n.opType === 'Add')!, later = nodes[nodes.length - 2]!;
  first.input![0] = later.output![0]!;
  e = hasheeError(() => importOnnx(cyclic.bytes(), 'm.onnx'));
  assert.match(e.message, /is part of a cycle: it reads, through other nodes, its own output/);
  // the index probe evaluated this one recursively, without end
  const positions = fixture({ positions: 'range' });
  const range = positions.graph.node!.find((n) => n.opType === 'Range')!;
  range.input![1] = positions.graph.node!.find((n) => n.opType === 'Expand')!.output![0]!;
  e = hasheeError(() => importOnnx(positions.bytes(), 'm.onnx'));
  assert.match(e.message, /Range node '.*' \(#\d+\) is part of a cycle/);
});

test('gap of issue 10: external data of a sparse 60 GiB side file declaring a vocabulary of 1e9 is refused before it is read', async () => {
  const folder = mkdtempSync(join(dir, 'sparse-'));
  const proto = onnx.ModelProto.decode(withExternalData(encoderFixture(model()).bytes, folder, 'model.onnx.data'));
  const word = proto.graph!.initializer!.find((t) => Number(t.dims?.[0]) === 40 && Number(t.dims?.[1]) === 16)!;
  const rows = 1e9, bytes = rows * 16 * 4;
  word.dims = [rows, 16];
  word.externalData = [{ key: 'location', value: 'huge.data' }, { key: 'offset', value: '0' }, { key: 'length', value: String(bytes) }];
  writeFileSync(join(folder, 'huge.data'), '');
  truncateSync(join(folder, 'huge.data'), bytes); // sparse: no disk space used
  writeFileSync(join(folder, 'model.onnx'), onnx.ModelProto.encode(proto).finish());
  const r = await cli('import', join(folder, 'model.onnx'));
  assert.is(r.code, 1, r.err);
  assert.match(r.err, /error\[file-format\]: .*model\.onnx: its float tensors need 59\.6 GiB \(\d+ bytes\) as float32, over the 4 GiB a model may hold; the largest is '.*' \[1000000000,16\]: 59\.6 GiB/);
});

test('gap of issue 10: a small file whose model needs more than 4 GiB at run time (max_positions 50000, ffn 22000) is refused by import', () => {
  const a = arch({ hidden: 2, embeddingSize: 2, heads: 1, ffn: 22_000, maxPositions: 50_000, vocabSize: 10, layers: 1 });
  const e = hasheeError(() => importOnnx(encoderFixture(model(a)).bytes, 'm.onnx'));
  assert.is(e.code, 'file-format');
  assert.match(e.message, /m\.onnx: the model it holds does not fit: one input of max_positions \(50000\) tokens needs 4\.1 GiB .* of float32 activations.*\(model\.max_positions would be 50000\)/);
});

test('the rawBytes edit (0xff bytes): NaN weights are refused, naming the tensor and the value', () => {
  const f = fixture();
  const word = f.graph.initializer!.find((t) => Number(t.dims?.[0]) === 40)!;
  const raw = new Uint8Array(word.rawData!);
  raw.set([0xff, 0xff, 0xff, 0xff], 4 * 17);
  word.rawData = raw;
  const e = hasheeError(() => importOnnx(f.bytes(), 'm.onnx'));
  assert.is(e.code, 'file-format');
  assert.match(e.message, /m\.onnx: the weights hold NaN \(wordEmb, value 17\): the file is damaged/);
});

test('corpus:3005566765, corpus:4137004450, corpus:1219521263: a tokenizer.json that breaks while encoding is a file-format error (was: internal errors from the tokenizer library)', async () => {
  const vocab = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]', 'good', 'film'];
  const edits: [string, (j: Record<string, any>) => void, RegExp][] = [
    ['post-processor', (j) => { j['post_processor'].single = 'x'; }, /encoding "good film" failed \(.*SpecialToken/],
    ['string id', (j) => { j['model'].vocab.film = '6'; }, /token "film" has the id "6": expected a string token with an integer id >= 0/],
    ['numeric token', (j) => { j['post_processor'].single[0].SpecialToken.id = 3; }, /token 3 has the id \d+: expected a string token/],
  ];
  for (const [name, edit, message] of edits) {
    const json = tokenizerJson(vocab) as Record<string, any>;
    edit(json);
    const file = join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify(json));
    const e = hasheeError(() => loadTokenizer(file).encode('good film'));
    assert.is(e.code, 'file-format', name);
    assert.match(e.message, /not a supported Hugging Face tokenizer\.json: encoding "good film" failed/, name);
    assert.match(e.message, message, name);
  }
});

test('spec:3308235954: a NUL character or a 5000-character name in a spec path is a located error (was: internal error from node:fs)', async () => {
  const spec = (path: string): string => `name: t\nmodel: { layers: 2, hidden: 8, heads: 2, ffn: 16, vocab_size: 64, max_positions: 32 }\nhead: { kind: none }\nweights: { onnx: ${JSON.stringify(path)} }\nexit: { policy: none }\n`;
  writeFileSync(join(dir, 'nul.yaml'), spec('a\u0000.onnx'));
  let r = await cli('check', join(dir, 'nul.yaml'));
  assert.is(r.code, 1, r.err);
  assert.match(r.err, /nul\.yaml:4:18: error\[spec-value\]: the path "a\\u0000\.onnx" holds a NUL character, which no file name can \(at weights\.onnx\)/);
  writeFileSync(join(dir, 'long.yaml'), spec('x'.repeat(5000)));
  r = await cli('check', join(dir, 'long.yaml'));
  assert.is(r.code, 1, r.err);
  assert.match(r.err, /long\.yaml:4:18: error\[file-missing\]: cannot read 'x{5000}' \(ENAMETOOLONG\) \(at weights\.onnx\)/);
});

test('found reading the zip reader while adding deflated archives to the fuzz: a damaged deflate stream is a file-format error (was: internal error)', async () => {
  const good = new Uint8Array(deflateRawSync(Uint8Array.from([0x80, 2, 0x7d, 0x28, 0x4b, 5, 0x4b, 2, 0x75, 0x2e])));
  const data = Uint8Array.from([...good.subarray(0, good.length - 3), 0xff, 0xff, 0xff]);
  const name = new TextEncoder().encode('archive/data.pkl');
  const u16 = (v: number): number[] => [v & 255, v >> 8];
  const u32 = (v: number): number[] => [v & 255, (v >> 8) & 255, (v >> 16) & 255, (v >>> 24) & 255];
  const common = [...u16(20), ...u16(0), ...u16(8), ...u16(0), ...u16(0), ...u32(0), ...u32(data.length), ...u32(10), ...u16(name.length), ...u16(0)];
  const local = [...u32(0x04034b50), ...common, ...name, ...data];
  const central = [...u32(0x02014b50), ...u16(20), ...common, ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(0), ...name];
  const zip = Uint8Array.from([...local, ...central, ...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(1), ...u16(1), ...u32(central.length), ...u32(local.length), ...u16(0)]);
  writeFileSync(join(dir, 'table.pt'), zip);
  writeFileSync(join(dir, 'table.yaml'), 'name: t\nmodel: { layers: 4, hidden: 8, heads: 2, ffn: 16, vocab_size: 64, max_positions: 32 }\nhead: { kind: none }\nweights: { random: { seed: 1 } }\nexit: { policy: table, table: table.pt, table_values: buckets }\n');
  const r = await cli('check', join(dir, 'table.yaml'));
  assert.is(r.code, 1, r.err);
  assert.match(r.err, /table\.yaml:5:31: error\[file-format\]: .*table\.pt: a torch\.save file that is not a dict of ints: zip entry 'archive\/data\.pkl' does not inflate \(/);
});

test('argv:3029548059: hashee without a command is a usage error (exit 1 with error[usage]); --help still prints the usage (exit 0)', async () => {
  for (const argv of [[], ['']]) {
    const r = await cli(...argv);
    assert.is(r.code, 1);
    assert.match(r.err, /^error\[usage\]: give a command: check, schedule, run, import, export-onnx, compile, report, train, eval, generate\nRun 'hashee --help' for usage\./);
  }
  let out = '';
  assert.is(await main(['--help'], { out: (s) => { out += s; }, err: () => {} }), 0);
  assert.match(out, /^hashee \S+ — compile transformers/);
});

test.run();
