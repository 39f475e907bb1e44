// Builds data/sst2/tokenizer.json: a deterministic WordPiece vocabulary learned from the SST-2 train split.
// Run: node --import tsx scripts/build-tokenizer.ts   (rewrites the file byte-identically)

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Tokenizer } from '@huggingface/tokenizers';

export const VOCAB_SIZE = 10000;
const MIN_WORD_COUNT = 2;      // whole words seen at least this often in train
const MAX_SUFFIX_CHARS = 10;   // longest `##` suffix piece considered

const NORMALIZER = { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true };
const SPECIALS: readonly (readonly [string, number])[] = [['[PAD]', 0], ['[UNK]', 100], ['[CLS]', 101], ['[SEP]', 102], ['[MASK]', 103]];

/** Words of one sentence exactly as the runtime tokenizer's normalizer and pre-tokenizer split them. */
export function basicTokenizer(): (text: string) => string[] {
  const stages = new Tokenizer(tokenizerJson(reservedIds()), {}) as {
    normalizer: (text: string) => string;
    pre_tokenizer: (text: string) => string[];
  };
  return (text) => stages.pre_tokenizer(stages.normalizer(text));
}

/** BERT's ids 0..103: [PAD], [unused1..99], [UNK], [CLS], [SEP], [MASK]. */
function reservedIds(): string[] {
  const vocab = Array.from({ length: 104 }, (_, i) => `[unused${i}]`);
  for (const [tok, id] of SPECIALS) vocab[id] = tok;
  return vocab;
}

const byCountThenText = (a: readonly [string, number], b: readonly [string, number]): number =>
  b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** Vocabulary in id order: BERT's 104 reserved ids, single characters and their `##` forms, frequent words, frequent `##` suffixes. */
export function buildVocab(sentences: readonly string[], size = VOCAB_SIZE): string[] {
  const split = basicTokenizer();
  const wordCounts = new Map<string, number>();
  for (const s of sentences) for (const w of split(s)) wordCounts.set(w, (wordCounts.get(w) ?? 0) + 1);

  const vocab = reservedIds();
  const seen = new Set(vocab);
  const add = (tok: string): void => { if (vocab.length < size && !seen.has(tok)) { seen.add(tok); vocab.push(tok); } };

  const chars = [...new Set([...wordCounts.keys()].flatMap((w) => [...w]))].sort();
  for (const c of chars) add(c);
  for (const c of chars) add(`##${c}`);

  const words = [...wordCounts].filter(([, n]) => n >= MIN_WORD_COUNT).sort(byCountThenText);
  for (const [w] of words) add(w);

  // Suffix pieces of the words left out, weighted by how often those words occur.
  const suffixCounts = new Map<string, number>();
  for (const [w, n] of wordCounts) {
    if (seen.has(w)) continue;
    const cs = [...w];
    for (let i = 1; i < cs.length - 1; i++) {
      if (cs.length - i > MAX_SUFFIX_CHARS) continue;
      const piece = `##${cs.slice(i).join('')}`;
      suffixCounts.set(piece, (suffixCounts.get(piece) ?? 0) + n);
    }
  }
  for (const [p] of [...suffixCounts].sort(byCountThenText)) add(p);
  return vocab;
}

/** The Hugging Face tokenizer.json object for a vocabulary laid out by buildVocab. */
export function tokenizerJson(vocab: readonly string[]): object {
  const special = (content: string): object => ({
    id: vocab.indexOf(content), content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true,
  });
  const tok = (id: string, typeId: number): object => ({ SpecialToken: { id, type_id: typeId } });
  const seq = (id: 'A' | 'B', typeId: number): object => ({ Sequence: { id, type_id: typeId } });
  const specialEntry = (t: string): object => ({ id: t, ids: [vocab.indexOf(t)], tokens: [t] });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIALS.map(([t]) => special(t)).sort((a, b) => (a as { id: number }).id - (b as { id: number }).id),
    normalizer: NORMALIZER,
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [tok('[CLS]', 0), seq('A', 0), tok('[SEP]', 0)],
      pair: [tok('[CLS]', 0), seq('A', 0), tok('[SEP]', 0), seq('B', 1), tok('[SEP]', 1)],
      special_tokens: { '[CLS]': specialEntry('[CLS]'), '[SEP]': specialEntry('[SEP]') },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab.map((t, i) => [t, i])),
    },
  };
}

/** Sentences of a one-header TSV file's `sentence` column. */
export function readSentences(file: string): string[] {
  const [header, ...rows] = readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0);
  const col = header!.split('\t').indexOf('sentence');
  return rows.map((r) => r.split('\t')[col]!);
}

/** The exact bytes of data/sst2/tokenizer.json built from a train file. */
export function buildTokenizerFile(trainTsv: string): string {
  return `${JSON.stringify(tokenizerJson(buildVocab(readSentences(trainTsv))), null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = new URL('../data/sst2/', import.meta.url);
  const out = fileURLToPath(new URL('tokenizer.json', dir));
  writeFileSync(out, buildTokenizerFile(fileURLToPath(new URL('train.tsv', dir))));
  process.stdout.write(`wrote ${out}\n`);
}
