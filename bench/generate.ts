// `npm run bench:generate`: generation of `--tokens` tokens (greedy) from SST-2 dev sentences with an
// encoder-decoder spec (default specs/bart-base.yaml: BART-base's shape, seeded weights) on the WASM target,
// full depth against the spec's exits, alternating in one process; prints medians, spread, the time ratio
// next to the expected FLOPs ratio of the same steps, and writes JSON. Peer: onnxruntime-web (wasm, one
// thread) running the same model exported by `hashee export-onnx` (encoder, first decoder step, decoder with
// past K/V), greedy in the same loop, at full depth.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { exportSeq2SeqOnnx, SEQ2SEQ_FILES } from '../compiler/onnx/seq2seq.ts';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { loadSeq2Seq } from '../compiler/load.ts';
import { createWasmSeq2Seq } from '../compiler/run/seq2seq-wasm.ts';
import { loadSpec } from '../compiler/spec/index.ts';
import { sst2Sentences } from './workloads.ts';

const root = new URL('../', import.meta.url);
const { values } = parseArgs({
  options: {
    spec: { type: 'string', default: 'specs/bart-base.yaml' },
    tokens: { type: 'string', default: '32' },
    sentences: { type: 'string', default: '4' },
    reps: { type: 'string', default: '5' },
    beams: { type: 'string', default: '1' },
    out: { type: 'string', default: 'bench/results' },
  },
});

const median = (xs: number[]): number => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };
const quantile = (xs: number[], q: number): number => { const s = [...xs].sort((a, b) => a - b); const i = (s.length - 1) * q; const lo = Math.floor(i); return s[lo]! + (s[Math.ceil(i)]! - s[lo]!) * (i - lo); };

const spec = loadSpec(new URL(values.spec!, root).pathname);
const t0 = performance.now();
const loaded = loadSeq2Seq(spec);
const maxNew = Number(values.tokens), beams = Number(values.beams), reps = Number(values.reps);
const V = loaded.model.arch.vocabSize;
// fixed-length runs: eos is the pad id, so every run takes maxNew steps (a generated pad is reported)
const ids = { ...spec.seq2seq!.ids, eos: (spec.tokenizer?.specialIds.pad ?? 1) };
const model = await createWasmSeq2Seq(loaded, { ids });
const setupMs = performance.now() - t0;
const sources = sst2Sentences(root, Number(values.sentences)).map((s) => s.map((id) => id % V));
console.error(`bench:generate: ${spec.name}, ${sources.length} sentences x ${maxNew} tokens, beams ${beams}, ${reps} reps; ${model.info}; ${cpus().length} cpus; setup ${setupMs.toFixed(0)} ms`);

// the same model as ONNX files, for onnxruntime-web
const cache = new URL(`bench/cache/${spec.hash.slice(0, 16)}/seq2seq/`, root).pathname;
if (!existsSync(`${cache}${SEQ2SEQ_FILES.decoderWithPast}`)) {
  mkdirSync(cache, { recursive: true });
  const files = exportSeq2SeqOnnx(loaded.model);
  writeFileSync(`${cache}${SEQ2SEQ_FILES.encoder}`, files.encoder);
  writeFileSync(`${cache}${SEQ2SEQ_FILES.decoder}`, files.decoder);
  writeFileSync(`${cache}${SEQ2SEQ_FILES.decoderWithPast}`, files.decoderWithPast);
}
const ort = await import('onnxruntime-web');
ort.env.wasm.numThreads = 1;
ort.env.logLevel = 'error';
const session = (file: string) => ort.InferenceSession.create(readFileSync(`${cache}${file}`), { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
const [ortEncoder, ortFirst, ortWithPast] = await Promise.all([session(SEQ2SEQ_FILES.encoder), session(SEQ2SEQ_FILES.decoder), session(SEQ2SEQ_FILES.decoderWithPast)]);
const L = loaded.model.arch.decoderLayers;
const i64 = (xs: readonly number[]) => new ort.Tensor('int64', BigInt64Array.from(xs.map(BigInt)), [1, xs.length]);
/** Greedy generation on onnxruntime-web: the tokens produced. */
async function ortGenerate(source: readonly number[]): Promise<number[]> {
  const e = await ortEncoder.run({ input_ids: i64(source), attention_mask: i64(source.map(() => 1)), token_type_ids: i64(source.map(() => 0)) });
  let past: Record<string, InstanceType<typeof ort.Tensor>> = {};
  let fed = ids.decoderStart;
  const produced: number[] = [];
  for (let pos = 0; pos < maxNew; pos++) {
    const out = pos === 0 ? await ortFirst.run({ input_ids: i64([fed]), encoder_hidden_states: e['last_hidden_state']! }) : await ortWithPast.run({ input_ids: i64([fed]), ...past });
    const logits = out['logits']!.data as Float32Array;
    let best = 0;
    for (let t = 1; t < logits.length; t++) if (logits[t]! > logits[best]!) best = t;
    const next: typeof past = {};
    for (let l = 0; l < L; l++) {
      for (const t of ['key', 'value']) {
        next[`past_key_values.${l}.decoder.${t}`] = out[`present.${l}.decoder.${t}`]!;
        next[`past_key_values.${l}.encoder.${t}`] = pos === 0 ? out[`present.${l}.encoder.${t}`]! : past[`past_key_values.${l}.encoder.${t}`]!;
      }
    }
    past = next;
    produced.push(best);
    if (best === ids.eos) break;
    fed = best;
  }
  return produced;
}

type Mode = 'full' | 'exits' | 'ort-web';
const times: Record<Mode, number[]> = { full: [], exits: [], 'ort-web': [] };
const work: Record<Mode, { macs: number; fullDepthMacs: number; tokens: number }> = {
  full: { macs: 0, fullDepthMacs: 0, tokens: 0 }, exits: { macs: 0, fullDepthMacs: 0, tokens: 0 }, 'ort-web': { macs: 0, fullDepthMacs: 0, tokens: 0 },
};
const outputs: Record<Mode, number[][]> = { full: [], exits: [], 'ort-web': [] };
const once = async (mode: Mode): Promise<number> => {
  const t = performance.now();
  if (mode === 'ort-web') {
    let tokens = 0;
    outputs[mode] = [];
    for (const s of sources) {
      const produced = await ortGenerate(s);
      outputs[mode].push(produced);
      tokens += produced.length;
    }
    work[mode] = { ...work.full, tokens };
    return performance.now() - t;
  }
  let macs = 0, full = 0, tokens = 0;
  for (const s of sources) {
    const r = model.generate(s, { maxNew, beams, fullDepth: mode === 'full' });
    if (s === sources[0]) outputs[mode] = [];
    outputs[mode].push(r.tokens);
    macs += r.work.macs; full += r.work.fullDepthMacs; tokens += r.tokens.length;
  }
  work[mode] = { macs, fullDepthMacs: full, tokens };
  return performance.now() - t;
};
const MODES: Mode[] = ['full', 'exits', 'ort-web'];
const warmup: Partial<Record<Mode, number>> = {};
for (const mode of MODES) warmup[mode] = await once(mode);
for (let r = 0; r < reps; r++) {
  for (let i = 0; i < MODES.length; i++) {
    const mode = MODES[(i + r) % MODES.length]!; // rotate the order every rep
    times[mode].push(await once(mode));
  }
}
model.dispose();
await Promise.all([ortEncoder.release(), ortFirst.release(), ortWithPast.release()]);

const rows = MODES.map((mode) => ({
  runner: mode === 'ort-web' ? 'ort-web' : `hashee-wasm-${mode}`, median_ms: median(times[mode]), p25_ms: quantile(times[mode], 0.25), p75_ms: quantile(times[mode], 0.75),
  samples_ms: times[mode], warmup_ms: warmup[mode], tokens: work[mode].tokens, ms_per_token: median(times[mode]) / work[mode].tokens,
}));
const expected = work.exits.macs / work.exits.fullDepthMacs;
const measured = rows[1]!.ms_per_token / rows[0]!.ms_per_token;
const web = rows[2]!.ms_per_token;
const out = ['| runner | median ms | p25–p75 ms | tokens | ms / token | vs ort-web per token | exits/full time per token (expected FLOPs) |', '|---|---|---|---|---|---|---|'];
for (const r of rows) {
  out.push(`| ${r.runner} | ${r.median_ms.toFixed(0)} | ${r.p25_ms.toFixed(0)}–${r.p75_ms.toFixed(0)} | ${r.tokens} | ${r.ms_per_token.toFixed(2)} | ${(r.ms_per_token / web).toFixed(2)} | ${r.runner.endsWith('exits') ? `${measured.toFixed(3)} (${expected.toFixed(3)})` : ''} |`);
}
if (work.full.tokens !== work.exits.tokens || work.full.tokens !== sources.length * maxNew || work['ort-web'].tokens !== work.full.tokens) console.error(`bench:generate: NOTE a run ended early on eos (${work.full.tokens} / ${work.exits.tokens} / ${work['ort-web'].tokens} of ${sources.length * maxNew} tokens): times are compared per token`);
const agree = outputs.full.filter((t, i) => t.join() === outputs['ort-web'][i]?.join()).length;
console.log(out.join('\n'));
console.log(`\ngreedy tokens: hashee-wasm full depth and onnxruntime-web agree on ${agree} of ${sources.length} sentences${beams > 1 ? ' (ort-web runs greedy; hashee with beams)' : ''}`);
mkdirSync(new URL(`${values.out}/`, root), { recursive: true });
const file = new URL(`${values.out}/generate-${spec.name}.json`, root);
writeFileSync(file, `${JSON.stringify({ spec: spec.name, tokens: maxNew, beams, sentences: sources.length, reps, cpus: cpus().length, setup_ms: setupMs, info: model.info, expected_flops_ratio: expected, measured_time_ratio: measured, tokens_agree_with_ort_web: agree, results: rows }, null, 2)}\n`);
console.error(`wrote ${file.pathname}`);
