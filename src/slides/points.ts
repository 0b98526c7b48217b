import type { Inline } from '../doc/types.js';
import { overflowError, partTitle } from './context.js';
import type { Part, PlanContext } from './context.js';
import type { Frame, TextFrame, TextPara } from './frames.js';
import { header } from './furniture.js';
import { paraHeight, setPara, sliceLines } from './text.js';
import type { NoteLine, Point, Slide } from './types.js';

type PointsSlide = Extract<Slide, { kind: 'bullets' | 'sources' }>;

/** A paragraph waiting to be placed, with its notes (given when it is placed first). */
interface Piece {
  readonly para: TextPara;
  readonly gap: number;
  readonly intro: boolean;
  readonly notes: readonly NoteLine[];
}

function pointNotes(p: Point): NoteLine[] {
  return p.full ? [{ text: p.full, item: true }] : [];
}

/**
 * Lays out a list slide (talking points, sources). Points that do not fit continue on a next
 * slide titled "… (cont.)", breaking between points, or inside a point only when it is taller
 * than a whole slide. With `overflow: 'error'` a second slide is a `slides/overflow` error.
 */
export function planPoints(slide: PointsSlide, notes: readonly NoteLine[], ctx: PlanContext): Part[] {
  const s = ctx.style;
  const type = slide.kind === 'sources' ? s.sources : s.body;
  const width = Math.min(s.measure, s.width - 2 * s.marginX);
  const set = { lang: ctx.lang, width };
  const queue: Piece[] = [];
  if (slide.kind === 'bullets' && slide.intro) {
    const para = setPara({ content: slide.intro as Inline[], face: 'italic', color: s.colors.muted, style: s.intro, role: 'P' }, 0, set);
    queue.push({ para, gap: 0, intro: true, notes: [] });
  }
  for (const p of slide.points) {
    const para = setPara({ content: p.content, face: 'regular', color: s.colors.text, style: type, role: 'LBody', indent: s.bulletIndent, bullet: s.colors.primary }, 0, set);
    queue.push({ para, gap: s.pointGap, intro: false, notes: pointNotes(p) });
  }
  const parts: Part[] = [];
  while (queue.length > 0 || parts.length === 0) {
    const title = partTitle(slide, parts.length + 1, ctx);
    const head = header(parts.length ? [{ kind: 'text', text: title, style: {} }] : slide.title, s, ctx.lang);
    const room = s.contentBottom - head.bottom;
    const placed: { para: TextPara; intro: boolean }[] = [];
    const partNotes: NoteLine[] = parts.length === 0 ? [...notes] : [];
    let y = 0;
    while (queue.length > 0) {
      const piece = queue[0] as Piece;
      const gap = placed.length ? piece.gap : 0;
      const h = paraHeight(piece.para);
      if (y + gap + h <= room + 0.01) {
        placed.push({ para: { ...piece.para, top: y + gap }, intro: piece.intro });
        partNotes.push(...piece.notes);
        y += gap + h;
        queue.shift();
        continue;
      }
      if (placed.length === 0) {
        // Taller than a whole slide: split between lines; the rest continues without a bullet.
        const n = Math.max(1, Math.floor((room + 0.01) / piece.para.leading));
        const headPara = sliceLines(piece.para, 0, n, 0);
        placed.push({ para: headPara, intro: piece.intro });
        partNotes.push(...piece.notes);
        y += paraHeight(headPara);
        const { bullet, ...rest } = sliceLines(piece.para, n, piece.para.lines.length, 0);
        void bullet;
        queue[0] = { para: rest, gap: piece.gap, intro: piece.intro, notes: [] };
      }
      break;
    }
    const frames: Frame[] = [...head.frames, ...listFrames(placed, { x: s.marginX, y: head.bottom, width })];
    parts.push({ title, frames, notes: partNotes });
    if (placed.length === 0) break;
  }
  if (parts.length > 1 && ctx.overflow === 'error') {
    overflowError(slide, ctx, `its ${slide.kind === 'sources' ? 'sources' : 'points'} need ${parts.length} slides`,
      'shorten the text, split the section, or build with overflow "continue" to continue on a "(cont.)" slide');
  }
  return parts;
}

/** The intro (a body frame) and the points (a list frame) placed on one slide. */
function listFrames(placed: readonly { para: TextPara; intro: boolean }[], at: { x: number; y: number; width: number }): TextFrame[] {
  const out: TextFrame[] = [];
  const intro = placed.filter((p) => p.intro);
  const items = placed.filter((p) => !p.intro);
  const bottom = (ps: readonly { para: TextPara }[]): number => Math.max(0, ...ps.map((p) => p.para.top + paraHeight(p.para)));
  if (intro.length) out.push({ kind: 'text', box: { ...at, height: bottom(intro) }, paras: intro.map((p) => p.para), use: 'body' });
  if (items.length) {
    const top = items[0]?.para.top ?? 0;
    const paras = items.map((p) => ({ ...p.para, top: p.para.top - top }));
    out.push({ kind: 'text', box: { ...at, y: at.y + top, height: bottom(items) - top }, paras, use: 'list' });
  }
  return out;
}
