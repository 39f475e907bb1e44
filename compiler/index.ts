// hashee's programmatic entry (`import { loadSpec, ... } from 'hashee'`): the functions the CLI is built
// from — load and validate a spec, load its weights and exit table, run it, compile it, ONNX in and out.

export { HasheeError, isHasheeError, type ErrorCode, type SourceLocation } from './errors.ts';
export { loadSpec, parseSpecText, SpecErrors, type LoadOptions, type Spec, type Target } from './spec/index.ts';
export { loadAll, loadModel, type Loaded } from './load.ts';
export { buildExitTable, type ExitTableDeps } from './hash/index.ts';
export { runPipeline, STAGES, type PipelineOptions, type StageName, type StageOutputs } from './pipeline.ts';
export { compilePackage, type CompileOptions } from './package/assemble.ts';
export { runOnInputs, type BackendName, type OutputKind, type RunReport, type RunRequest, type RunSettings } from './run/index.ts';
export { importOnnx, exportOnnx, exportOnnxWithExits, type ExportOptions, type OnnxImport } from './onnx/index.ts';
export type { ArchConfig, ExitTable, HeadConfig, Model } from '../contract/model.ts';
