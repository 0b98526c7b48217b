import { getFont, mainFont } from '../text/index.js';
import { textWidth } from '../text/index.js';
import type { FontFace } from '../theme/index.js';
import { parseColor, parseFont } from './css.js';
import { CanvasPathBase } from './canvas-path.js';
import type { Cap, Join, State } from './canvas-path.js';
import { apply, r3, scaleOf } from './geometry.js';
import type { DrawOp, Paint, PathSeg } from './types.js';

/** Where the baseline sits relative to the `y` given for each canvas `textBaseline` (em units). */
function computeBaselineShift(face: FontFace, baseline: string): number {
  const f = getFont(mainFont(face));
  const asc = f.ascent / (f.ascent - f.descent);
  switch (baseline) {
    case 'top':
      return asc;
    case 'hanging':
      return asc * 0.8;
    case 'middle':
      // Visual centre of capitals and figures, which is what chart labels are made of.
      return f.capHeight / f.unitsPerEm / 2;
    case 'bottom':
    case 'ideographic':
      return asc - 1;
    default:
      return 0;
  }
}

const shifts = new Map<string, number>();

/** {@link computeBaselineShift}, once per face and baseline (chart.js asks at every label). */
function baselineShift(face: FontFace, baseline: string): number {
  const key = `${face}\u0000${baseline}`;
  let v = shifts.get(key);
  if (v === undefined) {
    v = computeBaselineShift(face, baseline);
    if (shifts.size > 1_000) shifts.clear();
    shifts.set(key, v);
  }
  return v;
}

const capHeights = new Map<FontFace, number>();

/** Cap height of a face's main font (em units). */
function capHeight(face: FontFace): number {
  let v = capHeights.get(face);
  if (v === undefined) {
    const f = getFont(mainFont(face));
    capHeights.set(face, (v = f.capHeight / f.unitsPerEm));
  }
  return v;
}

/** A colour string, or a gradient or pattern object (which the recorder does not paint). */
function isPaint(v: unknown): boolean {
  return (typeof v === 'string' && parseColor(v) !== undefined) || (typeof v === 'object' && v !== null);
}

function alignFactor(align: string, direction: string): number {
  const rtl = direction === 'rtl';
  if (align === 'center') return 0.5;
  if (align === 'right' || (align === 'end' && !rtl) || (align === 'start' && rtl)) return 1;
  return 0;
}

/**
 * A Canvas 2D context that records what chart.js draws as {@link DrawOp}s in chart space (pt):
 * paths are flattened to moveTo/lineTo/cubic segments in final coordinates, text is kept as
 * text (baseline-left point, face, size, rotation) measured with our bundled fonts.
 */
export class RecordingContext extends CanvasPathBase {
  /** The recorded drawing. */
  readonly ops: DrawOp[] = [];
  /** Font families chart.js asked for (tests check only ours are used). */
  readonly families = new Set<string>();
  /** The canvas object chart.js sees (it reads `ctx.canvas`). */
  canvas: unknown;
  private readonly stack: State[] = [];

  constructor(canvas?: unknown) {
    super();
    this.canvas = canvas;
  }

  // --- state -------------------------------------------------------------------------------
  get fillStyle(): unknown { return this.s.fillStyle; }
  /** Like canvas, ignores values that are not colours (chart.js may assign undefined). */
  set fillStyle(v: unknown) { if (isPaint(v)) this.s.fillStyle = v; }
  get strokeStyle(): unknown { return this.s.strokeStyle; }
  set strokeStyle(v: unknown) { if (isPaint(v)) this.s.strokeStyle = v; }
  get lineWidth(): number { return this.s.lineWidth; }
  set lineWidth(v: number) { if (Number.isFinite(v) && v > 0) this.s.lineWidth = v; }
  get lineCap(): Cap { return this.s.lineCap; }
  set lineCap(v: Cap) { if (v === 'butt' || v === 'round' || v === 'square') this.s.lineCap = v; }
  get lineJoin(): Join { return this.s.lineJoin; }
  set lineJoin(v: Join) { if (v === 'miter' || v === 'round' || v === 'bevel') this.s.lineJoin = v; }
  get miterLimit(): number { return this.s.miterLimit; }
  set miterLimit(v: number) { if (Number.isFinite(v) && v > 0) this.s.miterLimit = v; }
  get lineDashOffset(): number { return this.s.lineDashOffset; }
  set lineDashOffset(v: number) { if (Number.isFinite(v)) this.s.lineDashOffset = v; }
  get globalAlpha(): number { return this.s.globalAlpha; }
  set globalAlpha(v: number) { if (Number.isFinite(v) && v >= 0 && v <= 1) this.s.globalAlpha = v; }
  get font(): string { return this.s.font; }
  set font(v: string) { if (typeof v === 'string' && v) this.s.font = v; }
  get textAlign(): string { return this.s.textAlign; }
  set textAlign(v: string) { this.s.textAlign = v; }
  get textBaseline(): string { return this.s.textBaseline; }
  set textBaseline(v: string) { this.s.textBaseline = v; }
  get direction(): string { return this.s.direction; }
  set direction(v: string) { this.s.direction = v; }

  save(): void {
    this.stack.push(this.s);
    this.s = { ...this.s, dash: [...this.s.dash], clipped: false };
  }
  restore(): void {
    const prev = this.stack.pop();
    if (!prev) return;
    if (this.s.clipped) this.ops.push({ kind: 'restore' });
    this.s = prev;
  }
  setLineDash(segments: readonly number[]): void {
    if (!segments.every((v) => Number.isFinite(v) && v >= 0)) return;
    this.s.dash = segments.length % 2 ? [...segments, ...segments] : [...segments];
  }
  getLineDash(): number[] {
    return [...this.s.dash];
  }

  // --- painting ----------------------------------------------------------------------------
  private paintable(segs: readonly PathSeg[]): boolean {
    return segs.some((s) => s.op !== 'M' && s.op !== 'Z');
  }
  private emitFill(segs: readonly PathSeg[]): void {
    const c = parseColor(this.s.fillStyle);
    const opacity = c ? c.alpha * this.s.globalAlpha : 0;
    if (!c || opacity <= 0 || !this.paintable(segs)) return;
    this.ops.push({ kind: 'path', segments: segs, paint: { fill: c.hex, opacity: r3(opacity) } });
  }
  private emitStroke(segs: readonly PathSeg[]): void {
    const c = parseColor(this.s.strokeStyle);
    const opacity = c ? c.alpha * this.s.globalAlpha : 0;
    if (!c || opacity <= 0 || !this.paintable(segs)) return;
    const k = scaleOf(this.s.m);
    const paint: Paint = {
      stroke: c.hex,
      lineWidth: r3(this.s.lineWidth * k),
      opacity: r3(opacity),
      lineCap: this.s.lineCap,
      lineJoin: this.s.lineJoin,
      ...(this.s.dash.some((v) => v > 0) ? { dash: this.s.dash.map((v) => r3(v * k)) } : {}),
    };
    this.ops.push({ kind: 'path', segments: segs, paint });
  }
  private rectSegs(x: number, y: number, w: number, h: number): PathSeg[] {
    const m = this.s.m;
    const pts = [apply(m, x, y), apply(m, x + w, y), apply(m, x + w, y + h), apply(m, x, y + h)];
    const segs: PathSeg[] = pts.map(([px, py], i) => ({ op: i === 0 ? 'M' : 'L', x: r3(px), y: r3(py) }));
    segs.push({ op: 'Z' });
    return segs;
  }
  fill(): void { this.emitFill([...this.path]); }
  stroke(): void { this.emitStroke([...this.path]); }
  fillRect(x: number, y: number, w: number, h: number): void { this.emitFill(this.rectSegs(x, y, w, h)); }
  strokeRect(x: number, y: number, w: number, h: number): void { this.emitStroke(this.rectSegs(x, y, w, h)); }
  /** The background is transparent: clearing draws nothing. */
  clearRect(): void {}
  clip(): void {
    if (!this.s.clipped) {
      this.ops.push({ kind: 'save' });
      this.s.clipped = true;
    }
    this.ops.push({ kind: 'clip', segments: [...this.path] });
  }
  /** Images (image point styles) are not used by our charts. */
  drawImage(): void {}

  // --- text --------------------------------------------------------------------------------
  private fontFor(): { face: FontFace; size: number } {
    const f = parseFont(this.s.font);
    this.families.add(f.family);
    return f;
  }
  measureText(text: string): {
    width: number;
    actualBoundingBoxLeft: number;
    actualBoundingBoxRight: number;
    actualBoundingBoxAscent: number;
    actualBoundingBoxDescent: number;
  } {
    const { face, size } = this.fontFor();
    const width = textWidth(String(text), face, size);
    const f = alignFactor(this.s.textAlign, this.s.direction);
    const shift = baselineShift(face, this.s.textBaseline) * size;
    const cap = capHeight(face) * size;
    return {
      width,
      actualBoundingBoxLeft: width * f,
      actualBoundingBoxRight: width * (1 - f),
      actualBoundingBoxAscent: cap - shift,
      actualBoundingBoxDescent: shift + 0.2 * size,
    };
  }
  fillText(raw: string, x: number, y: number, maxWidth?: number): void {
    const text = String(raw);
    const c = parseColor(this.s.fillStyle);
    const opacity = c ? c.alpha * this.s.globalAlpha : 0;
    if (!c || opacity <= 0 || text.trim() === '' || !Number.isFinite(x) || !Number.isFinite(y)) return;
    const { face } = this.fontFor();
    let { size } = this.fontFor();
    let w = textWidth(text, face, size);
    if (maxWidth !== undefined && maxWidth > 0 && w > maxWidth) {
      size *= maxWidth / w;
      w = maxWidth;
    }
    const lx = x - w * alignFactor(this.s.textAlign, this.s.direction);
    const ly = y + baselineShift(face, this.s.textBaseline) * size;
    const m = this.s.m;
    const [px, py] = apply(m, lx, ly);
    this.ops.push({
      kind: 'text',
      text,
      x: r3(px),
      y: r3(py),
      face,
      size: r3(size * Math.hypot(m[0], m[1])),
      color: c.hex,
      opacity: r3(opacity),
      rotation: Math.round(Math.atan2(m[1], m[0]) * 1e6) / 1e6 || 0,
    });
  }
  /** Outlined text is not used by our charts (chart.js strokes text only when asked to). */
  strokeText(): void {}
}
