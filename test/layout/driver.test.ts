import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPack } from '../../src/index.js';
import type { PackResult } from '../../src/index.js';
import { defaultTheme } from '../../src/theme/index.js';
import { openPdf, outline } from '../helpers/pdfjs.js';
import type { OutlineNode } from '../helpers/pdfjs.js';

/*
 * One layout driver: a briefing alone (`layoutDocument`) and the same briefing inside a pack
 * (`layoutPack`) go through the same pagination, page references, furniture, page labels and
 * bookmarks. Read back from the PDFs of one pack build (the pack and the briefing's own PDF):
 * the running header and the footer's page wording sit at the same places and read the same
 * way, page labels follow one rule, and the bookmarks hold the same headings. The pack's own
 * texts (cover, contents, divider, running texts) are typeset like briefing text.
 */

const BRIEFING_TITLE = 'Canada\u2019s \u201cPacific\u201d partner, \u22125 % in 1994';
const PACK_TITLE = 'The \u201cPacific\u201d pack: exports \u22125 % in 1994';

let dir: string;
let r: Extract<PackResult, { ok: true }>;
let pack: PDFDocumentProxy;
let single: PDFDocumentProxy;

beforeAll(async () => {
  // Briefings must lie inside the project (the working folder).
  dir = mkdtempSync(join(process.cwd(), 'test', '.tmp-driver-'));
  const seed = readFileSync('data/briefings/canada-korea-1995.yaml', 'utf8');
  // Straight quotes, an apostrophe and a hyphen-minus as written by hand in the data.
  writeFileSync(join(dir, 'briefing.yaml'), seed.replace(/^title: .*$/m, `title: 'Canada''s "Pacific" partner, -5 % in 1994'`));
  writeFileSync(join(dir, 'pack.yaml'), [
    'id: driver-pack',
    `title: 'The "Pacific" pack: exports -5 % in 1994'`,
    "subtitle: Dossier d'information",
    'date: 1995-10-01',
    'classification: UNCLASSIFIED',
    'languages: [en]',
    'duplex: false',
    'briefings:',
    '  - briefing.yaml',
    '',
  ].join('\n'));
  const res = await buildPack(join(dir, 'pack.yaml'), { threads: 0, separate: true });
  if (!res.ok) throw new Error(JSON.stringify(res.diagnostics));
  r = res;
  pack = await openPdf(r.pdf);
  single = await openPdf(r.briefings[0]?.pdf ?? new Uint8Array());
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run { s: string; x: number; y: number; right: number }

const round = (v: number): number => Math.round(v * 100) / 100;
const spaces = (s: string): string => s.replace(/\s+/gu, ' ').trim();

/** Text runs of page `n` (1-based) with their baseline start, right end and height (pt, y up). */
async function runs(doc: PDFDocumentProxy, n: number): Promise<Run[]> {
  const content = await (await doc.getPage(n)).getTextContent();
  return content.items.flatMap((i) => ('str' in i && i.str.trim() !== ''
    ? [{ s: i.str, x: round(i.transform[4] as number), y: round(i.transform[5] as number), right: round((i.transform[4] as number) + i.width) }]
    : []));
}

const m = defaultTheme.margins;
const height = 841.89;
/** The running header: above the top margin (y counts up from the bottom). */
const header = (rs: readonly Run[]): Run[] => rs.filter((x) => x.y > height - m.top);
/** The footer: below the bottom margin. */
const footer = (rs: readonly Run[]): Run[] => rs.filter((x) => x.y < m.bottom);
const line = (rs: readonly Run[]): string => spaces(rs.map((x) => x.s).join(' '));

/** Pages (1-based) whose header shows the briefing: the single PDF's every page, the pack's part pages. */
async function briefingPages(doc: PDFDocumentProxy): Promise<number[]> {
  const out: number[] = [];
  for (let n = 1; n <= doc.numPages; n++) if (line(header(await runs(doc, n))).includes(BRIEFING_TITLE)) out.push(n);
  return out;
}

describe('a briefing alone and inside a pack: one layout driver', () => {
  it('has the same running header, at the same places, on every page of the briefing', async () => {
    const alone = await briefingPages(single);
    const inPack = await briefingPages(pack);
    expect(alone).toHaveLength(single.numPages);
    expect(inPack.length).toBeGreaterThan(1);
    const reference = header(await runs(single, 1));
    expect(line(reference)).toBe(`UNCLASSIFIED ${BRIEFING_TITLE} 1 October 1995`);
    for (const n of alone) expect(header(await runs(single, n)), `alone, page ${n}`).toEqual(reference);
    for (const n of inPack) expect(header(await runs(pack, n)), `in the pack, page ${n}`).toEqual(reference);
  });

  it('labels pages by one rule (roman front matter, arabic body) and words "Page X of Y" from the labels, at one place', async () => {
    const check = async (doc: PDFDocumentProxy, front: number): Promise<Run> => {
      const labels = (await doc.getPageLabels()) ?? [];
      const roman = ['i', 'ii', 'iii', 'iv'].slice(0, front);
      const body = doc.numPages - front;
      expect(labels).toEqual([...roman, ...Array.from({ length: body }, (_v, i) => String(i + 1))]);
      let pageRun: Run | undefined;
      for (let n = front + 1; n <= doc.numPages; n++) {
        const f = footer(await runs(doc, n));
        const own = f.find((x) => /^Page \d+ of \d+$/.test(x.s));
        expect(own?.s, `page ${n}`).toBe(`Page ${labels[n - 1]} of ${body}`);
        pageRun ??= own;
        expect(own && [own.right, own.y]).toEqual(pageRun && [pageRun.right, pageRun.y]);
      }
      return pageRun as Run;
    };
    const alone = await check(single, 0);
    const inPack = await check(pack, 2);
    // Right-aligned on the same edge, on the same baseline.
    expect([inPack.right, inPack.y]).toEqual([alone.right, alone.y]);
    expect(spaces((await runs(pack, 2)).filter((x) => x.y < m.bottom).map((x) => x.s).join(' '))).toContain('Page ii');
  });

  it('gives the part its own page count in the pack footer, where the briefing alone has its subtitle', async () => {
    const inPack = await briefingPages(pack);
    expect(inPack.length).toBeGreaterThan(1);
    for (const [k, n] of inPack.entries()) {
      expect(line(footer(await runs(pack, n)))).toContain(`${BRIEFING_TITLE}, page ${k + 1} of ${inPack.length}`);
    }
    expect(line(footer(await runs(single, 1)))).toContain('Bilateral relations fact sheet');
  });

  it('bookmarks the same headings, in the same order, under the briefing\'s title', async () => {
    const alone = await outline(single);
    const inPack = await outline(pack);
    const titles = (nodes: readonly OutlineNode[]): unknown => nodes.map((x) => ({ title: x.title, children: titles(x.children) }));
    const own = alone.find((x) => x.title === BRIEFING_TITLE);
    const part = inPack.find((x) => x.title === BRIEFING_TITLE);
    expect(own?.children.length).toBeGreaterThan(2);
    expect(titles(part?.children ?? [])).toEqual(titles(own?.children ?? []));
  });
});

describe('the pack\'s own texts are typeset like briefing text', () => {
  it('sets the cover with curly quotes, apostrophes and a minus sign, unhyphenated', async () => {
    const cover = line(await runs(pack, 1));
    expect(cover).toContain(PACK_TITLE);
    expect(cover).toContain('Dossier d\u2019information');
    expect(cover).not.toMatch(/["'\-\u00ad\u2010]/u);
  });

  it('sets the divider and the bookmarks as typeset (one briefing: the contents list its sections)', async () => {
    expect(line(await runs(pack, 2))).not.toMatch(/["']/u);
    expect((await outline(pack)).map((x) => x.title)).toEqual([PACK_TITLE, BRIEFING_TITLE]);
    const divider = line(await runs(pack, 3));
    expect(divider).toContain('Briefing 1 of 1');
    expect(divider.split(BRIEFING_TITLE).length).toBeGreaterThan(2);
    expect(divider).not.toMatch(/["']/u);
  });

  it('prints the pack title typeset in the front matter\'s running header', async () => {
    expect(line(header(await runs(pack, 2)))).toContain(PACK_TITLE);
  });
});
