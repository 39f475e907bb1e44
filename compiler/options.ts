// The command line's options: one table, read by the parser (compiler/cli.ts) and typed for the commands.

import type { parseArgs, ParseArgsConfig } from 'node:util';

export const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  debug: { type: 'boolean' },
  json: { type: 'boolean' },
  text: { type: 'string', multiple: true },
  ids: { type: 'string', multiple: true },
  output: { type: 'string' },
  backend: { type: 'string' },
  precision: { type: 'string' },
  'full-depth': { type: 'boolean' },
  exits: { type: 'boolean' },
  out: { type: 'string', short: 'o' },
  name: { type: 'string' },
  target: { type: 'string', multiple: true },
  threads: { type: 'string' },
  force: { type: 'boolean' },
  'dump-after': { type: 'string' },
  bench: { type: 'string' },
  task: { type: 'string' },
  data: { type: 'string' },
  dev: { type: 'string' },
  epochs: { type: 'string' },
  lr: { type: 'string' },
  batch: { type: 'string' },
  seed: { type: 'string' },
  'max-len': { type: 'string' },
  dropout: { type: 'string' },
  warmup: { type: 'string' },
  'weight-decay': { type: 'string' },
  resume: { type: 'boolean' },
  'spec-out': { type: 'string' },
  limit: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

export type CliOptions = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

