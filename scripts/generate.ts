// `npm run generate`: rewrites generated/ (the compiled tiny package and golden WAT) from specs/tiny.yaml.
// Review the diff before committing: every change there is a change in what the compiler emits.

import { GENERATED_DIR, writeGenerated } from '../compiler/package/generated.ts';

await writeGenerated(GENERATED_DIR);
console.error(`wrote ${GENERATED_DIR}`);
