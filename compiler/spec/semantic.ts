// Checks the schema cannot express: cross-key arithmetic, policy needs, unsupported features, files on disk.
// Runs on the raw data even when the schema found errors, skipping any check whose inputs are malformed,
// so one run reports every problem.

import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { HasheeError, type ErrorCode } from '../errors.ts';
import { readExitTable } from '../hash/table.ts';
import { SpecErrors } from './spec-errors.ts';
import { locate, type SourceMap } from './source.ts';
import { SPEC_DEFAULTS } from './build.ts';
import { sizeProblem, type SizeDims } from './size.ts';

export interface SemanticOptions {
  /** Check that referenced files exist (weights, tokenizer, corpus, table). */
  readonly checkFiles: boolean;
}

interface Ctx {
  readonly data: unknown;
  readonly source: SourceMap;
  readonly file: string;
  readonly errors: HasheeError[];
}

export function semanticErrors(data: unknown, source: SourceMap, file: string, options: SemanticOptions): HasheeError[] {
  const ctx: Ctx = { data, source, file, errors: [] };
  checkModel(ctx);
  checkKinds(ctx);
  const fits = checkSizes(ctx);
  for (const section of EXIT_SECTIONS) {
    checkBuckets(ctx, section);
    checkPolicyNeeds(ctx, section);
  }
  checkSpecialIds(ctx);
  checkPrecision(ctx);
  if (options.checkFiles) checkFiles(ctx);
  if (options.checkFiles && fits) for (const section of EXIT_SECTIONS) checkTable(ctx, section);
  return ctx.errors;
}

/** A single precision must suit every target: int8 is the wasm target's, f16 the webgpu target's. */
function checkPrecision(ctx: Ctx): void {
  const p = at(ctx.data, 'precision');
  if (p !== 'int8' && p !== 'f16') return;
  const raw = at(ctx.data, 'targets');
  const targets: readonly unknown[] = Array.isArray(raw) ? raw : SPEC_DEFAULTS.targets;
  const [other, own, ownPrecision] = p === 'int8' ? ['webgpu', 'wasm', 'f32 or f16'] : ['wasm', 'webgpu', 'f32 or int8'];
  if (!targets.includes(other)) return;
  report(ctx, 'spec-value', 'precision', `precision ${p} is a ${own} precision, and targets include ${other} (${ownPrecision}): write a precision per target, e.g. precision: { ${own}: ${p}, ${other}: f32 }, or leave ${other} out of targets`, {
    expected: `a precision every target supports, or { wasm: f32 | int8, webgpu: f32 | f16 }`, actual: p,
  });
}

function checkModel(ctx: Ctx): void {
  const hidden = int(ctx, 'model.hidden'), heads = int(ctx, 'model.heads');
  if (hidden !== undefined && heads !== undefined && heads > 0 && hidden % heads !== 0) {
    report(ctx, 'spec-value', 'model.heads', `heads (${heads}) must divide hidden (${hidden}): each head gets hidden / heads dimensions${nearDivisors(hidden, heads)}`, {
      expected: `a divisor of ${hidden}`, actual: String(heads),
    });
  }
}

/** The exit policies a spec can hold: the encoder's, and an encoder-decoder's decoder_exit. */
const EXIT_SECTIONS = ['exit', 'decoder_exit'] as const;
type ExitSection = (typeof EXIT_SECTIONS)[number];

const encoderDecoder = (ctx: Ctx): boolean => at(ctx.data, 'model.kind') === 'encoder-decoder';

/** The layer count an exit section's values range over, and the key that sets it (undefined while malformed). */
function sectionLayers(ctx: Ctx, section: ExitSection): { layers: number | undefined; key: string } {
  const key = section === 'decoder_exit' ? 'model.decoder_layers' : encoderDecoder(ctx) ? 'model.encoder_layers' : 'model.layers';
  return { layers: int(ctx, key), key };
}

/** head lm goes with model.kind encoder-decoder and back; decoder_exit and generation only with it; generation ids in the vocabulary. */
function checkKinds(ctx: Ctx): void {
  const head = at(ctx.data, 'head.kind');
  if (encoderDecoder(ctx)) {
    if (typeof head === 'string' && head !== 'lm') {
      report(ctx, 'spec-value', 'head.kind', `an encoder-decoder model generates text: its head is lm, not ${head}`, { expected: 'lm', actual: head });
    }
    const precision = at(ctx.data, 'precision');
    const nonF32 = typeof precision === 'string' ? precision !== 'f32'
      : precision !== null && typeof precision === 'object' && Object.values(precision).some((v) => v !== 'f32');
    if (nonF32) {
      report(ctx, 'spec-value', 'precision', 'an encoder-decoder runs in f32 only for now (int8 and f16 are encoder precisions): remove precision or set it to f32', {
        expected: 'f32', actual: typeof precision === 'string' ? precision : JSON.stringify(precision),
      });
    }
    const vocab = int(ctx, 'model.vocab_size');
    for (const key of ['generation.decoder_start_id', 'generation.eos_id']) {
      const id = int(ctx, key);
      if (vocab !== undefined && id !== undefined && id >= vocab) {
        report(ctx, 'spec-value', key, `${key.slice('generation.'.length)} ${id} is not below model.vocab_size (${vocab})`, { expected: `0..${vocab - 1}`, actual: String(id) });
      }
    }
    return;
  }
  if (head === 'lm') {
    report(ctx, 'spec-value', 'head.kind', "head lm (next-token logits) needs an encoder-decoder model: set model.kind: encoder-decoder with encoder_layers and decoder_layers", {
      expected: 'none, classification, regression or token for an encoder', actual: 'lm',
    });
  }
  for (const key of ['decoder_exit', 'generation']) {
    if (at(ctx.data, key) !== undefined) {
      report(ctx, 'spec-value', key, `'${key}' applies to encoder-decoder models (model.kind: encoder-decoder); remove it`, { expected: 'no such section for an encoder', actual: key });
    }
  }
}

/**
 * Weights and one longest input's activations (float32) must fit MEMORY_LIMIT_BYTES: checked here, before
 * any weight or table is allocated, so an oversized spec fails at its key instead of in an allocation.
 */
function checkSizes(ctx: Ctx): boolean {
  const dims = sizeDims(ctx);
  if (!dims) return false;
  const problem = sizeProblem(dims);
  if (problem) report(ctx, 'spec-value', problem.key, problem.message, { expected: problem.expected, actual: problem.actual });
  return problem === undefined;
}

/** The dimensions of the size check, or undefined while any of them is absent or malformed. */
function sizeDims(ctx: Ctx): SizeDims | undefined {
  const need = (path: string): number | undefined => int(ctx, path);
  const optional = (path: string, fallback: number): number | undefined => (at(ctx.data, path) === undefined ? fallback : need(path));
  // an encoder-decoder counts as one stack of L_enc + L_dec layers: a lower bound (cross-attention not counted)
  const enc = need('model.encoder_layers'), dec = need('model.decoder_layers');
  const layers = encoderDecoder(ctx) ? (enc !== undefined && dec !== undefined ? enc + dec : undefined) : need('model.layers');
  const hidden = need('model.hidden'), ffn = need('model.ffn');
  const vocabSize = need('model.vocab_size'), maxPositions = need('model.max_positions');
  if (layers === undefined || hidden === undefined || ffn === undefined || vocabSize === undefined || maxPositions === undefined) return undefined;
  const typeVocabSize = encoderDecoder(ctx) ? 0 : optional('model.type_vocab_size', SPEC_DEFAULTS.typeVocabSize), embeddingSize = optional('model.embedding_size', hidden);
  if (typeVocabSize === undefined || embeddingSize === undefined) return undefined;
  // A malformed head counts as none: the sizes are then a lower bound, still right to refuse.
  const kind = at(ctx.data, 'head.kind');
  const labels = int(ctx, 'head.labels') ?? 0;
  const headOutputs = kind === 'classification' || kind === 'token' ? labels : kind === 'regression' ? 1 : 0;
  return {
    layers, hidden, ffn, vocabSize, maxPositions, typeVocabSize, embeddingSize,
    sharedLayers: at(ctx.data, 'model.shared_layers') === true,
    preNorm: at(ctx.data, 'model.norm') === 'pre',
    headOutputs,
    pooler: kind === 'classification' || kind === 'regression',
  };
}

function checkBuckets(ctx: Ctx, section: ExitSection): void {
  const { layers, key } = sectionLayers(ctx, section);
  const buckets = int(ctx, `${section}.buckets`);
  if (layers === undefined || layers < 1) return;
  if (buckets !== undefined && buckets > layers) {
    report(ctx, 'spec-value', `${section}.buckets`, `buckets (${buckets}) must be at most ${key} (${layers}): each bucket is a distinct exit depth`, {
      expected: `1..${layers}`, actual: String(buckets),
    });
  }
  const list = at(ctx.data, `${section}.bucket_layers`);
  if (!Array.isArray(list)) return;
  if (buckets !== undefined && list.length !== buckets) {
    report(ctx, 'spec-value', `${section}.bucket_layers`, `bucket_layers lists ${list.length} layer count${list.length === 1 ? '' : 's'} but ${section}.buckets is ${buckets}: give one per bucket`, {
      expected: `${buckets} items`, actual: `${list.length} items`,
    });
  }
  list.forEach((v, i) => {
    if (!Number.isInteger(v) || v < 1) return; // the schema reports non-integers and values below 1
    const path = `${section}.bucket_layers[${i}]`;
    if (v > layers) {
      report(ctx, 'spec-value', path, `bucket ${i} processes ${v} layers, outside 1..${layers} (${key})`, { expected: `1..${layers}`, actual: String(v) });
    } else if (i > 0 && Number.isInteger(list[i - 1]) && v < list[i - 1]) {
      report(ctx, 'spec-value', path, `bucket_layers must be non-decreasing: bucket ${i} (${v}) is below bucket ${i - 1} (${String(list[i - 1])})`, {
        expected: `>= ${String(list[i - 1])}`, actual: String(v),
      });
    }
  });
}

function checkPolicyNeeds(ctx: Ctx, section: ExitSection): void {
  const policy = at(ctx.data, `${section}.policy`);
  if ((policy === 'frequency' || policy === 'mi') && at(ctx.data, 'tokenizer') === undefined) {
    report(ctx, 'policy', `${section}.policy`, `policy '${policy}' tokenizes its corpus, so the spec needs a 'tokenizer' section (path and special_ids)`, {
      expected: 'a tokenizer section', actual: 'none',
    });
  }
}

function checkSpecialIds(ctx: Ctx): void {
  const vocab = int(ctx, 'model.vocab_size');
  const ids = at(ctx.data, 'tokenizer.special_ids');
  if (vocab === undefined || ids === null || typeof ids !== 'object') return;
  for (const name of SPECIAL_TOKENS) {
    const id = int(ctx, `tokenizer.special_ids.${name}`);
    if (id !== undefined && id >= vocab) {
      report(ctx, 'spec-value', `tokenizer.special_ids.${name}`, `special id ${name} = ${id} is not below model.vocab_size (${vocab})`, {
        expected: `0..${vocab - 1}`, actual: String(id),
      });
    }
  }
}

const SPECIAL_TOKENS = ['cls', 'sep', 'pad', 'unk', 'mask'] as const;

function checkFiles(ctx: Ctx): void {
  const paths = ['weights.onnx', 'tokenizer.path'];
  for (const section of EXIT_SECTIONS) {
    paths.push(`${section}.table`);
    const files = at(ctx.data, `${section}.corpus.files`);
    if (Array.isArray(files)) files.forEach((_, i) => paths.push(`${section}.corpus.files[${i}]`));
  }
  const base = dirname(resolve(ctx.file));
  for (const path of paths) {
    const rel = at(ctx.data, path);
    if (typeof rel !== 'string' || rel === '') continue;
    if (rel.includes('\0')) {
      report(ctx, 'spec-value', path, `the path ${JSON.stringify(rel)} holds a NUL character, which no file name can`, { expected: 'a file path', actual: JSON.stringify(rel) });
      continue;
    }
    const abs = resolve(base, rel);
    const kind = fileKind(abs);
    if (path === 'weights.onnx' && encoderDecoder(ctx)) {
      // an encoder-decoder's ONNX weights: an export folder (encoder_model.onnx, decoder_model.onnx)
      const missing = kind === 'dir' ? ['encoder_model.onnx', 'decoder_model.onnx'].filter((f) => fileKind(join(abs, f)) !== 'file') : [];
      if (kind !== 'dir' || missing.length > 0) {
        report(ctx, 'file-missing', path, kind === 'dir' ? `'${rel}' has no ${missing.join(' or ')}` : `an encoder-decoder's weights.onnx is the folder hashee export-onnx writes (encoder_model.onnx, decoder_model.onnx); '${rel}' is ${kind === 'file' ? 'a file' : 'not there'}`, {
          expected: `a folder at ${abs} with encoder_model.onnx and decoder_model.onnx`, actual: kind === 'dir' ? `no ${missing.join(', ')}` : kind === 'file' ? 'a file' : 'nothing there',
        });
      }
      continue;
    }
    if (kind !== 'file') {
      const why = kind === 'dir' ? `'${rel}' is a directory, not a file` : kind === 'none' ? `file not found: '${rel}'` : `cannot read '${rel}' (${kind.error})`;
      report(ctx, 'file-missing', path, why, {
        expected: `a file at ${abs}`, actual: kind === 'dir' ? 'a directory' : kind === 'none' ? 'nothing there' : kind.error,
      });
    }
  }
}

/**
 * The table policy's JSON, validated as the table build does (ids in the vocabulary, layers in 1..L,
 * special ids at L when a tokenizer declares them): its errors name the JSON's line:col and exit.table.
 */
function checkTable(ctx: Ctx, section: ExitSection): void {
  const rel = at(ctx.data, `${section}.table`);
  const { layers } = sectionLayers(ctx, section), vocab = int(ctx, 'model.vocab_size');
  // layers beyond 255 do not fit the table's bytes: the schema reports them
  if (at(ctx.data, `${section}.policy`) !== 'table' || typeof rel !== 'string' || layers === undefined || layers < 1 || layers > 255 || vocab === undefined || vocab < 1) return;
  const abs = resolve(dirname(resolve(ctx.file)), rel);
  if (fileKind(abs) !== 'file') return; // checkFiles reports it
  // Without a tokenizer section the spec declares no special ids: the table is taken as given (compiler/hash).
  const special = new Set<number>();
  if (at(ctx.data, 'tokenizer') !== undefined) {
    for (const name of SPECIAL_TOKENS) {
      const id = int(ctx, `tokenizer.special_ids.${name}`);
      if (id !== undefined) special.add(id);
    }
  }
  try {
    const values = at(ctx.data, `${section}.table_values`) === 'buckets' ? 'buckets' : 'layers';
    readExitTable(abs, layers, vocab, special, locate(ctx.source, `${section}.table`, ctx.file), values, join(dirname(ctx.file), rel));
  } catch (e) {
    if (e instanceof SpecErrors) ctx.errors.push(...e.errors);
    else if (e instanceof HasheeError) ctx.errors.push(e);
    else throw e;
  }
}

/** What is at `abs`; a path the system refuses to look at (ENAMETOOLONG, ELOOP, ENOTDIR, EACCES) is an error with its code. */
function fileKind(abs: string): 'file' | 'dir' | 'none' | { readonly error: string } {
  let st;
  try {
    st = statSync(abs, { throwIfNoEntry: false });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOTDIR' ? 'none' : { error: code ?? (e as Error).message };
  }
  return st === undefined ? 'none' : st.isDirectory() ? 'dir' : 'file';
}

/** " (nearest divisors: 8, 16)" to suggest a valid head count; looks at most NEAR_DIVISOR_STEPS either side. */
function nearDivisors(hidden: number, heads: number): string {
  const start = Math.min(heads, hidden);
  let below = start, above = start;
  while (below > 1 && hidden % below !== 0 && start - below < NEAR_DIVISOR_STEPS) below--;
  while (above < hidden && hidden % above !== 0 && above - start < NEAR_DIVISOR_STEPS) above++;
  const near = [...new Set([below, above])].filter((h) => hidden % h === 0);
  return near.length > 0 ? ` (nearest divisors: ${near.join(', ')})` : '';
}

/** Bounds the divisor search, so a huge prime hidden size does not make `check` spin. */
const NEAR_DIVISOR_STEPS = 10_000;

function report(ctx: Ctx, code: ErrorCode, path: string, message: string, details: { expected?: string; actual?: string }): void {
  ctx.errors.push(new HasheeError(code, message, { location: locate(ctx.source, path, ctx.file), keyPath: path, ...details }));
}

/** A positive-or-zero integer at `path`, or undefined when absent or malformed (the schema reports that). */
function int(ctx: Ctx, path: string): number | undefined {
  const v = at(ctx.data, path);
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
}

/** The raw value at a dotted key path (`exit.corpus.files[1]`), or undefined. */
export function at(data: unknown, path: string): unknown {
  let node = data;
  for (const seg of path.split(/\.|(?=\[)/)) {
    if (node === null || typeof node !== 'object') return undefined;
    const m = /^\[(\d+)\]$/.exec(seg);
    node = m ? (Array.isArray(node) ? node[Number(m[1])] : undefined) : (node as Record<string, unknown>)[seg];
  }
  return node;
}
