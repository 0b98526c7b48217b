/**
 * Cross-references at layout time. Data's `[](#id)` arrives as a link whose target is `#id`
 * (a chart's name or a table's id) or `#§title` (a section, found by its heading's text). Here
 * figures and tables are numbered in reading order, exactly as the layout numbers them (a
 * chart is a figure; a table, and a chart's data table under it, are tables), so a reference
 * says "Figure 2" or "Table 3" whatever the order becomes. Each reference becomes an internal
 * link (`#dest`, drawn as a GoTo to a named destination) and each referenced figure or table
 * gets that named destination where it is drawn. A document with no reference is returned as
 * it is, so its output never changes.
 */
import type { ChartAsset } from '../charts/index.js';
import { plainText } from '../doc/index.js';
import type { Block, Inline } from '../doc/index.js';
import type { Atom } from './atom.js';
import type { LayoutContext } from './context.js';

/** A figure's or table's number and where a reference to it jumps. */
interface Target {
  readonly label: string;
  readonly dest: string;
}

/** Named destinations of referenced blocks, per layout context (blocks by identity). */
const anchorsOf = new WeakMap<LayoutContext, Map<Block, string>>();

/** Blocks nested in a block (lists, call-outs, quotations), in reading order. */
function children(b: Block): readonly Block[] {
  switch (b.kind) {
    case 'list':
      return b.items.flat();
    case 'callout':
    case 'quote':
      return b.blocks;
    default:
      return [];
  }
}

/** Every block in reading order, nested ones included. */
function walk(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((b) => [b, ...walk(children(b))]);
}

/** A catalog pattern ("Figure {n} ", "Table {n}. ") as a reference label: "Figure 2". */
function label(pattern: string | undefined, fallback: string, n: number): string {
  return (pattern ?? fallback).replace('{n}', String(n)).replace(/[\s.:]+$/u, '');
}

/** Loose form of a heading's text, so typographic quotes and spacing do not matter. */
function loose(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Whether any inline anywhere in `v` is a link to `#…`. */
function hasRefs(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasRefs);
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  if (o['kind'] === 'link' && typeof o['href'] === 'string' && o['href'].startsWith('#')) return true;
  return Object.values(o).some((x) => typeof x === 'object' && x !== null && hasRefs(x));
}

/**
 * Numbers the figures and tables of `blocks`, resolves every reference in them to its label and
 * internal link (a reference to nothing printed here keeps its words, unlinked) and records which
 * blocks need a named destination (see {@link anchorFor}).
 */
export function resolveRefs(blocks: readonly Block[], ctx: LayoutContext): readonly Block[] {
  if (!hasRefs(blocks)) return blocks;
  const targets = new Map<string, Target>();
  const headings = new Map<string, string>();
  const owner = new Map<string, Block>();
  let figure = ctx.counters.figure;
  let table = ctx.counters.table;
  for (const b of walk(blocks)) {
    if (b.kind === 'chart') {
      const dest = `fig:${b.name}`;
      if (!targets.has(b.name)) targets.set(b.name, { label: label(ctx.messages['figure'], 'Figure {n}', ++figure), dest });
      else ++figure;
      owner.set(dest, b);
      const asset: ChartAsset | undefined = ctx.charts.get(b.name);
      if (asset?.showTable && asset.table.length > 1) ++table;
    } else if (b.kind === 'table') {
      ++table;
      if (b.id !== undefined && !targets.has(b.id)) {
        targets.set(b.id, { label: label(ctx.messages['table'], 'Table {n}', table), dest: `tbl:${b.id}` });
        owner.set(`tbl:${b.id}`, b);
      }
    } else if (b.kind === 'heading' && !headings.has(loose(plainText(b.content)))) headings.set(loose(plainText(b.content)), b.id);
  }
  const used = new Set<string>();
  const resolve = (i: Inline): Inline[] => {
    if (i.kind !== 'link' || !i.href.startsWith('#')) return [i.kind === 'link' ? { ...i, children: i.children.flatMap(resolve) } : i];
    const kids = i.children.flatMap(resolve);
    if (i.href.startsWith('#§')) {
      const id = headings.get(loose(i.href.slice(2)));
      return id === undefined ? kids : [{ kind: 'link', href: `#${id}`, children: kids }];
    }
    const t = targets.get(i.href.slice(1));
    if (!t) return kids;
    used.add(t.dest);
    return [{ kind: 'link', href: `#${t.dest}`, children: kids.length ? kids : [{ kind: 'text', text: t.label, style: {} }] }];
  };
  const out = mapInlines(blocks, resolve) as readonly Block[];
  // The rewritten blocks are new objects: find the owners again by their place in reading order.
  const before = walk(blocks);
  const after = walk(out);
  const anchors = new Map<Block, string>();
  for (const [dest, b] of owner) {
    const k = before.indexOf(b);
    const now = after[k];
    if (used.has(dest) && now) anchors.set(now, dest);
  }
  anchorsOf.set(ctx, anchors);
  return out;
}

/** Rewrites every inline list found in `v` (any array whose items are inlines), keeping the rest. */
function mapInlines(v: unknown, f: (i: Inline) => Inline[]): unknown {
  if (Array.isArray(v)) {
    const inlines = v.length > 0 && v.every((x) => typeof x === 'object' && x !== null && ['text', 'link', 'noteRef', 'break'].includes((x as { kind?: unknown }).kind as string));
    if (inlines) return (v as Inline[]).flatMap(f);
    return v.map((x: unknown) => mapInlines(x, f));
  }
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'loc' ? x : mapInlines(x, f)]));
}

/** The named destination a block gets because a reference points at it, if any. */
export function anchorFor(b: Block, ctx: LayoutContext): string | undefined {
  return anchorsOf.get(ctx)?.get(b);
}

/** `atoms` with the named destination `dest` set where the first of them is drawn. */
export function anchored(atoms: readonly Atom[], dest: string): Atom[] {
  const k = atoms.findIndex((a) => !a.discardable);
  if (k < 0) return [...atoms];
  const first = atoms[k] as Atom;
  const out = [...atoms];
  out[k] = {
    ...first,
    draw: (x, y, dc) => {
      dc.anchor(dest, y);
      first.draw(x, y, dc);
    },
  };
  return out;
}
