// Errors of a loaded package (the runtime cannot use the compiler's HasheeError): a code and a message.

export type PackageErrorCode = 'file' | 'input' | 'backend' | 'tokenizer' | 'disposed';

export class PackageError extends Error {
  readonly code: PackageErrorCode;

  constructor(code: PackageErrorCode, message: string) {
    super(message);
    this.name = 'PackageError';
    this.code = code;
  }
}
