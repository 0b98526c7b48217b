import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/diag/errors.js';
import type { Diagnostic } from '../../src/diag/types.js';
import { atom } from '../../src/layout/atom.js';
import type { Atom } from '../../src/layout/atom.js';
import type { LayoutContext } from '../../src/layout/context.js';
import { NEAR_EMPTY, paginate } from '../../src/layout/paginate.js';
import type { PageSlot, PaginateInput } from '../../src/layout/paginate.js';
import { linesToAtoms } from '../../src/layout/paragraph.js';
import type { Line } from '../../src/text/lines.js';

/*
 * Unit tests of the pure pagination function on synthetic atoms: plain boxes with a height and
 * keep/break/split rules, no fonts. Paragraph and heading atoms are made by the layout's own
 * `linesToAtoms` from empty lines, so their keep flags are the ones real paragraphs get.
 */

const H = 100;
const EPS = 0.01;

// ---------------------------------------------------------------------------------------------
// Atom builders. Every atom gets a name for readable expectations, and is wrapped in a proxy
// that counts property reads: a pagination loop that never ends trips the fuse instead of
// hanging the test run.

const names = new Map<Atom, string>();
/** Split parts and their original atom. */
const origin = new Map<Atom, Atom>();
let reads = 0;
const FUSE = 2_000_000;

function track(a: Atom, name: string): Atom {
  const p = new Proxy(a, {
    get(target, prop, receiver): unknown {
      if (++reads > FUSE) throw new Error('fuse: paginate() read atoms two million times (endless loop?)');
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  names.set(p, name);
  return p;
}

type Extra = Partial<Omit<Atom, 'height' | 'draw'>>;
const noop: Atom['draw'] = () => undefined;

/** A plain box. */
function box(name: string, height: number, extra: Extra = {}): Atom {
  return track(atom(height, noop, extra), name);
}

/** A box made of `step`-pt lines that splits between lines (as table rows do). */
function splittable(name: string, height: number, step = 10, extra: Extra = {}, root?: Atom): Atom {
  const split = (room: number): readonly [Atom, Atom] | null => {
    const k = Math.floor((room + EPS) / step);
    if (k <= 0 || k * step >= height) return null;
    const r = root ?? self;
    const { keepWithNext: _k, ...headExtra } = extra;
    void _k;
    const head = box(`${name}/a`, k * step, { ...headExtra, keepWithNext: false });
    const tail = splittable(`${name}/b`, height - k * step, step, { ...extra, spaceBefore: 0 }, r);
    origin.set(head, r);
    origin.set(tail, r);
    return [head, tail];
  };
  const self = box(name, height, { ...extra, split });
  return self;
}

const emptyLine: Line = { fragments: [], width: 0, wordSpacing: 0, notes: [] };
const fakeCtx = { width: 400 } as unknown as LayoutContext;

/** The line atoms of an n-line paragraph (10 pt leading), as the layout builds them. */
function paragraph(name: string, n: number, o: { notes?: Record<number, number[]>; spaceBefore?: number } = {}): Atom[] {
  const lines = Array.from({ length: n }, (_v, i): Line => ({ ...emptyLine, notes: o.notes?.[i] ?? [] }));
  return linesToAtoms(lines, { style: { face: 'regular', size: 8, color: '#000' }, leading: 10, tag: 0, spaceBefore: o.spaceBefore ?? 0 }, fakeCtx)
    .map((a, i) => track(a, `${name}${i}`));
}

/**
 * A heading as the layout builds it: lines kept together and with what follows, plus a spacer;
 * with a level, its first line carries the anchor (a section starts there).
 */
function heading(name: string, lines = 1, level?: 1 | 2 | 3): Atom[] {
  const atoms = linesToAtoms(Array.from({ length: lines }, () => emptyLine), {
    style: { face: 'bold', size: 12, color: '#000' }, leading: 12, tag: 0, keepTogether: true, keepWithNext: true, spaceBefore: 6,
    ...(level ? { anchor: { id: name, level, title: name } } : {}),
  }, fakeCtx).map((a, i) => track(a, `${name}${lines > 1 ? i : ''}`));
  return [...atoms, box(`${name}~`, 2, { keepWithNext: true })];
}

/**
 * A figure with the flags the layout gives one (src/layout/figure.ts): a 12 pt title (10 pt
 * above), the chart, note lines of 10 pt (the first two kept with the chart, two at either
 * side of a break, "(continued)" repeated over the rest) and a gap; all one float group.
 */
function figure(name: string, chart: number, lines: number): Atom[] {
  const cont = [box(`${name}*`, 10, { keepWithNext: true })];
  const notes = Array.from({ length: lines }, (_v, i) => box(`${name}L${i}`, 10, {
    keepWithNext: i < lines - 1 && (i < 1 || i === lines - 2),
    ...(i >= 2 ? { continuation: cont } : {}),
  }));
  return [
    box(`${name}T`, 12, { keepWithNext: true, spaceBefore: 10, float: { size: lines + 3 } }),
    box(`${name}C`, chart, { keepWithNext: lines > 0 }),
    ...notes,
    box(`${name}~`, 4, { discardable: true }),
  ];
}

// ---------------------------------------------------------------------------------------------
// Running paginate and checking what must hold for any input.

interface Opts {
  readonly height?: number;
  readonly notes?: Record<number, number>;
  readonly noteSeparator?: number;
  readonly duplex?: boolean;
}

function input(atoms: readonly Atom[], o: Opts = {}): PaginateInput {
  return {
    atoms, height: o.height ?? H, duplex: o.duplex ?? false, noteSeparator: o.noteSeparator ?? 0,
    noteHeight: (n) => o.notes?.[n] ?? 0,
  };
}

const rootOf = (a: Atom): Atom => origin.get(a) ?? a;
const nameOf = (a: Atom): string => names.get(a) ?? '?';
/** Pages as lists of atom names. */
const show = (pages: readonly PageSlot[]): string[][] => pages.map((p) => p.placed.map((x) => nameOf(x.atom)));
const pageOf = (pages: readonly PageSlot[], name: string): number => pages.findIndex((p) => p.placed.some((x) => nameOf(x.atom) === name));

/** Runs paginate and checks the invariants every result must satisfy. */
function run(atoms: readonly Atom[], o: Opts = {}): PageSlot[] {
  reads = 0;
  const inp = input(atoms, o);
  const pages = paginate(inp);
  expect(paginate(input(atoms, o)).map((p) => p.placed.map((x) => [nameOf(x.atom), x.y])), 'pure: same atoms, same pages')
    .toEqual(pages.map((p) => p.placed.map((x) => [nameOf(x.atom), x.y])));
  const problems = invariantProblems(inp, pages);
  expect(problems, `pages: ${JSON.stringify(show(pages))}`).toEqual([]);
  return pages;
}

function invariantProblems(inp: PaginateInput, pages: readonly PageSlot[]): string[] {
  const out: string[] = [];
  const atoms = inp.atoms;
  const conts = new Set(atoms.flatMap((a) => [...(a.continuation ?? [])]));
  const index = new Map(atoms.map((a, i) => [a, i]));
  const noteH = (ns: readonly number[]): number => (ns.length ? inp.noteSeparator + ns.reduce((s, n) => s + inp.noteHeight(n), 0) : 0);

  // 1. Every input atom placed exactly once and in order (split parts count as their original,
  //    repeated continuations are extra; zero-height forced breaks are consumed, not placed).
  //    Gaps between blocks (discardable) may be dropped, and are not counted.
  const expected = atoms.filter((a) => !((a.breakBefore || a.recto) && a.height === 0) && !a.discardable);
  // Figures (float groups) may move later, past text that fills in for them; the rest keeps
  // its order, and each figure stays whole and in order.
  const groups = new Map<Atom, Atom[]>();
  atoms.forEach((a, i) => {
    if (a.float) groups.set(a, atoms.slice(i, i + a.float.size).filter((m) => !m.discardable));
  });
  const inGroup = new Set([...groups.values()].flat());
  const rest = (xs: readonly Atom[]): Atom[] => xs.filter((a) => !inGroup.has(a));
  const seq: Atom[] = [];
  let lastPart: Atom | undefined;
  for (const p of pages) {
    for (const x of p.placed) {
      if (conts.has(x.atom) || x.atom.discardable) continue;
      const r = rootOf(x.atom);
      const isPart = origin.has(x.atom);
      // The parts of a split atom follow each other, but for a figure that floated between them.
      if (isPart && lastPart === r && rest(seq).at(-1) === r) continue;
      seq.push(r);
      if (!inGroup.has(r)) lastPart = isPart ? r : undefined;
    }
  }
  if (seq.length !== expected.length || rest(seq).some((a, i) => a !== rest(expected)[i])) {
    out.push(`placed ${JSON.stringify(seq.map(nameOf))}, expected ${JSON.stringify(expected.map(nameOf))}`);
  }
  for (const [start, members] of groups) {
    const at = seq.indexOf(start);
    if (members.some((m, i) => seq[at + i] !== m)) out.push(`figure ${nameOf(start)} is not whole and in order`);
    const before = expected[expected.indexOf(start) - 1];
    // What it was placed after beyond its predecessor, but for earlier figures that moved too.
    const earlier = new Set([...groups].filter(([g]) => (index.get(g) ?? 0) < (index.get(start) ?? 0)).flatMap(([, m]) => m));
    const passed = seq.slice(before === undefined ? 0 : seq.indexOf(before) + 1, at).filter((a) => !earlier.has(a));
    if (passed.length === 0) continue;
    // It moved: only past text (no break, no other figure), and it opens a page.
    if (passed.some((a) => a.breakBefore || a.recto || inGroup.has(a))) out.push(`figure ${nameOf(start)} moved past ${JSON.stringify(passed.map(nameOf))}`);
    if (!pages.some((p) => p.placed[0]?.atom === start)) out.push(`figure ${nameOf(start)} moved but does not open a page`);
  }
  // Split parts add up to the original.
  for (const a of atoms) {
    const parts = pages.flatMap((p) => p.placed.filter((x) => origin.get(x.atom) === a).map((x) => x.atom.height));
    if (parts.length && Math.abs(parts.reduce((s, h) => s + h, 0) - a.height) > EPS) out.push(`split parts of ${nameOf(a)} do not add up`);
  }

  const notePage = new Map<number, number>();
  pages.forEach((p, pi) => {
    const last = p.placed[p.placed.length - 1];
    // 2. Geometry: atoms stacked top-down, spaceBefore dropped at the top, everything fits
    //    above the page's footnotes unless one atom stands alone.
    let bottom = 0;
    p.placed.forEach((x, i) => {
      const gap = i === 0 ? 0 : x.atom.spaceBefore;
      if (Math.abs(x.y - (bottom + gap)) > EPS) out.push(`page ${pi}: ${nameOf(x.atom)} at y=${x.y}, expected ${bottom + gap}`);
      bottom = x.y + x.atom.height;
    });
    const alone = p.placed.length === 1;
    if (!alone && bottom + noteH(p.notes) > inp.height + EPS) out.push(`page ${pi} overflows: ${bottom} + notes ${noteH(p.notes)} > ${inp.height}`);
    if (p.blank && p.placed.length) out.push(`blank page ${pi} has atoms`);
    if (!p.blank && p.placed.length === 0 && pages.length > 1) out.push(`page ${pi} is empty`);

    // 3. Footnotes on the page of their first reference, once, and only referenced ones.
    const refs = new Set(p.placed.flatMap((x) => [...x.atom.notes]));
    for (const n of p.notes) {
      if (notePage.has(n)) out.push(`note ${n} printed twice`);
      notePage.set(n, pi);
      if (!refs.has(n)) out.push(`page ${pi} prints note ${n} without referencing it`);
    }
    for (const n of refs) if (!notePage.has(n) && !p.notes.includes(n)) out.push(`note ${n} referenced on page ${pi} is not on it`);

    // 4. Continuations: only as a prefix at a page top, or right after a figure that floated
    //    there (a table broken before it goes on after it), followed by the atom they belong
    //    to, never last on a page.
    const groupEnds = new Set([...groups.values()].map((m) => m[m.length - 1]));
    let k = 0;
    for (let j = 0; j < p.placed.length; j++) {
      if (!conts.has((p.placed[j] as { atom: Atom }).atom) || (j > 0 && conts.has((p.placed[j - 1] as { atom: Atom }).atom))) continue;
      let b = j - 1;
      while (b >= 0 && p.placed[b]?.atom.discardable) b--;
      const atTop = j === 0;
      if (!atTop && !groupEnds.has(p.placed[b]?.atom as Atom)) out.push(`page ${pi}: continuation atom not at the page top`);
      let e = j;
      while (e < p.placed.length && conts.has((p.placed[e] as { atom: Atom }).atom)) e++;
      const owner = p.placed[e]?.atom;
      if (!owner) out.push(`page ${pi}: continuation atoms alone`);
      else if (!p.placed.slice(j, e).every((x, i) => owner.continuation?.[i] === x.atom)) out.push(`page ${pi}: continuation of another atom`);
      if (atTop) k = e;
    }
    // ...and they are there whenever a page starts with an atom that has them, unless that
    // atom starts the page by a forced break or (unsplittable) would not fit below them.
    const first = p.placed[0]?.atom;
    if (pi > 0 && k === 0 && first?.continuation?.length && !first.breakBefore && !first.recto) {
      const r = rootOf(first);
      const prev = atoms[(index.get(r) ?? -2) - 1];
      const forced = origin.has(first) ? false : prev !== undefined && (prev.breakBefore === true || prev.recto === true);
      const repeatH = first.continuation.reduce((sum, c) => sum + c.height, 0);
      const fits = repeatH + first.height + noteH(p.notes) <= inp.height + EPS;
      const splittable = first.split !== undefined && inp.height - repeatH - noteH(p.notes) >= 36;
      if (!forced && (fits || splittable)) out.push(`page ${pi} starts with ${nameOf(first)} without its repeated continuation`);
    }
    // 5. Keeps: a page may end on a keep-with-next atom only before a forced break, or when
    //    the whole page is one keep chain (longer than a page) or stands alone.
    if (pi < pages.length - 1 && last?.atom.keepWithNext) {
      const r = rootOf(last.atom);
      const next = atoms[(index.get(r) ?? -2) + 1];
      const forced = next !== undefined && (next.breakBefore === true || next.recto === true);
      const chain = p.placed.every((x) => x.atom.keepWithNext || conts.has(x.atom));
      if (!forced && !chain) out.push(`page ${pi} ends with ${nameOf(last.atom)}, which keeps with the next`);
    }
    // 6. No page less than a third full before a page that is not forced, unless what opens
    //    the next page truly cannot come to this one: a figure (its head never splits), or a
    //    keep chain that does not fit here and has no atom to split before that point (a split
    //    needs room for one 10 pt line).
    const next = pages[pi + 1];
    const fill = last ? last.y + last.atom.height + noteH(p.notes) : 0;
    if (next && !p.blank && !next.blank && last && fill < inp.height * NEAR_EMPTY - EPS) {
      const opener = next.placed.find((x) => !conts.has(x.atom))?.atom;
      const r = opener ? rootOf(opener) : undefined;
      const prev = r ? atoms[(index.get(r) ?? -2) - 1] : undefined;
      const begun = pages.slice(0, pi + 1).some((pg) => pg.placed.some((x) => rootOf(x.atom) === r));
      const forced = opener?.breakBefore === true || opener?.recto === true || (prev !== undefined && !begun && (prev.breakBefore === true || prev.recto === true));
      let bottom = last.y + last.atom.height;
      const notes = new Set(p.notes);
      let couldCome = false;
      for (const x of next.placed.filter((y) => !conts.has(y.atom))) {
        const a = rootOf(x.atom);
        const withNotes = noteH([...new Set([...notes, ...a.notes])]);
        if (a.split && inp.height - bottom - withNotes >= 10 + EPS) couldCome = true;
        if (couldCome || bottom + a.spaceBefore + a.height + withNotes > inp.height + EPS) break;
        bottom += a.spaceBefore + a.height;
        for (const n of a.notes) notes.add(n);
        couldCome = !a.keepWithNext;
        if (couldCome) break;
      }
      if (!forced && !opener?.float && couldCome) out.push(`page ${pi} is ${Math.round((fill / inp.height) * 100)} % full before ${nameOf(opener as Atom)}`);
    }
  });
  return out;
}

/** The diagnostics paginate stops with, or a failure when it does not stop. */
function stopsWith(atoms: readonly Atom[], o: Opts = {}): Diagnostic[] {
  try {
    paginate(input(atoms, o));
  } catch (e) {
    if (e instanceof UserError) return [...e.diagnostics];
    throw e;
  }
  throw new Error('paginate did not stop');
}

const filler = (h: number): Atom[] => (h > 0 ? [box(`f${h}`, h)] : []);

// ---------------------------------------------------------------------------------------------

describe('paginate: the layout builds paragraphs and headings with the keep flags these tests assume', () => {
  it.each([
    [1, [false]],
    [2, [true, false]],
    [3, [true, true, false]],
    [4, [true, false, true, false]],
    [6, [true, false, false, false, true, false]],
  ])('a %i-line paragraph keeps its first and next-to-last lines with the next', (n, keeps) => {
    expect(paragraph('p', n).map((a) => a.keepWithNext)).toEqual(keeps);
  });
  it('heading lines and their spacer all keep with the next atom', () => {
    expect(heading('h', 3).map((a) => a.keepWithNext)).toEqual([true, true, true, true]);
  });
});

describe('paginate: headings never end a page', () => {
  // A 12 pt heading (+6 pt space before, +2 pt spacer) followed by a 3-line paragraph, after
  // filler of every height: wherever the break falls, the heading is on the page of its text.
  it.each(Array.from({ length: 21 }, (_v, i) => i * 5))('after %i pt of filler', (f) => {
    const atoms = [...filler(f), ...heading('h'), ...paragraph('p', 3)];
    const pages = run(atoms);
    expect(pageOf(pages, 'h')).toBe(pageOf(pages, 'p0'));
    for (const p of pages.slice(0, -1)) expect(nameOf((p.placed[p.placed.length - 1] as { atom: Atom }).atom)).not.toMatch(/^h/);
  });

  it('moves a heading at the page foot to the next page with its paragraph', () => {
    const pages = run([...filler(75), ...heading('h'), ...paragraph('p', 5)]);
    expect(show(pages)).toEqual([['f75'], ['h', 'h~', 'p0', 'p1', 'p2', 'p3', 'p4']]);
    expect(pages[1]?.placed[0]?.y).toBe(0); // space before dropped at the page top
  });

  it('keeps consecutive headings (H1, H2) together with the text', () => {
    const pages = run([...filler(60), ...heading('a'), ...heading('b'), ...paragraph('p', 4)]);
    expect(show(pages)).toEqual([['f60'], ['a', 'a~', 'b', 'b~', 'p0', 'p1', 'p2', 'p3']]);
  });

  it('keeps a heading with a one-line paragraph', () => {
    const pages = run([...filler(80), ...heading('h'), ...paragraph('p', 1)]);
    expect(show(pages)).toEqual([['f80'], ['h', 'h~', 'p0']]);
  });
});

describe('paginate: widows and orphans', () => {
  // Every paragraph length 2..9 after every filler height 0..100: a paragraph broken across
  // pages leaves at least two lines at the foot and carries at least two to the head.
  const cases = [2, 3, 4, 5, 6, 9].flatMap((n) => Array.from({ length: 21 }, (_v, i) => [n, i * 5] as const));
  it.each(cases)('%i lines after %i pt', (n, f) => {
    const pages = run([...filler(f), ...paragraph('p', n), box('after', 10)]);
    const counts = pages.map((p) => p.placed.filter((x) => /^p\d+$/.test(nameOf(x.atom))).length).filter((c) => c > 0);
    expect(counts.reduce((s, c) => s + c, 0)).toBe(n);
    if (counts.length > 1) for (const c of counts) expect(c).toBeGreaterThanOrEqual(2);
    if (n <= 3) expect(counts).toHaveLength(1);
  });

  it('breaks a 4-line paragraph 2 + 2 when only three lines fit', () => {
    expect(show(run([...filler(70), ...paragraph('p', 4)]))).toEqual([['f70', 'p0', 'p1'], ['p2', 'p3']]);
  });
  it('moves a 3-line paragraph whole when only two lines fit (no widow)', () => {
    expect(show(run([...filler(80), ...paragraph('p', 3)]))).toEqual([['f80'], ['p0', 'p1', 'p2']]);
  });
  it('moves the first line when only one fits (no orphan)', () => {
    expect(show(run([...filler(90), ...paragraph('p', 6)]))).toEqual([['f90'], ['p0', 'p1', 'p2', 'p3', 'p4', 'p5']]);
  });
  it('a paragraph longer than a page is broken with two lines at each side', () => {
    const pages = run([...filler(15), ...paragraph('p', 25)]);
    expect(show(pages)).toEqual([
      ['f15', 'p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'],
      ['p8', 'p9', 'p10', 'p11', 'p12', 'p13', 'p14', 'p15', 'p16', 'p17'],
      ['p18', 'p19', 'p20', 'p21', 'p22', 'p23', 'p24'],
    ]);
  });
});

describe('paginate: unbreakable and oversized atoms', () => {
  it.each([
    [60, 41],
    [60, 100],
    [99, 2],
  ])('after %i pt, an unbreakable %i pt atom that does not fit moves whole', (f, h) => {
    const pages = run([...filler(f), box('u', h), box('next', 5)]);
    expect(show(pages)[0]).toEqual([`f${f}`]);
    expect(pages[1]?.placed[0]).toMatchObject({ y: 0 });
    expect(nameOf(pages[1]?.placed[0]?.atom as Atom)).toBe('u');
  });

  it('an atom that exactly fills the rest of the page stays', () => {
    expect(show(run([...filler(60), box('u', 40), box('n', 1)]))).toEqual([['f60', 'u'], ['n']]);
  });

  it('counts space before when fitting, and drops it at a page top', () => {
    const pages = run([...filler(60), box('u', 35, { spaceBefore: 6 })]);
    expect(show(pages)).toEqual([['f60'], ['u']]);
    expect(pages[1]?.placed[0]?.y).toBe(0);
    expect(run([...filler(60), box('u', 34, { spaceBefore: 6 })])[0]?.placed[1]?.y).toBe(66);
  });

  it('splits an atom taller than a page across pages, starting on the current page', () => {
    const pages = run([...filler(40), splittable('t', 250), box('n', 10)]);
    expect(show(pages)).toEqual([['f40', 't/a'], ['t/b/a'], ['t/b/b', 'n']]);
    expect(pages.map((p) => p.placed.map((x) => x.atom.height))).toEqual([[40, 60], [100], [90, 10]]);
  });

  it('does not start a split in less than 36 pt: the tall atom goes to the next page', () => {
    const pages = run([...filler(70), splittable('t', 150)]);
    expect(show(pages)).toEqual([['f70'], ['t/a'], ['t/b']]);
  });

  const loc = { file: 'templates/x/document.hbs', line: 7, col: 3 };
  it('an atom taller than a page that cannot split is a located error, never an overflow', () => {
    expect(stopsWith([box('a', 30), box('tall', 180, { loc }), box('b', 30)])).toEqual([
      expect.objectContaining({ code: 'layout/too-tall', severity: 'error', loc, message: expect.stringContaining('180 pt') as unknown, hint: expect.any(String) as unknown }),
    ]);
  });

  it('a tall atom whose split refuses is a located error too', () => {
    const refusing = box('r', 150, { split: () => null, loc });
    expect(stopsWith([refusing, box('b', 10)]).map((d) => [d.code, d.loc])).toEqual([['layout/too-tall', loc]]);
  });

  it('the parts of a split atom keep its location, for an error in a later part', () => {
    // The tail of the split refuses to split again: the error still names where it was written.
    const tail = box('t/b', 150, { split: () => null });
    const head = box('t/a', 50);
    const t = box('t', 200, { loc, split: () => [head, tail] });
    expect(stopsWith([t]).map((d) => d.loc)).toEqual([loc]);
  });

  it('an atom that fits a page only without its footnotes stands alone (its notes cannot move)', () => {
    const pages = run([box('a', 30), box('big', 90, { notes: [1] }), box('b', 30)], { notes: { 1: 20 } });
    expect(show(pages)).toEqual([['a'], ['big'], ['b']]);
  });

  it.each([
    // [filler, splittable height]: the page would be left under a third full, so the atom splits.
    [20, 95],
    [10, 95],
    [30, 80],
  ])('after %i pt, a %i pt atom that can split is split rather than leave the page near-empty', (f, h) => {
    const pages = run([...filler(f), splittable('t', h), box('n', 5)]);
    expect(show(pages)[0]).toEqual([...(f ? [`f${f}`] : []), 't/a']);
  });

  it('a near-empty page is left when what follows cannot split', () => {
    expect(show(run([...filler(20), box('u', 95), box('n', 5)]))).toEqual([['f20'], ['u', 'n']]);
  });

  it('a tall split atom keeps the heading before it on its page', () => {
    const pages = run([...filler(30), ...heading('h'), splittable('t', 150)]);
    expect(pageOf(pages, 'h')).toBe(pageOf(pages, 't/a'));
  });
});

describe('paginate: forced breaks', () => {
  const brk = (name: string, extra: Extra = {}): Atom => box(name, 0, { breakBefore: true, ...extra });

  it('a zero-height break starts a new page and is not placed', () => {
    expect(show(run([box('a', 10), brk('|'), box('b', 10)]))).toEqual([['a'], ['b']]);
  });
  it('a break at the start or right after another break makes no empty page', () => {
    expect(show(run([brk('|1'), box('a', 10), brk('|2'), brk('|3'), box('b', 10)]))).toEqual([['a'], ['b']]);
  });
  it('an atom with breakBefore starts the next page and is placed at its top', () => {
    const pages = run([box('a', 10), box('b', 10, { breakBefore: true, spaceBefore: 8 }), box('c', 10)]);
    expect(show(pages)).toEqual([['a'], ['b', 'c']]);
    expect(pages[1]?.placed[0]?.y).toBe(0);
  });
  it('a heading right before a forced break stays where the author put it', () => {
    expect(show(run([box('a', 10), ...heading('h'), brk('|'), box('b', 10)]))).toEqual([['a', 'h', 'h~'], ['b']]);
  });
  it('recto atoms start on an odd page in duplex, inserting a blank page', () => {
    const pages = run([box('a', 10), box('r', 10, { recto: true })], { duplex: true });
    expect(show(pages)).toEqual([['a'], [], ['r']]);
    expect(pages.map((p) => p.blank)).toEqual([false, true, false]);
    expect(show(run([box('a', 10), box('b', 10, { breakBefore: true }), box('r', 10, { recto: true })], { duplex: true }))).toEqual([['a'], ['b'], ['r']]);
    expect(show(run([box('a', 10), box('r', 10, { recto: true })], { duplex: false }))).toEqual([['a'], ['r']]);
  });
  it('marks the pages before an endsFrontMatter break as front matter', () => {
    const pages = run([box('cover', 50), brk('|', { endsFrontMatter: true }), box('toc', 90), brk('|2', { endsFrontMatter: true }), box('body', 10)]);
    expect(show(pages)).toEqual([['cover'], ['toc'], ['body']]);
    expect(pages.map((p) => p.front)).toEqual([true, true, false]);
  });
});

describe('paginate: continuations (repeated caption and header rows)', () => {
  /** A table: caption, header row, body rows; body rows repeat [caption (continued), header]. */
  function tableAtoms(rows: number, rowH: (i: number) => number = () => 10, split = false): { atoms: Atom[]; repeat: Atom[] } {
    const repeat = [box('cap*', 8, { keepWithNext: true }), box('hdr*', 10, { keepWithNext: true })];
    const atoms = [box('cap', 8, { keepWithNext: true }), box('hdr', 10, { keepWithNext: true })];
    for (let i = 0; i < rows; i++) {
      const extra: Extra = { continuation: repeat, ...(i === 0 && rows > 1 ? { keepWithNext: true } : {}) };
      atoms.push(split ? splittable(`r${i}`, rowH(i), 10, extra) : box(`r${i}`, rowH(i), extra));
    }
    return { atoms, repeat };
  }

  it('repeats the caption and header at the top of every continuation page', () => {
    const { atoms } = tableAtoms(20);
    const pages = run([...filler(30), ...atoms, box('after', 10)]);
    expect(show(pages)).toEqual([
      ['f30', 'cap', 'hdr', 'r0', 'r1', 'r2', 'r3', 'r4'],
      ['cap*', 'hdr*', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11', 'r12'],
      ['cap*', 'hdr*', 'r13', 'r14', 'r15', 'r16', 'r17', 'r18', 'r19', 'after'],
    ]);
  });

  it('does not strand caption and header at a page foot: they move with the first rows', () => {
    for (let f = 50; f <= 100; f += 2) {
      const { atoms } = tableAtoms(5);
      const pages = run([...filler(f), ...atoms]);
      const first = pages.find((p) => p.placed.some((x) => nameOf(x.atom) === 'hdr'));
      const names = first?.placed.map((x) => nameOf(x.atom)) ?? [];
      expect(names, `after ${f} pt`).toContain('r0');
      expect(names, `after ${f} pt`).toContain('r1');
    }
  });

  it('repeats the header before the tail of a split row', () => {
    const { atoms } = tableAtoms(3, (i) => (i === 1 ? 230 : 10), true);
    const pages = run(atoms);
    expect(show(pages)).toEqual([
      ['cap', 'hdr', 'r0', 'r1/a'],
      ['cap*', 'hdr*', 'r1/b/a'],
      ['cap*', 'hdr*', 'r1/b/b'],
      ['cap*', 'hdr*', 'r2'],
    ]);
    expect(pages.map((p) => p.placed.map((x) => x.atom.height))).toEqual([[8, 10, 10, 70], [8, 10, 80], [8, 10, 80], [8, 10, 10]]);
  });

  it('drops the repeated header when the row does not fit below it, instead of leaving it alone', () => {
    const { atoms } = tableAtoms(3, (i) => (i === 1 ? 95 : 10));
    const pages = run(atoms);
    expect(show(pages)).toEqual([['cap', 'hdr', 'r0'], ['r1'], ['cap*', 'hdr*', 'r2']]);
  });

  it('splits a row that does not fit below the repeated header there, keeping the header', () => {
    // Regression: r1's tail (90 pt) is not taller than a page, but does not fit below the
    // 18 pt of repeated caption and header: the header used to be dropped from that page.
    const { atoms } = tableAtoms(3, (i) => (i === 1 ? 160 : 10), true);
    const pages = run(atoms);
    expect(show(pages)).toEqual([
      ['cap', 'hdr', 'r0', 'r1/a'],
      ['cap*', 'hdr*', 'r1/b/a'],
      ['cap*', 'hdr*', 'r1/b/b', 'r2'],
    ]);
    expect(pages.map((p) => p.placed.map((x) => x.atom.height))).toEqual([[8, 10, 10, 70], [8, 10, 80], [8, 10, 10, 10]]);
  });

  it('never repeats a header after a forced break before another atom', () => {
    // Regression: the break before `x` used to insert the table's header between `x` and r1.
    const { atoms } = tableAtoms(2);
    const pages = run([...atoms.slice(0, 3), box('x', 10, { breakBefore: true }), ...atoms.slice(3)]);
    expect(show(pages)).toEqual([['cap', 'hdr', 'r0'], ['x', 'r1']]);
  });

  it('repeats the header after a zero-height forced break right before a row', () => {
    const { atoms } = tableAtoms(2);
    const pages = run([...atoms.slice(0, 3), box('|', 0, { breakBefore: true }), ...atoms.slice(3)]);
    expect(show(pages)).toEqual([['cap', 'hdr', 'r0'], ['cap*', 'hdr*', 'r1']]);
  });
});

describe('paginate: figures break their notes and float', () => {
  it('a figure whose head does not fit opens the next page; the text after it fills the room', () => {
    // Head: 10 + 12 + 30 + 2 lines = 72 pt; 50 pt are left.
    const pages = run([...filler(50), ...figure('g', 30, 4), ...paragraph('p', 3), box('after', 10)]);
    expect(show(pages)).toEqual([['f50', 'p0', 'p1', 'p2', 'after'], ['gT', 'gC', 'gL0', 'gL1', 'gL2', 'gL3', 'g~']]);
  });

  it('a figure whose head fits stays; its notes break across pages with "(continued)"', () => {
    const pages = run([...filler(20), ...figure('g', 30, 20)]);
    expect(show(pages)).toEqual([
      ['f20', 'gT', 'gC', 'gL0', 'gL1'],
      ['g*', 'gL2', 'gL3', 'gL4', 'gL5', 'gL6', 'gL7', 'gL8', 'gL9', 'gL10'],
      ['g*', 'gL11', 'gL12', 'gL13', 'gL14', 'gL15', 'gL16', 'gL17', 'gL18', 'gL19'],
    ]);
  });

  it.each([
    // [level of the heading after the figure, does it fill in]
    [3, true],
    [2, false],
    [1, false],
  ] as const)('a level-%i heading in a level-2 section fills in: %s', (level, fills) => {
    const atoms = [...heading('s', 1, 2), ...filler(26), ...figure('g', 40, 2), ...heading('k', 1, level), ...paragraph('r', 2), ...heading('m', 1, 2), ...paragraph('z', 2)];
    const pages = run(atoms);
    expect(pageOf(pages, 'k') === 0).toBe(fills);
    expect(pageOf(pages, 'gT')).toBe(1);
    expect(pageOf(pages, 'm')).toBeGreaterThan(0);
  });

  it('with no heading before it, any heading ends the text that fills in', () => {
    const pages = run([...filler(40), ...figure('g', 40, 2), ...heading('k', 1, 3), ...paragraph('r', 2)]);
    expect(show(pages)[0]).toEqual(['f40']);
  });

  it('when nothing can fill in, the heading above the figure moves with it', () => {
    const pages = run([...filler(50), ...heading('h', 1, 2), ...figure('g', 40, 2), ...heading('k', 1, 2), ...paragraph('r', 2)]);
    expect(show(pages).slice(0, 2)).toEqual([['f50'], ['h', 'h~', 'gT', 'gC', 'gL0', 'gL1', 'g~']]);
  });

  it('a heading never ends a page, even when the text under it was filling in for a figure', () => {
    // The 3-line paragraph cannot leave one line alone: the chain back to the heading above the
    // figure moves, and the figure stays between the heading and the paragraph.
    const pages = run([...filler(60), ...heading('h', 1, 2), ...figure('g', 30, 2), ...paragraph('p', 3)]);
    expect(show(pages)).toEqual([['f60'], ['h', 'h~', 'gT', 'gC', 'gL0', 'gL1', 'g~'], ['p0', 'p1', 'p2']]);
  });

  it('a forced break ends the filling; the figure stays before it', () => {
    const pages = run([...filler(50), ...figure('g', 40, 2), ...paragraph('p', 2), box('|', 0, { breakBefore: true }), ...paragraph('q', 2)]);
    expect(show(pages)).toEqual([['f50', 'p0', 'p1'], ['gT', 'gC', 'gL0', 'gL1', 'g~'], ['q0', 'q1']]);
  });

  it('figures keep their order: text may pass a figure, another figure may not', () => {
    const pages = run([...filler(50), ...figure('a', 40, 2), ...figure('b', 10, 2), ...paragraph('p', 2)]);
    expect(show(pages)).toEqual([['f50'], ['aT', 'aC', 'aL0', 'aL1', 'a~', 'p0', 'p1'], ['bT', 'bC', 'bL0', 'bL1', 'b~']]);
  });

  it('a table broken while filling in repeats its caption and header right after the figure', () => {
    const repeat = [box('cap*', 8, { keepWithNext: true }), box('hdr*', 10, { keepWithNext: true })];
    const table = [box('cap', 8, { keepWithNext: true }), box('hdr', 10, { keepWithNext: true }),
      ...Array.from({ length: 8 }, (_v, i) => box(`r${i}`, 10, { continuation: repeat, keepWithNext: i === 0 }))];
    const pages = run([...filler(50), ...figure('g', 20, 2), ...table]);
    expect(show(pages)).toEqual([
      ['f50', 'cap', 'hdr', 'r0', 'r1', 'r2'],
      ['gT', 'gC', 'gL0', 'gL1', 'g~', 'cap*', 'hdr*', 'r3', 'r4'],
      ['cap*', 'hdr*', 'r5', 'r6', 'r7'],
    ]);
  });

  it('a figure on a page holding only a heading does not float: it keeps with the heading', () => {
    const pages = run([...heading('h', 1, 2), ...figure('g', 60, 4), ...paragraph('p', 2)]);
    expect(show(pages)[0]?.slice(0, 4)).toEqual(['h', 'h~', 'gT', 'gC']);
  });
});

describe('paginate: footnotes', () => {
  it('reserves the note height on the page of the referencing atom', () => {
    // 40 pt fill + 30 pt atom fits; with a 26 pt note (+5 pt separator) it does not.
    const pages = run([...filler(40), box('a', 30, { notes: [1] }), box('b', 30)], { notes: { 1: 26 }, noteSeparator: 5 });
    expect(show(pages)).toEqual([['f40'], ['a', 'b']]);
    expect(pages.map((p) => p.notes)).toEqual([[], [1]]);
  });

  it('fills the page up to the notes and no further', () => {
    const pages = run([box('a', 40, { notes: [1] }), box('b', 30), box('c', 10)], { notes: { 1: 25 }, noteSeparator: 5 });
    expect(show(pages)).toEqual([['a', 'b'], ['c']]);
  });

  it('takes the note along when a keep chain moves to the next page', () => {
    const pages = run([...filler(70), ...paragraph('p', 3, { notes: { 0: [1] } })], { notes: { 1: 10 } });
    expect(show(pages)).toEqual([['f70'], ['p0', 'p1', 'p2']]);
    expect(pages.map((p) => p.notes)).toEqual([[], [1]]);
  });

  it('prints a note referenced twice once, on the page of the first reference', () => {
    const pages = run([box('a', 50, { notes: [1] }), box('b', 40), box('c', 30, { notes: [1, 2] })], { notes: { 1: 5, 2: 5 } });
    expect(pages.map((p) => p.notes)).toEqual([[1], [2]]);
  });

  it('keeps several notes in reference order', () => {
    const pages = run([box('a', 10, { notes: [3, 1] }), box('b', 10, { notes: [2] })], { notes: { 1: 5, 2: 5, 3: 5 } });
    expect(pages[0]?.notes).toEqual([3, 1, 2]);
  });

  it('splits a tall atom leaving room for the notes of its head', () => {
    const pages = run([splittable('t', 150, 10, { notes: [1] })], { notes: { 1: 20 } });
    expect(pages[0]?.notes).toEqual([1]);
    expect(pages[0]?.placed[0]?.atom.height).toBe(80); // 100 pt less the 20 pt note
  });
});

describe('paginate: keep chains longer than a page terminate', () => {
  it.each([0, 35, 99])('200 keep-with-next atoms after %i pt', (f) => {
    const chain = Array.from({ length: 200 }, (_v, i) => box(`k${i}`, 7, { keepWithNext: true }));
    const pages = run([...filler(f), ...chain, box('end', 10)]);
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.length).toBeLessThan(20);
  });

  it('a chain of continuation-carrying keep atoms also terminates', () => {
    const rep = [box('hdr*', 30, { keepWithNext: true })];
    const chain = Array.from({ length: 60 }, (_v, i) => box(`k${i}`, 20, { keepWithNext: true, continuation: rep }));
    const pages = run(chain);
    expect(pages.length).toBeLessThan(40);
  });

  it('a heading taller than a page (many lines) terminates and keeps order', () => {
    const pages = run([...paragraph('a', 2), ...heading('h', 12), ...paragraph('p', 3)]);
    expect(pages.length).toBeGreaterThanOrEqual(2);
  });
});

describe('paginate: random atom sequences (fast-check)', () => {
  const atomArb = fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('box' as const), h: fc.integer({ min: 0, max: 60 }), keep: fc.boolean(), sb: fc.constantFrom(0, 0, 4), note: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('para' as const), n: fc.integer({ min: 1, max: 14 }), note: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('heading' as const), n: fc.integer({ min: 1, max: 3 }) }) },
    // Tall atoms split; one that cannot is at most a page (taller is an error, tested above).
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('tall' as const), h: fc.integer({ min: 101, max: 320 }), split: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('figure' as const), chart: fc.integer({ min: 10, max: 70 }), lines: fc.integer({ min: 0, max: 25 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('section' as const), level: fc.constantFrom(1, 2, 3) as fc.Arbitrary<1 | 2 | 3> }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('break' as const), h: fc.constantFrom(0, 10) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('table' as const), rows: fc.array(fc.integer({ min: 5, max: 120 }), { minLength: 1, maxLength: 12 }) }) },
  );
  it('invariants hold', () => {
    fc.assert(
      fc.property(fc.array(atomArb, { maxLength: 30 }), fc.boolean(), (specs, duplex) => {
        const atoms: Atom[] = [];
        specs.forEach((s, i) => {
          switch (s.kind) {
            case 'box':
              atoms.push(box(`b${i}`, s.h, { keepWithNext: s.keep, spaceBefore: s.sb, notes: s.note ? [s.note] : [] }));
              break;
            case 'para':
              atoms.push(...paragraph(`p${i}.`, s.n, { spaceBefore: 3, ...(s.note ? { notes: { [s.n - 1]: [s.note] } } : {}) }));
              break;
            case 'heading':
              atoms.push(...heading(`h${i}.`, s.n));
              break;
            case 'tall':
              atoms.push(s.split ? splittable(`t${i}`, s.h) : box(`t${i}`, 40 + (s.h % 61)));
              break;
            case 'figure':
              atoms.push(...figure(`g${i}.`, s.chart, s.lines));
              break;
            case 'section':
              atoms.push(...heading(`s${i}.`, 1, s.level));
              break;
            case 'break':
              atoms.push(box(`|${i}`, s.h, { breakBefore: true }));
              break;
            case 'table': {
              const rep = [box(`cap${i}*`, 8, { keepWithNext: true }), box(`hdr${i}*`, 10, { keepWithNext: true })];
              atoms.push(box(`cap${i}`, 8, { keepWithNext: true }), box(`hdr${i}`, 10, { keepWithNext: true }));
              s.rows.forEach((h, r) => {
                const extra: Extra = { continuation: rep, keepWithNext: r === 0 && s.rows.length > 1 };
                atoms.push(h > 90 ? splittable(`t${i}r${r}`, h, 10, extra) : box(`t${i}r${r}`, h, extra));
              });
              break;
            }
          }
        });
        run(atoms, { notes: { 1: 6, 2: 12, 3: 20, 4: 3 }, noteSeparator: 4, duplex });
      }),
      { seed: 20240501, numRuns: Number(process.env['FC_RUNS'] ?? 300) },
    );
  });
});
