import type { Inline } from '../doc/index.js';
import { overflowError, partTitle, titleText } from './context.js';
import type { Part, PlanContext } from './context.js';
import type { Frame, TextFrame, TextPara } from './frames.js';
import { header } from './furniture.js';
import type { Header } from './furniture.js';
import { splitItems } from './split.js';
import type { TextStyle } from './style.js';
import { paraHeight, setPara, sliceLines } from './text.js';
import type { NoteLine, Point, Slide } from './types.js';

type PointsSlide = Extract<Slide, { kind: 'bullets' | 'sources' }>;

/** A paragraph waiting to be placed, with its notes (given when it is placed first). */
interface Piece {
  readonly para: TextPara;
  readonly gap: number;
  readonly intro: boolean;
  readonly notes: readonly NoteLine[];
  /** A piece of a point too tall for a slide: it may stand alone on a continuation slide. */
  readonly alone: boolean;
}

function pointNotes(p: Point): NoteLine[] {
  return p.full ? [{ text: p.full, item: true }] : [];
}

/** Set every paragraph of a list slide at one text style. */
function setPieces(slide: PointsSlide, type: TextStyle, ctx: PlanContext, width: number): Piece[] {
  const s = ctx.style;
  const set = { lang: ctx.lang, width };
  const out: Piece[] = [];
  if (slide.kind === 'bullets' && slide.intro) {
    const intro = { size: type.size, leading: Math.round(type.size * (s.intro.leading / s.intro.size)) };
    const para = setPara({ content: slide.intro as Inline[], face: 'italic', color: s.colors.muted, style: intro, role: 'P' }, 0, set);
    out.push({ para, gap: 0, intro: true, notes: [], alone: false });
  }
  for (const p of slide.points) {
    const para = setPara({ content: p.content, face: 'regular', color: s.colors.text, style: type, role: 'LBody', indent: s.bulletIndent, bullet: s.colors.primary }, 0, set);
    out.push({ para, gap: s.pointGap, intro: false, notes: pointNotes(p), alone: false });
  }
  return out;
}

/** The text sizes a list may shrink to before it continues: 1 pt steps down to 85 % of its size. */
function shrinkSteps(type: TextStyle): TextStyle[] {
  const floor = Math.round(type.size * 0.85);
  const out: TextStyle[] = [];
  for (let size = type.size; size >= floor; size--) out.push({ size, leading: Math.round(size * (type.leading / type.size)) });
  return out;
}

/** Cuts a piece taller than `room` into pieces of whole lines, as even as can be; the rest have no bullet. */
function cutTall(piece: Piece, room: number): Piece[] {
  const p = piece.para;
  const per = Math.max(1, Math.floor((room + 0.01) / p.leading));
  if (p.lines.length <= per) return [piece];
  const count = Math.ceil(p.lines.length / per);
  const size = Math.ceil(p.lines.length / count);
  const out: Piece[] = [];
  for (let from = 0; from < p.lines.length; from += size) {
    const part = sliceLines(p, from, Math.min(p.lines.length, from + size), 0);
    const { bullet, ...rest } = part;
    void bullet;
    out.push({ ...piece, para: from === 0 ? part : rest, notes: from === 0 ? piece.notes : [], alone: true });
  }
  return out;
}

/**
 * Lays out a list slide (talking points, sources). A list that does not fit first shrinks (in
 * 1 pt steps to 85 % of its size); then it continues at its own size on slides titled
 * "… (cont.)": the fewest slides, split as evenly as the points allow, never one point alone
 * on a continuation slide when two can share one; a point taller than a whole slide is cut
 * between lines into even pieces. With `overflow: 'error'` a second slide is a
 * `slides/overflow` error.
 */
export function planPoints(slide: PointsSlide, notes: readonly NoteLine[], ctx: PlanContext): Part[] {
  const s = ctx.style;
  const type = slide.kind === 'sources' ? s.sources : s.body;
  const width = Math.min(s.measure, s.width - 2 * s.marginX);
  const head = header(slide.title, s, ctx.lang);
  const contTitle = partTitle(slide, 2, ctx);
  const contHead = header([{ kind: 'text', text: contTitle, style: {} }], s, ctx.lang);
  const first = s.contentBottom - head.bottom;
  const rest = s.contentBottom - contHead.bottom;
  const height = (ps: readonly Piece[]): number => ps.reduce((y, p, i) => y + (i > 0 ? p.gap : 0) + paraHeight(p.para), 0);
  for (const step of shrinkSteps(type)) {
    const pieces = setPieces(slide, step, ctx, width);
    if (height(pieces) <= first + 0.01) return [part(pieces, { title: titleText(slide), head, notes, x: s.marginX, width })];
  }
  const pieces = setPieces(slide, type, ctx, width).flatMap((p) => cutTall(p, Math.min(first, rest)));
  const sizes = splitItems({
    heights: pieces.map((p) => paraHeight(p.para)), gap: s.pointGap, first, rest, alone: (i) => pieces[i]?.alone ?? false,
  }) ?? pieces.map(() => 1);
  const parts: Part[] = [];
  let at = 0;
  for (const n of sizes) {
    const k = parts.length;
    parts.push(part(pieces.slice(at, at + n), {
      title: partTitle(slide, k + 1, ctx), head: k ? contHead : head, notes: k ? [] : notes, x: s.marginX, width,
    }));
    at += n;
  }
  if (parts.length > 1 && ctx.overflow === 'error') {
    overflowError(slide, ctx, `its ${slide.kind === 'sources' ? 'sources' : 'points'} need ${parts.length} slides`,
      'shorten the text, split the section, or build with overflow "continue" to continue on a "(cont.)" slide');
  }
  return parts;
}

/** One slide of a list: the header, then the pieces stacked from the top of the content. */
function part(pieces: readonly Piece[], o: { title: string; head: Header; notes: readonly NoteLine[]; x: number; width: number }): Part {
  const placed: { para: TextPara; intro: boolean }[] = [];
  const partNotes: NoteLine[] = [...o.notes];
  let y = 0;
  for (const p of pieces) {
    const gap = placed.length ? p.gap : 0;
    placed.push({ para: { ...p.para, top: y + gap }, intro: p.intro });
    partNotes.push(...p.notes);
    y += gap + paraHeight(p.para);
  }
  const frames: Frame[] = [...o.head.frames, ...listFrames(placed, { x: o.x, y: o.head.bottom, width: o.width })];
  return { title: o.title, frames, notes: partNotes };
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
