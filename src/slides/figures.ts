import type { KeyFigure } from '../doc/index.js';
import { overflowError, partTitle } from './context.js';
import type { Part, PlanContext } from './context.js';
import type { Frame, TextFrame } from './frames.js';
import { header } from './furniture.js';
import { evenGroups } from './split.js';
import { stackFrame } from './text.js';
import type { NoteLine, Slide } from './types.js';

type FiguresSlide = Extract<Slide, { kind: 'keyFigures' }>;

/** Colour of a change: green when it starts with +, red with a minus, else muted. */
function changeColor(change: string, ctx: PlanContext): string {
  const c = ctx.style.colors;
  return /^\+/.test(change) ? c.positive : /^[-\u2212]/.test(change) ? c.negative : c.muted;
}

/** Type sizes of a card: the value (and its change) and the label (pt). */
interface CardType {
  readonly value: number;
  readonly label: number;
}

/** One card's text: the value with its change beside it, the label under it. */
function cardText(item: KeyFigure, at: { x: number; y: number; width: number }, type: CardType, ctx: PlanContext): TextFrame {
  const s = ctx.style;
  const f = s.figure;
  const value = { size: type.value, leading: Math.round(type.value * 1.15) };
  const change = Math.min(f.changeSize, Math.round(type.value * 0.47));
  return stackFrame(at, [
    {
      content: item.value, face: 'bold', color: s.colors.primary, style: value, role: 'P',
      ...(item.change ? { after: { text: `  ${item.change}`, face: 'semibold' as const, size: change, color: changeColor(item.change, ctx) } } : {}),
    },
    { content: item.label, face: 'regular', color: s.colors.text, style: { size: type.label, leading: Math.round(type.label * 1.25) }, role: 'P', spaceBefore: 4 },
  ], { lang: ctx.lang, use: 'figure' });
}

/** The type sizes tried in turn, largest first: labels shrink first, then values. */
function cardTypes(ctx: PlanContext): CardType[] {
  const f = ctx.style.figure;
  return f.valueSizes.flatMap((value) => f.labelSizes.map((label) => ({ value, label })));
}

/** Grids tried in turn: at most six cards in three columns, then four in two (wider cards). */
const GRIDS = [
  { max: 6, columns: (n: number): number => (n <= 2 ? Math.max(1, n) : n === 4 ? 2 : 3) },
  { max: 4, columns: (n: number): number => Math.min(2, Math.max(1, n)) },
] as const;

/** One slide of cards at the largest type that fits every card, or undefined when none does. */
function cardSlide(items: readonly KeyFigure[], top: number, columns: number, ctx: PlanContext): Frame[] | undefined {
  const s = ctx.style;
  const f = s.figure;
  const cols = columns;
  const rows = Math.max(1, Math.ceil(items.length / cols));
  const areaW = s.width - 2 * s.marginX;
  const cardW = (areaW - f.gap * (cols - 1)) / cols;
  const cardH = Math.min(f.maxHeight, (s.contentBottom - top - f.gap * (rows - 1)) / rows);
  const room = cardH - f.padding * 2 + 8;
  const at = (i: number): { x: number; y: number } => ({ x: s.marginX + (i % cols) * (cardW + f.gap), y: top + Math.floor(i / cols) * (cardH + f.gap) });
  for (const type of cardTypes(ctx)) {
    const texts = items.map((item, i) => cardText(item, { x: at(i).x + f.padding + 4, y: at(i).y + f.padding - 4, width: cardW - 2 * f.padding - 4 }, type, ctx));
    if (texts.some((t) => t.box.height > room + 0.01)) continue;
    return items.flatMap((_item, i): Frame[] => {
      const { x, y } = at(i);
      return [
        { kind: 'rect', box: { x, y, width: cardW, height: cardH }, fill: s.colors.panel, furniture: false },
        { kind: 'rect', box: { x, y, width: 4, height: cardH }, fill: s.colors.primary, furniture: false },
        texts[i] as TextFrame,
      ];
    });
  }
  return undefined;
}

/**
 * Lays out key figures as cards in a grid (two columns for four figures, up to three
 * otherwise), at most six a slide, all cards of a slide at one type size (labels shrink first,
 * then values). When a card still does not fit, the figures go four a slide in two wider
 * columns. More figures than a slide holds continue on "(cont.)" slides, split evenly (seven go
 * 4 + 3), so a continuation slide never holds one figure alone. A label too long even for a
 * wide card at the smallest sizes is a `slides/overflow` error.
 */
export function planFigures(slide: FiguresSlide, notes: readonly NoteLine[], ctx: PlanContext): Part[] {
  const s = ctx.style;
  const first = header(slide.title, s, ctx.lang);
  const title = partTitle(slide, 2, ctx);
  const cont = header([{ kind: 'text', text: title, style: {} }], s, ctx.lang);
  let parts: Part[] = [];
  let fits = false;
  for (const grid of GRIDS) {
    const groups = evenGroups(slide.items.length, grid.max);
    if (groups.length === 0) groups.push(0);
    parts = [];
    fits = true;
    let at = 0;
    for (const [k, n] of groups.entries()) {
      const items = slide.items.slice(at, at + n);
      at += n;
      const head = k ? cont : first;
      const cards = cardSlide(items, head.bottom, grid.columns(items.length), ctx);
      if (!cards) fits = false;
      parts.push({ title: partTitle(slide, k + 1, ctx), frames: [...head.frames, ...(cards ?? [])], notes: k === 0 ? notes : [] });
    }
    if (fits) break;
  }
  if (!fits) {
    overflowError(slide, ctx, 'a key figure\'s label is too long for its card', 'shorten the label to a few words; the speaker notes can say more');
  } else if (parts.length > 1 && ctx.overflow === 'error') {
    overflowError(slide, ctx, `${slide.items.length} key figures need ${parts.length} slides (at most ${s.figure.maxPerSlide} a slide)`,
      'keep the key figures to the most important ones, or build with overflow "continue"');
  }
  return parts;
}
