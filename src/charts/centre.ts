import type { Chart, Plugin } from 'chart.js';
import { geometries } from './plugins.js';
import type { Ctx2D } from './plugins.js';

/** What the doughnut's hole should say: the total (large, bold) over a note (the year). */
export interface CentreText {
  readonly total: string;
  readonly note: string;
  /** Preferred and least size of the total (pt); the note keeps `noteSize`. */
  readonly size: number;
  readonly minSize: number;
  readonly noteSize: number;
  readonly color: string;
  readonly noteColor: string;
  /** CSS font for a size and weight. */
  readonly font: (weight: 'bold' | 'normal', size: number) => string;
}

/** One line placed in the hole: baseline offset from the centre (pt, y down). */
export interface CentreLine {
  readonly text: string;
  readonly size: number;
  readonly weight: 'bold' | 'normal';
  readonly color: string;
  readonly dy: number;
}

/** The hole's text: its lines, and whether the total had to be left out. */
export interface CentreFit {
  readonly lines: readonly CentreLine[];
  readonly dropped: boolean;
}

/** Room kept between the text and the hole's edge (pt). */
const PAD = 2.5;
/** Space between lines (pt). */
const LEADING = 3;
/** Glyph extent above and below the baseline, per pt of size: digits, capitals, descenders. */
const ASCENT = 0.78;
const DESCENT = 0.24;

/**
 * Splits money into its figures and its currency or unit ("KRW" / "7,444,444,400", "4,7" /
 * "G$"), at the space where one side has no digit, the most even split first; the figures
 * themselves are never cut. None when there is no such space.
 */
export function splitMoney(text: string): readonly [string, string] | undefined {
  const cuts: [string, string][] = [];
  for (const m of text.matchAll(/\s+/gu)) {
    const a = text.slice(0, m.index).trim(), b = text.slice((m.index ?? 0) + m[0].length).trim();
    if (a && b && (!/\d/u.test(a) || !/\d/u.test(b))) cuts.push([a, b]);
  }
  cuts.sort((x, y) => Math.abs(x[0].length - x[1].length) - Math.abs(y[0].length - y[1].length));
  return cuts[0];
}

/** Whether lines of these widths and sizes, stacked and centred, lie inside a circle of radius `r`. */
function fits(lines: readonly { w: number; size: number }[], r: number): { ok: boolean; dys: number[] } {
  const heights = lines.map((l) => l.size * (ASCENT + DESCENT));
  const total = heights.reduce((a, b) => a + b, 0) + LEADING * (lines.length - 1);
  let top = -total / 2;
  const dys: number[] = [];
  let ok = r > PAD;
  const room = (r - PAD) ** 2;
  for (const [i, l] of lines.entries()) {
    const t = top, b = top + (heights[i] ?? 0);
    dys.push(t + l.size * ASCENT);
    // The box's corners farthest from the centre must be inside the circle.
    if ((l.w / 2) ** 2 + Math.max(t * t, b * b) > room) ok = false;
    top = b + LEADING;
  }
  return { ok, dys };
}

/**
 * Sizes the centre text to a hole of radius `r`: the total shrinks from `size` to `minSize`;
 * if it is still too wide it wraps to two lines (figures, currency); if that fails too, the
 * total is dropped (the caller prints it in the legend) and only the note stays, if it fits.
 */
export function fitCentre(c: CentreText, r: number, measure: (text: string, font: string) => number): CentreFit {
  const note = c.note ? [{ text: c.note, size: c.noteSize, weight: 'normal' as const, color: c.noteColor }] : [];
  const tryLines = (ls: readonly Omit<CentreLine, 'dy'>[]): CentreLine[] | undefined => {
    const f = fits(ls.map((l) => ({ w: measure(l.text, c.font(l.weight, l.size)), size: l.size })), r);
    return f.ok ? ls.map((l, i) => ({ ...l, dy: f.dys[i] ?? 0 })) : undefined;
  };
  const sizes: number[] = [];
  for (let s = c.size; s > c.minSize - 1e-9; s -= 0.5) sizes.push(s);
  if (sizes.length === 0) sizes.push(c.minSize);
  const wrapped = splitMoney(c.total);
  const shapes: string[][] = c.total ? [[c.total], ...(wrapped ? [[...wrapped]] : [])] : [];
  for (const parts of shapes) {
    for (const s of sizes) {
      const got = tryLines([...parts.map((text) => ({ text, size: s, weight: 'bold' as const, color: c.color })), ...note]);
      if (got) return { lines: got, dropped: false };
    }
  }
  return { lines: tryLines(note) ?? [], dropped: c.total !== '' };
}

/**
 * Prints the total and the note in the doughnut's hole, sized to it (see {@link fitCentre});
 * `onFit` hears what was printed, so the caller can move a dropped total to the legend.
 */
export function centrePlugin(c: CentreText, onFit?: (fit: CentreFit) => void): Plugin {
  return {
    id: 'bkCentre',
    afterDatasetsDraw(chart: Chart) {
      const ctx = chart.ctx as unknown as Ctx2D;
      const g = geometries(chart)[0]?.[0];
      if (!g || g.kind !== 'arc') return;
      ctx.save();
      const fit = fitCentre(c, g.inner, (text, font) => {
        ctx.font = font;
        return ctx.measureText(text).width;
      });
      ctx.textAlign = 'center';
      ctx.textBaseline = 'alphabetic';
      for (const l of fit.lines) {
        ctx.font = c.font(l.weight, l.size);
        ctx.fillStyle = l.color;
        ctx.fillText(l.text, g.x, g.y + l.dy);
      }
      ctx.restore();
      onFit?.(fit);
    },
  };
}
