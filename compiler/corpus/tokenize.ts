// Encodes command-line texts with the spec's tokenizer (`hashee run --text`).

import { HasheeError } from '../errors.ts';
import type { Spec } from '../spec/types.ts';
import { loadTokenizer } from './tokenizer-file.ts';

export interface EncodedTexts {
  readonly ids: number[][];      // one sequence per text, [CLS] ... [SEP]
  readonly tokens: string[][];
}

export function encodeTexts(spec: Spec, texts: readonly string[]): EncodedTexts {
  if (!spec.tokenizer) {
    throw new HasheeError('spec-missing', 'text inputs need a tokenizer in the spec', { location: spec.locations.get('model'), keyPath: 'tokenizer', expected: 'tokenizer: { path: ... }, or token ids (--ids)' });
  }
  const tok = loadTokenizer(spec.tokenizer.path);
  const enc = texts.map((t) => tok.encode(t));
  enc.forEach((e, i) => {
    const bad = e.ids.find((id) => id >= spec.arch.vocabSize);
    if (bad !== undefined) {
      throw new HasheeError('input', `text ${i + 1}: the tokenizer produced id ${bad}, outside the model vocabulary`, { keyPath: 'model.vocab_size', expected: `ids < ${spec.arch.vocabSize}`, actual: String(bad) });
    }
  });
  return { ids: enc.map((e) => e.ids), tokens: enc.map((e) => e.tokens) };
}
