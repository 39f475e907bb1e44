// `hashee generate`: an encoder-decoder spec, text or token-id inputs -> generated tokens (greedy or beam
// search on the reference executor), the exit layer per step and the FLOPs against full depth.

import { command, JSON_OPTION, oneSpec } from '../command.ts';
import { HasheeError } from '../errors.ts';
import { createProgress } from '../progress.ts';
import { numberOption } from '../train/command.ts';

export const generateCommand = command({
  args: 'SPEC',
  summary: 'generate text with an encoder-decoder spec (reference, wasm or webgpu)',
  description: 'Runs an encoder-decoder spec (model.kind: encoder-decoder) on each input (repeat --text / --ids): the\n' +
    'encoder with its exit table, then the decoder one step at a time with a KV cache, each fed token id running\n' +
    'the decoder layers its decoder_exit table gives. Prints the generated tokens (and text with a tokenizer),\n' +
    'the exit layer of every step and the FLOPs against full depth for the same steps. --backend wasm or webgpu\n' +
    'compiles the model in memory first (f32; webgpu on Dawn, SwiftShader when there is no GPU).',
  options: {
    text: { type: 'string', multiple: true, value: 'TEXT', help: 'an input text, tokenized with the spec\'s tokenizer' },
    ids: { type: 'string', multiple: true, value: '0,1,2', help: 'an input as token ids (used as given)' },
    'max-new': { type: 'string', value: 'N', help: 'most tokens to generate (default: generation.max_new, 32)' },
    beams: { type: 'string', value: 'B', help: 'beam width, 1 = greedy (default: generation.beams, 1)' },
    'full-depth': { type: 'boolean', help: 'ignore both exit tables' },
    backend: { type: 'string', choices: ['reference', 'wasm', 'webgpu'], help: 'the reference executor (default), WebAssembly or WebGPU (compiled in memory, f32)' },
    precision: { type: 'string', choices: ['f64', 'f32'], help: 'the reference executor\'s arithmetic (default f64)' },
    threads: { type: 'string', value: 'N', help: 'wasm: threads including the caller, for the encoder and the decoder\'s products (default 1)' },
    json: JSON_OPTION,
  },
  async run(args, opts, ctx) {
    const spec = await oneSpec('generate', args);
    if (!opts.text?.length && !opts.ids?.length) throw new HasheeError('usage', 'give an input with --text "..." or --ids 0,1,2\nRun \'hashee generate --help\' for usage.');
    const positive = (value: string | undefined, flag: string): number | undefined => {
      if (value === undefined) return undefined;
      const n = numberOption(value, flag, 0, true);
      if (n < 1) throw new HasheeError('usage', `${flag} must be a positive integer`, { expected: 'e.g. 4', actual: value });
      return n;
    };
    const maxNew = positive(opts['max-new'], '--max-new'), beams = positive(opts.beams, '--beams'), threads = positive(opts.threads, '--threads');
    const [{ parseIdsArg }, { generateAll, formatGenerate, generateJson }] = await Promise.all([import('../run/index.ts'), import('./index.ts')]);
    const ids = (opts.ids ?? []).map((s) => parseIdsArg(s, spec));
    const report = await generateAll(spec, { texts: opts.text ?? [], ids }, {
      ...(maxNew !== undefined ? { maxNew } : {}), ...(beams !== undefined ? { beams } : {}), ...(threads !== undefined ? { threads } : {}),
      backend: opts.backend,
      precision: opts.precision, fullDepth: !!opts['full-depth'], progress: createProgress('loading'),
    });
    ctx.out(opts.json ? `${JSON.stringify(generateJson(report))}\n` : formatGenerate(report));
  },
});
