import { catalog } from './pdfkit-internals.js';
import type { OutlineEntry, Page, PagedDocument, PageLabelRange } from '../layout/index.js';

type Doc = PDFKit.PDFDocument;
type Outline = { addItem(title: string, options?: { expanded?: boolean }): Outline; outlineData: Record<string, unknown> };

/**
 * Named destinations for headings, bookmarks mirroring the heading tree, and page labels
 * (front matter roman, body arabic).
 */
export function writeNavigation(doc: Doc, paged: PagedDocument): { onPage(page: Page): void; finish(): void } {
  return {
    onPage(page) {
      addDestinations(doc, page);
    },
    finish() {
      writeOutline(doc, paged.outline);
      writePageLabels(doc, paged.pageLabels, paged.outline.length > 0);
    },
  };
}

/** Named destinations for the headings on the current page (which must be `page`). */
export function addDestinations(doc: Doc, page: Page): void {
  for (const a of page.anchors) doc.addNamedDestination(a.id, 'XYZ', page.content.x, doc.page.height - a.y + 4, null);
}

/** Bookmarks, in document order; each points at its heading's named destination. */
export function writeOutline(doc: Doc, entries: readonly OutlineEntry[]): void {
  const add = (under: Outline, list: readonly OutlineEntry[]): void => {
    for (const e of list) {
      const item = under.addItem(e.title, { expanded: true });
      // Point at the heading itself (its named destination), not at the current page's corner.
      item.outlineData['Dest'] = new String(e.dest);
      add(item, e.children);
    }
  };
  add((doc as unknown as { outline: Outline }).outline, entries);
}

/** Page labels (what viewers show as page numbers) and, with bookmarks, opening with them shown. */
export function writePageLabels(doc: Doc, labels: readonly PageLabelRange[], hasOutline: boolean): void {
  const nums: unknown[] = [];
  for (const r of labels) {
    nums.push(r.start, { S: r.style === 'roman' ? 'r' : 'D', St: r.first, ...(r.prefix ? { P: new String(r.prefix) } : {}) });
  }
  const root = catalog(doc);
  root['PageLabels'] = { Nums: nums };
  if (hasOutline) root['PageMode'] = 'UseOutlines';
}
