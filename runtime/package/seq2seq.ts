// load() of a compiled encoder-decoder package (`hashee compile` on a model.kind: encoder-decoder spec):
// reads manifest.json, checks every file against its size and sha256, starts the encoder engine and the
// WASM decoder, and returns a model whose generate() takes text (with the package's tokenizer) or ids.

import type { ExitTable } from '../../contract/model.ts';
import { encoderArch, type GenerationIds, type Seq2SeqArch } from '../../contract/seq2seq.ts';
import { MANIFEST_FILE, PACKAGE_FORMAT, type FileDigest } from '../../contract/manifest.ts';
import type { NodeHost } from '../host.ts';
import type { TextTokenizer } from '../tokenizer.ts';
import { WasmDecoder } from '../wasm/decoder.ts';
import { WasmEngine } from '../wasm/engine.ts';
import { WasmSeq2Seq, type WasmGenerateResult } from '../wasm/seq2seq.ts';
import { PackageError } from './errors.ts';
import { fileLocator, float32View, packageFiles, readJson, type FetchLike, type FileSource } from './files.ts';
import type { StartWorker } from '../wasm/pool.ts';
import { defaultGpu, openWebGpuEngine, type WebGpuFiles } from './webgpu.ts';
import { WebGpuDecoder } from '../webgpu/decoder.ts';
import { WebGpuSeq2Seq } from '../webgpu/seq2seq.ts';

/** The files of an encoder-decoder package, by role (package-relative paths). */
export const SEQ2SEQ_PACKAGE_FILES = {
  encoderTable: 'exits-encoder.bin',
  decoderTable: 'exits-decoder.bin',
  encoderSimd: 'wasm/encoder.simd.wasm',
  encoderRelaxed: 'wasm/encoder.relaxed.wasm',
  encoderWeights: 'wasm/encoder-weights.bin',
  decoderSimd: 'wasm/decoder.simd.wasm',
  decoderRelaxed: 'wasm/decoder.relaxed.wasm',
  decoderWeights: 'wasm/decoder-weights.bin',
  encoderSimdShared: 'wasm/encoder.simd.shared.wasm',
  encoderRelaxedShared: 'wasm/encoder.relaxed.shared.wasm',
  decoderSimdShared: 'wasm/decoder.simd.shared.wasm',
  decoderRelaxedShared: 'wasm/decoder.relaxed.shared.wasm',
  webgpuDecoderWeights: 'webgpu/decoder-weights.bin',
} as const;

/** What the compiler decided, written into the generated entry. */
export interface Seq2SeqPackageInfo {
  readonly name: string;
  readonly specSha256: string;
  readonly arch: Seq2SeqArch;
  readonly ids: GenerationIds;
  readonly maxNew: number;
  readonly beams: number;
  readonly tokenizer: string | null;
  /** The targets compiled: wasm always, webgpu when the spec's targets include it. */
  readonly backends: readonly ('wasm' | 'webgpu')[];
  /** The webgpu target's files: the encoder program's (as an encoder package has them) and the decoder's modules. */
  readonly webgpu?: { readonly encoder: WebGpuFiles; readonly decoder: readonly { readonly name: string; readonly file: string }[] };
}

export interface Seq2SeqLoadOptions {
  /** wasm (default) or webgpu (when compiled). */
  readonly backend?: 'wasm' | 'webgpu';
  /**
   * wasm: threads including the caller for the encoder and the decoder's products (default 1). Browsers
   * need a crossOriginIsolated page; the encoder engine warns and runs on one thread otherwise, and the
   * decoder follows it.
   */
  readonly threads?: number;
  /** webgpu: a device or a GPU; default navigator.gpu in browsers, Dawn in Node. */
  readonly gpu?: GPU | GPUDevice;
  /** Where the package files are; default: where the browser entry's file URLs point (a bundler's assets), else the entry's folder. */
  readonly baseUrl?: string | URL;
  /** wasm with threads: URL of runtime/wasm/worker.js (default: the browser entry's worker, else next to pool.js). */
  readonly workerUrl?: string | URL;
  readonly fetch?: FetchLike;
  readonly simd?: 'auto' | 'relaxed' | 'simd128';
}

export interface Seq2SeqBinding {
  readonly info: Seq2SeqPackageInfo;
  readonly moduleUrl: string;
  /** The browser entry's `new URL('./name', import.meta.url)` per file (bundlers emit them as assets and rewrite them). */
  readonly urls?: Readonly<Record<string, URL>>;
  /** The browser entry's `new Worker(new URL(...))` for the WASM pool's threads. */
  readonly startWorker?: StartWorker;
  readonly node?: NodeHost;
  readonly tokenizer?: () => Promise<{ createTokenizer(json: object): TextTokenizer }>;
  /** The Node entry's Dawn GPU (runtime/webgpu/node.ts) for the webgpu backend. */
  readonly nodeGpu?: () => Promise<GPU>;
}

export interface GenerateCall {
  readonly maxNew?: number;            // default: the spec's generation.max_new
  readonly beams?: number;             // default: the spec's generation.beams
  readonly fullDepth?: boolean;
  readonly target?: readonly number[]; // teacher forcing: score this target
}

export interface GenerateOutput extends WasmGenerateResult {
  /** The generated tokens as text (packages with a tokenizer). */
  readonly text?: string;
}

export interface Seq2SeqPackageModel {
  readonly name: string;
  readonly info: string;
  /** Generates from a text (tokenized with the package's tokenizer) or from token ids. */
  generate(input: string | readonly number[], opts?: GenerateCall): Promise<GenerateOutput>;
  dispose(): void;
}

export async function loadSeq2SeqPackage(pkg: Seq2SeqBinding, options: Seq2SeqLoadOptions = {}): Promise<Seq2SeqPackageModel> {
  const { info, node } = pkg;
  const locate = fileLocator(pkg, options.baseUrl);
  const manifest = await readJson(packageFiles(locate, options.fetch, undefined, node), MANIFEST_FILE) as Record<string, unknown>;
  if (manifest['format'] !== PACKAGE_FORMAT || manifest['kind'] !== 'encoder-decoder') {
    throw new PackageError('file', `${MANIFEST_FILE} is not an encoder-decoder hashee package's (format ${String(manifest['format'])}, kind ${String(manifest['kind'])})`);
  }
  if (manifest['specSha256'] !== info.specSha256) {
    throw new PackageError('file', `${MANIFEST_FILE} belongs to another compile (spec sha256 ${String(manifest['specSha256'])}, this entry's ${info.specSha256}): copy the whole package folder`);
  }
  const listed = manifest['files'] as Record<string, FileDigest> | undefined;
  const files = packageFiles(locate, options.fetch, new Map(Object.entries(listed ?? {})), node);
  const a = info.arch, F = SEQ2SEQ_PACKAGE_FILES;
  const table = async (path: string, L: number): Promise<ExitTable> => {
    const t = await files.read(path);
    const bad = t.findIndex((k) => k < 1 || k > L);
    if (t.length !== a.vocabSize || bad >= 0) throw new PackageError('file', `${path} ${t.length !== a.vocabSize ? `has ${t.length} entries, the vocabulary ${a.vocabSize}` : `gives id ${bad} exit layer ${t[bad]}, outside 1..${L}`}`);
    return t;
  };
  const [encoderTable, decoderTable] = await Promise.all([table(F.encoderTable, a.encoderLayers), table(F.decoderTable, a.decoderLayers)]);
  const backend = options.backend ?? 'wasm';
  if (!info.backends.includes(backend)) throw new PackageError('backend', `package ${info.name} was not compiled for ${backend}; it has ${info.backends.join(', ')}`);
  const model = backend === 'webgpu' ? await openWebGpuSeq2Seq(info, files, encoderTable, decoderTable, options.gpu ?? await defaultGpu(pkg.nodeGpu)) : await openWasm();
  async function openWasm(): Promise<WasmSeq2Seq> {
    const threads = options.threads ?? 1;
    const shared = threads > 1;
    // the shared-memory modules only when threads are asked for (they are read and checked like the others)
    const names = shared
      ? [F.encoderSimdShared, F.encoderRelaxedShared, F.encoderWeights, F.decoderSimdShared, F.decoderRelaxedShared, F.decoderWeights]
      : [F.encoderSimd, F.encoderRelaxed, F.encoderWeights, F.decoderSimd, F.decoderRelaxed, F.decoderWeights];
    const [encSimd, encRelaxed, encWeights, decSimd, decRelaxed, decWeights] = await Promise.all(names.map((p) => files.read(p)));
    const encoder = await WasmEngine.create({
      arch: encoderArch(a), head: { kind: 'none' }, modules: { simd128: { single: encSimd!, shared: encSimd! }, relaxed: { single: encRelaxed!, shared: encRelaxed! } },
      weights: encWeights!, exitTable: encoderTable, threads, ...(node ? { node } : {}), ...(options.simd ? { simd: options.simd } : {}),
      workerUrl: options.workerUrl, startWorker: pkg.startWorker,
    });
    // the decoder runs on as many threads as the encoder engine got (1 where threads are not available)
    const got = encoder.info.threads;
    const decoderModules = { simd128: decSimd!, relaxed: decRelaxed! };
    const decoder = await WasmDecoder.create({
      arch: a, modules: decoderModules, weights: decWeights!, exitTable: decoderTable, ...(options.simd ? { simd: options.simd } : {}),
      ...(got > 1 ? { sharedModules: decoderModules, threads: got, workerUrl: options.workerUrl, startWorker: pkg.startWorker, ...(node ? { node } : {}) } : {}),
    });
    return new WasmSeq2Seq(a, info.ids, encoder, decoder, encoderTable);
  }
  let tokenizer: Promise<TextTokenizer> | undefined;
  const getTokenizer = (): Promise<TextTokenizer> => (tokenizer ??= (async () => {
    if (!info.tokenizer || !pkg.tokenizer) throw new PackageError('tokenizer', `package ${info.name} has no tokenizer: pass token ids`);
    const json = await readJson(files, info.tokenizer);
    return (await pkg.tokenizer()).createTokenizer(json as object);
  })());
  return {
    name: info.name,
    info: model.info,
    async generate(input, opts = {}) {
      const tok = typeof input === 'string' || info.tokenizer ? await getTokenizer().catch((e: unknown) => { if (typeof input === 'string') throw e; return undefined; }) : undefined;
      const ids = typeof input === 'string' ? tok!.encode(input).ids : [...input];
      if (ids.length === 0 || ids.length > a.maxPositions) throw new PackageError('input', `an input needs 1..${a.maxPositions} tokens, got ${ids.length}`);
      const bad = ids.find((id) => !Number.isInteger(id) || id < 0 || id >= a.vocabSize);
      if (bad !== undefined) throw new PackageError('input', `token id ${bad} is outside the vocabulary 0..${a.vocabSize - 1}`);
      let r: WasmGenerateResult;
      try {
        r = await model.generate(ids, { maxNew: opts.maxNew ?? info.maxNew, beams: opts.beams ?? info.beams, fullDepth: !!opts.fullDepth, ...(opts.target ? { target: opts.target } : {}) });
      } catch (e) {
        if (e instanceof RangeError) throw new PackageError('input', e.message);
        throw e;
      }
      return tok ? { ...r, text: tok.decode(r.tokens) } : r;
    },
    dispose: () => model.dispose(),
  };
}

/** The webgpu backend: the encoder engine on the device, then the decoder on the same device. */
async function openWebGpuSeq2Seq(info: Seq2SeqPackageInfo, files: FileSource, encoderTable: ExitTable, decoderTable: ExitTable, gpu: GPU | GPUDevice): Promise<WebGpuSeq2Seq> {
  const a = info.arch, w = info.webgpu!;
  const text = new TextDecoder();
  const encoder = await openWebGpuEngine(encoderArch(a), { kind: 'none' }, files, w.encoder, encoderTable, gpu);
  const decoderModules = await Promise.all(w.decoder.map(async ({ name, file }) => ({ name, code: text.decode(await files.read(file)) })));
  const weights = float32View(await files.read(SEQ2SEQ_PACKAGE_FILES.webgpuDecoderWeights), SEQ2SEQ_PACKAGE_FILES.webgpuDecoderWeights);
  const decoder = await WebGpuDecoder.create({ device: encoder.device, arch: a, modules: decoderModules, weights, exitTable: decoderTable });
  return new WebGpuSeq2Seq(a, info.ids, encoder, decoder, encoderTable);
}
