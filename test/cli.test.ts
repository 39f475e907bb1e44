// The CLI end to end: exit codes, located errors, atomic outputs, and `run --json` on an imported ONNX
// encoder with a table policy against an independent float64 implementation of the semantics.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, mkdtempSync, writeFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { main } from '../compiler/cli.ts';
import { exportOnnx } from '../compiler/onnx/index.ts';
import { randomWeights } from '../compiler/weights/random.ts';
import type { ArchConfig, HeadConfig, Model } from '../contract/model.ts';
import { naiveLastHidden } from './support/naive-hashee.ts';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const code = await main(argv, { out: (s) => { out += s; }, err: (s) => { err += s; } });
  return { code, out, err };
}

const arch: ArchConfig = { layers: 3, hidden: 16, heads: 2, ffn: 32, vocabSize: 40, maxPositions: 16, typeVocabSize: 2, activation: 'gelu', layerNormEps: 1e-12, norm: 'post', embeddingSize: 16, sharedLayers: false };
const head: HeadConfig = { kind: 'classification', labels: 2 };
const model: Model = { arch, head, weights: randomWeights(arch, head, 11, 0.3) };
const dir = mkdtempSync(join(tmpdir(), 'hashee-cli-'));
// Exported the way torch.onnx does it: numbered names, Gemm(transB=1), LayerNorm decomposed, opset 13.
writeFileSync(join(dir, 'model.onnx'), exportOnnx(model, { naming: 'torch', linear: 'gemm', layerNorm: 'decomposed', opset: 13, seed: 5 }));
const table: Record<string, number> = { 5: 1, 6: 2, 7: 1, 9: 3, 12: 2, 30: 1 };
writeFileSync(join(dir, 'exits.json'), JSON.stringify(table));
const specText = `name: imported
model: { layers: 3, hidden: 16, heads: 2, ffn: 32, vocab_size: 40, max_positions: 16, type_vocab_size: 2, activation: gelu, layer_norm_eps: 1.0e-12, norm: post }
head: { kind: classification, labels: 2 }
weights: { onnx: model.onnx }
exit: { policy: table, table: exits.json }
targets: [wasm]
`;
writeFileSync(join(dir, 'spec.yaml'), specText);

test('run --json --output last-hidden matches an independent float64 implementation to 1e-4', async () => {
  const ids = [1, 5, 6, 7, 9, 12, 30, 2, 33];
  const r = await cli('run', join(dir, 'spec.yaml'), '--ids', ids.join(','), '--output', 'last-hidden', '--json');
  assert.is(r.code, 0, r.err);
  const got = JSON.parse(r.out) as { exits: number[]; last_hidden: number[][] };
  const exitOf = (id: number): number => table[id] ?? arch.layers;
  assert.equal(got.exits, ids.map(exitOf));
  const want = naiveLastHidden(model, exitOf, ids);
  assert.is(got.last_hidden.length, ids.length);
  let maxDiff = 0;
  got.last_hidden.forEach((row, t) => row.forEach((v, k) => { maxDiff = Math.max(maxDiff, Math.abs(v - want[t]![k]!)); }));
  assert.ok(maxDiff <= 1e-4, `max abs difference ${maxDiff}`);
  // The exits matter: a full-depth run differs.
  const full = JSON.parse((await cli('run', join(dir, 'spec.yaml'), '--ids', ids.join(','), '--output', 'last-hidden', '--json', '--full-depth')).out) as { last_hidden: number[][] };
  assert.ok(Math.abs(full.last_hidden[1]![0]! - got.last_hidden[1]![0]!) > 1e-6);
});

test('a spec without a head runs the encoder of a file that has one', async () => {
  const encoderOnly = join(dir, 'encoder.yaml');
  writeFileSync(encoderOnly, specText.replace('head: { kind: classification, labels: 2 }', 'head: { kind: none }'));
  const r = await cli('run', encoderOnly, '--ids', '1,5,9', '--json');
  assert.is(r.code, 0, r.err);
  const got = JSON.parse(r.out) as { exits: number[]; last_hidden: number[][] };
  assert.equal(got.exits, [3, 1, 3]);
  assert.is(got.last_hidden.length, 3);
});

test('a spec error prints file:line:col and exits 1, without a stack trace', async () => {
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, specText.replace('heads: 2', 'heads: 3'));
  const r = await cli('check', bad);
  assert.is(r.code, 1);
  assert.match(r.err, new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:\\d+: `));
  assert.not.match(r.err, /\n\s+at /);
});

test('usage errors and bad --ids exit 1 with a message', async () => {
  assert.is((await cli('frobnicate')).code, 1);
  assert.match((await cli('chek', 'x')).err, /did you mean 'check'/);
  const r = await cli('run', join(dir, 'spec.yaml'), '--ids', '1,99');
  assert.is(r.code, 1);
  assert.match(r.err, /outside the vocabulary/);
  assert.is((await cli('run', join(dir, 'spec.yaml'))).code, 1);
  const long = await cli('run', join(dir, 'spec.yaml'), '--ids', '1,2', '--ids', new Array(17).fill(1).join(','));
  assert.is(long.code, 1);
  assert.match(long.err, 'error[input]: input 2 has 17 tokens, more than max_positions (16)');
  assert.is((await cli('run', join(dir, 'spec.yaml'), '--ids', '1', '--output', 'bogus')).code, 1);
});

test('import prints a spec that checks against the same file', async () => {
  const out = join(dir, 'imported.yaml');
  const r = await cli('import', join(dir, 'model.onnx'), '--out', out);
  assert.is(r.code, 0, r.err);
  const c = await cli('check', out);
  assert.is(c.code, 0, c.err);
  assert.match(c.out, /3 layers, hidden 16, 2 heads, ffn 32, vocab 40/);
});

test('a mismatching ONNX file is reported against the spec', async () => {
  const other = join(dir, 'other.yaml');
  writeFileSync(other, specText.replace('layers: 3', 'layers: 4'));
  const r = await cli('check', other);
  assert.is(r.code, 1);
  assert.match(r.err, /layers/);
  assert.match(r.err, /4/);
  assert.match(r.err, /3/);
});

test('export-onnx and compile write whole outputs; a failing compile leaves nothing behind', async () => {
  const onnx = join(dir, 'out', 'again.onnx');
  assert.is((await cli('export-onnx', join(dir, 'spec.yaml'), '--out', onnx)).code, 0);
  assert.ok(readFileSync(onnx).length > 1000);
  const pkg = join(dir, 'pkg');
  const c = await cli('compile', join(dir, 'spec.yaml'), '--out', pkg, '--target', 'wasm');
  assert.is(c.code, 0, c.err);
  const manifest = JSON.parse(readFileSync(join(pkg, 'manifest.json'), 'utf8')) as { exitTable: { length: number } };
  assert.is(manifest.exitTable.length, 40);
  assert.equal([...readFileSync(join(pkg, 'exits.bin'))].slice(5, 8), [1, 2, 1]);
  const failed = join(dir, 'never');
  writeFileSync(join(dir, 'broken.yaml'), specText.replace('exits.json', 'missing.json'));
  assert.is((await cli('compile', join(dir, 'broken.yaml'), '--out', failed)).code, 1);
  assert.not.ok(existsSync(failed));
  assert.not.ok(readdirSync(dir).some((f) => f.includes('.tmp')));
});

test('the installed bin runs (tsx loader) and reports its version', () => {
  const out = execFileSync(process.execPath, [new URL('../bin/hashee.mjs', import.meta.url).pathname, '--version'], { encoding: 'utf8' });
  assert.match(out.trim(), /^\d+\.\d+\.\d+$/);
});

test('run --backend wasm never reuses a package compiled from other weights behind the same spec text', async () => {
  // Two folders with byte-identical spec.yaml files whose model.onnx differ: the compiled-package cache
  // must tell them apart (it once keyed on the spec text alone and ran stale weights).
  const outs: number[][] = [];
  for (const seed of [21, 22]) {
    const sub = mkdtempSync(join(dir, `same-spec-${seed}-`));
    const other: Model = { arch, head, weights: randomWeights(arch, head, seed, 0.3) };
    writeFileSync(join(sub, 'model.onnx'), exportOnnx(other));
    writeFileSync(join(sub, 'exits.json'), JSON.stringify(table));
    writeFileSync(join(sub, 'spec.yaml'), specText);
    const ids = '1,5,6,9,2';
    const wasm = await cli('run', join(sub, 'spec.yaml'), '--backend', 'wasm', '--threads', '1', '--ids', ids, '--json');
    const ref = await cli('run', join(sub, 'spec.yaml'), '--ids', ids, '--json');
    assert.is(wasm.code, 0, wasm.err);
    const [a, b] = [wasm, ref].map((r) => (JSON.parse(r.out) as { logits: number[] }).logits);
    a!.forEach((v, k) => assert.ok(Math.abs(v - b![k]!) <= 1e-4, `seed ${seed}: logit ${k}`));
    outs.push(a!);
  }
  assert.ok(Math.abs(outs[0]![0]! - outs[1]![0]!) > 1e-6, 'different weights give different logits');
});

test('compile works from any working directory (the type-check finds its types from hashee\'s install)', () => {
  const elsewhere = mkdtempSync(join(tmpdir(), 'hashee-cwd-'));
  const spec = new URL('../specs/tiny.yaml', import.meta.url).pathname;
  const r = spawnSync(process.execPath, [new URL('../bin/hashee.mjs', import.meta.url).pathname, 'compile', spec, '--target', 'wasm', '--out', 'pkg'], { cwd: elsewhere, encoding: 'utf8' });
  assert.is(r.status, 0, r.stderr);
  assert.ok(existsSync(join(elsewhere, 'pkg', 'index.js')));
  assert.ok(existsSync(join(elsewhere, 'pkg', 'manifest.json')));
});

test('a spec too large for memory fails check and run with exit 1 before anything is allocated', async () => {
  const big = join(dir, 'huge-vocab.yaml');
  writeFileSync(big, specText.replace('vocab_size: 40', 'vocab_size: 1000000000').replace('weights: { onnx: model.onnx }', 'weights: { random: { seed: 1 } }').replace('exit: { policy: table, table: exits.json }', 'exit: { policy: none }'));
  for (const argv of [['check', big], ['run', big, '--ids', '1,2,3']]) {
    const r = await cli(...argv);
    assert.is(r.code, 1, r.err);
    assert.match(r.err, /huge-vocab\.yaml:2:\d+: error\[spec-value\]: the weights need 59\.6 GiB/);
    assert.match(r.err, /\(at model\.vocab_size\)/);
  }
});

test('compile --out refuses to replace a file or a folder that is not a package, unless --force', async () => {
  const spec = join(dir, 'spec.yaml');
  const out = mkdtempSync(join(tmpdir(), 'hashee-out-'));
  const leftovers = (): string[] => readdirSync(out).filter((f) => f.includes('.tmp'));
  const file = join(out, 'notes.txt');
  writeFileSync(file, 'precious');
  const onFile = await cli('compile', spec, '--out', file, '--target', 'wasm');
  assert.is(onFile.code, 1, onFile.err);
  assert.match(onFile.err, /error\[output\]: --out .*notes\.txt is an existing file; .* pass --force to replace it/);
  assert.is(readFileSync(file, 'utf8'), 'precious');
  const folder = join(out, 'mine');
  mkdirSync(folder);
  writeFileSync(join(folder, 'a.txt'), 'mine');
  const onFolder = await cli('compile', spec, '--out', folder, '--target', 'wasm');
  assert.is(onFolder.code, 1, onFolder.err);
  assert.match(onFolder.err, /is a folder that is not a hashee package \(no manifest\.json with "format": "hashee-package\/1"\).*--force/);
  assert.equal(readdirSync(folder), ['a.txt']);
  // a manifest.json of something else is no package either
  writeFileSync(join(folder, 'manifest.json'), '{"format": "other/1"}');
  assert.is((await cli('compile', spec, '--out', folder, '--target', 'wasm')).code, 1);
  assert.equal(leftovers(), []);
  // an empty folder is filled; a package is rebuilt; --force replaces the file and the folder
  const empty = join(out, 'empty');
  mkdirSync(empty);
  for (const target of [empty, empty]) assert.is((await cli('compile', spec, '--out', target, '--target', 'wasm')).code, 0);
  for (const target of [file, folder]) {
    const forced = await cli('compile', spec, '--out', target, '--target', 'wasm', '--force');
    assert.is(forced.code, 0, forced.err);
    assert.ok(existsSync(join(target, 'manifest.json')));
  }
  assert.not.ok(existsSync(join(folder, 'a.txt')));
  assert.equal(leftovers(), []);
  // never a folder holding the spec itself, even with --force
  const holder = await cli('compile', spec, '--out', dir, '--target', 'wasm', '--force');
  assert.is(holder.code, 1);
  assert.match(holder.err, /holds the spec's input .*spec\.yaml: compile replaces the whole folder/);
  assert.ok(existsSync(spec));
});

test('export-onnx and import --out onto a folder, or under a file, are output errors (exit 1)', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'hashee-out-'));
  writeFileSync(join(folder, 'plain'), 'x');
  const cases = [
    ['export-onnx', join(dir, 'spec.yaml'), '--out', folder],
    ['import', join(dir, 'model.onnx'), '--out', folder],
    ['export-onnx', join(dir, 'spec.yaml'), '--out', join(folder, 'plain', 'x.onnx')],
    ['compile', join(dir, 'spec.yaml'), '--out', join(folder, 'plain', 'pkg')],
  ];
  for (const argv of cases) {
    const r = await cli(...argv);
    assert.is(r.code, 1, `${argv.join(' ')}: ${r.err}`);
    assert.match(r.err, /error\[output\]: cannot write .*: (it is a directory|a part of the path is a file, not a directory)/);
  }
  assert.equal(readdirSync(folder), ['plain']);
});

test('compile --dump-after STAGE prints each stage of the pipeline; with --out it also writes the package', async () => {
  const tiny = new URL('../specs/tiny.yaml', import.meta.url).pathname;
  const markers: Record<string, RegExp> = {
    spec: /"name": "tiny"/, table: /^exit table: 64 ids, 2 layers/, schedule: /^exit schedule: 2 layers/,
    plan: /^program: 2 layers, d 8.*\n[\s\S]*ffnNorm +norm ln2/, emit: /\(export "mm_qkv"[\s\S]*\/\/ ---- webgpu\/attention\.wgsl/, package: /  manifest\.json\n/,
  };
  for (const [stage, marker] of Object.entries(markers)) {
    const r = await cli('compile', tiny, '--dump-after', stage);
    assert.is(r.code, 0, `${stage}: ${r.err}`);
    assert.match(r.out, marker, stage);
  }
  // the plan dump is the program golden file's text
  const plan = (await cli('compile', tiny, '--dump-after', 'plan')).out;
  assert.is(`# ${readFileSync(new URL('../generated/golden/tiny.program.txt', import.meta.url), 'utf8').split('\n').slice(1).join('\n')}`, `# ${plan}`);
  const out = join(dir, 'dumped-pkg');
  const both = await cli('compile', tiny, '--dump-after', 'schedule', '--out', out);
  assert.is(both.code, 0, both.err);
  assert.match(both.out, /^exit schedule/);
  assert.ok(existsSync(join(out, 'manifest.json')));
  const bad = await cli('compile', tiny, '--dump-after', 'ir');
  assert.is(bad.code, 1);
  assert.match(bad.err, /--dump-after must be one of spec, table, schedule, plan, emit, package/);
  const none = await cli('compile', tiny);
  assert.is(none.code, 1);
  assert.match(none.err, /--out DIR is required \(or --dump-after STAGE\)/);
});

test.run();
