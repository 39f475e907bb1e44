// README.md of a package: what was compiled, how to load and run it in Node and in a browser, what it needs.

import type { PackageInfo } from '../../runtime/package/types.ts';
import type { Seq2SeqPackageInfo } from '../../runtime/package/seq2seq.ts';

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
    "import { load } from './index.js';   // Node; in a browser './browser.js'; by package name the exports choose",
    '',
    `const model = await load(); // options: { backend, baseUrl, fetch${info.backends.includes('wasm') ? ', threads, simd, workerUrl' : ''}${info.backends.includes('webgpu') ? ', gpu' : ''} }`,
    `const r = await model.run(${example}); // { exits, logits, flops }; an array of inputs gives arrays`,
    'model.dispose();',
    '```',
    '',
    'Two entries with the same API: `index.js` for Node reads the files next to it from disk; `browser.js` fetches them',
    'and imports no Node module. package.json\'s `exports` gives Node `index.js` and browsers, bundlers and anything else',
    '`browser.js`, which names each file as `new URL(\'./file\', import.meta.url)`' + (info.backends.includes('wasm') ? ' and the WASM worker as `new Worker(new URL(...))`' : '') + ':',
    'Vite and webpack 5 emit them with the app (`npm install` this folder, import it by name; no plugin). Served as it is,',
    'the folder works too. Elsewhere (esbuild) pass `baseUrl` (where the folder is served)' + (info.backends.includes('wasm') ? ' and, for WASM threads, `workerUrl` (`runtime/wasm/worker.js` there).' : '.'),
    ...(info.backends.includes('wasm') ? ['WASM threads: on by default in Node; in browsers pass `threads` and serve the page cross-origin isolated (COOP/COEP).'] : []),
    ...(info.backends.includes('webgpu') ? ['WebGPU: browsers use `navigator.gpu`; in Node pass `gpu` (from the `webgpu` package) or install `webgpu` next to this package.'] : []),
    ...(info.tokenizer ? ['Text input imports `@huggingface/tokenizers` (a peer dependency) on first use; token ids need nothing.'] : []),
    '',
    'Files: `index.ts`, `browser.ts` (typed sources) / `index.js`, `browser.js` + `.d.ts` (what to import), `runtime/` (compiled runtime),',
    '`manifest.json` (shapes, targets, and the size and sha256 of every file: `load()` checks each file it reads against them),',
    'per-target binaries and `weights.json` (offset, dtype and shape of every tensor).',
    '',
  ];
  return lines.join('\n');
}

/** README.md of an encoder-decoder package: its shapes, generate(), the entries, what it needs. */
export function seq2seqReadme(header: string, info: Seq2SeqPackageInfo): string {
  const a = info.arch;
  const wasm = info.backends.includes('wasm'), webgpu = info.backends.includes('webgpu');
  const example = info.tokenizer ? "'the film is a quiet triumph'" : `[${[Math.min(5, a.vocabSize - 1), Math.min(9, a.vocabSize - 1), info.ids.eos].join(', ')}]`;
  const lines = [
    `<!-- ${header} -->`,
    `# ${info.name} (compiled by hashee)`,
    '',
    `Encoder-decoder: ${a.encoderLayers} encoder and ${a.decoderLayers} decoder layers, hidden ${a.hidden}, ${a.heads} heads, ffn ${a.ffn},`,
    `vocabulary ${a.vocabSize}, up to ${a.maxPositions} tokens. Source tokens leave the encoder at the layer \`exits-encoder.bin\` gives`,
    'their id, and each generated token leaves the decoder at the layer `exits-decoder.bin` gives the token fed in (hash-based',
    'early exiting); exited rows keep their frozen state, and the layers above still read their keys and values.',
    `Backends: ${info.backends.join(', ')} (default wasm). Defaults: up to ${info.maxNew} new tokens, ${info.beams} beam(s).`,
    '',
    '```js',
    "import { load } from './index.js';   // Node; in a browser './browser.js'; by package name the exports choose",
    '',
    `const model = await load(); // options: { backend, baseUrl, fetch${wasm ? ', threads, simd, workerUrl' : ''}${webgpu ? ', gpu' : ''} }`,
    `const r = await model.generate(${example}); // { tokens, stepExits, encoderExits, score, work${info.tokenizer ? ', text' : ''} }`,
    `// options: { maxNew, beams, fullDepth, target } (target: score a given continuation, teacher-forced)`,
    'model.dispose();',
    '```',
    '',
    'Two entries with the same API: `index.js` for Node reads the files next to it from disk; `browser.js` fetches them',
    'and imports no Node module. package.json\'s `exports` gives Node `index.js` and browsers, bundlers and anything else',
    '`browser.js`, which names each file as `new URL(\'./file\', import.meta.url)` and the WASM worker as `new Worker(new URL(...))`:',
    'Vite and webpack 5 emit them with the app. Served as it is, the folder works too. Elsewhere (esbuild) pass `baseUrl`',
    '(where the folder is served) and, for WASM threads, `workerUrl` (`runtime/wasm/worker.js` there).',
    'WASM threads (the encoder and the decoder\'s products): pass `threads`; in browsers serve the page cross-origin isolated (COOP/COEP).',
    ...(webgpu ? ['WebGPU: browsers use `navigator.gpu`; in Node pass `gpu` (from the `webgpu` package) or install `webgpu` next to this package.'] : []),
    ...(info.tokenizer ? ['Text input imports `@huggingface/tokenizers` (a peer dependency) on first use; token ids need nothing.'] : []),
    '',
    'Files: `index.ts`, `browser.ts` (typed sources) / `index.js`, `browser.js` + `.d.ts` (what to import), `runtime/` (compiled runtime),',
    '`manifest.json` (shapes, generation settings, and the size and sha256 of every file: `load()` checks each file it reads against them),',
    'the two exit tables, and per-target modules and packed weights (`wasm/`' + (webgpu ? ', `webgpu/`' : '') + ').',
    '',
  ];
  return lines.join('\n');
}
