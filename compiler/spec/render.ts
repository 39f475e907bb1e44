// Writes a commented spec YAML for a known architecture (what `hashee import model.onnx` prints).

import { dirname, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import type { ArchConfig, HeadConfig } from '../../contract/model.ts';
import type { Seq2SeqArch } from '../../contract/seq2seq.ts';
import { SCHEMA_PATH } from './schema.ts';
import type { ExitPolicy, Target, TokenizerRef } from './types.ts';

export interface RenderSpecInput {
  readonly name: string;               // made valid for the spec's name pattern ('my model' -> 'my-model')
  readonly arch: ArchConfig;
  readonly head: HeadConfig;
  /** Weights from this ONNX file (absolute or relative to the working directory); else seeded random weights. */
  readonly onnxPath?: string;
  readonly randomSeed?: number;        // default 1, when there is no onnxPath
  readonly tokenizer?: TokenizerRef;   // paths absolute
  readonly exit?: ExitPolicy;          // paths absolute; default { kind: 'none' }
  readonly targets?: readonly Target[]; // default wasm and webgpu
  /** Where the text will be saved: paths are written relative to its folder (default ./spec.yaml). */
  readonly specFile?: string;
  /** Rows of the ONNX file's position table before position 0 (RoBERTa: padding_idx + 1), said in a comment. */
  readonly positionOffset?: number;
  /** An encoder-decoder (arch is then its encoder and head is not written: the head is lm; onnxPath its export folder). */
  readonly seq2seq?: Seq2SeqArch;
}

const COMMENT_COLUMN = 26;

/** The spec text; loadSpec() on it (saved at specFile) gives back the same arch, head, weights and policy. */
export function renderSpecYaml(input: RenderSpecInput): string {
  const specDir = dirname(resolve(input.specFile ?? 'spec.yaml'));
  const rel = (p: string): string => {
    const r = relative(specDir, resolve(p)).split(sep).join('/');
    return r === '' ? '.' : r;
  };
  const a = input.arch;
  const s2s = input.seq2seq;
  const model = s2s ? [
    line(0, 'model', undefined, 'BART-style encoder-decoder'),
    line(1, 'kind', 'encoder-decoder'),
    line(1, 'encoder_layers', String(s2s.encoderLayers)),
    line(1, 'decoder_layers', String(s2s.decoderLayers)),
    line(1, 'hidden', String(s2s.hidden), 'd'),
    line(1, 'heads', String(s2s.heads), 'must divide hidden'),
    line(1, 'ffn', String(s2s.ffn), 'feed-forward width'),
    line(1, 'vocab_size', String(s2s.vocabSize), 'shared by both stacks and the LM head'),
    line(1, 'max_positions', String(s2s.maxPositions)),
    line(1, 'activation', s2s.activation, 'gelu | gelu_tanh | relu'),
    line(1, 'layer_norm_eps', String(s2s.layerNormEps)),
    line(1, 'norm', s2s.norm, 'post (BART) | pre (mBART)'),
    line(1, 'tie_embeddings', String(s2s.tieEmbeddings), s2s.tieEmbeddings ? 'the LM head is the token table' : 'a separate LM head matrix'),
    line(0, 'head'),
    line(1, 'kind', 'lm', 'next-token logits'),
  ] : undefined;
  const lines: string[] = [
    `# yaml-language-server: $schema=${rel(SCHEMA_PATH)}`,
    `# hashee spec for ${validName(input.name)}: paths are relative to this file.`,
    line(0, 'name', str(validName(input.name))),
    ...(model ?? [
    line(0, 'model', undefined, 'encoder architecture'),
    line(1, 'layers', String(a.layers), 'L'),
    line(1, 'hidden', String(a.hidden), 'd'),
    line(1, 'heads', String(a.heads), 'must divide hidden'),
    line(1, 'ffn', String(a.ffn), 'feed-forward width'),
    line(1, 'vocab_size', String(a.vocabSize)),
    line(1, 'max_positions', String(a.maxPositions), input.positionOffset ? positionComment(input.positionOffset) : undefined),
    line(1, 'type_vocab_size', String(a.typeVocabSize), a.typeVocabSize === 0 ? 'no token-type embedding' : undefined),
    ...(a.embeddingSize !== a.hidden ? [line(1, 'embedding_size', String(a.embeddingSize), 'factorised embeddings, projected to hidden')] : []),
    line(1, 'activation', a.activation, 'gelu | gelu_tanh | relu'),
    line(1, 'layer_norm_eps', String(a.layerNormEps)), // 1e-12 reads back as a float in YAML 1.2
    line(1, 'norm', a.norm, 'post (BERT) | pre'),
    ...(a.sharedLayers ? [line(1, 'shared_layers', 'true', 'one set of layer weights used by every layer')] : []),
    ...headLines(input.head),
    ]),
    ...weightLines(input, rel),
    ...(input.tokenizer ? tokenizerLines(input.tokenizer, rel) : []),
    ...exitLines(input.exit ?? { kind: 'none' }, rel),
    line(0, 'targets', flow(input.targets ?? ['wasm', 'webgpu']), 'wasm | webgpu'),
  ];
  return `${lines.join('\n')}\n`;
}

/** RoBERTa-style position ids start at padding_idx + 1: hashee's position 0 is that row of the file's table. */
function positionComment(offset: number): string {
  return `file's position table from row ${offset} (RoBERTa: padding_idx + 1); inputs must not contain the padding id`;
}

function headLines(head: HeadConfig): string[] {
  const out = [line(0, 'head', undefined, 'none | classification | regression | token'), line(1, 'kind', head.kind)];
  if (head.kind === 'classification' || head.kind === 'token') out.push(line(1, 'labels', String(head.labels)));
  if ((head.kind === 'classification' || head.kind === 'regression') && head.pooler !== undefined && head.pooler !== 'tanh') out.push(line(1, 'pooler', head.pooler, 'tanh | relu'));
  return out;
}

function weightLines(input: RenderSpecInput, rel: (p: string) => string): string[] {
  const header = line(0, 'weights', undefined, 'exactly one of: random, onnx');
  if (input.onnxPath !== undefined) return [header, line(1, 'onnx', str(rel(input.onnxPath)))];
  return [header, line(1, 'random', `{ seed: ${input.randomSeed ?? 1} }`, 'optional std (default 0.02)')];
}

function tokenizerLines(t: TokenizerRef, rel: (p: string) => string): string[] {
  const s = t.specialIds;
  return [
    line(0, 'tokenizer', undefined, 'Hugging Face tokenizer.json'),
    line(1, 'path', str(rel(t.path))),
    line(1, 'special_ids', `{ cls: ${s.cls}, sep: ${s.sep}, pad: ${s.pad}, unk: ${s.unk}, mask: ${s.mask} }`),
  ];
}

function exitLines(exit: ExitPolicy, rel: (p: string) => string): string[] {
  const out = [line(0, 'exit', undefined, 'hash-based early exit'), line(1, 'policy', exit.kind, 'none | frequency | mi | random | cluster | table')];
  switch (exit.kind) {
    case 'none':
      out.push(`  # e.g. policy: random with seed: 0 and buckets: N (no data needed); frequency and mi need a tokenizer and a corpus`);
      break;
    case 'table':
      out.push(line(1, 'table', str(rel(exit.path)), 'JSON, pickle or torch.save {token id: value}'));
      if (exit.values === 'buckets') out.push(line(1, 'table_values', 'buckets', 'reference bucket values: v runs v - 1 layers'));
      break;
    default: {
      out.push(line(1, 'buckets', String(exit.buckets), 'bucket j runs 1 + j * (layers // buckets) layers'));
      if (exit.bucketLayers) out.push(line(1, 'bucket_layers', flow(exit.bucketLayers)));
      if (exit.kind === 'frequency' || exit.kind === 'mi') {
        out.push(
          line(1, 'corpus', undefined, 'tab-separated, with a header line'),
          line(2, 'files', flow(exit.corpus.files.map(rel))),
          line(2, 'text_columns', flow(exit.corpus.textColumns)),
        );
        if (exit.corpus.labelColumn !== undefined) out.push(line(2, 'label_column', str(exit.corpus.labelColumn)));
      }
      if (exit.kind === 'random' || exit.kind === 'cluster') out.push(line(1, 'seed', String(exit.seed)));
      if (exit.kind === 'cluster') out.push(line(1, 'iterations', String(exit.iterations), 'k-means iterations'));
    }
  }
  return out;
}

/** `  key: value    # comment`, comments aligned at COMMENT_COLUMN when the line is short enough. */
function line(depth: number, key: string, value?: string, comment?: string): string {
  const text = `${'  '.repeat(depth)}${key}:${value === undefined ? '' : ` ${value}`}`;
  return comment === undefined ? text : `${text.padEnd(COMMENT_COLUMN - 1)} # ${comment}`;
}

/** A YAML scalar for `s`: plain when that reads back as the same string, else double-quoted (JSON is valid YAML). */
function str(s: string): string {
  return /^[A-Za-z0-9._/-]+$/.test(s) && parse(s) === s ? s : JSON.stringify(s);
}

function flow(items: readonly (string | number)[]): string {
  return `[${items.map((i) => (typeof i === 'number' ? String(i) : str(i))).join(', ')}]`;
}

function validName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return cleaned === '' ? 'model' : cleaned;
}
