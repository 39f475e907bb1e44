// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
import { type FetchLike, type LoadProgress } from './files.js';
import { type Model } from './model.js';
import type { TextTokenizer } from '../tokenizer.js';
import type { NodeHost } from '../host.js';
import type { Backend, BackendName, OpenContext, PackageInfo } from './types.js';
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
    readonly tokenizer?: () => Promise<{
        createTokenizer(json: object): TextTokenizer;
    }>;
    /** Node's file reads, hashing and threads (the Node entry binds runtime/node.ts); absent in browsers. */
    readonly node?: NodeHost;
}
export declare function loadPackage<O extends CommonLoadOptions>(pkg: PackageBinding<O>, options: O): Promise<Model>;
