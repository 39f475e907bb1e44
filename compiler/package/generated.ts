// The repository's generated/ folder: the compiled package of specs/tiny.yaml (both targets, weights
// included) and golden WAT text of its WASM modules; written by scripts/generate.ts, checked by a test.

import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadSpec } from '../spec/index.ts';
import { loadAll } from '../load.ts';
import { compilePackage } from './assemble.ts';
import { writeDirAtomic, writeFileAtomic } from '../util/fs.ts';
import { emitWasmText } from '../emit/wasm/module.ts';
import { wasmLayout } from '../../contract/wasm-layout.ts';
import { encoderProgram, printProgram } from '../../contract/program.ts';
import { ROOT, toolVersion } from '../util/root.ts';

export const GENERATED_DIR = join(ROOT, 'generated');
const TINY_SPEC = join(ROOT, 'specs/tiny.yaml');

/** Writes generated/'s content into `outDir`: tiny/ (the package) and golden/ (WAT of both WASM variants). */
export async function writeGenerated(outDir: string): Promise<void> {
  const spec = loadSpec(TINY_SPEC);
  const loaded = loadAll(spec);
  const version = toolVersion();
  await compilePackage(loaded, join(outDir, 'tiny'), { targets: spec.targets, toolVersion: version });
  const header = `hashee ${version} · spec ${spec.name} sha256:${spec.hash}`;
  const layout = wasmLayout(spec.arch, spec.head);
  const wat = (relaxed: boolean): string => `;; ${header}\n${emitWasmText(layout, { relaxed, shared: false })}`;
  writeDirAtomic(join(outDir, 'golden'), new Map([
    ['tiny.program.txt', `# ${header}\n${printProgram(encoderProgram(spec.arch, spec.head))}`],
    ['tiny.simd128.wat', wat(false)],
    ['tiny.relaxed.wat', wat(true)],
  ]));
  writeFileAtomic(join(outDir, 'README.md'), readme(header));
}

function readme(header: string): string {
  return [
    `<!-- ${header} -->`,
    '# generated/',
    '',
    'What the compiler emits for `specs/tiny.yaml`, kept in the repository so changes to generated code show up in review.',
    'Do not edit by hand: run `npm run generate` (`node --import tsx scripts/generate.ts`) and review the diff;',
    '`test/generated.test.ts` fails, naming the stale files, when this folder differs from a fresh compile.',
    '',
    '- `tiny/`: the deployable package for both targets (`hashee compile specs/tiny.yaml --out generated/tiny`):',
    '  WGSL modules, WASM modules, packed weights, exit table, generated host code and compiled runtime.',
    '- `golden/`: the layer program every backend runs (`hashee compile specs/tiny.yaml --dump-after plan`) and WAT',
    '  text of the WASM module (plain SIMD128 and relaxed-SIMD variants, private memory).',
    '',
  ].join('\n');
}

/** Relative paths of every file under `dir`, sorted. */
export function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

/** One line per difference between two trees (missing, extra, changed), text changes with a short line diff. */
export function compareTrees(want: string, got: string): string[] {
  const a = new Set(listFiles(want)), b = new Set(listFiles(got));
  const out: string[] = [];
  for (const f of [...new Set([...a, ...b])].sort()) {
    if (!b.has(f)) { out.push(`${f}: no longer generated`); continue; }
    if (!a.has(f)) { out.push(`${f}: missing (newly generated)`); continue; }
    const x = readFileSync(join(want, f)), y = readFileSync(join(got, f));
    if (x.equals(y)) continue;
    out.push(isText(f) ? `${f}: differs\n${lineDiff(x.toString('utf8'), y.toString('utf8'))}` : `${f}: differs (${statSync(join(want, f)).size} -> ${y.length} bytes, first at byte ${firstDifference(x, y)})`);
  }
  return out;
}

function isText(path: string): boolean {
  return /\.(ts|js|json|wgsl|wat|md|txt)$/.test(path);
}

function firstDifference(x: Uint8Array, y: Uint8Array): number {
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i;
}

/** The first differing line of each text with a line of context on both sides ('-' expected, '+' actual). */
export function lineDiff(want: string, got: string, maxLines = 12): string {
  const a = want.split('\n'), b = got.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let ea = a.length, eb = b.length;
  while (ea > start && eb > start && a[ea - 1] === b[eb - 1]) { ea--; eb--; }
  const lines = [`  @@ line ${start + 1} @@`];
  if (start > 0) lines.push(`    ${a[start - 1]}`);
  a.slice(start, Math.min(ea, start + maxLines)).forEach((l) => lines.push(`  - ${l}`));
  if (ea - start > maxLines) lines.push(`  - ... ${ea - start - maxLines} more lines`);
  b.slice(start, Math.min(eb, start + maxLines)).forEach((l) => lines.push(`  + ${l}`));
  if (eb - start > maxLines) lines.push(`  + ... ${eb - start - maxLines} more lines`);
  return lines.join('\n');
}
