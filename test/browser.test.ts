// The WebGPU package in headless Chromium (WebGPU on SwiftShader): the tiny spec and a small multi-head model
// are compiled for webgpu, served from localhost and imported by a page, which runs single inputs and ragged
// batches, full depth and with exits; Node compares exits exactly and logits/h^L with the f32 reference.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec, parseSpecText } from '../compiler/spec/index.ts';
import { loadAll, type Loaded } from '../compiler/load.ts';
import { compilePackage } from '../compiler/package/assemble.ts';
import { runReference } from '../runtime/reference/index.ts';
import { launchChromium, serve } from './support/browser.ts';

/** runtime/webgpu/README.md: h^L within 2e-5 per layer run, logits within 2e-5 (absolute). */
const TOL = { hiddenPerLayer: 2e-5, logits: 2e-5 };
/** SwiftShader compiles each pipeline in about a second; a page that takes longer than this is hung. */
const PAGE_TIMEOUT_MS = 45_000;

/** 3 layers, d 64, 4 heads, gelu_tanh: several heads, partial 16/64 tiles, and 3 distinct exit layers. */
const SMALL_SPEC = `name: small
model: { layers: 3, hidden: 64, heads: 4, ffn: 160, vocab_size: 300, max_positions: 64, type_vocab_size: 2, activation: gelu_tanh, layer_norm_eps: 1.0e-12, norm: post }
head: { kind: classification, labels: 3 }
weights: { random: { seed: 7 } }
exit: { policy: random, seed: 3, buckets: 3 }
targets: [webgpu]
`;

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'hashee-browser-'));
const models: Record<string, Loaded> = {
  tiny: loadAll(loadSpec(join(ROOT, 'specs/tiny.yaml'))),
  small: loadAll(parseSpecText(SMALL_SPEC, join(work, 'small.yaml'))),
};
for (const [name, loaded] of Object.entries(models)) await compilePackage(loaded, join(work, name), { targets: ['webgpu'], toolVersion: '0.0.0-test' });

/** Deterministic ids in [3, vocab) framed by [CLS]=1 ... [SEP]=2. */
function seq(len: number, seed: number, vocab: number): number[] {
  return [1, ...Array.from({ length: len - 2 }, (_, i) => 3 + ((i * 37 + seed * 11) % (vocab - 3))), 2];
}

/** A single input and a ragged batch per model; the small batch has 63 rows (wide tiles, a partial last tile). */
const INPUTS: Record<string, { single: number[]; batch: number[][] }> = {
  tiny: { single: seq(7, 1, 64), batch: [seq(5, 2, 64), seq(2, 3, 64), seq(9, 4, 64)] },
  small: { single: seq(13, 5, 300), batch: [seq(17, 6, 300), seq(3, 7, 300), seq(43, 8, 300)] },
};

interface Outputs { exits: number[][]; logits: number[][]; lastHidden: number[][] }
interface PageCase { name: string; fullDepth: boolean; single: Outputs; batch: Outputs }
interface PageResult { browser: string; adapter: { vendor: string; architecture: string; device: string; description: string } | null; infos: string[]; cases: PageCase[] }

/** Runs in the page: loads each package on navigator.gpu and returns plain arrays (Float32Array does not cross). */
async function inPage(args: { inputs: Record<string, { single: number[]; batch: number[][] }> }): Promise<PageResult> {
  const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
  if (!gpu) throw new Error('navigator.gpu is missing: WebGPU is not enabled in this browser');
  const a = await gpu.requestAdapter();
  const adapter = a && { vendor: a.info.vendor, architecture: a.info.architecture, device: a.info.device, description: a.info.description };
  const plain = (xs: ArrayLike<number>[] | undefined): number[][] => (xs ?? []).map((x) => Array.from(x));
  const infos: string[] = [];
  const cases: PageCase[] = [];
  for (const [name, input] of Object.entries(args.inputs)) {
    const pkg = await import(`/${name}/browser.js`);
    const model = await pkg.load({ backend: 'webgpu' });
    infos.push(model.info);
    for (const fullDepth of [false, true]) {
      const one = async (ids: number[]): Promise<Outputs> => {
        const l = await model.run(ids, { fullDepth });
        const h = await model.run(ids, { fullDepth, output: 'last-hidden' });
        if (JSON.stringify(l.exits) !== JSON.stringify(h.exits)) throw new Error(`${name}: exits differ between outputs`);
        return { exits: [l.exits], logits: plain([l.logits]), lastHidden: plain([h.lastHidden]) };
      };
      const many = async (ids: number[][]): Promise<Outputs> => {
        const l = await model.run(ids, { fullDepth });
        const h = await model.run(ids, { fullDepth, output: 'last-hidden' });
        if (JSON.stringify(l.exits) !== JSON.stringify(h.exits)) throw new Error(`${name}: exits differ between outputs`);
        return { exits: l.exits, logits: plain(l.logits), lastHidden: plain(h.lastHidden) };
      };
      cases.push({ name, fullDepth, single: await one(input.single), batch: await many(input.batch) });
    }
    model.dispose();
  }
  return { browser: navigator.userAgent.match(/(Headless)?Chrome\/[\d.]+/)?.[0] ?? navigator.userAgent, adapter, infos, cases };
}

function maxAbs(a: readonly number[], b: ArrayLike<number>, what: string): number {
  assert.is(a.length, b.length, `${what}: lengths differ`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms); });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

test('Chromium runs the webgpu packages (tiny, small) on navigator.gpu: exits exact, logits and h^L within tolerance, no console errors', async () => {
  const mounts = Object.fromEntries(Object.keys(models).map((n) => [`/${n}/`, join(work, n)]));
  // The empty icon keeps Chromium from requesting /favicon.ico (a 404 is logged as a console error).
  const server = await serve(mounts, { '/': '<!doctype html><title>hashee webgpu</title><link rel="icon" href="data:,">' });
  const browser = await launchChromium(); // throws (fails the test) when /usr/bin/chromium is missing
  const errors: string[] = [];
  browser.page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()} (${m.location().url})`); });
  browser.page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  try {
    // tsx (esbuild keepNames) wraps named inner functions in __name(); page.evaluate ships inPage's source as is.
    await browser.page.addInitScript('globalThis.__name = (f) => f;');
    await browser.page.goto(`${server.url}/`);
    const got = await withTimeout(browser.page.evaluate(inPage, { inputs: INPUTS }), PAGE_TIMEOUT_MS, 'the page');
    assert.ok(got.adapter, 'navigator.gpu.requestAdapter() gave no adapter');
    const adapterName = [got.adapter.vendor, got.adapter.architecture, got.adapter.device, got.adapter.description].filter((s) => s).join(' / ');
    console.log(`${got.browser} WebGPU adapter: ${adapterName}; packages: ${got.infos.join('; ')}`);
    got.infos.forEach((info) => assert.ok(info.startsWith('webgpu on ') && info.includes(got.adapter!.vendor), `engine adapter: ${info}`));
    const worst = { hidden: 0, logits: 0 };
    for (const c of got.cases) {
      const { model, table } = models[c.name]!;
      const L = model.arch.layers;
      const input = INPUTS[c.name]!;
      for (const [kind, ids, out] of [['single', [input.single], c.single], ['batch', input.batch, c.batch]] as const) {
        const what = `${c.name} ${kind} ${c.fullDepth ? 'full depth' : 'with exits'}`;
        const ref = runReference(model, table, { ids: ids.map((s) => [...s]) }, { precision: 'f32', fullDepth: c.fullDepth });
        assert.equal(out.exits, ref.exits, `${what}: exits`);
        ids.forEach((_, b) => {
          const h = maxAbs(out.lastHidden[b]!, ref.lastHidden[b]!, `${what}: h^L of sequence ${b}`);
          const l = maxAbs(out.logits[b]!, ref.logits![b]!, `${what}: logits of sequence ${b}`);
          assert.ok(h <= TOL.hiddenPerLayer * L, `${what}: h^L of sequence ${b} off by ${h}`);
          assert.ok(l <= TOL.logits, `${what}: logits of sequence ${b} off by ${l}`);
          worst.hidden = Math.max(worst.hidden, h);
          worst.logits = Math.max(worst.logits, l);
        });
      }
    }
    console.log(`browser WebGPU vs f32 reference, max abs error: h^L ${worst.hidden.toExponential(1)}, logits ${worst.logits.toExponential(1)}`);
    assert.equal(errors, [], 'browser console errors');
  } finally {
    await browser.close();
    await server.close();
  }
});

test.after(() => rmSync(work, { recursive: true, force: true }));

test.run();
