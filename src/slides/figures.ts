import type { KeyFigure } from '../doc/types.js';
import { overflowError, partTitle } from './context.js';
import type { Part, PlanContext } from './context.js';
import type { Frame, TextFrame } from './frames.js';
import { header } from './furniture.js';
import { stackFrame } from './text.js';
import type { NoteLine, Slide } from './types.js';

type FiguresSlide = Extract<Slide, { kind: 'keyFigures' }>;

/** Columns for n cards: two for two or four, else up to three. */
function columns(n: number): number {
  return n <= 2 ? Math.max(1, n) : n === 4 ? 2 : 3;
}

/** Colour of a change: green when it starts with +, red with a minus, else muted. */
function changeColor(change: string, ctx: PlanContext): string {
  const c = ctx.style.colors;
  return /^\+/.test(change) ? c.positive : /^[-\u2212]/.test(change) ? c.negative : c.muted;
}

/** One card's text: the value with its change beside it, the label under it. */
function cardText(item: KeyFigure, at: { x: number; y: number; width: number }, labelSize: number, ctx: PlanContext): TextFrame {
  const s = ctx.style;
  const f = s.figure;
  const value = { size: f.valueSize, leading: Math.round(f.valueSize * 1.15) };
  return stackFrame(at, [
    {
      content: item.value, face: 'bold', color: s.colors.primary, style: value, role: 'P',
      ...(item.change ? { after: { text: `  ${item.change}`, face: 'semibold' as const, size: f.changeSize, color: changeColor(item.change, ctx) } } : {}),
    },
    { content: item.label, face: 'regular', color: s.colors.text, style: { size: labelSize, leading: Math.round(labelSize * 1.25) }, role: 'P', spaceBefore: 4 },
  ], { lang: ctx.lang, use: 'figure' });
}

/**
 * Lays out key figures as cards in a grid (two columns for four figures, up to three
 * otherwise), at most `figure.maxPerSlide` a slide; more continue on a "(cont.)" slide. A label
 * too long for its card at the smallest label size is a `slides/overflow` error.
 */
export function planFigures(slide: FiguresSlide, notes: readonly NoteLine[], ctx: PlanContext): Part[] {
  const s = ctx.style;
  const f = s.figure;
  const chunks: KeyFigure[][] = [];
  for (let i = 0; i < slide.items.length; i += f.maxPerSlide) chunks.push(slide.items.slice(i, i + f.maxPerSlide));
  if (chunks.length === 0) chunks.push([]);
  if (chunks.length > 1 && ctx.overflow === 'error') {
    overflowError(slide, ctx, `${slide.items.length} key figures need ${chunks.length} slides (at most ${f.maxPerSlide} a slide)`,
      'keep the key figures to the most important ones, or build with overflow "continue"');
  }
  let tooLong = false;
  const parts = chunks.map((items, k): Part => {
    const title = partTitle(slide, k + 1, ctx);
    const head = header(k ? [{ kind: 'text', text: title, style: {} }] : slide.title, s, ctx.lang);
    const cols = columns(items.length);
    const rows = Math.max(1, Math.ceil(items.length / cols));
    const areaW = s.width - 2 * s.marginX;
    const cardW = (areaW - f.gap * (cols - 1)) / cols;
    const cardH = Math.min(f.maxHeight, (s.contentBottom - head.bottom - f.gap * (rows - 1)) / rows);
    const frames: Frame[] = [...head.frames];
    items.forEach((item, i) => {
      const x = s.marginX + (i % cols) * (cardW + f.gap);
      const y = head.bottom + Math.floor(i / cols) * (cardH + f.gap);
      frames.push({ kind: 'rect', box: { x, y, width: cardW, height: cardH }, fill: s.colors.panel, furniture: false });
      frames.push({ kind: 'rect', box: { x, y, width: 4, height: cardH }, fill: s.colors.primary, furniture: false });
      const at = { x: x + f.padding + 4, y: y + f.padding - 4, width: cardW - 2 * f.padding - 4 };
      const room = cardH - f.padding * 2 + 8;
      let text = cardText(item, at, f.labelSizes[0] ?? 14, ctx);
      for (const size of f.labelSizes) {
        text = cardText(item, at, size, ctx);
        if (text.box.height <= room) break;
      }
      if (text.box.height > room + 0.01) tooLong = true;
      frames.push(text);
    });
    return { title, frames, notes: k === 0 ? notes : [] };
  });
  if (tooLong) {
    overflowError(slide, ctx, 'a key figure\'s label is too long for its card', 'shorten the label to a few words; the speaker notes can say more');
  }
  return parts;
}
