// `hashee generate` and the programmatic generate(): an encoder-decoder spec's model and exit tables, then
// greedy or beam search per input on the reference executor, with exits per step and FLOPs vs full depth.

import type { Spec } from '../spec/types.ts';
import { HasheeError } from '../errors.ts';
import type { Progress } from '../progress.ts';
import { loadSeq2Seq, type LoadedSeq2Seq } from '../load.ts';
import { loadTokenizer } from '../corpus/tokenizer-file.ts';
import { checkIds } from '../run/index.ts';
import { generate as generateReference, type GenerateResult } from '../../runtime/reference/seq2seq.ts';

export interface GenerateSettings {
  readonly backend: 'reference' | 'wasm' | 'webgpu';
  readonly maxNew: number;
  readonly beams: number;
  readonly precision: 'f64' | 'f32';
  readonly fullDepth: boolean;
}

export interface GenerateRequest {
  readonly texts: readonly string[];             // tokenized with the spec's tokenizer (its specials added)
  readonly ids: readonly (readonly number[])[];  // used as given
}

export interface GenerateReport {
  readonly spec: Spec;
  readonly settings: GenerateSettings;
  readonly inputs: readonly (readonly number[])[];
  readonly results: readonly GenerateResult[];
  /** Decoded generated text per input, when the spec has a tokenizer. */
  readonly texts?: readonly string[];
}

/**
 * Runs every input; texts first, then id inputs, in the order given. The reference computes in f64 (or
 * f32); the wasm backend compiles the model in memory and computes in f32 (the encoder on `threads`).
 */
export async function generateAll(spec: Spec, req: GenerateRequest, opts: Partial<GenerateSettings> & { progress?: Progress; threads?: number } = {}): Promise<GenerateReport> {
  const s2s = spec.seq2seq;
  const backend = opts.backend ?? 'reference';
  const settings: GenerateSettings = {
    backend, maxNew: opts.maxNew ?? s2s?.maxNew ?? 32, beams: opts.beams ?? s2s?.beams ?? 1,
    precision: backend === 'reference' ? opts.precision ?? 'f64' : 'f32', fullDepth: !!opts.fullDepth,
  };
  const loaded = loadSeq2Seq(spec, opts.progress);
  const P = loaded.model.arch.maxPositions;
  if (settings.maxNew > P) {
    throw new HasheeError('usage', `--max-new ${settings.maxNew} exceeds the model's ${P} decoder positions (model.max_positions)`, { expected: `1..${P}`, actual: String(settings.maxNew) });
  }
  const tok = req.texts.length > 0 || spec.tokenizer ? tokenizerOf(spec) : undefined;
  const inputs = [...req.texts.map((t) => tok!.encode(t).ids), ...req.ids];
  inputs.forEach((ids, i) => {
    checkIds(ids, spec, `input ${i + 1}`);
    if (ids.length > P) throw new HasheeError('input', `input ${i + 1} has ${ids.length} tokens, more than the model's ${P} positions`, { expected: `at most ${P} tokens`, actual: String(ids.length) });
  });
  const compiled = backend === 'wasm' ? await (await import('../run/seq2seq-wasm.ts')).createWasmSeq2Seq(loaded, { threads: opts.threads })
    : backend === 'webgpu' ? await webgpuGenerator(loaded) : undefined;
  opts.progress?.start('generating', inputs.length);
  const results: GenerateResult[] = [];
  try {
    for (const ids of inputs) {
      results.push(compiled ? await compiled.generate(ids, settings) : generateReference(loaded.model, loaded.tables, ids, s2s!.ids, settings));
      opts.progress?.tick();
    }
  } finally {
    compiled?.dispose();
  }
  opts.progress?.done();
  return { spec, settings, inputs, results, ...(tok ? { texts: results.map((r) => tok.decode(r.tokens)) } : {}) };
}

/** The WebGPU generator on Dawn in Node (the system's GPU, SwiftShader when it has none, as `hashee run` does). */
async function webgpuGenerator(loaded: LoadedSeq2Seq): Promise<{ generate(ids: readonly number[], s: GenerateSettings): Promise<GenerateResult>; dispose(): void }> {
  const [{ nodeGpu }, { createWebGpuSeq2Seq }] = await Promise.all([import('../../runtime/webgpu/node.ts'), import('../run/seq2seq-webgpu.ts')]);
  const gpu = await nodeGpu();
  const g = await createWebGpuSeq2Seq(loaded, { gpu });
  // Dawn's GPU object must outlive the device: it is held until dispose()
  return { generate: (ids, s) => g.generate(ids, s), dispose: () => { g.dispose(); void gpu; } };
}

function tokenizerOf(spec: Spec): ReturnType<typeof loadTokenizer> {
  if (!spec.tokenizer) {
    throw new HasheeError('spec-missing', 'text inputs need a tokenizer in the spec', { location: spec.locations.get('model'), keyPath: 'tokenizer', expected: 'tokenizer: { path: ... }, or token ids (--ids)' });
  }
  return loadTokenizer(spec.tokenizer.path);
}

export function formatGenerate(r: GenerateReport): string {
  const a = r.spec.seq2seq!.arch, s = r.settings;
  const lines = [`${r.spec.name}: encoder ${a.encoderLayers} layers, decoder ${a.decoderLayers} layers, hidden ${a.hidden}; ${s.backend === 'reference' ? `reference (${s.precision})` : `${s.backend} (f32)`}, ${s.beams === 1 ? 'greedy' : `beam search, ${s.beams} beams`}, at most ${s.maxNew} tokens${s.fullDepth ? ', full depth' : ''}`];
  r.results.forEach((g, i) => {
    const ratio = g.work.macs / g.work.fullDepthMacs;
    lines.push(`input ${i + 1}: ${r.inputs[i]!.length} tokens; encoder exits ${g.encoderExits.join(' ')}`);
    lines.push(`  generated ${g.tokens.length} tokens: ${g.tokens.join(' ')}`);
    if (r.texts) lines.push(`  text: ${JSON.stringify(r.texts[i])}`);
    lines.push(`  decoder exit layer per step: ${g.stepExits.join(' ')}`);
    lines.push(`  score ${g.score.toFixed(4)}; ${(g.work.flops / 1e6).toFixed(2)} MFLOPs, ${ratio.toFixed(3)} of full depth for the same steps`);
  });
  return `${lines.join('\n')}\n`;
}

export function generateJson(r: GenerateReport): object {
  return {
    spec: r.spec.name, settings: { backend: r.settings.backend, max_new: r.settings.maxNew, beams: r.settings.beams, precision: r.settings.precision, full_depth: r.settings.fullDepth },
    results: r.results.map((g, i) => ({
      input: r.inputs[i], tokens: g.tokens, ...(r.texts ? { text: r.texts[i] } : {}), step_exits: g.stepExits, encoder_exits: g.encoderExits, score: g.score,
      flops: g.work.flops, full_depth_flops: 2 * g.work.fullDepthMacs,
      macs: { encoder: g.work.encoder, cross: g.work.cross, decoder: g.work.decoder, head: g.work.head },
    })),
  };
}
