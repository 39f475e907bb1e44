// Preload for a child process (`node --import ./trace-modules.mjs ...`): on exit, writes every module the
// process loaded — ES modules seen by a loader hook, CommonJS modules from require's cache — to the file
// named by TRACE_MODULES_TO, one path or URL per line.
import { appendFileSync, writeFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const out = process.env.TRACE_MODULES_TO;
if (!out) throw new Error('TRACE_MODULES_TO is not set');
writeFileSync(out, '');
register(new URL('./trace-hooks.mjs', import.meta.url), { data: { out } });
const { Module } = createRequire(import.meta.url)('node:module');
process.on('exit', () => appendFileSync(out, Object.keys(Module._cache).map((f) => `${f}\n`).join('')));
