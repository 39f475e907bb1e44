// Reads a Python dict of ints (the HashEE reference code's token2bucket) from a pickle (protocols 2-5) or a
// torch.save file (a zip archive holding the pickle as <name>/data.pkl), without Python.

import { inflateRawSync } from 'node:zlib';

/** Why a file could not be read as a pickled dict of ints, and where. */
export class PickleError extends Error {}

/** True when `bytes` start like a pickle of protocol 2 or later (PROTO opcode). */
export function isPickle(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x80 && bytes[1]! >= 2 && bytes[1]! <= 5;
}

/** True when `bytes` start like a zip archive (torch.save's format since PyTorch 1.6). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The `data.pkl` entry of a torch.save zip archive, inflated when stored compressed. */
export function torchSavePickle(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new PickleError('a zip archive without an end of central directory record');
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  for (let e = 0; e < entries; e++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== 0x02014b50) throw new PickleError(`a broken zip central directory at byte ${at}`);
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true), extra = view.getUint16(at + 30, true), comment = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    names.push(name);
    if (name === 'data.pkl' || name.endsWith('/data.pkl')) {
      if (local + 30 > zip.length || view.getUint32(local, true) !== 0x04034b50) throw new PickleError(`a broken zip entry '${name}'`);
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      if (start + compressed > zip.length) throw new PickleError(`zip entry '${name}' runs past the end of the file`);
      const data = zip.subarray(start, start + compressed);
      if (method === 0) return data;
      if (method === 8) return inflated(data, name);
      throw new PickleError(`zip entry '${name}' uses compression method ${method} (only stored and deflate are read)`);
    }
    at += 46 + nameLength + extra + comment;
  }
  throw new PickleError(`a zip archive without data.pkl (entries: ${names.slice(0, 5).join(', ')})`);
}

/**
 * At most this many bytes come out of a deflated data.pkl: a dict of a vocabulary's ints is a few MB, and
 * a damaged or hostile archive could otherwise inflate to all of memory.
 */
const MAX_PICKLE_BYTES = 256 * 2 ** 20;

function inflated(data: Uint8Array, name: string): Uint8Array {
  try {
    return new Uint8Array(inflateRawSync(data, { maxOutputLength: MAX_PICKLE_BYTES }));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ERR_BUFFER_TOO_LARGE' ? `inflates to more than ${MAX_PICKLE_BYTES} bytes` : `does not inflate (${(e as Error).message})`;
    throw new PickleError(`zip entry '${name}' ${why}`);
  }
}

const MARK = Symbol('mark');
type Value = number | bigint | Map<number, number> | typeof MARK;

/**
 * The dict {int: int} a pickle holds. Understands the opcodes a dict of Python ints is written with at
 * protocols 2-5 (PROTO, FRAME, EMPTY_DICT, MARK, BININT/BININT1/BININT2, LONG1, SETITEM(S), memo
 * puts, STOP); anything else (strings, numpy scalars, nested objects) is refused naming the opcode.
 */
export function unpickleIntDict(bytes: Uint8Array): Map<number, number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stack: Value[] = [];
  let p = 0;
  const need = (n: number): void => {
    if (p + n > bytes.length) throw new PickleError(`the pickle ends inside an opcode at byte ${p}`);
  };
  const int = (v: Value, what: string): number => {
    if (typeof v === 'number') return v;
    if (typeof v === 'bigint' && v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(v);
    throw new PickleError(`a dict ${what} that is not a (small) int`);
  };
  const popMark = (): Value[] => {
    const m = stack.lastIndexOf(MARK);
    if (m < 0) throw new PickleError(`SETITEMS without a MARK at byte ${p - 1}`);
    return stack.splice(m).slice(1);
  };
  const dictAt = (i: number): Map<number, number> => {
    const d = stack[i];
    if (!(d instanceof Map)) throw new PickleError(`SETITEM on something that is not a dict at byte ${p - 1}`);
    return d;
  };
  while (p < bytes.length) {
    const op = bytes[p++]!;
    switch (op) {
      case 0x80: need(1); p += 1; break;                                   // PROTO n
      case 0x95: need(8); p += 8; break;                                   // FRAME (8-byte length): framing only
      case 0x7d: stack.push(new Map()); break;                             // EMPTY_DICT '}'
      case 0x28: stack.push(MARK); break;                                  // MARK '('
      case 0x94: break;                                                    // MEMOIZE: the memo is never read back here
      case 0x71: need(1); p += 1; break;                                   // BINPUT n
      case 0x72: need(4); p += 4; break;                                   // LONG_BINPUT n
      case 0x4b: need(1); stack.push(bytes[p]!); p += 1; break;            // BININT1 'K' (unsigned byte)
      case 0x4d: need(2); stack.push(view.getUint16(p, true)); p += 2; break; // BININT2 'M' (unsigned short)
      case 0x4a: need(4); stack.push(view.getInt32(p, true)); p += 4; break;  // BININT 'J' (signed int)
      case 0x8a: {                                                         // LONG1 n: n-byte two's complement, little-endian
        need(1);
        const n = bytes[p++]!;
        need(n);
        let v = 0n;
        for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[p + i]!);
        if (n > 0 && bytes[p + n - 1]! >= 0x80) v -= 1n << BigInt(8 * n);
        stack.push(v);
        p += n;
        break;
      }
      case 0x73: {                                                         // SETITEM 's'
        const value = stack.pop(), key = stack.pop();
        if (value === undefined || key === undefined) throw new PickleError(`SETITEM on an empty stack at byte ${p - 1}`);
        dictAt(stack.length - 1).set(int(key, 'key'), int(value, 'value'));
        break;
      }
      case 0x75: {                                                         // SETITEMS 'u'
        const items = popMark();
        const d = dictAt(stack.length - 1);
        for (let i = 0; i + 1 < items.length; i += 2) d.set(int(items[i]!, 'key'), int(items[i + 1]!, 'value'));
        break;
      }
      case 0x2e: {                                                         // STOP '.'
        const top = stack.pop();
        if (!(top instanceof Map) || stack.length > 0) throw new PickleError('the pickle does not hold one dict');
        return top;
      }
      default:
        throw new PickleError(`opcode 0x${op.toString(16).padStart(2, '0')} ('${String.fromCharCode(op)}') at byte ${p - 1}: only a dict of ints is read`);
    }
  }
  throw new PickleError('the pickle has no STOP opcode');
}
