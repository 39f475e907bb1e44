// generated/ is what the compiler emits today: the tiny package (WGSL, host code, runtime, weights) and the
// golden WAT are recompiled into a temp dir and compared file by file, with line diffs for text files.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENERATED_DIR, compareTrees, lineDiff, listFiles, writeGenerated } from '../compiler/package/generated.ts';

test('lineDiff shows the first changed lines with context', () => {
  const d = lineDiff('a\nb\nc\nd', 'a\nb\nX\nd');
  assert.is(d, '  @@ line 3 @@\n    b\n  - c\n  + X');
});

test('generated/ is up to date (tiny package and golden WAT)', async () => {
  const fresh = mkdtempSync(join(tmpdir(), 'hashee-generated-'));
  try {
    await writeGenerated(fresh);
    const problems = compareTrees(GENERATED_DIR, fresh);
    assert.ok(problems.length === 0, `generated/ is stale (${problems.length} files); run npm run generate and review the diff:\n${problems.join('\n')}`);
    const files = listFiles(GENERATED_DIR);
    for (const f of ['tiny/index.ts', 'tiny/index.js', 'tiny/index.d.ts', 'tiny/wasm/weights.bin', 'tiny/webgpu/weights.bin', 'tiny/webgpu/attention.wgsl', 'golden/tiny.simd128.wat', 'golden/tiny.relaxed.wat']) {
      assert.ok(files.includes(f), `generated/${f} exists`);
    }
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
});

test.run();
