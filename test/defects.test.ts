// Regressions from a new user's report (issue 15) that no other test file owns.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compileHost } from '../compiler/emit/host/emit.ts';

function typeCheckFailure(): string {
  try {
    compileHost("export const n: number = 'not a number';\n", []);
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

test.run();
