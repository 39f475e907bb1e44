// Deterministic text helpers for package files: JSON with a trailing newline, content hashes.

import { createHash } from 'node:crypto';

export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
