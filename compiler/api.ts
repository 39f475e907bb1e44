// hashee's programmatic API: one function per CLI command, taking what the command's arguments and options
// say and returning what it prints as data. The CLI (compiler/commands.ts) is a thin layer over these: it
// parses argv, calls one, and formats the result. Each function imports the modules it needs when it runs,
// so `check` or `run` on the reference backend never load binaryen, ts-morph or onnx-proto.
//
// Errors are HasheeError (compiler/errors.ts): code, message, file, line, column, path, expected, actual
// (`e.toJSON()`), and `e.problems()` lists every problem a spec has.

import type { ExitTable, Model } from '../contract/model.ts';
import { HasheeError } from './errors.ts';
import type { Loaded } from './load.ts';
import type { PackageFiles } from './package/types.ts';
import { silentProgress, type Progress } from './progress.ts';
import type { ReportData } from './report/index.ts';
import type { BackendName, OutputKind, RunReport } from './run/index.ts';
import type { ScheduleReport } from './schedule/report.ts';
import { loadSpec } from './spec/load.ts';
import type { Spec, Target } from './spec/types.ts';
import type { StageName } from './stages.ts';
import { toolVersion } from './util/root.ts';

/** A spec: the path of its YAML file, or one already loaded (loadSpec, parseSpecText). */
export type SpecInput = string | Spec;

export interface CommonOptions {
  /** Reports long steps (reading weights, building the table, emitting code); default silent. */
  readonly progress?: Progress;
}

function specOf(spec: SpecInput): Spec {
  return typeof spec === 'string' ? loadSpec(spec) : spec;
}

async function loadAllOf(spec: SpecInput, opts: CommonOptions): Promise<Loaded> {
  const { loadAll } = await import('./load.ts');
  return loadAll(specOf(spec), opts.progress ?? silentProgress);
}

/** What `hashee check` reports of a valid spec. */
export interface CheckResult {
  readonly name: string;
  readonly layers: number;
  readonly hidden: number;
  readonly heads: number;
  readonly ffn: number;
  readonly vocabSize: number;
  readonly maxPositions: number;
  readonly head: Spec['head']['kind'] | 'lm';
  readonly exitPolicy: Spec['exit']['kind'];
  readonly weights: Spec['weights']['kind'];
  readonly targets: readonly Target[];
  /** An encoder-decoder's decoder (layers is then the encoder's). */
  readonly decoder?: { readonly layers: number; readonly exitPolicy: Spec['exit']['kind'] };
  readonly spec: Spec;
}

/** Validates a spec; an ONNX weights file is read and checked against it. Throws HasheeError. */
export async function check(spec: SpecInput, opts: CommonOptions = {}): Promise<CheckResult> {
  const s = specOf(spec);
  if (s.weights.kind === 'onnx') {
    const load = await import('./load.ts');
    if (s.seq2seq) load.loadSeq2Seq(s, opts.progress ?? silentProgress);
    else load.loadModel(s, opts.progress ?? silentProgress);
  }
  const a = s.arch;
  return {
    name: s.name, layers: a.layers, hidden: a.hidden, heads: a.heads, ffn: a.ffn, vocabSize: a.vocabSize, maxPositions: a.maxPositions,
    head: s.seq2seq ? 'lm' : s.head.kind, exitPolicy: s.exit.kind, weights: s.weights.kind, targets: s.targets, spec: s,
    ...(s.seq2seq ? { decoder: { layers: s.seq2seq.arch.decoderLayers, exitPolicy: s.seq2seq.decoderExit.kind } } : {}),
  };
}

export interface GenerateOptions extends CommonOptions {
  /** Where to run: the reference executor (default), or WebAssembly or WebGPU compiled in memory (f32). */
  readonly backend?: 'reference' | 'wasm' | 'webgpu';
  readonly maxNew?: number;          // default: the spec's generation.max_new
  readonly beams?: number;           // default: the spec's generation.beams
  readonly precision?: 'f64' | 'f32';
  readonly fullDepth?: boolean;
  readonly threads?: number;         // wasm: threads for the encoder and the decoder's products
}

/**
 * Generation with an encoder-decoder spec: `{ text }` (tokenized with the spec's tokenizer) or `{ ids }`
 * (one input or several), each run by greedy or beam search; tokens, exits per step, FLOPs per input.
 */
export async function generate(spec: SpecInput, input: { readonly text?: string | readonly string[]; readonly ids?: readonly number[] | readonly (readonly number[])[] }, opts: GenerateOptions = {}): Promise<import('./generate/index.ts').GenerateReport> {
  const s = specOf(spec);
  const texts = input.text === undefined ? [] : typeof input.text === 'string' ? [input.text] : [...input.text];
  const raw = input.ids ?? [];
  const ids = raw.length > 0 && typeof raw[0] === 'number' ? [raw as readonly number[]] : (raw as readonly (readonly number[])[]);
  if (texts.length === 0 && ids.length === 0) throw new HasheeError('usage', 'give an input: text or token ids');
  const { generateAll } = await import('./generate/index.ts');
  return generateAll(s, { texts, ids }, { ...opts, progress: opts.progress ?? silentProgress });
}

/** The static exit table and its statistics over the spec's corpus: `stats`, `text` (what the CLI prints) and `json`. */
export async function schedule(spec: SpecInput, opts: CommonOptions = {}): Promise<ScheduleReport & { readonly table: ExitTable }> {
  const loaded = await loadAllOf(spec, opts);
  const { scheduleFor } = await import('./schedule/report.ts');
  return { ...scheduleFor(loaded), table: loaded.table };
}

/** Inputs of run(): texts (tokenized with the spec's tokenizer, [CLS]/[SEP] added) and/or token ids (used as given). */
export interface RunInput {
  readonly text?: string | readonly string[];
  readonly ids?: readonly number[] | readonly (readonly number[])[];
}

export interface RunOptions extends CommonOptions {
  /** Where to run (default 'reference'); wasm and webgpu compile the package on first use (cached). */
  readonly backend?: BackendName;
  /** The reference backend's arithmetic (default f64); compiled backends compute in f32. */
  readonly precision?: 'f64' | 'f32';
  /** Ignore the exit table: every token runs every layer. */
  readonly fullDepth?: boolean;
  /** What the result holds (default: logits with a head, else last-hidden). */
  readonly output?: OutputKind;
  /** wasm: threads including the caller (default: every core). */
  readonly threads?: number;
}

/** Runs the model on every input as one batch: exits per token, logits or last hidden states, FLOPs. */
export async function run(spec: SpecInput, input: RunInput, opts: RunOptions = {}): Promise<RunReport> {
  const s = specOf(spec);
  const texts = input.text === undefined ? [] : typeof input.text === 'string' ? [input.text] : [...input.text];
  const ids = idBatches(input.ids);
  if (texts.length === 0 && ids.length === 0) throw new HasheeError('usage', 'give an input: text or token ids');
  if (opts.threads !== undefined && (!Number.isInteger(opts.threads) || opts.threads < 1)) {
    throw new HasheeError('usage', 'threads must be a positive integer', { expected: 'e.g. 2', actual: String(opts.threads) });
  }
  const { runOnInputs, checkIds } = await import('./run/index.ts');
  ids.forEach((batch, i) => checkIds(batch, s, `input ${texts.length + i + 1}`));
  const loaded = await loadAllOf(s, opts);
  return runOnInputs(loaded, { texts, ids }, {
    backend: opts.backend ?? 'reference', precision: opts.precision ?? 'f64', fullDepth: !!opts.fullDepth,
    output: opts.output ?? (s.head.kind === 'none' ? 'last-hidden' : 'logits'), threads: opts.threads,
  });
}

function idBatches(ids: RunInput['ids']): (readonly number[])[] {
  if (ids === undefined) return [];
  if (!Array.isArray(ids)) throw new HasheeError('input', 'ids must be an array of token ids, or an array of such arrays', { actual: typeof ids });
  if (ids.length === 0) return []; // no id input (the CLI without --ids)
  if (ids.every((x) => Array.isArray(x))) return ids as (readonly number[])[];
  if (ids.some((x) => Array.isArray(x))) throw new HasheeError('input', 'ids mixes token ids and arrays of token ids', { expected: '[1, 2, 3] or [[1, 2], [3, 4]]' });
  return [ids as readonly number[]];
}

export interface CompileOptions extends CommonOptions {
  /** The package folder to write; replaced as a whole when it is a hashee package or empty. */
  readonly out?: string;
  /** Targets to build (default: the spec's targets). */
  readonly targets?: readonly Target[];
  /** Replace a file or a folder at `out` that is not a hashee package. */
  readonly force?: boolean;
  /** Stop after this stage (unless `out` is given) and return its output as text in `dump`. */
  readonly dumpAfter?: StageName;
}

export interface CompileResult {
  readonly spec: Spec;
  /** The package's files (path -> contents), when the pipeline ran to the end. */
  readonly files?: PackageFiles;
  /** The paths written under `out`, sorted. */
  readonly written?: readonly string[];
  /** The `dumpAfter` stage's output. */
  readonly dump?: string;
}

/** Runs the compile pipeline (spec, table, schedule, plan, emit, package) and writes the package to `out`. */
export async function compile(spec: SpecInput, opts: CompileOptions = {}): Promise<CompileResult> {
  const [{ resolve }, { runPipeline }, { checkPackageOut, writePackage }] = await Promise.all([
    import('node:path'), import('./pipeline.ts'), import('./package/assemble.ts'),
  ]);
  const s = specOf(spec);
  if (s.seq2seq) return compileSeq2Seq(s, opts);
  let dump: string | undefined;
  const out = await runPipeline(s, { targets: opts.targets, toolVersion: toolVersion(), progress: opts.progress ?? silentProgress }, opts.out ? 'package' : opts.dumpAfter ?? 'package', (stage, render, done) => {
    // a refused `out` fails before the model is loaded
    if (stage === 'spec' && opts.out) checkPackageOut(opts.out, done.spec!, !!opts.force);
    if (stage === opts.dumpAfter) dump = render();
  });
  const files = out.package;
  const written = opts.out && files ? writePackage(files, resolve(opts.out), out.spec!, !!opts.force) : undefined;
  return { spec: out.spec!, files, written, dump };
}

/** An encoder-decoder's package: WebAssembly and (as targets say) WebGPU, no stage dumps (compiler/package/seq2seq.ts). */
async function compileSeq2Seq(s: Spec, opts: CompileOptions): Promise<CompileResult> {
  const [{ resolve }, { checkPackageOut }, { loadSeq2Seq }, { compileSeq2SeqPackage }] = await Promise.all([
    import('node:path'), import('./package/assemble.ts'), import('./load.ts'), import('./package/seq2seq.ts'),
  ]);
  const where = { location: s.locations.get('model.kind'), keyPath: 'model.kind' };
  if (opts.dumpAfter) throw new HasheeError('usage', `--dump-after is for encoder models (an encoder-decoder package has no stage ${opts.dumpAfter})`, where);
  if (!opts.out) throw new HasheeError('usage', '--out DIR is required');
  checkPackageOut(opts.out, s, !!opts.force); // a refused `out` fails before the model is loaded
  // webgpu as the spec's targets (or --target) say
  const { files, written } = await compileSeq2SeqPackage(loadSeq2Seq(s, opts.progress ?? silentProgress), resolve(opts.out),
    { targets: opts.targets ?? s.targets, toolVersion: toolVersion(), force: !!opts.force });
  return { spec: s, files, written };
}

export interface ImportOptions extends CommonOptions {
  /** The spec's name (default: the file name without .onnx). */
  readonly name?: string;
  /** Write the spec's YAML there. */
  readonly out?: string;
}

export interface ImportResult {
  /** The spec as YAML (what `hashee import` prints or writes). */
  readonly yaml: string;
  /** The same spec as data. */
  readonly data: unknown;
  /** The model read from the file: shape, head and weights. */
  readonly model: Model;
  /** The file written, when `out` was given. */
  readonly out?: string;
  /**
   * Quantized products and tables (onnxruntime's quantize_dynamic or QDQ weights) read back as f32:
   * the spec runs them in f32 unless its precision says int8.
   */
  readonly dequantized: number;
}

/** Reads a BERT-family encoder ONNX file by structure and writes a spec that matches it. */
export async function importOnnx(file: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const [{ readFileSync }, { basename, resolve }, onnx, { renderSpecYaml }, fs, { parse }] = await Promise.all([
    import('node:fs'), import('node:path'), import('./onnx/index.ts'), import('./spec/render.ts'), import('./util/fs.ts'), import('yaml'),
  ]);
  const path = resolve(file);
  const outFile = opts.out ? resolve(opts.out) : undefined;
  const { statSync } = await import('node:fs');
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
    // an encoder-decoder's export folder (encoder_model.onnx, decoder_model.onnx)
    if (outFile) fs.checkFileOut(outFile);
    const { importSeq2SeqDir } = await import('./onnx/seq2seq-import.ts');
    const found = importSeq2SeqDir(path);
    const { encoderArch } = await import('../contract/seq2seq.ts');
    const yaml = renderSpecYaml({ name: opts.name ?? basename(path), arch: encoderArch(found.arch), head: { kind: 'none' }, seq2seq: found.arch, onnxPath: path, specFile: outFile ?? resolve('spec.yaml') });
    if (outFile) fs.writeFileAtomic(outFile, yaml);
    return { yaml, data: parse(yaml) as unknown, model: { arch: encoderArch(found.arch), head: { kind: 'none' }, weights: found.encoder }, out: opts.out, dequantized: 0 };
  }
  let bytes: Uint8Array;
  try { bytes = readFileSync(path); } catch (e) {
    throw new HasheeError('file-missing', `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (outFile) fs.checkFileOut(outFile);
  const found = onnx.importOnnx(bytes, file, opts.progress ?? silentProgress);
  const yaml = renderSpecYaml({
    name: opts.name ?? basename(path).replace(/\.onnx$/i, ''),
    arch: found.arch, head: found.head, onnxPath: path,
    specFile: outFile ?? resolve('spec.yaml'),
    positionOffset: found.positionOffset,
  });
  if (outFile) fs.writeFileAtomic(outFile, yaml);
  return { yaml, data: parse(yaml) as unknown, model: { arch: found.arch, head: found.head, weights: found.weights }, out: opts.out, dequantized: found.dequantized };
}

export interface ExportOptions extends CommonOptions {
  /** Write the file there (atomically). */
  readonly out?: string;
  /** Bake the exit table into the graph (tokens sorted by exit layer, each layer on its active prefix). */
  readonly exits?: boolean;
  /**
   * 'int8': dynamic int8 quantization as onnxruntime's quantize_dynamic writes it with its defaults
   * (MatMulInteger on int8 weights, one scale per tensor; DynamicQuantizeLinear on the activations);
   * 'int8-per-channel': one weight scale per output column. Encoder models only.
   */
  readonly quantize?: 'int8' | 'int8-per-channel';
}

/** The spec's model as a standard ONNX graph (opset 17), at full depth or with the exits baked in. */
export async function exportOnnx(spec: SpecInput, opts: ExportOptions = {}): Promise<Uint8Array> {
  const [{ resolve }, load, onnx, fs] = await Promise.all([import('node:path'), import('./load.ts'), import('./onnx/index.ts'), import('./util/fs.ts')]);
  const s = specOf(spec);
  const progress = opts.progress ?? silentProgress;
  if (s.seq2seq) return exportSeq2Seq(s, opts, progress);
  if (opts.out) fs.checkFileOut(resolve(opts.out));
  let bytes: Uint8Array;
  if (opts.exits) {
    const { model, table } = load.loadAll(s, progress);
    bytes = onnx.exportOnnxWithExits(model, table);
  } else {
    bytes = onnx.exportOnnx(load.loadModel(s, progress));
  }
  if (opts.quantize) bytes = (await import('./onnx/quantize.ts')).quantizeDynamic(bytes, { perChannel: opts.quantize === 'int8-per-channel' }).bytes;
  if (opts.out) fs.writeFileAtomic(resolve(opts.out), bytes);
  return bytes;
}

/** Seq2seq exporters' three files in one folder (`out`), at full depth; returns the encoder file's bytes. */
async function exportSeq2Seq(s: Spec, opts: ExportOptions, progress: Progress): Promise<Uint8Array> {
  const [{ resolve }, load, { exportSeq2SeqOnnx, SEQ2SEQ_FILES }, fs] = await Promise.all([import('node:path'), import('./load.ts'), import('./onnx/seq2seq.ts'), import('./util/fs.ts')]);
  if (opts.quantize) {
    throw new HasheeError('usage', 'an encoder-decoder exports in float32 only (--quantize is for encoder models)', { location: s.locations.get('model.kind'), keyPath: 'model.kind' });
  }
  if (opts.exits) {
    throw new HasheeError('usage', 'an encoder-decoder exports at full depth only (--exits is for encoder models)', { location: s.locations.get('model.kind'), keyPath: 'model.kind' });
  }
  const names: readonly string[] = Object.values(SEQ2SEQ_FILES);
  if (opts.out) {
    const dir = resolve(opts.out);
    const st = fs.statOut(dir);
    const { readdirSync } = await import('node:fs');
    if (st && (!st.isDirectory() || readdirSync(dir).some((f) => !names.includes(f)))) {
      throw new HasheeError('output', `${opts.out} is ${st.isDirectory() ? 'a folder holding other files' : 'not a folder'}: an encoder-decoder export writes ${names.join(', ')} into a folder of its own`, {
        expected: 'a new or empty folder, or an earlier export', actual: opts.out,
      });
    }
  }
  const files = exportSeq2SeqOnnx(load.loadSeq2Seq(s, progress).model);
  if (opts.out) fs.writeDirAtomic(resolve(opts.out), new Map([[SEQ2SEQ_FILES.encoder, files.encoder], [SEQ2SEQ_FILES.decoder, files.decoder], [SEQ2SEQ_FILES.decoderWithPast, files.decoderWithPast]]));
  return files.encoder;
}

export interface ReportOptions extends CommonOptions {
  /** Write the page there. */
  readonly out?: string;
  /** Results of `npm run bench`: a bench/results/*.json path or its parsed data; drawn as bars. */
  readonly bench?: string | object;
}

export interface ReportResult {
  /** The numbers behind the plots. */
  readonly data: ReportData;
  /** The self-contained HTML page (rendered when `out` is given or `html` is asked for). */
  readonly html?: string;
}

/** An HTML page with plots of the spec's exit schedule (Vega-Lite rendered to SVG, no script, no network). */
export async function report(spec: SpecInput, opts: ReportOptions & { readonly html?: boolean } = {}): Promise<ReportResult> {
  const [{ resolve }, fs, { scheduleFor }, { reportData, renderReport }] = await Promise.all([
    import('node:path'), import('./util/fs.ts'), import('./schedule/report.ts'), import('./report/index.ts'),
  ]);
  const s = specOf(spec);
  if (opts.out) fs.checkFileOut(resolve(opts.out));
  const bench = typeof opts.bench === 'string' ? fs.readJsonOption(opts.bench, '--bench') : opts.bench;
  const loaded = await loadAllOf(s, opts);
  const data = reportData(loaded, scheduleFor(loaded), { bench });
  if (!opts.out && !opts.html) return { data };
  const html = await renderReport(data, { header: `hashee ${toolVersion()} · spec ${s.name} sha256:${s.hash}` });
  if (opts.out) fs.writeFileAtomic(resolve(opts.out), html);
  return { data, html };
}
