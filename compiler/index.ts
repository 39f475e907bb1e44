// hashee's programmatic entry (`import { loadSpec, schedule, compile, run, importOnnx, exportOnnx } from 'hashee'`):
// one function per CLI command (compiler/api.ts; the CLI is a thin layer over them), then the pipeline's
// own steps for tools that need them: load a spec's model and exit table, run stages, read and write ONNX.

export {
  check, schedule, run, compile, importOnnx, exportOnnx, report, generate,
  type GenerateOptions, type SpecInput, type CommonOptions, type CheckResult, type RunInput, type RunOptions, type CompileOptions, type CompileResult,
  type ImportOptions, type ImportResult, type ExportOptions, type ReportOptions, type ReportResult,
} from './api.ts';
export { HasheeError, isHasheeError, type ErrorCode, type ErrorJson, type SourceLocation } from './errors.ts';
export { loadSpec, parseSpecText, SpecErrors, type LoadOptions, type Spec, type Target } from './spec/index.ts';
export { loadAll, loadModel, loadSeq2Seq, type Loaded, type LoadedSeq2Seq } from './load.ts';
export { buildExitTable, type ExitTableDeps } from './hash/index.ts';
export { runPipeline, STAGES, type PipelineOptions, type StageName, type StageOutputs } from './pipeline.ts';
export { compilePackage, type CompileOptions as PackageOptions } from './package/assemble.ts';
export { runOnInputs, type BackendName, type OutputKind, type RunReport, type RunRequest, type RunSettings } from './run/index.ts';
export type { ScheduleReport } from './schedule/report.ts';
export type { ReportData } from './report/index.ts';
export type { Progress } from './progress.ts';
// The ONNX reader and writers on bytes and models (importOnnx and exportOnnx above take files and specs).
export { importOnnx as readOnnx, exportOnnx as writeOnnx, exportOnnxWithExits as writeOnnxWithExits, type ExportOptions as WriteOnnxOptions, type OnnxImport } from './onnx/index.ts';
export type { ArchConfig, ExitTable, HeadConfig, Model } from '../contract/model.ts';
