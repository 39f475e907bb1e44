// Statistics of a static exit schedule: types and token mass per exit layer, average depth, expected FLOPs ratio.

import type { ArchConfig, ExitTable } from '../../contract/model.ts';
import { countWork, exitOf, planBatch } from '../../runtime/plan.ts';

export interface ScheduleCorpus {
  readonly sequences: readonly (readonly number[])[];  // with specials, as the model sees them
  readonly specialIds: readonly number[];
}

export interface CorpusStats {
  readonly sentences: number;
  readonly tokens: number;                  // all tokens, specials included
  readonly nonSpecialTokens: number;
  readonly massPerLayer: readonly number[];            // [L] tokens exiting after layer k (index k - 1)
  readonly nonSpecialMassPerLayer: readonly number[];  // [L] the same without special tokens
  readonly avgDepthByMass: number;
  readonly avgDepthByMassNonSpecial: number;
  /** Sum over sentences (each run alone) of cost-model FLOPs with exits / at full depth. */
  readonly flopsRatio: number;
  readonly medianLength: number;            // tokens per sentence, specials included (lower median)
  /** flopsRatio over the sentences of exactly the median length. */
  readonly flopsRatioAtMedian: number;
}

export interface ScheduleStats {
  readonly layers: number;
  readonly vocabSize: number;
  readonly typesPerLayer: readonly number[];  // [L] vocabulary ids with exit layer k (index k - 1)
  readonly avgDepthByType: number;            // over the whole vocabulary
  readonly corpus?: CorpusStats;
}

const mean = (perLayer: readonly number[]): number => {
  const n = perLayer.reduce((a, b) => a + b, 0);
  return n === 0 ? 0 : perLayer.reduce((a, c, i) => a + c * (i + 1), 0) / n;
};

function flopsRatio(table: ExitTable, arch: ArchConfig, sequences: readonly (readonly number[])[]): number {
  let exited = 0, full = 0;
  for (const ids of sequences) {
    exited += countWork(planBatch(table, [ids], arch.layers), arch).flops;
    full += countWork(planBatch(table, [ids], arch.layers, { fullDepth: true }), arch).flops;
  }
  return full === 0 ? 1 : exited / full;
}

function corpusStats(table: ExitTable, arch: ArchConfig, corpus: ScheduleCorpus): CorpusStats {
  const L = arch.layers;
  const special = new Set(corpus.specialIds);
  const mass = new Array<number>(L).fill(0);
  const massNs = new Array<number>(L).fill(0);
  for (const seq of corpus.sequences) {
    for (const id of seq) {
      const k = exitOf(table, id, L);
      mass[k - 1]!++;
      if (!special.has(id)) massNs[k - 1]!++;
    }
  }
  const lengths = corpus.sequences.map((s) => s.length).sort((a, b) => a - b);
  const medianLength = lengths.length ? lengths[(lengths.length - 1) >> 1]! : 0;
  return {
    sentences: corpus.sequences.length,
    tokens: mass.reduce((a, b) => a + b, 0),
    nonSpecialTokens: massNs.reduce((a, b) => a + b, 0),
    massPerLayer: mass,
    nonSpecialMassPerLayer: massNs,
    avgDepthByMass: mean(mass),
    avgDepthByMassNonSpecial: mean(massNs),
    flopsRatio: flopsRatio(table, arch, corpus.sequences),
    medianLength,
    flopsRatioAtMedian: flopsRatio(table, arch, corpus.sequences.filter((s) => s.length === medianLength)),
  };
}

export function scheduleStats(table: ExitTable, arch: ArchConfig, corpus?: ScheduleCorpus): ScheduleStats {
  const L = arch.layers;
  const types = new Array<number>(L).fill(0);
  for (let id = 0; id < arch.vocabSize; id++) types[exitOf(table, id, L) - 1]!++;
  const stats = { layers: L, vocabSize: arch.vocabSize, typesPerLayer: types, avgDepthByType: mean(types) };
  return corpus ? { ...stats, corpus: corpusStats(table, arch, corpus) } : stats;
}
