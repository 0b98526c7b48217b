/**
 * The bundled fonts' content hash: a changed font is a changed input of every build
 * (incremental) and invalidates the shaping store, which lives in this stage.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileHash, filesUnder, sha256 } from '../util/index.js';
import { fromRoot } from '../util/index.js';
import { FONT_DIR } from './fonts.js';

let fonts: string | undefined;

/**
 * Hash of the bundled fonts (13 MB, so hashed once per build of the tool: `npm run build`
 * records it with each file's size; a size that no longer matches means hashing again).
 */
export function fontsHash(): string {
  if (fonts) return fonts;
  const list = filesUnder(FONT_DIR, FONT_DIR);
  const sizes = list.map((f) => `${f}:${statSync(join(FONT_DIR, f)).size}`).join('\n');
  try {
    const pre = JSON.parse(readFileSync(fromRoot('dist', 'fonts.sha256.json'), 'utf8')) as { sizes: string; hash: string };
    if (pre.sizes === sizes) return (fonts = pre.hash);
  } catch {
    // Not built yet: hash the files below.
  }
  fonts = sha256(list.map((f) => `${f}:${fileHash(join(FONT_DIR, f))}`).join('\n'));
  return fonts;
}

/**
 * Writes the fonts' hash for {@link fontsHash} (run by `npm run build`).
 * @public scripts/precompile-schemas.js calls it from dist/, where knip does not look.
 */
export function recordFontsHash(): void {
  fonts = undefined;
  const list = filesUnder(FONT_DIR, FONT_DIR);
  const sizes = list.map((f) => `${f}:${statSync(join(FONT_DIR, f)).size}`).join('\n');
  const hash = sha256(list.map((f) => `${f}:${fileHash(join(FONT_DIR, f))}`).join('\n'));
  writeFileSync(fromRoot('dist', 'fonts.sha256.json'), JSON.stringify({ sizes, hash }) + '\n');
}
