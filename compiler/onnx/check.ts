// Compares what an ONNX file holds with what the spec declares, and lists every difference.

import { poolerActivation, type ArchConfig, type HeadConfig } from '../../contract/model.ts';
import { HasheeError, type SourceLocation } from '../errors.ts';
import type { OnnxImport } from './import.ts';

/**
 * Throws HasheeError('onnx-mismatch') with one line per difference, e.g. "model.layers: spec says 12, found 6 in m.onnx".
 * A spec with head `none` accepts a file with any head (the encoder is used alone).
 */
export function checkOnnxAgainstSpec(found: OnnxImport, arch: ArchConfig, head: HeadConfig,
  locations: ReadonlyMap<string, SourceLocation>, file: string): void {
  const pairs: [string, unknown, unknown][] = [
    ['model.layers', arch.layers, found.arch.layers],
    ['model.hidden', arch.hidden, found.arch.hidden],
    ['model.heads', arch.heads, found.arch.heads],
    ['model.ffn', arch.ffn, found.arch.ffn],
    ['model.vocab_size', arch.vocabSize, found.arch.vocabSize],
    ['model.max_positions', arch.maxPositions, found.arch.maxPositions],
    ['model.type_vocab_size', arch.typeVocabSize, found.arch.typeVocabSize],
    ['model.embedding_size', arch.embeddingSize, found.arch.embeddingSize],
    ['model.activation', arch.activation, found.arch.activation],
    ['model.norm', arch.norm, found.arch.norm],
    ['model.shared_layers', arch.sharedLayers, found.arch.sharedLayers],
  ];
  // A spec without a head asks for the encoder states only: whatever head the file carries is ignored.
  if (head.kind !== 'none') pairs.push(['head.kind', head.kind, found.head.kind]);
  if ('labels' in head && 'labels' in found.head) pairs.push(['head.labels', head.labels, found.head.labels]);
  if (head.kind === found.head.kind && (head.kind === 'classification' || head.kind === 'regression')) pairs.push(['head.pooler', poolerActivation(head), poolerActivation(found.head)]);
  const differ = pairs.filter(([, spec, onnx]) => spec !== onnx);
  // The file stores epsilon as float32: equal when the spec's value rounds to the same float32.
  if (Math.fround(arch.layerNormEps) !== Math.fround(found.arch.layerNormEps)) differ.push(['model.layer_norm_eps', arch.layerNormEps, found.arch.layerNormEps]);
  if (differ.length === 0) return;
  const lines = differ.map(([key, spec, onnx]) => `${key}: spec says ${String(spec)}, found ${String(onnx)} in ${file}`);
  const key = differ[0]![0];
  throw new HasheeError('onnx-mismatch', `the ONNX model does not match the spec:\n  ${lines.join('\n  ')}`, {
    location: locations.get(key) ?? locations.get(key.split('.')[0]!),
    keyPath: key,
  });
}
