// WordPiece tokenization: hand-worked encodings on a hand-made vocabulary, the shipped tokenizer, its reproducible build.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTokenizer } from '../runtime/tokenizer.ts';
import { loadTokenizer } from '../compiler/corpus/tokenizer-file.ts';
import { HasheeError } from '../compiler/errors.ts';
import { buildTokenizerFile, tokenizerJson, VOCAB_SIZE } from '../scripts/build-tokenizer.ts';

const SST2 = new URL('../data/sst2/', import.meta.url);

/** BERT's reserved ids 0..103, then `words` from id 104 on. */
function handVocab(words: readonly string[]): string[] {
  const v = Array.from({ length: 104 }, (_, i) => `[unused${i}]`);
  v[0] = '[PAD]'; v[100] = '[UNK]'; v[101] = '[CLS]'; v[102] = '[SEP]'; v[103] = '[MASK]';
  return [...v, ...words];
}

//                       104   105     106      107      108  109  110     111  112
const WORDS = ['un', '##aff', '##able', 'hello', ',', '!', 'cafe', 'a', '##b'];
const hand = createTokenizer(tokenizerJson(handVocab(WORDS)));

test('hand vocabulary: lowercase, punctuation split, greedy longest-match pieces, [CLS]/[SEP]', () => {
  // "UnAffable" -> "unaffable" -> un ##aff ##able; "," and "!" are split off.
  const e = hand.encode('UnAffable, hello!');
  assert.equal(e.ids, [101, 104, 105, 106, 108, 107, 109, 102]);
  assert.equal(e.tokens, ['[CLS]', 'un', '##aff', '##able', ',', 'hello', '!', '[SEP]']);
  assert.equal(e.typeIds, [0, 0, 0, 0, 0, 0, 0, 0]);
});

test('hand vocabulary: accents stripped, unknown words become [UNK], word pieces after a prefix', () => {
  assert.equal(hand.encode('Café').ids, [101, 110, 102]);
  assert.equal(hand.encode('zzz').ids, [101, 100, 102]);
  assert.equal(hand.encode('ab a').ids, [101, 111, 112, 111, 102]);
  assert.equal(hand.encode('   ').ids, [101, 102]);
});

test('hand vocabulary: a pair is [CLS] A [SEP] B [SEP] with type ids 0 then 1', () => {
  const e = hand.encode('hello', 'a!');
  assert.equal(e.ids, [101, 107, 102, 111, 109, 102]);
  assert.equal(e.typeIds, [0, 0, 0, 1, 1, 1]);
});

test('shipped tokenizer: BERT special ids, size, and a sentence encoded word by word', () => {
  const tok = loadTokenizer(new URL('tokenizer.json', SST2).pathname);
  const json = JSON.parse(readFileSync(new URL('tokenizer.json', SST2), 'utf8')) as { model: { vocab: Record<string, number> } };
  assert.is(Object.keys(json.model.vocab).length, VOCAB_SIZE);
  const ids = [tok.idOf('[PAD]'), tok.idOf('[unused1]'), tok.idOf('[unused99]'), tok.idOf('[UNK]'), tok.idOf('[CLS]'), tok.idOf('[SEP]'), tok.idOf('[MASK]')];
  assert.equal(ids, [0, 1, 99, 100, 101, 102, 103]);
  const words = ['the', 'film', "'", 's', 'great', '.'];
  const expected = [101, ...words.map((w) => tok.idOf(w)), 102];
  assert.ok(expected.every((id) => typeof id === 'number'), 'every word is in the vocabulary');
  assert.equal(tok.encode("The film's GREAT.").ids, expected);
});

test('the shipped tokenizer.json is reproduced byte-identically from train.tsv', () => {
  const built = buildTokenizerFile(new URL('train.tsv', SST2).pathname);
  assert.ok(built === readFileSync(new URL('tokenizer.json', SST2), 'utf8'));
});

test('loadTokenizer: unreadable and malformed files are HasheeErrors naming the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hashee-tok-'));
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{ not json');
  for (const [file, code] of [[join(dir, 'missing.json'), 'file-missing'], [bad, 'file-format']] as const) {
    try {
      loadTokenizer(file);
      assert.unreachable('should throw');
    } catch (e) {
      assert.instance(e, HasheeError);
      assert.is((e as HasheeError).code, code);
      assert.ok((e as HasheeError).message.includes(file));
    }
  }
});

test.run();
