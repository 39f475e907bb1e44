// hashee's own folder — package.json, schema/, and the runtime and contract sources that packages are
// compiled from — whether this code runs from the TypeScript sources or from the compiled dist/.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** From sources this file is compiler/util/root.ts; compiled it is dist/compiler/util/root.js, one folder deeper. */
export const ROOT = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? '../../' : '../../../', import.meta.url));

export interface PackageJson {
  readonly version: string;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
}

let cached: PackageJson | undefined;

/** hashee's package.json (read once). */
export function ownPackageJson(): PackageJson {
  cached ??= JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
  return cached;
}

/** The version every generated file's header names. */
export function toolVersion(): string {
  return ownPackageJson().version;
}
