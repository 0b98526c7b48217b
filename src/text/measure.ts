import type { FontFace } from './font-id.js';
import { IGNORABLE } from './coverage.js';
import { getFont, mainFont } from './fonts.js';
import { itemize } from './script.js';
import type { ScriptRun } from './script.js';
import { shapeStore } from './shape-store.js';
import type { FontId } from './fonts.js';

/** A stretch of text in one script, drawn with one font (see {@link itemize}). */
export type Run = ScriptRun;

/** OpenType features used when measuring and drawing (kerning and ligatures on). */
export const TEXT_FEATURES: readonly string[] = ['kern', 'liga'];
export const NUMBER_FEATURES: readonly string[] = ['kern', 'tnum'];

/**
 * Splits text into runs by Unicode script and glyph coverage (see {@link itemize}): Greek is
 * shaped as Greek, Hangul, Arabic or Thai drawn with a font that has them, so they are drawn
 * and extractable rather than boxes. Runs are in logical order; lines are reordered for
 * right-to-left text by breakLines.
 */
export function splitRuns(input: string, face: FontFace): Run[] {
  // Invisible formatting characters (joiners, direction marks, variation selectors) are not
  // drawn, so they cannot show as boxes.
  const text = input.replace(IGNORABLE, '');
  // Printable ASCII is always Latin (or Common) in the main font: no need to look at each character.
  if (/^[\x20-\x7e]*$/.test(text)) return text === '' ? [] : [{ text, font: mainFont(face), script: 'Latin' }];
  return itemize(text, face);
}

/**
 * Widths in em units by font (or face), features and text, nested so that a hit builds no key
 * (layout and charts measure the same words again and again); cleared past `max` entries.
 */
class UnitCache {
  private readonly byFont = new Map<string, Map<string, Map<string, number>>>();
  private size = 0;

  constructor(private readonly max: number) {}

  get(font: string, features: string, text: string): number | undefined {
    return this.byFont.get(font)?.get(features)?.get(text);
  }

  set(font: string, features: string, text: string, units: number): void {
    if (this.size >= this.max) {
      this.byFont.clear();
      this.size = 0;
    }
    let byFeatures = this.byFont.get(font);
    if (!byFeatures) this.byFont.set(font, (byFeatures = new Map()));
    let byText = byFeatures.get(features);
    if (!byText) byFeatures.set(features, (byText = new Map()));
    byText.set(text, units);
    this.size++;
  }
}

/** Feature lists joined, once per list (they are long-lived constants and span properties). */
const featureKeys = new WeakMap<readonly string[], string>();
function featureKey(features: readonly string[]): string {
  let k = featureKeys.get(features);
  if (k === undefined) featureKeys.set(features, (k = features.join(',')));
  return k;
}

const widthCache = new UnitCache(200_000);

/** Advance width (pt) of one run at `size`, as the renderer will draw it (kerning included). */
export function runWidth(text: string, font: FontId, size: number, features = TEXT_FEATURES): number {
  const fk = featureKey(features);
  let units = widthCache.get(font, fk, text);
  if (units === undefined) {
    const key = `${font}\u0000${fk}\u0000${text}`;
    units = shapeStore().widths.get(key);
    if (units === undefined) {
      const f = getFont(font);
      const layout = f.layout(text, [...features]);
      units = 0;
      for (const p of layout.positions) units += p.xAdvance;
      units = units / f.unitsPerEm;
      shapeStore().setWidth(key, units);
    }
    widthCache.set(font, fk, text, units);
  }
  return units * size;
}

const faceCache = new UnitCache(200_000);

/** Width (pt) of text in a face, fallback fonts included. */
export function textWidth(text: string, face: FontFace, size: number, features = TEXT_FEATURES): number {
  const fk = featureKey(features);
  let units = faceCache.get(face, fk, text);
  if (units === undefined) {
    units = 0;
    for (const r of splitRuns(text, face)) units += runWidth(r.text, r.font, 1, features);
    faceCache.set(face, fk, text, units);
  }
  return units * size;
}

