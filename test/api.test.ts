// The programmatic API (`import { ... } from 'hashee'`, compiler/index.ts): run against an independent float64
// implementation with exits compared exactly, compile writing a package, import/export of ONNX files, and
// errors as typed objects carrying the same file, line, column, code and path the CLI prints.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  check, compile, exportOnnx, HasheeError, importOnnx, loadSpec, readOnnx, report, run, schedule, SpecErrors, STAGES, writeOnnx,
} from '../compiler/index.ts';
import { main } from '../compiler/cli.ts';
import { randomWeights } from '../compiler/weights/random.ts';
import type { ArchConfig, HeadConfig, Model } from '../contract/model.ts';
import { naiveLastHidden } from './support/naive-hashee.ts';
import { fixture, positionOf, REPO } from './fixtures/specs/expect.ts';

const arch: ArchConfig = { layers: 3, hidden: 16, heads: 2, ffn: 32, vocabSize: 40, maxPositions: 16, typeVocabSize: 2, activation: 'gelu', layerNormEps: 1e-12, norm: 'post', embeddingSize: 16, sharedLayers: false };
const head: HeadConfig = { kind: 'classification', labels: 2 };
const model: Model = { arch, head, weights: randomWeights(arch, head, 23, 0.3) };
const dir = mkdtempSync(join(tmpdir(), 'hashee-api-'));
writeFileSync(join(dir, 'model.onnx'), writeOnnx(model, { naming: 'torch', linear: 'gemm', layerNorm: 'decomposed', opset: 13, seed: 3 }));
const table: Record<string, number> = { 4: 1, 6: 2, 8: 1, 11: 3, 13: 2, 31: 1 };
writeFileSync(join(dir, 'exits.json'), JSON.stringify(table));
const SPEC = join(dir, 'spec.yaml');
const specText = `name: api-model
model: { layers: 3, hidden: 16, heads: 2, ffn: 32, vocab_size: 40, max_positions: 16, type_vocab_size: 2, activation: gelu, layer_norm_eps: 1.0e-12, norm: post }
head: { kind: classification, labels: 2 }
weights: { onnx: model.onnx }
exit: { policy: table, table: exits.json }
targets: [wasm]
`;
writeFileSync(SPEC, specText);
const exitOf = (id: number): number => table[id] ?? arch.layers;

function maxDiff(got: Float64Array | Float32Array, want: readonly (readonly number[])[]): number {
  const d = want[0]!.length;
  let m = 0;
  want.forEach((row, t) => row.forEach((v, k) => { m = Math.max(m, Math.abs(got[t * d + k]! - v)); }));
  return m;
}

const inputs = [[1, 4, 6, 8, 11, 13, 31, 2], [1, 6, 20, 2]];

test('run: exits exactly as the table says, last hidden states equal an independent float64 encoder (1e-9)', async () => {
  const r = await run(SPEC, { ids: inputs }, { output: 'last-hidden' });
  assert.equal(r.result.exits, inputs.map((ids) => ids.map(exitOf)));
  inputs.forEach((ids, b) => {
    const diff = maxDiff(r.result.lastHidden[b]!, naiveLastHidden(model, exitOf, ids));
    assert.ok(diff <= 1e-9, `input ${b}: max abs difference ${diff}`);
  });
  // the exits matter: at full depth the exited tokens' states differ
  const full = await run(SPEC, { ids: inputs[0] }, { output: 'last-hidden', fullDepth: true });
  assert.ok(maxDiff(full.result.lastHidden[0]!, naiveLastHidden(model, exitOf, inputs[0]!)) > 1e-6);
  assert.ok(r.result.work.flops < r.fullFlops);
});

test('run on the wasm backend (compiled on the fly) agrees with the independent encoder to 1e-4, exits exact', async () => {
  const r = await run(loadSpec(SPEC), { ids: inputs }, { backend: 'wasm', output: 'last-hidden', threads: 1 });
  assert.equal(r.result.exits, inputs.map((ids) => ids.map(exitOf)));
  inputs.forEach((ids, b) => {
    const diff = maxDiff(r.result.lastHidden[b]!, naiveLastHidden(model, exitOf, ids));
    assert.ok(diff <= 1e-4, `input ${b}: max abs difference ${diff}`);
  });
});

test('run: bad ids are typed input errors naming the input and item', async () => {
  const e1 = await rejection(run(SPEC, { ids: [[1, 2], [1, 40]] }));
  assert.is(e1.code, 'input');
  assert.match(e1.message, 'input 2 item 2: token id 40 is outside the vocabulary');
  assert.is(e1.expected, '0..39');
  const e2 = await rejection(run(SPEC, { ids: [1, 2.5] }));
  assert.match(e2.message, 'input 1 item 2 is not a token id');
  const e3 = await rejection(run(SPEC, { ids: [1, [2]] as unknown as number[] }));
  assert.match(e3.message, 'mixes token ids and arrays');
  assert.is((await rejection(run(SPEC, {}))).code, 'usage');
  assert.is((await rejection(run(SPEC, { ids: [] }))).code, 'usage');
  assert.is((await rejection(run(SPEC, { ids: [1] }, { threads: 0 }))).code, 'usage');
});

test('the CLI on text alone (no --ids) and the API on text give the same exits and logits', async () => {
  const spec = join(REPO, 'specs', 'sst2-small.yaml');
  let out = '', err = '';
  const code = await main(['run', spec, '--text', 'a fine film', '--json'], { out: (s) => { out += s; }, err: (s) => { err += s; } });
  assert.is(code, 0, err);
  const cliRun = JSON.parse(out) as { exits: number[]; logits: number[] };
  const r = await run(spec, { text: 'a fine film' });
  assert.equal(cliRun.exits, r.result.exits[0]);
  assert.equal(cliRun.logits, [...r.result.logits![0]!]);
  assert.is(r.tokens![0]!.length, r.result.exits[0]!.length);
});

test('check and schedule return data: the shape, and the exit table with its statistics', async () => {
  const c = await check(SPEC);
  assert.equal([c.name, c.layers, c.hidden, c.heads, c.vocabSize, c.exitPolicy, c.weights], ['api-model', 3, 16, 2, 40, 'table', 'onnx']);
  const s = await schedule(SPEC);
  assert.equal([...s.table.slice(0, 14)], Array.from({ length: 14 }, (_, id) => exitOf(id)));
  assert.is(typeof s.text, 'string');
});

test('compile writes a package folder; dumpAfter returns a stage without writing', async () => {
  const out = join(dir, 'pkg');
  const r = await compile(SPEC, { out });
  assert.ok(r.written!.includes('package.json') && r.written!.includes('manifest.json'), r.written!.join(', '));
  for (const f of r.written!) assert.ok(existsSync(join(out, f)), f);
  const pkg = JSON.parse(readFileSync(join(out, 'package.json'), 'utf8')) as { name: string; type: string };
  assert.equal([pkg.name, pkg.type], ['api-model', 'module']);
  // a second compile replaces its own package; a folder that is not a package is refused unless forced
  await compile(SPEC, { out });
  const other = mkdtempSync(join(tmpdir(), 'hashee-api-other-'));
  writeFileSync(join(other, 'notes.txt'), 'mine');
  assert.is((await rejection(compile(SPEC, { out: other }))).code, 'output');
  assert.ok(existsSync(join(other, 'notes.txt')));
  rmSync(other, { recursive: true, force: true });
  const d = await compile(SPEC, { dumpAfter: 'schedule' });
  assert.is(d.files, undefined);
  assert.ok(d.dump!.length > 0);
  assert.ok(STAGES.includes('schedule'));
});

test('importOnnx writes a spec that runs; exportOnnx gives back the same weights', async () => {
  const yamlOut = join(dir, 'imported.yaml');
  const imp = await importOnnx(join(dir, 'model.onnx'), { name: 'round-trip', out: yamlOut });
  assert.is(imp.out, yamlOut);
  assert.equal(imp.model.arch, arch);
  assert.is((imp.data as { name: string }).name, 'round-trip');
  const spec = loadSpec(yamlOut);
  const r = await run(spec, { ids: [1, 5, 9, 2] }, { output: 'last-hidden' });
  assert.ok(maxDiff(r.result.lastHidden[0]!, naiveLastHidden(model, () => arch.layers, [1, 5, 9, 2])) <= 1e-9);
  const bytes = await exportOnnx(SPEC, { out: join(dir, 'exported.onnx') });
  assert.ok(Buffer.compare(readFileSync(join(dir, 'exported.onnx')), bytes) === 0, 'the file written holds the bytes returned');
  const back = readOnnx(bytes, 'exported.onnx');
  assert.equal(Array.from(back.weights.layers[2]!.f2W.slice(0, 32)), Array.from(model.weights.layers[2]!.f2W.slice(0, 32)));
  const withExits = await exportOnnx(SPEC, { exits: true });
  assert.ok(withExits.length > 0 && withExits.length !== bytes.length);
});

test('report returns the plotted data, and the page when asked', async () => {
  const r = await report(SPEC, { html: true });
  assert.ok(r.html!.startsWith('<!doctype html>') || r.html!.startsWith('<!DOCTYPE html>'), r.html!.slice(0, 40));
  assert.ok(r.data !== undefined);
});

test('errors are typed: every problem of a spec with file, line, column, code and path', async () => {
  const { file, text } = fixture('wrong-type.yaml');
  const e = await rejection(check(file));
  assert.instance(e, SpecErrors);
  const [p, ...rest] = e.problems();
  assert.is(rest.length, 0);
  const at = positionOf(text, '"12"');
  assert.equal([p!.code, p!.file, p!.line, p!.column, p!.path], ['spec-type', file, at.line, at.col, 'model.heads']);
  assert.equal(p!.toJSON(), { code: 'spec-type', message: p!.message, file, line: at.line, column: at.col, path: 'model.heads', expected: 'integer', actual: 'string "12"' });
  // several mistakes: all of them, in source order, and the CLI's --json prints exactly these
  const many = fixture('many-errors.yaml').file;
  const all = (await rejection(compile(many))).problems();
  assert.ok(all.length >= 4, `${all.length} problems`);
  assert.ok(all.every((x, i) => x.file === many && (i === 0 || x.line! >= all[i - 1]!.line!)));
  let out = '';
  const code = await main(['check', many, '--json'], { out: (s) => { out += s; }, err: () => {} });
  assert.is(code, 1);
  assert.equal((JSON.parse(out) as { errors: unknown[] }).errors, JSON.parse(JSON.stringify(all)));
});

async function rejection(p: Promise<unknown>): Promise<HasheeError> {
  try {
    await p;
  } catch (e) {
    assert.instance(e, HasheeError, String(e));
    return e as HasheeError;
  }
  assert.unreachable('expected a HasheeError, the call succeeded');
  throw new Error('unreachable');
}

test.after(() => rmSync(dir, { recursive: true, force: true }));
test.run();
