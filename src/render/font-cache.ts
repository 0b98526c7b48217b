import type { FontId } from '../text/fonts.js';
import type { EmbeddedFontLike } from './text.js';

/** pdfkit's embedded font: its layout method is what we share. */
interface Shapeable {
  layout(text: string, features?: string[], onlyWidth?: boolean): unknown;
}

type Layout = Shapeable['layout'];
const runs = new Map<FontId, Map<string, unknown>>();
const MAX_RUNS = 50_000;

/**
 * Shares shaped text across documents. pdfkit shapes every string it draws with fontkit, and
 * with explicit OpenType features it shapes the whole string every time, in every document;
 * shaping was most of the warm render time. The result of shaping depends only on the font,
 * the features and the text (glyphs are mapped to each document's subset later, in
 * `encode`), so one process-wide cache per font serves every document.
 */
export function shareShaping(doc: PDFKit.PDFDocument, id: FontId): EmbeddedFontLike {
  doc.font(id);
  const font = (doc as unknown as { _font: Shapeable })._font;
  let cache = runs.get(id);
  if (!cache) {
    cache = new Map();
    runs.set(id, cache);
  }
  const shared = cache;
  const original: Layout = font.layout.bind(font);
  font.layout = (text, features, onlyWidth) => {
    // Without features pdfkit caches words itself and `onlyWidth` skips glyphs; with features
    // (always, for us) both ask for the same full run, which serves for widths too.
    if (!features) return original(text, features, onlyWidth);
    const key = `${features ? features.join(',') : ''}\u0000${text}`;
    let run = shared.get(key);
    if (run === undefined) {
      run = original(text, features, false);
      if (shared.size >= MAX_RUNS) shared.clear();
      shared.set(key, run);
    }
    return run;
  };
  return font as unknown as EmbeddedFontLike;
}
