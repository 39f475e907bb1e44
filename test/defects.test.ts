// Regressions from a new user's report (issue 15) that no other test file owns.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash } from 'node:crypto';
import { compileHost } from '../compiler/emit/host/emit.ts';
import { Sha256, sha256Hex } from '../runtime/package/digest.ts';

function typeCheckFailure(): string {
  try {
    compileHost(new Map([['index.ts', "export const n: number = 'not a number';\n"]]), []);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the host build to fail');
}

test('host type-check diagnostics are plain text unless stderr is a terminal', () => {
  const tty = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
  try {
    Object.defineProperty(process.stderr, 'isTTY', { value: false, configurable: true });
    const plain = typeCheckFailure();
    assert.match(plain, /index\.ts\(1,14\): error TS2322/);
    assert.not.match(plain, /\x1b\[/);
    Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
    assert.match(typeCheckFailure(), /\x1b\[/); // a terminal keeps TypeScript's colours
  } finally {
    if (tty) Object.defineProperty(process.stderr, 'isTTY', tty);
    else delete (process.stderr as { isTTY?: boolean }).isTTY;
  }
});

test('the JS SHA-256 (browsers without WebCrypto, shared memory) equals node:crypto for any length and chunking', async () => {
  let s = 12345;
  const bytes = new Uint8Array(70_000).map(() => { s = (Math.imul(s, 1103515245) + 12345) >>> 0; return s >>> 24; });
  for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000, 70_000]) {
    const data = bytes.subarray(0, n);
    const want = createHash('sha256').update(data).digest('hex');
    assert.is(new Sha256().update(data).hex(), want, `${n} bytes at once`);
    for (const chunk of [1, 7, 64, 100]) {
      const h = new Sha256();
      for (let i = 0; i < n; i += chunk) h.update(data.subarray(i, i + chunk));
      assert.is(h.hex(), want, `${n} bytes in chunks of ${chunk}`);
    }
    const shared = new Uint8Array(new SharedArrayBuffer(n));
    shared.set(data);
    assert.is(await sha256Hex(shared), want, `${n} bytes in shared memory`);
    assert.is(await sha256Hex(data), want, `${n} bytes through WebCrypto`);
  }
  assert.is(new Sha256().update(new TextEncoder().encode('abc')).hex(), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'); // FIPS 180-2 example
});

test.run();
