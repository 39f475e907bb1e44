// `npm run bench:generate`: decoding `--tokens` tokens per SST-2 dev sentence with an encoder-decoder spec
// (default specs/bart-base.yaml: BART-base's shape, seeded weights) on the WASM target, full depth against
// the spec's exits, next to onnxruntime-web (wasm, one thread) running the same model exported by
// `hashee export-onnx` (encoder, first decoder step, decoder with past K/V), all alternating in one process,
// at `--threads` (default 1) for both.
// Two ways of decoding: greedy generation, and teacher forcing of the next SST-2 sentences (the fed ids then
// have a real token mix: a seeded model's greedy output repeats one id, so its decoder exits say little).
// Prints medians, spread, per-token ratios to onnxruntime-web and the exits/full time ratio next to the
// expected FLOPs ratio of the same steps; writes JSON.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { loadSeq2Seq } from '../compiler/load.ts';
import { exportSeq2SeqOnnx, SEQ2SEQ_FILES } from '../compiler/onnx/seq2seq.ts';
import { createWasmSeq2Seq } from '../compiler/run/seq2seq-wasm.ts';
import { loadSpec } from '../compiler/spec/index.ts';
import { fixedLength, sst2Sentences } from './workloads.ts';
import { median, quantile } from './stats.ts';
import { benchCache } from './cache.ts';

const root = new URL('../', import.meta.url);
const { values } = parseArgs({
  options: {
    spec: { type: 'string', default: 'specs/bart-base.yaml' },
    tokens: { type: 'string', default: '32' },
    sentences: { type: 'string', default: '4' },
    reps: { type: 'string', default: '5' },
    threads: { type: 'string', default: '1' },     // hashee (encoder and decoder products) and onnxruntime-web alike
    out: { type: 'string', default: 'bench/results' },
  },
});


const spec = loadSpec(new URL(values.spec!, root).pathname);
const t0 = performance.now();
const loaded = loadSeq2Seq(spec);
const maxNew = Number(values.tokens), reps = Number(values.reps), count = Number(values.sentences), threads = Number(values.threads);
const V = loaded.model.arch.vocabSize, L = loaded.model.arch.decoderLayers;
// fixed-length greedy runs: eos is the pad id, so every run takes maxNew steps (a run that still ends is reported)
const ids = { ...spec.seq2seq!.ids, eos: spec.tokenizer?.specialIds.pad ?? 1 };
const model = await createWasmSeq2Seq(loaded, { ids, threads });
const corpus = sst2Sentences(root, 2 * count).map((s) => s.map((id) => id % V));
const sources = corpus.slice(0, count);
// teacher-forced targets: maxNew tokens of the sentences after each source (cycling the corpus)
const targets = sources.map((_, i) => fixedLength(corpus.slice(count), maxNew + 2, i * maxNew).slice(1, -1));

const cache = `${benchCache(root, spec)}seq2seq/`;
if (!existsSync(`${cache}${SEQ2SEQ_FILES.decoderWithPast}`)) {
  mkdirSync(cache, { recursive: true });
  const files = exportSeq2SeqOnnx(loaded.model);
  writeFileSync(`${cache}${SEQ2SEQ_FILES.encoder}`, files.encoder);
  writeFileSync(`${cache}${SEQ2SEQ_FILES.decoder}`, files.decoder);
  writeFileSync(`${cache}${SEQ2SEQ_FILES.decoderWithPast}`, files.decoderWithPast);
}
const ort = await import('onnxruntime-web');
ort.env.wasm.numThreads = threads;
ort.env.logLevel = 'error';
const session = (file: string) => ort.InferenceSession.create(readFileSync(`${cache}${file}`), { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
const [ortEncoder, ortFirst, ortWithPast] = await Promise.all([session(SEQ2SEQ_FILES.encoder), session(SEQ2SEQ_FILES.decoder), session(SEQ2SEQ_FILES.decoderWithPast)]);
const setupMs = performance.now() - t0;
console.error(`bench:generate: ${spec.name}, ${sources.length} sentences x ${maxNew} tokens, ${reps} reps; hashee ${model.info}; onnxruntime-web ${ort.env.versions.web} wasm, ${threads} thread(s); ${cpus().length} cpus; setup ${setupMs.toFixed(0)} ms`);

const i64 = (xs: readonly number[]) => new ort.Tensor('int64', BigInt64Array.from(xs.map(BigInt)), [1, xs.length]);
/** onnxruntime-web decoding one source: greedy (target undefined) or teacher-forced; the tokens produced. */
async function ortDecode(source: readonly number[], target?: readonly number[]): Promise<number[]> {
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
    const token = target ? target[pos]! : best;
    produced.push(token);
    if (!target && token === ids.eos) break;
    fed = token;
  }
  return produced;
}

type Kind = 'greedy' | 'forced';
type Runner = 'hashee-wasm-full' | 'hashee-wasm-exits' | 'ort-web';
const RUNNERS: Runner[] = ['hashee-wasm-full', 'hashee-wasm-exits', 'ort-web'];
interface Pass { ms: number; tokens: number; macs: number; fullDepthMacs: number; outputs: number[][] }

async function pass(kind: Kind, runner: Runner): Promise<Pass> {
  const t = performance.now();
  const outputs: number[][] = [];
  let macs = 0, fullDepthMacs = 0;
  for (const [i, s] of sources.entries()) {
    const target = kind === 'forced' ? targets[i]! : undefined;
    if (runner === 'ort-web') { outputs.push(await ortDecode(s, target)); continue; }
    const r = model.generate(s, { maxNew, fullDepth: runner === 'hashee-wasm-full', ...(target ? { target } : {}) });
    outputs.push(r.tokens);
    macs += r.work.macs;
    fullDepthMacs += r.work.fullDepthMacs;
  }
  return { ms: performance.now() - t, tokens: outputs.reduce((n, o) => n + o.length, 0), macs, fullDepthMacs, outputs };
}

const rows: Record<string, unknown>[] = [];
const table = ['| decoding | runner | median ms | p25–p75 ms | tokens | ms / token | vs ort-web per token | exits/full time per token (expected FLOPs) |', '|---|---|---|---|---|---|---|---|'];
const notes: string[] = [];
for (const kind of ['greedy', 'forced'] as Kind[]) {
  const last = new Map<Runner, Pass>();
  const times = new Map<Runner, number[]>(RUNNERS.map((r) => [r, []]));
  const warmup = new Map<Runner, number>();
  for (const r of RUNNERS) warmup.set(r, (await pass(kind, r)).ms);
  for (let rep = 0; rep < reps; rep++) {
    for (let i = 0; i < RUNNERS.length; i++) {
      const r = RUNNERS[(i + rep) % RUNNERS.length]!; // rotate the order every rep
      const p = await pass(kind, r);
      times.get(r)!.push(p.ms);
      last.set(r, p);
    }
  }
  const perToken = (r: Runner): number => median(times.get(r)!) / last.get(r)!.tokens;
  const exits = last.get('hashee-wasm-exits')!;
  const expected = exits.macs / exits.fullDepthMacs;
  const measured = perToken('hashee-wasm-exits') / perToken('hashee-wasm-full');
  for (const r of RUNNERS) {
    const xs = times.get(r)!, p = last.get(r)!;
    table.push(`| ${kind} | ${r} | ${median(xs).toFixed(0)} | ${quantile(xs, 0.25).toFixed(0)}–${quantile(xs, 0.75).toFixed(0)} | ${p.tokens} | ${perToken(r).toFixed(2)} | ${(perToken(r) / perToken('ort-web')).toFixed(2)} | ${r === 'hashee-wasm-exits' ? `${measured.toFixed(3)} (${expected.toFixed(3)})` : ''} |`);
    rows.push({ decoding: kind, runner: r, median_ms: median(xs), p25_ms: quantile(xs, 0.25), p75_ms: quantile(xs, 0.75), samples_ms: xs, warmup_ms: warmup.get(r), tokens: p.tokens, ms_per_token: perToken(r), vs_ort_web_per_token: perToken(r) / perToken('ort-web'), ...(r === 'hashee-wasm-exits' ? { expected_flops_ratio: expected, measured_time_ratio: measured } : {}) });
  }
  const full = last.get('hashee-wasm-full')!, web = last.get('ort-web')!;
  if (kind === 'greedy') {
    const agree = full.outputs.filter((o, i) => o.join() === web.outputs[i]!.join()).length;
    notes.push(`greedy: hashee-wasm at full depth and onnxruntime-web produce the same tokens for ${agree} of ${sources.length} sentences`);
    const steps = exits.outputs.flat().length;
    if (steps !== sources.length * maxNew) notes.push(`greedy: a run ended on eos early (${steps} of ${sources.length * maxNew} tokens): times are compared per token`);
  }
}
model.dispose();
await Promise.all([ortEncoder.release(), ortFirst.release(), ortWithPast.release()]);
console.log(table.join('\n'));
console.log(`\n${notes.join('\n')}`);
mkdirSync(new URL(`${values.out}/`, root), { recursive: true });
const file = new URL(`${values.out}/generate-${spec.name}-t${threads}.json`, root);
writeFileSync(file, `${JSON.stringify({ spec: spec.name, threads, tokens: maxNew, sentences: sources.length, reps, cpus: cpus().length, setup_ms: setupMs, hashee: model.info, notes, results: rows }, null, 2)}\n`);
console.error(`wrote ${file.pathname}`);
