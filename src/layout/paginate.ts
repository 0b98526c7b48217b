import { fail } from '../diag/index.js';
import type { Atom } from './atom.js';

/** An atom placed on a page, `y` from the top of the page's content area (pt). */
export interface Placed {
  readonly atom: Atom;
  readonly y: number;
}

export interface PageSlot {
  readonly placed: Placed[];
  /** Footnote numbers printed at the foot of this page, in order. */
  readonly notes: number[];
  /** A page left blank so the next starts on the right (duplex). */
  readonly blank: boolean;
  /** Part of the front matter (cover, contents). */
  readonly front: boolean;
}

export interface PaginateInput {
  readonly atoms: readonly Atom[];
  /** Height of the content area (pt). */
  readonly height: number;
  /** Height (pt) of footnote `n` when set at the page foot. */
  readonly noteHeight: (n: number) => number;
  /** Space above the first footnote on a page, for the separator rule (pt). */
  readonly noteSeparator: number;
  /** Whether blank pages are inserted so `recto` atoms start on a right-hand page. */
  readonly duplex: boolean;
}

const EPS = 0.01;
/** A tall atom is split on the current page only when at least this much room is left (pt). */
const MIN_SPLIT_ROOM = 36;
/**
 * A page that would end less full than this share of its height is near-empty: an atom that
 * can split is split there rather than moved on whole.
 */
export const NEAR_EMPTY = 1 / 3;

/** A figure waiting for the top of the next page while the text after it fills this one. */
interface Float {
  /** The figure's atoms, in order. */
  readonly atoms: readonly Atom[];
  /** Where it would have stood on the current page (an index into `placed`). */
  readonly at: number;
  /** Headings of this level or higher end the text that may fill in (its section ends). */
  readonly stopLevel: number;
}

/**
 * Distributes atoms over pages. Pure: the same atoms give the same pages.
 * Rules: an atom never breaks; no break after an atom that keeps with the next (headings,
 * first and next-to-last lines of paragraphs) unless a page holds nothing else; an atom
 * taller than a page is split, and so is one whose move would leave the page near-empty;
 * footnotes go to the foot of the page that references them; a break before an atom with a
 * continuation repeats it (table captions and header rows). A figure (`float`) whose head does
 * not fit goes to the top of the next page, and the text after it fills the room it leaves,
 * up to the end of its section (the next heading of the same or a higher level), a forced
 * break or the next figure. An atom that cannot split and is taller than a page is a located
 * error (`layout/too-tall`), never an overflow.
 */
export function paginate(input: PaginateInput): PageSlot[] {
  const H = input.height;
  const pages: PageSlot[] = [];
  const queue: Atom[] = [...input.atoms];
  const notesDone = new Set<number>();
  // Pages are body pages until an atom ends the front matter: then every page so far is front.
  const newPage = (blank = false): PageSlot => ({ placed: [], notes: [], blank, front: false });
  let cur = newPage();
  let y = 0;
  const isContinuation = new Set<Atom>();
  let float: Float | null = null;
  /** Level of the last heading met: the section a figure that floats belongs to. */
  let level = Infinity;

  const noteH = (notes: readonly number[]): number =>
    notes.length ? input.noteSeparator + notes.reduce((s, n) => s + input.noteHeight(n), 0) : 0;
  /** Closes the page. `repeat`: the next page starts with queue[0], so repeat its continuation. */
  const finish = (repeat = true): void => {
    for (const n of cur.notes) notesDone.add(n);
    pages.push(cur);
    cur = newPage();
    y = 0;
    const next = repeat ? queue[0] : undefined;
    if (next?.continuation?.length) {
      queue.unshift(...next.continuation);
      for (const c of next.continuation) isContinuation.add(c);
    }
    // A floating figure opens the next page, above any repeated table header.
    if (float) {
      queue.unshift(...float.atoms);
      float = null;
    }
  };
  const place = (a: Atom, sb: number, fresh: readonly number[]): void => {
    cur.placed.push({ atom: a, y: y + sb });
    y += sb + a.height;
    cur.notes.push(...fresh);
  };
  const freshNotes = (atoms: readonly Atom[]): number[] =>
    [...new Set(atoms.flatMap((a) => a.notes))].filter((n) => !notesDone.has(n) && !cur.notes.includes(n));
  /** The first of the atoms ending at `end` that keep with what follows them (they move with it). */
  const keepStart = (end: number): number => {
    let k = end;
    while (k > 0 && (cur.placed[k - 1] as Placed).atom.keepWithNext) k--;
    return k;
  };
  /** Takes atoms `k..` off the page (back to the queue, by the caller), with their footnotes. */
  const takeFrom = (k: number): Atom[] => {
    const moved = cur.placed.splice(k).map((p) => p.atom);
    const kept = new Set(cur.placed.flatMap((p) => p.atom.notes));
    cur.notes.splice(0, cur.notes.length, ...cur.notes.filter((n) => kept.has(n)));
    return moved;
  };
  /** Whether the figure starting with `a` should float: its head does not fit here but would at a page top. */
  const floats = (a: Atom, sb: number): boolean => {
    if (!a.float || cur.placed.length === 0) return false;
    const head: Atom[] = [];
    for (const g of [a, ...queue.slice(0, a.float.size - 1)]) {
      head.push(g);
      if (!g.keepWithNext) break;
    }
    const h = head.reduce((s, g, i) => s + (i > 0 ? g.spaceBefore : 0) + g.height, 0);
    const fresh = freshNotes(head);
    if (y + sb + h + noteH([...cur.notes, ...fresh]) <= H + EPS) return false;
    // A head taller than a page gains nothing by moving; a page holding only a heading (or
    // repeated header rows) keeps with the figure instead, as usual.
    if (h + noteH(fresh) > H + EPS) return false;
    return !cur.placed.every((p) => p.atom.keepWithNext || isContinuation.has(p.atom));
  };
  /** May `a` fill the room a floating figure left? Not past its section, a forced break or another figure. */
  const fills = (a: Atom | undefined, f: Float): boolean =>
    a !== undefined && !a.breakBefore && !a.recto && !a.float && !(a.anchor && a.anchor.level <= f.stopLevel);
  /**
   * Ends the page a figure floats from. Fillers that keep with what follows move on with it;
   * when no text filled the room, what keeps with the figure (its heading) moves with it.
   */
  const closeFloat = (f: Float): void => {
    let end = Math.max(f.at, keepStart(cur.placed.length));
    if (!cur.placed.slice(f.at, end).some((p) => !p.atom.discardable)) end = keepStart(f.at) || f.at;
    requeueAround(f, takeFrom(end), end);
    finish(false);
  };
  /** Puts atoms taken off the page back in the queue, the floating figure after those that preceded it. */
  const requeueAround = (f: Float, moved: readonly Atom[], from: number, ...rest: Atom[]): void => {
    const before = Math.max(0, f.at - from);
    queue.unshift(...moved.slice(0, before), ...f.atoms, ...moved.slice(before), ...rest);
    float = null;
  };

  while (queue.length > 0 || float) {
    if (float && !fills(queue[0], float)) {
      closeFloat(float);
      continue;
    }
    const a = queue.shift() as Atom;
    if (a.anchor) level = a.anchor.level;
    if (a.breakBefore || a.recto) {
      // A break atom with height starts the next page itself (it is out of the queue already):
      // repeating queue[0]'s continuation would put it after `a`, mid-page.
      if (cur.placed.length > 0) finish(a.height === 0);
      if (a.recto && input.duplex && pages.length % 2 === 1) {
        pages.push(newPage(true));
      }
      if (a.endsFrontMatter) {
        // Pages so far were front matter.
        for (let i = 0; i < pages.length; i++) pages[i] = { ...(pages[i] as PageSlot), front: true };
      }
      if (a.height === 0) continue;
    }
    // Vertical gaps between blocks vanish at the top of a page, and at its foot.
    if (a.discardable && cur.placed.length === 0) continue;
    const sb = cur.placed.length > 0 ? a.spaceBefore : 0;
    if (!float && a.float && floats(a, sb)) {
      float = { atoms: [a, ...queue.splice(0, a.float.size - 1)], at: cur.placed.length, stopLevel: level };
      continue;
    }
    const fresh = freshNotes([a]);
    const need = y + sb + a.height + noteH([...cur.notes, ...fresh]);
    if (need <= H + EPS) {
      place(a, sb, fresh);
      continue;
    }
    if (a.discardable) {
      finish();
      continue;
    }
    const room = H - y - sb - noteH([...cur.notes, ...fresh]);
    // Where the page ends if `a` moves on: before the atoms at its foot that keep with it.
    let k = keepStart(cur.placed.length);
    const cut = cur.placed[k];
    const endsAt = cut ? cut.y - (k > 0 ? cut.atom.spaceBefore : 0) : y;
    // Below nothing but repeated headers the page is as good as it gets: an atom that does not
    // fit there is split under them (if it can be) rather than pushing them off the page. So is
    // one whose move would leave the page near-empty.
    const belowRepeats = cur.placed.length > 0 && cur.placed.every((p) => isContinuation.has(p.atom));
    const nearEmpty = endsAt < H * NEAR_EMPTY;
    const tall = a.height > H - noteH(fresh) + EPS || belowRepeats || nearEmpty;
    // A split is started in little room only when the alternative is a near-empty page.
    if (tall && a.split && (cur.placed.length === 0 || room >= MIN_SPLIT_ROOM || (nearEmpty && room > 0))) {
      const parts = a.split(room);
      if (parts) {
        const [head, tail] = parts.map((p) => (p.loc || !a.loc ? p : { ...p, loc: a.loc })) as [Atom, Atom];
        place(head, sb, fresh.filter((n) => head.notes.includes(n)));
        queue.unshift(tail);
        finish();
        continue;
      }
    }
    if (cur.placed.length === 0) {
      if (a.height > H + EPS) tooTall(a, H);
      // It fits a page, but not with its footnotes: it stands alone on its page.
      place(a, 0, fresh);
      finish();
      continue;
    }
    // Break before `a`, moving back the atoms that must stay with it.
    if (k === 0 || cur.placed.slice(0, k).every((p) => isContinuation.has(p.atom))) {
      if (cur.placed.every((p) => isContinuation.has(p.atom))) {
        // Only repeated headers so far: drop them and give the atom the whole page.
        cur.placed.length = 0;
        cur.notes.length = 0;
        y = 0;
        queue.unshift(a);
        continue;
      }
      k = cur.placed.length; // a keep chain longer than a page: break it here.
    }
    if (float && k < float.at) {
      // The keep chain reaches back past the figure: it stands where it was, before the text.
      requeueAround(float, takeFrom(k), k, a);
      finish();
      continue;
    }
    queue.unshift(...takeFrom(k), a);
    finish();
  }
  if (cur.placed.length > 0 || pages.length === 0) pages.push(cur);
  return pages;
}

/** An atom that no page can hold: a located error, never an overflow. */
function tooTall(a: Atom, height: number): never {
  return fail('layout/too-tall', `this block is ${Math.round(a.height)} pt tall and cannot be split, but a page holds ${Math.round(height)} pt`, {
    loc: a.loc,
    hint: 'shorten it or divide it into smaller blocks (a chart: a shorter title, fewer categories or series)',
  });
}
