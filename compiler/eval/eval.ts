// `hashee eval`: a spec's model on a labelled split through the reference executor (or the compiled wasm
// package): the task metrics next to the exit schedule's average depth and expected FLOPs ratio on the
// same sentences (the cost model of docs/hashee.md section 3, each sentence run alone).

import { runReferenceClsOnly, type Precision } from '../../runtime/reference/index.ts';
import { runCompiled } from '../run/compiled.ts';
import { HasheeError } from '../errors.ts';
import { specialIdSet } from '../hash/index.ts';
import type { Loaded } from '../load.ts';
import type { Progress } from '../progress.ts';
import { silentProgress } from '../progress.ts';
import { scheduleStats } from '../schedule/stats.ts';
import type { ExampleSet } from '../train/data.ts';
import { argmax, formatMetrics, taskMetrics, type TaskMetrics } from './metrics.ts';

export type EvalBackend = 'reference' | 'wasm';

export interface EvalSettings {
  readonly backend: EvalBackend;
  readonly precision: Precision;   // reference only; wasm computes in float32
  readonly fullDepth: boolean;
}

export interface EvalReport {
  readonly spec: string;
  readonly file: string;
  readonly task: string;
  readonly examples: number;
  readonly truncated: number;
  readonly settings: EvalSettings;
  readonly metrics: TaskMetrics;
  /** Per example: the predicted class, or the score for regression. */
  readonly predictions: readonly number[];
  readonly layers: number;
  readonly avgExitLayer: number;            // token mass, specials included
  readonly avgExitLayerNonSpecial: number;
  readonly flopsRatio: number;              // expected, exits / full depth
}

const BATCH = 32;

export async function evaluate(loaded: Loaded, set: ExampleSet, settings: EvalSettings, progress: Progress = silentProgress): Promise<EvalReport> {
  const { spec, model, table } = loaded;
  const task = set.task;
  const outputs = spec.head.kind === 'classification' ? spec.head.labels : spec.head.kind === 'regression' ? 1 : 0;
  if (outputs !== task.classes || (task.kind === 'regression') !== (spec.head.kind === 'regression')) {
    throw new HasheeError('spec-value', `task ${task.name} needs a ${task.kind} head${task.kind === 'classification' ? ` with ${task.classes} labels` : ''}`, {
      location: spec.locations.get('head'), keyPath: 'head', actual: spec.head.kind,
    });
  }
  const ex = set.examples;
  if (settings.backend === 'wasm' && ex.some((e) => e.types.some((t) => t !== 0))) {
    throw new HasheeError('usage', `the compiled wasm package takes no token types yet, so ${task.name}'s sentence pairs cannot run on it`, { expected: '--backend reference' });
  }
  const logits: ArrayLike<number>[] = [];
  if (settings.backend === 'wasm') {
    // one ragged batch: the compiled package is loaded once
    const r = await runCompiled(loaded, 'wasm', ex.map((e) => e.ids), { fullDepth: settings.fullDepth, output: 'logits' });
    logits.push(...r.logits!);
  } else {
    progress.start(`evaluating ${ex.length} examples`, ex.length);
    for (let i = 0; i < ex.length; i += BATCH) {
      const batch = ex.slice(i, i + BATCH);
      const r = runReferenceClsOnly(model, table, { ids: batch.map((e) => e.ids), typeIds: batch.map((e) => e.types) }, { precision: settings.precision, fullDepth: settings.fullDepth });
      logits.push(...r.logits!);
      progress.tick(batch.length);
    }
    progress.done();
  }
  const gold = ex.map((e) => e.label);
  const L = spec.arch.layers;
  const stats = scheduleStats(settings.fullDepth ? new Uint8Array(spec.arch.vocabSize).fill(L) : table, spec.arch, {
    sequences: ex.map((e) => e.ids), specialIds: [...specialIdSet(spec)].sort((a, b) => a - b),
  }).corpus!;
  return {
    spec: spec.name, file: set.file, task: task.name, examples: ex.length, truncated: set.truncated, settings,
    metrics: taskMetrics(task, logits, gold),
    predictions: logits.map((z) => (task.kind === 'regression' ? z[0]! : argmax(z))),
    layers: L, avgExitLayer: stats.avgDepthByMass, avgExitLayerNonSpecial: stats.avgDepthByMassNonSpecial, flopsRatio: stats.flopsRatio,
  };
}

export function formatEval(r: EvalReport): string {
  const s = r.settings;
  return [
    `${r.spec} on ${r.file} (${r.task}, ${r.examples} examples${r.truncated ? `, ${r.truncated} truncated` : ''}); backend ${s.backend}${s.backend === 'reference' ? ` (${s.precision})` : ''}${s.fullDepth ? ', full depth' : ''}`,
    `  ${formatMetrics(r.metrics)}`,
    `  average exit layer ${r.avgExitLayer.toFixed(2)} of ${r.layers} (token mass; ${r.avgExitLayerNonSpecial.toFixed(2)} without special tokens)`,
    `  expected FLOPs ${(100 * r.flopsRatio).toFixed(1)}% of full depth (${(1 / r.flopsRatio).toFixed(2)}x fewer)`,
    '',
  ].join('\n');
}

export function evalJson(r: EvalReport): object {
  return {
    spec: r.spec, file: r.file, task: r.task, examples: r.examples, truncated: r.truncated,
    backend: r.settings.backend, precision: r.settings.backend === 'reference' ? r.settings.precision : 'f32', full_depth: r.settings.fullDepth,
    metrics: r.metrics, layers: r.layers, avg_exit_layer: r.avgExitLayer, avg_exit_layer_non_special: r.avgExitLayerNonSpecial,
    flops_ratio: r.flopsRatio, predictions: r.predictions,
  };
}
