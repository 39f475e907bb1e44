// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// Text -> token ids with [CLS]/[SEP], over a parsed Hugging Face tokenizer.json (no file access: runs in browsers).
import { Tokenizer } from '@huggingface/tokenizers';
/** Wraps a parsed tokenizer.json object (throws the library's Error if the object is not one it supports; encode throws on ids that are not ids). */
export function createTokenizer(json) {
    const tok = new Tokenizer(json, {});
    return {
        encode(text, pair) {
            const e = tok.encode(text, { text_pair: pair ?? null, return_token_type_ids: true });
            // a damaged tokenizer.json can map a token to a string or a list, or name a token by a number: never pass those on
            const bad = e.ids.findIndex((id, i) => !Number.isInteger(id) || id < 0 || typeof e.tokens[i] !== 'string');
            if (bad >= 0)
                throw new Error(`token ${JSON.stringify(e.tokens[bad])} has the id ${JSON.stringify(e.ids[bad])}: expected a string token with an integer id >= 0`);
            return { ids: e.ids, tokens: e.tokens, typeIds: e.token_type_ids };
        },
        idOf: (token) => tok.token_to_id(token),
        decode: (ids) => tok.decode([...ids], { skip_special_tokens: true }),
    };
}
