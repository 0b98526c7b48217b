import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/doc/types.js';
import { labelText } from '../../src/layout/index.js';
import type { Page, PagedDocument, StructRole } from '../../src/layout/types.js';
import {
  bodyText, chartAsset, chartBlock, doc, expectGolden, heading, isText, layout, linesOnPages, list, loc, missingInOrder,
  normaliseWord, para, placementProblems, streamText, table, textByTag, toc, wordsOf,
} from './helpers.js';
import type { TextItem } from './helpers.js';

/*
 * Golden tests of layoutDocument on small hand-built document trees. Each case is compared
 * with test/golden/layout/<case>.json (UPDATE_GOLDEN=1 rewrites them) and its invariants are
 * asserted directly: text inside the column, everything on the printable area, every word of
 * the input present in reading order.
 */

/** Invariants every laid-out document satisfies (each test compares its golden last). */
function invariants(d: PagedDocument, blocks: readonly Block[], words = wordsOf(blocks)): void {
  expect(placementProblems(d)).toEqual([]);
  expect(missingInOrder(streamText(d), words)).toBeNull();
}

const tagsOf = (d: PagedDocument, role: StructRole): number[] => d.structure.filter((s) => s.role === role).map((s) => s.id);
const only = <T>(xs: readonly T[]): T => {
  expect(xs).toHaveLength(1);
  return xs[0] as T;
};
/** Bottom of the last non-artifact text line on a page (baseline), or the content top. */
const lastBaseline = (p: Page): number => Math.max(p.content.y, ...bodyText(p).map((i) => i.y));
const contentBottom = (p: Page): number => p.content.y + p.content.height;
const fillers = (n: number): Block[] => Array.from({ length: n }, (_v, i) => para(`Filler line ${i + 1}.`));

const SECTION_TEXT =
  'The ministry expects exports to grow steadily over the coming years, helped by new trade agreements ' +
  'and by the recovery of demand in the main partner markets, while imports remain broadly stable.';

describe('layoutDocument goldens', () => {
  it('(a) a heading that would land at a page foot moves to the next page with its paragraph', () => {
    // 33 one-line paragraphs (20 pt each) leave ~46 pt: room for the heading, not for it and
    // two lines of its paragraph.
    const blocks = [...fillers(33), heading(2, 'target', 'Target heading'), para(SECTION_TEXT)];
    const d = layout(doc(blocks));
    invariants(d, blocks);
    const [p0, p1] = d.pages as [Page, Page];
    expect(d.pages).toHaveLength(2);
    // The only heading is tagged H1 whatever its markup level: the first heading is H1 (PDF/UA).
    const h2 = only(tagsOf(d, 'H1'));
    const p = tagsOf(d, 'P').at(-1) as number;
    expect(linesOnPages(d, h2)).toEqual([{ page: 1, lines: 1 }]);
    expect(linesOnPages(d, p).map((x) => x.page)).toEqual([1]);
    expect(p1.anchors).toEqual([{ id: 'target', y: p1.content.y }]);
    expect(d.outline.map((o) => [o.dest, o.page])).toEqual([['target', 1]]);
    // The heading alone (14 pt bold, ~17 pt line + 6 pt rule) would have fitted on page 1.
    expect(contentBottom(p0) - lastBaseline(p0)).toBeGreaterThan(16 + 17.1 + 6);
    expectGolden('heading-moves', d);
  });

  describe('(b) widows and orphans', () => {
    const four = 'Alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike november oscar papa quebec romeo sierra. '.repeat(2) +
      'Tango uniform victor whiskey xray yankee zulu one two three four five six seven eight nine ten eleven twelve.';
    const five = `${four} Thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two twenty-three twenty-four.`;
    it.each([
      // [case, fillers, text, lines expected per page]
      ['fits', 31, four, [4]],
      ['orphan', 34, four, [0, 4]],
      ['widow', 33, four, [2, 2]],
      ['five-lines', 32, five, [3, 2]],
    ] as const)('%s', (name, n, text, perPage) => {
      const blocks = [...fillers(n), para(text), para('After.')];
      const d = layout(doc(blocks));
      invariants(d, blocks);
      const tag = tagsOf(d, 'P')[n] as number;
      const lines = perPage.reduce<number>((s, x) => s + x, 0);
      expect(linesOnPages(d, tag).reduce((s, x) => s + x.lines, 0), 'test text sets to this many lines').toBe(lines);
      expect(linesOnPages(d, tag)).toEqual(perPage.flatMap((l, page) => (l ? [{ page, lines: l }] : [])));
      if (name === 'orphan') {
        // One line would have fitted on page 1.
        expect(contentBottom(d.pages[0] as Page) - lastBaseline(d.pages[0] as Page)).toBeGreaterThan(14 + 6);
      }
      expectGolden(`widow-orphan-${name}`, d);
    });
  });

  it('(c) a 200-row table across pages repeats its header rows and a "(continued)" caption', () => {
    const rows = Array.from({ length: 200 }, (_v, i) => [`Region ${i + 1}`, String(1000 + i * 37), `${(i % 17) + 0.5}%`]);
    const blocks = [para('Exports by region are shown below.'), table([['Region', 'Exports', 'Change']], rows, 'Exports by region', ['Source: test data.']), para('After the table.')];
    const d = layout(doc(blocks));
    invariants(d, blocks);
    expect(d.pages.length).toBeGreaterThanOrEqual(5);
    const regionOf = (i: TextItem): number | null => (/^Region \d+$/.test(i.text) ? Number(i.text.slice(7)) : null);
    const seen: number[] = [];
    d.pages.forEach((p, pi) => {
      const texts = p.items.filter(isText);
      const rowsHere = bodyText(p).map(regionOf).filter((n): n is number => n !== null);
      seen.push(...rowsHere);
      if (pi === 0) return;
      if (rowsHere.length === 0) return;
      // Continuation pages: caption "(continued)" and the header row, as artifacts, above the first row.
      const firstRowY = Math.min(...bodyText(p).filter((i) => regionOf(i) !== null).map((i) => i.y));
      const art = texts.filter((i) => i.tag === 'artifact' && i.y < firstRowY && i.y >= p.content.y);
      expect(art.map((i) => i.text.trim())).toEqual(['Table 1.', 'Exports by region', '(continued)', 'Region', 'Exports', 'Change']);
      // The repeated header row has its filled background.
      expect(p.items.some((i) => i.kind === 'rect' && i.tag === 'artifact' && i.y < firstRowY && i.y >= p.content.y)).toBe(true);
    });
    expect(seen).toEqual(rows.map((_r, i) => i + 1));
    // The real header and caption are tagged once, on the first page.
    const th = tagsOf(d, 'TH');
    expect(d.pages.flatMap((p) => bodyText(p).filter((i) => th.includes(i.tag as number)).map((i) => [p.index, i.text]))).toEqual([[0, 'Region'], [0, 'Exports'], [0, 'Change']]);
    expectGolden('table-200-rows', d);
  });

  it.each([
    // ~20,000 characters.
    ['oversized-cell', 3100],
    // Regression: the last part of the row did not fit below the repeated caption and header,
    // which were dropped, leaving a page of table without its header.
    ['oversized-cell-2203', 2203],
  ])('(d) an oversized table cell splits its row across pages without losing text: %s', (name, n) => {
    const words = Array.from({ length: n }, (_v, i) => `word${i}`);
    const big = words.join(' ');
    if (n === 3100) expect(big.length).toBeGreaterThan(20_000);
    const blocks = [para('Before.'), table([['Key', 'Text']], [['first', 'A short cell.'], ['second', big], ['third', 'Another short cell.']], 'Oversized'), para('After.')];
    const d = layout(doc(blocks));
    invariants(d, blocks);
    const td = tagsOf(d, 'TD');
    const bigTag = td[3] as number;
    expect(textByTag(d).get(bigTag)).toBe(words.join(''));
    const spread = linesOnPages(d, bigTag);
    expect(spread.length).toBeGreaterThanOrEqual(3);
    // Each page the row continues on repeats the header, and the split row's part fills the page.
    for (const { page } of spread.slice(1)) {
      const p = d.pages[page] as Page;
      expect(p.items.filter(isText).filter((i) => i.tag === 'artifact' && i.y < p.content.y + 40).map((i) => i.text.trim())).toEqual(
        expect.arrayContaining(['Key', 'Text', '(continued)']),
      );
    }
    for (const { page } of spread.slice(0, -1)) {
      const p = d.pages[page] as Page;
      expect(contentBottom(p) - lastBaseline(p)).toBeLessThan(20);
    }
    // The row's other cells stay in the first part: "second" appears once.
    expect(d.pages.flatMap((p) => bodyText(p).filter((i) => i.text === 'second')).length).toBe(1);
    expectGolden(name, d);
  });

  it('(e) a chart figure that does not fit floats to the next page top; the text after it fills the room', () => {
    const charts = new Map([['exports', chartAsset('exports', 471, 300, { caption: 'Exports in EUR million.', source: 'Customs data', notes: ['Hatched bars are estimates.'] })]]);
    const before = fillers(25);
    const after = [para('Text after the chart.')];
    const blocks = [...before, chartBlock('exports'), ...after];
    const d = layout(doc(blocks), { charts });
    const figureWords = 'Figure 1. Chart exports Exports in EUR million. Hatched bars are estimates. Source: Customs data'.split(' ');
    // The text after the figure comes first: it filled in on page 1.
    invariants(d, blocks, [...wordsOf(before), ...wordsOf(after), ...figureWords]);
    const [p0, p1] = d.pages as [Page, Page];
    expect(d.pages).toHaveLength(2);
    expect(p0.items.some((i) => i.kind === 'chart')).toBe(false);
    expect(bodyText(p0).map((i) => i.text).join('')).toContain('Text after the chart.');
    // There was room for part of it on page 1 (over 130 pt), but a chart does not split.
    expect(contentBottom(p0) - lastBaseline(p0)).toBeGreaterThan(130);
    const chart = only(p1.items.filter((i) => i.kind === 'chart'));
    expect(chart.box).toMatchObject({ width: 471, height: 300 });
    expect(chart.box.x).toBeGreaterThanOrEqual(p1.content.x);
    expect(chart.box.x + chart.box.width).toBeLessThanOrEqual(p1.content.x + p1.content.width + 0.01);
    expect(chart.box.y + chart.box.height).toBeLessThanOrEqual(contentBottom(p1));
    // Its title is on the same page, right above it; caption, notes and source below.
    const cap = only(tagsOf(d, 'Caption'));
    const capItems = bodyText(p1).filter((i) => i.tag === cap);
    expect(capItems.map((i) => i.text).join('')).toContain('Figure 1.');
    expect(capItems.filter((i) => i.y < chart.box.y).map((i) => i.text).join('')).toBe('Figure 1. Chart exports');
    expect(capItems.filter((i) => i.y > chart.box.y + chart.box.height).map((i) => i.text).join('|')).toBe('Exports in EUR million.|Hatched bars are estimates.|Source: |Customs data');
    const fig = d.structure.find((s) => s.role === 'Figure');
    expect(fig?.bbox).toEqual({ ...chart.box, page: 1 });
    expect(fig?.alt).toBe('Alt text of exports');
    expectGolden('chart-floats', d);
  });

  it('(f) a long unbreakable word is broken within the column', () => {
    const latin = 'a'.repeat(150) + 'b'.repeat(150);
    const hangul = '대한민국'.repeat(40);
    const blocks = [
      heading(1, 'long', `Heading ${latin}`),
      para(`Start ${latin} middle ${hangul} end.`),
      list(false, [`Item ${latin}`]),
      table([['Name', 'Value']], [[latin, '1'], ['x', hangul]]),
    ];
    const d = layout(doc(blocks));
    invariants(d, blocks);
    const byTag = textByTag(d);
    // Cut between characters with no hyphen added: the text is intact.
    const h1 = only(tagsOf(d, 'H1'));
    expect(byTag.get(h1)).toBe(`Heading${latin}`);
    expect(linesOnPages(d, h1)[0]?.lines).toBeGreaterThan(5);
    const p = tagsOf(d, 'P')[0] as number;
    expect(byTag.get(p)).toBe(`Start${latin}middle${hangul}end.`);
    const td = tagsOf(d, 'TD');
    expect(byTag.get(td[0] as number)).toBe(latin);
    expect(byTag.get(td[3] as number)).toBe(hangul);
    // Hangul is set in the fallback font.
    expect(bodyText(d.pages[0] as Page).some((i) => i.font === 'kr-regular' && i.text.includes('대한민국'))).toBe(true);
    expectGolden('long-word', d);
  });

  it('(g) the table of contents prints the pages the headings are on, also when it spans pages', () => {
    const blocks: Block[] = [
      { kind: 'cover', title: [{ kind: 'text', text: 'Cover title', style: {} }], lines: [[{ kind: 'text', text: 'Subtitle', style: {} }]], loc },
      toc(),
      ...Array.from({ length: 70 }, (_v, i) => [
        heading(i % 10 === 0 ? 1 : 2, `s${i}`, i === 7 ? `Section ${i} with a title long enough to wrap onto a second line in the table of contents, which sets it in a narrower measure than the body` : `Section ${i}`),
        para(SECTION_TEXT.repeat(1 + (i % 3))),
      ]).flat(),
    ];
    const d = layout(doc(blocks));
    invariants(d, blocks);
    const tocTag = only(tagsOf(d, 'TOC'));
    const toci = new Set(d.structure.filter((s) => s.role === 'TOCI' && s.parent === tocTag).map((s) => s.id));
    const anchorPage = new Map<string, number>();
    for (const p of d.pages) for (const a of p.anchors) if (!anchorPage.has(a.id)) anchorPage.set(a.id, p.index);
    // Every entry: its link's destination, and the page number printed at the right edge.
    const entries: { dest: string; printed: string; page: number }[] = [];
    for (const p of d.pages) {
      const right = p.content.x + p.content.width;
      const numbers = p.items.filter(isText).filter((i) => toci.has(i.tag as number) && Math.abs(i.x + i.width - right) < 0.5 && i.features.includes('tnum'));
      for (const n of numbers) {
        const link = p.items.find((i) => i.kind === 'link' && i.tag === n.tag && i.box.y <= n.y && n.y <= i.box.y + i.box.height);
        if (link?.kind !== 'link' || !link.dest) throw new Error(`no link for TOC number ${n.text}`);
        entries.push({ dest: link.dest, printed: n.text, page: p.index });
      }
    }
    const sections = Array.from({ length: 70 }, (_v, i) => `s${i}`);
    expect(entries.map((e) => e.dest).filter((x) => x.startsWith('s'))).toEqual(sections);
    expect(new Set(entries.map((e) => e.page)).size, 'the TOC spans pages').toBeGreaterThanOrEqual(2);
    for (const e of entries) {
      const page = anchorPage.get(e.dest);
      expect(page, e.dest).toBeDefined();
      expect(e.printed, e.dest).toBe(labelText(d.pageLabels, page as number));
    }
    // A two-line entry links both lines and prints its number on the last.
    const s7 = d.pages.flatMap((p) => p.items.filter((i) => i.kind === 'link' && i.dest === 's7'));
    expect(s7).toHaveLength(2);
    // Front matter (cover, contents) numbered in roman, the body from 1.
    expect(d.pageLabels).toEqual([{ start: 0, style: 'roman', first: 1 }, { start: 1 + new Set(entries.map((e) => e.page)).size, style: 'arabic', first: 1 }]);
    expect(entries.find((e) => e.dest === 's0')?.printed).toBe('1');
    // The outline agrees with the anchors.
    const flat = (os: typeof d.outline): [string, number][] => os.flatMap((o) => [[o.dest, o.page] as [string, number], ...flat(o.children)]);
    for (const [dest, page] of flat(d.outline)) expect(page, dest).toBe(anchorPage.get(dest));
    expectGolden('toc', d);
  });
});

describe('layoutDocument: tables squeezed below their content', () => {
  it('(h) a column narrower than one glyph plus padding keeps its text inside the column', () => {
    // Four columns of 60-letter words take their 160 pt cap; the last column ("W") is scaled
    // down to ~12.5 pt, less than the 5 pt padding on each side plus the glyph.
    const long = 'x'.repeat(60);
    const blocks = [table([], [[long, long, long, long, 'W']]), table([], [Array.from({ length: 40 }, () => 'WM')])];
    const d = layout(doc(blocks));
    invariants(d, blocks);
    // Forty columns set their type smaller, so "WM" fits a column whole.
    const wm = bodyText(d.pages[0] as Page).filter((i) => i.text === 'WM');
    expect(wm).toHaveLength(40);
    expectGolden('narrow-columns', d);
  });
});

describe('layoutDocument: oversized footnotes', () => {
  // A footnote taller than 40 % of the page is set as an endnote: numbered, in a Notes section
  // at the end, breaking across pages like text. Nothing leaves the page; every word is there.
  it('a footnote taller than the page becomes an endnote that stays on its pages', () => {
    const words = Array.from({ length: 1500 }, (_v, i) => `note${i}`);
    const blocks = [para([{ kind: 'text', text: 'Referencing text', style: {} }, { kind: 'noteRef', id: 'n1', n: 1 }, { kind: 'text', text: ' and more.', style: {} }])];
    const d = layout(doc(blocks, [words.join(' ')]));
    expect(placementProblems(d)).toEqual([]);
    expect(d.pages.length).toBeGreaterThan(1);
    const text = d.pages.flatMap((p) => bodyText(p).map((i) => i.text)).join(' ');
    expect(missingInOrder(text, ['Notes', '1.', ...words])).toBeNull();
  });
});

describe('layoutDocument: golden helpers', () => {
  it('normalises words the way the drawn text is compared', () => {
    expect(normaliseWord('twenty-one')).toBe('twentyone');
    expect(missingInOrder('abc-\ndef ghi', ['abcdef', 'ghi'])).toBeNull();
    expect(missingInOrder('ghi abc', ['abc', 'ghi'])).toEqual({ word: 'ghi', index: 1 });
  });
});
