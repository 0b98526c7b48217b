import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { createHash } from 'node:crypto';
import { fromRoot } from '../util/index.js';

const require = createRequire(import.meta.url);

/** Where `npm run build` writes the precompiled form of a bundled template. */
export function precompiledTemplatePath(file: string, templatesDir: string): string | undefined {
  const rel = relative(templatesDir, file);
  if (rel.startsWith('..')) return undefined;
  return fromRoot('dist', 'templates', `${rel}.cjs`);
}

export function templateHash(src: string): string {
  return createHash('sha256').update(src).digest('hex');
}

/**
 * The Handlebars template spec generated at build time for this very template text (same
 * escaping rewrite, same options), or undefined: then the template is compiled at run time.
 * Only the bundled templates are precompiled, by us; a spec is used only when its hash matches.
 */
interface Precompiled {
  readonly hash?: string;
  readonly spec?: unknown;
  readonly partials?: { name: string; line: number; col: number }[];
}

function load(file: string, src: string, templatesDir: string): Precompiled | undefined {
  const path = precompiledTemplatePath(file, templatesDir);
  if (!path || !existsSync(path)) return undefined;
  const mod = require(path) as Precompiled;
  return mod.hash === templateHash(src) ? mod : undefined;
}

export function precompiledSpec(file: string, src: string, templatesDir: string): unknown {
  return load(file, src, templatesDir)?.spec;
}

/** The partials the template calls, with where, as recorded at build time. */
export function precompiledPartials(file: string, src: string, templatesDir: string): { name: string; line: number; col: number }[] | undefined {
  return load(file, src, templatesDir)?.partials;
}
