// The browser demo page (demo/, `npm run demo`) in headless Chromium, driven like a person would: type a
// sentence, click Run, read the page. Tokens, their exit layers and the logits must be the reference
// executor's; both backends report a time; the single-thread note shows when the page is not isolated.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '../compiler/spec/index.ts';
import { loadAll } from '../compiler/load.ts';
import { compilePackage } from '../compiler/package/assemble.ts';
import { encodeTexts } from '../compiler/corpus/tokenize.ts';
import { runReference } from '../runtime/reference/index.ts';
import { serveDemo } from '../demo/server.ts';
import { launchChromium } from './support/browser.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'hashee-demo-test-'));
const specFile = join(work, 'demo.yaml');
writeFileSync(specFile, [
  'name: demo-sst2',
  'model: { layers: 4, hidden: 16, heads: 2, ffn: 32, vocab_size: 30522, max_positions: 64 }',
  'head: { kind: classification, labels: 2 }',
  'weights: { random: { seed: 5, std: 0.2 } }',
  `tokenizer: { path: ${ROOT}data/sst2/tokenizer.json, special_ids: { cls: 101, sep: 102, pad: 0, unk: 100, mask: 103 } }`,
  `exit: { policy: frequency, buckets: 4, corpus: { files: [${ROOT}data/sst2/dev.tsv], text_columns: [sentence] } }`,
  '',
].join('\n'));
const loaded = loadAll(loadSpec(specFile));
await compilePackage(loaded, join(work, 'pkg'), { targets: ['wasm', 'webgpu'], toolVersion: '0.0.0-test' });
writeFileSync(join(work, 'config.json'), JSON.stringify({ labels: ['negative', 'positive'] }));
const mounts = {
  '/': join(ROOT, 'demo'), '/pkg/': join(work, 'pkg'), '/config.json': join(work, 'config.json'),
  '/vendor/tokenizers.mjs': join(ROOT, 'node_modules/@huggingface/tokenizers/dist/tokenizers.mjs'),
};
const SENTENCE = 'the film is a gorgeous , witty and seductive mess .';

test('type, click Run, read the page: tokens coloured by the reference exits, its logits, both backends timed', async () => {
  const server = await serveDemo(mounts);
  const browser = await launchChromium();
  const errors: string[] = [];
  browser.page.on('pageerror', (e) => errors.push(e.message));
  try {
    const page = browser.page;
    await page.goto(`${server.url}/`);
    await page.waitForSelector('#run[data-ready="true"]', { timeout: 120_000 });
    assert.match(await page.textContent('#isolation') ?? '', 'cross-origin isolated: the WASM engine runs on several threads');
    assert.is(await page.getAttribute('#progress', 'value'), '1');
    await page.fill('#text', SENTENCE);
    await page.click('#run');
    await page.waitForSelector('#run[data-runs="1"]', { timeout: 120_000 });
    const shown = await page.$$eval('#tokens span', (spans) => spans.map((s) => ({ token: s.textContent, exit: Number(s.getAttribute('data-exit')) })));
    const encoded = encodeTexts(loaded.spec, [SENTENCE]);
    const ref = runReference(loaded.model, loaded.table, { ids: encoded.ids }, { precision: 'f32' });
    assert.equal(shown.map((s) => s.token), encoded.tokens[0]);
    assert.equal(shown.map((s) => s.exit), ref.exits[0]);
    const logits = await page.$$eval('#logits tr td:nth-child(2)', (tds) => tds.map((t) => Number(t.textContent)));
    Array.from(ref.logits![0]!).forEach((v, i) => assert.ok(Math.abs(v - logits[i]!) <= 1e-4, `logit ${i}: ${logits[i]} vs ${v}`));
    const predicted = await page.textContent('#logits tr.predicted td');
    assert.is(predicted, ref.logits![0]![1]! > ref.logits![0]![0]! ? 'positive' : 'negative');
    for (const backend of ['wasm', 'webgpu']) {
      const t = await page.textContent(`#timing tr[data-backend="${backend}"] .t-exits`);
      assert.match(t ?? '', /^\d+\.\d ms$/, `${backend} timed`);
    }
    assert.match(await page.textContent('#flops') ?? '', /MFLOP executed vs .* at full depth: \d+\.\d% saved/);
    const shot = join(work, 'demo.png');
    await page.screenshot({ path: shot, fullPage: true });
    assert.ok(statSync(shot).size > 10_000);
    if (process.env['HASHEE_DEMO_SHOT']) writeFileSync(process.env['HASHEE_DEMO_SHOT'], readFileSync(shot));
    assert.equal(errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('served without COOP/COEP the page says the WASM engine falls back to one thread, and still runs', async () => {
  const server = await serveDemo(mounts, 0, false);
  const browser = await launchChromium();
  try {
    const page = browser.page;
    await page.goto(`${server.url}/`);
    await page.waitForSelector('#run[data-ready="true"]', { timeout: 120_000 });
    assert.match(await page.textContent('#isolation .note') ?? '', 'falls back to one thread');
    await page.click('#run');
    await page.waitForSelector('#run[data-runs="1"]', { timeout: 120_000 });
    assert.ok((await page.$$('#tokens span')).length > 3);
  } finally {
    await browser.close();
    await server.close();
  }
});

test.after(() => rmSync(work, { recursive: true, force: true }));

test.run();
