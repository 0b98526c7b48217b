/**
 * Every XML we write is well-formed and says what the data says: briefings whose every text
 * field is full of `& < > " '`, `]]>`, `<?xml`, `<!--`, entity-looking text, bidi controls,
 * emoji, astral characters, U+FFFE/U+FFFF and lone surrogates are built into a deck (PPTX +
 * PDF) and a briefing PDF; every part of the PPTX (and of the workbooks inside it) and each
 * PDF's XMP packet is parsed strictly (@xmldom/xmldom, warnings fatal), and the text read back
 * equals the data after the documented normalisation: NFC, and U+FFFE, U+FFFF and lone
 * surrogates dropped (XML cannot carry them); alt text and object names (attributes) with tabs
 * and line breaks as spaces. Control characters never get that far: the data stage refuses
 * them. Fixed seed: a failure prints its counterexample and reproduces.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Document as XmlDocument } from '@xmldom/xmldom';
import { buildBriefing } from '../../src/build/index.js';
import { notesText } from '../../src/pptx/index.js';
import type { SlidePlan } from '../../src/slides/index.js';
import { baseData, buildOk } from '../slides/helpers.js';
import { elements, inside, officeParts, parseStrict, texts, xmpPacket } from '../slides/xml-strict.js';

const SEED = 13013;
const DECK_RUNS = 20;
const PDF_RUNS = 5;

/** Pieces hostile to XML writers, markup and readers; joined at random with random ASCII. */
const FRAGMENTS = [
  '&', '<', '>', '"', "'", ']]>', '<?xml version="1.0"?>', '<!--', '-->', '&amp;', '&lt;b&gt;', '&#x41;', '&#0;', '&nbsp;',
  '<![CDATA[x]]>', '</a:t>', '<a:t>', '"/><p:sp name="', '</Company>', '\u202e', '\u202a', '\u2066', '\u2069', '\u200f',
  '\u200b', '\u200d', '\ufeff', '\u00ad', '\u061c', '😀', '👩🏽‍🚀', '🇨🇦', '𝔸', '\u{10fffd}', '\ud800', '\udfff', '\udc00x',
  '\ufffe', '\uffff', '\t', 'e\u0301', '한국어', 'عربى', '%', '\\', '*x*', '_y_', '[l](https://e.x/?a=1&b=2)', 'b=<2>', ':::note',
  '`c`', '{{t}}', 'chart1.xml', 'chart4.xml', 'chart5.xml', 'Microsoft_Excel_Worksheet5.xlsx', ' ',
];

const hostile = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 10 })
  .map((parts) => `x ${parts.join('')}`);

/** The documented normalisation of data text in XML character data. */
function expected(s: string): string {
  return s.normalize('NFC').replace(/[\ufffe\uffff]|\p{Cs}/gu, '');
}

/** The same for an attribute value, where a reader turns tabs and line breaks into spaces. */
function expectedAttr(s: string): string {
  return expected(s).replace(/\r\n|[\t\n\r]/g, ' ');
}

/** A briefing with every text field taken from `t` (a fresh value per field). */
interface Texts {
  readonly title: string;
  readonly subtitle: string;
  readonly author: string;
  readonly partner: string;
  readonly source: string;
  readonly keywords: readonly string[];
  readonly section: string;
  readonly intro: string;
  readonly bullets: readonly string[];
  readonly exports: readonly string[];
  readonly derived: string;
  readonly chartTitle: string;
  readonly caption: string;
  readonly chartSource: string;
  readonly chartNote: string;
  readonly series: readonly string[];
}

const texts$ = fc.record({
  title: hostile, subtitle: hostile, author: hostile, partner: hostile, source: hostile,
  keywords: fc.array(hostile, { minLength: 1, maxLength: 3 }), section: hostile, intro: hostile,
  bullets: fc.array(hostile, { minLength: 1, maxLength: 3 }), exports: fc.array(hostile, { minLength: 1, maxLength: 3 }),
  derived: hostile, chartTitle: hostile, caption: hostile, chartSource: hostile, chartNote: hostile,
  series: fc.tuple(hostile, hostile, hostile),
});

function briefingOf(t: Texts): Record<string, unknown> {
  const base = baseData();
  const trade = base['trade'] as Record<string, unknown>;
  const years = (trade['years'] as Record<string, unknown>[]).map((y) => ('derived' in y ? { ...y, derived: t.derived } : y));
  const charts = (base['charts'] as Record<string, unknown>[]).map((c, i) => ({
    ...c,
    title: `${t.chartTitle} ${i}`,
    caption: t.caption,
    source: t.chartSource,
    notes: [t.chartNote],
    series: (c['series'] as Record<string, unknown>[]).map((s, j) => ({ ...s, label: `${t.series[j % 3] ?? ''} ${j}` })),
  }));
  return {
    ...base,
    title: t.title, subtitle: t.subtitle, author: t.author, partner: t.partner, source: t.source, keywords: t.keywords,
    sections: [{ id: 'hostile', title: t.section, intro: t.intro, bullets: t.bullets }],
    trade: { ...trade, years, topExports: t.exports, topImports: t.exports },
    charts,
  };
}

/** The one `rdf:li` under an XMP property (`dc:title`, `dc:creator`…), or the property's own text. */
function xmpValue(doc: XmlDocument, prop: string): string | undefined {
  const el = elements(doc, prop)[0];
  if (!el) return undefined;
  const li = elements(el, 'rdf:li')[0];
  return (li ?? el).textContent ?? '';
}

/** The XMP packet parses strictly and its title, author, subject and keywords are the data's. */
function checkXmp(pdf: Buffer, t: Texts): void {
  const doc = parseStrict(xmpPacket(pdf), 'XMP');
  expect(xmpValue(doc, 'dc:title')).toBe(expected(t.title));
  expect(xmpValue(doc, 'dc:creator')).toBe(expected(t.author));
  expect(xmpValue(doc, 'dc:description')).toBe(expected(`${t.title}: ${t.subtitle}`));
  // The keywords may carry more (the marking, say) but hold the data's as written.
  expect(xmpValue(doc, 'pdf:Keywords')).toContain(expected(t.keywords.join(', ')));
}

/** Text runs of a slide or notes part, slide-number fields left out, joined. */
function runText(doc: XmlDocument): string {
  return elements(doc, 'a:t').filter((e) => !inside(e, 'a:fld')).map((e) => e.textContent ?? '').join('');
}

/** What the deck's text boxes on a slide hold: its text frames' spans (line breaks become paragraphs). */
function planText(plan: SlidePlan): string {
  return plan.frames.flatMap((f) => (f.kind === 'text' ? f.paras.flatMap((p) => p.spans.map((s) => s.text)) : [])).join('');
}

async function checkDeck(t: Texts): Promise<void> {
  const r = await buildOk({ data: briefingOf(t) });
  const parts = await officeParts(r.pptx);
  expect(parts.size).toBeGreaterThan(20);

  // Package properties: core.xml (escaped by pptxgenjs) and app.xml (escaped by us).
  const core = parts.get('docProps/core.xml');
  const app = parts.get('docProps/app.xml');
  if (!core || !app) throw new Error('no docProps');
  expect(texts(core, 'dc:title')).toEqual([expected(t.title)]);
  expect(texts(core, 'dc:creator')).toEqual([expected(t.author)]);
  expect(texts(core, 'dc:subject')).toEqual([expected(`${t.title}: ${t.subtitle}`)]);
  expect(texts(app, 'Company')).toEqual([expected(t.author)]);

  // Slides and notes: exactly the text the layout holds; chart frames' alt text and names.
  r.plans.forEach((plan, i) => {
    const slide = parts.get(`ppt/slides/slide${i + 1}.xml`);
    const notes = parts.get(`ppt/notesSlides/notesSlide${i + 1}.xml`);
    if (!slide || !notes) throw new Error(`no slide ${i + 1}`);
    expect(runText(slide), `slide ${i + 1}`).toBe(expected(planText(plan)).replace(/\r?\n/g, ''));
    const note = notesText(plan);
    if (note) expect(runText(notes), `notes ${i + 1}`).toBe(expected(note));
    const frames = elements(slide, 'p:graphicFrame').map((g) => elements(g, 'p:cNvPr')[0]);
    const charts = plan.frames.flatMap((f) => (f.kind === 'chart' ? [f] : []));
    expect(frames).toHaveLength(charts.length);
    charts.forEach((f, k) => expect(frames[k]?.getAttribute('descr'), `slide ${i + 1} alt`).toBe(expectedAttr(f.alt)));
  });

  // Charts: every series label is a series or category name, in the chart and its workbook.
  const chartValues = [...parts].filter(([n]) => /^ppt\/charts\/chart\d+\.xml$/.test(n)).flatMap(([, d]) => texts(d, 'c:v'));
  const shared = [...parts].filter(([n]) => n.endsWith('!xl/sharedStrings.xml')).flatMap(([, d]) => texts(d, 't'));
  expect(chartValues.length).toBeGreaterThan(0);
  for (let j = 0; j < 2; j++) {
    const label = expected(`${t.series[j] ?? ''} ${j}`);
    expect(chartValues, 'chart XML').toContain(label);
    expect(shared, 'chart workbook').toContain(label);
  }

  checkXmp(r.pdf, t);
}

describe('the strict reader itself', () => {
  it.each([
    ['a bare &', '<a>Foreign Affairs & Trade</a>'], ['an unknown entity', '<a>&bogus;</a>'], ['a raw <', '<a>x <b> y</a>'],
    [']]> in text', '<a>x ]]> y</a>'], ['U+0001', '<a>\u0001</a>'], ['&#0;', '<a>&#0;</a>'], ['&#xFFFE;', '<a>&#xFFFE;</a>'],
    ['U+FFFF', '<a>\uffff</a>'], ['a lone surrogate', '<a>\ud800</a>'], ['U+FFFD (a lost character)', '<a>\ufffd</a>'],
    ['< in an attribute', '<a b="<"/>'], ['a quote in an attribute', '<a b="x"y"/>'], ['mismatched tags', '<a><b></a>'],
  ])('refuses %s', (_n, xml) => {
    expect(() => parseStrict(xml, 'test')).toThrow();
  });

  it.each([
    ['escaped text', '<a>A &amp; B &lt;c&gt; &quot; &apos; ]]&gt; &#x41; &#65;</a>'], ['astral and bidi', '<a b="\u202e">😀 𝔸 \u2066x\u2069</a>'],
    ['CDATA holding ]]', '<a><![CDATA[x ]] y]]></a>'],
  ])('accepts %s', (_n, xml) => {
    expect(parseStrict(xml, 'test').documentElement?.nodeName).toBe('a');
  });
});

describe('every XML part is well-formed and reads back as the data', () => {
  it('the issue\'s example: an author with "&" (app.xml was not well-formed)', async () => {
    const author = 'Foreign Affairs & International Trade';
    const r = await buildOk({ data: { ...baseData(), author } });
    const parts = await officeParts(r.pptx);
    expect(texts(parts.get('docProps/app.xml') as XmlDocument, 'Company')).toEqual([author]);
    expect(texts(parts.get('docProps/core.xml') as XmlDocument, 'dc:creator')).toEqual([author]);
  });

  it('text that names a part (chart4.xml) is never renumbered, however many decks the process made', async () => {
    await buildOk({ data: baseData() });
    // pptxgenjs numbers charts per process: by now this deck's parts are chart4+ before renumbering.
    const title = Array.from({ length: 12 }, (_v, i) => `chart${i + 1}.xml`).join(' ');
    const r = await buildOk({ data: { ...baseData(), title, subtitle: 'Microsoft_Excel_Worksheet5.xlsx' } });
    const parts = await officeParts(r.pptx);
    expect(texts(parts.get('docProps/core.xml') as XmlDocument, 'dc:title')).toEqual([title]);
    expect(texts(parts.get('docProps/core.xml') as XmlDocument, 'dc:subject')).toEqual([`${title}: Microsoft_Excel_Worksheet5.xlsx`]);
    expect(runText(parts.get('ppt/slides/slide1.xml') as XmlDocument)).toContain(title);
    // The references themselves are renumbered from 1.
    expect([...parts.keys()].filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))).toEqual(['ppt/charts/chart1.xml', 'ppt/charts/chart2.xml', 'ppt/charts/chart3.xml']);
  });

  it.each([
    ['U+0001', '\u0001'], ['ESC', '\u001b'], ['BEL', '\u0007'], ['CR', '\r'], ['U+000C', '\f'], ['NEL (C1)', '\u0085'], ['CSI (C1)', '\u009b'],
  ])('a title holding %s is refused by the data stage, so it never reaches a part', async (_n, ch) => {
    const { buildSlides } = await import('../../src/build/index.js');
    const r = await buildSlides({ data: { ...baseData(), title: `A${ch}B` } });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toContain('data/control-char');
  });

  it(`PPTX parts and the deck's XMP, ${DECK_RUNS} decks of hostile text (property)`, async () => {
    await fc.assert(fc.asyncProperty(texts$, checkDeck), { seed: SEED, numRuns: DECK_RUNS, endOnFailure: true });
  }, 600_000);

  it(`the briefing PDF's XMP, ${PDF_RUNS} briefings of hostile text (property)`, async () => {
    await fc.assert(fc.asyncProperty(texts$, async (t) => {
      const r = await buildBriefing({ data: briefingOf(t) });
      if (!r.ok) throw new Error(JSON.stringify(r.diagnostics.filter((d) => d.severity === 'error')));
      checkXmp(r.pdf, t);
    }), { seed: SEED + 1, numRuns: PDF_RUNS, endOnFailure: true });
  }, 600_000);
});
