// The model a package's load() returns: one run() for token ids or text, single inputs or ragged batches,
// over whichever backend was opened; results in input order with the FLOPs executed.

import type { ArchConfig, ExitTable, HeadConfig } from '../../contract/model.ts';
import { countWork, planBatch, type WorkCount } from '../plan.ts';
import type { TextTokenizer } from '../tokenizer.ts';
import { checkBatch, describeValue, isIdArray } from '../input.ts';
import { PackageError } from './errors.ts';
import type { Backend, BackendName, BackendOutput, PackageInfo } from './types.ts';

export interface ModelRunOptions {
  /** Ignore the exit table: every token runs all layers. */
  readonly fullDepth?: boolean;
  /** Default 'logits' when the model has a head, else 'last-hidden' (h^L of every token). */
  readonly output?: 'logits' | 'last-hidden';
  /**
   * Cut an input longer than max_positions to its first max_positions tokens (text keeps its final [SEP]);
   * default false: such an input is an error.
   */
  readonly truncate?: boolean;
  /** Token types (segment ids) of id input, shaped like it ([len], or one per input of a batch); default 0. */
  readonly typeIds?: TokenIds | readonly TokenIds[];
}

/** Token ids (or types) of one input: a plain array, or a typed array of integers. */
export type TokenIds = readonly number[] | Int32Array | Uint32Array | Uint16Array | Uint8Array;

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
  run(input: TokenIds | string, options?: ModelRunOptions): Promise<ModelResult>;
  run(input: readonly TokenIds[] | readonly string[], options?: ModelRunOptions): Promise<ModelBatchResult>;
  /** The ids (with [CLS]/[SEP]) and vocabulary entries run(text) would use (packages with a tokenizer). */
  tokenize(text: string): Promise<{ readonly ids: number[]; readonly tokens: string[] }>;
  /** Releases the engine (worker threads, GPU memory); run() fails afterwards, a second dispose() does nothing. */
  dispose(): void;
}

export function createModel(info: PackageInfo, table: ExitTable, backend: Backend, tokenizer: () => Promise<TextTokenizer>): Model {
  const { arch, head } = info;
  const seqHead = head.kind === 'classification' || head.kind === 'regression';
  let disposed = false;
  const alive = (): void => {
    if (disposed) throw new PackageError('disposed', `model ${info.name} was disposed: load it again`);
  };
  const run = async (input: unknown, options: unknown = {}): Promise<ModelResult | ModelBatchResult> => {
    alive();
    const opts = checkOptions(options);
    const output = opts.output ?? (head.kind === 'none' ? 'last-hidden' : 'logits');
    if (output === 'logits' && head.kind === 'none') throw new PackageError('input', `model ${info.name} has no head: use output 'last-hidden'`);
    const { single, items } = batchOf(input);
    const encoded = await encode(items, opts.typeIds, single, tokenizer);
    // every value is checked on the whole input; then inputs past max_positions are cut, or refused
    const typeIds = checkBatch({ ...arch, maxPositions: Infinity }, encoded.ids, encoded.typeIds, (message) => { throw new PackageError('input', message); });
    const ids = encoded.ids.map((s, i) => {
      if (s.length <= arch.maxPositions) return s;
      if (!opts.truncate) throw new PackageError('input', `input ${i + 1} has ${s.length} tokens, more than max_positions (${arch.maxPositions}); pass { truncate: true } to cut it`);
      return cut(s, arch.maxPositions, encoded.text);
    });
    const types = typeIds.map((t) => cut(t, arch.maxPositions, encoded.text));
    alive(); // dispose() may have been called while the tokenizer loaded
    const fullDepth = !!opts.fullDepth;
    const hidden = output === 'last-hidden';
    let out: BackendOutput;
    try {
      out = await backend.run({ ids, typeIds: types, fullDepth, hidden });
    } catch (e) {
      alive(); // disposed during the call: that, not the engine's torn-down buffers, is the reason
      throw e;
    }
    const work = countWork(planBatch(table, ids, arch.layers, { fullDepth, clsOnlyLastLayer: seqHead && !hidden }), arch);
    const logits = output === 'logits' ? out.logits : undefined;
    const lastHidden = hidden ? out.lastHidden : undefined;
    if (single) return { exits: out.exits[0]!, logits: logits?.[0], lastHidden: lastHidden?.[0], flops: work.flops };
    return { exits: out.exits, logits, lastHidden, flops: work.flops, work };
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

const OPTION_KEYS: readonly (keyof ModelRunOptions)[] = ['fullDepth', 'output', 'truncate', 'typeIds'];

/** The run options, checked: an object of known keys, each of its type (a typo is an error, not ignored). */
function checkOptions(options: unknown): ModelRunOptions {
  const fail = (message: string): never => { throw new PackageError('input', `run options: ${message}`); };
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) return fail(`expected an object, got ${describeValue(options)}`);
  const o = options as Record<string, unknown>;
  const unknown = Object.keys(o).find((k) => !(OPTION_KEYS as readonly string[]).includes(k));
  if (unknown !== undefined) fail(`unknown option '${unknown}' (options are ${OPTION_KEYS.join(', ')})`);
  for (const key of ['fullDepth', 'truncate'] as const) {
    if (o[key] !== undefined && typeof o[key] !== 'boolean') fail(`${key} must be true or false, got ${describeValue(o[key])}`);
  }
  if (o['output'] !== undefined && o['output'] !== 'logits' && o['output'] !== 'last-hidden') fail(`output must be 'logits' or 'last-hidden', got ${describeValue(o['output'])}`);
  return o as ModelRunOptions;
}

/**
 * One input (ids or text) or a batch of them: a batch is a non-empty array whose first item is itself an
 * id array or a string; any other array (or typed array) is one input's ids.
 */
function batchOf(input: unknown): { single: boolean; items: readonly unknown[] } {
  if (typeof input === 'string' || ArrayBuffer.isView(input)) return { single: true, items: [input] };
  if (!Array.isArray(input)) throw new PackageError('input', `run() takes token ids (an array of integers), a text, or an array of either (a batch); got ${describeValue(input)}`);
  if (input.length === 0) throw new PackageError('input', 'the input is empty: give token ids or text');
  const first: unknown = input[0];
  return typeof first === 'string' || isIdArray(first) ? { single: false, items: input } : { single: true, items: [input] };
}

interface Encoded {
  readonly ids: number[][];
  readonly typeIds: readonly (readonly number[])[] | undefined; // as given (checkBatch names a wrong shape)
  readonly text: boolean;
}

async function encode(items: readonly unknown[], typeIds: ModelRunOptions['typeIds'], single: boolean, tokenizer: () => Promise<TextTokenizer>): Promise<Encoded> {
  if (items.every((x) => typeof x === 'string')) {
    if (typeIds !== undefined) throw new PackageError('input', 'typeIds are for token id input: a text gets its token types from the tokenizer');
    const tok = await tokenizer();
    const enc = (items as readonly string[]).map((t, i) => {
      try {
        return tok.encode(t);
      } catch (e) {
        throw new PackageError('tokenizer', `the package's tokenizer failed on text ${i + 1}: ${(e as Error).message}`);
      }
    });
    return { ids: enc.map((e) => e.ids), typeIds: enc.map((e) => e.typeIds), text: true };
  }
  const odd = items.findIndex((x) => !isIdArray(x));
  if (odd >= 0) {
    const mixed = typeof items[odd] === 'string' || items.some((x) => typeof x === 'string');
    throw new PackageError('input', mixed
      ? 'a batch holds either token id arrays or strings, not a mix'
      : `input ${odd + 1} is ${describeValue(items[odd])}, not an array of token ids`);
  }
  const ids = items.map((s) => Array.from(s as ArrayLike<number>));
  const types = typeIds === undefined ? undefined : (single ? [typeIds] : typeIds) as readonly (readonly number[])[];
  return { ids, typeIds: types, text: false };
}

/** The first max_positions tokens of `s` (a text's last token, [SEP], stays at the end). */
function cut<T>(s: readonly T[], maxPositions: number, text: boolean): T[] {
  if (s.length <= maxPositions) return [...s];
  return text && maxPositions >= 2 ? [...s.slice(0, maxPositions - 1), s[s.length - 1]!] : s.slice(0, maxPositions);
}
