// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
export interface Encoded {
    readonly ids: number[];
    readonly tokens: string[];
    readonly typeIds: number[];
}
export interface TextTokenizer {
    encode(text: string, pair?: string): Encoded;
    /** Id of a vocabulary entry, or undefined when it is not in the vocabulary. */
    idOf(token: string): number | undefined;
    /** Text of token ids (generated tokens), special tokens left out. */
    decode(ids: readonly number[]): string;
}
/** Wraps a parsed tokenizer.json object (throws the library's Error if the object is not one it supports; encode throws on ids that are not ids). */
export declare function createTokenizer(json: object): TextTokenizer;
