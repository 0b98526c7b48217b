import { renderChart } from '../charts/index.js';
import type { ChartAsset } from '../charts/index.js';
import type { Briefing } from '../data/index.js';
import { assertNever, diag } from '../diag/index.js';
import type { Diagnostic, SourceLoc } from '../diag/index.js';
import type { Theme } from '../theme/index.js';
import { planChart } from './chart.js';
import { titleText } from './context.js';
import type { Part, PlanContext } from './context.js';
import { planCover } from './cover.js';
import { planFigures } from './figures.js';
import type { SlidePlan } from './frames.js';
import { furniture } from './furniture.js';
import { planPoints } from './points.js';
import { slideStyle } from './style.js';
import type { SlideStyle } from './style.js';
import type { NoteLine, OverflowMode, Slide, SlideDeck } from './types.js';

/** What slide planning needs: the parsed deck, its briefing (for charts) and the look. */
export interface PlanInput {
  readonly deck: SlideDeck;
  readonly briefing: Briefing;
  readonly theme: Theme;
  /** Message catalog of the deck's language ("(cont.)"). */
  readonly messages: Readonly<Record<string, string>>;
  /** Default `continue`. */
  readonly overflow?: OverflowMode;
  readonly locate?: ((path: string) => SourceLoc | undefined) | undefined;
}

/** Laid-out slides, the slide-sized charts they show (by key), and what went wrong. */
export interface PlanOutput {
  readonly plans: readonly SlidePlan[];
  readonly charts: ReadonlyMap<string, ChartAsset>;
  readonly style: SlideStyle;
  readonly diagnostics: readonly Diagnostic[];
}

/** The notes written in the markup, without the chart descriptions (chart slides add those). */
function writtenNotes(slide: Slide): NoteLine[] {
  return slide.notes.flatMap((p) => (p.kind === 'line' ? [p.line] : []));
}

function partsOf(slide: Slide, ctx: PlanContext): Part[] {
  switch (slide.kind) {
    case 'title':
      return planCover(slide, writtenNotes(slide), ctx);
    case 'keyFigures':
      return planFigures(slide, writtenNotes(slide), ctx);
    case 'chart':
      return planChart(slide, ctx);
    case 'bullets':
    case 'sources':
      return planPoints(slide, writtenNotes(slide), ctx);
    default:
      return assertNever(slide, 'slide kind');
  }
}

/**
 * Lays out every slide of a deck on 720 x 405 pt slides: content frames, furniture and
 * speaker notes per slide; slides whose text does not fit continue on "(cont.)" slides (or
 * report `slides/overflow` when `overflow` is `error`). Charts are re-drawn for the size each
 * chart slide leaves them, at the slide chart text size. Pure apart from the chart cache.
 */
export function planSlides(input: PlanInput): PlanOutput {
  const { deck, briefing, theme } = input;
  const style = slideStyle(theme);
  const diagnostics: Diagnostic[] = [];
  const charts = new Map<string, ChartAsset>();
  const ctx: PlanContext = {
    style,
    meta: deck.meta,
    lang: deck.meta.language,
    cont: input.messages['cont'] ?? '(cont.)',
    overflow: input.overflow ?? 'continue',
    diagnostics,
    locate: input.locate,
    chart(name, size, slide) {
      const index = briefing.charts.findIndex((c) => c.name === name);
      const spec = briefing.charts[index];
      if (!spec) {
        const known = briefing.charts.map((c) => c.name).join(', ') || 'none';
        diagnostics.push(diag('slides/unknown-chart', `slide "${titleText(slide)}" shows chart "${name}", which the data does not declare`, {
          loc: slide.loc, hint: `declare it under charts: in the data, or use one of: ${known}`,
        }));
        return undefined;
      }
      const slideTheme: Theme = { ...theme, chartFontSize: style.chartFontSize, chartAspect: size.height / size.width };
      // A chart has a slide to itself: a half-width page chart is drawn full size here.
      const res = renderChart({ ...spec, size: 'full' }, { briefing, theme: slideTheme, width: size.width, locate: input.locate }, index);
      diagnostics.push(...res.diagnostics);
      if (!res.asset) return undefined;
      const key = `${name}#${charts.size + 1}`;
      charts.set(key, res.asset);
      return { asset: res.asset, key };
    },
  };
  const plans: SlidePlan[] = [];
  for (const slide of deck.slides) {
    partsOf(slide, ctx).forEach((part, k) => {
      const index = plans.length;
      plans.push({
        index, source: slide, title: part.title, frames: part.frames, notes: part.notes, part: k + 1,
        furniture: furniture(deck.meta, style, { number: index + 1, cover: slide.kind === 'title' }),
      });
    });
  }
  return { plans, charts, style, diagnostics };
}
