// Text -> token ids with [CLS]/[SEP], over a parsed Hugging Face tokenizer.json (no file access: runs in browsers).

import { Tokenizer } from '@huggingface/tokenizers';

export interface Encoded {
  readonly ids: number[];          // with specials: [CLS] A [SEP] (and B [SEP] for a pair)
  readonly tokens: string[];       // the vocabulary entry of each id
  readonly typeIds: number[];      // 0 for the first segment, 1 for the second
}

export interface TextTokenizer {
  encode(text: string, pair?: string): Encoded;
  /** Id of a vocabulary entry, or undefined when it is not in the vocabulary. */
  idOf(token: string): number | undefined;
  /** Text of token ids (generated tokens), special tokens left out. */
  decode(ids: readonly number[]): string;
}

/** Wraps a parsed tokenizer.json object (throws the library's Error if the object is not one it supports; encode throws on ids that are not ids). */
export function createTokenizer(json: object): TextTokenizer {
  const tok = new Tokenizer(json, {});
  return {
    encode(text, pair) {
      const e = tok.encode(text, { text_pair: pair ?? null, return_token_type_ids: true });
      // a damaged tokenizer.json can map a token to a string or a list, or name a token by a number: never pass those on
      const bad = e.ids.findIndex((id: unknown, i: number) => !Number.isInteger(id) || (id as number) < 0 || typeof e.tokens[i] !== 'string');
      if (bad >= 0) throw new Error(`token ${JSON.stringify(e.tokens[bad])} has the id ${JSON.stringify(e.ids[bad])}: expected a string token with an integer id >= 0`);
      return { ids: e.ids, tokens: e.tokens, typeIds: e.token_type_ids };
    },
    idOf: (token) => tok.token_to_id(token),
    decode: (ids) => tok.decode([...ids], { skip_special_tokens: true }),
  };
}
