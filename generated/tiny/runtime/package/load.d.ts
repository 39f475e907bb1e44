// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
import { type FetchLike, type LoadProgress } from './files.js';
import { type Model } from './model.js';
import type { Backend, BackendName, OpenContext, PackageInfo } from './types.js';
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
export declare function loadPackage<O extends CommonLoadOptions>(info: PackageInfo, openers: Partial<Record<BackendName, BackendOpener<O>>>, moduleUrl: string, options: O): Promise<Model>;
