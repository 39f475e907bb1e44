// The JSON Schema itself (descriptions, closed objects, defaults), the example specs' headers, and did-you-mean.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SCHEMA_PATH, SPEC_DEFAULTS } from '../compiler/spec/index.ts';
import { editDistance, suggest } from '../compiler/spec/suggest.ts';
import { REPO } from './fixtures/specs/expect.ts';

type Node = { [key: string]: unknown };
const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Node;

/** Every property schema reachable through properties/items (not if/then, which only restate keys). */
function walk(node: Node, path: string, visit: (node: Node, path: string) => void): void {
  visit(node, path);
  for (const [key, child] of Object.entries((node['properties'] ?? {}) as Record<string, Node>)) walk(child, path ? `${path}.${key}` : key, visit);
  if (node['items'] && typeof node['items'] === 'object') walk(node['items'] as Node, `${path}[]`, visit);
}

test('every key has a description; every mapping is closed (additionalProperties: false)', () => {
  let keys = 0;
  walk(schema, '', (node, path) => {
    if (!path.endsWith('[]')) {
      keys++;
      assert.type(node['description'], 'string', `description of '${path}'`);
    }
    if (node['type'] === 'object') assert.is(node['additionalProperties'], false, `additionalProperties of '${path}'`);
  });
  assert.ok(keys > 30);
});

test("the schema's default annotations match the defaults the loader applies", () => {
  const at = (path: string): unknown => path.split('.').reduce<Node>((n, k) => (n['properties'] as Record<string, Node>)[k]!, schema)['default'];
  assert.equal(at('model.type_vocab_size'), SPEC_DEFAULTS.typeVocabSize);
  assert.equal(at('model.activation'), SPEC_DEFAULTS.activation);
  assert.equal(at('model.layer_norm_eps'), SPEC_DEFAULTS.layerNormEps);
  assert.equal(at('model.norm'), SPEC_DEFAULTS.norm);
  assert.equal(at('model.shared_layers'), SPEC_DEFAULTS.sharedLayers);
  assert.equal(at('head.pooler'), SPEC_DEFAULTS.pooler);
  assert.equal(at('weights.random.std'), SPEC_DEFAULTS.weightsStd);
  assert.equal(at('exit.seed'), SPEC_DEFAULTS.exitSeed);
  assert.equal(at('exit.iterations'), SPEC_DEFAULTS.clusterIterations);
  assert.equal(at('targets'), SPEC_DEFAULTS.targets);
  assert.equal(at('precision'), SPEC_DEFAULTS.precision);
});

test('example specs start with a yaml-language-server line that points at the schema', () => {
  for (const name of ['bert-base-sst2.yaml', 'tiny.yaml', 'mid.yaml']) {
    const file = join(REPO, 'specs', name);
    const first = readFileSync(file, 'utf8').split('\n')[0]!;
    const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
    assert.ok(m, `${name}: ${first}`);
    assert.is(resolve(dirname(file), m[1]!), SCHEMA_PATH);
  }
});

test('editDistance: insertions, deletions, substitutions and adjacent swaps', () => {
  assert.is(editDistance('kitten', 'sitting'), 3);
  assert.is(editDistance('', 'abc'), 3);
  assert.is(editDistance('abc', 'abc'), 0);
  assert.is(editDistance('ab', 'ba'), 1);
  assert.is(editDistance('hiden', 'hidden'), 1);
});

test('suggest: close spellings, other casings and prefixes; nothing for unrelated words', () => {
  const keys = ['layers', 'hidden', 'heads', 'ffn', 'vocab_size', 'max_positions', 'type_vocab_size', 'activation', 'layer_norm_eps', 'norm'];
  assert.is(suggest('hiden', keys), 'hidden');
  assert.is(suggest('haeds', keys), 'heads');
  assert.is(suggest('vocabSize', keys), 'vocab_size');
  assert.is(suggest('max-positions', keys), 'max_positions');
  assert.is(suggest('vocab', keys), 'vocab_size');
  assert.is(suggest('layer', keys), 'layers');
  assert.is(suggest('dropout', keys), undefined);
  assert.is(suggest('', keys), undefined);
});

test.run();
