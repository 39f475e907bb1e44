// The files a spec names, each with the key that names it: what a compile reads besides the spec itself.

import type { Spec } from './types.ts';

/**
 * weights.onnx (a file, or an encoder-decoder's export folder), the tokenizer, and the exit table or the
 * corpus files of `exit` and of an encoder-decoder's `decoder_exit`, in that order.
 */
export function namedInputs(spec: Spec): { role: string; path: string }[] {
  const out: { role: string; path: string }[] = [];
  if (spec.weights.kind === 'onnx') out.push({ role: 'weights.onnx', path: spec.weights.path });
  if (spec.tokenizer) out.push({ role: 'tokenizer', path: spec.tokenizer.path });
  const exitFiles = (key: string, exit: Spec['exit']): void => {
    if (exit.kind === 'table') out.push({ role: `${key}.table`, path: exit.path });
    if ('corpus' in exit) exit.corpus.files.forEach((path, i) => out.push({ role: `${key}.corpus.files[${i}]`, path }));
  };
  exitFiles('exit', spec.exit);
  if (spec.seq2seq) exitFiles('decoder_exit', spec.seq2seq.decoderExit);
  return out;
}
