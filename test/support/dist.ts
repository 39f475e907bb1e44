// Tests that run the `hashee` bin or pack the package need the compiled dist/ to match the sources:
// `npm test` builds it first; a single test file run after an edit says so instead of testing stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bin/hashee.mjs');

function newestSource(dir: string): { file: string; mtime: number } {
  let best = { file: '', mtime: 0 };
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const rel = join(dir, e.name);
    const cand = e.isDirectory() ? newestSource(rel) : e.name.endsWith('.ts') ? { file: rel, mtime: statSync(join(ROOT, rel)).mtimeMs } : best;
    if (cand.mtime > best.mtime) best = cand;
  }
  return best;
}

/** Throws unless dist/ was built after the last change to compiler/, contract/ and runtime/. */
export function assertFreshDist(): void {
  const built = join(ROOT, 'dist/compiler/cli.js');
  if (!existsSync(built)) throw new Error('dist/ is missing: run `npm run build` (npm test does)');
  const newest = ['compiler', 'contract', 'runtime'].map(newestSource).reduce((a, b) => (b.mtime > a.mtime ? b : a));
  if (newest.mtime > statSync(built).mtimeMs) throw new Error(`dist/ is older than ${newest.file}: run \`npm run build\` (npm test does)`);
}
