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
  assert.equal([...tops].sort(), ['LICENSE', 'README.md', 'bin', 'client.d.ts', 'contract', 'data', 'dist', 'models', 'package.json', 'runtime', 'schema', 'specs']);
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
    'const m = await import("hashee"); const c = await import("hashee/cli"); const p = await import("hashee/plugin"); const r = await import("hashee/runtime");'
    + 'const s = m.loadSpec("node_modules/hashee/specs/tiny.yaml"); const rep = await m.run(s, { ids: [1, 5, 9, 2, 33] });'
    + 'console.log(JSON.stringify([typeof m.loadSpec, typeof m.compile, typeof m.schedule, typeof m.importOnnx, typeof m.exportOnnx, m.STAGES.length, typeof c.main, typeof p.vite, typeof p.esbuild, typeof r.PackageError, rep.result.exits[0]]));'], { cwd: app, encoding: 'utf8' });
  assert.equal(JSON.parse(api), ['function', 'function', 'function', 'function', 'function', 6, 'function', 'function', 'function', 'function', ref.exits[0]]);
});

test('the installed types: the API, and `*?hashee` imports through hashee/client; a misuse is a type error', () => {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types: ['hashee/client'] }, include: ['src/*.ts'] }));
  mkdirSync(join(app, 'src'));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module', dependencies: JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')).dependencies }));
  const good = [
    "import model, { load, baseUrl } from './model.yaml?hashee';",
    "import { loadSpec, run, compile, HasheeError } from 'hashee';",
    'const m = await model.load({ backend: "wasm", threads: 2 });',
    'const r = await m.run([1, 5, 9, 2]);',
    'const exits: readonly number[] = r.exits;',
    'const other = await load(); other.dispose();',
    "const rep = await run(loadSpec('spec.yaml'), { ids: [[1, 2]] }, { backend: 'wasm' });",
    'const flops: number = rep.fullFlops;',
    "await compile('spec.yaml', { out: 'out' });",
    'export function where(e: unknown): string { return e instanceof HasheeError ? `${e.file}:${e.line}:${e.column} ${e.code} ${e.path}` : String(baseUrl); }',
    'export { exits, flops };',
  ];
  writeFileSync(join(app, 'src', 'main.ts'), good.join('\n') + '\n');
  execFileSync(process.execPath, [tsc, '-p', '.'], { cwd: app, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  writeFileSync(join(app, 'src', 'main.ts'), [...good, "await run('spec.yaml', { ids: [[1]] }, { backend: 'cuda' });", "await model.load({ backend: 'tpu' });"].join('\n') + '\n');
  let out = '';
  try {
    execFileSync(process.execPath, [tsc, '-p', '.'], { cwd: app, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    out = String((e as { stdout?: string }).stdout);
  }
  assert.match(out, /src\/main\.ts\(12,\d+\): error TS2322/);
  assert.match(out, /src\/main\.ts\(13,\d+\): error TS2322/);
  rmSync(join(app, 'src'), { recursive: true, force: true });
  rmSync(join(app, 'tsconfig.json'));
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
