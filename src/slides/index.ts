/**
 * Slide decks from a briefing: data -> `templates/slides/` -> slide markup -> slide model ->
 * laid-out slides -> a tagged 16:9 PDF (via the document renderer) and an editable PPTX.
 * Diagnostic codes: `slides/overflow`, `slides/unknown-kind`, `slides/unknown-chart`,
 * `slides/missing-title`, `slides/directive`, `slides/unsupported`, `slides/outside`, `slides/empty`.
 */
import { loadBriefing } from '../data/index.js';
import type { Briefing } from '../data/types.js';
import { hasErrors, UserError } from '../diag/errors.js';
import type { Diagnostic } from '../diag/types.js';
import type { PagedDocument } from '../layout/types.js';
import { writePptx } from '../pptx/index.js';
import { documentDate, renderPdf } from '../render/pdf.js';
import { renderTemplate, TEMPLATES_DIR } from '../template/index.js';
import { loadMessages } from '../template/messages.js';
import { defaultTheme } from '../theme/index.js';
import type { Theme } from '../theme/types.js';
import type { BuildInput, BuildOptions } from '../tree.js';
import { metaOf } from '../tree.js';
import type { SlidePlan } from './frames.js';
import { layoutSlides } from './layout.js';
import { parseSlides } from './parse.js';
import { planSlides } from './plan.js';
import type { OverflowMode } from './types.js';

export { parseSlides } from './parse.js';
export type { SlideParseInput } from './parse.js';
export { planSlides } from './plan.js';
export type { PlanInput, PlanOutput } from './plan.js';
export { layoutSlides, slideAnchor } from './layout.js';
export { slideStyle } from './style.js';
export type { SlideStyle } from './style.js';
export type { Frame, SlidePlan, TextFrame, TextPara } from './frames.js';
export type { NoteLine, NotePart, OverflowMode, Point, Slide, SlideDeck } from './types.js';
export { SLIDE_KINDS } from './types.js';

/** How to build a deck; every field is optional. */
export interface SlidesOptions {
  /** Text that does not fit a slide: `continue` on a "(cont.)" slide (default), or `error`. */
  readonly overflow?: OverflowMode;
  /** Folder of template kinds; the deck uses its `slides/` kind. Default: the bundled templates. */
  readonly templatesDir?: string;
  readonly theme?: Theme;
  readonly limits?: BuildOptions['limits'];
  /** Date written into both files; default `SOURCE_DATE_EPOCH`, else the briefing's date. */
  readonly date?: Date;
}

/** A built deck, or the diagnostics that stopped it. */
export type SlidesResult =
  | {
      readonly ok: true;
      readonly pdf: Buffer;
      readonly pptx: Buffer;
      /** Number of slides (continued slides included). */
      readonly slides: number;
      readonly briefing: Briefing;
      /** The laid-out slides and the paged document the PDF was drawn from (for tests and tools). */
      readonly plans: readonly SlidePlan[];
      readonly paged: PagedDocument;
      /** Warnings (errors stop the build). */
      readonly diagnostics: readonly Diagnostic[];
      /** Files the output depends on: data, templates, messages. */
      readonly dependencies: readonly string[];
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * Builds a briefing's slide deck as a 16:9 tagged PDF (a bookmark per slide) and an editable
 * PPTX (native charts, speaker notes), from the same layout. User errors come back as
 * diagnostics (`ok: false`); internal errors throw.
 */
export async function buildSlides(input: BuildInput, o: SlidesOptions = {}): Promise<SlidesResult> {
  try {
    const file = 'file' in input ? input.file : input.name ?? 'briefing.json';
    const text = 'file' in input ? input.text : JSON.stringify(input.data, null, 1);
    const loaded = loadBriefing({ file, ...(text !== undefined ? { text } : {}), ...(o.limits ? { limits: o.limits } : {}) });
    if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics };
    const { briefing, locate } = loaded.value;
    const templatesDir = o.templatesDir ?? TEMPLATES_DIR;
    const tpl = renderTemplate({ briefing, templatesDir, kind: 'slides' });
    const meta = metaOf(briefing);
    const parsed = parseSlides({ markup: tpl.markup, file: tpl.file, meta });
    const diagnostics: Diagnostic[] = [...loaded.diagnostics, ...parsed.diagnostics];
    if (hasErrors(diagnostics)) return { ok: false, diagnostics };
    const theme = o.theme ?? defaultTheme;
    const messages = loadMessages(templatesDir, briefing.language);
    const planned = planSlides({ deck: parsed.deck, briefing, theme, messages, overflow: o.overflow ?? 'continue', locate });
    diagnostics.push(...planned.diagnostics);
    if (hasErrors(diagnostics)) return { ok: false, diagnostics };
    const paged = layoutSlides(planned);
    const date = documentDate(meta, o.date);
    const pdf = await renderPdf(paged, meta, { date });
    const pptx = await writePptx({ planned, briefing, meta, theme, date });
    return {
      ok: true, pdf, pptx, slides: paged.pages.length, briefing, plans: planned.plans, paged, diagnostics,
      dependencies: [file, ...tpl.dependencies],
    };
  } catch (e) {
    if (e instanceof UserError) return { ok: false, diagnostics: e.diagnostics };
    throw e;
  }
}
