import type { Chart, Plugin } from 'chart.js';

/**
 * Inline chart.js plugins: hatching, value labels and the doughnut centre. They draw through
 * the plain Canvas 2D calls below, so they work on the recorder and on node-canvas alike.
 */

/** The Canvas 2D calls the plugins make (chart.js types its context against the DOM lib). */
export interface Ctx2D {
  save(): void;
  restore(): void;
  beginPath(): void;
  closePath(): void;
  rect(x: number, y: number, w: number, h: number): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, r: number, a0: number, a1: number, ccw?: boolean): void;
  clip(): void;
  fill(): void;
  stroke(): void;
  setLineDash(d: number[]): void;
  fillText(t: string, x: number, y: number): void;
  measureText(t: string): { width: number };
  strokeStyle: unknown;
  fillStyle: unknown;
  lineWidth: number;
  lineCap: string;
  font: string;
  textAlign: string;
  textBaseline: string;
}

/** A pattern drawn over an element: diagonal lines (derived values) or dots (deficits, series). */
export type Mark = 'diagonal' | 'dots';

/** A pattern and its colour. */
export interface MarkPaint {
  readonly mark: Mark;
  readonly color: string;
}

/** One pattern, several (drawn in order) or none. */
export type Marks = MarkPaint | readonly MarkPaint[] | undefined;

/** The patterns of {@link Marks} as a list. */
export function markList(m: Marks): readonly MarkPaint[] {
  return m === undefined ? [] : Array.isArray(m) ? m : [m as MarkPaint];
}

/** An element's final geometry in chart space (pt), as the plugins need it. */
export interface Geometry {
  readonly kind: 'bar' | 'arc' | 'point';
  readonly x: number;
  readonly y: number;
  /** Bars: the box. Arcs: centre x, y and radii, angles. */
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly horizontal: boolean;
  readonly negative: boolean;
  readonly inner: number;
  readonly outer: number;
  readonly a0: number;
  readonly a1: number;
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** The final geometry of every visible element, per dataset. */
export function geometries(chart: Chart): Geometry[][] {
  return chart.data.datasets.map((_, di) => {
    if (!chart.isDatasetVisible(di)) return [];
    return chart.getDatasetMeta(di).data.map((el) => {
      const p = el.getProps(
        ['x', 'y', 'base', 'width', 'height', 'horizontal', 'innerRadius', 'outerRadius', 'startAngle', 'endAngle'],
        true,
      ) as Record<string, unknown>;
      const x = num(p.x), y = num(p.y), base = num(p.base);
      const arc = typeof p.outerRadius === 'number';
      const bar = typeof p.base === 'number' && !arc;
      const horizontal = p.horizontal === true;
      const half = (horizontal ? num(p.height) : num(p.width)) / 2;
      return {
        kind: arc ? 'arc' : bar ? 'bar' : 'point',
        x,
        y,
        left: horizontal ? Math.min(x, base) : x - half,
        right: horizontal ? Math.max(x, base) : x + half,
        top: horizontal ? y - half : Math.min(y, base),
        bottom: horizontal ? y + half : Math.max(y, base),
        horizontal,
        negative: horizontal ? x < base : y > base,
        inner: num(p.innerRadius),
        outer: num(p.outerRadius),
        a0: num(p.startAngle),
        a1: num(p.endAngle),
      };
    });
  });
}

function outline(ctx: Ctx2D, g: Geometry): void {
  ctx.beginPath();
  if (g.kind === 'arc') {
    ctx.arc(g.x, g.y, g.outer, g.a0, g.a1);
    ctx.arc(g.x, g.y, g.inner, g.a1, g.a0, true);
    ctx.closePath();
  } else ctx.rect(g.left, g.top, g.right - g.left, g.bottom - g.top);
}

/** Options of {@link hatchPlugin}. */
export interface HatchOptions {
  /** The patterns for an element, if any, and their colours. */
  readonly mark: (datasetIndex: number, index: number) => Marks;
  /** Distance between hatch lines (pt). */
  readonly spacing: number;
  readonly lineWidth: number;
  /** Patterns for legend boxes, by legend item index, and the legend box size (pt). */
  readonly legend?: {
    readonly marks: readonly Marks[];
    readonly boxWidth: number;
    readonly boxHeight: number;
    readonly fontSize: number;
  };
}

function drawMark(ctx: Ctx2D, g: Geometry, m: MarkPaint, o: HatchOptions): void {
  const box = g.kind === 'arc'
    ? { l: g.x - g.outer, t: g.y - g.outer, r: g.x + g.outer, b: g.y + g.outer }
    : { l: g.left, t: g.top, r: g.right, b: g.bottom };
  if (box.r - box.l < 0.5 || box.b - box.t < 0.5) return;
  ctx.save();
  outline(ctx, g);
  ctx.clip();
  ctx.beginPath();
  const s = o.spacing;
  if (m.mark === 'diagonal') {
    // Lines x + y = c, phased on the chart origin so neighbouring bars line up.
    for (let c = Math.ceil((box.l + box.t) / s) * s; c < box.r + box.b; c += s) {
      ctx.moveTo(c - box.b, box.b);
      ctx.lineTo(c - box.t, box.t);
    }
    ctx.strokeStyle = m.color;
    ctx.lineWidth = o.lineWidth;
    ctx.lineCap = 'butt';
    ctx.setLineDash([]);
    ctx.stroke();
  } else {
    const r = o.lineWidth * 0.8;
    for (let yy = Math.ceil(box.t / s) * s; yy < box.b + r; yy += s) {
      const shift = Math.round(yy / s) % 2 ? s / 2 : 0;
      for (let xx = Math.floor(box.l / s) * s + shift; xx < box.r + r; xx += s) {
        ctx.moveTo(xx + r, yy);
        ctx.arc(xx, yy, r, 0, Math.PI * 2);
      }
    }
    ctx.fillStyle = m.color;
    ctx.fill();
  }
  ctx.restore();
}

const NO_ARC = { inner: 0, outer: 0, a0: 0, a1: 0, horizontal: false, negative: false };

/**
 * Hatches bars and arcs that `mark` selects, clipped to the element's outline, and the legend
 * boxes that `legend` selects (so the legend explains the pattern).
 */
export function hatchPlugin(o: HatchOptions): Plugin {
  return {
    id: 'bkHatch',
    afterDatasetsDraw(chart: Chart) {
      const ctx = chart.ctx as unknown as Ctx2D;
      for (const [di, els] of geometries(chart).entries()) {
        for (const [i, g] of els.entries()) {
          if (g.kind !== 'point') for (const m of markList(o.mark(di, i))) drawMark(ctx, g, m, o);
        }
      }
    },
    afterDraw(chart: Chart) {
      const lg = o.legend;
      const boxes = (chart as unknown as { legend?: { legendHitBoxes?: { left: number; top: number }[] } }).legend
        ?.legendHitBoxes;
      if (!lg || !boxes) return;
      const ctx = chart.ctx as unknown as Ctx2D;
      for (const [i, hb] of boxes.entries()) {
        const ms = markList(lg.marks[i]);
        if (ms.length === 0) continue;
        const top = hb.top + Math.max((lg.fontSize - lg.boxHeight) / 2, 0);
        const g: Geometry = { kind: 'bar', x: hb.left, y: top, left: hb.left, top, right: hb.left + lg.boxWidth, bottom: top + lg.boxHeight, ...NO_ARC };
        for (const m of ms) drawMark(ctx, g, m, o);
      }
    },
  };
}
