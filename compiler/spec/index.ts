// Public entry of compiler/spec: load and validate spec YAML, render one from an architecture.

export type { CorpusRef, ExitPolicy, Spec, SpecialIds, Target, TokenizerRef, WeightsSource } from './types.ts';
export { loadSpec, parseSpecText, type LoadOptions } from './load.ts';
export { SpecErrors } from './spec-errors.ts';
export { SPEC_DEFAULTS } from './build.ts';
export { SCHEMA_PATH } from './schema.ts';
export { renderSpecYaml, type RenderSpecInput } from './render.ts';
