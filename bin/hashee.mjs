#!/usr/bin/env node
// The `hashee` command: the compiled CLI (dist/, which `npm install` builds through `prepare`) on plain Node;
// exits with its code (0 ok, 1 user error, 2 internal). From the TypeScript sources: `npm run hashee:src`.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/compiler/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(`hashee: ${entry.pathname} is missing: run \`npm run build\` in the hashee folder (npm install does it)\n`);
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
