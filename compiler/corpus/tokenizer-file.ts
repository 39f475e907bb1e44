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
  try {
    return createTokenizer(json as object);
  } catch (e) {
    throw new HasheeError('file-format', `${file}: not a supported Hugging Face tokenizer.json (${(e as Error).message})`);
  }
}
