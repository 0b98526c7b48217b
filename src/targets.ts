import { dirname, resolve } from 'node:path';
import { peekData } from './data/peek.js';
import { isRecord } from './data/paths.js';
import { hasErrors } from './diag/errors.js';
import type { Diagnostic } from './diag/types.js';
import { targetKind } from './incremental/inputs.js';
import { buildPack } from './pack/index.js';
import { buildBriefing } from './pipeline.js';
import type { BuildOptions } from './tree.js';

/** One file a target writes into the output folder. */
export interface TargetOutput {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly pages: number;
}

/** Build options plus which extra outputs a briefing target writes. */
export interface TargetOptions extends BuildOptions {
  /** Also write the slide decks of briefings: `<id>-slides.pdf` and `<id>.pptx`. */
  readonly slides?: boolean;
  /** Slide text that does not fit: continue on a "(cont.)" slide (default), or fail the decks. */
  readonly slidesOverflow?: 'continue' | 'error';
}

/**
 * What a target built. `ok: false` means nothing was built (the print PDF failed). `ok: true`
 * with a non-empty `failed` means the print PDF (and what else is in `outputs`) is good and
 * should be written, while the outputs named in `failed` (the slide decks) could not be made:
 * their errors are in `diagnostics`, and the command still fails.
 */
export type TargetResult =
  | {
      readonly ok: true;
      readonly outputs: readonly TargetOutput[];
      readonly diagnostics: readonly Diagnostic[];
      /** Output names that were asked for but not built (their previous files stay as they were). */
      readonly failed?: readonly string[];
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * Builds one target: a briefing data file (its PDF) or a pack manifest (the bound pack and
 * each briefing's PDF). Nothing is written here: the caller writes outputs atomically.
 */
export async function buildTarget(file: string, o: TargetOptions = {}): Promise<TargetResult> {
  if (targetKind(file) === 'pack') {
    const r = await buildPack(file, o);
    if (!r.ok) return r;
    return {
      ok: true,
      diagnostics: r.diagnostics,
      outputs: [
        { name: `${r.manifest.id}.pdf`, bytes: r.pdf, pages: r.pages },
        // The pack's own copies of its briefings go into a folder named after the pack, so they
        // never collide with the briefings built on their own (which may differ, e.g. duplex).
        ...r.briefings.map((b) => ({ name: `${r.manifest.id}/${b.briefing.id}.pdf`, bytes: b.pdf, pages: b.pages })),
      ],
    };
  }
  const r = await buildBriefing({ file }, o);
  if (!r.ok) return r;
  const outputs: TargetOutput[] = [{ name: `${r.briefing.id}.pdf`, bytes: r.pdf, pages: r.pages }];
  if (!o.slides) return { ok: true, diagnostics: r.diagnostics, outputs };
  // Loaded only when asked for: decks need pptxgenjs and a second layout.
  const { buildSlides } = await import('./slides/index.js');
  const s = await buildSlides({ file }, {
    ...(o.templatesDir ? { templatesDir: o.templatesDir } : {}), ...(o.theme ? { theme: o.theme } : {}),
    ...(o.slidesOverflow ? { overflow: o.slidesOverflow } : {}), ...(o.limits ? { limits: o.limits } : {}),
  });
  const names = [`${r.briefing.id}-slides.pdf`, `${r.briefing.id}.pptx`];
  // Both stages read the same data: its warnings would otherwise be reported twice.
  const seen = new Set(r.diagnostics.map((d) => JSON.stringify(d)));
  const own = s.diagnostics.filter((d) => !seen.has(JSON.stringify(d)));
  // A deck is its own target: its errors never cost the print PDF, which is already good.
  if (!s.ok || hasErrors(own)) return { ok: true, diagnostics: [...r.diagnostics, ...own], outputs, failed: names };
  outputs.push({ name: names[0] as string, bytes: s.pdf, pages: s.slides }, { name: names[1] as string, bytes: s.pptx, pages: s.slides });
  return { ok: true, diagnostics: [...r.diagnostics, ...own], outputs };
}

/**
 * The output names a target will write, read from its data without building (for `check`
 * and for skipping up-to-date targets). Empty when the data cannot be read: such a target
 * is always built, and reports its own errors.
 */
export function expectedOutputs(file: string, o: TargetOptions = {}): string[] {
  // The same bounded reader and parser as the build: never a raw read of a user-named path.
  const idOf = (f: string): string | undefined => {
    const d = peekData(f);
    return isRecord(d) && typeof d['id'] === 'string' ? d['id'] : undefined;
  };
  const id = idOf(file);
  if (!id) return [];
  if (targetKind(file) === 'briefing') return o.slides ? [`${id}.pdf`, `${id}-slides.pdf`, `${id}.pptx`] : [`${id}.pdf`];
  const data = peekData(file);
  const list = isRecord(data) && Array.isArray(data['briefings']) ? (data['briefings'] as unknown[]) : [];
  const ids = list.map((b) => (typeof b === 'string' ? idOf(resolve(dirname(file), b)) : undefined));
  if (ids.some((x) => x === undefined)) return [];
  return [`${id}.pdf`, ...ids.map((x) => `${id}/${x}.pdf`)];
}
