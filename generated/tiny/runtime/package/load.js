// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// load() of a generated package: reads the manifest's file digests and the exit table, opens the chosen
// backend, and wraps it in a Model.
// The generated entries (index.ts for Node, browser.ts) pass what the compiler decided (PackageInfo), their
// compiled backends, the tokenizer module when the package has a tokenizer, and (Node) the NodeHost.
import { PackageError } from "./errors.js";
import { MANIFEST_FILE, exitTableProblem } from "../../contract/manifest.js";
import { manifestDigests } from "./digest.js";
import { fileLocator, packageFiles, readJson } from "./files.js";
import { createModel } from "./model.js";
export async function loadPackage(pkg, options) {
    const { info, node } = pkg;
    const name = options.backend ?? info.backends[0];
    const open = pkg.backends[name];
    if (!open)
        throw new PackageError('backend', `package ${info.name} was not compiled for ${name}; it has ${info.backends.join(', ')}`);
    const locate = fileLocator(pkg, options.baseUrl);
    const manifestUrl = locate(MANIFEST_FILE);
    if (manifestUrl.protocol === 'file:' && !node && !options.fetch) {
        throw new PackageError('file', `the package's browser entry cannot read file: URLs (${manifestUrl.href}): in Node import its index.js, or the package by name (its exports pick the Node entry)`);
    }
    // Every file is checked against the size and sha256 manifest.json records (truncated or stale copies).
    const manifest = await readJson(packageFiles(locate, options.fetch, undefined, node), MANIFEST_FILE);
    const files = packageFiles(locate, options.fetch, manifestDigests(manifest, info), node, options.onProgress);
    const exitTable = await files.read(info.exitTable);
    const problem = exitTableProblem(exitTable, info.arch);
    if (problem)
        throw new PackageError('file', `${info.exitTable} ${problem}`);
    const backend = await open({ info, files, exitTable, node }, options);
    let tokenizer;
    const getTokenizer = () => (tokenizer ??= openTokenizer(info, pkg.tokenizer, files));
    return createModel(info, exitTable, backend, getTokenizer);
}
/** The tokenizer module (and its '@huggingface/tokenizers' dependency) is imported only for text input. */
async function openTokenizer(info, module, files) {
    if (!info.tokenizer || !module)
        throw new PackageError('tokenizer', `package ${info.name} has no tokenizer: pass token ids`);
    const json = await readJson(files, info.tokenizer);
    const { createTokenizer } = await module();
    try {
        return createTokenizer(json);
    }
    catch (e) {
        throw new PackageError('tokenizer', `${info.tokenizer}: ${e.message}`);
    }
}
