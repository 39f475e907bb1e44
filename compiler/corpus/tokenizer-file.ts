// Node-side loading of a tokenizer.json file into the runtime tokenizer, with file errors as HasheeError.

import { readFileSync } from 'node:fs';
import { createTokenizer, type TextTokenizer } from '../../runtime/tokenizer.ts';
import { HasheeError } from '../errors.ts';

export function loadTokenizer(file: string): TextTokenizer {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new HasheeError('file-missing', `cannot read tokenizer file ${file}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new HasheeError('file-format', `${file}: not valid JSON (${(e as Error).message})`);
  }
  let tok: TextTokenizer;
  try {
    tok = createTokenizer(json as object);
  } catch (e) {
    throw new HasheeError('file-format', `${file}: not a supported Hugging Face tokenizer.json (${(e as Error).message})`);
  }
  // Parts of a damaged file (a post-processor, a vocabulary entry) are only read while encoding.
  return {
    encode(text, pair) {
      try {
        return tok.encode(text, pair);
      } catch (e) {
        const shown = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}...` : text);
        throw new HasheeError('file-format', `${file}: not a supported Hugging Face tokenizer.json: encoding ${shown} failed (${(e as Error).message})`);
      }
    },
    idOf: (token) => tok.idOf(token),
    decode: (ids) => {
      try {
        return tok.decode(ids);
      } catch (e) {
        throw new HasheeError('file-format', `${file}: not a supported Hugging Face tokenizer.json: decoding failed (${(e as Error).message})`);
      }
    },
  };
}
