// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// load() of a generated package: reads the manifest's file digests and the exit table, opens the chosen
// backend, and wraps it in a Model.
// The generated index.ts passes what the compiler decided (PackageInfo) and its compiled backends.
import { PackageError } from "./errors.js";
import { MANIFEST_FILE, exitTableProblem } from "../../contract/manifest.js";
import { manifestDigests } from "./digest.js";
import { packageFiles, readJson } from "./files.js";
import { createModel } from "./model.js";
export async function loadPackage(info, openers, moduleUrl, options) {
    const name = options.backend ?? info.backends[0];
    const open = openers[name];
    if (!open)
        throw new PackageError('backend', `package ${info.name} was not compiled for ${name}; it has ${info.backends.join(', ')}`);
    const base = new URL(options.baseUrl ?? './', moduleUrl);
    if (!base.pathname.endsWith('/'))
        base.pathname += '/';
    // Every file is checked against the size and sha256 manifest.json records (truncated or stale copies).
    const manifest = await readJson(packageFiles(base, options.fetch), MANIFEST_FILE);
    const files = packageFiles(base, options.fetch, manifestDigests(manifest, info.specSha256), options.onProgress);
    const exitTable = await files.read(info.exitTable);
    const problem = exitTableProblem(exitTable, info.arch);
    if (problem)
        throw new PackageError('file', `${info.exitTable} ${problem}`);
    const backend = await open({ info, files, exitTable }, options);
    let tokenizer;
    const getTokenizer = () => (tokenizer ??= openTokenizer(info, files));
    return createModel(info, exitTable, backend, getTokenizer);
}
/** The tokenizer module (and its '@huggingface/tokenizers' dependency) is imported only for text input. */
async function openTokenizer(info, files) {
    if (!info.tokenizer)
        throw new PackageError('tokenizer', `package ${info.name} has no tokenizer: pass token ids`);
    const json = await readJson(files, info.tokenizer);
    const { createTokenizer } = await import("../tokenizer.js");
    try {
        return createTokenizer(json);
    }
    catch (e) {
        throw new PackageError('tokenizer', `${info.tokenizer}: ${e.message}`);
    }
}
