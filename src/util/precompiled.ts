import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import type { ValidateFunction } from 'ajv';
import { fromRoot } from './root.js';

const require = createRequire(import.meta.url);

/** Where `npm run build` writes a schema's precompiled validator. */
export function precompiledPath(name: string): string {
  return fromRoot('dist', 'schemas', `${name}.validate.cjs`);
}

export function schemaHash(schemaText: string): string {
  return createHash('sha256').update(schemaText).digest('hex');
}

/**
 * The validator Ajv generated for a schema at build time, when it was generated from this
 * very schema text (compiling a schema at start-up costs about 100 ms); otherwise undefined,
 * and the caller compiles.
 */
export function precompiledValidator(name: string, schemaText: string): ValidateFunction | undefined {
  const path = precompiledPath(name);
  if (!existsSync(path)) return undefined;
  const mod = require(path) as { schemaHash?: string; validate?: ValidateFunction };
  return mod.schemaHash === schemaHash(schemaText) ? mod.validate : undefined;
}
