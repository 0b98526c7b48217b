import { overflowError, titleText } from './context.js';
import type { Part, PlanContext } from './context.js';
import type { Inline } from '../doc/index.js';
import type { Frame, TextFrame } from './frames.js';
import { baselineOffset } from './furniture.js';
import { moveFrame, stackFrame } from './text.js';
import type { NoteLine, Slide } from './types.js';

type TitleSlide = Extract<Slide, { kind: 'title' }>;

/**
 * The title slide: a band in the primary colour holding the title and the first line under it
 * (the subtitle); the other lines (date, reference, author) sit under the band. The title takes
 * the largest size that keeps it on two lines, else the largest that fits (down to 20 pt), the
 * subtitle shrinking with it; a band still too small grows down into the room the lines under
 * it leave. Text that cannot fit even so is a `slides/overflow` error at the data field
 * (`title`, or `author` for the lines under the band).
 */
export function planCover(slide: TitleSlide, notes: readonly NoteLine[], ctx: PlanContext): Part[] {
  const s = ctx.style;
  const c = s.cover;
  const padX = s.marginX + 12;
  const at = { x: padX, y: 0, width: s.width - 2 * padX };
  const [subtitle, ...rest] = slide.lines;
  const gap = 12;
  const meta = rest.length
    ? stackFrame(at, rest.map((l, i) => ({
        content: l, face: i === 0 ? 'semibold' as const : 'regular' as const, color: i === 0 ? s.colors.text : s.colors.muted, style: c.meta, role: 'P' as const, spaceBefore: 4,
      })), { lang: ctx.lang, use: 'body' })
    : undefined;
  const metaGap = 36 - baselineOffset(c.meta.leading, c.meta.size);
  // The band may end lower, down to where the lines under it still fit above the footer.
  const lowest = Math.max(c.bandBottom, s.contentBottom - (meta ? meta.box.height + metaGap : 0));
  const blocks = c.titleSizes.flatMap((size) => c.subtitleSizes.map((sub) => coverBlock(slide.title, subtitle, { size, sub, at }, ctx)));
  const room = (bottom: number): number => bottom - 34 - (c.bandTop + 12);
  const height = (b: CoverBlock): number => b.title.box.height + (b.sub ? gap + b.sub.box.height : 0);
  const chosen = blocks.find((b) => b.lines <= 2 && height(b) <= room(c.bandBottom) + 0.01)
    ?? blocks.find((b) => height(b) <= room(c.bandBottom) + 0.01)
    ?? blocks.find((b) => height(b) <= room(lowest) + 0.01)
    ?? (blocks[blocks.length - 1] as CoverBlock);
  const bandBottom = Math.min(lowest, Math.max(c.bandBottom, c.bandTop + 12 + height(chosen) + 34));
  const blockBottom = bandBottom - 34;
  const top = blockBottom - height(chosen);
  const frames: Frame[] = [
    { kind: 'rect', box: { x: 0, y: c.bandTop, width: s.width, height: bandBottom - c.bandTop }, fill: s.colors.primary, furniture: false },
    { kind: 'rect', box: { x: padX, y: bandBottom - 14, width: s.accent.width, height: s.accent.height }, fill: s.accent.color, furniture: false },
    moveFrame(chosen.title, top),
  ];
  if (chosen.sub) frames.push(moveFrame(chosen.sub, top + chosen.title.box.height + gap));
  if (top < c.bandTop + 12 - 0.01) overflowError(slide, ctx, 'the title and subtitle are too long for the title band', 'shorten the title or the subtitle');
  if (meta) {
    const metaTop = bandBottom + metaGap;
    if (metaTop + meta.box.height > s.contentBottom + 0.01) overflowError(slide, ctx, 'the lines under the title band are too long', 'shorten the date, reference or author lines', 'author');
    frames.push(moveFrame(meta, metaTop));
  }
  return [{ title: titleText(slide), frames, notes }];
}

/** The title and subtitle set at one pair of sizes. */
interface CoverBlock {
  readonly title: TextFrame;
  readonly sub: TextFrame | undefined;
  readonly lines: number;
}

function coverBlock(title: readonly Inline[], subtitle: readonly Inline[] | undefined, o: { size: number; sub: number; at: { x: number; y: number; width: number } }, ctx: PlanContext): CoverBlock {
  const c = ctx.style.cover;
  const style = { size: o.size, leading: Math.round(o.size * 1.12) };
  const t = stackFrame(o.at, [{ content: title, face: 'bold', color: c.onBand, style, role: 'H1' }], { lang: ctx.lang, use: 'title' });
  const sub = subtitle
    ? stackFrame(o.at, [{ content: subtitle, face: 'regular', color: c.onBandMuted, style: { size: o.sub, leading: Math.round(o.sub * (c.subtitle.leading / c.subtitle.size)) }, role: 'P' }], { lang: ctx.lang, use: 'body' })
    : undefined;
  return { title: t, sub, lines: t.paras[0]?.lines.length ?? 0 };
}
