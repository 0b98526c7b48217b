import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildBriefing } from '../../src/build/index.js';
import { squash } from '../helpers/pdf.js';
import { cleanTemp, compareGoldens, insideLive, pageWords, pdfFile, rasterise, splitNumbers, textProblems } from './pdf-readback.js';

/*
 * The second realistic briefing (test/fixtures/realistic/canada-japan-1995.yaml): six years of
 * Canada–Japan trade in CAD with ILLUSTRATIVE figures, two derived years with long notes, ten
 * item top lists, growth rates, rankings and one chart of every kind the schema allows (one
 * with its data table). Read back from the PDF on A4 and Letter: every word inside the live
 * area, none overlapping (chart labels included), no number cut at a line end, every bullet
 * in order; on A4 the pages are compared with page images that were looked at
 * (UPDATE_GOLDEN=1 rewrites them: look at every page before committing).
 */

const FIXTURE = fileURLToPath(new URL('../fixtures/realistic/canada-japan-1995.yaml', import.meta.url));
const PAGES = fileURLToPath(new URL('../fixtures/realistic/canada-japan-a4/', import.meta.url));
const DPI = 24;
/** Share of a page's pixels that may differ (anti-aliasing, font hinting of poppler versions). */
const TOLERANCE = 0.004;

afterAll(cleanTemp);

async function build(paper: 'a4' | 'letter'): Promise<{ file: string; paged: Extract<Awaited<ReturnType<typeof buildBriefing>>, { ok: true }>['paged'] }> {
  const r = await buildBriefing({ file: FIXTURE }, { paper });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return { file: pdfFile(r.pdf, `canada-japan-${paper}.pdf`), paged: r.paged };
}

interface Section { readonly title: string; readonly intro?: string; readonly bullets: readonly string[] }

describe('the second realistic briefing (Canada–Japan 1990–1995, illustrative figures)', () => {
  const data = parse(readFileSync(FIXTURE, 'utf8')) as { sections: Section[]; title: string };

  it('says in its data that its figures are illustrative, and prints it on the first page', async () => {
    expect(data.title).toMatch(/illustrative/i);
    const { file } = await build('a4');
    expect(pageWords(file)[0]?.map((w) => w.t).join(' ')).toMatch(/illustrative test data.*not real statistics/s);
  }, 120_000);

  it.each(['a4', 'letter'] as const)('%s: every word inside the live area, none overlapping, no number cut, every bullet in order', async (paper) => {
    const { file, paged } = await build(paper);
    const pages = pageWords(file);
    expect(textProblems(paged, pages, true)).toEqual([]);
    expect(splitNumbers(file)).toEqual([]);
    const text = squash(pages.flatMap((ws, i) => ws.filter((w) => insideLive(paged, i, w)).map((w) => w.t)).join(''));
    let at = 0;
    for (const s of data.sections) {
      for (const chunk of [s.title, s.intro ?? '', ...s.bullets]) {
        const k = text.indexOf(squash(chunk), at);
        expect(k, `"${chunk.slice(0, 60)}…" missing or out of order`).toBeGreaterThanOrEqual(0);
        at = k;
      }
    }
    // Both top lists in full, and both derived notes.
    for (const item of ['Aircraftpartsandflightsimulators', 'Consumerelectronics(televisions,VCRs,audio)', 'Thereportedseriesstartsin1992.', 'revisiondatehere.']) expect(text).toContain(item);
  }, 120_000);

  it('a4: the pages look as they did when they were looked at', async () => {
    const { file } = await build('a4');
    compareGoldens(rasterise(file, DPI), PAGES, TOLERANCE);
  }, 120_000);
});
