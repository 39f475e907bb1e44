// ONNX export and structural import of BERT-style encoders.

export { exportOnnx, type ExportOptions } from './export.ts';
export { importOnnx, type OnnxImport } from './import.ts';
export { checkOnnxAgainstSpec } from './check.ts';
export { exportOnnxWithExits } from './exits.ts';
