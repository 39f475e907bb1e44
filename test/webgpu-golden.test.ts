// Golden WGSL for the tiny spec: every module the emitter writes, compared line by line with the checked-in
// package generated/tiny/webgpu/*.wgsl (minus its one-line header), so a WGSL change shows as a readable
// diff here. `npm run generate` rewrites generated/; review the diff.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { emitWgsl } from '../compiler/emit/wgsl/index.ts';
import { loadSpec } from '../compiler/spec/load.ts';

const dir = fileURLToPath(new URL('../generated/tiny/webgpu/', import.meta.url));
const spec = loadSpec(fileURLToPath(new URL('../specs/tiny.yaml', import.meta.url)));
const program = emitWgsl(spec.arch, spec.head);
const fileOf = (m: { kernel: string; tile?: string }): string => `${m.kernel}${m.tile ? `.${m.tile}` : ''}.wgsl`;

/** A generated module without its header line (tool version and spec hash). */
function golden(file: string): string {
  const text = readFileSync(dir + file, 'utf8');
  assert.match(text, /^\/\/ hashee \S+ · spec tiny sha256:[0-9a-f]{64}\n/, `${file} starts with the generator header`);
  return text.slice(text.indexOf('\n') + 1);
}

test('the golden folder holds exactly the modules of the tiny spec', () => {
  assert.equal(readdirSync(dir).filter((f) => f.endsWith('.wgsl')).sort(), program.modules.map(fileOf).sort());
});

test('every module matches its golden file byte for byte', () => {
  for (const m of program.modules) {
    // assert.fixture prints a line diff on mismatch
    assert.fixture(m.code, golden(fileOf(m)), `${fileOf(m)} differs from generated/: run npm run generate and review the diff`);
  }
});

test('emitting again gives the same bytes', () => {
  const again = emitWgsl(spec.arch, spec.head);
  assert.equal(again.modules.map((m) => m.code), program.modules.map((m) => m.code));
});

test.run();
