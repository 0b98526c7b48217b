import type { FontId } from '../text/index.js';
import type { EmbeddedFontLike } from './text.js';
import { shapeStore } from '../text/index.js';
import type { StoredRun } from '../text/index.js';
import { currentFont } from './pdfkit-internals.js';
import type { PdfkitFont } from './pdfkit-internals.js';

type Layout = PdfkitFont['layout'];
type Subset = PdfkitFont['subset'];

/** Encoded subsets by font and glyph list, newest last. */
const subsets = new Map<string, Uint8Array>();
const MAX_SUBSETS = 32;
const runs = new Map<FontId, Map<string, unknown>>();
const MAX_RUNS = 10_000;

/**
 * Shares shaped text across documents. pdfkit shapes every string it draws with fontkit, and
 * with explicit OpenType features it shapes the whole string every time, in every document;
 * shaping was most of the warm render time. The result of shaping depends only on the font,
 * the features and the text (glyphs are mapped to each document's subset later, in
 * `encode`), so one process-wide cache per font serves every document.
 */
export function shareShaping(doc: PDFKit.PDFDocument, id: FontId): EmbeddedFontLike {
  doc.font(id);
  const font = currentFont(doc);
  let cache = runs.get(id);
  if (!cache) {
    cache = new Map();
    runs.set(id, cache);
  }
  const shared = cache;
  shareSubsets(id, font.subset);
  const original: Layout = font.layout.bind(font);
  font.layout = (text, features, onlyWidth) => {
    // Without features pdfkit caches words itself and `onlyWidth` skips glyphs; with features
    // (always, for us) both ask for the same full run, which serves for widths too.
    if (!features) return original(text, features, onlyWidth);
    const key = `${features ? features.join(',') : ''}\u0000${text}`;
    let run = shared.get(key);
    if (run === undefined) {
      const storeKey = `${id}\u0000${key}`;
      const stored = shapeStore().runs.get(storeKey);
      if (stored) run = revive(stored);
      else {
        run = original(text, features, false);
        shapeStore().setRun(storeKey, freeze(run as ShapedRun));
      }
      if (shared.size >= MAX_RUNS) shared.clear();
      shared.set(key, run);
    }
    return run;
  };
  return font as unknown as EmbeddedFontLike;
}

/** What pdfkit's encode reads of a shaped run. */
interface ShapedRun {
  readonly glyphs: readonly { id: number; advanceWidth: number; codePoints: number[] }[];
  readonly positions: readonly { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }[];
}

function freeze(run: ShapedRun): StoredRun {
  return {
    g: run.glyphs.map((g) => [g.id, g.advanceWidth, [...g.codePoints]] as const),
    p: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset, p.advanceWidth] as const),
  };
}

/** A stored run in the shape pdfkit's encode and widthOfString read. */
function revive(s: StoredRun): ShapedRun & { advanceWidth: number } {
  const positions = s.p.map(([xAdvance, yAdvance, xOffset, yOffset, advanceWidth]) => ({ xAdvance, yAdvance, xOffset, yOffset, advanceWidth }));
  return {
    glyphs: s.g.map(([id, advanceWidth, codePoints]) => ({ id, advanceWidth, codePoints: [...codePoints] })),
    positions,
    advanceWidth: positions.reduce((sum, p) => sum + p.xAdvance, 0),
  };
}

/**
 * Documents that use the same glyphs in the same order (the same briefing built again, with
 * other figures or another date) embed the same font subset: encoding it once per process
 * saves fontkit decoding and re-encoding every glyph for every document. The bytes are those
 * fontkit made for that glyph list.
 */
function shareSubsets(id: FontId, subset: Subset): void {
  const encode = subset.encode.bind(subset);
  subset.encode = () => {
    const key = `${id}\u0000${subset.glyphs.join(',')}`;
    let bytes = subsets.get(key);
    if (bytes) subsets.delete(key);
    else bytes = encode();
    subsets.set(key, bytes);
    if (subsets.size > MAX_SUBSETS) subsets.delete(subsets.keys().next().value as string);
    return bytes;
  };
}
