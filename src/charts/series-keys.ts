import type { Theme } from '../theme/index.js';
import { seriesStyles } from './style.js';
import type { SeriesStyle } from './style.js';

/**
 * One style per series key for a whole document and its deck: the same trade field is painted
 * the same colour, dash and marker in every chart (bars, lines, doughnut slices, the PPTX), so a
 * reader who learnt "exports are blue" in the first chart is never misled by the next one.
 */
export interface SeriesRegistry {
  /** Keys in order of first appearance across the briefing's charts. */
  readonly keys: readonly string[];
  readonly styles: ReadonlyMap<string, SeriesStyle>;
}

/**
 * The key of each series of one chart: its trade field, with `#2`, `#3`… for the second and later
 * series of the same field in that chart (they still need styles of their own).
 */
export function seriesKeys(fields: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return fields.map((f) => {
    const n = (seen.get(f) ?? 0) + 1;
    seen.set(f, n);
    return n === 1 ? f : `${f}#${n}`;
  });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The series fields a spec plots, read defensively (the API hands over plain objects). */
function fieldsOf(spec: unknown): string[] {
  if (!isRecord(spec) || !Array.isArray(spec.series)) return [];
  return (spec.series as unknown[]).flatMap((s) => (isRecord(s) && typeof s.field === 'string' ? [s.field] : []));
}

/**
 * Builds the registry from every chart spec of a briefing, in spec order. Balance charts are
 * left out: their bars are painted by sign (surplus, deficit), not by series. Pure: equal specs
 * and theme give an equal registry, and nothing is kept between calls.
 */
export function seriesRegistry(specs: unknown, theme: Theme): SeriesRegistry {
  const keys: string[] = [];
  for (const spec of Array.isArray(specs) ? (specs as unknown[]) : []) {
    if (isRecord(spec) && spec.type === 'balance') continue;
    for (const k of seriesKeys(fieldsOf(spec))) if (!keys.includes(k)) keys.push(k);
  }
  const styles = seriesStyles(keys.length, theme);
  return { keys, styles: new Map(keys.map((k, i) => [k, styles[i] as SeriesStyle])) };
}

/**
 * Styles for a chart's series keys from the registry. A key the registry does not know (a chart
 * drawn with a registry from other specs) gets the next style after the registry's own, so it
 * never takes another key's colour.
 */
export function stylesFor(registry: SeriesRegistry, keys: readonly string[], theme: Theme): SeriesStyle[] {
  const missing = keys.filter((k, i) => !registry.styles.has(k) && keys.indexOf(k) === i);
  const extra = missing.length ? seriesStyles(registry.keys.length + missing.length, theme).slice(registry.keys.length) : [];
  return keys.map((k) => registry.styles.get(k) ?? (extra[missing.indexOf(k)] as SeriesStyle));
}
