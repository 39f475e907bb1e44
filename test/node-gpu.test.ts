// runtime/webgpu/node.ts's nodeGpu() picks Dawn's Vulkan driver as a user expects, checked in child
// processes (the Vulkan loader reads VK_ICD_FILENAMES when Dawn starts, and test files share one process):
// with VK_ICD_FILENAMES unset it gives the system's adapter, or SwiftShader's when the system has none (this
// machine and CI have no GPU), and a VK_ICD_FILENAMES the user set is honoured, never replaced.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { REPO } from './fixtures/specs/expect.ts';
import { SWIFTSHADER_ICD } from '../runtime/webgpu/node.ts';

/** Runs nodeGpu() in a child with `icd` as VK_ICD_FILENAMES (null: unset); the adapter's description and the ICD it ended on. */
function probe(icd: string | null): { adapter: string | null; icd: string | null } {
  const env = { ...process.env };
  delete env['VK_ICD_FILENAMES'];
  if (icd !== null) env['VK_ICD_FILENAMES'] = icd;
  const script = [
    "const { nodeGpu } = await import('./runtime/webgpu/node.ts');",
    'const adapter = await (await nodeGpu()).requestAdapter();',
    "console.log(JSON.stringify({ adapter: adapter ? `${adapter.info.vendor} ${adapter.info.architecture} ${adapter.info.description}` : null, icd: process.env.VK_ICD_FILENAMES ?? null }));",
    'process.exit(0);',
  ].join('\n');
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO, env, encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(out.trim().split('\n').pop()!) as { adapter: string | null; icd: string | null };
}

test('VK_ICD_FILENAMES unset: an adapter (the system\'s, else SwiftShader)', () => {
  assert.ok(existsSync(SWIFTSHADER_ICD), `SwiftShader's driver at ${SWIFTSHADER_ICD} (Debian chromium; .ci/run installs it)`);
  const got = probe(null);
  assert.ok(got.adapter, 'nodeGpu() gives an adapter without any setting');
  // SwiftShader only when the system's drivers gave none: then the child ended on SwiftShader's ICD
  if (got.icd !== null) assert.is(got.icd, SWIFTSHADER_ICD);
});

test('a VK_ICD_FILENAMES the user set is honoured: a driver that does not exist gives no adapter, not SwiftShader', () => {
  const got = probe('/nonexistent/hashee-test-icd.json');
  assert.is(got.adapter, null);
  assert.is(got.icd, '/nonexistent/hashee-test-icd.json');
});

test.run();
