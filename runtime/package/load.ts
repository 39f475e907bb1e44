// load() of a generated package: reads the manifest's file digests and the exit table, opens the chosen
// backend, and wraps it in a Model.
// The generated entries (index.ts for Node, browser.ts) pass what the compiler decided (PackageInfo), their
// compiled backends, the tokenizer module when the package has a tokenizer, and (Node) the NodeHost.

import { PackageError } from './errors.ts';
import { MANIFEST_FILE, exitTableProblem } from '../../contract/manifest.ts';
import { manifestDigests } from './digest.ts';
import { fileLocator, packageFiles, readJson, type FetchLike, type FileSource, type LoadProgress } from './files.ts';
import { createModel, type Model } from './model.ts';
import type { TextTokenizer } from '../tokenizer.ts';
import type { NodeHost } from '../host.ts';
import type { Backend, BackendName, OpenContext, PackageInfo } from './types.ts';

export interface CommonLoadOptions {
  /** Which compiled target to run; default: the package's first (see PackageInfo.backends). */
  readonly backend?: BackendName;
  /**
   * Where the package files are; default: the directory of the generated entry (index.js), or where the
   * browser entry's `new URL()` literals point (a bundler's emitted assets).
   */
  readonly baseUrl?: string | URL;
  /** Used for every file when given (browsers use the global fetch by default, Node reads files). */
  readonly fetch?: FetchLike;
  /** Hears of every package file read while loading (the weights chunk by chunk): for a progress bar. */
  readonly onProgress?: (progress: LoadProgress) => void;
}

/** Opens one backend from its files; the generated entry binds each compiled target's files. */
export type BackendOpener<O> = (ctx: OpenContext, options: O) => Promise<Backend>;

/** What a generated entry binds: the package's facts, its compiled backends and where it runs. */
export interface PackageBinding<O> {
  readonly info: PackageInfo;
  readonly backends: Partial<Record<BackendName, BackendOpener<O>>>;
  /** The entry's import.meta.url: the files are found next to it. */
  readonly moduleUrl: string;
  /**
   * The browser entry's URL of each file it may read (package-relative name -> URL), written as
   * `new URL('./name', import.meta.url)` literals that bundlers emit as assets and rewrite; a `baseUrl`
   * option overrides them, and a name not listed is found next to `moduleUrl`.
   */
  readonly urls?: Readonly<Record<string, URL>>;
  /** Imports runtime/tokenizer.js (and '@huggingface/tokenizers'), on the first text input; only packages with a tokenizer bind it. */
  readonly tokenizer?: () => Promise<{ createTokenizer(json: object): TextTokenizer }>;
  /** Node's file reads, hashing and threads (the Node entry binds runtime/node.ts); absent in browsers. */
  readonly node?: NodeHost;
}

export async function loadPackage<O extends CommonLoadOptions>(pkg: PackageBinding<O>, options: O): Promise<Model> {
  const { info, node } = pkg;
  const name = options.backend ?? info.backends[0]!;
  const open = pkg.backends[name];
  if (!open) throw new PackageError('backend', `package ${info.name} was not compiled for ${name}; it has ${info.backends.join(', ')}`);
  const locate = fileLocator(pkg, options.baseUrl);
  const manifestUrl = locate(MANIFEST_FILE);
  if (manifestUrl.protocol === 'file:' && !node && !options.fetch) {
    throw new PackageError('file', `the package's browser entry cannot read file: URLs (${manifestUrl.href}): in Node import its index.js, or the package by name (its exports pick the Node entry)`);
  }
  // Every file is checked against the size and sha256 manifest.json records (truncated or stale copies).
  const manifest = await readJson(packageFiles(locate, options.fetch, undefined, node), MANIFEST_FILE);
  const files = packageFiles(locate, options.fetch, manifestDigests(manifest, info), node, options.onProgress);
  const exitTable = await files.read(info.exitTable);
  const problem = exitTableProblem(exitTable, info.arch);
  if (problem) throw new PackageError('file', `${info.exitTable} ${problem}`);
  const backend = await open({ info, files, exitTable, node }, options);
  let tokenizer: Promise<TextTokenizer> | undefined;
  const getTokenizer = () => (tokenizer ??= openTokenizer(info, pkg.tokenizer, files));
  return createModel(info, exitTable, backend, getTokenizer);
}


/** The tokenizer module (and its '@huggingface/tokenizers' dependency) is imported only for text input. */
async function openTokenizer(info: PackageInfo, module: PackageBinding<unknown>['tokenizer'], files: FileSource): Promise<TextTokenizer> {
  if (!info.tokenizer || !module) throw new PackageError('tokenizer', `package ${info.name} has no tokenizer: pass token ids`);
  const json = await readJson(files, info.tokenizer);
  const { createTokenizer } = await module();
  try {
    return createTokenizer(json as object);
  } catch (e) {
    throw new PackageError('tokenizer', `${info.tokenizer}: ${(e as Error).message}`);
  }
}
