/**
 * The deck writer: a briefing's slide deck as a 16:9 tagged PDF and an editable PPTX, from the
 * same slide plan. The briefing comes from the session's load, shared with the print PDF.
 */
import type { Briefing } from '../data/index.js';
import { hasErrors, UserError } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import type { PagedDocument } from '../layout/index.js';
import { writePptx } from '../pptx/index.js';
import { documentDate, renderPdf } from '../render/index.js';
import { layoutSlides, parseSlides, planSlides } from '../slides/index.js';
import type { OverflowMode, SlidePlan } from '../slides/index.js';
import { renderTemplate, TEMPLATES_DIR } from '../template/index.js';
import { loadMessages } from '../template/index.js';
import { defaultTheme } from '../theme/index.js';
import type { Theme } from '../theme/index.js';
import { inputName } from './options.js';
import type { BuildInput, BuildOptions } from './options.js';
import type { SourceStore } from './sources.js';
import { loadInput, metaOf } from './tree.js';

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
export async function deckOf(input: BuildInput, o: SlidesOptions = {}, store?: SourceStore): Promise<SlidesResult> {
  try {
    const file = inputName(input);
    const loaded = loadInput(input, o.limits ? { limits: o.limits } : {}, store);
    if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics };
    const { briefing, locate } = loaded.value;
    const templatesDir = o.templatesDir ?? TEMPLATES_DIR;
    const tpl = renderTemplate({ briefing, templatesDir, kind: 'slides' });
    const meta = metaOf(briefing);
    const parsed = parseSlides({ markup: tpl.markup, file: tpl.file, meta });
    const diagnostics: Diagnostic[] = [...loaded.diagnostics, ...parsed.diagnostics];
    if (hasErrors(diagnostics)) return { ok: false, diagnostics };
    const theme = o.theme ?? defaultTheme;
    const messages = loadMessages(o.templatesDir ? [o.templatesDir, TEMPLATES_DIR] : TEMPLATES_DIR, briefing.language);
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
