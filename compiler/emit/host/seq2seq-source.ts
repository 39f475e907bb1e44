// The typed entries of an encoder-decoder package, built through ts-morph like an encoder package's
// (source.ts): index.ts for Node and browser.ts for browsers and bundlers, each with the package info as a
// constant and load() wiring it to runtime/package/seq2seq.ts. The Node entry binds NodeHost and, with a
// webgpu target, Dawn; the browser entry names every file as a `new URL('./file', import.meta.url)` literal
// and the WASM pool's worker as `new Worker(new URL(...))`.

import { StructureKind, VariableDeclarationKind } from 'ts-morph';
import type { Seq2SeqPackageInfo } from '../../../runtime/package/seq2seq.ts';
import { literal, type Literal } from './literal.ts';
import { addFileUrls, entryFile, RUNTIME_ROOT, type HostEntry } from './source.ts';

const RUNTIME = `${RUNTIME_ROOT}/package`;

export interface Seq2SeqHostInput {
  readonly info: Seq2SeqPackageInfo;
  /** Every package file load() may read (manifest.json first), for the browser entry's URLs. */
  readonly files: readonly string[];
}

/** An entry's text (without the generated-file header, which the caller prepends to every file). */
export function seq2seqHostSource(input: Seq2SeqHostInput, entry: HostEntry): string {
  const { info } = input;
  const webgpu = info.backends.includes('webgpu');
  const node = entry === 'node';
  const file = entryFile(entry);
  file.addImportDeclarations([
    {
      namedImports: ['loadSeq2SeqPackage', ...['Seq2SeqLoadOptions', 'Seq2SeqPackageInfo', 'Seq2SeqPackageModel'].map((name) => ({ name, isTypeOnly: true }))],
      moduleSpecifier: `${RUNTIME}/seq2seq.js`,
    },
    ...(node ? [{ namedImports: ['nodeHost'], moduleSpecifier: `${RUNTIME_ROOT}/node.js` }] : []),
    ...(node && webgpu ? [{ namedImports: ['nodeGpu'], moduleSpecifier: `${RUNTIME_ROOT}/webgpu/node.js` }] : []),
  ]);
  file.addExportDeclarations([
    { isTypeOnly: true, namedExports: ['GenerateCall', 'GenerateOutput', 'Seq2SeqLoadOptions', 'Seq2SeqPackageInfo', 'Seq2SeqPackageModel'], moduleSpecifier: `${RUNTIME}/seq2seq.js` },
    { namedExports: ['PackageError'], moduleSpecifier: `${RUNTIME}/errors.js` },
  ]);
  const a = info.arch;
  file.addVariableStatement({
    isExported: true, declarationKind: VariableDeclarationKind.Const,
    docs: [`${info.name}: encoder-decoder, ${a.encoderLayers} encoder and ${a.decoderLayers} decoder layers, hidden ${a.hidden}, ${a.heads} heads, ffn ${a.ffn}, vocab ${a.vocabSize}, max positions ${a.maxPositions}; up to ${info.maxNew} new tokens, ${info.beams} beam(s) by default.`],
    declarations: [{ name: 'info', type: 'Seq2SeqPackageInfo', initializer: literal(info as unknown as Literal) }],
  });
  file.addVariableStatement({
    leadingTrivia: '\n',
    isExported: true, declarationKind: VariableDeclarationKind.Const,
    docs: ['The same as info (the name an encoder package\'s entry gives it).'],
    declarations: [{ name: 'PACKAGE', type: 'Seq2SeqPackageInfo', initializer: 'info' }],
  });
  if (!node) addFileUrls(file, input.files, true);
  file.addFunction({
    kind: StructureKind.Function, isExported: true, name: 'load',
    docs: [
      (node
        ? 'Loads the model from the files next to this module, read from disk (the Node entry; browsers and bundlers get browser.js).\n'
        : 'Loads the model from the files next to this module, or wherever a bundler emitted them, fetched (the browser entry; Node gets index.js).\n') +
      `Backends: ${info.backends.join(', ')} (default wasm).` + (info.tokenizer ? ' Text input imports \'@huggingface/tokenizers\' on first use.' : ''),
    ],
    parameters: [{ name: 'options', type: 'Seq2SeqLoadOptions', initializer: '{}' }],
    returnType: 'Promise<Seq2SeqPackageModel>',
    statements: (w) => {
      w.write('return loadSeq2SeqPackage(').inlineBlock(() => {
        w.writeLine('info,');
        w.writeLine('moduleUrl: import.meta.url,');
        if (node) w.writeLine('node: nodeHost,');
        else w.writeLine('urls: FILE_URLS,').writeLine('startWorker,');
        if (info.tokenizer) w.writeLine(`tokenizer: () => import('${RUNTIME_ROOT}/tokenizer.js'),`);
        // Node's WebGPU is Dawn, bound by the Node entry only
        if (node && webgpu) w.writeLine('nodeGpu,');
      }).write(', options);');
    },
  });
  file.formatText({ indentSize: 2, convertTabsToSpaces: true });
  return file.getFullText();
}
