// Atomic output: files and directories appear whole or not at all (temp + rename), never half-written.

import { chmodSync, mkdirSync, renameSync, rmSync, writeFileSync, existsSync, mkdtempSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

/** Writes `path` via a sibling temp file and a rename: readers never see a partial file. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Writes a whole directory: every file goes into a sibling temp directory which then replaces `dir`.
 * Keys are relative paths ('a/b.bin'); they are written in sorted order.
 */
export function writeDirAtomic(dir: string, files: ReadonlyMap<string, string | Uint8Array>): void {
  const parent = dirname(dir);
  mkdirSync(parent, { recursive: true });
  const tmp = mkdtempSync(join(parent, `.${basename(dir)}.tmp-`));
  try {
    chmodSync(tmp, 0o755); // mkdtemp makes it 0700: a compiled package must be readable by a web server
    for (const name of [...files.keys()].sort()) {
      const target = join(tmp, name);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, files.get(name)!);
    }
    const old = existsSync(dir) ? `${tmp}.old` : undefined;
    if (old) renameSync(dir, old);
    renameSync(tmp, dir);
    if (old) rmSync(old, { recursive: true, force: true });
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}
