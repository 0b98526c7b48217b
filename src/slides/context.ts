import type { ChartAsset } from '../charts/index.js';
import { diag } from '../diag/index.js';
import type { Diagnostic, SourceLoc } from '../diag/index.js';
import { plainText } from '../doc/index.js';
import type { DocMeta } from '../doc/index.js';
import type { Frame } from './frames.js';
import type { SlideStyle } from './style.js';
import type { NoteLine, OverflowMode, Slide } from './types.js';

/** One slide's worth of a model slide: a slide that continues has several parts. */
export interface Part {
  /** Title as shown, "(cont.)" included. */
  readonly title: string;
  readonly frames: readonly Frame[];
  readonly notes: readonly NoteLine[];
}

/** What the slide planners share. */
export interface PlanContext {
  readonly style: SlideStyle;
  readonly meta: DocMeta;
  readonly lang: string;
  /** Suffix of a continued slide's title: "(cont.)" / "(suite)". */
  readonly cont: string;
  readonly overflow: OverflowMode;
  readonly diagnostics: Diagnostic[];
  readonly locate?: ((path: string) => SourceLoc | undefined) | undefined;
  /**
   * Draws a chart at a size (pt) and files it under a key for the paged document; undefined
   * when it cannot be drawn (the diagnostics are recorded).
   */
  chart(name: string, size: { readonly width: number; readonly height: number }, slide: Slide): { readonly asset: ChartAsset; readonly key: string } | undefined;
}

/** The plain title of a slide. */
export function titleText(slide: Slide): string {
  return plainText(slide.title).replace(/\s+/g, ' ').trim();
}

/** The title of part `n` (1-based) of a slide: the slide's title, suffixed from the second part on. */
export function partTitle(slide: Slide, n: number, ctx: PlanContext): string {
  const t = titleText(slide);
  return n > 1 ? `${t} ${ctx.cont}` : t;
}

/**
 * Where to point a diagnostic about a slide: the data field named (`field`, else the slide's
 * `data` attribute) when the data has it, else the slide's markup. A field the data lacks (an
 * optional `author`) falls back to the slide's own data path.
 */
export function slideWhere(slide: Slide, ctx: PlanContext, field?: string): { loc: SourceLoc; path?: string } {
  for (const path of [field, slide.data]) {
    const loc = path ? ctx.locate?.(path) : undefined;
    if (path && loc) return { loc, path };
  }
  return { loc: slide.loc, ...(slide.data ? { path: slide.data } : {}) };
}

/** Records that a slide's content does not fit, naming the slide and, when known, the data field. */
export function overflowError(slide: Slide, ctx: PlanContext, why: string, hint: string, field?: string): void {
  const name = shortName(titleText(slide) || slide.kind);
  ctx.diagnostics.push(diag('slides/overflow', `slide "${name}" does not fit: ${why}`, { ...slideWhere(slide, ctx, field), hint }));
}

/** A slide's name as a message shows it: a long title is cut to its first 60 characters. */
function shortName(name: string): string {
  const chars = [...name];
  return chars.length > 60 ? `${chars.slice(0, 60).join('').trimEnd()}…` : name;
}
