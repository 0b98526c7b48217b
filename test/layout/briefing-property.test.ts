import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { PagedDocument } from '../../src/layout/types.js';
import { buildBriefing } from '../../src/build/index.js';
import { squash } from '../helpers/pdf.js';
import { SAMPLES } from '../text/script-samples.js';
import { cleanTemp, insideLive, pageWords, pdfFile, textProblems } from './pdf-readback.js';
import type { Word } from './pdf-readback.js';

/*
 * Issue 15, "Done when": one fast-check generator of whole briefing DATA, built through the
 * real pipeline (data -> template -> tree -> charts -> layout -> PDF, `buildBriefing`), on A4
 * and Letter. It covers sections with bullets of every length and optional intros; text
 * mixing Latin, Greek, Cyrillic, Hangul, Arabic, Hebrew, Thai, Devanagari, CJK and emoji;
 * 1 to 30 trade years with tiny, ordinary and huge values and negative balances, some derived
 * with long notes; every chart kind of the schema, full and half width, with notes and data
 * tables; growth, rankings and top lists. Asserted from the PDF read back (pdftotext):
 *  - no word outside the page's live area (but for the running header and footer);
 *  - no two words overlap, chart labels included;
 *  - no number cut at a line end;
 *  - every input word present, in order (section titles, intros and bullets; each chart's
 *    title, caption, notes and source; each derived note; the top lists);
 *  - no page less than a third full before the next page, unless that page opens with a
 *    figure that could not have fitted (the fact sheet has no forced breaks).
 * Fixed seed: failures reproduce (FC_RUNS raises the run count).
 */

// Arabic words with reh or zain are left out: their shared skeleton glyph reads back as one
// of the two (a known defect, it.fails in test/pdf/scripts.test.ts).
const SCRIPTS = Object.entries(SAMPLES).filter(([k]) => k !== 'Common').flatMap(([, v]) => [...v]);
const LATIN = ['tariff', 'quota', 'customs', 'exports', 'imports', 'revised', 'estimate', 'partner', 'growth', 'ministry', 'agreement',
  'shipment', 'surplus', 'deficit', 'coopération', 'économique', 'extraordinarily', 'telecommunications', '1995', '12.5'];
const word = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...LATIN) }, { weight: 1, arbitrary: fc.constantFrom(...SCRIPTS) });
// Each text opens with a Latin word (letters: "1995 12.5 كندا ..." opens with Arabic): the
// layout takes a paragraph's base direction from its first strong letter (Unicode bidi P2/P3),
// so a text opening with Arabic or Hebrew is set right to left, from the right margin, and its
// Latin runs stand (and read back) in right-to-left order (test/layout/rtl.test.ts covers those).
const STRONG = LATIN.filter((w) => /\p{L}/u.test(w));
const text = (min: number, max: number): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...STRONG), fc.array(word, { minLength: min - 1, maxLength: max - 1, size: 'max' })).map(([a, w]) => [a, ...w].join(' '));

const CURRENCIES = ['CAD', 'KRW', 'JPY', 'EUR', 'USD', 'KWD'] as const;
const UNITS = ['one', 'thousand', 'million', 'billion'] as const;
type Field = 'exports' | 'imports' | 'twoWay' | 'balance';

/** Money values of one document: tiny (under 1), ordinary, or huge (10 to 13 digits). */
const magnitude = fc.constantFrom(0.01, 10, 1e4, 1e9, 9e12);
const value = (scale: number): fc.Arbitrary<number> => fc.double({ min: 0, max: 1, noNaN: true }).map((f) => Math.round(f * scale * 100) / 100);

const years = fc.record({ first: fc.integer({ min: 1950, max: 2000 }), count: fc.integer({ min: 1, max: 30 }), scale: magnitude }).chain(({ first, count, scale }) =>
  fc.array(fc.record({ exports: value(scale), imports: value(scale), derived: fc.option(text(10, 120), { freq: 4 }) }), { minLength: count, maxLength: count })
    .map((ys) => ys.map((y, i) => {
      const twoWay = Math.round((y.exports + y.imports) * 100) / 100;
      const balance = Math.round((y.exports - y.imports) * 100) / 100;
      return { year: first + i, exports: y.exports, imports: y.imports, twoWay, balance, ...(y.derived !== null ? { derived: y.derived } : {}) };
    })));

const KINDS = ['grouped-bar', 'stacked-bar', 'horizontal-bar', 'line', 'doughnut', 'balance'] as const;
const FIELDS: Record<(typeof KINDS)[number], readonly Field[]> = {
  'grouped-bar': ['exports', 'imports', 'twoWay', 'balance'], 'stacked-bar': ['exports', 'imports'], 'horizontal-bar': ['exports', 'imports', 'twoWay'],
  line: ['exports', 'imports', 'twoWay', 'balance'], doughnut: ['exports', 'imports'], balance: ['balance'],
};
const chart = (yearsOf: readonly number[]) => fc.record({
  type: fc.constantFrom(...KINDS), title: text(1, 14), caption: fc.option(text(1, 30)), source: fc.option(text(1, 10)),
  notes: fc.array(text(1, 90), { maxLength: 3 }), half: fc.boolean(), showTable: fc.boolean(), year: fc.constantFrom(...yearsOf),
  fields: fc.subarray(['exports', 'imports', 'twoWay', 'balance'] as Field[], { minLength: 1 }),
});

const briefing = years.chain((ys) => fc.record({
  language: fc.constantFrom('en', 'fr'),
  // Titles near the schema's 300-character limit.
  title: text(1, 40).map((t) => t.slice(0, 300).trim()), subtitle: fc.option(text(1, 20)),
  currency: fc.constantFrom(...CURRENCIES), unit: fc.constantFrom(...UNITS),
  sections: fc.array(fc.record({ title: text(1, 8), intro: fc.option(text(1, 120), { freq: 3 }), bullets: fc.array(text(1, 150), { minLength: 1, maxLength: 10, size: 'max' }) }), { minLength: 1, maxLength: 4 }),
  growth: fc.array(fc.record({ measure: fc.constantFrom('exports', 'imports', 'twoWay'), percent: fc.double({ min: -99.9, max: 999, noNaN: true }).map((p) => Math.round(p * 10) / 10) }), { maxLength: 3 }),
  rankings: fc.array(fc.record({ measure: text(1, 4), scope: text(1, 3), rank: fc.integer({ min: 1, max: 1000 }) }), { maxLength: 3 }),
  topExports: fc.array(text(1, 12), { maxLength: 10 }), topImports: fc.array(text(1, 12), { maxLength: 10 }),
  charts: fc.array(chart(ys.map((y) => y.year)), { maxLength: 6 }),
}).map((b) => ({ ...b, years: ys })));
type Gen = typeof briefing extends fc.Arbitrary<infer T> ? T : never;

/** The generated record as briefing data (schema-valid by construction). */
function data(b: Gen): Record<string, unknown> {
  const last = b.years.at(-1)?.year ?? 2000;
  return {
    id: 'random-briefing', language: b.language, title: b.title, ...(b.subtitle !== null ? { subtitle: b.subtitle } : {}),
    date: '2024-05-01', classification: 'UNCLASSIFIED', partner: 'Partner',
    sections: b.sections.map((s, i) => ({ id: `s${i}`, title: s.title, ...(s.intro !== null ? { intro: s.intro } : {}), bullets: s.bullets })),
    trade: {
      currency: b.currency, unit: b.unit, reporter: 'Reporter', partner: 'Partner', years: b.years,
      growth: b.growth.map((g) => ({ ...g, year: last })), rankings: b.rankings.map((r) => ({ ...r, year: last })),
      topExports: b.topExports, topImports: b.topImports,
    },
    charts: b.charts.map((raw, i) => {
      // A doughnut of a year with no trade has no shares to show (`data/chart-empty`): another year's, or bars.
      const shares = b.years.filter((y) => y.exports + y.imports > 0).map((y) => y.year);
      const c = raw.type !== 'doughnut' || shares.includes(raw.year) ? raw
        : shares[0] !== undefined ? { ...raw, year: shares[0] } : { ...raw, type: 'grouped-bar' as const };
      const fields = c.type === 'doughnut' ? ['exports', 'imports'] : c.fields.filter((f) => FIELDS[c.type].includes(f));
      return {
        name: `c${i}`, type: c.type, title: c.title, ...(c.caption !== null ? { caption: c.caption } : {}), ...(c.source !== null ? { source: c.source } : {}),
        ...(c.notes.length > 0 ? { notes: c.notes } : {}), ...(c.type === 'doughnut' ? { year: c.year } : { x: 'year' }),
        size: c.half ? 'half' : 'full', showTable: c.showTable,
        series: (fields.length > 0 ? fields : FIELDS[c.type].slice(0, 1)).map((f) => ({ field: f, label: `${f} series` })),
      };
    }),
  };
}

/**
 * Words checked in order: Latin, Greek, Cyrillic and numbers. The others are checked as counts
 * of their characters: a bbox dump gives right-to-left words in visual order and cut at
 * non-joining letters, and Thai, Devanagari, CJK and emoji words in glyph runs that need not
 * match the input's word boundaries.
 */
const ORDERED = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}\p{P}]+$/u;
const RTL = { test: (w: string): boolean => !ORDERED.test(w) };

/** How many times each character occurs. */
function chars(ws: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const ch of ws.join('').normalize('NFKC')) if (ch.trim()) m.set(ch, (m.get(ch) ?? 0) + 1);
  return m;
}

/**
 * The live area's text: left-to-right words joined and squashed (no whitespace, hyphens or
 * minus signs), in reading order; right-to-left words only as counts of their characters
 * (a bbox dump gives them in visual order and in pieces).
 */
function liveText(paged: PagedDocument, pages: readonly Word[][]): { hay: string; rtl: Map<string, number> } {
  const ws = pages.flatMap((p, i) => p.filter((w) => insideLive(paged, i, w)).map((w) => w.t));
  return { hay: squash(ws.filter((w) => !RTL.test(w)).join('')), rtl: chars(ws.filter((w) => RTL.test(w))) };
}

/**
 * The words of a text checked in order: left-to-right words, but not numbers after a
 * right-to-left word (until the next letter of a left-to-right script). Unicode bidi sets
 * those at the right-to-left level (rules W2 and N1): "كندا 1995 12.5" is drawn
 * "12.5 1995 كندا", so they read back in reverse order. This is what made a Greek word seem
 * missing: a number matched a later occurrence of itself, and the words before it were lost.
 */
function ordered(text: string): string[] {
  let rtl = false;
  return text.split(/\s+/).filter((w) => {
    if (!w) return false;
    if (RTL.test(w)) rtl = true;
    else if (/[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u.test(w)) rtl = false;
    else if (rtl) return false;
    return !RTL.test(w);
  });
}

/** The first left-to-right word of `chunks` not found after the previous one, or null. */
function missing(live: { hay: string }, chunks: readonly string[]): string | null {
  let at = 0;
  for (const c of chunks) {
    for (const w of ordered(c)) {
      const k = live.hay.indexOf(squash(w), at);
      if (k < 0) return `${w} (in "${c.slice(0, 80)}")`;
      at = k + squash(w).length;
    }
  }
  return null;
}

/**
 * Line ends that cut a number, from the words outside charts (chart labels are placed one by
 * one, never wrapped): words grouped into lines by baseline, a line ending in an open digit
 * group or decimal point, a sign, or (English, where it comes first) a currency, and the next
 * line of the same column starting with a digit. French writes "12,34 $": there a line ending
 * in a decimal comma is a cut only when the digits after it are missing.
 */
function cutNumbers(paged: PagedDocument, pages: readonly Word[][], language: string): string[] {
  const end = language === 'fr' ? /(\d[,.\u202f\u00a0]|[−+])$/u : /(\d[,.]|\d,\d{1,2}|[−+]|[$€¥₩£]|\b[A-Z]{3})$/u;
  const out: string[] = [];
  pages.forEach((ws, i) => {
    const charts = paged.pages[i]?.items.flatMap((it) => (it.kind === 'chart' ? [it.box] : [])) ?? [];
    const free = ws.filter((w) => !charts.some((b) => w.x0 >= b.x - 1 && w.x1 <= b.x + b.width + 1 && w.y0 >= b.y - 1 && w.y1 <= b.y + b.height + 1));
    const lines: Word[][] = [];
    for (const w of [...free].sort((u, v) => u.y1 - v.y1 || u.x0 - v.x0)) {
      const l = lines.find((x) => Math.abs((x[0]?.y1 ?? 0) - w.y1) < 2 && Math.abs((x.at(-1)?.x1 ?? 0) - w.x0) < 12);
      if (l) l.push(w);
      else lines.push([w]);
    }
    for (const l of lines) {
      const last = l.at(-1) as Word;
      const next = lines.find((n) => (n[0]?.y0 ?? 0) > last.y0 + 2 && (n[0]?.y0 ?? 0) - last.y1 < (last.y1 - last.y0) * 0.8 && Math.abs((n[0]?.x0 ?? 0) - (l[0]?.x0 ?? 0)) < 14);
      if (next && end.test(l.map((w) => w.t).join(' ')) && /^[\d.,]/.test(next[0]?.t ?? '')) out.push(`page ${i + 1}: "${l.map((w) => w.t).join(' ').slice(-20)}" / "${next.map((w) => w.t).join(' ').slice(0, 20)}"`);
    }
  });
  return out;
}

function problems(b: Gen, paged: PagedDocument, file: string): string[] {
  const pages = pageWords(file);
  const out = [...textProblems(paged, pages, true), ...cutNumbers(paged, pages, b.language).map((s) => `number cut: ${s}`)];
  const hay = liveText(paged, pages);
  const m = missing(hay, b.sections.flatMap((s) => [s.title, s.intro ?? '', ...s.bullets]));
  if (m) out.push(`section text missing or out of order: ${m}`);
  b.charts.forEach((c, i) => {
    const mc = missing(hay, [c.title, c.caption ?? '', ...c.notes, c.source ?? '']);
    if (mc) out.push(`chart ${i} (${c.type}) text missing or out of order: ${mc}`);
  });
  b.years.forEach((y) => {
    const md = 'derived' in y && typeof y.derived === 'string' ? missing(hay, [y.derived]) : null;
    if (md) out.push(`derived note of ${y.year} missing: ${md}`);
  });
  for (const item of [...b.topExports, ...b.topImports]) {
    const mi = missing(hay, [item]);
    if (mi) out.push(`top-list item missing: ${mi}`);
  }
  // Words of other scripts: every character of the input's, at least as often.
  const input = [...b.sections.flatMap((s) => [s.title, s.intro ?? '', ...s.bullets]), ...b.charts.flatMap((c) => [c.title, c.caption ?? '', ...c.notes, c.source ?? '']),
    ...b.years.flatMap((y) => ('derived' in y && typeof y.derived === 'string' ? [y.derived] : [])), ...b.topExports, ...b.topImports];
  const want = chars(input.flatMap((c) => c.split(/\s+/).filter((w) => RTL.test(w))));
  for (const [ch, n] of want) if ((hay.rtl.get(ch) ?? 0) < n) out.push(`letter ${ch} printed ${hay.rtl.get(ch) ?? 0} times, written ${n}`);
  // Near-empty pages: the fill is the lowest word of the live area.
  pages.forEach((ws, i) => {
    const page = paged.pages[i];
    const next = paged.pages[i + 1];
    if (!page || !next) return;
    const c = page.content;
    const fill = Math.max(0, ...ws.filter((w) => insideLive(paged, i, w)).map((w) => w.y1 - c.y));
    if (fill >= c.height / 3) return;
    const chart = next.items.find((x) => x.kind === 'chart');
    const opensWithChart = chart?.kind === 'chart' && chart.box.y - next.content.y < 40;
    if (opensWithChart && fill + chart.box.height + 20 > c.height) return;
    out.push(`page ${i + 1} is ${Math.round((fill / c.height) * 100)} % full before page ${i + 2}`);
  });
  return out;
}

afterAll(cleanTemp);

describe('random briefings through the whole pipeline, read back from the PDF (fast-check)', () => {
  // Found here (seed 15_000_016): a hyphenated "écono-" set 2 pt past the right margin (a
  // set line is wider than its words measured one by one: digits take the font of a Thai
  // neighbour; test/text/lines.test.ts), a running header's CJK title and its ellipsis read
  // back as one word, and numbers after Arabic or Hebrew read back reversed (bidi W2/N1).
  it('no word outside the live area or overlapping, no number cut, every input word in order, no near-empty page', async () => {
    await fc.assert(
      fc.asyncProperty(briefing, fc.constantFrom('a4', 'letter') as fc.Arbitrary<'a4' | 'letter'>, async (b, paper) => {
        if (process.env['BRIEFING_DUMP']) writeFileSync(process.env['BRIEFING_DUMP'], JSON.stringify({ paper, data: data(b) }));
        const r = await buildBriefing({ data: data(b), name: 'random.json' }, { paper });
        if (!r.ok) throw new Error(`build failed: ${JSON.stringify(r.diagnostics.map((d) => `${d.code}: ${d.message}`))}`);
        expect(problems(b, r.paged, pdfFile(r.pdf))).toEqual([]);
      }),
      // No shrinking: each build takes seconds, and shrinking a whole document takes minutes.
      { seed: 15_000_016, numRuns: Number(process.env['FC_RUNS'] ?? 12), endOnFailure: true },
    );
  }, 240_000);
});
