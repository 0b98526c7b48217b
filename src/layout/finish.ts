import type { DocMeta } from '../doc/index.js';
import type { Theme } from '../theme/index.js';
import { furniture, roman } from './furniture.js';
import { contentBox } from './geometry.js';
import type { OutlineEntry, PageGeometry, PageItem, PageLabelRange } from './types.js';

/** Whose a page is, for its running texts: a briefing, or the pack's own pages (front matter, endnotes). */
export interface PageOwner {
  readonly meta: DocMeta;
  readonly messages: Readonly<Record<string, string>>;
  /** The footer shows the owner's title and own page count ("…, page 2 of 5"): a briefing inside a pack. */
  readonly ownCount: boolean;
}

/** One laid-out page as the finisher sees it. */
export interface PageRecord {
  /** Index into the owners. */
  readonly owner: number;
  readonly blank: boolean;
  /** Front matter: a roman label and "Page ii" (no total). */
  readonly front: boolean;
  /** A cover page: only the marking. */
  readonly cover: boolean;
}

/** What the running texts of a whole document depend on. */
interface FinishInput {
  readonly theme: Theme;
  readonly geometry: PageGeometry;
  readonly owners: readonly PageOwner[];
  /** Every page in print order. */
  readonly pages: readonly PageRecord[];
  /** Marking on every page instead of each owner's (a pack's highest). */
  readonly marking?: string;
}

const BLANK_TEXT = 'This page intentionally left blank';

/** The footer's page wording: "Page 3 of 12" in the body (`total` given), "Page ii" in front matter. */
function pageText(msgs: Readonly<Record<string, string>>, label: string, total: number | undefined): string {
  return total === undefined
    ? (msgs['pageFront'] ?? 'Page {n}').replace('{n}', label)
    : (msgs['pageOf'] ?? 'Page {n} of {total}').replace('{n}', label).replace('{total}', String(total));
}

/** Page label ranges: roman numerals for front matter pages, arabic from the first body page. */
function pageLabels(pages: readonly { readonly front: boolean }[]): PageLabelRange[] {
  const frontCount = pages.filter((s) => s.front).length;
  if (frontCount === 0) return [{ start: 0, style: 'arabic', first: 1 }];
  return [{ start: 0, style: 'roman', first: 1 }, ...(frontCount < pages.length ? [{ start: frontCount, style: 'arabic' as const, first: 1 }] : [])];
}

/** The printed label of a page: "ii" in front matter, "3" in the body. */
export function labelText(labels: readonly PageLabelRange[], index: number): string {
  let range = labels[0] as PageLabelRange;
  for (const r of labels) if (r.start <= index) range = r;
  const n = range.first + index - range.start;
  return (range.prefix ?? '') + (range.style === 'roman' ? roman(n) : String(n));
}

/** Bookmarks mirroring the heading hierarchy; `anchors` gives each heading's print-order page. */
export function outline(headings: readonly { id: string; level: number; title: string }[], anchors: ReadonlyMap<string, number>): OutlineEntry[] {
  type Mutable = { title: string; dest: string; page: number; children: Mutable[]; level: number };
  const root: Mutable[] = [];
  const stack: Mutable[] = [];
  for (const h of headings) {
    const page = anchors.get(h.id);
    if (page === undefined) continue;
    const e: Mutable = { title: h.title, dest: h.id, page, children: [], level: h.level };
    while (stack.length && (stack[stack.length - 1] as Mutable).level >= h.level) stack.pop();
    const parent = stack[stack.length - 1];
    (parent ? parent.children : root).push(e);
    stack.push(e);
  }
  const strip = (m: Mutable): OutlineEntry => ({ title: m.title, dest: m.dest, page: m.page, children: m.children.map(strip) });
  return root.map(strip);
}

/** First print index and page count of each owner (an owner's pages are consecutive). */
function ownerSpans(pages: readonly PageRecord[]): Map<number, { first: number; count: number }> {
  const spans = new Map<number, { first: number; count: number }>();
  pages.forEach((r, k) => {
    const s = spans.get(r.owner);
    if (s) s.count++;
    else spans.set(r.owner, { first: k, count: 1 });
  });
  return spans;
}

/**
 * Every page's running header and footer, in print order: the one place page furniture is
 * worded, for a briefing alone and for a pack alike. Labels are roman in front matter and
 * arabic from the first body page; "Page X of Y" counts the body pages.
 */
export function runningTexts(f: FinishInput): { furniture: PageItem[][]; pageLabels: PageLabelRange[] } {
  const labels = pageLabels(f.pages);
  const bodyCount = f.pages.filter((p) => !p.front).length;
  const spans = ownerSpans(f.pages);
  const items = f.pages.map((r, k) => {
    const owner = f.owners[r.owner] as PageOwner;
    const msgs = owner.messages;
    const meta = f.marking === undefined ? owner.meta : { ...owner.meta, classification: f.marking };
    const label = labelText(labels, k);
    const own = spans.get(r.owner);
    let partText: string | undefined;
    if (owner.ownCount && own) {
      const values: Record<string, string> = { title: meta.title, n: String(k - own.first + 1), total: String(own.count) };
      // One pass with a function: a title holding "{n}" or "$&" stays as written.
      partText = (msgs['partPageOf'] ?? '{title}, page {n} of {total}').replace(/\{(title|n|total)\}/g, (_m, key: string) => values[key] ?? '');
    }
    return furniture({
      meta, theme: f.theme, geometry: f.geometry, content: contentBox(f.geometry, f.theme.margins, k), index: k,
      // Only the title gives way to a long footer: the briefing's own page count always shows.
      pageText: pageText(msgs, label, r.front ? undefined : bodyCount), ...(partText ? { footerLeft: partText, footerShrink: meta.title } : {}),
      cover: r.cover, blank: r.blank, blankText: msgs['blankPage'] ?? BLANK_TEXT,
    });
  });
  return { furniture: items, pageLabels: labels };
}
