// The package's typed entry points, built through ts-morph: index.ts for Node and browser.ts for browsers
// and bundlers, each with what the compiler decided (shapes, head, file names, compiled targets) as
// constants and load() wiring them to the runtime. They differ in Node's NodeHost (runtime/node.ts) and
// Dawn (runtime/webgpu/node.ts), which the browser entry never imports, and in the browser entry's literal
// `new URL('./file', import.meta.url)` per file it may fetch and `new Worker(new URL(...))` for the WASM
// pool: the patterns Vite, webpack 5 and Parcel find and emit as assets and worker chunks.

import { IndentationText, Project, QuoteKind, StructureKind, VariableDeclarationKind, type SourceFile } from 'ts-morph';
import type { PackageInfo } from '../../../runtime/package/types.ts';
import type { WasmFiles } from '../../../runtime/package/wasm.ts';
import type { WebGpuFiles } from '../../../runtime/package/webgpu.ts';
import { MANIFEST_FILE } from '../../../contract/manifest.ts';
import { literal, type Literal } from './literal.ts';

/** What the entries are generated from; targets in the order load() prefers them (the first is the default). */
export interface HostInput {
  readonly info: PackageInfo;
  readonly wasm?: WasmFiles;
  readonly webgpu?: WebGpuFiles;
}

/** The two entries: package.json's exports send Node to index.js and browsers (and the default) to browser.js. */
export const HOST_ENTRIES = { node: 'index.ts', browser: 'browser.ts' } as const;
export type HostEntry = keyof typeof HOST_ENTRIES;

export const RUNTIME_ROOT = './runtime';
const RUNTIME = `${RUNTIME_ROOT}/package`;
/** The WASM pool's worker module (runtime/wasm/worker.ts compiled), started by the browser entry's startWorker. */
const WORKER_MODULE = `${RUNTIME_ROOT}/wasm/worker.js`;

/** A target's adapter: its module, opener, options type and the constant naming its files. */
const ADAPTERS = {
  wasm: { module: `${RUNTIME}/wasm.js`, opener: 'openWasm', options: 'WasmLoadOptions', filesType: 'WasmFiles', constant: 'WASM_FILES' },
  webgpu: { module: `${RUNTIME}/webgpu.js`, opener: 'openWebGpu', options: 'WebGpuLoadOptions', filesType: 'WebGpuFiles', constant: 'WEBGPU_FILES' },
} as const;

/** An entry's text (without the generated-file header, which the caller prepends to every file). */
export function hostSource(input: HostInput, entry: HostEntry): string {
  const file = entryFile(entry);
  const targets = input.info.backends;
  addImports(file, input, entry);
  file.addExportDeclarations([
    { isTypeOnly: true, namedExports: ['Model', 'ModelBatchResult', 'ModelResult', 'ModelRunOptions'], moduleSpecifier: `${RUNTIME}/model.js` },
    { isTypeOnly: true, namedExports: ['BackendName', 'PackageInfo'], moduleSpecifier: `${RUNTIME}/types.js` },
    { namedExports: ['PackageError'], moduleSpecifier: `${RUNTIME}/errors.js` },
  ]);
  file.addTypeAlias({
    isExported: true, name: 'LoadOptions',
    type: ['CommonLoadOptions', ...targets.map((t) => ADAPTERS[t].options)].join(' & '),
    docs: ['Options of load(): the backend and where the files are, plus each compiled backend\'s own.'],
  });
  file.addVariableStatement({
    isExported: true, declarationKind: VariableDeclarationKind.Const,
    docs: [describe(input.info)],
    declarations: [{ name: 'PACKAGE', type: 'PackageInfo', initializer: literal(input.info as unknown as Literal) }],
  });
  for (const t of targets) {
    const a = ADAPTERS[t];
    file.addVariableStatement({
      leadingTrivia: '\n',
      declarationKind: VariableDeclarationKind.Const,
      docs: [`Files of the ${t} target, relative to the package root.`],
      declarations: [{ name: a.constant, type: a.filesType, initializer: literal(input[t] as unknown as Literal) }],
    });
  }
  const browser = entry === 'browser';
  if (browser) addBrowserUrls(file, input);
  file.addFunction({
    kind: StructureKind.Function, isExported: true, isAsync: true, name: 'load',
    docs: [
      (entry === 'node'
        ? 'Loads the model from the files next to this module, read from disk (the Node entry; browsers and bundlers get browser.js).\n'
        : 'Loads the model from the files next to this module, or wherever a bundler emitted them, fetched (the browser entry; Node gets index.js).\n') +
      `Backends: ${targets.join(', ')} (default ${targets[0]}).` +
      (input.info.tokenizer ? ' Text input imports \'@huggingface/tokenizers\' on first use.' : ''),
    ],
    parameters: [{ name: 'options', type: 'LoadOptions', initializer: '{}' }],
    returnType: 'Promise<Model>',
    statements: (w) => {
      w.write('return loadPackage(').inlineBlock(() => {
        w.writeLine('info: PACKAGE,');
        w.write('backends: ').inlineBlock(() => {
          for (const t of targets) {
            // Node's WebGPU is Dawn, bound by the Node entry only
            const extra = entry === 'node' && t === 'webgpu' ? ', nodeGpu' : browser && t === 'wasm' ? ', startWorker' : '';
            w.writeLine(`${t}: (ctx, o) => ${ADAPTERS[t].opener}(ctx, ${ADAPTERS[t].constant}, o${extra}),`);
          }
        }).write(',').newLine();
        if (input.info.tokenizer) w.writeLine(`tokenizer: () => import('${RUNTIME_ROOT}/tokenizer.js'),`);
        w.writeLine('moduleUrl: import.meta.url,');
        if (browser) w.writeLine('urls: FILE_URLS,');
        if (entry === 'node') w.writeLine('node: nodeHost,');
      }).write(', options);');
    },
  });
  file.formatText({ indentSize: 2, convertTabsToSpaces: true });
  return file.getFullText();
}

function addImports(file: SourceFile, input: HostInput, entry: HostEntry): void {
  const targets = input.info.backends;
  file.addImportDeclarations([
    { namedImports: ['loadPackage', { name: 'CommonLoadOptions', isTypeOnly: true }], moduleSpecifier: `${RUNTIME}/load.js` },
    { isTypeOnly: true, namedImports: ['Model'], moduleSpecifier: `${RUNTIME}/model.js` },
    { isTypeOnly: true, namedImports: ['PackageInfo'], moduleSpecifier: `${RUNTIME}/types.js` },
    ...targets.map((t) => ({
      namedImports: [ADAPTERS[t].opener, { name: ADAPTERS[t].filesType, isTypeOnly: true }, { name: ADAPTERS[t].options, isTypeOnly: true }],
      moduleSpecifier: ADAPTERS[t].module,
    })),
    ...(entry === 'node' ? [{ namedImports: ['nodeHost'], moduleSpecifier: `${RUNTIME_ROOT}/node.js` }] : []),
    ...(entry === 'node' && targets.includes('webgpu') ? [{ namedImports: ['nodeGpu'], moduleSpecifier: `${RUNTIME_ROOT}/webgpu/node.js` }] : []),
  ]);
}

/** An empty entry source file in the style every generated entry shares (two-space indents, single quotes). */
export function entryFile(entry: HostEntry): SourceFile {
  const project = new Project({ useInMemoryFileSystem: true, manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Single } });
  return project.createSourceFile(HOST_ENTRIES[entry], '');
}

/** The browser entry's FILE_URLS and, with a wasm target, startWorker, for an encoder package's files. */
function addBrowserUrls(file: SourceFile, input: HostInput): void {
  const { info, wasm, webgpu } = input;
  const names = [
    MANIFEST_FILE, info.exitTable, ...(info.tokenizer ? [info.tokenizer] : []),
    ...(wasm ? [wasm.modules.simd128.single, wasm.modules.simd128.shared, wasm.modules.relaxed.single, wasm.modules.relaxed.shared, wasm.weights] : []),
    ...(webgpu ? [...webgpu.modules.map((m) => m.file), webgpu.weights] : []),
  ];
  addFileUrls(file, names, wasm !== undefined);
}

/**
 * FILE_URLS (every file load() may read, package-relative name -> URL) and, when `worker`, startWorker (the
 * WASM pool's thread): one literal pattern per file, which a bundler can only see written out.
 */
export function addFileUrls(file: SourceFile, names: readonly string[], worker: boolean): void {
  file.addVariableStatement({
    leadingTrivia: '\n',
    declarationKind: VariableDeclarationKind.Const,
    docs: ['Where load() finds each file it may read: `new URL()` literals, which bundlers emit as assets and rewrite.'],
    declarations: [{
      name: 'FILE_URLS', type: 'Readonly<Record<string, URL>>',
      initializer: (w) => w.inlineBlock(() => {
        for (const name of [...new Set(names)]) w.writeLine(`${quote(name)}: new URL(${quote(`./${name}`)}, import.meta.url),`);
      }),
    }],
  });
  if (!worker) return;
  file.addVariableStatement({
    leadingTrivia: '\n',
    declarationKind: VariableDeclarationKind.Const,
    docs: ['Starts a WASM pool thread: the `new Worker(new URL())` pattern bundlers bundle as a worker chunk.'],
    declarations: [{
      name: 'startWorker',
      initializer: `(): Worker => new Worker(new URL(${quote(WORKER_MODULE)}, import.meta.url), { type: 'module' })`,
    }],
  });
}

/** A single-quoted TypeScript string literal. */
export function quote(text: string): string {
  return `'${text.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

function describe(info: PackageInfo): string {
  const a = info.arch, h = info.head;
  const head = h.kind === 'classification' || h.kind === 'token' ? `${h.kind} head, ${h.labels} labels` : `${h.kind} head`;
  return `${info.name}: ${a.layers} layers, hidden ${a.hidden}, ${a.heads} heads, ffn ${a.ffn}, vocab ${a.vocabSize}, max positions ${a.maxPositions}; ${head}.`;
}
