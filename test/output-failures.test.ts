// Outputs the system refuses to write (issue 10): an unwritable folder, a read-only file system, a full disk,
// a rename that fails mid-swap. Each is a clear 'output' error (exit 1) and leaves the folder as it was:
// no temp files, no new parent folders, a previous package intact. Failures the machine cannot be made to
// produce (a permission refused to root; a full disk without mount rights) are injected through
// compiler/util/fs.ts withWriteCalls; where this process may mount, a read-only bind mount and a tiny tmpfs
// give the real errors too.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../compiler/cli.ts';
import { runPipeline } from '../compiler/pipeline.ts';
import { writePackage } from '../compiler/package/assemble.ts';
import { withWriteCalls, writeFileAtomic } from '../compiler/util/fs.ts';
import { hasheeError } from './support/errors.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SPEC = join(ROOT, 'specs/tiny.yaml');
const work = mkdtempSync(join(tmpdir(), 'hashee-output-'));

async function cli(...argv: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await main(argv, { out: () => {}, err: (s) => { err += s; } });
  return { code, err };
}

/** Every path under `dir` (files and folders), sorted. */
function tree(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => [`${prefix}${e.name}`, ...(e.isDirectory() ? tree(dir, `${prefix}${e.name}/`) : [])]);
}

const systemError = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: refused (injected)`), { code });

/** writeFileSync that fails with `code` once `after` files were written (a disk that fills up mid-package). */
function failingWrites(code: string, after: number): { writeFileSync: (p: string, d: string | Uint8Array) => void } {
  let n = 0;
  return {
    writeFileSync: (p, d) => {
      if (n++ >= after) {
        fs.writeFileSync(p, typeof d === 'string' ? d.slice(0, 10) : d.subarray(0, 10)); // a partial file, as a full disk leaves one
        throw systemError(code);
      }
      fs.writeFileSync(p, d);
    },
  };
}

// One assembled package (the host type-check makes each build take seconds): written again by every case.
const built = await runPipeline(SPEC, { targets: ['wasm'], toolVersion: '0.0.0-test' });
const files = built.package!, spec = built.spec!;

test('a full disk mid-package (ENOSPC after 5 files), through hashee compile: exit 1, and nothing is left, not even the new parent folder', async () => {
  const parent = mkdtempSync(join(work, 'full-'));
  const out = join(parent, 'new', 'deeper', 'pkg');
  const r = await withWriteCalls(failingWrites('ENOSPC', 5), () => cli('compile', SPEC, '--out', out, '--target', 'wasm'));
  assert.is(r.code, 1, r.err);
  assert.match(r.err, /^error\[output\]: cannot write .*new\/deeper\/pkg: no space left on the device\n {2}actual: {3}ENOSPC\n$/);
  assert.equal(tree(parent), []);
});

test('the same failures when replacing a package: the previous package stays whole and unchanged', async () => {
  const parent = mkdtempSync(join(work, 'replace-'));
  const out = join(parent, 'pkg');
  writePackage(files, out, spec);
  const before = tree(parent), manifest = readFileSync(join(out, 'manifest.json'));
  for (const [code, message] of [['ENOSPC', 'no space left on the device'], ['EIO', 'an input/output error'], ['EDQUOT', 'disk quota exceeded']]) {
    for (const after of [0, 3, files.size - 1]) {
      const e = await withWriteCalls(failingWrites(code!, after), () => hasheeError(() => writePackage(files, out, spec)));
      assert.is(e.code, 'output');
      assert.match(e.message, new RegExp(`cannot write .*pkg: ${message}`));
      assert.equal(tree(parent), before, `${code} after ${after} files`);
      assert.equal(readFileSync(join(out, 'manifest.json')), manifest);
    }
  }
  // the swap itself fails (the new folder cannot take the old one's name): the old one is put back
  let renames = 0;
  const e = await withWriteCalls({ renameSync: (a, b) => { if (++renames === 2) throw systemError('EACCES'); fs.renameSync(a, b); } }, () => hasheeError(() => writePackage(files, out, spec)));
  assert.match(e.message, /cannot write .*pkg: permission denied/);
  assert.equal(tree(parent), before);
});

test('an unwritable folder: chmod 555 as a normal user; as root (which chmod does not stop) the same EACCES, injected', async () => {
  const parent = mkdtempSync(join(work, 'locked-'));
  const out = join(parent, 'pkg');
  const root = process.getuid?.() === 0;
  if (root) {
    console.log('  running as root: chmod 555 does not stop root, so the refusal is injected (EACCES from mkdtemp, as the kernel gives a normal user)');
    const e = await withWriteCalls({ mkdtempSync: () => { throw systemError('EACCES'); } }, () => hasheeError(() => writePackage(files, out, spec)));
    assert.match(e.format(), /^error\[output\]: cannot write .*locked-.*\/pkg: permission denied\n {2}actual: {3}EACCES$/);
  } else {
    chmodSync(parent, 0o555);
    try {
      const r = await cli('compile', SPEC, '--out', out, '--target', 'wasm');
      assert.is(r.code, 1, r.err);
      assert.match(r.err, /error\[output\]: cannot write .*pkg: permission denied/);
    } finally {
      chmodSync(parent, 0o755);
    }
  }
  assert.equal(tree(parent), []);
});

test('a single file (export-onnx, import --out): a failed write leaves no temp file and removes the parent folders it made', async () => {
  const parent = mkdtempSync(join(work, 'file-'));
  const target = join(parent, 'a', 'b', 'model.onnx');
  const e = await withWriteCalls(failingWrites('ENOSPC', 0), () => hasheeError(() => writeFileAtomic(target, new Uint8Array(1000))));
  assert.match(e.message, /cannot write .*a\/b\/model\.onnx: no space left on the device/);
  assert.equal(tree(parent), []);
  // the clean-up itself fails: the message names what is left behind
  const e2 = await withWriteCalls({ ...failingWrites('ENOSPC', 0), rmSync: () => { throw systemError('EBUSY'); } }, () => hasheeError(() => writeFileAtomic(target, 'x')));
  assert.match(e2.message, /no space left on the device; could not remove .*\.model\.onnx\.tmp-\d+, .*file-[^/]*\/a$/);
  rmSync(join(parent, 'a'), { recursive: true });
  // an existing file is replaced whole or not at all
  mkdirSync(join(parent, 'a'));
  writeFileSync(join(parent, 'a', 'keep.onnx'), 'old');
  await withWriteCalls(failingWrites('EIO', 0), () => hasheeError(() => writeFileAtomic(join(parent, 'a', 'keep.onnx'), 'new contents')));
  assert.is(readFileSync(join(parent, 'a', 'keep.onnx'), 'utf8'), 'old');
  assert.equal(tree(parent), ['a', 'a/keep.onnx']);
});

/** Runs `mount` with `args`; false when this process may not mount (no root, no CAP_SYS_ADMIN, a container policy). */
function mount(args: readonly string[]): boolean {
  try {
    execFileSync('mount', args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

test('real refusals where this process may mount: a read-only bind mount (EROFS) and a 64 KiB tmpfs that fills up (ENOSPC)', async () => {
  const ro = mkdtempSync(join(work, 'ro-'));
  if (!mount(['--bind', ro, ro])) {
    console.log('  skipped: this process may not mount file systems (needs root with CAP_SYS_ADMIN); the injected failures above cover the same code');
    return;
  }
  try {
    assert.ok(mount(['-o', 'remount,bind,ro', ro]), 'remount read-only');
    const r = await cli('compile', SPEC, '--out', join(ro, 'pkg'), '--target', 'wasm');
    assert.is(r.code, 1, r.err);
    assert.match(r.err, /error\[output\]: cannot write .*pkg: the file system is read-only\n {2}actual: {3}EROFS/);
    assert.equal(tree(ro), []);
  } finally {
    execFileSync('umount', [ro]);
  }
  const small = mkdtempSync(join(work, 'tmpfs-'));
  assert.ok(mount(['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', small]), 'mount a tmpfs');
  try {
    const e = hasheeError(() => writePackage(files, join(small, 'pkg'), spec));
    assert.match(e.format(), /cannot write .*pkg: no space left on the device\n {2}actual: {3}ENOSPC/);
    assert.equal(tree(small), []);
  } finally {
    execFileSync('umount', [small]);
  }
  assert.not.ok(existsSync(join(small, 'pkg')));
});

test.after(() => rmSync(work, { recursive: true, force: true }));

test.run();
