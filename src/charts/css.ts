import { color as parseCssColor } from 'chart.js/helpers';
import type { FontFace } from '../theme/index.js';

/** The font family chart text asks for; the recorder maps it to our bundled faces. */
export const CHART_FAMILY = 'Source Sans 3';
/** The family list chart.js gets: our face, then the Korean fallback (for the PNG path). */
export const CHART_FAMILY_CSS = `'${CHART_FAMILY}', 'Noto Sans KR'`;

/** A CSS colour split into an opaque `#rrggbb` and an alpha (0..1). */
export interface Rgba {
  readonly hex: string;
  readonly alpha: number;
}

const colorCache = new Map<string, Rgba | undefined>();

function hex2(n: number): string {
  return Math.max(0, Math.min(255, Math.round(n))).toString(16).padStart(2, '0');
}

/**
 * Parses any CSS colour chart.js may set (`#rgb`, `#rrggbb`, `rgba()`, `hsl()`, names).
 * Gradients, patterns and unparsable values give undefined (nothing is painted).
 */
export function parseColor(value: unknown): Rgba | undefined {
  if (typeof value !== 'string') return undefined;
  const key = value.trim().toLowerCase();
  if (colorCache.has(key)) return colorCache.get(key);
  let out: Rgba | undefined;
  if (key === 'transparent') out = { hex: '#000000', alpha: 0 };
  else {
    const c = parseCssColor(key);
    if (c.valid) {
      const { r, g, b, a } = c.rgb;
      out = { hex: `#${hex2(r)}${hex2(g)}${hex2(b)}`, alpha: Math.max(0, Math.min(1, a)) };
    }
  }
  if (colorCache.size > 10_000) colorCache.clear();
  colorCache.set(key, out);
  return out;
}

/** A parsed CSS font shorthand, as chart.js builds it: `"bold 8px 'Source Sans 3'"`. */
export interface CssFont {
  readonly face: FontFace;
  /** Size in px, which is pt in chart space. */
  readonly size: number;
  /** First family of the list, unquoted. */
  readonly family: string;
}

const fontCache = new Map<string, CssFont>();

/** Parses a CSS font shorthand; unknown parts fall back to regular 10px (the canvas default). */
export function parseFont(css: string): CssFont {
  const hit = fontCache.get(css);
  if (hit) return hit;
  const m = /^\s*(.*?)\s*([\d.]+)(px|pt)(?:\s*\/\s*[^\s]+)?\s+(.+)$/.exec(css);
  let font: CssFont = { face: 'regular', size: 10, family: 'sans-serif' };
  if (m) {
    const words = (m[1] ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const italic = words.includes('italic') || words.includes('oblique');
    let weight = 400;
    for (const w of words) {
      if (w === 'bold' || w === 'bolder') weight = 700;
      else if (w === 'lighter') weight = 300;
      else if (/^\d{3}$/.test(w)) weight = Number(w);
    }
    const face: FontFace =
      weight >= 650 ? (italic ? 'boldItalic' : 'bold') : weight >= 550 ? 'semibold' : italic ? 'italic' : 'regular';
    const raw = Number(m[2]);
    // Chart space is 1 px = 1 pt; a CSS pt is 4/3 px.
    const size = m[3] === 'pt' ? (raw * 4) / 3 : raw;
    const family = (m[4] ?? '').split(',')[0]?.trim().replace(/^['"]|['"]$/g, '') ?? '';
    font = { face, size: Number.isFinite(size) && size > 0 ? size : 10, family };
  }
  fontCache.set(css, font);
  return font;
}

/** Perceived lightness (Rec. 601 luma, 0..1) of `#rrggbb`: what a greyscale print shows. */
export function luma(hex: string): number {
  const c = parseColor(hex);
  if (!c) return 0;
  const v = (i: number): number => parseInt(c.hex.slice(i, i + 2), 16) / 255;
  return 0.299 * v(1) + 0.587 * v(3) + 0.114 * v(5);
}

/** Mixes `#rrggbb` with white: `amount` 0 keeps the colour, 1 gives white. */
export function tint(hex: string, amount: number): string {
  const c = parseColor(hex);
  if (!c) return hex;
  const ch = (i: number): string => {
    const v = parseInt(c.hex.slice(i, i + 2), 16);
    return hex2(v + (255 - v) * amount);
  };
  return `#${ch(1)}${ch(3)}${ch(5)}`;
}
