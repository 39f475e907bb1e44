// The types a generated package's entries export, in one place for code that imports a package through
// the bundler plugin (`import model from './model.yaml?hashee'`, typed by hashee/client).

import type { CommonLoadOptions } from './load.ts';
import type { WasmLoadOptions } from './wasm.ts';
import type { WebGpuLoadOptions } from './webgpu.ts';

export type { Model, ModelBatchResult, ModelResult, ModelRunOptions, TokenIds } from './model.ts';
export type { BackendName, PackageInfo } from './types.ts';
export type { LoadProgress } from './files.ts';
export { PackageError, type PackageErrorCode } from './errors.ts';
// An encoder-decoder package's load() returns a Seq2SeqPackageModel (generate() instead of run()).
export type { GenerateCall, GenerateOutput, Seq2SeqLoadOptions, Seq2SeqPackageInfo, Seq2SeqPackageModel } from './seq2seq.ts';

/** The options of a package's load(): where the files are, which backend, and the backend's own options. */
export type LoadOptions = CommonLoadOptions & WasmLoadOptions & WebGpuLoadOptions;
