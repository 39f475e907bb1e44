// Benchmark inputs: a fixed-length sequence and real SST-2 dev sentences through the shipped tokenizer.

import { readFileSync } from 'node:fs';
import { parseTsv } from '../compiler/corpus/tsv.ts';
import { loadTokenizer } from '../compiler/corpus/tokenizer-file.ts';

export interface Workload {
  readonly name: string;       // e.g. 'seq128-b1'
  readonly title: string;      // for the table
  readonly batches: readonly (readonly (readonly number[])[])[]; // one timed "run" = all batches once
}

/** Token ids of a fixed-length input: [CLS], (len - 2) corpus tokens cycling from `offset`, [SEP]. */
export function fixedLength(sentences: readonly (readonly number[])[], len: number, offset = 0): number[] {
  const body = sentences.flatMap((s) => s.slice(1, -1));
  const first = sentences[0]!;
  return [first[0]!, ...Array.from({ length: len - 2 }, (_, i) => body[(offset + i) % body.length]!), first[first.length - 1]!];
}

/** `count` fixed-length inputs over consecutive stretches of the corpus (so their exit schedules differ). */
export function fixedBatch(sentences: readonly (readonly number[])[], len: number, count: number): number[][] {
  return Array.from({ length: count }, (_, k) => fixedLength(sentences, len, k * (len - 2)));
}

export function sst2Sentences(root: URL, count: number): number[][] {
  const file = new URL('data/sst2/dev.tsv', root);
  const tsv = parseTsv(readFileSync(file, 'utf8'), file.pathname);
  const col = tsv.header.indexOf('sentence');
  const tok = loadTokenizer(new URL('data/sst2/tokenizer.json', root).pathname);
  return tsv.rows.slice(0, count).map((r) => tok.encode(r.cells[col]!).ids);
}

/**
 * The benchmark inputs. A spec with a smaller vocabulary than the SST-2 tokenizer's (30522) gets each id
 * folded to id mod vocabSize, so any spec can be timed on the same corpus shapes.
 */
export function workloads(root: URL, opts: { sentences: number; vocabSize: number }): Workload[] {
  const sents = sst2Sentences(root, opts.sentences).map((s) => s.map((id) => id % opts.vocabSize));
  const b8: number[][][] = [];
  for (let i = 0; i < sents.length; i += 8) b8.push(sents.slice(i, i + 8));
  return [
    { name: 'seq128-b1', title: 'fixed length 128, batch 1', batches: [[fixedLength(sents, 128)]] },
    { name: 'seq128-b8', title: 'fixed length 128, batch 8', batches: [fixedBatch(sents, 128, 8)] },
    { name: 'seq128-b32', title: 'fixed length 128, batch 32', batches: [fixedBatch(sents, 128, 32)] },
    { name: 'sst2-b1', title: `SST-2 dev, ${sents.length} sentences, batch 1`, batches: sents.map((s) => [s]) },
    { name: 'sst2-b8', title: `SST-2 dev, ${sents.length} sentences, batch 8`, batches: b8 },
  ];
}
