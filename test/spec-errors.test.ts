// Bad specs: each mistake gives the right error code, key path and exact file:line:col (found by searching the text).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseDocument } from 'yaml';
import { HasheeError } from '../compiler/errors.ts';
import { loadSpec, parseSpecText, SpecErrors } from '../compiler/spec/index.ts';
import { assertAt, caught, fixture, FIXTURES, positionOf } from './fixtures/specs/expect.ts';

test('unknown key: did-you-mean at the key, and no extra "missing" error for the key it meant', () => {
  const { file, text } = fixture('unknown-key.yaml');
  const errors = caught(() => loadSpec(file));
  assert.is(errors.length, 1, errors.map((e) => e.format()).join('\n'));
  const [e] = errors as [HasheeError];
  assert.is(e.code, 'spec-unknown-key');
  assert.is(e.keyPath, 'model.hiden');
  assert.match(e.message, "did you mean 'hidden'?");
  assert.is(e.actual, 'hiden');
  assertAt(e, file, positionOf(text, 'hiden:'));
});

test('wrong type: expected integer, got string "12", at the quoted value', () => {
  const { file, text } = fixture('wrong-type.yaml');
  const [e, ...rest] = caught(() => loadSpec(file)) as [HasheeError];
  assert.is(rest.length, 0);
  assert.is(e.code, 'spec-type');
  assert.is(e.keyPath, 'model.heads');
  assert.match(e.message, 'expected integer, got string "12"');
  assert.is(e.expected, 'integer');
  assert.is(e.actual, 'string "12"');
  assertAt(e, file, positionOf(text, '"12"'));
});

test('heads must divide hidden: points at the heads value and names divisors', () => {
  const { file, text } = fixture('heads-divide.yaml');
  const [e, ...rest] = caught(() => loadSpec(file)) as [HasheeError];
  assert.is(rest.length, 0);
  assert.is(e.code, 'spec-value');
  assert.is(e.keyPath, 'model.heads');
  assert.match(e.message, 'heads (4) must divide hidden (10)');
  assert.match(e.message, '2, 5'); // the divisors of 10 on either side of 4
  assertAt(e, file, positionOf(text, 'heads: 4', { shift: 'heads: '.length }));
});

test('missing ONNX file: file-missing at the path string, resolved against the spec folder', () => {
  const { file, text } = fixture('missing-onnx.yaml');
  const [e, ...rest] = caught(() => loadSpec(file)) as [HasheeError];
  assert.is(rest.length, 0);
  assert.is(e.code, 'file-missing');
  assert.is(e.keyPath, 'weights.onnx');
  assert.match(e.message, 'models/absent.onnx');
  assert.match(e.expected ?? '', join(FIXTURES, 'models', 'absent.onnx'));
  assertAt(e, file, positionOf(text, 'models/absent.onnx'));
});

test('missing corpus file in a list: only that item, at its own position; a directory is not a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hashee-spec-'));
  try {
    mkdirSync(join(dir, 'specs'));
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'train.tsv'), 'sentence\tlabel\nok\t1\n');
    writeFileSync(join(dir, 'data', 'tok.json'), '{}');
    const text = [
      'name: corpus', 'model: { layers: 2, hidden: 8, heads: 2, ffn: 16, vocab_size: 200, max_positions: 32 }',
      'head: { kind: none }', 'weights: { random: { seed: 1 } }',
      'tokenizer: { path: ../data, special_ids: { cls: 101, sep: 102, pad: 0, unk: 100, mask: 103 } }',
      'exit:', '  policy: frequency', '  buckets: 2', '  corpus:',
      '    files: [../data/train.tsv, ../data/dev.tsv]', '    text_columns: [sentence]', '',
    ].join('\n');
    const file = join(dir, 'specs', 'spec.yaml');
    writeFileSync(file, text);
    const errors = caught(() => loadSpec(file));
    assert.equal(errors.map((e) => [e.code, e.keyPath]), [['file-missing', 'tokenizer.path'], ['file-missing', 'exit.corpus.files[1]']]);
    assert.match(errors[0]!.message, 'is a directory');
    assertAt(errors[0]!, file, positionOf(text, '../data,'));
    assertAt(errors[1]!, file, positionOf(text, '../data/dev.tsv'));
    assert.match(errors[1]!.expected ?? '', join(dir, 'data', 'dev.tsv'));
    assert.not.throws(() => loadSpec(file, { checkFiles: false }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bucket layer out of 1..layers: at the offending list item', () => {
  const { file, text } = fixture('bucket-range.yaml');
  const [e, ...rest] = caught(() => loadSpec(file)) as [HasheeError];
  assert.is(rest.length, 0);
  assert.is(e.code, 'spec-value');
  assert.is(e.keyPath, 'exit.bucket_layers[3]');
  assert.match(e.message, '1..4');
  assert.is(e.actual, '9');
  assertAt(e, file, positionOf(text, '9]'));
});

test('bucket layers must not decrease', () => {
  const { file, text } = fixture('bucket-order.yaml');
  const [e, ...rest] = caught(() => loadSpec(file)) as [HasheeError];
  assert.is(rest.length, 0);
  assert.is(e.keyPath, 'exit.bucket_layers[2]');
  assert.match(e.message, 'non-decreasing');
  assertAt(e, file, positionOf(text, '3]'));
});

test('bucket_layers length must equal buckets; buckets at most layers', () => {
  const base = 'name: b\nmodel: { layers: 3, hidden: 8, heads: 2, ffn: 16, vocab_size: 64, max_positions: 32 }\nhead: { kind: none }\nweights: { random: { seed: 1 } }\n';
  const text = `${base}exit: { policy: random, buckets: 4, bucket_layers: [1, 2] }\n`;
  const errors = caught(() => parseSpecText(text, 'b.yaml'));
  assert.equal(errors.map((e) => e.keyPath), ['exit.buckets', 'exit.bucket_layers']);
  assert.match(errors[0]!.message, 'buckets (4) must be at most model.layers (3)');
  assert.match(errors[1]!.message, 'lists 2 layer counts but exit.buckets is 4');
  assertAt(errors[0]!, 'b.yaml', positionOf(text, 'buckets: 4', { shift: 'buckets: '.length }));
  assertAt(errors[1]!, 'b.yaml', positionOf(text, '[1, 2]'));
});

test('YAML syntax error: duplicate key at its second occurrence', () => {
  const { file, text } = fixture('duplicate-key.yaml');
  const [e, ...rest] = caught(() => loadSpec(file)) as [HasheeError];
  assert.is(rest.length, 0);
  assert.is(e.code, 'spec-syntax');
  assertAt(e, file, positionOf(text, 'heads:', { occurrence: 1 }));
});

test('YAML syntax error: unclosed quote at the position the yaml package gives', () => {
  const { file, text } = fixture('unclosed-quote.yaml');
  const errors = caught(() => loadSpec(file));
  const expected = parseDocument(text).errors.map((y) => y.linePos![0]);
  assert.ok(expected.length > 0);
  assert.equal(errors.map((e) => e.code), expected.map(() => 'spec-syntax'));
  errors.forEach((e, i) => assertAt(e, file, expected[i]!));
  assert.not.match(errors[0]!.message, 'at line'); // the position is in the prefix, not repeated
});

test('missing required key: at the parent key, with the key path and what the key is for', () => {
  const { file, text } = fixture('missing-key.yaml');
  const [e, ...rest] = caught(() => loadSpec(file)) as [HasheeError];
  assert.is(rest.length, 0);
  assert.is(e.code, 'spec-missing');
  assert.is(e.keyPath, 'model.ffn');
  assert.match(e.message, "missing required key 'ffn' in 'model'");
  assert.match(e.expected ?? '', 'feed-forward');
  assertAt(e, file, positionOf(text, 'model:'));
});

test('norm: pre is a valid spec', () => {
  const { file } = fixture('norm-pre.yaml');
  assert.is(loadSpec(file).arch.norm, 'pre');
});

test('special ids must be below vocab_size: one error per offending id', () => {
  const { file, text } = fixture('special-ids.yaml');
  const errors = caught(() => loadSpec(file));
  assert.equal(errors.map((e) => e.keyPath), ['tokenizer.special_ids.cls', 'tokenizer.special_ids.sep', 'tokenizer.special_ids.mask']);
  for (const [e, id] of [[errors[0]!, '101'], [errors[1]!, '102'], [errors[2]!, '103']] as const) {
    assert.is(e.code, 'spec-value');
    assertAt(e, file, positionOf(text, id));
  }
});

test('policy needs: token head labels, mi label_column and tokenizer, keys that do not apply', () => {
  const { file, text } = fixture('policy-needs.yaml');
  const errors = caught(() => loadSpec(file));
  assert.equal(errors.map((e) => [e.code, e.keyPath]), [
    ['spec-missing', 'head.labels'],
    ['policy', 'exit.policy'],
    ['spec-missing', 'exit.corpus.label_column'],
    ['spec-value', 'exit.seed'],
  ]);
  assert.match(errors[0]!.message, "when kind is 'token'");
  assertAt(errors[0]!, file, positionOf(text, 'head:'));
  assert.match(errors[1]!.message, "'tokenizer' section");
  assertAt(errors[1]!, file, positionOf(text, 'policy: mi', { shift: 'policy: '.length }));
  assert.match(errors[2]!.message, "when policy is 'mi'");
  assertAt(errors[2]!, file, positionOf(text, 'corpus:'));
  assertAt(errors[3]!, file, positionOf(text, 'seed: 4'));
});

test('classification needs at least 2 labels', () => {
  const text = 'name: c\nmodel: { layers: 2, hidden: 8, heads: 2, ffn: 16, vocab_size: 64, max_positions: 32 }\nhead: { kind: classification, labels: 1 }\nweights: { random: { seed: 1 } }\nexit: { policy: none }\n';
  const [e, ...rest] = caught(() => parseSpecText(text, 'c.yaml')) as [HasheeError];
  assert.is(rest.length, 0);
  assert.is(e.keyPath, 'head.labels');
  assert.match(e.message, '>= 2');
  assertAt(e, 'c.yaml', positionOf(text, 'labels: 1', { shift: 'labels: '.length }));
});

test('many errors: all reported in source order, each formatted on its own file:line:col line', () => {
  const { file, text } = fixture('many-errors.yaml');
  const errors = caught(() => loadSpec(file));
  assert.equal(errors.map((e) => e.keyPath), [
    'name', 'model.heads', 'model.ffn', 'model.activation', 'head.labels', 'weights', 'weights.onnx', 'exit.buckets', 'targets[1]',
  ]);
  const positions = errors.map((e) => [e.location!.line, e.location!.col] as const);
  const sorted = [...positions].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  assert.equal(positions, sorted);
  assert.match(errors[3]!.message, "did you mean 'gelu'?");
  assertAt(errors[8]!, file, positionOf(text, 'wasm]'));

  let thrown: unknown;
  try { loadSpec(file); } catch (e) { thrown = e; }
  const formatted = (thrown as SpecErrors).format().split('\n').filter((l) => !l.startsWith('  '));
  assert.is(formatted.length, errors.length + 1);
  errors.forEach((e, i) => assert.ok(formatted[i]!.startsWith(`${file}:${e.location!.line}:${e.location!.col}: error[${e.code}]`), formatted[i]));
  assert.is(formatted.at(-1), `${errors.length} errors`);
  assert.is((thrown as SpecErrors).code, errors[0]!.code);
});

test('YAML syntax error: a second document', () => {
  const text = 'name: a\n---\nname: b\n';
  const [e, ...rest] = caught(() => parseSpecText(text, 'two.yaml')) as [HasheeError];
  assert.is(rest.length, 0);
  assert.is(e.code, 'spec-syntax');
  assert.match(e.message, 'single YAML document');
  assertAt(e, 'two.yaml', positionOf(text, '---'));
});

test('not a mapping, and a spec file that does not exist', () => {
  const [e] = caught(() => parseSpecText('- a\n- b\n', 'list.yaml')) as [HasheeError];
  assert.is(e.code, 'spec-type');
  assert.match(e.message, 'expected a mapping, got a list');
  assertAt(e, 'list.yaml', { line: 1, col: 1 });
  try {
    loadSpec(join(FIXTURES, 'no-such-spec.yaml'));
    assert.unreachable('should throw');
  } catch (err) {
    assert.instance(err, HasheeError);
    assert.is((err as HasheeError).code, 'file-missing');
    assert.match((err as HasheeError).message, 'no-such-spec.yaml');
  }
});

test('YAML oddities are located spec-syntax errors, never internal ones', () => {
  const cases: [string, string, string, string][] = [
    ['an alias without its anchor', 'name: a\nmodel:\n  kind: *a\n', "alias '*a' has no anchor", '*a'],
    ['an alias inside the value it names', 'a: &a\n  b: *a\n', 'a cycle', '*a'],
    ['a merge key', 'x: &b { a: 1 }\ny:\n  <<: *b\n', "merge keys ('<<') are not supported", '<<'],
    ['a custom tag', 'name: !foo x\n', 'Unresolved tag: !foo', '!foo'],
    ['a standard tag that is no plain value', 'name: !!binary aGVsbG8=\n', "YAML tag '!!binary' is not supported", 'aGVsbG8='],
    ['a list as a key', '[a, b]: 1\n', 'must be a plain name', '[a, b]'],
    ['an empty key', 'name: a\n: 2\n', 'must be a plain name', ': 2'],
    ['aliases that expand too far', `a: &a [${'x,'.repeat(9)}x]\nb: &b [${'*a,'.repeat(9)}*a]\nc: &c [${'*b,'.repeat(9)}*b]\n`, 'aliases expand too far', 'a:'],
  ];
  for (const [what, text, message, needle] of cases) {
    const errors = caught(() => parseSpecText(text, 'odd.yaml'));
    assert.is(errors.length, 1, `${what}: ${errors.map((e) => e.format()).join('\n')}`);
    assert.is(errors[0]!.code, 'spec-syntax', what);
    assert.match(errors[0]!.message, message, what);
    assertAt(errors[0]!, 'odd.yaml', positionOf(text, needle));
  }
});

test('a document that is a scalar, a list or empty is a spec-type error at 1:1', () => {
  for (const [text, got] of [['hello\n', 'string "hello"'], ['- a\n', 'a list'], ['', 'an empty value'], ['# only a comment\n', 'an empty value']] as const) {
    const [e, ...rest] = caught(() => parseSpecText(text, 'doc.yaml')) as [HasheeError];
    assert.is(rest.length, 0);
    assert.is(e.code, 'spec-type');
    assert.is(e.message, `expected a mapping, got ${got}`);
    assertAt(e, 'doc.yaml', { line: 1, col: 1 });
  }
});

test('.nan and .inf are named as not finite numbers, not as "number NaN"', () => {
  const base = 'name: n\nmodel: { layers: 2, hidden: HIDDEN, heads: 2, ffn: 16, vocab_size: 64, max_positions: 32, layer_norm_eps: EPS }\nhead: { kind: none }\nweights: { random: { seed: 1 } }\nexit: { policy: none }\n';
  const text = base.replace('HIDDEN', '.nan').replace('EPS', '-.inf');
  const errors = caught(() => parseSpecText(text, 'n.yaml'));
  assert.equal(errors.map((e) => [e.keyPath, e.message]), [
    ['model.hidden', 'expected integer, got .nan (not a finite number)'],
    ['model.layer_norm_eps', 'expected number, got -.inf (not a finite number)'],
  ]);
  assertAt(errors[0]!, 'n.yaml', positionOf(text, '.nan'));
  assert.not.match(errors.map((e) => e.format()).join('\n'), /NaN|Infinity/);
});

test('sizes beyond 4 GiB of float32 weights and activations are refused at the key that drives them', () => {
  const spec = (model: string): string => `name: big\nmodel: { ${model} }\nhead: { kind: classification, labels: 2 }\nweights: { random: { seed: 1 } }\nexit: { policy: none }\n`;
  const base = { layers: 2, hidden: 8, heads: 2, ffn: 16, vocab_size: 64, max_positions: 32 };
  const text = (over: Partial<typeof base>): string => spec(Object.entries({ ...base, ...over }).map(([k, v]) => `${k}: ${v}`).join(', '));
  const cases: [Partial<typeof base>, string, RegExp][] = [
    // word embeddings alone: 1e9 x 8 float32 = 32000000000 bytes
    [{ vocab_size: 1e9 }, 'model.vocab_size', /the weights need 29\.8 GiB \(\d+ bytes\) as float32, over the 4 GiB limit; the largest part is the word embeddings \[vocab_size 1000000000, 8\]: 29\.8 GiB \(32000000000 bytes\)/],
    // 2 layers x 4 x d^2 x 4 bytes = 3.2e19 bytes
    [{ hidden: 1e9, heads: 1e9 }, 'model.hidden', /over the 4 GiB limit; the largest part is the 2 encoder layers of \[hidden 1000000000, ffn 16\]: 27\.8 EiB \(3\.200e\+19 bytes\)/],
    // 2 layers x 2 x d x f x 4 bytes = 12800000000 bytes
    [{ ffn: 1e8 }, 'model.ffn', /the largest part is the 2 encoder layers of \[hidden 8, ffn 100000000\]: 12\.7 GiB/],
    // weights fit (position embeddings 2e7 x 8 x 4 = 640 MB) but one input's activations do not: 2e7 x (8 x 8 + 16) x 4 = 6.4e9 bytes
    [{ max_positions: 2e7 }, 'model.max_positions', /one input of max_positions \(20000000\) tokens needs 6\.0 GiB \(6400000000 bytes\) of float32 activations/],
    // beyond what a double holds
    [{ hidden: 1e300, heads: 1e300 }, 'model.hidden', /the weights need more than 1e308 bytes as float32, over the 4 GiB limit/],
  ];
  for (const [over, key, message] of cases) {
    const t = text(over);
    const errors = caught(() => parseSpecText(t, 'big.yaml'));
    assert.equal(errors.map((e) => [e.code, e.keyPath]), [['spec-value', key]], errors.map((e) => e.format()).join('\n'));
    assert.match(errors[0]!.message, message);
    assert.match(errors[0]!.expected ?? '', '4.0 GiB (4294967296 bytes)');
    const name = key.split('.')[1]!;
    assertAt(errors[0]!, 'big.yaml', positionOf(t, `${name}: `, { shift: name.length + 2 }));
  }
  // 3.2e9 bytes of word embeddings: big, but within the limit (nothing is allocated by the check)
  assert.is(parseSpecText(text({ vocab_size: 1e8 }), 'big.yaml').arch.vocabSize, 1e8);
  // heads is bounded by hidden (it must divide it)
  const [heads, ...others] = caught(() => parseSpecText(text({ heads: 1e9 }), 'big.yaml'));
  assert.equal([heads!.keyPath, others.length], ['model.heads', 0]);
  assert.match(heads!.message, 'heads (1000000000) must divide hidden (8): each head gets hidden / heads dimensions (nearest divisors: 8)');
});

test('check validates the table policy\'s JSON: each bad entry, in file order, at its line:col in the JSON and at exit.table', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hashee-table-'));
  try {
    writeFileSync(join(dir, 'tok.json'), '{}');
    const text = [
      'name: t', 'model: { layers: 3, hidden: 8, heads: 2, ffn: 16, vocab_size: 200, max_positions: 32 }', 'head: { kind: none }',
      'weights: { random: { seed: 1 } }', 'tokenizer: { path: tok.json, special_ids: { cls: 101, sep: 102, pad: 0, unk: 100, mask: 103 } }',
      'exit: { policy: table, table: exits.json }', '',
    ].join('\n');
    const file = join(dir, 'spec.yaml');
    writeFileSync(file, text);
    const json = '{\n  "5": 1,\n  "6": -3,\n  "7": "x",\n  "8": [1],\n  "abc": 2,\n  "9": { "a": "}\\"" }, "101": 1, "250": 2,\n  "10": 3\n}\n';
    writeFileSync(join(dir, 'exits.json'), json);
    const errors = caught(() => loadSpec(file));
    const shown = join(dir, 'exits.json');
    const where = (needle: string): string => { const p = positionOf(json, needle); return `${shown}:${p.line}:${p.col}: `; };
    assert.equal(errors.map((e) => e.message), [
      `${where('-3')}token 6: -3 is not a layer count in 1..3`,
      `${where('"x"')}token 7: "x" is not a layer count in 1..3`,
      `${where('[1]')}token 8: [1] is not a layer count in 1..3`,
      `${where('"abc"')}key "abc" is not a token id`,
      `${where('{ "a"')}token 9: {"a":"}\\""} is not a layer count in 1..3`,
      `${where('1, "250"')}token 101 is a special token and must run all 3 layers`,
      `${where('"250"')}key "250" is not a token id`,
    ]);
    for (const e of errors) {
      assert.is(e.code, 'file-format');
      assert.is(e.keyPath, 'exit.table');
      assertAt(e, file, positionOf(text, 'exits.json'));
    }
    // Not JSON: the position of the syntax error; not a table: the file alone.
    const bad = '{\n  "5": 1,,\n}';
    writeFileSync(join(dir, 'exits.json'), bad);
    const [syntax] = caught(() => loadSpec(file));
    const comma = positionOf(bad, ',,', { shift: 1 });
    assert.match(syntax!.message, `${shown}:${comma.line}:${comma.col}: not valid JSON`);
    writeFileSync(join(dir, 'exits.json'), '"5"');
    assert.match(caught(() => loadSpec(file))[0]!.message, `${shown}: an exit table must be a JSON object`);
    // Thousands of bad entries: the first ten and a count.
    writeFileSync(join(dir, 'exits.json'), JSON.stringify(Object.fromEntries(Array.from({ length: 15 }, (_, i) => [String(i + 1), 0]))));
    const many = caught(() => loadSpec(file));
    assert.is(many.length, 11);
    assert.is(many[10]!.message, `${shown}: 5 more problems not listed`);
    // A good table passes check.
    writeFileSync(join(dir, 'exits.json'), '[null, 2, 3, 1]');
    assert.is(loadSpec(file).exit.kind, 'table');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
