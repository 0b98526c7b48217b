import type { Chart, Plugin } from 'chart.js';
import { luma } from './css.js';
import { geometries } from './plugins.js';
import type { Ctx2D } from './plugins.js';
import { labelPriorities, thinLabels } from './thin.js';
import type { Box, LabelCandidate } from './thin.js';

/** Options of {@link valueLabelPlugin}. */
export interface LabelOptions {
  /** The label of an element, or undefined for none. */
  readonly text: (datasetIndex: number, index: number) => string | undefined;
  /** `end`: past the end of the bar; `inside`: centred in the bar or arc; `point`: above. */
  readonly place: 'end' | 'inside' | 'point';
  /** CSS font and text colour; `fills` gives an element's fill, for contrast inside it. */
  readonly font: string;
  readonly size: number;
  readonly color: string;
  readonly fills?: (datasetIndex: number, index: number) => string;
  /** Elements whose inside labels need a white backdrop (hatched ones). */
  readonly backdrop?: (datasetIndex: number, index: number) => boolean;
  /** Gap between the element and its label (pt). */
  readonly gap: number;
  /** Told, after each draw, which labels were printed: element indices per dataset. */
  readonly onPlaced?: (placed: readonly (readonly number[])[]) => void;
}

/** One way to print a label: its baseline start, colour and whether it needs a backdrop. */
interface Spot { readonly x: number; readonly y: number; readonly color: string; readonly backdrop: boolean }

/** Least distance between two value labels (pt): dense series are thinned to keep it. */
const LABEL_SPACING = 3;

/**
 * Prints values on the elements, small and legible, without collisions: every label lies inside
 * the plot area, clear of the other labels (by {@link LABEL_SPACING}), of the markers and lines
 * of line charts and of the other bars. Dense series are thinned: the first, last and extreme
 * values are kept first, then labels spread evenly as room allows (see `thinLabels`); a label
 * past a bar end that has no room there may go inside the bar's end. The alt text and the
 * data table carry every value.
 */
export function valueLabelPlugin(o: LabelOptions): Plugin {
  return {
    id: 'bkValueLabels',
    afterDatasetsDraw(chart: Chart) {
      const ctx = chart.ctx as unknown as Ctx2D;
      ctx.save();
      ctx.font = o.font;
      const capH = o.size * 0.66;
      const geo = geometries(chart);
      const a = chart.chartArea;
      const area: Box = { l: a.left, t: a.top, r: a.right, b: a.bottom };
      const boxOf = (s: Spot, w: number): Box => ({ l: s.x - 1, t: s.y - capH - 1, r: s.x + w + 1, b: s.y + 1 });
      const contrast = (di: number, i: number): Pick<Spot, 'color' | 'backdrop'> => {
        const backdrop = o.backdrop?.(di, i) ?? false;
        return { backdrop, color: !backdrop && luma(o.fills?.(di, i) ?? '#ffffff') < 0.55 ? '#ffffff' : o.color };
      };
      // What labels keep clear of: markers (line charts) or bars (past bar ends).
      const flat = geo.flatMap((els, di) => els.map((g, i) => ({ g, di, i })));
      const obstacles: Box[] = o.place === 'inside' ? [] : flat.map(({ g }) =>
        g.kind === 'point' ? { l: g.x - 4, t: g.y - 4, r: g.x + 4, b: g.y + 4 } : { l: g.left, t: g.top, r: g.right, b: g.bottom });
      const lines = geo.flatMap((els) => els.slice(1).map((g, i) => [els[i] ?? g, g] as const)).filter(([p]) => p.kind === 'point');
      const crosses = (b: Box): boolean =>
        lines.some(([p, c]) => {
          for (let t = 0; t <= 1; t += 1 / 16) {
            const x = p.x + (c.x - p.x) * t, y = p.y + (c.y - p.y) * t;
            if (x > b.l && x < b.r && y > b.t && y < b.b) return true;
          }
          return false;
        });
      const candidates: LabelCandidate[] = [];
      const spots: { di: number; i: number; text: string; spots: Spot[] }[] = [];
      for (const [di, els] of geo.entries()) {
        // Extremes as drawn: the y of points and vertical bars, the x of horizontal bars.
        const priorities = labelPriorities(els.map((g) => (g.horizontal ? g.x : -g.y)));
        for (const [i, g] of els.entries()) {
          const text = o.text(di, i);
          if (!text) continue;
          const w = ctx.measureText(text).width;
          const mine: Spot[] = [];
          if (o.place === 'end' && g.kind === 'bar') {
            const inner = contrast(di, i);
            if (g.horizontal) {
              const y = (g.top + g.bottom) / 2 + capH / 2;
              mine.push({ x: g.negative ? g.left - o.gap - w : g.right + o.gap, y, color: o.color, backdrop: false });
              if (w + 2 * o.gap <= g.right - g.left && capH + 2 <= g.bottom - g.top) {
                mine.push({ x: g.negative ? g.left + o.gap : g.right - o.gap - w, y, ...inner });
              }
            } else {
              // Centred on the bar, but kept inside the plot area (first and last bars).
              const x = Math.max(area.l + 1, Math.min(g.x - w / 2, area.r - w - 1));
              mine.push({ x, y: g.negative ? g.bottom + o.gap + capH : g.top - o.gap, color: o.color, backdrop: false });
              if (w + 2 <= g.right - g.left && capH + 2 * o.gap <= g.bottom - g.top) {
                mine.push({ x, y: g.negative ? g.bottom - o.gap : g.top + o.gap + capH, ...inner });
              }
            }
          } else if (o.place === 'inside') {
            const mid = (g.a0 + g.a1) / 2, rr = (g.inner + g.outer) / 2;
            const cx = g.kind === 'arc' ? g.x + Math.cos(mid) * rr : (g.left + g.right) / 2;
            const cy = g.kind === 'arc' ? g.y + Math.sin(mid) * rr : (g.top + g.bottom) / 2;
            const roomW = g.kind === 'arc' ? (g.a1 - g.a0) * rr : g.right - g.left;
            const roomH = g.kind === 'arc' ? g.outer - g.inner : g.bottom - g.top;
            if (w + 4 <= roomW && o.size + 2 <= roomH) mine.push({ x: cx - w / 2, y: cy + capH / 2, ...contrast(di, i) });
          } else {
            // Centred on its point, above it or else below, but inside the plot area: never over
            // the axis labels at the left, never past the chart's (and the page's) right edge.
            const x = Math.max(area.l + 1, Math.min(g.x - w / 2, area.r - w - 1));
            for (const y of [g.y - o.gap - 4, g.y + o.gap + 4 + capH]) mine.push({ x, y, color: o.color, backdrop: false });
          }
          if (mine.length === 0) continue;
          const own = flat.findIndex((f) => f.di === di && f.i === i);
          candidates.push({ id: spots.length, priority: priorities[i] ?? 0, boxes: mine.map((m) => boxOf(m, w)), ...(o.place === 'end' ? { own } : {}) });
          spots.push({ di, i, text, spots: mine });
        }
      }
      const kept = thinLabels(candidates, {
        area: o.place === 'inside' ? { l: 0, t: 0, r: chart.width, b: chart.height } : area,
        obstacles,
        gap: o.place === 'inside' ? 0 : LABEL_SPACING,
        ...(lines.length ? { blocked: crosses } : {}),
      });
      ctx.textAlign = 'left';
      ctx.textBaseline = 'alphabetic';
      const placed: number[][] = geo.map(() => []);
      for (const k of kept) {
        const label = spots[k.id];
        const spot = label?.spots[k.choice];
        if (!label || !spot) continue;
        placed[label.di]?.push(label.i);
        if (spot.backdrop) {
          ctx.fillStyle = 'rgba(255, 255, 255, 0.88)';
          ctx.beginPath();
          ctx.rect(k.box.l - 1, k.box.t - 0.5, k.box.r - k.box.l + 2, k.box.b - k.box.t + 1.5);
          ctx.fill();
        }
        ctx.fillStyle = spot.color;
        ctx.fillText(label.text, spot.x, spot.y);
      }
      ctx.restore();
      o.onPlaced?.(placed);
    },
  };
}
