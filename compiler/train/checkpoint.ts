// Training checkpoints: parameters and AdamW moments after a whole epoch, written atomically, with a
// fingerprint of everything that determines the run so that a resume continues the very same run.
// Format: "hashee-checkpoint 1\n", one JSON header line, zero padding to a multiple of 4 bytes, then
// params, m, v as little-endian float32 (header.size values each).

import { readFileSync } from 'node:fs';
import { HasheeError } from '../errors.ts';
import { writeFileAtomic } from '../util/fs.ts';
import type { Vec } from './backend.ts';

const MAGIC = 'hashee-checkpoint 1\n';

export interface CheckpointHeader {
  readonly fingerprint: string; // sha256 of the run's settings, model, exit table and data
  readonly epoch: number;       // epochs completed
  readonly step: number;        // optimizer steps done
  readonly size: number;        // parameters
}

export interface CheckpointState { readonly params: Vec; readonly m: Vec; readonly v: Vec }

export function writeCheckpoint(path: string, header: CheckpointHeader, state: CheckpointState): void {
  let head = Buffer.from(`${MAGIC}${JSON.stringify(header)}\n`, 'utf8');
  head = Buffer.concat([head, Buffer.alloc((4 - (head.length % 4)) % 4)]);
  const body = Buffer.alloc(3 * header.size * 4);
  [state.params, state.m, state.v].forEach((a, k) => {
    for (let i = 0; i < header.size; i++) body.writeFloatLE(a[i]!, (k * header.size + i) * 4);
  });
  writeFileAtomic(path, Buffer.concat([head, body]));
}

/** Reads a checkpoint into `state`; refuses one from a different run (fingerprint) or a damaged file. */
export function readCheckpoint(path: string, fingerprint: string, state: CheckpointState): CheckpointHeader {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new HasheeError('file-missing', `cannot resume: no checkpoint at ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const bad = (why: string): never => { throw new HasheeError('file-format', `${path}: not a usable checkpoint: ${why}`); };
  if (bytes.subarray(0, MAGIC.length).toString('utf8') !== MAGIC) bad('missing header');
  const end = bytes.indexOf(0x0a, MAGIC.length);
  if (end < 0) bad('truncated header');
  let header: CheckpointHeader;
  try { header = JSON.parse(bytes.subarray(MAGIC.length, end).toString('utf8')) as CheckpointHeader; } catch { return bad('header is not JSON'); }
  if (header.fingerprint !== fingerprint) {
    throw new HasheeError('usage', `${path} was written by a different run (spec, data, exit table or training options differ)`, {
      expected: 'the same SPEC, data and options as the interrupted run', actual: 'a checkpoint of another run',
    });
  }
  const start = Math.ceil((end + 1) / 4) * 4;
  if (bytes.length !== start + 3 * header.size * 4 || header.size !== state.params.length) bad(`size ${bytes.length} bytes does not match ${header.size} parameters`);
  [state.params, state.m, state.v].forEach((a, k) => {
    for (let i = 0; i < header.size; i++) a[i] = bytes.readFloatLE(start + (k * header.size + i) * 4);
  });
  return header;
}
