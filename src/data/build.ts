/**
 * Builds the {@link Briefing} templates see from schema-valid input: a fresh, deep-frozen
 * plain object with NFC-normalised strings, defaults filled in, years sorted and chart
 * locations attached.
 */
import { defaultScheme, markingBanner } from '../marking/index.js';
import type { MarkingScheme } from '../marking/index.js';
import { buildBlock } from './blocks.js';
import type { BriefingInput, ChartInput, SectionInput, TradeInput } from './input.js';
import { buildKindFields } from './kinds.js';
import type { Locator } from './locator.js';
import type { PathSeg } from './paths.js';
import type { Briefing, ChartSpec, Section, Trade, TradeYear } from './types.js';

/** The built briefing and, for locating fields, the source index of each output trade year. */
export interface Built {
  readonly briefing: Briefing;
  /** `yearSource[i]` is the index in the file of `briefing.trade.years[i]`. */
  readonly yearSource: readonly number[];
}

const nfc = (s: string): string => s.normalize('NFC');

/** Spreads `{ [key]: value }` only when the value is defined. */
function opt<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function optText<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return opt(key, value === undefined ? undefined : nfc(value));
}

function section(s: SectionInput): Section {
  return { id: s.id, title: nfc(s.title), ...optText('intro', s.intro), bullets: (s.bullets ?? []).map(nfc), blocks: (s.blocks ?? []).map((b) => buildBlock(b, 3)) };
}

function tradeYear(y: TradeYear): TradeYear {
  return { year: y.year, exports: y.exports, imports: y.imports, twoWay: y.twoWay, balance: y.balance, ...optText('derived', y.derived) };
}

function trade(t: TradeInput, order: readonly number[]): Trade {
  return {
    currency: t.currency,
    unit: t.unit,
    reporter: nfc(t.reporter),
    partner: nfc(t.partner),
    years: order.map((i) => tradeYear(t.years[i] as TradeYear)),
    growth: (t.growth ?? []).map((g) => ({ measure: g.measure, year: g.year, percent: g.percent })),
    rankings: (t.rankings ?? []).map((r) => ({ year: r.year, measure: nfc(r.measure), scope: nfc(r.scope), rank: r.rank })),
    topExports: (t.topExports ?? []).map(nfc),
    topImports: (t.topImports ?? []).map(nfc),
    ...opt('wording', t.wording && {
      ...optText('reporterAdjective', t.wording.reporterAdjective),
      ...optText('toPartner', t.wording.toPartner),
      ...optText('fromPartner', t.wording.fromPartner),
    }),
  };
}

function chart(c: ChartInput, i: number, locator: Locator): ChartSpec {
  return {
    name: c.name,
    type: c.type,
    title: nfc(c.title),
    ...optText('caption', c.caption),
    ...optText('source', c.source),
    ...opt('notes', c.notes?.map(nfc)),
    ...opt('x', c.x),
    ...opt('year', c.year),
    series: c.series.map((s) => ({ field: s.field, label: nfc(s.label) })),
    ...opt('showTable', c.showTable),
    ...opt('size', c.size),
    loc: locator.value(['charts', i]),
  };
}

/** Freezes `v` and everything reachable from it. */
export function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/** Builds the briefing from input that passed the schema and the semantic checks. */
export function buildBriefing(b: BriefingInput, locator: Locator, scheme: MarkingScheme = defaultScheme): Built {
  const years = b.trade?.years ?? [];
  const yearSource = years.map((_, i) => i).sort((p, q) => (years[p]?.year ?? 0) - (years[q]?.year ?? 0));
  const briefing: Briefing = {
    // A kind's own fields (`programme`, `person`, …) first: the briefing's fields cannot be overridden.
    ...buildKindFields(b, scheme, b.language),
    id: b.id,
    language: b.language,
    title: nfc(b.title),
    ...optText('subtitle', b.subtitle),
    date: b.date,
    // The canonical banner in the briefing's language: every output prints this text.
    classification: markingBanner(b.classification, scheme, b.language),
    ...optText('author', b.author),
    ...optText('partner', b.partner),
    ...optText('source', b.source),
    ...opt('keywords', b.keywords?.map(nfc)),
    sections: b.sections.map(section),
    ...opt('trade', b.trade ? trade(b.trade, yearSource) : undefined),
    charts: (b.charts ?? []).map((c, i) => chart(c, i, locator)),
    ...opt('template', b.template),
  };
  return { briefing: deepFreeze(briefing), yearSource };
}

/** Rewrites an output path (`trade.years[0]…`) to the matching path in the file. */
export function sourcePath(segs: readonly PathSeg[], yearSource: readonly number[]): PathSeg[] {
  const out = [...segs];
  const i = out[2];
  if (out[0] === 'trade' && out[1] === 'years' && typeof i === 'number') out[2] = yearSource[i] ?? i;
  return out;
}
