import type { ChartAsset } from '../charts/index.js';
import { overflowError, titleText } from './context.js';
import type { Part, PlanContext } from './context.js';
import type { Frame } from './frames.js';
import { header } from './furniture.js';
import { moveFrame, stackFrame } from './text.js';
import type { NoteLine, NotePart, Slide } from './types.js';

type ChartSlide = Extract<Slide, { kind: 'chart' }>;

/** Space between the chart and its caption lines (pt). */
const CAPTION_GAP = 10;

/** Speaker notes with `::describe` replaced by the chart's alt text and legend notes. */
export function chartNotes(parts: readonly NotePart[], asset: ChartAsset | undefined): NoteLine[] {
  return parts.flatMap((p): NoteLine[] => {
    if (p.kind === 'line') return [p.line];
    if (!asset) return [];
    return [{ text: asset.alt, item: false }, ...[...asset.notes, ...(asset.derivedNotes ?? [])].map((n) => ({ text: n, item: false }))];
  });
}

/**
 * A chart slide: the title, the chart re-drawn at the size left between the title and the
 * caption lines (so its text stays at the slide's chart size), then the captions. A chart that
 * would come out lower than `chartMinHeight` is a `slides/overflow` error.
 */
export function planChart(slide: ChartSlide, ctx: PlanContext): Part[] {
  const s = ctx.style;
  const head = header(slide.title, s, ctx.lang);
  const width = s.width - 2 * s.marginX;
  const captions = slide.captions.length
    ? stackFrame({ x: s.marginX, y: 0, width }, slide.captions.map((c, i) => ({
        content: c, face: i === slide.captions.length - 1 && slide.captions.length > 1 ? 'italic' as const : 'regular' as const,
        color: s.colors.muted, style: s.caption, role: 'Caption' as const, spaceBefore: 2,
      })), { lang: ctx.lang, use: 'caption' })
    : undefined;
  const top = head.bottom - 8;
  const bottom = s.contentBottom - (captions ? captions.box.height + CAPTION_GAP : 0);
  const height = Math.floor(bottom - top);
  const frames: Frame[] = [...head.frames];
  let asset: ChartAsset | undefined;
  if (height < s.chartMinHeight) {
    overflowError(slide, ctx, `the chart would be only ${Math.max(0, height)} pt high`, 'shorten the title or the caption lines');
  } else {
    const drawn = ctx.chart(slide.chart, { width, height }, slide);
    asset = drawn?.asset;
    if (drawn) {
      const box = { x: s.marginX, y: top, width: drawn.asset.width, height: drawn.asset.height };
      frames.push({ kind: 'chart', box, key: drawn.key, name: slide.chart, alt: drawn.asset.alt });
    }
  }
  if (captions) frames.push(moveFrame(captions, s.contentBottom - captions.box.height));
  return [{ title: titleText(slide), frames, notes: chartNotes(slide.notes, asset) }];
}
