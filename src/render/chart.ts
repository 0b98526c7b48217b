import type { ChartAsset, DrawOp, Paint, PathSeg } from '../charts/index.js';
import type { FontId } from '../text/index.js';
import { TEXT_FEATURES, runWidth, splitRuns } from '../text/index.js';

type Doc = PDFKit.PDFDocument;
type Features = NonNullable<PDFKit.Mixins.TextOptions['features']>;

/** Spacing of hatch lines drawn for `Paint.hatch` (pt). */
const HATCH_SPACING = 3.5;

function tracePath(doc: Doc, segs: readonly PathSeg[]): void {
  for (const s of segs) {
    if (s.op === 'M') doc.moveTo(s.x, s.y);
    else if (s.op === 'L') doc.lineTo(s.x, s.y);
    else if (s.op === 'C') doc.bezierCurveTo(s.x1, s.y1, s.x2, s.y2, s.x, s.y);
    else doc.closePath();
  }
}

function bounds(segs: readonly PathSeg[]): { l: number; t: number; r: number; b: number } {
  let l = Infinity, t = Infinity, r = -Infinity, b = -Infinity;
  for (const s of segs) {
    if (s.op === 'Z') continue;
    const xs = s.op === 'C' ? [s.x1, s.x2, s.x] : [s.x];
    const ys = s.op === 'C' ? [s.y1, s.y2, s.y] : [s.y];
    l = Math.min(l, ...xs);
    r = Math.max(r, ...xs);
    t = Math.min(t, ...ys);
    b = Math.max(b, ...ys);
  }
  return { l, t, r, b };
}

/** A hatch pattern over a path, for ops that carry `Paint.hatch` rather than drawn lines. */
function drawHatch(doc: Doc, segs: readonly PathSeg[], p: Paint): void {
  const box = bounds(segs);
  if (!Number.isFinite(box.l)) return;
  const color = p.stroke ?? p.fill ?? '#000000';
  doc.save();
  tracePath(doc, segs);
  doc.clip();
  const s = HATCH_SPACING;
  if (p.hatch === 'diagonal') {
    for (let c = Math.ceil((box.l + box.t) / s) * s; c < box.r + box.b; c += s) {
      doc.moveTo(c - box.b, box.b).lineTo(c - box.t, box.t);
    }
    doc.lineWidth(0.9).undash().strokeColor(color).strokeOpacity(p.opacity).stroke();
  } else {
    for (let y = Math.ceil(box.t / s) * s; y < box.b; y += s) {
      for (let x = Math.ceil(box.l / s) * s; x < box.r; x += s) doc.circle(x, y, 0.8);
    }
    doc.fillColor(color).fillOpacity(p.opacity).fill();
  }
  doc.restore();
}

function paintPath(doc: Doc, segs: readonly PathSeg[], p: Paint): void {
  if (p.fill) {
    tracePath(doc, segs);
    doc.fillColor(p.fill).fillOpacity(p.opacity).fill('non-zero');
  }
  if (p.hatch) drawHatch(doc, segs, p);
  if (p.stroke && (p.lineWidth ?? 1) > 0) {
    tracePath(doc, segs);
    doc.lineWidth(p.lineWidth ?? 1).lineCap(p.lineCap ?? 'butt').lineJoin(p.lineJoin ?? 'miter');
    const dash = (p.dash ?? []).map((v) => Math.max(v, 0.001));
    // pdfkit takes a dash array at run time; its typings only declare the single length.
    if (dash.length > 0) doc.dash(dash as unknown as number, {});
    else doc.undash();
    doc.strokeColor(p.stroke).strokeOpacity(p.opacity).stroke();
  }
}

function drawText(doc: Doc, op: Extract<DrawOp, { kind: 'text' }>, fontName: (id: FontId) => string): void {
  doc.save();
  doc.translate(op.x, op.y);
  if (op.rotation !== 0) doc.rotate((op.rotation * 180) / Math.PI, { origin: [0, 0] });
  let x = 0;
  for (const run of splitRuns(op.text, op.face)) {
    doc
      .font(fontName(run.font))
      .fontSize(op.size)
      .fillColor(op.color, op.opacity)
      .text(run.text, x, 0, { lineBreak: false, baseline: 'alphabetic', features: [...TEXT_FEATURES] as Features });
    x += runWidth(run.text, run.font, op.size);
  }
  doc.restore();
}

/**
 * Replays a recorded chart into a pdfkit document, scaled uniformly into `box` (pt) and
 * centred in it when the sizes differ. Paths stay vectors and text stays text, in our
 * embedded fonts (Hangul falls back to the Korean face). Never adds a page: every text call
 * has `lineBreak: false` and the document's text position is restored afterwards.
 */
export function drawChart(
  doc: Doc,
  asset: ChartAsset,
  box: { x: number; y: number; width: number; height: number },
  fontName: (id: FontId) => string,
): void {
  if (asset.width <= 0 || asset.height <= 0) return;
  const k = Math.min(box.width / asset.width, box.height / asset.height);
  if (!Number.isFinite(k) || k <= 0) return;
  const { x: docX, y: docY } = doc;
  doc.save();
  doc.translate(box.x + (box.width - asset.width * k) / 2, box.y + (box.height - asset.height * k) / 2);
  if (Math.abs(k - 1) > 1e-9) doc.scale(k);
  let depth = 0;
  for (const op of asset.ops) {
    switch (op.kind) {
      case 'path':
        paintPath(doc, op.segments, op.paint);
        break;
      case 'text':
        drawText(doc, op, fontName);
        break;
      case 'clip':
        tracePath(doc, op.segments);
        doc.clip();
        break;
      case 'save':
        doc.save();
        depth++;
        break;
      case 'restore':
        if (depth > 0) {
          doc.restore();
          depth--;
        }
        break;
    }
  }
  for (; depth > 0; depth--) doc.restore();
  doc.restore();
  doc.x = docX;
  doc.y = docY;
}
