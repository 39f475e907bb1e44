// Golden WGSL for the tiny spec: every module compared with test/golden/webgpu/tiny/ (no header, so only
// the spec's model shape matters). HASHEE_UPDATE_GOLDEN=1 rewrites the files; review the diff.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { emitWgsl } from '../compiler/emit/wgsl/index.ts';
import { loadSpec } from '../compiler/spec/load.ts';

const dir = fileURLToPath(new URL('./golden/webgpu/tiny/', import.meta.url));
const spec = loadSpec(fileURLToPath(new URL('../specs/tiny.yaml', import.meta.url)));
const program = emitWgsl(spec.arch, spec.head);
const fileOf = (m: { kernel: string; tile?: string }): string => `${m.kernel}${m.tile ? `.${m.tile}` : ''}.wgsl`;

if (process.env['HASHEE_UPDATE_GOLDEN'] === '1') {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const m of program.modules) writeFileSync(dir + fileOf(m), m.code);
}

test('the golden folder holds exactly the modules of the tiny spec', () => {
  assert.equal(readdirSync(dir).sort(), program.modules.map(fileOf).sort());
});

test('every module matches its golden file byte for byte', () => {
  for (const m of program.modules) {
    // assert.fixture prints a line diff on mismatch
    assert.fixture(m.code, readFileSync(dir + fileOf(m), 'utf8'), fileOf(m));
  }
});

test('emitting again gives the same bytes', () => {
  const again = emitWgsl(spec.arch, spec.head);
  assert.equal(again.modules.map((m) => m.code), program.modules.map((m) => m.code));
});

test.run();
