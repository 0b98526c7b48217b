import { IDENTITY, apply, arcSweep, ellipseToCubics, invert, multiply, r3 } from './geometry.js';
import type { Matrix } from './geometry.js';
import type { PathSeg } from './types.js';

/** Canvas line caps and joins. */
export type Cap = 'butt' | 'round' | 'square';
/** Canvas line joins. */
export type Join = 'miter' | 'round' | 'bevel';

/** The drawing state canvas `save()` and `restore()` keep, lengths in user units. */
export interface State {
  m: Matrix;
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  lineCap: Cap;
  lineJoin: Join;
  miterLimit: number;
  dash: number[];
  lineDashOffset: number;
  globalAlpha: number;
  font: string;
  textAlign: string;
  textBaseline: string;
  direction: string;
  /** A clip was emitted in this state, behind a `save` op that `restore()` must close. */
  clipped: boolean;
}

/** The state of a fresh canvas context. */
export const INITIAL: State = {
  m: IDENTITY,
  fillStyle: '#000000',
  strokeStyle: '#000000',
  lineWidth: 1,
  lineCap: 'butt',
  lineJoin: 'miter',
  miterLimit: 10,
  dash: [],
  lineDashOffset: 0,
  globalAlpha: 1,
  font: '10px sans-serif',
  textAlign: 'start',
  textBaseline: 'alphabetic',
  direction: 'ltr',
  clipped: false,
};

/**
 * The geometry half of the recording canvas: the transform and the current path, kept in
 * final chart-space coordinates (pt) as canvas does (points are transformed when added).
 */
export class CanvasPathBase {
  protected s: State = { ...INITIAL };
  protected path: PathSeg[] = [];
  private cur: [number, number] | undefined;
  private start: [number, number] | undefined;

  // --- transform ---------------------------------------------------------------------------
  setTransform(a?: number | { a: number; b: number; c: number; d: number; e: number; f: number }, b = 0, c = 0, d = 1, e = 0, f = 0): void {
    const m: Matrix = typeof a === 'object' ? [a.a, a.b, a.c, a.d, a.e, a.f] : a === undefined ? IDENTITY : [a, b, c, d, e, f];
    if (m.every(Number.isFinite)) this.s.m = m;
  }
  resetTransform(): void { this.s.m = IDENTITY; }
  getTransform(): { a: number; b: number; c: number; d: number; e: number; f: number } {
    const [a, b, c, d, e, f] = this.s.m;
    return { a, b, c, d, e, f };
  }
  transform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    const n: Matrix = [a, b, c, d, e, f];
    if (n.every(Number.isFinite)) this.s.m = multiply(this.s.m, n);
  }
  translate(x: number, y: number): void { this.transform(1, 0, 0, 1, x, y); }
  scale(x: number, y: number): void { this.transform(x, 0, 0, y, 0, 0); }
  rotate(angle: number): void {
    this.transform(Math.cos(angle), Math.sin(angle), -Math.sin(angle), Math.cos(angle), 0, 0);
  }

  // --- path --------------------------------------------------------------------------------
  beginPath(): void {
    this.path = [];
    this.cur = undefined;
    this.start = undefined;
  }
  moveTo(x: number, y: number): void {
    const p = apply(this.s.m, x, y);
    this.path.push({ op: 'M', x: r3(p[0]), y: r3(p[1]) });
    this.cur = p;
    this.start = p;
  }
  lineTo(x: number, y: number): void {
    if (!this.cur) return this.moveTo(x, y);
    const p = apply(this.s.m, x, y);
    this.path.push({ op: 'L', x: r3(p[0]), y: r3(p[1]) });
    this.cur = p;
  }
  bezierCurveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number): void {
    if (!this.cur) this.moveTo(x1, y1);
    const m = this.s.m;
    const [ax, ay] = apply(m, x1, y1);
    const [bx, by] = apply(m, x2, y2);
    const p = apply(m, x, y);
    this.path.push({ op: 'C', x1: r3(ax), y1: r3(ay), x2: r3(bx), y2: r3(by), x: r3(p[0]), y: r3(p[1]) });
    this.cur = p;
  }
  quadraticCurveTo(cx: number, cy: number, x: number, y: number): void {
    if (!this.cur) this.moveTo(cx, cy);
    const inv = invert(this.s.m);
    const [x0, y0] = this.cur && inv ? apply(inv, this.cur[0], this.cur[1]) : [cx, cy];
    const k = 2 / 3;
    this.bezierCurveTo(x0 + k * (cx - x0), y0 + k * (cy - y0), x + k * (cx - x), y + k * (cy - y), x, y);
  }
  closePath(): void {
    if (!this.cur) return;
    this.path.push({ op: 'Z' });
    this.cur = this.start;
  }
  rect(x: number, y: number, w: number, h: number): void {
    this.moveTo(x, y);
    this.lineTo(x + w, y);
    this.lineTo(x + w, y + h);
    this.lineTo(x, y + h);
    this.closePath();
    this.moveTo(x, y);
    this.path.pop();
  }
  roundRect(x: number, y: number, w: number, h: number, radii: number | readonly number[] = 0): void {
    const r0 = typeof radii === 'number' ? radii : (radii[0] ?? 0);
    const r = Math.max(0, Math.min(r0, Math.abs(w) / 2, Math.abs(h) / 2));
    if (r === 0) return this.rect(x, y, w, h);
    const H = Math.PI / 2;
    this.moveTo(x + r, y);
    this.arc(x + w - r, y + r, r, -H, 0);
    this.arc(x + w - r, y + h - r, r, 0, H);
    this.arc(x + r, y + h - r, r, H, Math.PI);
    this.arc(x + r, y + r, r, Math.PI, 3 * H);
    this.closePath();
  }
  arc(x: number, y: number, r: number, a0: number, a1: number, ccw = false): void {
    this.ellipse(x, y, r, r, 0, a0, a1, ccw);
  }
  ellipse(x: number, y: number, rx: number, ry: number, rot: number, a0: number, a1: number, ccw = false): void {
    if (![x, y, rx, ry, rot, a0, a1].every(Number.isFinite) || rx < 0 || ry < 0) return;
    const { start, curves } = ellipseToCubics(x, y, rx, ry, rot, a0, arcSweep(a0, a1, ccw));
    if (this.cur) this.lineTo(start[0], start[1]);
    else this.moveTo(start[0], start[1]);
    if (rx === 0 || ry === 0) return;
    for (const c of curves) this.bezierCurveTo(...c);
  }
  arcTo(x1: number, y1: number, x2: number, y2: number, r: number): void {
    const inv = invert(this.s.m);
    if (!this.cur || !inv) return this.moveTo(x1, y1);
    const [x0, y0] = apply(inv, this.cur[0], this.cur[1]);
    const ux = x0 - x1, uy = y0 - y1, vx = x2 - x1, vy = y2 - y1;
    const lu = Math.hypot(ux, uy), lv = Math.hypot(vx, vy);
    const cross = ux * vy - uy * vx;
    if (r <= 0 || lu === 0 || lv === 0 || Math.abs(cross) < 1e-9) return this.lineTo(x1, y1);
    const theta = Math.acos(Math.max(-1, Math.min(1, (ux * vx + uy * vy) / (lu * lv))));
    const d = r / Math.tan(theta / 2);
    const t1x = x1 + (ux / lu) * d, t1y = y1 + (uy / lu) * d;
    const t2x = x1 + (vx / lv) * d, t2y = y1 + (vy / lv) * d;
    const bx = ux / lu + vx / lv, by = uy / lu + vy / lv, bl = Math.hypot(bx, by);
    const h = r / Math.sin(theta / 2);
    const cx = x1 + (bx / bl) * h, cy = y1 + (by / bl) * h;
    const a0 = Math.atan2(t1y - cy, t1x - cx);
    let sweep = Math.atan2(t2y - cy, t2x - cx) - a0;
    if (sweep > Math.PI) sweep -= 2 * Math.PI;
    if (sweep < -Math.PI) sweep += 2 * Math.PI;
    this.lineTo(t1x, t1y);
    for (const c of ellipseToCubics(cx, cy, r, r, 0, a0, sweep).curves) this.bezierCurveTo(...c);
  }
}
