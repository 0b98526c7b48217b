import type { OutlineEntry, Page, PagedDocument } from '../layout/types.js';

type Doc = PDFKit.PDFDocument;
type Outline = { addItem(title: string, options?: { expanded?: boolean }): Outline; outlineData: Record<string, unknown> };

/**
 * Named destinations for headings, bookmarks mirroring the heading tree, and page labels
 * (front matter roman, body arabic). Outline items are added while their page is current,
 * because pdfkit points a new outline item at the current page.
 */
export function writeNavigation(doc: Doc, paged: PagedDocument): { onPage(page: Page): void; finish(): void } {
  const byPage = new Map<number, { entry: OutlineEntry; parent: OutlineEntry | null }[]>();
  const walk = (entries: readonly OutlineEntry[], parent: OutlineEntry | null): void => {
    for (const e of entries) {
      const list = byPage.get(e.page) ?? [];
      list.push({ entry: e, parent });
      byPage.set(e.page, list);
      walk(e.children, e);
    }
  };
  walk(paged.outline, null);
  const items = new Map<OutlineEntry, Outline>();
  const root = (doc as unknown as { outline: Outline }).outline;
  return {
    onPage(page) {
      for (const a of page.anchors) doc.addNamedDestination(a.id, 'XYZ', page.content.x, doc.page.height - a.y + 4, null);
      for (const { entry, parent } of byPage.get(page.index) ?? []) {
        const under = parent ? items.get(parent) : root;
        if (!under) continue;
        const item = under.addItem(entry.title, { expanded: true });
        // Point at the heading itself (its named destination), not at the page's corner.
        item.outlineData['Dest'] = new String(entry.dest);
        items.set(entry, item);
      }
    },
    finish() {
      const nums: unknown[] = [];
      for (const r of paged.pageLabels) {
        nums.push(r.start, { S: r.style === 'roman' ? 'r' : 'D', St: r.first, ...(r.prefix ? { P: new String(r.prefix) } : {}) });
      }
      const root = (doc as unknown as { _root: { data: Record<string, unknown> } })._root;
      root.data['PageLabels'] = { Nums: nums };
      if (paged.outline.length) root.data['PageMode'] = 'UseOutlines';
    },
  };
}
