// `hashee report`: the page's numbers against a direct count of the exit table over the corpus, one SVG
// plot per figure (Vega-Lite rendered in Node, nothing fetched), deterministic bytes, the benchmark bars
// from a results file, and located errors for bad inputs.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../compiler/cli.ts';
import { loadSpec } from '../compiler/spec/index.ts';
import { loadAll } from '../compiler/load.ts';
import { scheduleFor } from '../compiler/schedule/report.ts';
import { reportData, renderReport } from '../compiler/report/index.ts';
import { readSpecCorpus } from '../compiler/corpus/read.ts';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const code = await main(argv, { out: (s) => { out += s; }, err: (s) => { err += s; } });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'hashee-report-'));
const ROOT = new URL('../', import.meta.url).pathname;
// A small model over the shipped SST-2 corpus and tokenizer with the frequency hash: 4 layers, 4 buckets.
const specFile = join(dir, 'small.yaml');
writeFileSync(specFile, [
  'name: small-sst2',
  'model: { layers: 4, hidden: 16, heads: 2, ffn: 32, vocab_size: 30522, max_positions: 128 }',
  'head: { kind: classification, labels: 2 }',
  'weights: { random: { seed: 3 } }',
  `tokenizer: { path: ${ROOT}data/sst2/tokenizer.json, special_ids: { cls: 101, sep: 102, pad: 0, unk: 100, mask: 103 } }`,
  `exit: { policy: frequency, buckets: 4, corpus: { files: [${ROOT}data/sst2/dev.tsv], text_columns: [sentence] } }`,
  '',
].join('\n'));
const loaded = loadAll(loadSpec(specFile));
const schedule = scheduleFor(loaded);

test('the numbers: active tokens per layer and FLOPs by length agree with a direct count over the corpus', () => {
  const d = reportData(loaded, schedule, { sample: 10 });
  const sequences = readSpecCorpus(loaded.spec)!.sequences;
  assert.is(d.active.length, 10);
  for (const a of d.active) {
    const ids = sequences[a.sentence]!;
    assert.is(a.tokens, ids.length);
    // a token is active at layer l while its exit layer (the table's, L for unseen ids) is at least l
    const want = [1, 2, 3, 4].map((l) => ids.filter((id) => (loaded.table[id] ?? 4) >= l).length);
    assert.equal(a.perLayer, want, `sentence ${a.sentence}`);
  }
  assert.is(d.byLength.reduce((s, b) => s + b.sentences, 0), sequences.length);
  assert.ok(d.byLength.every((b) => b.flopsRatio > 0 && b.flopsRatio <= 1));
  assert.equal(d.massPerLayer, schedule.stats.corpus!.massPerLayer);
});

test('the page: one inline SVG per plot, no scripts or fetched resources, same bytes every time', async () => {
  const d = reportData(loaded, schedule);
  const a = await renderReport(d, { header: 'hashee test' });
  const b = await renderReport(reportData(loaded, scheduleFor(loaded)), { header: 'hashee test' });
  assert.is(a, b);
  assert.is((a.match(/<svg /g) ?? []).length, 3);
  for (const title of ['Exit layers', 'Active tokens per layer', 'Expected FLOPs ratio vs sentence length']) assert.match(a, `<h2>${title}</h2>`);
  assert.not.match(a, /<script|https?:\/\/(?!www\.w3\.org)/);
  assert.match(a, /expected FLOPs vs full depth<\/td><td>0\.\d{3}/);
});

test('hashee report --out writes the page; --bench adds the benchmark bars; --json prints the numbers', async () => {
  const bench = join(dir, 'bench.json');
  writeFileSync(bench, JSON.stringify({ results: [
    { threads: 1, workload: 'sst2-b1', runner: 'hashee-wasm-exits', median_ms: 10, p25_ms: 9, p75_ms: 11 },
    { threads: 1, workload: 'sst2-b1', runner: 'ort-web', median_ms: 40, p25_ms: 38, p75_ms: 45 },
  ] }));
  const out = join(dir, 'report.html');
  const r = await cli('report', specFile, '--out', out, '--bench', bench);
  assert.is(r.code, 0, r.err);
  const html = readFileSync(out, 'utf8');
  assert.match(html, '<h2>Benchmark</h2>');
  assert.is((html.match(/<svg /g) ?? []).length, 4);
  const json = await cli('report', specFile, '--json');
  assert.is(json.code, 0, json.err);
  assert.is((JSON.parse(json.out) as { layers: number }).layers, 4);
});

test('bad inputs: a bench file that is not JSON or not results, a missing --out', async () => {
  const notJson = join(dir, 'bad.json');
  writeFileSync(notJson, '{ results: [');
  const a = await cli('report', specFile, '--out', join(dir, 'x.html'), '--bench', notJson);
  assert.is(a.code, 1);
  assert.match(a.err, /--bench .*bad\.json: not valid JSON/);
  writeFileSync(notJson, '{"results": [{"runner": "x"}]}');
  const b = await cli('report', specFile, '--out', join(dir, 'x.html'), '--bench', notJson);
  assert.is(b.code, 1);
  assert.match(b.err, /results\[0\]/);
  assert.not.ok(existsSync(join(dir, 'x.html')), 'nothing written');
  const c = await cli('report', specFile);
  assert.is(c.code, 1);
  assert.match(c.err, /--out REPORT\.html is required/);
});

test.run();
