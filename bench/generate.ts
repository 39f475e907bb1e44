// `npm run bench:generate`: generation of `--tokens` tokens (greedy) from SST-2 dev sentences with an
// encoder-decoder spec (default specs/bart-base.yaml: BART-base's shape, seeded weights) on the WASM target,
// full depth against the spec's exits, alternating in one process; prints medians, spread, the time ratio
// next to the expected FLOPs ratio of the same steps, and writes JSON. No onnxruntime peer yet: hashee does
// not export encoder-decoder models to ONNX (say so in the table rather than leave it out).

import { mkdirSync, writeFileSync } from 'node:fs';
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

type Mode = 'full' | 'exits';
const times: Record<Mode, number[]> = { full: [], exits: [] };
const work: Record<Mode, { macs: number; fullDepthMacs: number; tokens: number }> = { full: { macs: 0, fullDepthMacs: 0, tokens: 0 }, exits: { macs: 0, fullDepthMacs: 0, tokens: 0 } };
const once = (mode: Mode): number => {
  const t = performance.now();
  let macs = 0, full = 0, tokens = 0;
  for (const s of sources) {
    const r = model.generate(s, { maxNew, beams, fullDepth: mode === 'full' });
    macs += r.work.macs; full += r.work.fullDepthMacs; tokens += r.tokens.length;
  }
  work[mode] = { macs, fullDepthMacs: full, tokens };
  return performance.now() - t;
};
const warmup = { full: once('full'), exits: once('exits') };
for (let r = 0; r < reps; r++) {
  for (const mode of (r % 2 ? ['exits', 'full'] : ['full', 'exits']) as Mode[]) times[mode].push(once(mode));
}
model.dispose();

const rows = (['full', 'exits'] as Mode[]).map((mode) => ({
  runner: `hashee-wasm-${mode}`, median_ms: median(times[mode]), p25_ms: quantile(times[mode], 0.25), p75_ms: quantile(times[mode], 0.75),
  samples_ms: times[mode], warmup_ms: warmup[mode], tokens: work[mode].tokens, ms_per_token: median(times[mode]) / work[mode].tokens,
  gflops: (2 * work[mode].macs) / 1e9, gflops_per_s: (2 * work[mode].macs) / (median(times[mode]) * 1e6),
}));
const expected = work.exits.macs / work.exits.fullDepthMacs;
const measured = rows[1]!.ms_per_token / rows[0]!.ms_per_token;
const out = ['| runner | median ms | p25–p75 ms | tokens | ms / token | GFLOP/s | exits/full time per token (expected FLOPs) |', '|---|---|---|---|---|---|---|'];
for (const r of rows) {
  out.push(`| ${r.runner} | ${r.median_ms.toFixed(0)} | ${r.p25_ms.toFixed(0)}–${r.p75_ms.toFixed(0)} | ${r.tokens} | ${r.ms_per_token.toFixed(2)} | ${r.gflops_per_s.toFixed(1)} | ${r.runner.endsWith('exits') ? `${measured.toFixed(3)} (${expected.toFixed(3)})` : ''} |`);
}
out.push('| onnxruntime-web | not run: hashee does not export encoder-decoder models to ONNX yet | | | | | |');
if (work.full.tokens !== work.exits.tokens || work.full.tokens !== sources.length * maxNew) console.error(`bench:generate: NOTE a run ended early on eos (${work.full.tokens} / ${work.exits.tokens} of ${sources.length * maxNew} tokens): times are compared per token`);
console.log(out.join('\n'));
mkdirSync(new URL(`${values.out}/`, root), { recursive: true });
const file = new URL(`${values.out}/generate-${spec.name}.json`, root);
writeFileSync(file, `${JSON.stringify({ spec: spec.name, tokens: maxNew, beams, sentences: sources.length, reps, cpus: cpus().length, setup_ms: setupMs, info: model.info, expected_flops_ratio: expected, measured_time_ratio: measured, results: rows }, null, 2)}\n`);
console.error(`wrote ${file.pathname}`);
