// Corpus reading: TSV columns, pairs, labels, located errors; the progress reporter it drives.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTokenizer } from '../runtime/tokenizer.ts';
import { readCorpus } from '../compiler/corpus/read.ts';
import { createProgress } from '../compiler/progress.ts';
import { tokenizerJson } from '../scripts/build-tokenizer.ts';
import { hasheeError } from './support/errors.ts';

const vocab = Array.from({ length: 104 }, (_, i) => `[unused${i}]`);
vocab[0] = '[PAD]'; vocab[100] = '[UNK]'; vocab[101] = '[CLS]'; vocab[102] = '[SEP]'; vocab[103] = '[MASK]';
vocab.push('good', 'bad', 'film', '.'); // 104..107
const tok = createTokenizer(tokenizerJson(vocab));
const dir = mkdtempSync(join(tmpdir(), 'hashee-corpus-'));
const file = (name: string, text: string): string => { const p = join(dir, name); writeFileSync(p, text); return p; };

test('one text column with labels, over two files in order; BOM, CRLF and blank lines accepted', () => {
  const a = file('a.tsv', '\uFEFFsentence\tlabel\r\nGood film .\t1\r\n\r\nbad\t0\r\n');
  const b = file('b.tsv', 'label\tsentence\n1\tfilm\n');
  const c = readCorpus({ files: [a, b], textColumns: ['sentence'], labelColumn: 'label' }, tok);
  assert.equal(c.sequences, [[101, 104, 106, 107, 102], [101, 105, 102], [101, 106, 102]]);
  assert.equal(c.labels, ['1', '0', '1']);
});

test('two text columns are encoded as a pair; no label column gives no labels', () => {
  const p = file('pair.tsv', 's1\ts2\tscore\ngood\tbad film\t3.5\n');
  const c = readCorpus({ files: [p], textColumns: ['s1', 's2'] }, tok);
  assert.equal(c.sequences, [[101, 104, 102, 105, 106, 102]]);
  assert.is(c.labels, undefined);
});

test('a missing column names the file and the columns found', () => {
  const p = file('cols.tsv', 'text\tlabel\ngood\t1\n');
  const e = hasheeError(() => readCorpus({ files: [p], textColumns: ['sentence'] }, tok));
  assert.is(e.code, 'file-format');
  assert.ok(e.message.includes(p) && e.message.includes('"sentence"'));
  assert.is(e.actual, 'columns: text, label');
  const l = hasheeError(() => readCorpus({ files: [p], textColumns: ['text'], labelColumn: 'y' }, tok));
  assert.is(l.keyPath, 'exit.corpus.label_column');
});

test('a row with the wrong number of cells is reported as file:line', () => {
  const p = file('rows.tsv', 'sentence\tlabel\ngood\t1\nbad film 0\n');
  const e = hasheeError(() => readCorpus({ files: [p], textColumns: ['sentence'], labelColumn: 'label' }, tok));
  assert.equal(e.location, { file: p, line: 3, col: 1 });
  assert.ok(e.message.startsWith(`${p}:3:`));
  const empty = file('empty-label.tsv', 'sentence\tlabel\ngood\t \n');
  assert.equal(hasheeError(() => readCorpus({ files: [empty], textColumns: ['sentence'], labelColumn: 'label' }, tok)).location, { file: empty, line: 2, col: 1 });
});

test('a missing file is file-missing at the spec key that names it', () => {
  const locations = new Map([['exit.corpus.files[1]', { file: 'spec.yaml', line: 9, col: 14 }]]);
  const good = file('ok.tsv', 'sentence\ngood\n');
  const e = hasheeError(() => readCorpus({ files: [good, join(dir, 'nope.tsv')], textColumns: ['sentence'] }, tok, { locations }));
  assert.is(e.code, 'file-missing');
  assert.equal(e.location, { file: 'spec.yaml', line: 9, col: 14 });
});

test('progress redraws one line on a terminal and writes nothing otherwise', () => {
  const writes: string[] = [];
  const p = createProgress('load', { isTTY: true, write: (s: string) => writes.push(s) });
  p.start('count', 4);
  p.tick(); p.tick(); p.tick(); p.tick();
  p.done();
  assert.equal(writes, ['\rload: count: 0% (0/4)', '\rload: count: 25% (1/4)', '\rload: count: 50% (2/4)', '\rload: count: 75% (3/4)', '\rload: count: 100% (4/4)', '\n']);
  const quiet: string[] = [];
  const q = createProgress('load', { isTTY: false, write: (s: string) => quiet.push(s) });
  q.start('count', 2); q.tick(2); q.done();
  assert.equal(quiet, []);
});

test.run();
