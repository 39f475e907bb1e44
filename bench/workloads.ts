// Benchmark inputs: a fixed-length sequence and real SST-2 dev sentences through the shipped tokenizer.

import { readFileSync } from 'node:fs';
import { parseTsv } from '../compiler/corpus/tsv.ts';
import { loadTokenizer } from '../compiler/corpus/tokenizer-file.ts';

export interface Workload {
  readonly name: string;       // e.g. 'seq128-b1'
  readonly title: string;      // for the table
  readonly batches: readonly (readonly (readonly number[])[])[]; // one timed "run" = all batches once
}

/** Token ids of a fixed-length input: [CLS], (len - 2) corpus tokens cycling, [SEP]. */
export function fixedLength(sentences: readonly (readonly number[])[], len: number): number[] {
  const body = sentences.flatMap((s) => s.slice(1, -1));
  return [sentences[0]![0]!, ...body.slice(0, len - 2), sentences[0]![sentences[0]!.length - 1]!];
}

export function sst2Sentences(root: URL, count: number): number[][] {
  const file = new URL('data/sst2/dev.tsv', root);
  const tsv = parseTsv(readFileSync(file, 'utf8'), file.pathname);
  const col = tsv.header.indexOf('sentence');
  const tok = loadTokenizer(new URL('data/sst2/tokenizer.json', root).pathname);
  return tsv.rows.slice(0, count).map((r) => tok.encode(r.cells[col]!).ids);
}

export function workloads(root: URL, opts: { sentences: number }): Workload[] {
  const sents = sst2Sentences(root, opts.sentences);
  const b8: number[][][] = [];
  for (let i = 0; i < sents.length; i += 8) b8.push(sents.slice(i, i + 8));
  return [
    { name: 'seq128-b1', title: 'fixed length 128, batch 1', batches: [[fixedLength(sents, 128)]] },
    { name: 'sst2-b1', title: `SST-2 dev, ${sents.length} sentences, batch 1`, batches: sents.map((s) => [s]) },
    { name: 'sst2-b8', title: `SST-2 dev, ${sents.length} sentences, batch 8`, batches: b8 },
  ];
}
