// Types shared by the package writers: the files of a package and what every target's emitter receives.

import type { Loaded } from '../load.ts';

/** Package-relative path ('wasm/weights.bin') -> contents. */
export type PackageFiles = Map<string, string | Uint8Array>;

/** What every target's emitter receives; it adds its files and manifest entries. */
export interface EmitContext {
  readonly loaded: Loaded;
  readonly toolVersion: string;
  /** First line(s) of every generated text file: tool version and spec hash, no timestamps. */
  readonly header: string;
}

export type TargetEmitter = (ctx: EmitContext) => Promise<{ files: PackageFiles; manifest: Record<string, unknown> }>;

