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
 * Distributes atoms over pages. Pure: the same atoms give the same pages.
 * Rules: an atom never breaks; no break after an atom that keeps with the next (headings,
 * first and next-to-last lines of paragraphs) unless a page holds nothing else; an atom
 * taller than a page is split; footnotes go to the foot of the page that references them;
 * a break before an atom with a continuation repeats it (table captions and header rows).
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
  };
  const place = (a: Atom, sb: number, fresh: readonly number[]): void => {
    cur.placed.push({ atom: a, y: y + sb });
    y += sb + a.height;
    cur.notes.push(...fresh);
  };

  while (queue.length > 0) {
    const a = queue.shift() as Atom;
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
    const fresh = a.notes.filter((n) => !notesDone.has(n) && !cur.notes.includes(n));
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
    // Below nothing but repeated headers the page is as good as it gets: an atom that does not
    // fit there is split under them (if it can be) rather than pushing them off the page.
    const belowRepeats = cur.placed.length > 0 && cur.placed.every((p) => isContinuation.has(p.atom));
    const tall = a.height > H - noteH(fresh) + EPS || belowRepeats;
    if (tall && a.split && (cur.placed.length === 0 || room >= MIN_SPLIT_ROOM)) {
      const parts = a.split(room);
      if (parts) {
        place(parts[0], sb, fresh.filter((n) => parts[0].notes.includes(n)));
        queue.unshift(parts[1]);
        finish();
        continue;
      }
    }
    if (cur.placed.length === 0) {
      // Nothing can be done better: the atom stands alone on its page.
      place(a, 0, fresh);
      finish();
      continue;
    }
    // Break before `a`, moving back the atoms that must stay with it.
    let k = cur.placed.length;
    while (k > 0 && (cur.placed[k - 1] as Placed).atom.keepWithNext) k--;
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
    const moved = cur.placed.splice(k);
    const keptNotes = new Set(cur.placed.flatMap((p) => p.atom.notes));
    cur.notes.splice(0, cur.notes.length, ...cur.notes.filter((n) => keptNotes.has(n)));
    queue.unshift(...moved.map((p) => p.atom), a);
    finish();
  }
  if (cur.placed.length > 0 || pages.length === 0) pages.push(cur);
  return pages;
}
