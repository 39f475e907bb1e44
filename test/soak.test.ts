// Soak and concurrency of a loaded package (issue 10): 10,000 run() calls on one WASM model with flat
// memory; concurrent callers get what sequential ones get (WASM with one and two threads, WebGPU on Dawn);
// dispose() mid-call and a WebGPU device lost during a call end in errors, never in a hang.
// Loads generated/tiny (test/generated.test.ts keeps it current).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createRng } from '../compiler/util/rng.ts';
import { nodeGpu, SWIFTSHADER_ICD } from '../runtime/webgpu/node.ts';
import type { Model, ModelBatchResult, ModelResult } from '../runtime/package/model.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TINY = join(ROOT, 'generated/tiny');
interface PackageModule { load(options?: Record<string, unknown>): Promise<Model> }
const pkg = (await import(pathToFileURL(join(TINY, 'index.js')).href)) as PackageModule;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Seeded inputs of 1..32 ids of the tiny vocabulary (64), [CLS]-like 2 first. */
function inputs(seed: number, count: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => [2, ...Array.from({ length: rng.int(31) }, () => rng.int(64))]);
}

/** Settles `p`, or fails after `ms` (a hang would otherwise stop the suite). */
function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer after ${ms} ms`)), ms); });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

function rssMb(): number {
  gc();
  return process.memoryUsage().rss / 2 ** 20;
}

test('10,000 runs on one WASM model: memory stays flat (RSS growth after a warm-up under 50 MB)', async () => {
  const model = await pkg.load({ threads: 1 });
  const xs = inputs(1, 200);
  const call = (i: number): Promise<unknown> => (i % 10 === 9 ? model.run(xs.slice(i % 190, (i % 190) + 4)) : model.run(xs[i % xs.length]!, { output: i % 2 ? 'last-hidden' : 'logits' }));
  for (let i = 0; i < 500; i++) await call(i);
  const before = rssMb();
  const first = (await model.run(xs[0]!)) as ModelResult;
  const started = performance.now();
  for (let i = 0; i < 10_000; i++) await call(i);
  const seconds = (performance.now() - started) / 1000;
  const after = rssMb();
  console.log(`  soak: 10,000 runs in ${seconds.toFixed(1)} s; RSS ${before.toFixed(1)} MB after warm-up, ${after.toFixed(1)} MB after (growth ${(after - before).toFixed(1)} MB)`);
  assert.ok(after - before < 50, `RSS grew by ${(after - before).toFixed(1)} MB`);
  // and the model still gives what it gave at the start
  assert.equal(await model.run(xs[0]!), first);
  model.dispose();
});

/** Runs every input from `callers` async callers at once (each its own share, interleaved), in input order. */
async function concurrently(model: Model, xs: readonly number[][], callers: number): Promise<ModelResult[]> {
  const out: ModelResult[] = new Array(xs.length);
  await Promise.all(Array.from({ length: callers }, async (_, c) => {
    for (let i = c; i < xs.length; i += callers) out[i] = (await model.run(xs[i]!, { output: 'last-hidden' })) as ModelResult;
  }));
  return out;
}

async function sequentially(model: Model, xs: readonly number[][]): Promise<ModelResult[]> {
  const out: ModelResult[] = [];
  for (const x of xs) out.push((await model.run(x, { output: 'last-hidden' })) as ModelResult);
  return out;
}

test('WASM: 6 concurrent callers get exactly the sequential results (1 and 2 threads), batches too', async () => {
  const xs = inputs(2, 60);
  for (const threads of [1, 2]) {
    const model = await pkg.load({ threads });
    const want = await sequentially(model, xs);
    assert.equal(await concurrently(model, xs, 6), want, `${threads} threads`);
    const batches = await Promise.all([0, 10, 20].map((at) => model.run(xs.slice(at, at + 10), { output: 'last-hidden' })));
    batches.forEach((b, k) => assert.equal((b as ModelBatchResult).lastHidden, want.slice(10 * k, 10 * k + 10).map((r) => r.lastHidden!)));
    model.dispose();
  }
});

const gpu = await nodeGpu({ vulkanIcd: process.env['VK_ICD_FILENAMES'] ?? SWIFTSHADER_ICD });
const adapter = await gpu.requestAdapter();

test('WebGPU on Dawn: concurrent callers (growing inputs, so buffers regrow between queued calls) get the sequential results', async () => {
  const model = await pkg.load({ backend: 'webgpu', gpu });
  const xs = inputs(3, 12).sort((a, b) => a.length - b.length);
  const want = await sequentially(model, xs);
  const fresh = await pkg.load({ backend: 'webgpu', gpu }); // small buffers at first: they regrow while calls queue
  assert.equal(await concurrently(fresh, xs, 5), want);
  model.dispose();
  fresh.dispose();
  fresh.dispose(); // a second dispose does nothing
});

test('WebGPU: dispose() during a call, and a device lost during a call, end the call with an error instead of a hang', async () => {
  const long = inputs(4, 8);
  const model = await pkg.load({ backend: 'webgpu', gpu });
  await model.run(long[0]!);
  const inFlight = model.run(long);
  const queued = model.run(long[1]!);
  await new Promise((r) => setTimeout(r, 0)); // the first call is on the GPU queue now
  model.dispose();
  for (const p of [inFlight, queued]) {
    const e = await within(p.then(() => undefined, (err: Error) => err), 20_000, 'run at dispose');
    // a call that had finished on the GPU may still return; one that had not fails as disposed
    if (e) assert.match(`${e.name}: ${e.message}`, /^PackageError: model tiny was disposed/);
  }
  // the device is lost (destroyed here; a driver reset or an unplugged GPU look the same) while a call runs
  const device = await adapter!.requestDevice();
  const own = await pkg.load({ backend: 'webgpu', gpu: device });
  const before = await own.run(long);
  const running = own.run(long);
  const next = own.run(long[2]!);
  await new Promise((r) => setTimeout(r, 0));
  device.destroy();
  const results = await within(Promise.allSettled([running, next]), 20_000, 'run with a lost device');
  const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  assert.ok(failed.length > 0, 'the calls after the loss fail');
  for (const f of failed) assert.match((f.reason as Error).message, /WebGPU device was lost|reading the results back failed/);
  if (results[0]!.status === 'fulfilled') assert.equal(results[0].value, before); // finished before the loss: a whole result
  const after = await within(own.run(long[0]!).then(() => 'ran', (e: Error) => e.message), 20_000, 'run after the loss');
  assert.match(after, /the WebGPU device was lost \(destroyed: .*\); create a new engine/);
  own.dispose();
});

test.run();
