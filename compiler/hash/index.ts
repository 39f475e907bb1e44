// One entry point from a spec's exit policy to its static exit table (Uint8Array id -> layers 1..L).

import type { ExitTable } from '../../contract/model.ts';
import { readSpecCorpus, type Corpus } from '../corpus/read.ts';
import { HasheeError } from '../errors.ts';
import type { Progress } from '../progress.ts';
import type { Spec, SpecialIds } from '../spec/types.ts';
import { bucketLayers, tableFromRanking } from './buckets.ts';
import { clusterTable } from './cluster.ts';
import { frequencyRanking } from './frequency.ts';
import { miRanking } from './mi.ts';
import { randomTable } from './random.ts';
import { readExitTable } from './table.ts';

export interface ExitTableDeps {
  /** Word embeddings [V, d], row-major: needed by the cluster policy only. */
  readonly embeddings?: () => Float32Array;
  readonly progress?: Progress;
  /** The spec's corpus already read (readSpecCorpus); read here when absent. */
  readonly corpus?: Corpus;
}

/** BERT's special ids, used when the spec has no tokenizer section. */
export const BERT_SPECIAL_IDS: SpecialIds = { pad: 0, unk: 100, cls: 101, sep: 102, mask: 103 };

export function specialIdSet(spec: Spec): Set<number> {
  const s = spec.tokenizer?.specialIds ?? BERT_SPECIAL_IDS;
  return new Set([s.pad, s.unk, s.cls, s.sep, s.mask]);
}

export function buildExitTable(spec: Spec, deps: ExitTableDeps = {}): ExitTable {
  const L = spec.arch.layers, V = spec.arch.vocabSize;
  const exit = spec.exit;
  const special = specialIdSet(spec);
  const locations = spec.locations;
  const corpus = (): Corpus => deps.corpus ?? readSpecCorpus(spec, deps.progress)!;
  switch (exit.kind) {
    case 'none':
      return new Uint8Array(V).fill(L);
    case 'frequency': {
      const params = { layers: L, buckets: exit.buckets, bucketLayers: exit.bucketLayers, locations };
      return tableFromRanking(frequencyRanking(corpus().sequences, special, V), params, V);
    }
    case 'mi': {
      const params = { layers: L, buckets: exit.buckets, bucketLayers: exit.bucketLayers, locations };
      const c = corpus();
      if (!c.labels) {
        throw new HasheeError('spec-missing', 'the mi exit policy needs exit.corpus.label_column', { location: locations.get('exit.corpus'), keyPath: 'exit.corpus.label_column' });
      }
      return tableFromRanking(miRanking(c.sequences, c.labels, special, V), params, V);
    }
    case 'random': {
      const layers = bucketLayers({ layers: L, buckets: exit.buckets, bucketLayers: exit.bucketLayers, locations });
      return randomTable(exit.seed, layers, special, L, V);
    }
    case 'cluster': {
      const layers = bucketLayers({ layers: L, buckets: exit.buckets, bucketLayers: exit.bucketLayers, locations });
      if (!deps.embeddings) throw new HasheeError('usage', 'the cluster exit policy needs the word embeddings', { keyPath: 'exit.policy' });
      const rows = deps.embeddings();
      if (rows.length !== V * spec.arch.hidden) {
        throw new HasheeError('policy', `word embeddings have ${rows.length} values, expected vocab_size x hidden = ${V * spec.arch.hidden}`, { keyPath: 'exit.policy' });
      }
      return clusterTable(rows, spec.arch.hidden, exit.seed, exit.iterations, layers, special, L, deps.progress);
    }
    case 'table':
      // Without a tokenizer section the spec declares no special ids: the table is taken as given.
      return readExitTable(exit.path, L, V, spec.tokenizer ? special : new Set<number>(), locations.get('exit.table'), exit.values);
  }
}
