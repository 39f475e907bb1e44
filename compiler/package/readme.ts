// README.md of a package: what was compiled, how to load and run it in Node and in a browser, what it needs.

import type { PackageInfo } from '../../runtime/package/types.ts';

export function packageReadme(header: string, info: PackageInfo): string {
  const a = info.arch, h = info.head;
  const head = h.kind === 'classification' || h.kind === 'token' ? `${h.kind} (${h.labels} labels)` : h.kind;
  const example = info.tokenizer ? "'a gripping, well acted film'" : `[${[1, Math.min(7, a.vocabSize - 1), 2].join(', ')}]`;
  const lines = [
    `<!-- ${header} -->`,
    `# ${info.name} (compiled by hashee)`,
    '',
    `${a.layers} layers, hidden ${a.hidden}, ${a.heads} heads, ffn ${a.ffn}, vocabulary ${a.vocabSize}, up to ${a.maxPositions} tokens; head: ${head}.`,
    `Tokens leave the encoder at the layer the exit table (\`${info.exitTable}\`) gives their id (hash-based early exiting).`,
    `Backends: ${info.backends.join(', ')} (default ${info.backends[0]}).`,
    '',
    '```js',
    "import { load } from './index.js';",
    '',
    `const model = await load(); // options: { backend, baseUrl, fetch${info.backends.includes('wasm') ? ', threads, simd' : ''}${info.backends.includes('webgpu') ? ', gpu' : ''} }`,
    `const r = await model.run(${example}); // { exits, logits, flops }; an array of inputs gives arrays`,
    'model.dispose();',
    '```',
    '',
    'Node reads the files next to `index.js`; browsers fetch them relative to its URL (serve the whole folder).',
    ...(info.backends.includes('wasm') ? ['WASM threads: on by default in Node; in browsers pass `threads` and serve the page cross-origin isolated (COOP/COEP).'] : []),
    ...(info.backends.includes('webgpu') ? ['WebGPU: browsers use `navigator.gpu`; in Node pass `gpu` (from the `webgpu` package) or install `webgpu` next to this package.'] : []),
    ...(info.tokenizer ? ['Text input imports `@huggingface/tokenizers` (a peer dependency) on first use; token ids need nothing.'] : []),
    '',
    'Files: `index.ts` (typed source) / `index.js` + `index.d.ts` (what to import), `runtime/` (compiled runtime),',
    '`manifest.json` (shapes, targets, and the size and sha256 of every file: `load()` checks each file it reads against them),',
    'per-target binaries and `weights.json` (offset, dtype and shape of every tensor).',
    '',
  ];
  return lines.join('\n');
}
