/**
 * Splitting a slide's items (points, key figures) over a slide and its "(cont.)" slides: the
 * fewest slides, then the most even fill, and never one item alone on a continuation slide
 * when two items can share one (5 equal items over 2 slides go 3 + 2, never 4 + 1).
 */

/** What a split needs: item heights (pt), the gap between items, and each slide's room. */
export interface SplitInput {
  readonly heights: readonly number[];
  /** Space between two items on one slide (pt). */
  readonly gap: number;
  /** Room (pt) on the first slide, and on each continuation slide (its title may differ). */
  readonly first: number;
  readonly rest: number;
  /**
   * Items that may stand alone on a continuation slide: pieces of one item too tall for a
   * slide, which cannot be helped.
   */
  readonly alone?: (i: number) => boolean;
}

const EPS = 0.01;

/**
 * The group sizes (items per slide, in order) of the best split with every slide filled to at
 * most `t` of its room, or undefined when there is none. Continuation groups hold two items or
 * more unless `alone` allows one (or `loose` is set, when no split obeys that rule).
 */
function splitAt(input: SplitInput, t: number, loose: boolean): number[] | undefined {
  const { heights: h, gap } = input;
  const n = h.length;
  const okSize = (a: number, b: number): boolean => loose || b - a >= 2 || (input.alone?.(a) ?? false);
  // best[i]: fewest continuation groups covering items [i, n); next[i]: the end of the first one.
  const best: number[] = new Array<number>(n + 1).fill(Infinity);
  const next: number[] = new Array<number>(n + 1).fill(-1);
  best[n] = 0;
  for (let i = n - 1; i >= 0; i--) {
    let sum = -gap;
    for (let j = i + 1; j <= n; j++) {
      sum += (h[j - 1] ?? 0) + gap;
      if (sum > input.rest * t + EPS) break;
      if (!okSize(i, j)) continue;
      const c = 1 + (best[j] ?? Infinity);
      // `<=` keeps the longest group that is as good: earlier slides take the extra item.
      if (c <= (best[i] ?? Infinity)) {
        best[i] = c;
        next[i] = j;
      }
    }
  }
  let bestFirst = -1;
  let bestCount = Infinity;
  let sum = -gap;
  for (let a = 1; a <= n; a++) {
    sum += (h[a - 1] ?? 0) + gap;
    if (sum > input.first * t + EPS) break;
    const c = 1 + (best[a] ?? Infinity);
    if (c <= bestCount) {
      bestCount = c;
      bestFirst = a;
    }
  }
  if (n === 0) return [];
  if (bestFirst < 0 || bestCount === Infinity) return undefined;
  const sizes = [bestFirst];
  for (let i = bestFirst; i < n; i = next[i] ?? n) sizes.push((next[i] ?? n) - i);
  return sizes;
}

/**
 * Splits items into slides: the fewest slides that hold them, then the most even split (the
 * smallest largest fill), then earlier slides fuller. Every item must fit a slide by itself
 * (split taller ones first). Undefined when even that fails.
 */
export function splitItems(input: SplitInput): number[] | undefined {
  const loose = splitAt(input, 1, false) === undefined;
  const plain = splitAt(input, 1, loose);
  if (!plain) return undefined;
  const k = plain.length;
  // The smallest fill that still needs no more slides, by bisection.
  let lo = 0;
  let hi = 1;
  for (let step = 0; step < 24; step++) {
    const mid = (lo + hi) / 2;
    const s = splitAt(input, mid, loose);
    if (s && s.length <= k) hi = mid;
    else lo = mid;
  }
  return splitAt(input, hi, loose) ?? plain;
}

/** `n` items in the fewest groups of at most `max` (max >= 3), as even as can be, larger first. */
export function evenGroups(n: number, max: number): number[] {
  if (n <= 0) return [];
  const k = Math.ceil(n / max);
  const base = Math.floor(n / k);
  return Array.from({ length: k }, (_v, i) => base + (i < n % k ? 1 : 0));
}
