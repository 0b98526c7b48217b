import { beforeAll, describe, expect, it } from 'vitest';
import type { Document as XmlDocument, Element as XmlElement } from '@xmldom/xmldom';
import { renderCharts, seriesRegistry } from '../../src/charts/index.js';
import type { DrawOp } from '../../src/charts/index.js';
import { loadBriefing } from '../../src/data/index.js';
import type { Briefing } from '../../src/data/types.js';
import { patchChartXml } from '../../src/pptx/chart-xml.js';
import { defaultTheme } from '../../src/theme/index.js';
import { baseData, buildOk } from './helpers.js';
import { elements, officeParts, parseStrict } from './xml-strict.js';

const EX = { field: 'exports', label: 'Exports' };
const IM = { field: 'imports', label: 'Imports' };
const TW = { field: 'twoWay', label: 'Two-way' };

/** Thirty years of 10-digit KRW figures that add up, 2002 derived. */
function years(): Record<string, unknown>[] {
  return Array.from({ length: 30 }, (_, i) => {
    const exports = 1_000_000_000 + i * 123_456_789, imports = 2_000_000_000 + i * 98_765_432;
    return {
      year: 1990 + i, exports, imports, twoWay: exports + imports, balance: exports - imports,
      ...(i === 12 ? { derived: 'Derived from later figures and growth rates.' } : {}),
    };
  });
}

function data(): Record<string, unknown> {
  const base = baseData();
  const trade = base['trade'] as Record<string, unknown>;
  return {
    ...base,
    trade: { ...trade, currency: 'KRW', unit: 'one', years: years() },
    charts: [
      { name: 'bars', type: 'grouped-bar', title: 'Bars', series: [EX, IM] },
      { name: 'lines', type: 'line', title: 'Lines', series: [IM, TW] },
      { name: 'one', type: 'grouped-bar', title: 'One series', series: [IM] },
      { name: 'balance', type: 'balance', title: 'Balance', series: [{ field: 'balance', label: 'Balance' }] },
    ],
  };
}

/** Child elements of `e` by local name, in order. */
const children = (e: XmlElement): string[] =>
  Array.from({ length: e.childNodes.length }, (_, i) => e.childNodes[i]).flatMap((n) => (n && n.nodeType === 1 ? [(n as XmlElement).localName ?? ''] : []));
const first = (e: XmlDocument | XmlElement, q: string): XmlElement | undefined => elements(e, q)[0];

/** Series of a chart part: name, colour, shown/hidden labels, patterned points, child order. */
function seriesOf(doc: XmlDocument): { name: string; colour: string; hidden: number[]; patterns: number[]; open: number[]; order: string[]; points: number }[] {
  return elements(doc, 'c:ser').map((ser) => {
    const sp = children(ser).includes('spPr') ? elements(ser, 'c:spPr')[0] : undefined;
    const colour = sp ? first(sp, 'a:srgbClr')?.getAttribute('val') ?? '' : '';
    const dLbls = first(ser, 'c:dLbls');
    const hidden = (dLbls ? elements(dLbls, 'c:dLbl') : [])
      .filter((l) => first(l, 'c:delete')?.getAttribute('val') === '1')
      .map((l) => Number(first(l, 'c:idx')?.getAttribute('val')));
    const dPts = elements(ser, 'c:dPt');
    const idx = (p: XmlElement): number => Number(first(p, 'c:idx')?.getAttribute('val'));
    return {
      name: first(first(ser, 'c:tx') as XmlElement, 'c:v')?.textContent ?? '',
      colour,
      hidden,
      patterns: dPts.filter((p) => first(p, 'a:pattFill')).map(idx),
      open: dPts.filter((p) => first(p, 'c:marker')).map(idx),
      order: children(ser),
      points: Number(first(first(ser, 'c:val') as XmlElement, 'c:ptCount')?.getAttribute('val')),
    };
  });
}

/** Legend swatch colours of a drawing (`#rrggbb` upper-case, no `#`), by legend text. */
function swatches(ops: readonly DrawOp[]): Map<string, string> {
  const out = new Map<string, string>();
  let fill: string | undefined;
  for (const op of ops) {
    if (op.kind === 'path' && op.paint.fill) fill = op.paint.fill;
    if (op.kind === 'text' && fill && !out.has(op.text)) out.set(op.text, fill.replace('#', '').toUpperCase());
  }
  return out;
}

describe('PPTX charts: one colour per series, the PDF\u2019s, patterns and thinned labels', () => {
  let charts: XmlDocument[];
  let briefing: Briefing;
  beforeAll(async () => {
    const deck = await buildOk({ data: data(), name: 'krw.json' });
    const parts = await officeParts(deck.pptx);
    charts = [...parts.entries()].filter(([n]) => /^ppt\/charts\/chart\d+\.xml$/.test(n))
      .sort(([a], [b]) => Number(/(\d+)\.xml/.exec(a)?.[1]) - Number(/(\d+)\.xml/.exec(b)?.[1])).map(([, d]) => d);
    const loaded = loadBriefing({ file: 'krw.json', text: JSON.stringify(data()) });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
    briefing = loaded.value.briefing;
  }, 120_000);

  it('bar and line charts do not vary colours by point', () => {
    expect(charts).toHaveLength(4);
    for (const c of charts) expect(elements(c, 'c:varyColors').map((e) => e.getAttribute('val'))).toEqual(['0']);
  });

  it('a series has one colour in every chart, equal to the PDF legend\u2019s', () => {
    const { assets } = renderCharts({ briefing, theme: defaultTheme, width: 451.28 });
    const pdf = new Map([...assets.values()].flatMap((a) => [...swatches(a.ops)]));
    const [bars, lines, one] = charts.map(seriesOf);
    const colour = (ss: ReturnType<typeof seriesOf> | undefined, name: string): string | undefined => ss?.find((s) => s.name === name)?.colour;
    expect(colour(bars, 'Imports')).toBe(colour(lines, 'Imports'));
    expect(colour(one, 'Imports')).toBe(colour(bars, 'Imports'));
    expect(colour(bars, 'Exports')).not.toBe(colour(bars, 'Imports'));
    expect(colour(lines, 'Two-way')).not.toBe(colour(bars, 'Exports'));
    for (const name of ['Exports', 'Imports', 'Two-way']) {
      const want = seriesRegistry(briefing.charts, defaultTheme).styles.get(name === 'Two-way' ? 'twoWay' : name.toLowerCase())?.color.replace('#', '').toUpperCase();
      expect(pdf.get(name)).toBe(want);
      for (const ss of [bars, lines, one]) if (colour(ss, name)) expect(colour(ss, name)).toBe(want);
    }
    // A single series: no point coloured on its own except its derived year's hatching.
    const single = (one ?? [])[0];
    expect(single?.patterns).toEqual([12]);
    const colours = elements(charts[2] as XmlDocument, 'c:dPt').flatMap((p) => elements(p, 'a:fgClr').map((f) => first(f, 'a:srgbClr')?.getAttribute('val')));
    expect(new Set(colours)).toEqual(new Set([colour(one, 'Imports')]));
  });

  it('derived years are hatched (bars) or open (lines), deficits dotted; points before labels before categories', () => {
    const [bars, lines, , balance] = charts.map(seriesOf);
    for (const s of bars ?? []) expect(s.patterns).toEqual([12]);
    for (const s of lines ?? []) expect(s.open).toEqual([12]);
    // Every year is a deficit here: all dotted, the derived one hatched.
    const dots = elements(charts[3] as XmlDocument, 'a:pattFill').map((p) => p.getAttribute('prst'));
    expect(dots.filter((d) => d === 'pct75')).toHaveLength(29);
    expect(dots.filter((d) => d === 'wdUpDiag')).toHaveLength(1);
    for (const s of [...(bars ?? []), ...(lines ?? []), ...(balance ?? [])]) {
      const at = (n: string): number => s.order.lastIndexOf(n);
      if (s.order.includes('dPt')) expect(at('dPt')).toBeLessThan(s.order.indexOf('dLbls'));
      expect(s.order.indexOf('dLbls')).toBeLessThan(s.order.indexOf('cat'));
    }
  });

  it('long series label only some points, first and last among them', () => {
    const lines = seriesOf(charts[1] as XmlDocument);
    for (const s of lines) {
      expect(s.points).toBe(30);
      expect(s.hidden.length).toBeGreaterThan(0);
    }
    // Some labels stay: thinned, not all dropped, and none of the middle ones before an end.
    const shown = lines.flatMap((s) => Array.from({ length: 30 }, (_, i) => i).filter((i) => !s.hidden.includes(i)));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(30);
    expect(shown.some((i) => i === 0 || i === 29)).toBe(true);
  });

  it('patchChartXml leaves a chart without changes as it is', () => {
    const xml = '<c:chartSpace><c:ser><c:idx val="0"/><c:dLbls><c:showVal val="1"/></c:dLbls><c:cat/></c:ser></c:chartSpace>';
    expect(patchChartXml(xml, { series: [{ points: [], hiddenLabels: [], bar: true }] })).toBe(xml);
    const out = patchChartXml(xml, { series: [{ points: [{ kind: 'pattern', idx: 2, preset: 'wdUpDiag', fg: '112233', bg: 'DDEEFF' }], hiddenLabels: [1], bar: true }] });
    expect(() => parseStrict(out.replace('<c:chartSpace>', '<c:chartSpace xmlns:c="c" xmlns:a="a">'), 'patched')).not.toThrow();
    expect(out).toContain('<c:dPt><c:idx val="2"/><c:invertIfNegative val="0"/>');
    expect(out.indexOf('<c:dPt>')).toBeLessThan(out.indexOf('<c:dLbls>'));
    expect(out).toContain('<c:dLbls><c:dLbl><c:idx val="1"/><c:delete val="1"/></c:dLbl><c:showVal val="1"/>');
  });
});
