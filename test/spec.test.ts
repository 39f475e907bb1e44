// Valid specs: typed values, defaults, absolute paths relative to the spec file, locations and hash.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { HasheeError } from '../compiler/errors.ts';
import { loadSpec, parseSpecText, SpecErrors } from '../compiler/spec/index.ts';
import { positionOf, REPO } from './fixtures/specs/expect.ts';

const MODEL = 'model: { layers: 4, hidden: 8, heads: 2, ffn: 16, vocab_size: 200, max_positions: 32 }';

test('specs/tiny.yaml: every typed value', () => {
  const spec = loadSpec(join(REPO, 'specs', 'tiny.yaml'));
  assert.is(spec.file, join(REPO, 'specs', 'tiny.yaml'));
  assert.is(spec.name, 'tiny');
  assert.equal(spec.arch, {
    layers: 2, hidden: 8, heads: 2, ffn: 16, vocabSize: 64, maxPositions: 32, typeVocabSize: 2,
    activation: 'gelu', layerNormEps: 1e-12, norm: 'post', embeddingSize: 8, sharedLayers: false,
  });
  assert.equal(spec.head, { kind: 'classification', labels: 2 });
  assert.equal(spec.weights, { kind: 'random', seed: 1, std: 0.02 });
  assert.is(spec.tokenizer, undefined);
  assert.equal(spec.exit, { kind: 'random', seed: 1, buckets: 2 });
  assert.equal(spec.targets, ['wasm', 'webgpu']);
});

test('specs/mid.yaml: 4 layers, width 256, random policy with 4 buckets', () => {
  const spec = loadSpec(join(REPO, 'specs', 'mid.yaml'));
  assert.equal([spec.arch.layers, spec.arch.hidden, spec.arch.heads, spec.arch.ffn, spec.arch.vocabSize, spec.arch.maxPositions], [4, 256, 4, 1024, 1000, 128]);
  assert.equal(spec.head, { kind: 'classification', labels: 2 });
  assert.equal(spec.weights, { kind: 'random', seed: 1, std: 0.02 });
  assert.is(spec.exit.kind, 'random');
  assert.is(spec.exit.kind === 'random' && spec.exit.buckets, 4);
});

test('specs/bert-base-sst2.yaml: BERT-base, frequency policy on the shipped corpus, absolute paths', () => {
  const file = join(REPO, 'specs', 'bert-base-sst2.yaml');
  const spec = loadSpec(file);
  assert.equal([spec.arch.layers, spec.arch.hidden, spec.arch.heads, spec.arch.ffn, spec.arch.vocabSize, spec.arch.maxPositions], [12, 768, 12, 3072, 30522, 512]);
  assert.equal(spec.tokenizer, {
    path: join(REPO, 'data', 'sst2', 'tokenizer.json'),
    specialIds: { cls: 101, sep: 102, pad: 0, unk: 100, mask: 103 },
  });
  assert.equal(spec.exit, {
    kind: 'frequency',
    buckets: 6,
    corpus: { files: [join(REPO, 'data', 'sst2', 'train.tsv'), join(REPO, 'data', 'sst2', 'dev.tsv')], textColumns: ['sentence'], labelColumn: 'label' },
  });
});

test('hash is the sha256 of the file bytes; locations point where keys and values were written', () => {
  const file = join(REPO, 'specs', 'bert-base-sst2.yaml');
  const bytes = readFileSync(file);
  const text = bytes.toString('utf8');
  const rel = relative(process.cwd(), file);
  const spec = loadSpec(rel);
  assert.is(spec.hash, createHash('sha256').update(bytes).digest('hex'));
  assert.match(spec.hash, /^[0-9a-f]{64}$/);
  const at = (path: string): unknown => spec.locations.get(path);
  assert.equal(at('model.heads'), { file: rel, ...positionOf(text, 'heads: 12', { shift: 'heads: '.length }) });
  assert.equal(at('exit.corpus.files[1]'), { file: rel, ...positionOf(text, '../data/sst2/dev.tsv') });
  assert.equal(at('exit'), { file: rel, ...positionOf(text, '\nexit:', { shift: 1 }) }); // a section: its key
  assert.equal(at('tokenizer.special_ids.cls'), { file: rel, ...positionOf(text, '101') });
});

test('paths resolve against the spec file folder, not the working directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hashee-spec-'));
  try {
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    mkdirSync(join(dir, 'w'));
    writeFileSync(join(dir, 'w', 'model.onnx'), 'not parsed here');
    writeFileSync(join(dir, 'a', 'table.json'), '{}');
    const text = `name: paths\n${MODEL}\nhead: { kind: none }\nweights: { onnx: ../../w/model.onnx }\nexit: { policy: table, table: ../table.json }\n`;
    const file = join(dir, 'a', 'b', 'spec.yaml');
    writeFileSync(file, text);
    const spec = loadSpec(file);
    assert.equal(spec.weights, { kind: 'onnx', path: join(dir, 'w', 'model.onnx') });
    assert.equal(spec.exit, { kind: 'table', path: join(dir, 'a', 'table.json') });
    assert.equal(parseSpecText(text, file).weights, spec.weights);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('optional keys take their documented defaults', () => {
  const spec = parseSpecText(`name: d\n${MODEL}\nhead: { kind: regression }\nweights: { random: { seed: 9 } }\nexit: { policy: cluster, buckets: 2 }\n`, 'd.yaml');
  assert.equal(spec.arch, {
    layers: 4, hidden: 8, heads: 2, ffn: 16, vocabSize: 200, maxPositions: 32, typeVocabSize: 2,
    activation: 'gelu', layerNormEps: 1e-12, norm: 'post', embeddingSize: 8, sharedLayers: false,
  });
  assert.equal(spec.head, { kind: 'regression' });
  assert.equal(spec.weights, { kind: 'random', seed: 9, std: 0.02 });
  assert.equal(spec.exit, { kind: 'cluster', seed: 0, iterations: 50, buckets: 2 });
  assert.equal(spec.targets, ['wasm', 'webgpu']);
  assert.equal(spec.precision, { wasm: 'f32', webgpu: 'f32' });
});

test('precision: one value for the targets it suits, or one per target; a value a target cannot take is located', () => {
  const base = `name: p\n${MODEL}\nhead: { kind: none }\nweights: { random: { seed: 1 } }\nexit: { policy: none }\n`;
  assert.equal(parseSpecText(`${base}precision: int8\ntargets: [wasm]\n`, 'p.yaml').precision, { wasm: 'int8', webgpu: 'f32' });
  assert.equal(parseSpecText(`${base}precision: f16\ntargets: [webgpu]\n`, 'p.yaml').precision, { wasm: 'f32', webgpu: 'f16' });
  assert.equal(parseSpecText(`${base}precision: { wasm: int8, webgpu: f16 }\n`, 'p.yaml').precision, { wasm: 'int8', webgpu: 'f16' });
  assert.equal(parseSpecText(`${base}precision: { webgpu: f16 }\n`, 'p.yaml').precision, { wasm: 'f32', webgpu: 'f16' });
  const errorsOf = (text: string): HasheeError[] => {
    try { parseSpecText(text, 'p.yaml'); } catch (e) { if (e instanceof SpecErrors) return [...e.errors]; throw e; }
    throw new Error('expected spec errors');
  };
  // int8 with both default targets: webgpu cannot take it
  const [mixed, ...more] = errorsOf(`${base}precision: int8\n`);
  assert.is(more.length, 0);
  assert.is(mixed!.keyPath, 'precision');
  assert.match(mixed!.message, 'precision: { wasm: int8, webgpu: f32 }');
  assert.is(mixed!.location?.line, 6);
  // a mapping is checked against the mapping's keys only (not also "expected string")
  const [bad, ...others] = errorsOf(`${base}precision: { wasm: f16 }\n`);
  assert.is(others.length, 0, others.map((e) => e.format()).join('\n'));
  assert.is(bad!.keyPath, 'precision.wasm');
  assert.is(bad!.expected, 'f32 | int8');
  const [scalar, ...rest] = errorsOf(`${base}precision: f64\n`);
  assert.is(rest.length, 0);
  assert.is(scalar!.expected, 'f32 | int8 | f16');
});

test('every key written explicitly: token head, mi with bucket_layers, one target', () => {
  const text = [
    'name: full-1.0',
    'model:',
    '  { layers: 4, hidden: 8, heads: 2, ffn: 16, vocab_size: 200, max_positions: 32, type_vocab_size: 1,',
    '    activation: gelu_tanh, layer_norm_eps: 1.0e-5, norm: post }',
    'head: { kind: token, labels: 5 }',
    'weights: { random: { seed: 3, std: 0.5 } }',
    'tokenizer: { path: ../data/sst2/tokenizer.json, special_ids: { cls: 101, sep: 102, pad: 0, unk: 100, mask: 103 } }',
    'exit:',
    '  policy: mi',
    '  buckets: 3',
    '  bucket_layers: [1, 1, 4]',
    '  corpus: { files: [../data/sst2/dev.tsv], text_columns: [sentence], label_column: label }',
    'targets: [webgpu]',
    '',
  ].join('\n');
  const spec = parseSpecText(text, join(REPO, 'specs', 'full.yaml'));
  assert.equal(spec.arch, {
    layers: 4, hidden: 8, heads: 2, ffn: 16, vocabSize: 200, maxPositions: 32, typeVocabSize: 1,
    activation: 'gelu_tanh', layerNormEps: 1e-5, norm: 'post', embeddingSize: 8, sharedLayers: false,
  });
  assert.equal(spec.head, { kind: 'token', labels: 5 });
  assert.equal(spec.weights, { kind: 'random', seed: 3, std: 0.5 });
  assert.equal(spec.exit, {
    kind: 'mi', buckets: 3, bucketLayers: [1, 1, 4],
    corpus: { files: [join(REPO, 'data', 'sst2', 'dev.tsv')], textColumns: ['sentence'], labelColumn: 'label' },
  });
  assert.equal(spec.targets, ['webgpu']);
});

test('policy none takes no other keys', () => {
  const spec = parseSpecText(`name: n\n${MODEL}\nhead: { kind: none }\nweights: { random: { seed: 1 } }\nexit: { policy: none }\n`, 'n.yaml');
  assert.equal(spec.exit, { kind: 'none' });
});

test.run();
