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
import { bartSpecialIds } from '../spec/build.ts';
import { SpecErrors } from '../spec/spec-errors.ts';

export interface ExitTableDeps {
  /** Word embeddings [V, d], row-major: needed by the cluster policy only. */
  readonly embeddings?: () => Float32Array;
  readonly progress?: Progress;
  /** The spec's corpus already read (readSpecCorpus); read here when absent. */
  readonly corpus?: Corpus;
}

/** BERT's special ids, used when the spec has no tokenizer section. */
export const BERT_SPECIAL_IDS: SpecialIds = { pad: 0, unk: 100, cls: 101, sep: 102, mask: 103 };

/** The ids that always run every layer: the tokenizer's, else BERT's (BART's for an encoder-decoder). */
export function specialIdSet(spec: Spec): Set<number> {
  const s = spec.tokenizer?.specialIds ?? (spec.seq2seq ? bartSpecialIds(spec.arch.vocabSize) : BERT_SPECIAL_IDS);
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

/**
 * An encoder-decoder's decoder table: its decoder_exit policy over layers 1..L_dec, built as the encoder's
 * is (same corpus reader, hash functions and special ids); errors name decoder_exit keys.
 */
export function buildDecoderExitTable(spec: Spec, deps: ExitTableDeps = {}): ExitTable {
  const s2s = spec.seq2seq;
  if (!s2s) throw new RangeError('buildDecoderExitTable needs an encoder-decoder spec');
  const isExit = (k: string): boolean => k === 'exit' || k.startsWith('exit.');
  const entries = [...spec.locations];
  const locations = new Map([
    ...entries.filter(([k]) => !isExit(k)),
    ...entries.filter(([k]) => k === 'decoder_exit' || k.startsWith('decoder_exit.')).map(([k, v]) => [k.slice('decoder_'.length), v] as const),
  ]);
  const view: Spec = { ...spec, arch: { ...spec.arch, layers: s2s.arch.decoderLayers }, exit: s2s.decoderExit, locations };
  const relocate = (e: HasheeError): HasheeError =>
    e.keyPath !== undefined && isExit(e.keyPath)
      ? new HasheeError(e.code, e.message.replace(/\bexit\./g, 'decoder_exit.'), { location: e.location, keyPath: `decoder_${e.keyPath}`, expected: e.expected, actual: e.actual })
      : e;
  try {
    return buildExitTable(view, deps);
  } catch (e) {
    if (e instanceof SpecErrors) throw new SpecErrors(e.errors.map(relocate));
    if (e instanceof HasheeError) throw relocate(e);
    throw e;
  }
}
