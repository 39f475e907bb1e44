// Atomic output: files and directories appear whole or not at all (temp + rename), never half-written.
// A write the system refuses (permissions, a file where a folder must be, a full disk) is a user error, and
// whatever the failed write had created (temp files, new parent folders) is removed again.

import * as fs from 'node:fs';
import type { Stats } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { HasheeError } from '../errors.ts';

/** The file-system calls the writers make: node:fs, or a test's stand-in (a disk that fills up). */
export interface WriteCalls {
  readonly mkdirSync: (path: string, options: { recursive: true }) => string | undefined;
  readonly mkdtempSync: (prefix: string) => string;
  readonly chmodSync: (path: string, mode: number) => void;
  readonly writeFileSync: (path: string, data: string | Uint8Array) => void;
  readonly renameSync: (from: string, to: string) => void;
  readonly rmSync: (path: string, options: { recursive?: boolean; force: true }) => void;
}

const NODE_FS: WriteCalls = fs;
let calls: WriteCalls = NODE_FS;

/**
 * Runs `body` with some write calls replaced (the test hook for failures the system cannot be made to
 * produce here: a full disk, a permission refused to root); the real calls are back when it settles.
 */
export async function withWriteCalls<T>(replace: Partial<WriteCalls>, body: () => Promise<T> | T): Promise<T> {
  const before = calls;
  calls = { ...before, ...replace };
  try {
    return await body();
  } finally {
    calls = before;
  }
}

/** What is at an output path (undefined: nothing); a path that cannot be written (ENOTDIR, EACCES) is an 'output' error. */
export function statOut(path: string): Stats | undefined {
  try {
    return fs.statSync(path, { throwIfNoEntry: false });
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
  let created: string | undefined;
  try {
    created = calls.mkdirSync(dirname(path), { recursive: true });
    calls.writeFileSync(tmp, data);
    calls.renameSync(tmp, path);
  } catch (e) {
    throw writeError(path, e, cleanUp([tmp, created]));
  }
}

/**
 * Writes a whole directory: every file goes into a sibling temp directory which then replaces `dir` (a
 * directory or file already there is put back when the swap fails). Keys are relative paths ('a/b.bin');
 * they are written in sorted order.
 */
export function writeDirAtomic(dir: string, files: ReadonlyMap<string, string | Uint8Array>): void {
  const parent = dirname(dir);
  let tmp: string | undefined, old: string | undefined, created: string | undefined;
  try {
    created = calls.mkdirSync(parent, { recursive: true });
    tmp = calls.mkdtempSync(join(parent, `.${basename(dir)}.tmp-`));
    calls.chmodSync(tmp, 0o755); // mkdtemp makes it 0700: a compiled package must be readable by a web server
    for (const name of [...files.keys()].sort()) {
      const target = join(tmp, name);
      calls.mkdirSync(dirname(target), { recursive: true });
      calls.writeFileSync(target, files.get(name)!);
    }
    if (fs.existsSync(dir)) {
      old = `${tmp}.old`;
      calls.renameSync(dir, old);
    }
    calls.renameSync(tmp, dir);
  } catch (e) {
    const stuck: string[] = [];
    if (old && !fs.existsSync(dir)) {
      try { calls.renameSync(old, dir); } catch { stuck.push(`${old} (the previous ${dir})`); }
    }
    throw writeError(dir, e, [...stuck, ...cleanUp([tmp, created])]);
  }
  if (old && cleanUp([old]).length > 0) {
    throw new HasheeError('output', `wrote ${dir}, but could not remove the previous copy, moved to ${old}: remove it by hand`);
  }
}

/** Removes what a failed write created (best effort); returns the paths that could not be removed. */
function cleanUp(paths: readonly (string | undefined)[]): string[] {
  const left: string[] = [];
  for (const p of paths) {
    if (p === undefined) continue;
    try {
      calls.rmSync(p, { recursive: true, force: true });
    } catch {
      left.push(p);
    }
  }
  return left;
}

/** A system error (it has an errno code) as a user-facing one, naming anything left behind; anything else unchanged. */
function writeError(path: string, e: unknown, left: readonly string[] = []): unknown {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return e;
  const why = WRITE_ERRORS[code] ?? (e as Error).message;
  const stuck = left.length > 0 ? `; could not remove ${left.join(', ')}` : '';
  return new HasheeError('output', `cannot write ${path}: ${why}${stuck}`, { actual: code });
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
  ENAMETOOLONG: 'the path is too long',
  EMFILE: 'too many open files',
  EIO: 'an input/output error (a failing disk?)',
};

/** A JSON file named by a command-line option, or a located user error naming the option. */
export function readJsonOption(path: string, option: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (e) {
    throw new HasheeError('file-missing', `${option} ${path}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new HasheeError('file-format', `${option} ${path}: not valid JSON (${(e as Error).message})`);
  }
}
