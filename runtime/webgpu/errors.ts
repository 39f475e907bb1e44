// Errors of the WebGPU engine (the runtime cannot use the compiler's HasheeError): a code and a message.

export type WebGpuErrorCode = 'no-webgpu' | 'no-adapter' | 'limits' | 'shader' | 'weights' | 'input' | 'device-lost' | 'disposed' | 'gpu';

export class WebGpuError extends Error {
  readonly code: WebGpuErrorCode;

  constructor(code: WebGpuErrorCode, message: string) {
    super(message);
    this.name = 'WebGpuError';
    this.code = code;
  }
}
