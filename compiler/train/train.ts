// The training loop: seeded shuffling and dropout per epoch, forward / loss / backward with the spec's exit
// table active, gradient clipping, AdamW on a linear warmup-decay schedule, a dev evaluation and an atomic
// checkpoint after every epoch. Same inputs and seed, same bytes out (resumed runs included).

import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { headOutputs, type ModelWeights } from '../../contract/model.ts';
import { checkBatch } from '../../runtime/input.ts';
import { HasheeError } from '../errors.ts';
import type { Loaded } from '../load.ts';
import { createRng } from '../util/rng.ts';
import { formatMetrics, taskMetrics, type TaskMetrics } from '../eval/metrics.ts';
import { ADAMW_DEFAULTS, clipGradNorm, scheduledLr } from './adamw.ts';
import type { TrainSettings } from './settings.ts';

export { TRAIN_DEFAULTS, type TrainSettings } from './settings.ts';
import { wasmBackend, type Backend, type Vec } from './backend.ts';
import { readCheckpoint, writeCheckpoint } from './checkpoint.ts';
import type { Example, ExampleSet } from './data.ts';
import { crossEntropy, meanSquared } from './loss.ts';
import { Network, type Capacity } from './net.ts';
import { checkTrainable, initParams, loadParams, paramLayout, paramViews, toModelWeights } from './params.ts';
import { silentReporter, type EpochSummary, type TrainReporter } from './report.ts';


export interface TrainRun {
  readonly loaded: Loaded;      // spec, initial weights (used when the spec names an ONNX file), exit table
  readonly train: ExampleSet;
  readonly dev?: ExampleSet;
  readonly settings: TrainSettings;
  /** Written after every epoch; with resume, training continues from it. */
  readonly checkpoint?: { readonly path: string; readonly resume: boolean };
  readonly reporter?: TrainReporter;
  /** Default: float32 WebAssembly kernels. */
  readonly backend?: Backend;
}

export interface TrainResult {
  readonly weights: ModelWeights;
  readonly epochs: readonly EpochSummary[];
  readonly dev?: TaskMetrics;   // after the last epoch
}

const EVAL_BATCH = 64;

/** Seed of an independent stream per (seed, epoch, purpose): resuming at an epoch needs no saved generator state. */
function streamSeed(seed: number, epoch: number, purpose: number): number {
  let h = Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(epoch + 1, 0x85ebca6b) ^ Math.imul(purpose + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}

const SHUFFLE = 1, DROPOUT = 2, INIT = 3;

export function trainModel(run: TrainRun): TrainResult {
  const { loaded, settings: s } = run;
  const { spec, table } = loaded;
  checkTrainable(spec.arch, spec.head);
  checkSettings(s);
  const task = run.train.task;
  const outputs = headOutputs(spec.head);
  if (outputs !== task.classes || (task.kind === 'regression') !== (spec.head.kind === 'regression')) {
    throw new HasheeError('spec-value', `task ${task.name} needs a ${task.kind} head${task.kind === 'classification' ? ` with ${task.classes} labels` : ''}`, {
      location: spec.locations.get('head'), keyPath: 'head', expected: task.kind === 'regression' ? 'kind: regression' : `kind: classification, labels: ${task.classes}`,
      actual: spec.head.kind === 'classification' ? `classification, labels: ${spec.head.labels}` : spec.head.kind,
    });
  }
  for (const set of [run.train, run.dev]) if (set) checkExamples(set, spec.arch);
  const be = run.backend ?? wasmBackend();
  const reporter = run.reporter ?? silentReporter;
  const layout = paramLayout(spec.arch, spec.head);
  const flat = be.alloc(layout.size), gflat = be.alloc(layout.size), m = be.alloc(layout.size), v = be.alloc(layout.size);
  const params = paramViews(layout, flat);
  if (spec.weights.kind === 'onnx') loadParams(params, loaded.model.weights);
  else initParams(layout, flat, streamSeed(s.seed, 0, INIT));
  const cap = capacityFor([{ set: run.train, batch: s.batch }, ...(run.dev ? [{ set: run.dev, batch: EVAL_BATCH }] : [])]);
  const net = new Network(be, spec.arch, outputs, params, paramViews(layout, gflat), table, cap);
  const dlogits = be.alloc(s.batch * outputs);

  const examples = run.train.examples;
  const stepsPerEpoch = Math.ceil(examples.length / s.batch);
  const totalSteps = s.epochs * stepsPerEpoch;
  const warmupSteps = Math.round(s.warmup * totalSteps);
  const fingerprint = runFingerprint(run, flat);
  let epoch0 = 0, step = 0;
  if (run.checkpoint?.resume) {
    const h = readCheckpoint(run.checkpoint.path, fingerprint, { params: flat, m, v });
    epoch0 = h.epoch;
    step = h.step;
    reporter.note(`resuming after epoch ${epoch0} of ${s.epochs} (step ${step})`);
  }

  const summaries: EpochSummary[] = [];
  let dev: TaskMetrics | undefined;
  for (let epoch = epoch0; epoch < s.epochs; epoch++) {
    const order = shuffled(examples.length, streamSeed(s.seed, epoch, SHUFFLE));
    const dropRng = createRng(streamSeed(s.seed, epoch, DROPOUT));
    const t0 = performance.now(), macs0 = be.macs;
    let tokens = 0, lossSum = 0, correct = 0;
    for (let b = 0; b < stepsPerEpoch; b++) {
      const batch = order.slice(b * s.batch, (b + 1) * s.batch).map((i) => examples[i]!);
      gflat.fill(0);
      const fw = net.forward(batch.map((e) => e.ids), batch.map((e) => e.types), { dropout: s.dropout, rng: dropRng });
      const labels = batch.map((e) => e.label);
      const value = task.kind === 'regression' ? meanSquared(fw.logits, labels, dlogits) : crossEntropy(fw.logits, labels, outputs, dlogits);
      net.backward(dlogits);
      clipGradNorm(gflat, s.clip);
      be.adamw(flat, gflat, m, v, layout.decayEnd, step + 1, scheduledLr(s.lr, step, totalSteps, warmupSteps), { ...ADAMW_DEFAULTS, weightDecay: s.weightDecay });
      step++;
      tokens += fw.plan.rows;
      lossSum += value.loss * batch.length;
      correct += value.correct;
      const seen = Math.min(examples.length, (b + 1) * s.batch);
      reporter.step({ epoch: epoch + 1, epochs: s.epochs, step: b + 1, steps: stepsPerEpoch, loss: lossSum / seen, tokensPerSecond: tokens / ((performance.now() - t0) / 1000) });
    }
    const seconds = (performance.now() - t0) / 1000;
    const gflops = (2 * (be.macs - macs0)) / seconds / 1e9;
    if (run.dev) dev = taskMetrics(task, predict(net, run.dev.examples), run.dev.examples.map((e) => e.label));
    const summary: EpochSummary = {
      epoch: epoch + 1, epochs: s.epochs, loss: lossSum / examples.length, seconds, tokensPerSecond: tokens / seconds, gflops,
      ...(task.kind === 'classification' ? { trainAccuracy: correct / examples.length } : {}),
      ...(dev ? { dev: formatMetrics(dev) } : {}),
    };
    summaries.push(summary);
    if (run.checkpoint) writeCheckpoint(run.checkpoint.path, { fingerprint, epoch: epoch + 1, step, size: layout.size }, { params: flat, m, v });
    reporter.epoch(summary);
  }
  if (run.checkpoint) rmSync(run.checkpoint.path, { force: true }); // the run is complete: its output replaces it
  return { weights: toModelWeights(params), epochs: summaries, ...(dev ? { dev } : {}) };
}

/** Head outputs of every example (no dropout), through the training forward pass with the exit table. */
export function predict(net: Network, examples: readonly Example[], opts: { fullDepth?: boolean } = {}): Float64Array[] {
  const out: Float64Array[] = [];
  for (let i = 0; i < examples.length; i += EVAL_BATCH) {
    const batch = examples.slice(i, i + EVAL_BATCH);
    const { logits } = net.forward(batch.map((e) => e.ids), batch.map((e) => e.types), { fullDepth: opts.fullDepth });
    const n = logits.length / batch.length;
    batch.forEach((_, b) => out.push(Float64Array.from(logits.subarray(b * n, (b + 1) * n))));
  }
  return out;
}

/** Workspace big enough for any batch of `batch` examples of each set: the longest ones together. */
export function capacityFor(sets: readonly { readonly set: ExampleSet; readonly batch: number }[]): Capacity {
  let rows = 0, seqs = 0, maxLen = 0, squares = 0;
  for (const { set, batch } of sets) {
    const lens = set.examples.map((e) => e.ids.length).sort((a, b) => b - a).slice(0, batch);
    rows = Math.max(rows, lens.reduce((a, l) => a + l, 0));
    squares = Math.max(squares, lens.reduce((a, l) => a + l * l, 0));
    seqs = Math.max(seqs, lens.length);
    maxLen = Math.max(maxLen, lens[0] ?? 0);
  }
  return { rows, seqs, maxLen, squares };
}

function shuffled(n: number, seed: number): number[] {
  const rng = createRng(seed);
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [p[i], p[j]] = [p[j]!, p[i]!];
  }
  return p;
}

function checkSettings(s: TrainSettings): void {
  const need = (ok: boolean, flag: string, expected: string, actual: number): void => {
    if (!ok) throw new HasheeError('usage', `${flag} must be ${expected}`, { expected, actual: String(actual) });
  };
  need(Number.isInteger(s.epochs) && s.epochs >= 1, '--epochs', 'a positive integer', s.epochs);
  need(Number.isInteger(s.batch) && s.batch >= 1, '--batch', 'a positive integer', s.batch);
  need(Number.isInteger(s.seed) && s.seed >= 0, '--seed', 'a non-negative integer', s.seed);
  need(s.lr > 0 && Number.isFinite(s.lr), '--lr', 'a positive number', s.lr);
  need(s.dropout >= 0 && s.dropout < 1, '--dropout', 'in [0, 1)', s.dropout);
  need(s.warmup >= 0 && s.warmup <= 1, '--warmup', 'a fraction in [0, 1]', s.warmup);
  need(s.weightDecay >= 0 && Number.isFinite(s.weightDecay), '--weight-decay', 'a non-negative number', s.weightDecay);
  need(s.clip >= 0 && Number.isFinite(s.clip), '--clip', 'a non-negative number', s.clip);
}

function checkExamples(set: ExampleSet, arch: Loaded['spec']['arch']): void {
  checkBatch(arch, set.examples.map((e) => e.ids), set.examples.map((e) => e.types), (message) => {
    throw new HasheeError('input', `${set.file}: ${message.replace(/^ids\[(\d+)\]/, (_, i: string) => `row ${Number(i) + 1}`)}`, { keyPath: 'model' });
  });
}

/** sha256 of what determines the run's trajectory: model, initial weights, exit table, data, settings (epochs included: they shape the schedule). */
function runFingerprint(run: TrainRun, initial: Vec): string {
  const h = createHash('sha256');
  const { spec, table } = run.loaded;
  h.update(JSON.stringify({ arch: spec.arch, head: spec.head, settings: run.settings, precision: run.backend?.precision ?? 'f32' }));
  h.update(new Uint8Array(Float64Array.from(initial).buffer));
  h.update(table);
  for (const e of run.train.examples) h.update(`${e.ids.join(',')}|${e.types.join(',')}|${e.label}\n`);
  return h.digest('hex');
}

