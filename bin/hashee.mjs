#!/usr/bin/env node
// The `hashee` command: loads the TypeScript CLI through tsx and exits with its code (0 ok, 1 user error, 2 internal).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../compiler/cli.ts');
process.exitCode = await main(process.argv.slice(2));
