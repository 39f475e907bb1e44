// Types of `import model from './my-model.yaml?hashee'` (the bundler plugin, hashee/plugin): add
// "hashee/client" to compilerOptions.types, or `/// <reference types="hashee/client" />` in one file.
// These are an encoder package's; an encoder-decoder spec's load() resolves to a Seq2SeqPackageModel
// (hashee/runtime), whose generate() takes text or ids: `(await model.load()) as unknown as Seq2SeqPackageModel`.

declare module '*?hashee' {
  import type { LoadOptions, Model, PackageInfo, PackageError as PackageErrorClass } from 'hashee/runtime';

  /** Where the package's files are served: the folder the plugin wrote (esbuild, Vite's dev server); undefined where the bundler emitted them as assets (Vite, Rollup, webpack builds). */
  export const baseUrl: string | undefined;
  /** The WASM pool's worker as the plugin serves it (undefined where the bundler bundled it, or without the wasm target). */
  export const workerUrl: string | undefined;
  /** What the compiler decided: name, backends, shape, exit table file. */
  export const PACKAGE: PackageInfo;
  export const PackageError: typeof PackageErrorClass;
  /** Loads the model from the emitted files (baseUrl and workerUrl already set). */
  export function load(options?: LoadOptions): Promise<Model>;

  const model: { readonly load: typeof load; readonly baseUrl: string | undefined; readonly workerUrl: string | undefined; readonly info: PackageInfo };
  export default model;
}
