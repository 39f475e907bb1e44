// renderSpecYaml: the text it writes loads back (loadSpec) to the same architecture, head, weights, tokenizer and policy.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ArchConfig, HeadConfig } from '../contract/model.ts';
import { loadSpec, renderSpecYaml, SCHEMA_PATH, type ExitPolicy, type RenderSpecInput, type Spec } from '../compiler/spec/index.ts';
import { REPO } from './fixtures/specs/expect.ts';

const ARCH: ArchConfig = {
  layers: 6, hidden: 12, heads: 3, ffn: 20, vocabSize: 300, maxPositions: 40, typeVocabSize: 1,
  activation: 'gelu_tanh', layerNormEps: 1e-5, norm: 'post', embeddingSize: 12, sharedLayers: false,
};

/** Renders `input` as if saved at dir/specs/out.yaml, saves it there and loads it. */
function roundTrip(dir: string, input: Omit<RenderSpecInput, 'specFile'>): { spec: Spec; text: string } {
  const specFile = join(dir, 'specs', 'out.yaml');
  mkdirSync(dirname(specFile), { recursive: true });
  const text = renderSpecYaml({ ...input, specFile });
  writeFileSync(specFile, text);
  return { spec: loadSpec(specFile), text };
}

function withTempDir(body: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'hashee-render-'));
  try { body(dir); } finally { rmSync(dir, { recursive: true, force: true }); }
}

test('an ONNX import: arch, head and weights path come back; first line points at the schema', () => withTempDir((dir) => {
  const onnx = join(dir, 'models', 'bert.onnx');
  mkdirSync(dirname(onnx));
  writeFileSync(onnx, 'not parsed here');
  const head: HeadConfig = { kind: 'classification', labels: 3 };
  const { spec, text } = roundTrip(dir, { name: 'bert', arch: ARCH, head, onnxPath: onnx });
  assert.equal(spec.arch, ARCH);
  assert.equal(spec.head, head);
  assert.equal(spec.weights, { kind: 'onnx', path: onnx });
  assert.equal(spec.exit, { kind: 'none' });
  assert.equal(spec.targets, ['wasm', 'webgpu']);
  const m = /^# yaml-language-server: \$schema=(\S+)\n/.exec(text);
  assert.ok(m);
  assert.is(resolve(dir, 'specs', m[1]!), SCHEMA_PATH);
  assert.match(text, 'onnx: ../models/bert.onnx');
  assert.match(text, '#'); // commented
}));

test('every head kind and default arch values round-trip', () => withTempDir((dir) => {
  const heads: HeadConfig[] = [{ kind: 'none' }, { kind: 'regression' }, { kind: 'token', labels: 7 }, { kind: 'classification', labels: 2 }];
  const arch: ArchConfig = { ...ARCH, typeVocabSize: 2, activation: 'relu', layerNormEps: 1e-12 };
  for (const head of heads) {
    const { spec } = roundTrip(dir, { name: 'h', arch, head, randomSeed: 42 });
    assert.equal(spec.head, head);
    assert.equal(spec.arch, arch);
    assert.equal(spec.weights, { kind: 'random', seed: 42, std: 0.02 });
  }
}));

test('the default spec (tokenizer + frequency corpus) round-trips with the same absolute paths', () => withTempDir((dir) => {
  const original = loadSpec(join(REPO, 'specs', 'bert-base-sst2.yaml'));
  const { spec } = roundTrip(dir, {
    name: original.name, arch: original.arch, head: original.head, tokenizer: original.tokenizer, exit: original.exit, targets: original.targets,
  });
  assert.is(spec.name, original.name);
  assert.equal(spec.arch, original.arch);
  assert.equal(spec.tokenizer, original.tokenizer);
  assert.equal(spec.exit, original.exit);
  assert.equal(spec.targets, original.targets);
}));

test('every exit policy round-trips', () => withTempDir((dir) => {
  const table = join(dir, 'tables', 'exits.json');
  mkdirSync(dirname(table));
  writeFileSync(table, '{}');
  const corpus = { files: [join(REPO, 'data', 'sst2', 'dev.tsv')], textColumns: ['sentence', '1'], labelColumn: 'label' };
  const tokenizer = { path: join(REPO, 'data', 'sst2', 'tokenizer.json'), specialIds: { cls: 101, sep: 102, pad: 0, unk: 100, mask: 103 } };
  const exits: ExitPolicy[] = [
    { kind: 'none' },
    { kind: 'random', seed: 5, buckets: 3, bucketLayers: [1, 2, 6] },
    { kind: 'cluster', seed: 2, iterations: 7, buckets: 6 },
    { kind: 'mi', corpus, buckets: 2 },
    { kind: 'frequency', corpus: { files: corpus.files, textColumns: ['sentence'] }, buckets: 6 },
    { kind: 'table', path: table },
    { kind: 'table', path: table, values: 'buckets' },
  ];
  for (const exit of exits) {
    const { spec } = roundTrip(dir, { name: 'p', arch: ARCH, head: { kind: 'none' }, tokenizer, exit, targets: ['wasm'] });
    assert.equal(spec.exit, exit);
    assert.equal(spec.targets, ['wasm']);
  }
}));

test('names and paths that need care: spaces, a name that is not valid, a quoted path', () => withTempDir((dir) => {
  const onnx = join(dir, 'my models', 'true');
  mkdirSync(dirname(onnx));
  writeFileSync(onnx, '');
  const { spec } = roundTrip(dir, { name: '  my model (v2).onnx', arch: ARCH, head: { kind: 'none' }, onnxPath: onnx });
  assert.match(spec.name, /^[A-Za-z0-9][A-Za-z0-9._-]*$/);
  assert.equal(spec.weights, { kind: 'onnx', path: onnx });
}));

test('rendering is deterministic', () => {
  const input = { name: 'x', arch: ARCH, head: { kind: 'none' } as const, specFile: join(REPO, 'specs', 'x.yaml') };
  assert.is(renderSpecYaml(input), renderSpecYaml(input));
});

test.run();
