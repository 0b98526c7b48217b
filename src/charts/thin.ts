/**
 * Label thinning and collision avoidance, as a pure function over boxes: the chart plugins
 * measure, this decides. Nothing here knows chart.js, so it is tested on its own.
 */

/** An axis-aligned box in chart space (pt, y down). */
export interface Box {
  readonly l: number;
  readonly t: number;
  readonly r: number;
  readonly b: number;
}

/** A label that may be printed, at one of a few positions. */
export interface LabelCandidate {
  /** The caller's id, returned with the placed label. */
  readonly id: number;
  /** Lower is placed first: 0 for labels worth keeping most (first, last, extremes). */
  readonly priority: number;
  /** Positions to try, best first (above the point, then below; outside the bar, then inside). */
  readonly boxes: readonly Box[];
  /** Index of the obstacle this label belongs to (its own bar), which it may overlap. */
  readonly own?: number;
}

/** Where labels may go and what they must keep clear of. */
export interface ThinOptions {
  /** Every kept label lies inside this box (the plot area). */
  readonly area: Box;
  /** Boxes no label may overlap (markers, bars). */
  readonly obstacles?: readonly Box[];
  /** Least distance (pt) between two kept labels, on either axis. */
  readonly gap: number;
  /** Other reasons to refuse a position (a label over a line of the chart). */
  readonly blocked?: (box: Box) => boolean;
}

/** A kept label: its id, its box and which of its positions (index into `boxes`) it took. */
export interface PlacedLabel {
  readonly id: number;
  readonly box: Box;
  readonly choice: number;
}

const finite = (b: Box): boolean => [b.l, b.t, b.r, b.b].every(Number.isFinite) && b.r >= b.l && b.b >= b.t;
const inside = (b: Box, a: Box): boolean => b.l >= a.l && b.r <= a.r && b.t >= a.t && b.b <= a.b;
const overlaps = (a: Box, b: Box): boolean => a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;
/** Closer than `gap` on both axes at once: the boxes, grown by `gap`, would overlap. */
const tooClose = (a: Box, b: Box, gap: number): boolean =>
  a.l < b.r + gap && b.l < a.r + gap && a.t < b.b + gap && b.t < a.b + gap;

/**
 * Chooses which labels to print and where: candidates in order of priority (then as given) take
 * their first position that lies inside the area, keeps `gap` from every label already kept and
 * clears every obstacle; a label with no such position is dropped (the alt text and the data
 * table carry every value). Kept labels come back in id order. Invariants: no two kept boxes are
 * closer than `gap`, and every kept box is inside `area`.
 */
export function thinLabels(candidates: readonly LabelCandidate[], o: ThinOptions): PlacedLabel[] {
  const gap = Number.isFinite(o.gap) && o.gap > 0 ? o.gap : 0;
  const order = candidates.map((c, i) => ({ c, i })).sort((x, y) => x.c.priority - y.c.priority || x.i - y.i);
  const kept: PlacedLabel[] = [];
  for (const { c } of order) {
    const choice = c.boxes.findIndex((b) =>
      finite(b) && inside(b, o.area) &&
      !kept.some((k) => tooClose(k.box, b, gap)) &&
      !(o.obstacles ?? []).some((x, j) => j !== c.own && overlaps(x, b)) &&
      !(o.blocked?.(b) ?? false));
    const box = c.boxes[choice];
    if (box) kept.push({ id: c.id, box, choice });
  }
  return kept.sort((a, b) => a.id - b.id);
}

/**
 * Priorities for the labels of one series of `n` points: 0 for the first, the last and the
 * extremes (`values` give the extremes; on screen, the highest and lowest point), then by
 * binary subdivision (the middle, then the quarters…), so that a greedy pass over a dense
 * series keeps labels spread evenly instead of packed at the left.
 */
export function labelPriorities(values: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return [];
  const finiteValues = values.map((v) => (Number.isFinite(v) ? v : 0));
  const max = finiteValues.indexOf(Math.max(...finiteValues));
  const min = finiteValues.indexOf(Math.min(...finiteValues));
  const levels = Math.max(1, Math.ceil(Math.log2(n)));
  return values.map((_, i) => {
    if (i === 0 || i === n - 1 || i === max || i === min) return 0;
    let tz = 0;
    while (tz < levels && i % 2 ** (tz + 1) === 0) tz++;
    return 1 + levels - tz;
  });
}
