// Checks every constant tensor of an ONNX file against the bytes it holds before anything is allocated,
// and reads external data (initializers stored in a side file next to the .onnx).

import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { HasheeError } from '../errors.ts';
import { formatBytes, MEMORY_LIMIT_BYTES } from '../spec/size.ts';
import { DATA_TYPE, dataTypeName, elementBytes, EXTERNAL, tensorDims, typedFieldLength, type TensorProto } from './proto.ts';

/** Where an external tensor's bytes are: a file inside the model's folder, a byte offset and length. */
export interface ExternalRef {
  readonly path: string;   // absolute
  readonly offset: number;
  readonly length: number;
}

/**
 * Throws HasheeError('file-format') when a tensor's dims are negative or its declared size differs from
 * the bytes the file holds for it (raw_data, the typed field, or the external range); 'file-missing' when
 * an external side file cannot be read. Returns the external tensors' byte ranges. `file` is the model
 * file as given by the user (external locations resolve relative to its folder).
 */
export function checkTensors(tensors: readonly TensorProto[], file: string): Map<TensorProto, ExternalRef> {
  const external = new Map<TensorProto, ExternalRef>();
  const sizes = new Map<string, number>(); // side file -> bytes
  let floatBytes = 0; // the float tensors as float32, which is what the importer makes of them
  let largest: { name: string; dims: number[]; bytes: number } | undefined;
  for (const t of tensors) {
    const name = t.name || '(unnamed)';
    const dims = tensorDims(t);
    const fail = (what: string, expected: string, actual: string): never => {
      throw new HasheeError('file-format', `${file}: tensor '${name}' ${what}`, { expected, actual });
    };
    if (dims.some((d) => !Number.isInteger(d) || d < 0)) fail(`has a negative or non-integer dimension: [${dims}]`, 'dimensions >= 0', `[${dims}]`);
    const bytesPer = elementBytes(t.dataType ?? 0);
    if (bytesPer === undefined) continue; // strings and unknown types: never read as weights
    const count = dims.reduce((a, b) => a * b, 1);
    const want = count * bytesPer;
    if (FLOAT_TYPES.has(t.dataType ?? 0)) {
      floatBytes += 4 * count;
      if (!largest || 4 * count > largest.bytes) largest = { name, dims, bytes: 4 * count };
    }
    const declared = `dims [${dims}] of ${dataTypeName(t.dataType!)}: ${count} values, ${want} bytes`;
    if (t.dataLocation === EXTERNAL) {
      const ref = externalRef(t, name, file);
      if (ref.length !== want) fail(`declares ${declared}, but its external data is ${ref.length} bytes long`, `${want} bytes`, `${ref.length} bytes`);
      let have = sizes.get(ref.path);
      if (have === undefined) {
        try {
          have = statSync(ref.path).size;
        } catch {
          throw new HasheeError('file-missing', `${file}: tensor '${name}' keeps its data in ${ref.path}, which cannot be read`);
        }
        sizes.set(ref.path, have);
      }
      if (ref.offset + ref.length > have) {
        fail(`declares ${declared} at offset ${ref.offset} of ${ref.path}, which holds only ${have} bytes`, `at least ${ref.offset + ref.length} bytes`, `${have} bytes`);
      }
      external.set(t, ref);
    } else if (t.rawData && t.rawData.length > 0) {
      if (t.rawData.length !== want) fail(`declares ${declared}, but the file holds ${t.rawData.length} bytes of raw_data`, `${want} bytes`, `${t.rawData.length} bytes`);
    } else if (typedFieldLength(t) !== count) {
      fail(`declares ${declared}, but the file holds ${typedFieldLength(t)} values`, `${count} values`, `${typedFieldLength(t)} values`);
    }
  }
  // Checked before any tensor is read: external data (a sparse side file) can declare more than memory holds.
  if (largest && floatBytes > MEMORY_LIMIT_BYTES) {
    throw new HasheeError('file-format', `${file}: its float tensors need ${formatBytes(floatBytes)} as float32, over the 4 GiB a model may hold; the largest is '${largest.name}' [${largest.dims}]: ${formatBytes(largest.bytes)}`, {
      expected: `at most ${formatBytes(MEMORY_LIMIT_BYTES)} of weights (WebAssembly's 32-bit memory)`, actual: formatBytes(floatBytes),
    });
  }
  return external;
}

/** Element types read as weights (converted to float32). */
const FLOAT_TYPES: ReadonlySet<number> = new Set([DATA_TYPE.FLOAT, DATA_TYPE.FLOAT16, DATA_TYPE.BFLOAT16, DATA_TYPE.DOUBLE]);

/** The external_data entries of t: location (relative, inside the model's folder), offset and length. */
function externalRef(t: TensorProto, name: string, file: string): ExternalRef {
  const entries = new Map((t.externalData ?? []).map((e) => [e.key ?? '', e.value ?? '']));
  const location = entries.get('location');
  const fail = (message: string): never => {
    throw new HasheeError('file-format', `${file}: tensor '${name}' ${message}`);
  };
  if (!location) return fail('is marked external but names no location');
  const folder = dirname(resolve(file));
  const path = resolve(folder, location);
  const inside = relative(folder, path);
  if (isAbsolute(location) || inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
    fail(`keeps its data at '${location}', outside the model's folder (external data must sit next to the .onnx file)`);
  }
  const number = (key: string, fallback?: number): number => {
    const v = entries.get(key);
    if (v === undefined && fallback !== undefined) return fallback;
    const n = Number(v);
    return Number.isSafeInteger(n) && n >= 0 ? n : fail(`has external_data ${key} '${v ?? ''}', not a byte count`);
  };
  const bytesPer = elementBytes(t.dataType ?? 0) ?? 0;
  const offset = number('offset', 0);
  const length = number('length', tensorDims(t).reduce((a, b) => a * b, 1) * bytesPer);
  return { path, offset, length };
}

/** The bytes of one external tensor (checked by checkTensors). */
export function readExternal(ref: ExternalRef): Uint8Array {
  const out = new Uint8Array(ref.length);
  const fd = openSync(ref.path, 'r');
  try {
    let done = 0;
    while (done < ref.length) {
      const n = readSync(fd, out, done, ref.length - done, ref.offset + done);
      if (n === 0) break;
      done += n;
    }
  } finally {
    closeSync(fd);
  }
  return out;
}
