// Compiles the generated entries (index.ts, browser.ts) and the runtime modules they reach to JavaScript +
// declarations with ts-morph (`.ts` imports rewritten to `.js`), at the same relative paths they have in this repository.

import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { ROOT } from '../../util/root.ts';
import { DiagnosticCategory, ModuleKind, ModuleResolutionKind, Project, ScriptTarget, SyntaxKind, ts, type CompilerOptions, type Diagnostic, type SourceFile } from 'ts-morph';

/** Runtime sources are read from ROOT (hashee's own folder) and the entries are placed there, in memory only. */
const OUT = join(ROOT, '.hashee-host-out');

/** Type packages the runtime needs, as resolved from hashee's own install (not the working directory). */
const TYPE_PACKAGES = ['@webgpu/types', '@types/node'] as const;

/** The node_modules folder holding each type package, wherever npm placed (or hoisted) it. */
function typeRoots(): string[] {
  const require = createRequire(import.meta.url);
  return [...new Set(TYPE_PACKAGES.map((name) => {
    try {
      return dirname(dirname(dirname(require.resolve(`${name}/package.json`))));
    } catch {
      throw new Error(`internal: ${name} is not installed with hashee (it is a dependency: reinstall hashee)`);
    }
  }))];
}

const OPTIONS: CompilerOptions = {
  target: ScriptTarget.ES2022,
  module: ModuleKind.ES2022,
  moduleResolution: ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  types: [...TYPE_PACKAGES], // found through typeRoots() (set when the project is made)
  strict: true,
  skipLibCheck: true,
  declaration: true,
  rewriteRelativeImportExtensions: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  rootDir: ROOT,
  outDir: OUT,
  newLine: 1, // LF
};

export interface HostBuild {
  /** Package-relative path ('index.js', 'runtime/plan.d.ts') -> text; sorted by path. */
  readonly files: ReadonlyMap<string, string>;
}

/** One project per process: runtime files are parsed once and each is emitted at most once. */
let project: Project | undefined;
const emitted = new Map<string, readonly (readonly [string, string])[]>();

/**
 * The generated entries (package-relative path -> text, e.g. 'index.ts') plus `extraEntries`
 * (repository-relative runtime files loaded by URL rather than by an import, e.g. the WASM worker) -> JS
 * and .d.ts of the entries and of every file they reach through static or dynamic imports. Throws when a
 * generated entry does not type-check.
 */
export function compileHost(sources: ReadonlyMap<string, string>, extraEntries: readonly string[]): HostBuild {
  project ??= createProject();
  const generated = [...sources].map(([path, text]) => project!.createSourceFile(join(ROOT, path), text, { overwrite: true }));
  const entries = [...generated, ...extraEntries.map((e) => project!.getSourceFile(join(ROOT, e)) ?? project!.addSourceFileAtPath(join(ROOT, e)))];
  project.resolveSourceFileDependencies();
  for (const g of generated) {
    const errors = g.getPreEmitDiagnostics().filter((d) => d.getCategory() === DiagnosticCategory.Error);
    if (errors.length > 0) {
      throw new Error(`internal: generated ${g.getBaseName()} does not type-check:\n${formatDiagnostics(project, errors.slice(0, 5))}`);
    }
  }
  const isGenerated = new Set(generated.map((g) => g.getFilePath()));
  const files = new Map<string, string>();
  for (const f of closure(entries)) {
    const path = f.getFilePath();
    const out = isGenerated.has(path) ? emitOne(project, f) : emitted.get(path) ?? emitOne(project, f);
    if (!isGenerated.has(path)) emitted.set(path, out);
    for (const [name, text] of out) files.set(name, text);
  }
  return { files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1))) };
}

function createProject(): Project {
  const p = new Project({ compilerOptions: { ...OPTIONS, typeRoots: typeRoots() }, skipAddingFilesFromTsConfig: true });
  // The runtime and contract sources as root files: when hashee is installed in a node_modules folder,
  // TypeScript would otherwise take the files the entries import for a dependency's and not emit them.
  for (const dir of ['runtime', 'contract']) p.addSourceFilesAtPaths(join(ROOT, dir, '**/*.ts'));
  return p;
}

/** TypeScript's coloured report with source context on a terminal, its plain one-line-per-error form otherwise. */
function formatDiagnostics(p: Project, diagnostics: readonly Diagnostic[]): string {
  if (process.stderr.isTTY) return p.formatDiagnosticsWithColorAndContext(diagnostics);
  const host: ts.FormatDiagnosticsHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ROOT, getNewLine: () => '\n' };
  return ts.formatDiagnostics(diagnostics.map((d) => d.compilerObject), host);
}

/** Whether `f` is one of hashee's own sources (not a dependency's), also when hashee itself is installed in a node_modules folder. */
function isOwnSource(f: SourceFile): boolean {
  const rel = relative(ROOT, f.getFilePath()).split(sep);
  return rel[0] !== '..' && rel[0] !== 'node_modules' && !f.isDeclarationFile();
}

/** The entries and every hashee source file they import, statically or dynamically. */
function closure(entries: readonly SourceFile[]): SourceFile[] {
  const seen = new Map<string, SourceFile>();
  const visit = (f: SourceFile): void => {
    if (seen.has(f.getFilePath()) || !isOwnSource(f)) return;
    seen.set(f.getFilePath(), f);
    f.getReferencedSourceFiles().forEach(visit);
  };
  entries.forEach(visit);
  return [...seen.values()];
}

function emitOne(p: Project, f: SourceFile): readonly (readonly [string, string])[] {
  const out = p.emitToMemory({ targetSourceFile: f }).getFiles().map((e) => {
    const rel = relative(OUT, e.filePath).split(sep).join('/');
    if (rel.startsWith('..')) throw new Error(`internal: host emit wrote outside its directory: ${e.filePath}`);
    return [rel, rel.endsWith('.d.ts') ? declarationsWithJsImports(e.text) : e.text] as const;
  });
  return out;
}

/** Scratch project for rewriting emitted declaration files. */
let scratch: Project | undefined;

/**
 * Declaration emit keeps import specifiers as written ('../plan.ts'); the package ships no .ts runtime
 * files, so relative '.ts' specifiers (imports, exports, import types) become '.js' like in the JS output.
 */
function declarationsWithJsImports(text: string): string {
  scratch ??= new Project({ useInMemoryFileSystem: true });
  const file = scratch.createSourceFile('/decl.d.ts', text, { overwrite: true });
  const toJs = (spec: string): string => (/^\.\.?\//.test(spec) && spec.endsWith('.ts') && !spec.endsWith('.d.ts') ? `${spec.slice(0, -3)}.js` : spec);
  for (const d of [...file.getImportDeclarations(), ...file.getExportDeclarations()]) {
    const spec = d.getModuleSpecifierValue();
    if (spec !== undefined && toJs(spec) !== spec) d.setModuleSpecifier(toJs(spec));
  }
  for (const t of file.getDescendantsOfKind(SyntaxKind.ImportType)) {
    const lit = t.getArgument().getFirstDescendantByKind(SyntaxKind.StringLiteral);
    if (lit && toJs(lit.getLiteralValue()) !== lit.getLiteralValue()) lit.setLiteralValue(toJs(lit.getLiteralValue()));
  }
  return file.getFullText();
}
