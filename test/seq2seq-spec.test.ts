// Encoder-decoder specs: model.kind encoder-decoder with head lm, decoder_exit and generation; located errors
// for keys that do not apply, missing layer counts, mismatched kinds and out-of-range values; the two exit
// tables; `hashee generate` end to end, and the other commands refusing an encoder-decoder spec clearly.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { main } from '../compiler/cli.ts';
import type { HasheeError } from '../compiler/errors.ts';
import { loadSeq2Seq } from '../compiler/load.ts';
import { generate } from '../compiler/api.ts';
import { loadSpec, parseSpecText } from '../compiler/spec/index.ts';
import { caught, positionOf, REPO } from './fixtures/specs/expect.ts';

const TINY = join(REPO, 'specs/bart-tiny.yaml');
const TEXT = readFileSync(TINY, 'utf8');
const FILE = join(REPO, 'specs/bart-edit.yaml'); // where the edited texts claim to live (not written)

/** The tiny spec's text with `from` replaced by `to` (which must occur). */
function edited(from: string, to: string): string {
  assert.ok(TEXT.includes(from), `bart-tiny.yaml has ${JSON.stringify(from)}`);
  return TEXT.replace(from, to);
}

function errorsOf(text: string): readonly HasheeError[] {
  return caught(() => parseSpecText(text, FILE));
}

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const code = await main(argv, { out: (s) => { out += s; }, err: (s) => { err += s; } });
  return { code, out, err };
}

test('bart-tiny: the encoder as an encoder arch, the decoder and generation settings, BART ids by default', () => {
  const spec = loadSpec(TINY);
  const s2s = spec.seq2seq!;
  assert.ok(s2s);
  assert.equal(s2s.arch, {
    encoderLayers: 3, decoderLayers: 4, hidden: 16, heads: 2, ffn: 32, vocabSize: 64, maxPositions: 32,
    activation: 'gelu', layerNormEps: 1e-5, norm: 'post', tieEmbeddings: true,
  });
  assert.is(spec.arch.layers, 3);
  assert.is(spec.arch.typeVocabSize, 0);
  assert.equal(spec.head, { kind: 'none' });
  assert.equal(s2s.ids, { decoderStart: 2, eos: 2 });
  assert.is(s2s.maxNew, 12);
  assert.is(s2s.beams, 1);
  assert.equal(s2s.decoderExit, { kind: 'random', seed: 2, buckets: 2 });
});

test('the two exit tables: encoder values 1..3, decoder values {1, 3}, BART specials and the last id at full depth', () => {
  const { tables } = loadSeq2Seq(loadSpec(TINY));
  assert.is(tables.encoder.length, 64);
  assert.is(tables.decoder.length, 64);
  for (const id of [0, 1, 2, 3, 63]) {
    assert.is(tables.encoder[id], 3, `encoder special ${id}`);
    assert.is(tables.decoder[id], 4, `decoder special ${id}`);
  }
  assert.equal([...new Set(tables.encoder)].sort(), [1, 2, 3]);
  assert.equal([...new Set(tables.decoder)].sort(), [1, 3, 4]);
});

test("'layers' does not apply to an encoder-decoder; a missing decoder_layers is named", () => {
  const text = edited('  decoder_layers: 4\n', '  layers: 4\n');
  const errors = errorsOf(text);
  const byPath = new Map(errors.map((e) => [e.keyPath, e]));
  assert.match(byPath.get('model.layers')!.message, "'layers' does not apply when kind is 'encoder-decoder'");
  const missing = byPath.get('model.decoder_layers');
  assert.ok(missing, errors.map((e) => e.format()).join('\n'));
  assert.is(missing!.code, 'spec-missing');
  const at = positionOf(text, 'layers: 4');
  assert.equal(byPath.get('model.layers')!.location, { file: FILE, line: at.line, col: at.col });
});

test('head lm only with an encoder-decoder, and an encoder-decoder only with head lm', () => {
  const [e, ...rest] = errorsOf(edited('  kind: lm ', '  kind: classification\n  labels: 2 '));
  assert.is(rest.length, 0, rest.map((x) => x.format()).join('\n'));
  assert.is(e!.keyPath, 'head.kind');
  assert.match(e!.message, 'its head is lm, not classification');
  const encoder = readFileSync(join(REPO, 'specs/tiny.yaml'), 'utf8').replace('  kind: classification\n  labels: 2', '  kind: lm');
  const [f] = caught(() => parseSpecText(encoder, FILE));
  assert.is(f!.keyPath, 'head.kind');
  assert.match(f!.message, 'head lm (next-token logits) needs an encoder-decoder model');
  const withDecoderExit = readFileSync(join(REPO, 'specs/tiny.yaml'), 'utf8') + 'decoder_exit:\n  policy: none\n';
  const [g] = caught(() => parseSpecText(withDecoderExit, FILE));
  assert.is(g!.keyPath, 'decoder_exit');
  assert.match(g!.message, "'decoder_exit' applies to encoder-decoder models");
});

test('decoder_exit is checked as exit is, against decoder_layers; generation ids against the vocabulary', () => {
  const text = edited('  buckets: 2            # 1, 3 layers', '  buckets: 5').replace('  max_new: 12', '  max_new: 12\n  eos_id: 64');
  const errors = errorsOf(text);
  const byPath = new Map(errors.map((e) => [e.keyPath, e]));
  assert.match(byPath.get('decoder_exit.buckets')!.message, 'buckets (5) must be at most model.decoder_layers (4)');
  assert.equal(byPath.get('decoder_exit.buckets')!.location!.line, positionOf(text, 'buckets: 5').line);
  assert.match(byPath.get('generation.eos_id')!.message, 'eos_id 64 is not below model.vocab_size (64)');
  const [p] = errorsOf(`${TEXT}precision: { wasm: int8 }\n`);
  assert.is(p!.keyPath, 'precision');
  assert.match(p!.message, 'an encoder-decoder runs in f32 only for now');
  const [u] = errorsOf(edited('  policy: random\n  seed: 2', '  policy: randm\n  seed: 2'));
  assert.is(u!.keyPath, 'decoder_exit.policy');
  assert.match(u!.message, 'random');
});

test('hashee generate: tokens, per-step exits and FLOPs against full depth; --json; bad input is a located error', async () => {
  const r = await cli('generate', TINY, '--ids', '0,5,9,17,33,2', '--json');
  assert.is(r.code, 0, r.err);
  const j = JSON.parse(r.out) as { results: { tokens: number[]; step_exits: number[]; flops: number; full_depth_flops: number }[] };
  const g = j.results[0]!;
  assert.is(g.tokens.length, 12);
  assert.is(g.step_exits.length, 12);
  assert.is(g.step_exits[0], 4); // the decoder start id (</s>) is special
  assert.ok(g.flops < g.full_depth_flops);
  const full = JSON.parse((await cli('generate', TINY, '--ids', '0,5,9,17,33,2', '--json', '--full-depth')).out) as typeof j;
  assert.is(full.results[0]!.flops, full.results[0]!.full_depth_flops);
  const wasm = JSON.parse((await cli('generate', TINY, '--ids', '0,5,9,17,33,2', '--json', '--backend', 'wasm')).out) as typeof j;
  assert.equal(wasm.results[0]!.tokens, g.tokens, 'wasm generates what the reference does');
  assert.equal(wasm.results[0]!.step_exits, g.step_exits);
  assert.is(wasm.results[0]!.flops, g.flops);
  const gpu = JSON.parse((await cli('generate', TINY, '--ids', '0,5,9,17,33,2', '--json', '--backend', 'webgpu')).out) as typeof j;
  assert.equal(gpu.results[0]!.tokens, g.tokens, 'webgpu generates what the reference does');
  assert.equal(gpu.results[0]!.step_exits, g.step_exits);
  const text = await cli('generate', TINY, '--ids', '0,5,9,2', '--beams', '3', '--max-new', '5');
  assert.is(text.code, 0, text.err);
  assert.match(text.out, 'beam search, 3 beams, at most 5 tokens');
  assert.match(text.out, 'of full depth for the same steps');
  const big = await cli('generate', TINY, '--ids', '0,5,2', '--max-new', '33');
  assert.is(big.code, 1);
  assert.match(big.err, "--max-new 33 exceeds the model's 32 decoder positions");
  const bad = await cli('generate', TINY, '--ids', '0,64,2');
  assert.is(bad.code, 1);
  assert.match(bad.err, 'token id 64 is outside the vocabulary');
  const zero = await cli('generate', TINY, '--ids', '0,2', '--beams', '0');
  assert.is(zero.code, 1);
  assert.match(zero.err, '--beams must be a positive integer');
});

test('hashee generate --text: tokenized with the spec\'s tokenizer, the output decoded back to text; specials and ids from it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hashee-s2s-text-'));
  try {
    const file = join(dir, 'bart-text.yaml');
    writeFileSync(file, TEXT.replace('  vocab_size: 64', '  vocab_size: 30522')
      .replace('weights:', `tokenizer:\n  path: ${join(REPO, 'data/sst2/tokenizer.json')}\n  special_ids: { cls: 101, sep: 102, pad: 0, unk: 100, mask: 103 }\nweights:`));
    const spec = loadSpec(file);
    assert.equal(spec.seq2seq!.ids, { decoderStart: 102, eos: 102 });
    const { tables } = loadSeq2Seq(spec);
    for (const id of [0, 100, 101, 102, 103]) assert.is(tables.decoder[id], 4, `special ${id}`);
    const r = await cli('generate', file, '--text', 'a gorgeous, witty movie', '--max-new', '6', '--json');
    assert.is(r.code, 0, r.err);
    const g = (JSON.parse(r.out) as { results: { input: number[]; tokens: number[]; text: string }[] }).results[0]!;
    assert.is(g.input[0], 101);
    assert.is(g.input.at(-1), 102);
    assert.is(g.tokens.length, 6);
    assert.type(g.text, 'string');
    const words = g.tokens.filter((id) => ![0, 100, 101, 102, 103].includes(id));
    if (words.length > 0) assert.ok(g.text.length > 0, `decoded text of ${g.tokens.join(' ')}`);
    const noTok = await cli('generate', TINY, '--text', 'hello');
    assert.is(noTok.code, 1);
    assert.match(noTok.err, 'text inputs need a tokenizer in the spec');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the programmatic generate(): one input or several, reference and wasm agree; check names both stacks', async () => {
  const one = await generate(TINY, { ids: [0, 5, 9, 2] }, { maxNew: 5, beams: 2 });
  const both = await generate(TINY, { ids: [[0, 5, 9, 2], [0, 7, 2]] }, { maxNew: 5, beams: 2, backend: 'wasm' });
  assert.is(both.results.length, 2);
  assert.equal(both.results[0]!.tokens, one.results[0]!.tokens);
  assert.equal(both.results[0]!.stepExits, one.results[0]!.stepExits);
  await assert.not.throws(async () => generate(TINY, { ids: [0, 2] }));
  try {
    await generate(TINY, {});
    assert.unreachable('an empty input must be refused');
  } catch (e) {
    assert.match((e as Error).message, 'give an input');
  }
  const c = await cli('check', TINY, '--json');
  const j = JSON.parse(c.out) as Record<string, unknown>;
  assert.equal([j['kind'], j['layers'], j['decoder_layers'], j['head'], j['decoder_exit_policy']], ['encoder-decoder', 3, 4, 'lm', 'random']);
});

test('encoder commands refuse an encoder-decoder spec at model.kind; generate refuses an encoder spec', async () => {
  for (const argv of [['run', TINY, '--ids', '0,2'], ['schedule', TINY]]) {
    const r = await cli(...argv);
    assert.is(r.code, 1, `${argv[0]}: ${r.err}`);
    assert.match(r.err, `bart-tiny.yaml:${positionOf(TEXT, 'kind: encoder-decoder').line}:`);
    assert.match(r.err, 'an encoder-decoder spec runs with `hashee generate`');
  }
  const r = await cli('generate', join(REPO, 'specs/tiny.yaml'), '--ids', '1,2');
  assert.is(r.code, 1);
  assert.match(r.err, 'generation needs an encoder-decoder spec');
});

test.run();
