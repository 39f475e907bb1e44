// Exit-table policies against hand-worked tables: the reference bucket rule, frequency, mi, random, cluster, table.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArchConfig } from '../contract/model.ts';
import type { ExitPolicy, Spec } from '../compiler/spec/types.ts';
import { buildExitTable } from '../compiler/hash/index.ts';
import { bucketLayers, walkLayers } from '../compiler/hash/buckets.ts';
import { miScores } from '../compiler/hash/mi.ts';
import { createRng } from '../compiler/util/rng.ts';
import { tokenizerJson } from '../scripts/build-tokenizer.ts';
import { hasheeError } from './support/errors.ts';

// Special ids of the hand-made specs: pad 0, unk 1, cls 2, sep 3, mask 4.
const SPECIAL = { pad: 0, unk: 1, cls: 2, sep: 3, mask: 4 };

function spec(layers: number, vocabSize: number, exit: ExitPolicy, tokenizerPath = '/nonexistent/tokenizer.json', hidden = 4): Spec {
  const arch: ArchConfig = { layers, hidden, heads: 1, ffn: 8, vocabSize, maxPositions: 64, typeVocabSize: 2, activation: 'gelu', layerNormEps: 1e-12, norm: 'post', embeddingSize: hidden, sharedLayers: false };
  return {
    file: '/tmp/spec.yaml', name: 'hand', arch, head: { kind: 'none' }, weights: { kind: 'random', seed: 1, std: 0.02 },
    tokenizer: { path: tokenizerPath, specialIds: SPECIAL }, exit, targets: [], precision: { wasm: 'f32', webgpu: 'f32' }, locations: new Map(), hash: '',
  };
}
const corpusRef = { files: [], textColumns: ['sentence'] };
const frequency = (buckets: number, bucketLayersOpt?: number[]): ExitPolicy => ({ kind: 'frequency', corpus: corpusRef, buckets, bucketLayers: bucketLayersOpt });

test('bucket layers: 1 + j * (L // B), explicit bucket_layers, B > L rejected', () => {
  assert.equal(bucketLayers({ layers: 12, buckets: 6 }), [1, 3, 5, 7, 9, 11]);
  assert.equal(bucketLayers({ layers: 12, buckets: 5 }), [1, 3, 5, 7, 9]);     // interval 12 // 5 = 2
  assert.equal(bucketLayers({ layers: 6, buckets: 4 }), [1, 2, 3, 4]);         // interval 1
  assert.equal(bucketLayers({ layers: 6, buckets: 6 }), [1, 2, 3, 4, 5, 6]);
  assert.equal(bucketLayers({ layers: 6, buckets: 2, bucketLayers: [2, 6] }), [2, 6]);
  assert.is(hasheeError(() => bucketLayers({ layers: 4, buckets: 5 })).keyPath, 'exit.buckets');
  assert.is(hasheeError(() => bucketLayers({ layers: 4, buckets: 2, bucketLayers: [1, 5] })).keyPath, 'exit.bucket_layers[1]');
  assert.is(hasheeError(() => bucketLayers({ layers: 4, buckets: 2, bucketLayers: [1] })).keyPath, 'exit.bucket_layers');
});

test('the walk: equal-size buckets; past a last bucket short of L the leftovers step on, as the reference code', () => {
  // L = 3, B = 3: interval 1, buckets run 1, 2, 3 layers; the last reaches L, so it keeps the remainder.
  assert.equal([...walkLayers(7, { layers: 3, buckets: 3 })], [1, 1, 2, 2, 3, 3, 3]);
  assert.equal([...walkLayers(5, { layers: 3, buckets: 3 })], [1, 2, 3, 3, 3]);
  // L = 6, B = 3: buckets 1, 3, 5; bucket_id 6 < MAX_LAYER 7 so the walk steps to 7 (= 6 layers, capped).
  assert.equal([...walkLayers(7, { layers: 6, buckets: 3 })], [1, 1, 3, 3, 5, 5, 6]);
  assert.equal([...walkLayers(6, { layers: 6, buckets: 3 })], [1, 1, 3, 3, 5, 5]);
  // L = 12, B = 3, size 1: 1, 5, 9, then one step past (9 < 12) to 13 -> capped at 12; then it stops.
  assert.equal([...walkLayers(5, { layers: 12, buckets: 3 })], [1, 5, 9, 12, 12]);
  assert.equal([...walkLayers(2, { layers: 4, buckets: 4 })], [1, 2]);       // size 0: every type moves on
  assert.equal([...walkLayers(0, { layers: 4, buckets: 4 })], []);
  // Explicit bucket_layers: the last bucket takes the remainder.
  assert.equal([...walkLayers(7, { layers: 6, buckets: 3, bucketLayers: [2, 4, 6] })], [2, 2, 4, 4, 6, 6, 6]);
});

test('frequency: counts over all sequences, specials excluded, ties by first occurrence, remainder stepped on', () => {
  // Counts: 9:2, 5:2, 7:2, 8:1, 6:1 (specials 2, 3, 1 ignored). First seen: 9, 5, 7, 8, 6.
  // 5 distinct types, B = 2 -> bucket_size 2: {9, 5} -> 1 layer; {7, 8} -> 3 layers (L = 4, interval 2);
  // then the reference walk steps once more (bucket_id 4 < MAX_LAYER 5): 6 -> 5 layers, capped at L = 4.
  // Ordering ties by id instead would put 5, 7 first.
  const sequences = [[2, 9, 5, 9, 1, 7, 3], [2, 5, 8, 7, 6, 3]];
  const table = buildExitTable(spec(4, 12, frequency(2)), { corpus: { sequences } });
  //                       0  1  2  3  4  5  6  7  8  9 10 11
  assert.equal([...table], [4, 4, 4, 4, 4, 1, 4, 3, 3, 1, 4, 4]);
});

test('frequency: bucket_layers override the reference layers', () => {
  const sequences = [[2, 9, 5, 9, 7, 3], [2, 5, 8, 7, 6, 3]];
  const table = buildExitTable(spec(4, 12, frequency(2, [2, 4])), { corpus: { sequences } });
  assert.equal([...table], [4, 4, 4, 4, 4, 2, 4, 4, 4, 2, 4, 4]);
});

test('frequency: fewer types than buckets gives one type per bucket, most frequent first', () => {
  // L = 6, B = 3 -> layers [1, 3, 5]; types 8 (count 2) then 6 (count 1); bucket_size 0.
  const table = buildExitTable(spec(6, 10, frequency(3)), { corpus: { sequences: [[2, 6, 8, 8, 3]] } });
  assert.equal([...table], [6, 6, 6, 6, 6, 6, 3, 6, 1, 6]);
});

test('frequency: a corpus id outside the vocabulary is a policy error', () => {
  assert.is(hasheeError(() => buildExitTable(spec(4, 8, frequency(2)), { corpus: { sequences: [[2, 9, 3]] } })).code, 'policy');
});

test('frequency from the spec: TSV files tokenized with the spec tokenizer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hashee-hash-'));
  const vocab = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]', 'good', 'bad', 'film', '.'];
  const tokPath = join(dir, 'tokenizer.json');
  writeFileSync(tokPath, JSON.stringify(tokenizerJson(vocab)));
  const a = join(dir, 'a.tsv'), b = join(dir, 'b.tsv');
  writeFileSync(a, 'sentence\tlabel\ngood film .\t1\nbad film\t0\n');
  writeFileSync(b, 'sentence\tlabel\ngood .\t1\nfilm\t1\n');
  // Counts: film 3, good 2, . 2, bad 1; first seen: good, film, ., bad -> ranked film, good, ., bad.
  // B = 2, size 2: {film, good} -> 1 layer, {., bad} -> 3 layers (L = 4).
  const s = spec(4, vocab.length, { kind: 'frequency', corpus: { files: [a, b], textColumns: ['sentence'] }, buckets: 2 }, tokPath);
  assert.equal([...buildExitTable(s)], [4, 4, 4, 4, 4, 1, 3, 1, 3]);
});

test('mi: the reference formula on a tiny labelled corpus, worked by hand', () => {
  // Non-special tokens: N = 7; p(y=pos) = p(y=neg) = 2/4.
  // 5: twice, both in pos. 6: once in pos, once in neg. 7: once in pos, twice in neg.
  const sequences = [[2, 5, 6, 3], [2, 5, 7, 3], [2, 6, 7, 3], [2, 7, 3]];
  const labels = ['pos', 'pos', 'neg', 'neg'];
  const term = (pxy: number, px: number, py: number): number => pxy * Math.log(pxy / (px * py) + 1e-6);
  const mi5 = term(2 / 7, 2 / 7, 0.5) + 0;
  const mi6 = term(1 / 7, 2 / 7, 0.5) + term(1 / 7, 2 / 7, 0.5);
  const mi7 = term(1 / 7, 3 / 7, 0.5) + term(2 / 7, 3 / 7, 0.5);
  const { mi } = miScores(sequences, labels, new Set([0, 1, 2, 3, 4]), 8);
  assert.ok(Math.abs(mi[5]! - mi5) < 1e-15 && Math.abs(mi[6]! - mi6) < 1e-15 && Math.abs(mi[7]! - mi7) < 1e-15);
  assert.ok(mi5 > mi7 && mi7 > mi6); // 0.198 > 0.024 > 2.9e-7
  // L = 3, B = 3 -> layers [1, 2, 3], one type per bucket: 5 -> 1, 7 -> 2, 6 -> 3.
  const table = buildExitTable(spec(3, 8, { kind: 'mi', corpus: corpusRef, buckets: 3 }), { corpus: { sequences, labels } });
  assert.equal([...table], [3, 3, 3, 3, 3, 1, 3, 2]);
});

test('mi: more than two labels; and a corpus without labels is rejected', () => {
  // 5 only in label c (1 of 3 sentences): MI = p(5,c) log(1 / p(c) + 1e-6), N = 3 tokens.
  const { mi } = miScores([[5], [6], [6]], ['c', 'a', 'b'], new Set(), 8);
  assert.ok(Math.abs(mi[5]! - (1 / 3) * Math.log(3 + 1e-6)) < 1e-15);
  const e = hasheeError(() => buildExitTable(spec(3, 8, { kind: 'mi', corpus: corpusRef, buckets: 3 }), { corpus: { sequences: [[5]] } }));
  assert.is(e.keyPath, 'exit.corpus.label_column');
});

test('random: reproducible by seed, uniform draws in id order, every bucket used, specials at L', () => {
  const s = (seed: number): Spec => spec(12, 300, { kind: 'random', seed, buckets: 6 });
  const t1 = buildExitTable(s(7));
  assert.equal([...buildExitTable(s(7))], [...t1]);
  assert.not.equal([...buildExitTable(s(8))], [...t1]);
  // Independent statement of the rule: one rng.int(6) per non-special id, bucket j -> 1 + 2j layers.
  const rng = createRng(7);
  const expected = Array.from({ length: 300 }, (_, id) => (id <= 4 ? 12 : 1 + 2 * rng.int(6)));
  assert.equal([...t1], expected);
  assert.equal([...new Set(t1.subarray(5))].sort((a, b) => a - b), [1, 3, 5, 7, 9, 11]);
});

test('cluster: hand-placed rows, clusters ordered by the SUM of row norms, specials at L', () => {
  // d = 2. P: id 0 at (3, 0), norm sum 3. Q: ids 1..6 near (0, 1), norm sum ~6 (mean ~1).
  // R: ids 7..15 near (0, -10), norm sum ~90.
  const rows: number[][] = [[3, 0]];
  for (let i = 1; i <= 6; i++) rows.push([0.01 * (i % 3), 1 + 0.01 * i]);
  for (let i = 7; i <= 15; i++) rows.push([0.02 * (i % 2), -10 - 0.01 * i]);
  const emb = Float32Array.from(rows.flat());
  // Sum order P < Q < R; a mean order would put Q first.
  // L = 6, B = 3 -> layers [1, 3, 5]; special ids 0..4 stay at 6.
  const expected = [6, 6, 6, 6, 6, 3, 3, 5, 5, 5, 5, 5, 5, 5, 5, 5];
  for (const seed of [0, 1, 2, 3]) {
    const s = spec(6, 16, { kind: 'cluster', seed, iterations: 20, buckets: 3 }, undefined, 2);
    assert.equal([...buildExitTable(s, { embeddings: () => emb })], expected, `seed ${seed}`);
  }
  // With the lone row non-special, it takes the earliest bucket.
  const noSpecial = { ...spec(6, 16, { kind: 'cluster', seed: 5, iterations: 20, buckets: 3 }, undefined, 2), tokenizer: { path: '', specialIds: { pad: 7, unk: 8, cls: 9, sep: 10, mask: 11 } } };
  const t = buildExitTable(noSpecial, { embeddings: () => emb });
  assert.equal([t[0], t[1], t[6], t[12]], [1, 3, 3, 5]);
  assert.is(hasheeError(() => buildExitTable(noSpecial, { embeddings: () => emb.subarray(2) })).code, 'policy');
});

test('table: explicit ids (object or array), unlisted ids at L; errors name the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hashee-table-'));
  const write = (name: string, text: string): string => { const p = join(dir, name); writeFileSync(p, text); return p; };
  const tableSpec = (path: string): Spec => spec(4, 10, { kind: 'table', path });
  const ok = write('ok.json', '{"5": 1, "7": 3, "2": 4}');
  assert.equal([...buildExitTable(tableSpec(ok))], [4, 4, 4, 4, 4, 1, 4, 3, 4, 4]);
  // The same table as an array indexed by id (null: not listed).
  const arr = write('arr.json', '[null, null, 4, null, null, 1, null, 3]');
  assert.equal([...buildExitTable(tableSpec(arr))], [4, 4, 4, 4, 4, 1, 4, 3, 4, 4]);
  const cases: [string, string][] = [
    ['long.json', `[${new Array(11).fill(4).join(', ')}]`], ['arrzero.json', '[null, null, null, null, null, 0]'],
    ['scalar.json', '3'], ['json.json', '{"5": '], ['key.json', '{"abc": 1}'], ['frac.json', '{"1.5": 1}'],
    ['neg.json', '{"-1": 1}'], ['big.json', '{"10": 1}'], ['zero.json', '{"5": 0}'], ['deep.json', '{"5": 5}'],
    ['float.json', '{"5": 1.5}'], ['str.json', '{"5": "1"}'], ['special.json', '{"2": 1}'],
  ];
  for (const [name, text] of cases) {
    const p = write(name, text);
    const e = hasheeError(() => buildExitTable(tableSpec(p)));
    assert.is(e.code, 'file-format', name);
    assert.ok(e.message.includes(p), name);
  }
  assert.is(hasheeError(() => buildExitTable(tableSpec(join(dir, 'missing.json')))).code, 'file-missing');
});

// The HashEE reference keeps token2bucket, a dict {token id: bucket value}, with bucket value v running v - 1
// layers (remain_layers = exit_layers - 1) and MAX_LAYER = L + 1 for special ids. Files written by hand from
// the pickle opcodes (protocol 2 as pickle.dump(d, f, 2) writes it; protocol 4 with FRAME and MEMOIZE).
const REFERENCE: [number, number][] = [[0, 5], [2, 5], [5, 2], [7, 4], [300, 3], [70000, 2]]; // L = 4
const bytes = (...parts: (number | number[])[]): Uint8Array => Uint8Array.from(parts.flat());
const K = (n: number): number[] => [0x4b, n];                                   // BININT1
const PICKLE_2 = bytes(
  0x80, 2, 0x7d, 0x71, 0, 0x28,                                                 // PROTO 2, EMPTY_DICT, BINPUT 0, MARK
  K(0), K(5), K(2), K(5), K(5), K(2), K(7), K(4),
  [0x4d, 0x2c, 0x01], K(3),                                                     // BININT2 300
  [0x4a, 0x70, 0x11, 0x01, 0x00], K(2),                                         // BININT 70000
  0x75, 0x2e,                                                                   // SETITEMS, STOP
);
const body4 = bytes(
  0x7d, 0x94, 0x28, K(0), K(5), K(2), K(5), K(5), K(2), 0x75,                   // EMPTY_DICT, MEMOIZE, MARK ... SETITEMS
  0x28, K(7), K(4), [0x4d, 0x2c, 0x01], K(3), 0x75,                             // a second batch
  [0x8a, 3, 0x70, 0x11, 0x01], K(2), 0x73, 0x2e,                                // LONG1 70000, SETITEM, STOP
);
const PICKLE_4 = bytes(0x80, 4, 0x95, [body4.length, 0, 0, 0, 0, 0, 0, 0], [...body4]); // PROTO 4, FRAME

/** A zip archive as torch.save writes it (archive/data.pkl, archive/version, archive/byteorder), built by hand. */
function torchSaveZip(pkl: Uint8Array, deflate: boolean): Uint8Array {
  const files: [string, Uint8Array][] = [['archive/data.pkl', pkl], ['archive/version', Buffer.from('3\n')], ['archive/byteorder', Buffer.from('little')]];
  const u16 = (v: number): number[] => [v & 0xff, v >>> 8];
  const u32 = (v: number): number[] => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24];
  const out: number[] = [], central: number[] = [];
  for (const [name, raw] of files) {
    const data = deflate ? new Uint8Array(deflateRawSync(raw)) : raw;
    const n = Buffer.from(name);
    const common = [...u16(20), ...u16(0), ...u16(deflate ? 8 : 0), ...u16(0), ...u16(0), ...u32(crc32(raw)), ...u32(data.length), ...u32(raw.length), ...u16(n.length), ...u16(0)];
    central.push(...u32(0x02014b50), ...u16(20), ...common, ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(out.length), ...n);
    out.push(...u32(0x04034b50), ...common, ...n, ...data);
  }
  const eocd = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(files.length), ...u16(files.length), ...u32(central.length), ...u32(out.length), ...u16(0)];
  return Uint8Array.from([...out, ...central, ...eocd]);
}

test('table: the reference token2bucket as pickle or torch.save, bucket value v -> v - 1 layers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hashee-pickle-'));
  const write = (name: string, data: Uint8Array | string): string => { const p = join(dir, name); writeFileSync(p, data); return p; };
  const want = new Uint8Array(70001).fill(4);
  for (const [id, v] of REFERENCE) want[id] = v - 1;
  const buckets = (path: string): Spec => spec(4, 70001, { kind: 'table', path, values: 'buckets' });
  const files = {
    'p2.pkl': PICKLE_2, 'p4.pkl': PICKLE_4, 'stored.pt': torchSaveZip(PICKLE_2, false), 'deflated.pt': torchSaveZip(PICKLE_4, true),
    'ref.json': JSON.stringify(Object.fromEntries(REFERENCE)),
  };
  for (const [name, data] of Object.entries(files)) {
    assert.equal(buildExitTable(buckets(write(name, data))), want, name);
  }
  // Read as layer counts, the specials' L + 1 is out of range: the message points at table_values.
  const asLayers = hasheeError(() => buildExitTable(spec(4, 70001, { kind: 'table', path: join(dir, 'p2.pkl') })));
  assert.is(asLayers.code, 'file-format');
  assert.match(asLayers.format(), /token 0: 5 is not a layer count in 1\.\.4 \(a HashEE reference token2bucket holds bucket values 2\.\.5: set exit\.table_values: buckets\)/);
  // Bucket value 1 would mean 0 layers; a special id below MAX_LAYER; a dict with a string key; a cut pickle.
  const bad: [string, Uint8Array, RegExp][] = [
    ['one.pkl', bytes(0x80, 2, 0x7d, K(5), K(1), 0x73, 0x2e), /token 5: 1 is not a bucket value in 2\.\.5/],
    ['special.pkl', bytes(0x80, 2, 0x7d, K(2), K(3), 0x73, 0x2e), /token 2 is a special token/],
    ['string.pkl', bytes(0x80, 2, 0x7d, 0x58, [1, 0, 0, 0], 0x61, K(1), 0x73, 0x2e), /opcode 0x58 \('X'\) at byte 3: only a dict of ints is read; write the table as JSON instead/],
    ['cut.pkl', PICKLE_2.subarray(0, 12), /ends inside an opcode|no STOP/],
    ['nodata.pt', torchSaveZip(PICKLE_2, false).subarray(0, 40), /zip archive without an end of central directory/],
  ];
  for (const [name, data, message] of bad) {
    const e = hasheeError(() => buildExitTable(buckets(write(name, data))));
    assert.is(e.code, 'file-format', name);
    assert.match(e.message, message, name);
  }
});

test('none: every id at full depth', () => {
  assert.equal([...buildExitTable(spec(5, 6, { kind: 'none' }))], [5, 5, 5, 5, 5, 5]);
});

test.run();
