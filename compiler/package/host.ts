// The host part of a package (an encoder's or an encoder-decoder's): the generated entries index.ts (Node)
// and browser.ts, compiled to JS + .d.ts, the runtime modules they import (compiled likewise), package.json
// and README.md; every text file names the generator.

import type { Target } from '../spec/types.ts';
import type { EmitContext, PackageFiles } from './types.ts';
import type { PackageInfo } from '../../runtime/package/types.ts';
import type { WasmFiles } from '../../runtime/package/wasm.ts';
import type { WebGpuFiles } from '../../runtime/package/webgpu.ts';
import type { Seq2SeqPackageInfo } from '../../runtime/package/seq2seq.ts';
import { HOST_ENTRIES, hostSource, type HostEntry } from '../emit/host/source.ts';
import { seq2seqHostSource } from '../emit/host/seq2seq-source.ts';
import { compileHost } from '../emit/host/emit.ts';
import { jsonText } from './text.ts';
import { packageReadme, seq2seqReadme } from './readme.ts';
import { ownPackageJson } from '../util/root.ts';

/** Manifest entries of the targets that were built (each carries its `files`). */
export type BuiltTargets = Partial<Record<Target, { readonly files: unknown }>>;

/** Runtime modules loaded by URL rather than imported, per target. */
const URL_ENTRIES: Record<Target, readonly string[]> = { wasm: ['runtime/wasm/worker.ts'], webgpu: [] };

/** Dependencies a package may need, by when (versions as this repository pins them). */
const OPTIONAL_DEPS = { tokenizer: '@huggingface/tokenizers', webgpuInNode: 'webgpu' } as const;

export function packageInfo(ctx: EmitContext, backends: readonly Target[]): PackageInfo {
  const { spec } = ctx.loaded;
  return {
    name: spec.name, specSha256: spec.hash, arch: spec.arch, head: spec.head,
    exitTable: 'exits.bin', tokenizer: spec.tokenizer ? 'tokenizer.json' : null, backends,
  };
}

export function emitHost(ctx: EmitContext, built: BuiltTargets): PackageFiles {
  const backends = (['wasm', 'webgpu'] as const).filter((t) => built[t] !== undefined);
  const info = packageInfo(ctx, backends);
  const input = { info, wasm: built.wasm?.files as WasmFiles | undefined, webgpu: built.webgpu?.files as WebGpuFiles | undefined };
  const sources = new Map((Object.keys(HOST_ENTRIES) as HostEntry[]).map((e) => [HOST_ENTRIES[e], hostSource(input, e)] as const));
  const compiled = compileHost(sources, backends.flatMap((t) => URL_ENTRIES[t]));
  const head = `// ${ctx.header}\n`;
  const files: PackageFiles = new Map();
  for (const [path, text] of sources) files.set(path, head + text);
  for (const [path, text] of compiled.files) files.set(path, head + text);
  files.set('package.json', packageJson(ctx.header, info));
  files.set('README.md', packageReadme(ctx.header, info));
  return files;
}

/**
 * The host part of an encoder-decoder package: its entries (seq2seq-source.ts) compiled with the runtime they
 * reach, package.json and README.md. `fetched`: every file load() may read, for the browser entry's URLs.
 */
export function emitSeq2SeqHost(header: string, info: Seq2SeqPackageInfo, fetched: readonly string[]): PackageFiles {
  const input = { info, files: fetched };
  const sources = new Map((Object.keys(HOST_ENTRIES) as HostEntry[]).map((e) => [HOST_ENTRIES[e], seq2seqHostSource(input, e)] as const));
  // the WASM worker pool's thread entry is loaded by URL (runtime/wasm/pool.ts), not imported
  const compiled = compileHost(sources, URL_ENTRIES.wasm);
  const head = `// ${header}\n`;
  const files: PackageFiles = new Map();
  for (const [path, text] of sources) files.set(path, head + text);
  for (const [path, text] of compiled.files) files.set(path, head + text);
  files.set('package.json', packageJson(header, info));
  files.set('README.md', seq2seqReadme(header, info));
  return files;
}

function packageJson(header: string, info: Pick<PackageInfo, 'name' | 'tokenizer' | 'backends'>): string {
  const pinned = ownPackageJson();
  const version = (name: string): string => pinned.dependencies?.[name] ?? pinned.devDependencies?.[name] ?? '*';
  const peers: string[] = [];
  if (info.tokenizer) peers.push(OPTIONAL_DEPS.tokenizer);
  if (info.backends.includes('webgpu')) peers.push(OPTIONAL_DEPS.webgpuInNode);
  return jsonText({
    name: info.name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-'),
    private: true,
    type: 'module',
    description: header,
    // Node gets the entry that reads files from disk; browsers, bundlers and anything else the one that fetches.
    exports: {
      '.': { types: './index.d.ts', node: './index.js', browser: './browser.js', default: './browser.js' },
      './*': './*',
    },
    main: 'index.js',
    browser: 'browser.js',
    types: 'index.d.ts',
    ...(peers.length ? {
      peerDependencies: Object.fromEntries(peers.map((p) => [p, version(p)])),
      peerDependenciesMeta: Object.fromEntries(peers.map((p) => [p, { optional: true }])),
    } : {}),
  });
}
