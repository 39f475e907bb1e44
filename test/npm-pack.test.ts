// The published shape: `npm pack` of this checkout holds only what users need, and the tarball installed
// into an empty project (dependencies from npm's cache, the registry only for what the cache lacks) runs:
// `hashee --version`, `hashee run` on the shipped tiny spec against the reference executor, `hashee
// compile` giving generated/tiny byte for byte, `run --backend wasm` on two threads, and the `exports`.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareTrees } from '../compiler/package/generated.ts';
import { loadSpec } from '../compiler/spec/index.ts';
import { loadAll } from '../compiler/load.ts';
import { runReference } from '../runtime/reference/index.ts';
import { assertFreshDist, ROOT } from './support/dist.ts';

assertFreshDist();
const work = mkdtempSync(join(tmpdir(), 'hashee-pack-'));
const app = join(work, 'app');
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function npm(cwd: string, ...args: string[]): string {
  return execFileSync('npm', [...args, '--no-audit', '--no-fund'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** `npx hashee ARGS` in the app, as a user runs it; stdout. */
function hashee(...args: string[]): string {
  return execFileSync('npx', ['--no', '--', 'hashee', ...args], { cwd: app, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

// dist/ is already built (assertFreshDist): pack without running prepare again
const [packed] = JSON.parse(npm(ROOT, 'pack', '--ignore-scripts', '--json', '--pack-destination', work)) as { filename: string; files: { path: string }[] }[];

test('the tarball holds the compiled JS, the bin, the runtime sources packages are built from, schema, specs, data and the trained default model, nothing else', () => {
  const tops = new Set(packed!.files.map((f) => f.path.split('/')[0]!));
  assert.equal([...tops].sort(), ['LICENSE', 'README.md', 'bin', 'contract', 'data', 'dist', 'models', 'package.json', 'runtime', 'schema', 'specs']);
  const paths = new Set(packed!.files.map((f) => f.path));
  for (const f of ['bin/hashee.mjs', 'dist/compiler/cli.js', 'dist/compiler/index.d.ts', 'runtime/package/load.ts', 'contract/model.ts', 'schema/hashee-spec.schema.json', 'specs/tiny.yaml', 'specs/sst2-small.yaml', 'models/sst2-small.onnx']) {
    assert.ok(paths.has(f), `missing ${f}`);
  }
  assert.not.ok([...paths].some((p) => p.startsWith('dist/test') || p.startsWith('dist/bench') || p.endsWith('.test.js')), 'tests in the tarball');
});

test('installed into an empty project: --version, run on the shipped tiny spec, the API entry', () => {
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true }\n');
  // --ignore-scripts: the app's own choice for its dependencies' scripts (hashee has none)
  npm(app, 'install', join(work, packed!.filename), '--prefer-offline', '--ignore-scripts');
  assert.is(hashee('--version').trim(), version);
  const spec = 'node_modules/hashee/specs/tiny.yaml';
  const ids = [1, 5, 9, 2, 33];
  const got = JSON.parse(hashee('run', spec, '--ids', ids.join(','), '--json')) as { exits: number[]; logits: number[] };
  const tiny = loadAll(loadSpec(join(ROOT, 'specs/tiny.yaml')));
  const ref = runReference(tiny.model, tiny.table, { ids: [ids] }, { precision: 'f64' });
  assert.equal(got.exits, ref.exits[0]);
  got.logits.forEach((x, j) => assert.ok(Math.abs(x - ref.logits![0]![j]!) <= 1e-12, `logit ${j}`));
  const api = execFileSync(process.execPath, ['--input-type=module', '-e',
    'const m = await import("hashee"); const c = await import("hashee/cli"); console.log(JSON.stringify([typeof m.loadSpec, typeof m.compilePackage, typeof m.runPipeline, m.STAGES.length, typeof c.main]));'], { cwd: app, encoding: 'utf8' });
  assert.equal(JSON.parse(api), ['function', 'function', 'function', 6, 'function']);
});

test('the installed hashee compiles the tiny spec to generated/tiny byte for byte, and runs it on wasm', () => {
  const written = JSON.parse(hashee('compile', 'node_modules/hashee/specs/tiny.yaml', '--out', 'pkg', '--json')) as { files: { path: string }[] };
  assert.ok(written.files.some((f) => f.path === 'runtime/package/load.js'));
  assert.equal(compareTrees(join(ROOT, 'generated/tiny'), join(app, 'pkg')), []);
  const ids = '1,5,9,2,33';
  const wasm = JSON.parse(hashee('run', 'node_modules/hashee/specs/tiny.yaml', '--backend', 'wasm', '--threads', '2', '--ids', ids, '--json')) as { exits: number[]; logits: number[] };
  const ref = JSON.parse(hashee('run', 'node_modules/hashee/specs/tiny.yaml', '--ids', ids, '--json')) as { exits: number[]; logits: number[] };
  assert.equal(wasm.exits, ref.exits);
  wasm.logits.forEach((x, j) => assert.ok(Math.abs(x - ref.logits[j]!) <= 1e-4, `logit ${j}`));
});

test.after(() => rmSync(work, { recursive: true, force: true }));

test.run();
