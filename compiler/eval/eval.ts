// `hashee eval`: a spec's model on a labelled split through the reference executor (or the compiled wasm
// package): the task metrics next to the exit schedule's average depth and expected FLOPs ratio on the
// same sentences (the cost model of docs/hashee.md section 3, each sentence run alone).

import { runReferenceClsOnly, type Precision } from '../../runtime/reference/index.ts';
import { halfRoundedWeights } from '../../contract/half.ts';
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

/**
 * The reference executor's arithmetic: its own precisions, or 'f16', the f32 reference on the weights
 * rounded to half (what the webgpu f16 package stores; its kernels compute in f32).
 */
export type EvalPrecision = Precision | 'f16';

export interface EvalSettings {
  readonly backend: EvalBackend;
  readonly precision: EvalPrecision;   // reference only; wasm runs in the spec's wasm precision
  readonly fullDepth: boolean;
}

/** The same examples run a second way (`--against`): how often the argmax agrees, how far the logits are. */
export interface EvalComparison {
  readonly settings: EvalSettings;
  readonly metrics: TaskMetrics;
  readonly agree: number;             // examples with the same prediction (argmax; for regression, the same score)
  readonly maxAbsLogitDiff: number;   // over every example and output
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
  /** Per example: the head's outputs. */
  readonly logits: readonly ArrayLike<number>[];
  readonly against?: EvalComparison;
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
    const half = settings.precision === 'f16';
    const m = half ? { ...model, weights: halfRoundedWeights(model.weights) } : model;
    const precision: Precision = half ? 'f32' : (settings.precision as Precision);
    for (let i = 0; i < ex.length; i += BATCH) {
      const batch = ex.slice(i, i + BATCH);
      const r = runReferenceClsOnly(m, table, { ids: batch.map((e) => e.ids), typeIds: batch.map((e) => e.types) }, { precision, fullDepth: settings.fullDepth });
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
    predictions: logits.map((z) => (task.kind === 'regression' ? z[0]! : argmax(z))), logits,
    layers: L, avgExitLayer: stats.avgDepthByMass, avgExitLayerNonSpecial: stats.avgDepthByMassNonSpecial, flopsRatio: stats.flopsRatio,
  };
}

/** `r` with its comparison to `other`, the same examples run with other settings. */
export function withComparison(r: EvalReport, other: EvalReport): EvalReport {
  let agree = 0, maxAbsLogitDiff = 0;
  r.logits.forEach((z, i) => {
    const w = other.logits[i]!;
    if (r.predictions[i] === other.predictions[i]) agree++;
    for (let j = 0; j < z.length; j++) maxAbsLogitDiff = Math.max(maxAbsLogitDiff, Math.abs(z[j]! - w[j]!));
  });
  return { ...r, against: { settings: other.settings, metrics: other.metrics, agree, maxAbsLogitDiff } };
}

const describeSettings = (s: EvalSettings, wasmPrecision: string): string =>
  `backend ${s.backend} (${s.backend === 'reference' ? s.precision : wasmPrecision})${s.fullDepth ? ', full depth' : ''}`;

export function formatEval(r: EvalReport, wasmPrecision = 'f32'): string {
  const s = r.settings, a = r.against;
  return [
    `${r.spec} on ${r.file} (${r.task}, ${r.examples} examples${r.truncated ? `, ${r.truncated} truncated` : ''}); ${describeSettings(s, wasmPrecision)}`,
    `  ${formatMetrics(r.metrics)}`,
    ...(a ? [
      `  against ${describeSettings(a.settings, wasmPrecision)}: ${formatMetrics(a.metrics)}`,
      `    ${r.logits[0] && r.logits[0].length > 1 ? `argmax agrees on ${a.agree} of ${r.examples} (${(100 * a.agree / r.examples).toFixed(2)}%); ` : ''}max |logit difference| ${a.maxAbsLogitDiff.toExponential(2)}`,
    ] : []),
    `  average exit layer ${r.avgExitLayer.toFixed(2)} of ${r.layers} (token mass; ${r.avgExitLayerNonSpecial.toFixed(2)} without special tokens)`,
    `  expected FLOPs ${(100 * r.flopsRatio).toFixed(1)}% of full depth (${(1 / r.flopsRatio).toFixed(2)}x fewer)`,
    '',
  ].join('\n');
}

export function evalJson(r: EvalReport, wasmPrecision = 'f32'): object {
  const a = r.against;
  return {
    spec: r.spec, file: r.file, task: r.task, examples: r.examples, truncated: r.truncated,
    backend: r.settings.backend, precision: r.settings.backend === 'reference' ? r.settings.precision : wasmPrecision, full_depth: r.settings.fullDepth,
    ...(a ? {
      against: {
        backend: a.settings.backend, precision: a.settings.backend === 'reference' ? a.settings.precision : wasmPrecision, full_depth: a.settings.fullDepth,
        metrics: a.metrics, argmax_agree: a.agree, max_abs_logit_diff: a.maxAbsLogitDiff,
      },
    } : {}),
    metrics: r.metrics, layers: r.layers, avg_exit_layer: r.avgExitLayer, avg_exit_layer_non_special: r.avgExitLayerNonSpecial,
    flops_ratio: r.flopsRatio, predictions: r.predictions,
  };
}
