import type { Chart, Plugin } from 'chart.js';
import { luma } from './css.js';
import { geometries } from './plugins.js';
import type { Ctx2D } from './plugins.js';

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
}

interface Box { l: number; t: number; r: number; b: number }
const overlaps = (a: Box, b: Box): boolean => a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;

/**
 * Prints values on the elements, small and legible. Labels past bar ends are all shown or,
 * if any would be wider than its bar, none; inside labels are shown where they fit; point
 * labels that would collide are dropped (the alt text and table carry every value).
 */
export function valueLabelPlugin(o: LabelOptions): Plugin {
  return {
    id: 'bkValueLabels',
    afterDatasetsDraw(chart: Chart) {
      const ctx = chart.ctx as unknown as Ctx2D;
      ctx.save();
      ctx.font = o.font;
      const plan: { text: string; x: number; y: number; color: string; box: Box; backdrop: boolean }[] = [];
      const capH = o.size * 0.66;
      const geo = geometries(chart);
      // Point labels keep clear of every marker and every line between markers.
      const points = geo.flatMap((els) => els.filter((g) => g.kind === 'point'));
      const placed: Box[] = points.map((g) => ({ l: g.x - 4, t: g.y - 4, r: g.x + 4, b: g.y + 4 }));
      const lines = geo.flatMap((els) => els.slice(1).map((g, i) => [els[i] ?? g, g] as const)).filter(([a]) => a.kind === 'point');
      const crosses = (b: Box): boolean =>
        lines.some(([a, c]) => {
          for (let t = 0; t <= 1; t += 1 / 16) {
            const x = a.x + (c.x - a.x) * t, y = a.y + (c.y - a.y) * t;
            if (x > b.l && x < b.r && y > b.t && y < b.b) return true;
          }
          return false;
        });
      for (const [di, els] of geo.entries()) {
        for (const [i, g] of els.entries()) {
          const text = o.text(di, i);
          if (!text) continue;
          const w = ctx.measureText(text).width;
          let x = g.x, y = g.y, color = o.color, backdrop = false;
          if (o.place === 'end' && g.kind === 'bar') {
            if (w > g.right - g.left + 2 && !g.horizontal) return ctx.restore();
            if (g.horizontal) {
              x = g.negative ? g.left - o.gap - w : g.right + o.gap;
              y = (g.top + g.bottom) / 2 + capH / 2;
            } else {
              x = g.x - w / 2;
              y = g.negative ? g.bottom + o.gap + capH : g.top - o.gap;
            }
          } else if (o.place === 'inside') {
            const mid = (g.a0 + g.a1) / 2, rr = (g.inner + g.outer) / 2;
            const cx = g.kind === 'arc' ? g.x + Math.cos(mid) * rr : (g.left + g.right) / 2;
            const cy = g.kind === 'arc' ? g.y + Math.sin(mid) * rr : (g.top + g.bottom) / 2;
            const roomW = g.kind === 'arc' ? (g.a1 - g.a0) * rr : g.right - g.left;
            const roomH = g.kind === 'arc' ? g.outer - g.inner : g.bottom - g.top;
            if (w + 4 > roomW || o.size + 2 > roomH) continue;
            x = cx - w / 2;
            y = cy + capH / 2;
            backdrop = o.backdrop?.(di, i) ?? false;
            color = !backdrop && luma(o.fills?.(di, i) ?? '#ffffff') < 0.55 ? '#ffffff' : o.color;
          } else {
            // Centred on its point, but inside the plot area: never over the axis labels at the
            // left, never past the chart's (and the page's) right edge.
            const area = chart.chartArea;
            x = Math.max(area.left, Math.min(g.x - w / 2, area.right - w));
            const free = [g.y - o.gap - 4, g.y + o.gap + 4 + capH].find((yy) => {
              const b = { l: x - 1, t: yy - capH - 1, r: x + w + 1, b: yy + 1 };
              return !placed.some((p) => overlaps(p, b)) && !crosses(b) && b.t > chart.chartArea.top - 4;
            });
            if (free === undefined) continue;
            y = free;
          }
          const box = { l: x - 1, t: y - capH - 1, r: x + w + 1, b: y + 1 };
          if (placed.some((p) => overlaps(p, box))) {
            if (o.place === 'end') return ctx.restore();
            continue;
          }
          placed.push(box);
          plan.push({ text, x, y, color, box, backdrop });
        }
      }
      ctx.textAlign = 'left';
      ctx.textBaseline = 'alphabetic';
      for (const p of plan) {
        if (p.backdrop) {
          ctx.fillStyle = 'rgba(255, 255, 255, 0.88)';
          ctx.beginPath();
          ctx.rect(p.box.l - 1, p.box.t - 0.5, p.box.r - p.box.l + 2, p.box.b - p.box.t + 1.5);
          ctx.fill();
        }
        ctx.fillStyle = p.color;
        ctx.fillText(p.text, p.x, p.y);
      }
      ctx.restore();
    },
  };
}
