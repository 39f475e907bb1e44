// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// Reads a package's files from the URL each name is found at (relative to a base URL, or as the browser
// entry wrote them for bundlers): Node's file reads for file: URLs (through the NodeHost the package's Node
// entry passes in), fetch everywhere else. With the manifest's digests every file read is
// checked against its recorded size and sha256.
import { PackageError } from "./errors.js";
import { mismatch, sha256Hex } from "./digest.js";
/** Files under `base` (a directory URL ending in '/'). */
export function filesUnder(base) {
    return (path) => new URL(path, base);
}
/**
 * The package files `locate` finds. With `digests` (manifest.json's `files`) a file
 * not listed there, or whose size or sha256 differs, is a PackageError naming it. `node` reads file: URLs.
 * `onProgress` hears of every file read: chunk by chunk for the large blobs read into place, once done for
 * the others.
 */
export function packageFiles(locate, fetchImpl, digests, node, onProgress) {
    const local = (url) => url.protocol === 'file:' && node !== undefined && !fetchImpl;
    const fail = (path, url, e) => e instanceof PackageError ? e : new PackageError('file', `cannot read package file ${path} (${url.href}): ${e.message}`);
    const get = async (url) => {
        const f = fetchImpl ?? globalThis.fetch;
        if (!f)
            throw new Error('no fetch in this environment: pass options.fetch');
        const res = await f(url.href);
        if (!res.ok)
            throw new Error(`HTTP ${res.status} ${res.statusText}`);
        return res;
    };
    const expected = (path) => {
        if (!digests)
            return undefined;
        const want = digests.get(path);
        if (!want)
            throw new PackageError('file', `package file ${path} is not listed in manifest.json`);
        return want;
    };
    // node:crypto on the Node path, WebCrypto or the JS hash elsewhere
    const hash = async (bytes, url) => (local(url) ? node.sha256Hex(bytes) : sha256Hex(bytes));
    const verify = async (path, url, want, bytes) => {
        if (!want)
            return;
        const sha256 = await hash(bytes, url);
        if (bytes.byteLength !== want.bytes || sha256 !== want.sha256)
            throw mismatch(path, want, { bytes: bytes.byteLength, sha256 });
    };
    return {
        async read(path) {
            const url = locate(path);
            try {
                const want = expected(path);
                let bytes;
                if (local(url)) {
                    bytes = await node.readFile(url);
                }
                else {
                    bytes = new Uint8Array(await (await get(url)).arrayBuffer());
                }
                onProgress?.({ file: path, loaded: bytes.byteLength, total: want?.bytes ?? bytes.byteLength });
                await verify(path, url, want, bytes);
                return bytes;
            }
            catch (e) {
                throw fail(path, url, e);
            }
        },
        async readInto(path, target) {
            const url = locate(path);
            try {
                const want = expected(path);
                if (want && want.bytes !== target.byteLength) {
                    throw new PackageError('file', `package file ${path}: manifest.json records ${want.bytes} bytes, the model's layout needs ${target.byteLength}`);
                }
                const progress = (loaded) => onProgress?.({ file: path, loaded, total: target.byteLength });
                const got = local(url) ? await node.readFileInto(url, target, progress) : await streamInto(await get(url), target, progress);
                if (got !== target.byteLength) {
                    throw want ? mismatch(path, want, { bytes: got }) : new PackageError('file', `package file ${path} has ${got} bytes, expected ${target.byteLength}`);
                }
                await verify(path, url, want, target); // hashed in place: the blob is not copied
            }
            catch (e) {
                throw fail(path, url, e);
            }
        },
    };
}
/** fetch: copies the response body into `target` as it arrives; returns the number of bytes received. */
async function streamInto(res, target, progress) {
    const body = res.body;
    if (!body) {
        const bytes = new Uint8Array(await res.arrayBuffer());
        if (bytes.byteLength === target.byteLength)
            target.set(bytes);
        progress(bytes.byteLength);
        return bytes.byteLength;
    }
    const reader = body.getReader();
    let at = 0;
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
        if (at + r.value.byteLength > target.byteLength) {
            await reader.cancel();
            return at + r.value.byteLength;
        }
        target.set(r.value, at);
        at += r.value.byteLength;
        progress(at);
    }
    return at;
}
/** A float32 view of little-endian bytes, copied only when they are not 4-byte aligned. */
export function float32View(bytes, path) {
    if (bytes.byteLength % 4 !== 0)
        throw new PackageError('file', `${path} has ${bytes.byteLength} bytes, not a whole number of float32 values`);
    const own = bytes.byteOffset % 4 === 0 && bytes.buffer instanceof ArrayBuffer ? bytes : bytes.slice();
    return new Float32Array(own.buffer, own.byteOffset, own.byteLength / 4);
}
/** A uint16 view of little-endian bytes (float16 bits), copied only when they are not 2-byte aligned. */
export function uint16View(bytes, path) {
    if (bytes.byteLength % 2 !== 0)
        throw new PackageError('file', `${path} has ${bytes.byteLength} bytes, not a whole number of float16 values`);
    const own = bytes.byteOffset % 2 === 0 && bytes.buffer instanceof ArrayBuffer ? bytes : bytes.slice();
    return new Uint16Array(own.buffer, own.byteOffset, own.byteLength / 2);
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
/** A caller's baseUrl, else the entry's file URLs, else the entry's own directory. */
export function fileLocator(pkg, baseUrl) {
    const base = new URL(baseUrl ?? './', pkg.moduleUrl);
    if (!base.pathname.endsWith('/'))
        base.pathname += '/';
    const under = filesUnder(base);
    const urls = baseUrl === undefined ? pkg.urls : undefined;
    return urls ? (path) => (Object.hasOwn(urls, path) ? urls[path] : under(path)) : under;
}
