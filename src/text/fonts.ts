import { readFileSync } from 'node:fs';
import { fromRoot } from '../util/root.js';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { fail } from '../diag/errors.js';
import type { FontFace } from '../theme/types.js';
import type { FontId } from './font-id.js';

export type { FontId } from './font-id.js';

/** Where bundled fonts live: `assets/fonts/` at the package root. */
export const FONT_DIR = fromRoot('assets', 'fonts') + '/';

const FILES: Readonly<Record<FontId, string>> = {
  'main-regular': 'SourceSans3_400Regular.ttf',
  'main-italic': 'SourceSans3_400Regular_Italic.ttf',
  'main-semibold': 'SourceSans3_600SemiBold.ttf',
  'main-bold': 'SourceSans3_700Bold.ttf',
  'kr-regular': 'NotoSansKR_400Regular.ttf',
  'kr-bold': 'NotoSansKR_700Bold.ttf',
  'arab-regular': 'NotoSansArabic_400Regular.ttf',
  'arab-bold': 'NotoSansArabic_700Bold.ttf',
  // Only the Hebrew block of Noto Sans Hebrew (WOFF, which fontkit reads and pdfkit embeds).
  'hebr-regular': 'NotoSansHebrew_400Regular.woff',
  'hebr-bold': 'NotoSansHebrew_700Bold.woff',
  'thai-regular': 'NotoSansThai_400Regular.ttf',
  'thai-bold': 'NotoSansThai_700Bold.ttf',
  'deva-regular': 'NotoSansDevanagari_400Regular.ttf',
  'deva-bold': 'NotoSansDevanagari_700Bold.ttf',
  // The ideographs of GB 2312, Big5 and JIS X 0208 that Noto Sans KR lacks, cut from Noto
  // Sans SC (scripts/fonts/subset-han.mjs): 3.1 MB instead of 10.5 MB for the whole font.
  'han-regular': 'NotoSansSC_400Regular_Han.ttf',
  // Symbols, arrows, maths, extended Greek and Cyrillic: the last resort before a box.
  'symbol-regular': 'DejaVuSans.ttf',
  'emoji-regular': 'NotoEmoji_400Regular.ttf',
};

/** The font the layout asked for, and the fallback that covers Hangul for that weight. */
export function mainFont(face: FontFace): FontId {
  // No bold italic is bundled: bold stands in (emphasis inside bold is rare in briefings).
  return face === 'boldItalic' ? 'main-bold' : `main-${face}`;
}
export function fallbackFont(face: FontFace): FontId {
  return scriptFont('kr', face);
}

/** The scripts that have a font of their own, regular and bold. */
export type ScriptFont = 'kr' | 'arab' | 'hebr' | 'thai' | 'deva';

/** A script font in the weight that stands in for `face` (no italics: regular or bold). */
export function scriptFont(family: ScriptFont, face: FontFace): FontId {
  return face === 'bold' || face === 'semibold' || face === 'boldItalic' ? `${family}-bold` : `${family}-regular`;
}

/** Every font id, in a fixed order (the renderer registers them in this order). */
export const FONT_IDS: readonly FontId[] = Object.keys(FILES) as FontId[];

/** Loaded once per process, shared by every document: parsing fonts is the costly part. */
const fonts = new Map<FontId, Font>();
const bytes = new Map<string, Buffer>();

export function fontPath(id: FontId): string {
  return FONT_DIR + FILES[id];
}

/** The raw bytes of a font file, read once. */
export function fontBytes(id: FontId): Buffer {
  const path = fontPath(id);
  let b = bytes.get(path);
  if (!b) {
    try {
      b = readFileSync(path);
    } catch {
      fail('font/missing', `bundled font file is missing: ${path}`, {
        hint: 'reinstall briefkit (the fonts ship in assets/fonts/); do not delete them',
      });
    }
    bytes.set(path, b);
  }
  return b;
}

/** The parsed font, parsed once per process. The Korean fallback is parsed only when used. */
export function getFont(id: FontId): Font {
  let f = fonts.get(id);
  if (!f) {
    const created = fontkit.create(fontBytes(id));
    if (!('layout' in created)) throw new Error(`internal: ${id} is a font collection`);
    f = created;
    keepCodePoints(f);
    fonts.set(id, f);
  }
  return f;
}

/**
 * fontkit caches one glyph object per glyph id, with the characters it was first asked for;
 * pdfkit maps each embedded glyph to Unicode from them. So a glyph two characters share (the
 * space and the no-break space, say) would read back as whichever character the process met
 * first, and a glyph first met by id alone (subsetting) as none: the text layer, and the
 * bytes, would depend on what the process built before. When shaping asks for a glyph with
 * characters, it gets a view of the cached glyph carrying exactly those characters.
 */
function keepCodePoints(f: Font): void {
  type Glyph = { codePoints?: number[]; advanceWidth?: number };
  const font = f as unknown as { getGlyph(id: number, cps?: number[]): Glyph };
  const original = font.getGlyph.bind(font);
  font.getGlyph = (id, cps = []) => {
    const g = original(id, cps);
    if (cps.length === 0) return g;
    // Metrics are computed once on the cached glyph; the view reads them through it.
    void g.advanceWidth;
    const view = Object.create(g) as Glyph;
    view.codePoints = cps;
    return view;
  };
}
