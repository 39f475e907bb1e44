// ONNX export with the exits baked in: onnxruntime-node against the reference executor (h^L and logits to
// 1e-4, exit layers exactly) on single inputs and padded ragged batches; standard ops at opset 17 only;
// byte-identical re-export and the CLI; architecture variants against the reference and the full-depth
// export.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as ort from 'onnxruntime-node';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportOnnx, exportOnnxWithExits } from '../compiler/onnx/index.ts';
import { onnx } from '../compiler/onnx/proto.ts';
import { loadSpec } from '../compiler/spec/index.ts';
import { loadAll, type Loaded } from '../compiler/load.ts';
import { randomWeights } from '../compiler/weights/random.ts';
import { createRng } from '../compiler/util/rng.ts';
import { main } from '../compiler/cli.ts';
import { runReference } from '../runtime/reference/index.ts';
import { exitOf } from '../runtime/plan.ts';
import { headOutputs, type ArchConfig, type ExitTable, type HeadConfig, type Model } from '../contract/model.ts';

const dir = mkdtempSync(join(tmpdir(), 'hashee-onnx-exits-'));

const HEADS: Record<string, string> = {
  classification: '{ kind: classification, labels: 3 }',
  token: '{ kind: token, labels: 4 }',
  none: '{ kind: none }',
};

/** A random-weights spec (std 0.2, so exits change the outputs clearly) with a seeded random exit table. */
function specFile(name: string, model: string, head: string, exit: string): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, `name: ${name}
model: ${model}
head: ${head}
weights: { random: { seed: 3, std: 0.2 } }
exit: ${exit}
targets: [wasm]
`);
  return file;
}

const TINY = '{ layers: 2, hidden: 8, heads: 2, ffn: 16, vocab_size: 64, max_positions: 32, type_vocab_size: 2, activation: gelu, layer_norm_eps: 1.0e-12, norm: post }';
const MID = '{ layers: 4, hidden: 64, heads: 4, ffn: 128, vocab_size: 200, max_positions: 40, type_vocab_size: 2, activation: gelu, layer_norm_eps: 1.0e-12, norm: post }';

interface Case { readonly name: string; readonly loaded: Loaded }

const cases: Case[] = [
  { name: 'specs/tiny.yaml', loaded: loadAll(loadSpec('specs/tiny.yaml')) },
  ...Object.entries(HEADS).flatMap(([kind, head]) => [
    { name: `tiny, head ${kind}`, loaded: loadAll(loadSpec(specFile(`tiny-${kind}`, TINY, head, '{ policy: random, seed: 5, buckets: 2 }'))) },
    { name: `4 layers width 64, head ${kind}`, loaded: loadAll(loadSpec(specFile(`mid-${kind}`, MID, head, '{ policy: random, seed: 6, buckets: 4 }'))) },
  ]),
];

interface Batch { readonly ids: number[][]; readonly typeIds: number[][] }

/**
 * Seeded inputs of the given lengths: a [CLS] first (an id the table sends through all L layers, as the
 * tokenizer's [CLS] is), then random ids; random token types.
 */
function inputs(table: ExitTable, m: Model, lengths: readonly number[], seed: number): Batch {
  const rng = createRng(seed);
  const L = m.arch.layers;
  const cls = Array.from({ length: m.arch.vocabSize }, (_, id) => id).find((id) => exitOf(table, id, L) === L) ?? 0;
  const ids = lengths.map((len) => Array.from({ length: len }, (_, p) => (p === 0 ? cls : rng.int(m.arch.vocabSize))));
  const typeIds = lengths.map((len) => Array.from({ length: len }, (_, p) => (p === 0 ? 0 : rng.int(m.arch.typeVocabSize || 1))));
  return { ids, typeIds };
}

/** Runs a padded batch (padding id 0, mask 0, type 0) and returns every output. */
async function runPadded(session: ort.InferenceSession, batch: Batch): Promise<ort.InferenceSession.OnnxValueMapType> {
  const seq = Math.max(...batch.ids.map((s) => s.length));
  const padded = (value: (r: number, p: number) => number): ort.Tensor => new ort.Tensor('int64',
    BigInt64Array.from(batch.ids.flatMap((row, r) => Array.from({ length: seq }, (_, p) => BigInt(p < row.length ? value(r, p) : 0)))), [batch.ids.length, seq]);
  return session.run({
    input_ids: padded((r, p) => batch.ids[r]![p]!),
    attention_mask: padded(() => 1),
    token_type_ids: padded((r, p) => batch.typeIds[r]![p]!),
  });
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.is(a.length, b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

const worst = { hidden: 0, logits: 0 }; // over every comparison with the reference, printed at the end

/** onnxruntime on the exits export vs runReference with the same table: outputs to 1e-4, exit layers exactly. */
async function checkAgainstReference(session: ort.InferenceSession, loaded: Loaded, batch: Batch): Promise<void> {
  const { model, table } = loaded;
  const d = model.arch.hidden, seq = Math.max(...batch.ids.map((s) => s.length));
  const got = await runPadded(session, batch);
  const ref = runReference(model, table, batch);
  const hidden = got.last_hidden_state!.data as Float32Array;
  const exits = got.exit_layers!.data as BigInt64Array;
  assert.equal(got.last_hidden_state!.dims, [batch.ids.length, seq, d]);
  const n = headOutputs(model.head);
  for (let r = 0; r < batch.ids.length; r++) {
    const len = batch.ids[r]!.length;
    assert.equal(Array.from(exits.subarray(r * seq, (r + 1) * seq), Number), [...ref.exits[r]!, ...new Array<number>(seq - len).fill(0)], `exit layers, row ${r}`);
    const diff = maxAbsDiff(hidden.subarray(r * seq * d, (r * seq + len) * d), ref.lastHidden[r]!);
    worst.hidden = Math.max(worst.hidden, diff);
    assert.ok(diff <= 1e-4, `h^L row ${r}: max abs difference ${diff}`);
    assert.ok(hidden.subarray((r * seq + len) * d, (r + 1) * seq * d).every((x) => x === 0), `padding rows of h^L are 0, row ${r}`);
    if (model.head.kind === 'none') continue;
    const logits = got.logits!.data as Float32Array;
    const rowLogits = model.head.kind === 'token' ? logits.subarray(r * seq * n, (r * seq + len) * n) : logits.subarray(r * n, (r + 1) * n);
    const ldiff = maxAbsDiff(rowLogits, ref.logits![r]!);
    worst.logits = Math.max(worst.logits, ldiff);
    assert.ok(ldiff <= 1e-4, `logits row ${r}: max abs difference ${ldiff}`);
  }
  assert.is(got.logits === undefined, model.head.kind === 'none');
}

for (const c of cases) {
  test(`onnxruntime on the exits export equals the reference, single inputs and a ragged padded batch: ${c.name}`, async () => {
    const { model, table } = c.loaded;
    const session = await ort.InferenceSession.create(exportOnnxWithExits(model, table));
    for (const len of [1, 2, 7, 19]) await checkAgainstReference(session, c.loaded, inputs(table, model, [len], len));
    const ragged = inputs(table, model, [9, 3, 17, 1, 6, 12], 42);
    await checkAgainstReference(session, c.loaded, ragged);
    // The exits matter for these inputs: a full-depth reference run differs.
    const exited = runReference(model, table, ragged);
    const full = runReference(model, table, ragged, { fullDepth: true });
    assert.ok(exited.exits.flat().some((k) => k < model.arch.layers), 'some token exits early');
    assert.ok(maxAbsDiff(exited.lastHidden[2]!, full.lastHidden[2]!) > 1e-3, 'exits change h^L');
  });
}

test('layers with no active token (every id exits at layer 1): h^L is h^1 for every token', async () => {
  const tableFile = join(dir, 'all-ones.json');
  writeFileSync(tableFile, JSON.stringify(new Array<number>(200).fill(1)));
  const loaded = loadAll(loadSpec(specFile('mid-ones', MID, HEADS.none!, `{ policy: table, table: ${tableFile} }`)));
  const session = await ort.InferenceSession.create(exportOnnxWithExits(loaded.model, loaded.table));
  await checkAgainstReference(session, loaded, inputs(loaded.table, loaded.model, [5, 2, 8], 7));
});

test('the exits graph uses only default-domain operators at opset 17, IR 8, and loads unoptimised', async () => {
  const bytes = exportOnnxWithExits(cases[2]!.loaded.model, cases[2]!.loaded.table);
  const proto = onnx.ModelProto.decode(bytes);
  assert.is(Number(proto.irVersion), 8);
  assert.equal(proto.opsetImport!.map((o) => [o.domain ?? '', Number(o.version)]), [['', 17]]);
  // Standard ONNX operators that exist at opset 17 (none of onnxruntime's com.microsoft contrib ops).
  const standard = new Set(['Add', 'Cast', 'Concat', 'Div', 'Erf', 'Gather', 'GreaterOrEqual', 'LayerNormalization', 'MatMul', 'Min', 'Mod', 'Mul',
    'Range', 'ReduceMax', 'ReduceProd', 'ReduceSum', 'Relu', 'Reshape', 'Shape', 'Slice', 'Softmax', 'Squeeze', 'Sub', 'Tanh', 'TopK', 'Transpose', 'Unsqueeze']);
  for (const n of proto.graph!.node!) {
    assert.is(n.domain ?? '', '', `${n.name} domain`);
    assert.ok(standard.has(n.opType!), `${n.name}: ${n.opType}`);
  }
  assert.equal(proto.graph!.input!.map((v) => v.name), ['input_ids', 'attention_mask', 'token_type_ids']);
  assert.equal(proto.graph!.output!.map((v) => v.name), ['last_hidden_state', 'logits', 'exit_layers']);
  const session = await ort.InferenceSession.create(bytes, { graphOptimizationLevel: 'disabled' });
  await checkAgainstReference(session, cases[2]!.loaded, inputs(cases[2]!.loaded.table, cases[2]!.loaded.model, [4, 6], 3));
});

test('re-export is byte-identical; export-onnx --exits writes the same bytes, and without --exits the full-depth export', async () => {
  const file = specFile('mid-classification', MID, HEADS.classification!, '{ policy: random, seed: 6, buckets: 4 }');
  const a = loadAll(loadSpec(file)), b = loadAll(loadSpec(file));
  const bytes = exportOnnxWithExits(a.model, a.table);
  assert.ok(Buffer.from(bytes).equals(exportOnnxWithExits(b.model, b.table)));
  const io = { out: () => {}, err: () => {} };
  assert.is(await main(['export-onnx', file, '--exits', '--out', join(dir, 'exits.onnx')], io), 0);
  assert.ok(readFileSync(join(dir, 'exits.onnx')).equals(bytes));
  assert.is(await main(['export-onnx', file, '--out', join(dir, 'full.onnx')], io), 0);
  assert.ok(readFileSync(join(dir, 'full.onnx')).equals(exportOnnx(a.model)));
});

// Architecture variants (pre-LN, factorised embeddings, shared layers, no token types, relu pooler): the
// exits export against the reference with a mixed table, and on onnxruntime against the full-depth export
// of the same weights, which it must equal when no token exits, and against the full-depth export of the
// first k layers when every token exits at layer k (h^L = h^k, copied up).
const base: ArchConfig = { layers: 3, hidden: 32, heads: 4, ffn: 64, vocabSize: 50, maxPositions: 24, typeVocabSize: 2, activation: 'gelu', layerNormEps: 1e-12, norm: 'post', embeddingSize: 32, sharedLayers: false };
const variants: { name: string; arch: ArchConfig; head: HeadConfig }[] = [
  { name: 'pre-LN, token head', arch: { ...base, norm: 'pre' }, head: { kind: 'token', labels: 3 } },
  { name: 'ALBERT: embedding size 16, shared layers, tanh pooler', arch: { ...base, embeddingSize: 16, sharedLayers: true }, head: { kind: 'classification', labels: 2 } },
  { name: 'no token types, relu pooler', arch: { ...base, typeVocabSize: 0 }, head: { kind: 'classification', labels: 2, pooler: 'relu' } },
  { name: 'pre-LN ALBERT without token types, regression, relu pooler', arch: { ...base, norm: 'pre', embeddingSize: 16, sharedLayers: true, typeVocabSize: 0 }, head: { kind: 'regression', pooler: 'relu' } },
];

function truncated(m: Model, k: number): Model {
  return { ...m, arch: { ...m.arch, layers: k }, weights: { ...m.weights, layers: m.weights.layers.slice(0, k) } };
}

/** Both files' outputs on the same padded batch: h^L at real positions and logits agree to `tol`. */
async function assertSameOutputs(a: Uint8Array, b: Uint8Array, batch: Batch, tol: number, what: string): Promise<void> {
  const [x, y] = await Promise.all([a, b].map(async (bytes) => runPadded(await ort.InferenceSession.create(bytes), batch)));
  const seq = Math.max(...batch.ids.map((s) => s.length));
  /** Per sequence, the real positions of a [batch, seq, width] output. */
  const compare = (name: string): void => {
    const a = x![name]!.data as Float32Array, b = y![name]!.data as Float32Array;
    const width = a.length / (batch.ids.length * seq);
    batch.ids.forEach((s, r) => {
      const diff = maxAbsDiff(a.subarray(r * seq * width, (r * seq + s.length) * width), b.subarray(r * seq * width, (r * seq + s.length) * width));
      assert.ok(diff <= tol, `${what}: ${name} row ${r} differs by ${diff}`);
    });
  };
  compare('last_hidden_state');
  if (!x!.logits) return;
  if (x!.logits.dims.length === 3) compare('logits');
  else assert.ok(maxAbsDiff(x!.logits.data as Float32Array, y!.logits!.data as Float32Array) <= tol, `${what}: logits`);
}

for (const v of variants) {
  test(`onnxruntime on the exits export equals the reference (mixed exits), and the full-depth export at full depth: ${v.name}`, async () => {
    const model: Model = { arch: v.arch, head: v.head, weights: randomWeights(v.arch, v.head, 9, 0.2) };
    const rng = createRng(77);
    const table = new Uint8Array(v.arch.vocabSize).map(() => 1 + rng.int(v.arch.layers));
    const loaded = { model, table } as unknown as Loaded; // checkAgainstReference reads the model and the table only
    const batch = inputs(table, model, [7, 2, 11, 1], 6);
    await checkAgainstReference(await ort.InferenceSession.create(exportOnnxWithExits(model, table)), loaded, batch);
    const atFull = { model, table: new Uint8Array(v.arch.vocabSize).fill(v.arch.layers) } as unknown as Loaded;
    await checkAgainstReference(await ort.InferenceSession.create(exportOnnxWithExits(model, atFull.table)), atFull, batch);
    const full = await runPadded(await ort.InferenceSession.create(exportOnnx(model)), batch);
    const ref = runReference(model, table, batch, { fullDepth: true });
    const d = v.arch.hidden, seq = Math.max(...batch.ids.map((x) => x.length));
    batch.ids.forEach((x, r) => {
      const diff = maxAbsDiff((full.last_hidden_state!.data as Float32Array).subarray(r * seq * d, (r * seq + x.length) * d), ref.lastHidden[r]!);
      assert.ok(diff <= 1e-4, `full-depth export row ${r}: ${diff}`);
    });
  });

  test(`exits export = full-depth export without exits, = the first k layers when all exit at k: ${v.name}`, async () => {
    const model: Model = { arch: v.arch, head: v.head, weights: randomWeights(v.arch, v.head, 9, 0.2) };
    const L = v.arch.layers, V = v.arch.vocabSize;
    const batch = inputs(new Uint8Array(V).fill(L), model, [7, 2, 11], 5);
    const full = exportOnnx(model);
    await assertSameOutputs(exportOnnxWithExits(model, new Uint8Array(V).fill(L)), full, batch, 1e-5, 'no exits');
    await assertSameOutputs(exportOnnxWithExits(model, new Uint8Array(V).fill(1)), exportOnnx(truncated(model, 1)), batch, 1e-5, 'all exit at 1');
    await assertSameOutputs(exportOnnxWithExits(model, new Uint8Array(V).fill(2)), exportOnnx(truncated(model, 2)), batch, 1e-5, 'all exit at 2');
    if (v.arch.sharedLayers) {
      const names = (onnx.ModelProto.decode(full).graph!.initializer ?? []).map((t) => t.name ?? '');
      assert.ok(names.every((n) => !n.startsWith('encoder.layer.') || n.startsWith('encoder.layer.0.')), 'shared layers: one set of initializers');
      assert.ok(full.length < exportOnnx({ ...model, weights: { ...model.weights, layers: model.weights.layers.map((lw) => ({ ...lw })) } }).length, 'smaller than copies');
    }
  });
}

test.after(() => {
  console.log(`onnx-exits: worst difference vs the reference: h^L ${worst.hidden.toExponential(2)}, logits ${worst.logits.toExponential(2)}`);
});

test.run();
