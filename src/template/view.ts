import type { Briefing, ContentBlock, TradeYear } from '../data/index.js';

/**
 * The view model templates see: the validated briefing plus a few facts derived from it,
 * so templates do not compute. Plain objects only (Handlebars blocks prototype access).
 */
export interface ViewModel extends Briefing {
  readonly latest?: TradeYear;
  readonly previous?: TradeYear;
  /** Growth by measure for the latest year, in per cent. */
  readonly growth: Readonly<Record<string, number>>;
  /** Years whose values are derived, with how. */
  readonly derivedYears: readonly { readonly year: number; readonly derived: string }[];
  readonly currency: string;
  /** Names of the declared charts, in order. */
  readonly chartNames: readonly string[];
  readonly options: Readonly<Record<string, boolean>>;
}

export function buildView(b: Briefing, options: Readonly<Record<string, boolean>>): ViewModel {
  const years = b.trade?.years ?? [];
  const latest = years[years.length - 1];
  const previous = years[years.length - 2];
  const growth: Record<string, number> = {};
  for (const g of b.trade?.growth ?? []) if (latest && g.year === latest.year) growth[g.measure] = g.percent;
  const placed = placedCharts(b.sections.flatMap((s) => s.blocks));
  const derivedYears = years.flatMap((y) => (y.derived ? [{ year: y.year, derived: y.derived }] : []));
  return {
    ...b,
    ...(latest ? { latest } : {}),
    ...(previous ? { previous } : {}),
    growth,
    derivedYears,
    currency: b.trade?.currency ?? '',
    // Charts the author placed in a section's blocks are drawn there, not again at the end.
    chartNames: b.charts.map((c) => c.name).filter((n) => !placed.has(n)),
    options,
  };
}

/** Names of the charts placed by chart blocks, at any depth. */
function placedCharts(blocks: readonly ContentBlock[], out = new Set<string>()): Set<string> {
  for (const b of blocks) {
    if (b.kind === 'chart') out.add(b.name);
    else if (b.kind === 'subsection') placedCharts(b.blocks, out);
  }
  return out;
}
