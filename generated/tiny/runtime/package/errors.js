// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// Errors of a loaded package (the runtime cannot use the compiler's HasheeError): a code and a message.
export class PackageError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.name = 'PackageError';
        this.code = code;
    }
}
