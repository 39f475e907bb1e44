// The deployable WebGPU package on Dawn (SwiftShader when the machine has no GPU): the tiny spec compiled,
// loaded through its generated index.js with the `webgpu` package's GPU, against the f32 reference;
// byte-identical recompilation; index.d.ts typed against @webgpu/types; `hashee run --backend webgpu`.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticCategory, ModuleKind, ModuleResolutionKind, Project, ScriptTarget } from 'ts-morph';
import { loadSpec } from '../compiler/spec/index.ts';
import { loadAll } from '../compiler/load.ts';
import { compilePackage } from '../compiler/package/assemble.ts';
import { compareTrees } from '../compiler/package/generated.ts';
import { main } from '../compiler/cli.ts';
import { runReference } from '../runtime/reference/index.ts';
import { nodeGpu, SWIFTSHADER_ICD } from '../runtime/webgpu/node.ts';
import type { Model } from '../runtime/package/model.ts';

/** The WebGPU engine's documented tolerances (test/webgpu-dawn.test.ts): 2e-5 per layer for h^L, 2e-5 for logits. */
const TOL = { hiddenPerLayer: 2e-5, logits: 2e-5 };

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'hashee-package-webgpu-'));
const tiny = loadAll(loadSpec(join(ROOT, 'specs/tiny.yaml')));
const dir = join(work, 'tiny');
await compilePackage(tiny, dir, { targets: ['webgpu'], toolVersion: '0.0.0-test' });
const gpu = await nodeGpu({ vulkanIcd: process.env['VK_ICD_FILENAMES'] ?? SWIFTSHADER_ICD });

interface PackageModule { load(options?: Record<string, unknown>): Promise<Model> }
const pkg = (await import(pathToFileURL(join(dir, 'index.js')).href)) as PackageModule;

function maxAbs(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.is(a.length, b.length, 'lengths differ');
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

test('tiny on WebGPU: single inputs and ragged batches agree with the f32 reference, exits exactly', async () => {
  const model = await pkg.load({ gpu });
  assert.is(model.backend, 'webgpu');
  const L = tiny.spec.arch.layers;
  const batches = [[[1, 5, 9, 2]], [[1, 40, 7, 33, 12, 2], [1, 3], [1, 60, 61, 62, 63, 20, 21, 2, 9]]];
  for (const fullDepth of [false, true]) {
    for (const batch of batches) {
      const ref = runReference(tiny.model, tiny.table, { ids: batch }, { precision: 'f32', fullDepth });
      const logits = await model.run(batch, { fullDepth });
      const hidden = await model.run(batch, { fullDepth, output: 'last-hidden' });
      assert.equal(logits.exits, ref.exits);
      assert.equal(hidden.exits, ref.exits);
      batch.forEach((_, b) => {
        assert.ok(maxAbs(hidden.lastHidden![b]!, ref.lastHidden[b]!) <= TOL.hiddenPerLayer * L, `hidden of sequence ${b}`);
        assert.ok(maxAbs(logits.logits![b]!, ref.logits![b]!) <= TOL.logits, `logits of sequence ${b}`);
      });
    }
  }
  const one = await model.run([1, 40, 7, 33, 12, 2]);
  assert.equal(one.exits, runReference(tiny.model, tiny.table, { ids: [[1, 40, 7, 33, 12, 2]] }).exits[0]);
  model.dispose();
});

test('compiling the webgpu target twice gives byte-identical packages', async () => {
  const again = join(work, 'again');
  await compilePackage(tiny, again, { targets: ['webgpu'], toolVersion: '0.0.0-test' });
  assert.equal(compareTrees(dir, again), []);
});

test('the webgpu index.d.ts type-checks a consumer that passes a GPU', () => {
  const app = join(work, 'app');
  mkdirSync(join(app, 'node_modules'), { recursive: true });
  cpSync(dir, join(app, 'node_modules', 'tiny-gpu'), { recursive: true });
  rmSync(join(app, 'node_modules', 'tiny-gpu', 'index.ts'));
  const project = new Project({
    compilerOptions: {
      strict: true, noEmit: true, target: ScriptTarget.ES2022, module: ModuleKind.ES2022, moduleResolution: ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], typeRoots: [join(ROOT, 'node_modules/@types')], types: ['node'], // TypeScript 6's DOM lib declares WebGPU
    },
    skipAddingFilesFromTsConfig: true,
  });
  project.createSourceFile(join(app, 'main.ts'), [
    "import { load } from 'tiny-gpu';",
    'declare const device: GPUDevice;',
    "const model = await load({ backend: 'webgpu', gpu: device });",
    'const r = await model.run([[1, 2], [3]]);',
    'const flops: number = r.flops;',
    '// @ts-expect-error: this package was compiled for webgpu only',
    "await load({ backend: 'webgpu', threads: 2 });",
    'export { flops };',
  ].join('\n'));
  const errors = project.getPreEmitDiagnostics().filter((d) => d.getCategory() === DiagnosticCategory.Error);
  assert.is(errors.length, 0, project.formatDiagnosticsWithColorAndContext(errors));
});

test('hashee run --backend webgpu --json agrees with the reference run', async () => {
  const cli = async (...argv: string[]): Promise<{ code: number; out: string; err: string }> => {
    let out = '', err = '';
    const code = await main(argv, { out: (s) => { out += s; }, err: (s) => { err += s; } });
    return { code, out, err };
  };
  const args = ['run', join(ROOT, 'specs/tiny.yaml'), '--ids', '1,5,9,2,33', '--ids', '1,40', '--json'];
  const got = await cli(...args, '--backend', 'webgpu');
  assert.is(got.code, 0, got.err);
  const want = await cli(...args, '--precision', 'f32');
  type Row = { exits: number[]; logits: number[] };
  const g = JSON.parse(got.out) as Row[], w = JSON.parse(want.out) as Row[];
  g.forEach((row, b) => {
    assert.equal(row.exits, w[b]!.exits);
    assert.ok(maxAbs(row.logits, w[b]!.logits) <= TOL.logits);
  });
});

test.after(() => rmSync(work, { recursive: true, force: true }));

test.run();
