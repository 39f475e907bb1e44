// Integrity of package files: the size and sha256 manifest.json records for every file, checked when the
// loader reads one. Hashing uses WebCrypto where it can, else a plain incremental SHA-256 (FIPS 180-4).

import { MANIFEST_FILE, PACKAGE_FORMAT, type FileDigest } from '../../contract/manifest.ts';
import type { ArchConfig, HeadConfig } from '../../contract/model.ts';
import { PackageError } from './errors.ts';

/**
 * manifest.json's `files`, checked for shape; the manifest must come from the build of this index.js: its
 * format, spec hash, name, architecture and head are the ones index.js was generated with. (manifest.json
 * cannot list its own hash; its other fields are informational and not read.)
 */
export function manifestDigests(manifest: unknown, info: { readonly specSha256: string; readonly name: string; readonly arch: ArchConfig; readonly head: HeadConfig }): ReadonlyMap<string, FileDigest> {
  const m = manifest as { format?: unknown; specSha256?: unknown; files?: unknown } | null;
  const files = m?.files;
  if (m === null || typeof m !== 'object' || m.format !== PACKAGE_FORMAT) {
    throw new PackageError('file', `${MANIFEST_FILE} is not a hashee package manifest (no "format": "${PACKAGE_FORMAT}"): the file is damaged, or the folder is not this package`);
  }
  if (files === null || typeof files !== 'object' || Array.isArray(files)) {
    throw new PackageError('file', `${MANIFEST_FILE} lists no file sizes and hashes ("files"): recompile the package with this version of hashee`);
  }
  if (m.specSha256 !== info.specSha256) {
    throw new PackageError('file', `${MANIFEST_FILE} is from another build (spec sha256 ${String(m.specSha256)}, index.js was built from ${info.specSha256}): copy the whole package folder again`);
  }
  const facts = m as { name?: unknown; arch?: unknown; head?: unknown };
  const differs = (['name', 'arch', 'head'] as const).find((k) => !sameJson(facts[k], info[k]));
  if (differs) {
    throw new PackageError('file', `${MANIFEST_FILE} does not match index.js: its "${differs}" is ${JSON.stringify(facts[differs])}, index.js says ${JSON.stringify(info[differs])} (the file is damaged)`);
  }
  const out = new Map<string, FileDigest>();
  for (const [path, d] of Object.entries(files as Record<string, unknown>)) {
    const { bytes, sha256 } = (d ?? {}) as { bytes?: unknown; sha256?: unknown };
    if (!Number.isSafeInteger(bytes) || (bytes as number) < 0 || typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) {
      throw new PackageError('file', `${MANIFEST_FILE}: files["${path}"] is not {"bytes": <size>, "sha256": "<64 hex digits>"}`);
    }
    out.set(path, { bytes: bytes as number, sha256 });
  }
  return out;
}

/** Equal JSON values (objects compared key by key, in any order). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The error for a file whose size or hash differs from its manifest entry. */
export function mismatch(path: string, want: FileDigest, got: { readonly bytes: number; readonly sha256?: string }): PackageError {
  const actual = got.sha256 === undefined ? `${got.bytes} bytes` : `${got.bytes} bytes, sha256 ${got.sha256}`;
  return new PackageError('file', `package file ${path} does not match ${MANIFEST_FILE}: expected ${want.bytes} bytes, sha256 ${want.sha256}; got ${actual} (the file is truncated, damaged or from another build)`);
}

/**
 * sha256 of `bytes` as hex, in browsers and any fetch-based load: WebCrypto's digest when it exists (a
 * secure context) and the bytes are not in shared memory (digest refuses those: a threaded WASM engine's
 * weights), the incremental JS hash otherwise (it reads the bytes in place, without a copy).
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle;
  if (subtle && bytes.buffer instanceof ArrayBuffer) {
    return toHex(new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
  }
  return new Sha256().update(bytes).hex();
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * SHA-256's round constants and initial state: the first 32 bits of the fractional parts of the cube roots
 * of the first 64 primes and the square roots of the first 8, computed exactly with integer roots (BigInt)
 * so every engine gets the same bits.
 */
const PRIMES = firstPrimes(64);
const K = new Int32Array(PRIMES.map((p) => fractionBits(BigInt(p), 3)));
const H0 = PRIMES.slice(0, 8).map((p) => fractionBits(BigInt(p), 2));

function firstPrimes(n: number): number[] {
  const out: number[] = [];
  for (let k = 2; out.length < n; k++) if (out.every((p) => k % p !== 0)) out.push(k);
  return out;
}

/** floor(p^(1/root) * 2^32) mod 2^32: the integer root of p * 2^(32 root), by bisection. */
function fractionBits(p: bigint, root: 2 | 3): number {
  const target = p << BigInt(32 * root);
  let lo = 0n, hi = 1n << 40n; // p <= 311 < 2^9, so the root is below 2^35
  while (hi - lo > 1n) {
    const mid = (lo + hi) >> 1n;
    if (mid ** BigInt(root) <= target) lo = mid;
    else hi = mid;
  }
  return Number(lo & 0xffffffffn);
}

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/** Incremental SHA-256 over chunks (FIPS 180-4 section 6.2). */
export class Sha256 {
  // Int32Array: words stay small integers for the JIT (stores wrap mod 2^32 like the spec's additions)
  private readonly h = new Int32Array(H0);
  private readonly w = new Int32Array(64);
  private readonly block = new Uint8Array(64); // a partial block carried between update() calls
  private used = 0;                            // bytes in `block`
  private length = 0;                          // message bytes so far

  update(data: Uint8Array): this {
    this.length += data.length;
    let i = 0;
    if (this.used > 0) {
      i = Math.min(64 - this.used, data.length);
      this.block.set(data.subarray(0, i), this.used);
      this.used += i;
      if (this.used < 64) return this;
      this.compress(new DataView(this.block.buffer), 0);
      this.used = 0;
    }
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    for (; i + 64 <= data.length; i += 64) this.compress(view, i);
    if (i < data.length) {
      this.block.set(data.subarray(i), 0);
      this.used = data.length - i;
    }
    return this;
  }

  /** The digest as hex; the hash cannot be updated afterwards. */
  hex(): string {
    const bits = this.length * 8;
    // 0x80, zeros up to 56 mod 64, then the message length in bits as a 64-bit big-endian number
    const pad = new Uint8Array((this.used < 56 ? 64 : 128) - this.used);
    pad[0] = 0x80;
    const view = new DataView(pad.buffer);
    view.setUint32(pad.length - 8, Math.floor(bits / 2 ** 32));
    view.setUint32(pad.length - 4, bits >>> 0);
    this.update(pad);
    return Array.from(this.h, (x) => (x >>> 0).toString(16).padStart(8, '0')).join('');
  }

  /** One 64-byte block of `d` at byte `at`: words are big-endian. */
  private compress(d: DataView, at: number): void {
    const w = this.w, h = this.h;
    for (let t = 0; t < 16; t++) w[t] = d.getInt32(at + 4 * t);
    for (let t = 16; t < 64; t++) {
      const x = w[t - 15]!, y = w[t - 2]!;
      w[t] = w[t - 16]! + (rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3)) + w[t - 7]! + (rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10));
    }
    let a = h[0]!, b = h[1]!, c = h[2]!, e = h[4]!, f = h[5]!, g = h[6]!, dd = h[3]!, hh = h[7]!;
    for (let t = 0; t < 64; t++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t]! + w[t]!) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g; g = f; f = e; e = (dd + t1) | 0; dd = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    h[0] = h[0]! + a; h[1] = h[1]! + b; h[2] = h[2]! + c; h[3] = h[3]! + dd;
    h[4] = h[4]! + e; h[5] = h[5]! + f; h[6] = h[6]! + g; h[7] = h[7]! + hh;
  }
}
