// The model a package's load() returns: one run() for token ids or text, single inputs or ragged batches,
// over whichever backend was opened; results in input order with the FLOPs executed.

import type { ArchConfig, ExitTable, HeadConfig } from '../../contract/model.ts';
import { countWork, planBatch, type WorkCount } from '../plan.ts';
import type { TextTokenizer } from '../tokenizer.ts';
import { PackageError } from './errors.ts';
import type { Backend, BackendName, PackageInfo } from './types.ts';

export interface ModelRunOptions {
  /** Ignore the exit table: every token runs all layers. */
  readonly fullDepth?: boolean;
  /** Default 'logits' when the model has a head, else 'last-hidden' (h^L of every token). */
  readonly output?: 'logits' | 'last-hidden';
}

/** Result of one input. */
export interface ModelResult {
  readonly exits: number[];           // [len] exit layer of each token
  readonly logits?: Float32Array;     // [N] (sequence heads) or [len, N] (token head)
  readonly lastHidden?: Float32Array; // [len, d], with output 'last-hidden'
  readonly flops: number;             // executed, cost model of runtime/plan.ts
}

/** Result of a batch, sequence by sequence. */
export interface ModelBatchResult {
  readonly exits: number[][];
  readonly logits?: Float32Array[];
  readonly lastHidden?: Float32Array[];
  readonly flops: number;             // whole batch
  readonly work: WorkCount;           // per layer, whole batch
}

export interface Model {
  readonly name: string;
  readonly arch: ArchConfig;
  readonly head: HeadConfig;
  readonly backend: BackendName;
  /** What the backend chose (module variant and threads, or the GPU adapter). */
  readonly info: string;
  /** Token ids (with [CLS]/[SEP] as the model expects) or text (packages with a tokenizer). */
  run(input: readonly number[] | string, options?: ModelRunOptions): Promise<ModelResult>;
  run(input: readonly (readonly number[])[] | readonly string[], options?: ModelRunOptions): Promise<ModelBatchResult>;
  /** The ids (with [CLS]/[SEP]) and vocabulary entries run(text) would use (packages with a tokenizer). */
  tokenize(text: string): Promise<{ readonly ids: number[]; readonly tokens: string[] }>;
  /** Releases the engine (worker threads, GPU memory); run() fails afterwards. */
  dispose(): void;
}

export function createModel(info: PackageInfo, table: ExitTable, backend: Backend, tokenizer: () => Promise<TextTokenizer>): Model {
  const { arch, head } = info;
  const seqHead = head.kind === 'classification' || head.kind === 'regression';
  let disposed = false;
  const runBatch = async (batch: readonly (readonly number[])[] | readonly string[], options: ModelRunOptions): Promise<ModelBatchResult> => {
    if (disposed) throw new PackageError('disposed', `model ${info.name} was disposed`);
    const output = options.output ?? (head.kind === 'none' ? 'last-hidden' : 'logits');
    if (output === 'logits' && head.kind === 'none') throw new PackageError('input', `model ${info.name} has no head: use output 'last-hidden'`);
    const { ids, typeIds } = await encode(batch, tokenizer);
    checkIds(arch, ids);
    const fullDepth = !!options.fullDepth;
    const hidden = output === 'last-hidden';
    const out = await backend.run({ ids, typeIds, fullDepth, hidden });
    const work = countWork(planBatch(table, ids, arch.layers, { fullDepth, clsOnlyLastLayer: seqHead && !hidden }), arch);
    return { exits: out.exits, logits: output === 'logits' ? out.logits : undefined, lastHidden: hidden ? out.lastHidden : undefined, flops: work.flops, work };
  };
  const run = async (input: readonly number[] | string | readonly (readonly number[])[] | readonly string[], options: ModelRunOptions = {}): Promise<ModelResult | ModelBatchResult> => {
    if (typeof input === 'string' || (Array.isArray(input) && typeof input[0] === 'number')) {
      const r = await runBatch([input] as readonly (readonly number[])[] | readonly string[], options);
      return { exits: r.exits[0]!, logits: r.logits?.[0], lastHidden: r.lastHidden?.[0], flops: r.flops };
    }
    return runBatch(input as readonly (readonly number[])[] | readonly string[], options);
  };
  return {
    name: info.name, arch, head, backend: backend.name, info: backend.info,
    run: run as Model['run'],
    async tokenize(text) {
      const { ids, tokens } = (await tokenizer()).encode(text);
      return { ids, tokens };
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      backend.dispose();
    },
  };
}

async function encode(batch: readonly (readonly number[])[] | readonly string[], tokenizer: () => Promise<TextTokenizer>): Promise<{ ids: number[][]; typeIds: number[][] }> {
  if (batch.length === 0) throw new PackageError('input', 'the input is empty: give token ids or text');
  if (batch.every((x) => typeof x === 'string')) {
    const tok = await tokenizer();
    const enc = (batch as readonly string[]).map((t) => tok.encode(t));
    return { ids: enc.map((e) => e.ids), typeIds: enc.map((e) => e.typeIds) };
  }
  if (!batch.every((x) => Array.isArray(x))) throw new PackageError('input', 'a batch holds either token id arrays or strings, not a mix');
  const ids = (batch as readonly (readonly number[])[]).map((s) => [...s]);
  return { ids, typeIds: ids.map((s) => s.map(() => 0)) };
}

function checkIds(arch: ArchConfig, batch: readonly (readonly number[])[]): void {
  batch.forEach((seq, s) => {
    if (seq.length === 0) throw new PackageError('input', `input ${s + 1} is empty`);
    if (seq.length > arch.maxPositions) throw new PackageError('input', `input ${s + 1} has ${seq.length} tokens, more than max_positions (${arch.maxPositions})`);
    seq.forEach((id, p) => {
      if (!Number.isInteger(id) || id < 0 || id >= arch.vocabSize) throw new PackageError('input', `input ${s + 1}, token ${p}: id ${id} is outside the vocabulary [0, ${arch.vocabSize})`);
    });
  });
}
