// Importing the encoders users export: one fixture per exporter variant (DistilBERT, RoBERTa, ALBERT,
// pre-LN, onnxruntime-optimized, fp16 + external data, static shapes), each checked for the recovered
// arch and weights, a printed spec that `hashee check` accepts, and the reference executor against
// onnxruntime-node on single inputs and a padded batch.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { main } from '../compiler/cli.ts';
import { importOnnx } from '../compiler/onnx/index.ts';
import { attr, onnx } from '../compiler/onnx/proto.ts';
import { hasheeError } from './support/errors.ts';
import { loadSpec } from '../compiler/spec/index.ts';
import { loadAll } from '../compiler/load.ts';
import { runReference } from '../runtime/reference/index.ts';
import type { Model, ModelWeights } from '../contract/model.ts';
import type { Fixture } from './support/onnx-fixtures.ts';
import { runOrt, variants, writeVariant } from './support/import-variants.ts';
import { bitEqual } from './support/bits.ts';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const code = await main(argv, { out: (s) => { out += s; }, err: (s) => { err += s; } });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'hashee-import-'));

const written = variants.map((v, i) => writeVariant(v, mkdtempSync(join(dir, `v${i}-`))));

// Two sequences of different lengths; ids avoid RoBERTa's padding id 1.
const BATCH = { ids: [[0, 7, 3, 9, 2, 5], [0, 12, 2]], typeIds: [[0, 0, 0, 1, 1, 1], [0, 1, 1]] };

function assertSameWeights(found: ModelWeights, want: ModelWeights): void {
  for (const key of ['wordEmb', 'posEmb', 'typeEmb', 'embLnG', 'embLnB', 'embProjW', 'embProjB', 'finalLnG', 'finalLnB'] as const) {
    if (want[key] || found[key]) assert.ok(bitEqual(found[key], want[key]), key);
  }
  assert.is(found.layers.length, want.layers.length);
  want.layers.forEach((layer, l) => {
    for (const key of Object.keys(layer) as (keyof typeof layer)[]) assert.ok(bitEqual(found.layers[l]![key], layer[key]), `layer ${l} ${key}`);
  });
  for (const key of ['poolerW', 'poolerB', 'classifierW', 'classifierB'] as const) assert.ok(bitEqual(found.head[key], want.head[key]), `head ${key}`);
}

function typesOf(model: Model, fixture: Fixture): boolean {
  return fixture.types !== undefined && model.arch.typeVocabSize > 1;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.is(a.length, b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

variants.forEach((v, i) => {
  const { file, fixture } = written[i]!;

  test(`import recognises ${v.name}`, () => {
    const found = importOnnx(readFileSync(file), file);
    assert.equal(found.arch, v.model.arch);
    assert.equal(found.head, v.model.head);
    assert.is(found.positionOffset, fixture.positionOffset);
    assertSameWeights(found.weights, v.model.weights);
    if (v.model.arch.sharedLayers) assert.ok(found.weights.layers.every((l) => l === found.weights.layers[0]), 'one layer object');
  });

  test(`printed spec checks against the file and the reference matches onnxruntime: ${v.name}`, async () => {
    const spec = join(dirname(file), 'spec.yaml');
    const imported = await cli('import', file, '--out', spec);
    assert.is(imported.code, 0, imported.err);
    const checked = await cli('check', spec);
    assert.is(checked.code, 0, checked.err);
    const { model, table } = loadAll(loadSpec(spec));
    const session = await ort.InferenceSession.create(file);
    const d = model.arch.hidden;
    const typed = typesOf(model, fixture);
    const input = { ids: BATCH.ids, ...(typed ? { typeIds: BATCH.typeIds } : {}) };
    const ref = runReference(model, table, input, { fullDepth: true });
    const seq = fixture.staticShape?.[1] ?? BATCH.ids[0]!.length;
    const padded = await runOrt(session, fixture, BATCH.ids, typed ? BATCH.typeIds : undefined, seq);
    for (let r = 0; r < BATCH.ids.length; r++) {
      const len = BATCH.ids[r]!.length;
      const one = runReference(model, table, { ids: [BATCH.ids[r]!], ...(typed ? { typeIds: [BATCH.typeIds[r]!] } : {}) }, { fullDepth: true });
      const hidden = (padded.last_hidden_state!.data as Float32Array).subarray(r * seq * d, (r * seq + len) * d);
      assert.ok(maxAbsDiff(hidden, ref.lastHidden[r]!) <= 1e-4, `padded batch, row ${r}: hidden ${maxAbsDiff(hidden, ref.lastHidden[r]!)}`);
      assert.ok(maxAbsDiff(hidden, one.lastHidden[0]!) <= 1e-4, `single run, row ${r}`);
      if (!fixture.staticShape) { // onnxruntime on the row alone
        const single = await runOrt(session, fixture, [BATCH.ids[r]!], typed ? [BATCH.typeIds[r]!] : undefined, len);
        assert.ok(maxAbsDiff(single.last_hidden_state!.data as Float32Array, one.lastHidden[0]!) <= 1e-4, `onnxruntime single, row ${r}`);
        if (single.logits) assert.ok(maxAbsDiff(single.logits.data as Float32Array, one.logits![0]!) <= 1e-4, `onnxruntime single logits, row ${r}`);
      }
      if (model.head.kind === 'none') continue;
      const n = model.head.kind === 'regression' ? 1 : model.head.labels;
      const logits = padded.logits!.data as Float32Array;
      const rowLogits = model.head.kind === 'token' ? logits.subarray(r * seq * n, (r * seq + len) * n) : logits.subarray(r * n, (r + 1) * n);
      assert.ok(maxAbsDiff(rowLogits, ref.logits![r]!) <= 1e-4, `logits row ${r}: ${maxAbsDiff(rowLogits, ref.logits![r]!)}`);
    }
  });
});

// The imported spec compiled to the WASM package, at full depth, against onnxruntime on the same file.
variants.forEach((v, i) => {
  const { file, fixture } = written[i]!;
  if (fixture.staticShape) return; // the run command takes ragged inputs; static [2, 6] files want padding
  test(`the compiled wasm package matches onnxruntime at full depth: ${v.name}`, async () => {
    const spec = join(dirname(file), 'spec.yaml');
    if ((await cli('import', file, '--out', spec)).code !== 0) assert.unreachable('import failed');
    const ids = BATCH.ids[0]!;
    const typed = fixture.types !== undefined && v.model.arch.typeVocabSize > 1;
    const run = await cli('run', spec, '--backend', 'wasm', '--full-depth', '--threads', '1', '--ids', ids.join(','), '--json', '--output', 'last-hidden');
    assert.is(run.code, 0, run.err);
    const got = JSON.parse(run.out) as { last_hidden: number[][] };
    const session = await ort.InferenceSession.create(file);
    const want = await runOrt(session, fixture, [ids], typed ? [ids.map(() => 0)] : undefined, ids.length);
    assert.ok(maxAbsDiff(Float32Array.from(got.last_hidden.flat()), want.last_hidden_state!.data as Float32Array) <= 1e-4, `${v.name}: hidden`);
  });
});

test('the RoBERTa spec says where hashee\'s positions start in the file\'s table', () => {
  const i = variants.findIndex((v) => v.style.positions === 'roberta');
  const text = readFileSync(join(dirname(written[i]!.file), 'spec.yaml'), 'utf8');
  assert.match(text, /max_positions: 16 +# file's position table from row 2 \(RoBERTa: padding_idx \+ 1\)/);
});

// Through the CLI: `hashee import`, then `hashee run --ids ... --json` against onnxruntime on the same file.
for (const index of [0, 2, 6]) {
  const v = variants[index]!;
  test(`hashee import, then hashee run --json, equals onnxruntime: ${v.name.split(':')[0]}`, async () => {
    const { file, fixture } = written[index]!;
    const spec = join(dirname(file), 'cli.yaml');
    assert.is((await cli('import', file, '--out', spec)).code, 0);
    const session = await ort.InferenceSession.create(file);
    for (const ids of BATCH.ids) {
      const types = ids.map(() => 0);
      const want = await runOrt(session, fixture, [ids], fixture.types ? [types] : undefined, ids.length);
      const hidden = await cli('run', spec, '--ids', ids.join(','), '--output', 'last-hidden', '--json');
      assert.is(hidden.code, 0, hidden.err);
      const got = JSON.parse(hidden.out) as { last_hidden: number[][] };
      assert.ok(maxAbsDiff(got.last_hidden.flat(), want.last_hidden_state!.data as Float32Array) <= 1e-4);
      const logits = JSON.parse((await cli('run', spec, '--ids', ids.join(','), '--json')).out) as { logits: number[] };
      assert.ok(maxAbsDiff(logits.logits, want.logits!.data as Float32Array) <= 1e-4);
    }
  });
}

test('Constant nodes in the value_float / value_ints forms are constants too', () => {
  const v = variants[0]!;
  const bytes = edited(written[0]!.fixture.bytes, (g) => {
    const moved: typeof g.node = [];
    g.initializer = g.initializer!.filter((t) => {
      const dims = (t.dims ?? []).map(Number);
      if (t.dataType === onnx.TensorProto.DataType.FLOAT && dims.length === 0) {
        moved.push({ opType: 'Constant', input: [], output: [t.name!], attribute: [attr.float('value_float', new Float32Array(new Uint8Array(t.rawData!).buffer)[0]!)] });
        return false;
      }
      if (t.dataType === onnx.TensorProto.DataType.INT64 && dims.length === 1) {
        moved.push({ opType: 'Constant', input: [], output: [t.name!], attribute: [attr.ints('value_ints', Array.from(new BigInt64Array(new Uint8Array(t.rawData!).buffer), Number))] });
        return false;
      }
      return true;
    });
    assert.ok(moved.length >= 4);
    g.node = [...moved, ...g.node!];
  });
  const found = importOnnx(bytes, 'constants.onnx');
  assert.equal(found.arch, v.model.arch);
  assertSameWeights(found.weights, v.model.weights);
});

// Errors: located at the node, and size/format problems of tensors and external data as file-format errors.

function edited(bytes: Uint8Array, edit: (graph: NonNullable<ReturnType<typeof onnx.ModelProto.decode>['graph']>) => void): Uint8Array {
  const proto = onnx.ModelProto.decode(bytes);
  edit(proto.graph!);
  return onnx.ModelProto.encode(proto).finish();
}

const ortBert = written[variants.findIndex((v) => v.style.embedding === 'fused')]!;
const roberta = written[variants.findIndex((v) => v.style.positions === 'roberta')]!;

test('an unsupported graph names the node (op, name, index) and what was expected there', () => {
  const causal = edited(ortBert.fixture.bytes, (g) => {
    const att = g.node!.find((n) => n.opType === 'Attention')!;
    att.attribute!.push(attr.int('unidirectional', 1));
  });
  const e = hasheeError(() => importOnnx(causal, 'causal.onnx'));
  assert.is(e.code, 'onnx-structure');
  assert.match(e.message, /^causal\.onnx: unsupported graph at com\.microsoft\.Attention node '[^']+' \(#\d+\): expected an Attention with bidirectional attention/);
  assert.is(e.actual, 'unidirectional 1');
  const foreign = edited(ortBert.fixture.bytes, (g) => { g.node!.find((n) => n.opType === 'BiasGelu')!.opType = 'QuickGelu'; });
  assert.match(hasheeError(() => importOnnx(foreign, 'f.onnx')).message, /at com\.microsoft\.QuickGelu node '[^']+' \(#\d+\): expected standard ONNX ops or the onnxruntime fused ops/);
  const index = (n: string): number => onnx.ModelProto.decode(roberta.fixture.bytes).graph!.node!.findIndex((x) => x.opType === n);
  const noCumsum = edited(roberta.fixture.bytes, (g) => { g.node!.find((n) => n.opType === 'CumSum')!.opType = 'CumProd'; });
  const stop = hasheeError(() => importOnnx(noCumsum, 'p.onnx'));
  assert.match(stop.message, new RegExp(`at CumProd node '[^']+' \\(#${index('CumSum')}\\): expected embedding indices computed from input_ids`));
  // K split to [b, h, s, dh] but not transposed for the scores: shapes may still fit, the layout does not.
  const wrongK = edited(roberta.fixture.bytes, (g) => {
    const t = g.node!.find((n) => n.opType === 'Transpose' && n.attribute?.[0]?.ints?.join() === '0,2,3,1')!;
    t.attribute = [attr.ints('perm', [0, 2, 1, 3])];
  });
  const k = hasheeError(() => importOnnx(wrongK, 'k.onnx'));
  assert.match(k.message, /at MatMul node '\/key_0\/MatMul_\d+' \(#\d+\): expected K transposed to axes \[0,2,3,1\]/);
  assert.is(k.actual, '[0,2,1,3]');
});

test('a tensor whose declared size is not what the file holds is a file-format error naming it, before any allocation', () => {
  const short = edited(ortBert.fixture.bytes, (g) => {
    const t = g.initializer!.find((x) => (x.dims ?? []).length === 2)!;
    t.name = 'word_table';
    t.rawData = t.rawData!.subarray(0, 100);
  });
  const e = hasheeError(() => importOnnx(short, 'short.onnx'));
  assert.is(e.code, 'file-format');
  assert.match(e.message, /tensor 'word_table' declares dims \[40,16\] of FLOAT: 640 values, 2560 bytes, but the file holds 100 bytes of raw_data/);
  const huge = edited(ortBert.fixture.bytes, (g) => { g.initializer![0]!.dims = [1e9, 1e9]; });
  assert.match(hasheeError(() => importOnnx(huge, 'huge.onnx')).message, /declares dims \[1000000000,1000000000\]/);
  const negative = edited(ortBert.fixture.bytes, (g) => { g.initializer![0]!.dims = [-1, 16]; });
  const n = hasheeError(() => importOnnx(negative, 'neg.onnx'));
  assert.is(n.code, 'file-format');
  assert.match(n.message, /negative or non-integer dimension: \[-1,16\]/);
});

test('external data: a missing, short or escaping side file is a clear error', () => {
  const ext = written[variants.findIndex((v) => v.storage === 'fp16-external')]!;
  const bytes = readFileSync(ext.file);
  const folder = mkdtempSync(join(dir, 'external-'));
  const place = (name: string, model: Uint8Array, data?: Uint8Array): string => {
    writeFileSync(join(folder, name), model);
    if (data) writeFileSync(join(folder, 'model.onnx.data'), data);
    return join(folder, name);
  };
  const missing = hasheeError(() => importOnnx(bytes, place('alone.onnx', bytes)));
  assert.is(missing.code, 'file-missing');
  assert.match(missing.message, /keeps its data in .*model\.onnx\.data, which cannot be read/);
  const data = readFileSync(join(dirname(ext.file), 'model.onnx.data'));
  const short = hasheeError(() => importOnnx(bytes, place('short.onnx', bytes, data.subarray(0, data.length - 10))));
  assert.is(short.code, 'file-format');
  assert.match(short.message, /which holds only \d+ bytes/);
  for (const location of ['../model.onnx.data', '/etc/passwd']) {
    const escaping = edited(bytes, (g) => {
      const t = g.initializer!.find((x) => x.externalData?.length)!;
      t.externalData!.find((kv) => kv.key === 'location')!.value = location;
    });
    const e = hasheeError(() => importOnnx(escaping, place('escaping.onnx', escaping)));
    assert.is(e.code, 'file-format');
    assert.match(e.message, /outside the model's folder/);
  }
});

test.run();
