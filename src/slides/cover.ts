import { overflowError, titleText } from './context.js';
import type { Part, PlanContext } from './context.js';
import type { Frame, TextFrame } from './frames.js';
import { baselineOffset } from './furniture.js';
import { moveFrame, stackFrame } from './text.js';
import type { NoteLine, Slide } from './types.js';

type TitleSlide = Extract<Slide, { kind: 'title' }>;

/**
 * The title slide: a band in the primary colour holding the title (the largest size that
 * keeps it on two lines) and the first line under it (the subtitle); the other lines (date,
 * reference, author) sit under the band. Text that cannot fit is a `slides/overflow` error.
 */
export function planCover(slide: TitleSlide, notes: readonly NoteLine[], ctx: PlanContext): Part[] {
  const s = ctx.style;
  const c = s.cover;
  const padX = s.marginX + 12;
  const at = { x: padX, y: 0, width: s.width - 2 * padX };
  const [subtitle, ...rest] = slide.lines;
  let title: TextFrame | undefined;
  for (const size of c.titleSizes) {
    const style = { size, leading: Math.round(size * 1.12) };
    title = stackFrame(at, [{ content: slide.title, face: 'bold', color: c.onBand, style, role: 'H1' }], { lang: ctx.lang, use: 'title' });
    if ((title.paras[0]?.lines.length ?? 0) <= 2) break;
  }
  const t = title as TextFrame;
  const sub = subtitle
    ? stackFrame(at, [{ content: subtitle, face: 'regular', color: c.onBandMuted, style: c.subtitle, role: 'P' }], { lang: ctx.lang, use: 'body' })
    : undefined;
  const gap = 12;
  const blockH = t.box.height + (sub ? gap + sub.box.height : 0);
  const blockBottom = c.bandBottom - 34;
  const top = blockBottom - blockH;
  const frames: Frame[] = [
    { kind: 'rect', box: { x: 0, y: c.bandTop, width: s.width, height: c.bandBottom - c.bandTop }, fill: s.colors.primary, furniture: false },
    { kind: 'rect', box: { x: padX, y: c.bandBottom - 14, width: s.accent.width, height: s.accent.height }, fill: s.accent.color, furniture: false },
    moveFrame(t, top),
  ];
  if (sub) frames.push(moveFrame(sub, top + t.box.height + gap));
  if (top < c.bandTop + 12) overflowError(slide, ctx, 'the title and subtitle are too long for the title band', 'shorten the title or the subtitle');
  if (rest.length) {
    const meta = stackFrame(at, rest.map((l, i) => ({
      content: l, face: i === 0 ? 'semibold' as const : 'regular' as const, color: i === 0 ? s.colors.text : s.colors.muted, style: c.meta, role: 'P' as const, spaceBefore: 4,
    })), { lang: ctx.lang, use: 'body' });
    const metaTop = c.bandBottom + 36 - baselineOffset(c.meta.leading, c.meta.size);
    if (metaTop + meta.box.height > s.contentBottom + 0.01) overflowError(slide, ctx, 'the lines under the title band are too long', 'shorten the date, reference or author lines');
    frames.push(moveFrame(meta, metaTop));
  }
  return [{ title: titleText(slide), frames, notes }];
}
