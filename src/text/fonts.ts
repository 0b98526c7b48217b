import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fromRoot } from '../util/index.js';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { fail } from '../diag/index.js';
import type { FontFace } from './font-id.js';
import type { BundledFontId, FontId, UserFontId } from './font-id.js';

export type { BundledFontId, FontId, UserFontId } from './font-id.js';

/** Where bundled fonts live: `assets/fonts/` at the package root. */
export const FONT_DIR = fromRoot('assets', 'fonts') + '/';

const FILES: Readonly<Record<BundledFontId, string>> = {
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

/**
 * The fonts a theme puts in place of the bundled ones: one font per face the layout asks for,
 * and per script the regular and bold fonts tried before the bundled ones.
 */
export interface FontSet {
  readonly faces: Readonly<Record<FontFace, FontId>>;
  readonly scripts: Readonly<Partial<Record<ScriptFont, { readonly regular: FontId; readonly bold: FontId }>>>;
}

/**
 * The font set of the build running in this async context. Layout, charts and slides ask for
 * a face ("bold"), not a file; a theme's fonts answer for the duration of one build
 * ({@link withFontSet}) and never outlive it, so concurrent builds with other themes, and the
 * next watch cycle, each see their own.
 */
const fontScope = new AsyncLocalStorage<FontSet>();

/** Runs `fn` (and everything it awaits) with `set` answering {@link mainFont} and {@link scriptFont}. */
export function withFontSet<T>(set: FontSet | undefined, fn: () => T): T {
  return set ? fontScope.run(set, fn) : fn();
}

/** The font the layout asked for, and the fallback that covers Hangul for that weight. */
export function mainFont(face: FontFace): FontId {
  const set = fontScope.getStore();
  if (set) return set.faces[face];
  // No bold italic is bundled: bold stands in (emphasis inside bold is rare in briefings).
  return face === 'boldItalic' ? 'main-bold' : `main-${face}`;
}

/** The scripts that have a font of their own, regular and bold. */
export type ScriptFont = 'kr' | 'arab' | 'hebr' | 'thai' | 'deva';

/** A script font in the weight that stands in for `face` (no italics: regular or bold). */
export function scriptFont(family: ScriptFont, face: FontFace): FontId {
  const bold = face === 'bold' || face === 'semibold' || face === 'boldItalic';
  const own = fontScope.getStore()?.scripts[family];
  if (own) return bold ? own.bold : own.regular;
  return bold ? `${family}-bold` : `${family}-regular`;
}

/** Every bundled font id, in a fixed order (the renderer registers them in this order). */
export const FONT_IDS: readonly BundledFontId[] = Object.keys(FILES) as BundledFontId[];

/** A user's font: its bytes, parsed once, and the file it was first read from (for messages). */
interface UserFont {
  readonly bytes: Buffer;
  readonly font: Font;
  readonly file: string;
}

/**
 * User fonts by content: a file read again with the same bytes is the font already parsed;
 * an edited file gets another id, so nothing parsed, shaped or measured before is served for
 * it. The oldest is dropped past {@link MAX_USER_FONTS} (a long watch session with many edits).
 */
const userFonts = new Map<UserFontId, UserFont>();
const MAX_USER_FONTS = 64;

const isUser = (id: FontId): id is UserFontId => id.startsWith('user-');

/** A user's font file, or why it cannot be used. */
export type UserFontResult =
  | { readonly ok: true; readonly id: UserFontId; readonly family: string; readonly postscriptName: string }
  | { readonly ok: false; readonly reason: string };

/**
 * Registers the bytes of a user's TTF, OTF or WOFF file and returns its id (a hash of the
 * bytes). Parsed once per content. Refuses collections, WOFF2 (pdfkit cannot subset it) and
 * files fontkit cannot read; the caller turns the reason into a located diagnostic.
 */
export function registerUserFont(bytes: Buffer, file: string): UserFontResult {
  const id: UserFontId = `user-${createHash('sha256').update(bytes).digest('hex').slice(0, 24)}`;
  const known = userFonts.get(id);
  if (known) return { ok: true, id, family: known.font.familyName, postscriptName: known.font.postscriptName };
  if (bytes.subarray(0, 4).toString('latin1') === 'wOF2') return { ok: false, reason: 'WOFF2 fonts cannot be embedded (subsetting them fails)' };
  let created: ReturnType<typeof fontkit.create>;
  try {
    created = fontkit.create(bytes);
  } catch (e) {
    return { ok: false, reason: `not a font file fontkit can read (${e instanceof Error ? e.message : String(e)})` };
  }
  if (!('layout' in created)) return { ok: false, reason: 'a font collection (.ttc/.otc): give one font file' };
  if (created.numGlyphs < 2 || typeof created.unitsPerEm !== 'number') return { ok: false, reason: 'the font has no glyphs' };
  keepCodePoints(created);
  fillMetrics(created);
  if (userFonts.size >= MAX_USER_FONTS) userFonts.delete(userFonts.keys().next().value as UserFontId);
  userFonts.set(id, { bytes, font: created, file });
  return { ok: true, id, family: created.familyName, postscriptName: created.postscriptName };
}

/**
 * Older fonts (OS/2 table before version 2) have no cap height or x-height, which layout and
 * charts place text by: take them from the outlines of H and x, as the bundled fonts' own
 * values are measured.
 */
function fillMetrics(f: Font): void {
  const from = (ch: string, fallback: number): number => {
    const g = f.glyphForCodePoint(ch.codePointAt(0) ?? 0);
    const top = g.id === 0 ? undefined : g.bbox.maxY;
    return top !== undefined && Number.isFinite(top) && top > 0 ? top : fallback;
  };
  if (!Number.isFinite(f.capHeight)) Object.defineProperty(f, 'capHeight', { value: from('H', f.ascent * 0.7) });
  if (!Number.isFinite(f.xHeight)) Object.defineProperty(f, 'xHeight', { value: from('x', f.ascent * 0.5) });
}

function userFont(id: UserFontId): UserFont {
  const f = userFonts.get(id);
  if (!f) throw new Error(`internal: user font ${id} is not registered (resolve the theme first)`);
  return f;
}

/** Loaded once per process, shared by every document: parsing fonts is the costly part. */
const fonts = new Map<FontId, Font>();
const bytes = new Map<string, Buffer>();

export function fontPath(id: FontId): string {
  return isUser(id) ? userFont(id).file : FONT_DIR + FILES[id];
}

/** The raw bytes of a font file, read once. */
export function fontBytes(id: FontId): Buffer {
  if (isUser(id)) return userFont(id).bytes;
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
  if (isUser(id)) return userFont(id).font;
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
