// The folders' dependency rules, read from every import (static, type-only and dynamic) of the sources:
// no import cycles; runtime/ never imports compiler/ (a deployed app ships only the runtime); contract/,
// what the compiler and the runtime share, imports nothing outside itself.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const FOLDERS = ['compiler', 'contract', 'runtime'];

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

/** Repository-relative file -> the repository files it imports (relative specifiers only). */
const graph = new Map<string, string[]>();
for (const file of FOLDERS.flatMap(sources)) {
  const imported = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true).importedFiles.map((f) => f.fileName);
  graph.set(file, imported.filter((s) => s.startsWith('.')).map((s) => relative(ROOT, resolve(ROOT, dirname(file), s))));
}

test('the import graph has files and edges (the scan works)', () => {
  assert.ok(graph.size > 80);
  assert.ok(graph.get('compiler/cli.ts')!.includes('compiler/commands.ts'));
  assert.ok(graph.get('runtime/wasm/pool.ts')!.length > 0);
});

test('no import cycles in compiler/, contract/ and runtime/', () => {
  // Tarjan's strongly connected components: any component of two or more files is a cycle.
  const index = new Map<string, number>(), low = new Map<string, number>(), stack: string[] = [], on = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next); low.set(v, next); next++;
    stack.push(v); on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    for (let w = stack.pop()!; ; w = stack.pop()!) { on.delete(w); component.push(w); if (w === v) break; }
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  assert.equal(cycles, [], `import cycles: ${cycles.map((c) => c.join(' <-> ')).join('; ')}`);
});

test('runtime/ never imports compiler/; contract/ imports only contract/', () => {
  const bad: string[] = [];
  for (const [file, deps] of graph) {
    for (const dep of deps) {
      if (file.startsWith('runtime/') && dep.startsWith('compiler/')) bad.push(`${file} -> ${dep}`);
      if (file.startsWith('contract/') && !dep.startsWith('contract/')) bad.push(`${file} -> ${dep}`);
    }
  }
  assert.equal(bad, []);
});

test.run();
