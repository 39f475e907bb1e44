// The schedule of a loaded spec: statistics on the spec's own corpus (when its policy has one), as text and JSON.

import { readSpecCorpus } from '../corpus/read.ts';
import { specialIdSet } from '../hash/index.ts';
import type { Loaded } from '../load.ts';
import { formatSchedule, scheduleJson } from './format.ts';
import { scheduleStats, type ScheduleStats } from './stats.ts';

export interface ScheduleReport {
  readonly stats: ScheduleStats;
  readonly text: string;
  readonly json: object;
}

export function scheduleFor(loaded: Loaded): ScheduleReport {
  const { spec, table } = loaded;
  const corpus = readSpecCorpus(spec);
  const stats = scheduleStats(table, spec.arch, corpus && { sequences: corpus.sequences, specialIds: [...specialIdSet(spec)].sort((a, b) => a - b) });
  return { stats, text: formatSchedule(stats), json: scheduleJson(stats) };
}
