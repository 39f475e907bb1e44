// Atomic output: files and directories appear whole or not at all (temp + rename), never half-written.
// A write the system refuses (permissions, a file where a folder must be, a full disk) is a user error.

import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, existsSync, mkdtempSync, statSync, type Stats } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { HasheeError } from '../errors.ts';

/** What is at an output path (undefined: nothing); a path that cannot be written (ENOTDIR, EACCES) is an 'output' error. */
export function statOut(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (e) {
    throw writeError(path, e);
  }
}

/** Throws the 'output' error for writing a file at `path` when a directory is there. */
export function checkFileOut(path: string): void {
  if (statOut(path)?.isDirectory()) {
    throw new HasheeError('output', `cannot write ${path}: it is a directory`, { expected: 'a file path (new, or a file to replace)', actual: 'a directory' });
  }
}

/** Writes `path` via a sibling temp file and a rename: readers never see a partial file. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  checkFileOut(path);
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw writeError(path, e);
  }
}

/**
 * Writes a whole directory: every file goes into a sibling temp directory which then replaces `dir` (a
 * directory or file already there is put back when the swap fails). Keys are relative paths ('a/b.bin');
 * they are written in sorted order.
 */
export function writeDirAtomic(dir: string, files: ReadonlyMap<string, string | Uint8Array>): void {
  const parent = dirname(dir);
  let tmp: string | undefined, old: string | undefined;
  try {
    mkdirSync(parent, { recursive: true });
    tmp = mkdtempSync(join(parent, `.${basename(dir)}.tmp-`));
    chmodSync(tmp, 0o755); // mkdtemp makes it 0700: a compiled package must be readable by a web server
    for (const name of [...files.keys()].sort()) {
      const target = join(tmp, name);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, files.get(name)!);
    }
    if (existsSync(dir)) {
      old = `${tmp}.old`;
      renameSync(dir, old);
    }
    renameSync(tmp, dir);
  } catch (e) {
    if (old && !existsSync(dir)) renameSync(old, dir);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    throw writeError(dir, e);
  }
  if (old) rmSync(old, { recursive: true, force: true });
}

/** A system error (it has an errno code) as a user-facing one; anything else unchanged. */
function writeError(path: string, e: unknown): unknown {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return e;
  const why = WRITE_ERRORS[code] ?? (e as Error).message;
  return new HasheeError('output', `cannot write ${path}: ${why}`, { actual: code });
}

const WRITE_ERRORS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EISDIR: 'it is a directory',
  EEXIST: 'a part of the path is a file, not a directory',
};

/** A JSON file named by a command-line option, or a located user error naming the option. */
export function readJsonOption(path: string, option: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new HasheeError('file-missing', `${option} ${path}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new HasheeError('file-format', `${option} ${path}: not valid JSON (${(e as Error).message})`);
  }
}
