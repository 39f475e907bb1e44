// The compiled package of an encoder-decoder (`hashee compile` on specs/bart-tiny.yaml): its Node entry's
// load() generates what the reference executor does (tokens, exits per step, FLOPs; greedy and beam), the
// package is deterministic (same bytes twice), a damaged file and bad input are clear errors, its webgpu
// backend runs on Dawn (found by the Node entry itself too), the package's README and package.json say
// how to use it, and headless Chromium runs its browser entry from localhost.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { main } from '../compiler/cli.ts';
import { generate } from '../compiler/api.ts';
import { REPO } from './fixtures/specs/expect.ts';
import { launchChromium, serve } from './support/browser.ts';
import { nodeGpu, SWIFTSHADER_ICD } from '../runtime/webgpu/node.ts';

const TINY = join(REPO, 'specs/bart-tiny.yaml');
const dir = mkdtempSync(join(tmpdir(), 'hashee-s2s-pkg-'));
const io = { out: () => {}, err: () => {} };

interface PackageModel {
  generate(input: string | number[], opts?: { maxNew?: number; beams?: number; fullDepth?: boolean }): Promise<{ tokens: number[]; stepExits: number[]; work: { flops: number } }>;
  dispose(): void;
  readonly info: string;
}

async function loadPackage(at: string, query = '', options: Record<string, unknown> = {}): Promise<PackageModel> {
  const mod = (await import(`${pathToFileURL(join(at, 'index.js')).href}${query}`)) as { load(o: Record<string, unknown>): Promise<PackageModel> };
  return mod.load(options);
}

test('the package generates what the reference does: tokens, exits per step, FLOPs, greedy and beam', async () => {
  const out = join(dir, 'pkg');
  assert.is(await main(['compile', TINY, '--out', out], io), 0);
  const model = await loadPackage(out);
  try {
    for (const beams of [1, 3]) {
      const got = await model.generate([0, 5, 9, 17, 33, 2], { beams });
      const want = (await generate(TINY, { ids: [0, 5, 9, 17, 33, 2] }, { beams, precision: 'f32' })).results[0]!;
      assert.equal(got.tokens, want.tokens, `beams ${beams}`);
      assert.equal(got.stepExits, want.stepExits);
      assert.is(got.work.flops, want.work.flops);
    }
    const threaded = await loadPackage(out, '', { threads: 2 });
    try {
      assert.match(threaded.info, 'decoder 2 thread(s)');
      const a = await model.generate([0, 5, 9, 17, 33, 2], { beams: 3 }), b = await threaded.generate([0, 5, 9, 17, 33, 2], { beams: 3 });
      assert.equal(b.tokens, a.tokens, 'two threads generate what one does');
    } finally {
      threaded.dispose();
    }
    try {
      await model.generate([0, 64, 2]);
      assert.unreachable('id 64 is outside the vocabulary');
    } catch (e) {
      assert.match((e as Error).message, 'token id 64 is outside the vocabulary 0..63');
    }
    try {
      await model.generate('a text');
      assert.unreachable('no tokenizer');
    } catch (e) {
      assert.match((e as Error).message, 'has no tokenizer: pass token ids');
    }
  } finally {
    model.dispose();
  }
});

test('same spec, same bytes; a damaged file is named when the package loads; no stage dumps', async () => {
  const again = join(dir, 'again');
  assert.is(await main(['compile', TINY, '--out', again], io), 0);
  assert.is(readFileSync(join(again, 'manifest.json'), 'utf8'), readFileSync(join(dir, 'pkg', 'manifest.json'), 'utf8'));
  const weights = join(again, 'wasm/decoder-weights.bin');
  const bytes = readFileSync(weights);
  bytes[100] = bytes[100]! ^ 1;
  writeFileSync(weights, bytes);
  try {
    await loadPackage(again, '?damaged');
    assert.unreachable('a damaged weights file must be refused');
  } catch (e) {
    assert.match((e as Error).message, 'wasm/decoder-weights.bin');
  }
  let err = '';
  assert.is(await main(['compile', TINY, '--out', join(dir, 'x'), '--dump-after', 'spec'], { out: () => {}, err: (s) => { err += s; } }), 1);
  assert.match(err, '--dump-after is for encoder models');
});

test('the webgpu backend of the package (Dawn, SwiftShader without a GPU) generates what the reference does', async () => {
  const gpu = await nodeGpu({ vulkanIcd: process.env['VK_ICD_FILENAMES'] ?? SWIFTSHADER_ICD });
  const adapter = await gpu.requestAdapter();
  assert.ok(adapter, 'a WebGPU adapter (SwiftShader: Debian chromium and libvulkan1)');
  const device = await adapter!.requestDevice();
  const model = await loadPackage(join(dir, 'pkg'), '', { backend: 'webgpu', gpu: device });
  try {
    assert.match(model.info, 'webgpu');
    const got = await model.generate([0, 5, 9, 17, 33, 2], { beams: 3 });
    const want = (await generate(TINY, { ids: [0, 5, 9, 17, 33, 2] }, { beams: 3, precision: 'f32' })).results[0]!;
    assert.equal(got.tokens, want.tokens);
    assert.equal(got.stepExits, want.stepExits);
    assert.is(got.work.flops, want.work.flops);
  } finally {
    model.dispose();
    device.destroy();
    assert.ok(gpu && adapter); // Dawn's objects outlive the device
  }
});

test('the Node entry finds Dawn itself (no gpu option, VK_ICD_FILENAMES unset) and the README documents generate()', async () => {
  const want3 = (await generate(TINY, { ids: [0, 5, 9, 17, 33, 2] }, { beams: 3, precision: 'f32' })).results[0]!;
  const env = { ...process.env };
  delete env['VK_ICD_FILENAMES'];
  const script = [
    `const { load, info } = await import(${JSON.stringify(pathToFileURL(join(dir, 'pkg', 'index.js')).href)});`,
    "const model = await load({ backend: 'webgpu' });",
    'const r = await model.generate([0, 5, 9, 17, 33, 2], { beams: 3 });',
    'console.log(JSON.stringify({ info: model.info, backends: info.backends, tokens: r.tokens, stepExits: r.stepExits }));',
    'model.dispose();',
    'process.exit(0);',
  ].join('\n');
  const child = (): string => execFileSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'] });
  // without the optional peer `webgpu` next to the package: a clear error naming it
  try {
    child();
    assert.unreachable('the webgpu backend needs the webgpu package in Node');
  } catch (e) {
    assert.match(String((e as { stderr?: string }).stderr), 'WebGPU in Node needs the `webgpu` package (Dawn): `npm install webgpu`');
  }
  // installed next to it (hashee's own copy, linked)
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(join(REPO, 'node_modules', 'webgpu'), join(dir, 'node_modules', 'webgpu'), 'dir');
  const out = child();
  const got = JSON.parse(out.trim().split('\n').pop()!) as { info: string; backends: string[]; tokens: number[]; stepExits: number[] };
  assert.match(got.info, 'webgpu');
  assert.equal(got.backends, ['wasm', 'webgpu']);
  assert.equal(got.tokens, want3.tokens);
  assert.equal(got.stepExits, want3.stepExits);
  const readme = readFileSync(join(dir, 'pkg', 'README.md'), 'utf8');
  assert.match(readme, '# bart-tiny (compiled by hashee)');
  assert.match(readme, 'model.generate(');
  assert.match(readme, '3 encoder and 4 decoder layers');
  const pkg = JSON.parse(readFileSync(join(dir, 'pkg', 'package.json'), 'utf8')) as { peerDependenciesMeta?: Record<string, { optional: boolean }> };
  assert.equal(pkg.peerDependenciesMeta, { webgpu: { optional: true } }, 'Dawn is an optional peer, as in an encoder package');
});

test('Chromium imports browser.js from localhost and generates what the reference does, on wasm and webgpu', async () => {
  const server = await serve({ '/pkg/': join(dir, 'pkg') }, { '/': '<!doctype html><title>hashee seq2seq package</title>' });
  const browser = await launchChromium();
  try {
    await browser.page.goto(`${server.url}/`);
    const want = (await generate(TINY, { ids: [0, 5, 9, 17, 33, 2] }, { beams: 3, precision: 'f32' })).results[0]!;
    for (const backend of ['wasm', 'webgpu']) {
      const got = await browser.page.evaluate(async ({ entry, backend }) => {
        const pkg = await import(entry);
        const model = await pkg.load({ backend });
        const r = await model.generate([0, 5, 9, 17, 33, 2], { beams: 3 });
        model.dispose();
        return { info: model.info as string, tokens: r.tokens as number[], stepExits: r.stepExits as number[] };
      }, { entry: `${server.url}/pkg/browser.js`, backend });
      assert.match(got.info, backend);
      assert.equal(got.tokens, want.tokens, backend);
      assert.equal(got.stepExits, want.stepExits, backend);
    }
  } finally {
    await browser.close();
    await server.close();
  }
});

test.after(() => rmSync(dir, { recursive: true, force: true }));

test.run();
