// load() of a generated package: reads the manifest's file digests and the exit table, opens the chosen
// backend, and wraps it in a Model.
// The generated index.ts passes what the compiler decided (PackageInfo) and its compiled backends.

import { PackageError } from './errors.ts';
import { MANIFEST_FILE, exitTableProblem } from '../../contract/manifest.ts';
import { manifestDigests } from './digest.ts';
import { packageFiles, readJson, type FetchLike, type FileSource, type LoadProgress } from './files.ts';
import { createModel, type Model } from './model.ts';
import type { TextTokenizer } from '../tokenizer.ts';
import type { Backend, BackendName, OpenContext, PackageInfo } from './types.ts';

export interface CommonLoadOptions {
  /** Which compiled target to run; default: the package's first (see PackageInfo.backends). */
  readonly backend?: BackendName;
  /** Where the package files are; default: the directory of the generated index.js. */
  readonly baseUrl?: string | URL;
  /** Used for every file when given (browsers use the global fetch by default, Node reads files). */
  readonly fetch?: FetchLike;
  /** Hears of every package file read while loading (the weights chunk by chunk): for a progress bar. */
  readonly onProgress?: (progress: LoadProgress) => void;
}

/** Opens one backend from its files; the generated index.ts binds each compiled target's files. */
export type BackendOpener<O> = (ctx: OpenContext, options: O) => Promise<Backend>;

export async function loadPackage<O extends CommonLoadOptions>(
  info: PackageInfo,
  openers: Partial<Record<BackendName, BackendOpener<O>>>,
  moduleUrl: string,
  options: O,
): Promise<Model> {
  const name = options.backend ?? info.backends[0]!;
  const open = openers[name];
  if (!open) throw new PackageError('backend', `package ${info.name} was not compiled for ${name}; it has ${info.backends.join(', ')}`);
  const base = new URL(options.baseUrl ?? './', moduleUrl);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  // Every file is checked against the size and sha256 manifest.json records (truncated or stale copies).
  const manifest = await readJson(packageFiles(base, options.fetch), MANIFEST_FILE);
  const files = packageFiles(base, options.fetch, manifestDigests(manifest, info.specSha256), options.onProgress);
  const exitTable = await files.read(info.exitTable);
  const problem = exitTableProblem(exitTable, info.arch);
  if (problem) throw new PackageError('file', `${info.exitTable} ${problem}`);
  const backend = await open({ info, files, exitTable }, options);
  let tokenizer: Promise<TextTokenizer> | undefined;
  const getTokenizer = () => (tokenizer ??= openTokenizer(info, files));
  return createModel(info, exitTable, backend, getTokenizer);
}

/** The tokenizer module (and its '@huggingface/tokenizers' dependency) is imported only for text input. */
async function openTokenizer(info: PackageInfo, files: FileSource): Promise<TextTokenizer> {
  if (!info.tokenizer) throw new PackageError('tokenizer', `package ${info.name} has no tokenizer: pass token ids`);
  const json = await readJson(files, info.tokenizer);
  const { createTokenizer } = await import('../tokenizer.ts');
  try {
    return createTokenizer(json as object);
  } catch (e) {
    throw new PackageError('tokenizer', `${info.tokenizer}: ${(e as Error).message}`);
  }
}
