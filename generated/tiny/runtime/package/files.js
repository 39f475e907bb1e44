// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// Reads a package's files relative to its base URL: node:fs in Node for file: URLs (imported only on that
// path), fetch everywhere else. No Node-only API is reached on the browser path.
import { PackageError } from "./errors.js";
function isNode() {
    return typeof globalThis.process?.versions?.node === 'string';
}
/** Files under `base` (a directory URL ending in '/'). */
export function packageFiles(base, fetchImpl) {
    return {
        async read(path) {
            const url = new URL(path, base);
            try {
                if (url.protocol === 'file:' && isNode() && !fetchImpl) {
                    const fs = await import('node:fs/promises');
                    return new Uint8Array(await fs.readFile(url));
                }
                const get = fetchImpl ?? globalThis.fetch;
                if (!get)
                    throw new Error('no fetch in this environment: pass options.fetch');
                const res = await get(url.href);
                if (!res.ok)
                    throw new Error(`HTTP ${res.status} ${res.statusText}`);
                return new Uint8Array(await res.arrayBuffer());
            }
            catch (e) {
                throw new PackageError('file', `cannot read package file ${path} (${url.href}): ${e.message}`);
            }
        },
    };
}
/** A float32 view of little-endian bytes, copied only when they are not 4-byte aligned. */
export function float32View(bytes, path) {
    if (bytes.byteLength % 4 !== 0)
        throw new PackageError('file', `${path} has ${bytes.byteLength} bytes, not a whole number of float32 values`);
    const own = bytes.byteOffset % 4 === 0 && bytes.buffer instanceof ArrayBuffer ? bytes : bytes.slice();
    return new Float32Array(own.buffer, own.byteOffset, own.byteLength / 4);
}
export async function readJson(source, path) {
    const bytes = await source.read(path);
    try {
        return JSON.parse(new TextDecoder().decode(bytes));
    }
    catch (e) {
        throw new PackageError('file', `package file ${path} is not valid JSON: ${e.message}`);
    }
}
