import type { DocMeta } from '../doc/index.js';
import type { PackTail, PagedSection } from '../layout/index.js';
import type { PageGeometry, PageItem } from '../layout/index.js';
import { addDestinations, writeOutline, writePageLabels } from './navigation.js';
import { addPage, buildStructure, drawItems, openDocument, themeLogo } from './pdf.js';
import type { RenderOptions, StructElem } from './pdf.js';
import { pageTreeKids, resumePage, suspendPage } from './pdfkit-internals.js';
import type { SuspendedPage } from './pdfkit-internals.js';

/** Writes a pack while it is laid out: each part's pages as they come, then the front matter. */
export interface PackWriter {
  /** Writes body pages (a briefing, or the endnotes) and lets go of them. */
  section(s: PagedSection): void;
  /**
   * Writes the front matter, every page's running header and footer and the bookmarks, and
   * ends the document; `keywords` (known only once every briefing is read) go into its metadata.
   */
  finish(tail: PackTail, keywords: readonly string[]): Promise<Buffer>;
}

/**
 * Streams a pack into one PDF. A body page is written as soon as it is drawn, except for its
 * running texts ("Page X of Y" needs the pack's length): its drawing so far is closed as the
 * page's first content stream, and the page dictionary stays open until `finish` adds a
 * second content stream with the header and footer. The front matter, laid out last, is
 * moved to the front of the page tree. So only one part's pages are ever in memory, while
 * pdfkit keeps a few small objects per page.
 */
export function packWriter(meta: DocMeta, geometry: PageGeometry, o: RenderOptions = {}): PackWriter {
  const { doc, font, bytes } = openDocument(meta, o);
  const root = doc.struct('Document');
  doc.addStructure(root);
  // The front matter's section comes first in reading order, though it is written last.
  const frontSect = doc.struct('Sect');
  root.add(frontSect);
  const waiting: SuspendedPage[] = [];
  const logo = themeLogo(doc);

  const draw = (items: readonly PageItem[], elems: readonly (StructElem | undefined)[], s: Pick<PagedSection, 'structure' | 'charts'>): void => {
    drawItems(doc, items, elems, s, font);
  };

  return {
    section(s) {
      const elems = buildStructure(doc, s.structure, root);
      for (const page of s.pages) {
        addPage(doc, geometry, o);
        addDestinations(doc, page);
        draw(page.items, elems, s);
        logo?.(page, geometry);
        waiting.push(suspendPage(doc));
      }
      // The section's structure is complete: pdfkit writes it out and forgets it.
      elems[0]?.end();
    },
    finish(tail, keywords) {
      if (keywords.length) (doc as unknown as { info: Record<string, unknown> }).info['Keywords'] = keywords.join(', ');
      if (waiting.length !== tail.bodyPages) throw new Error(`internal: ${waiting.length} body pages written, layout counted ${tail.bodyPages}`);
      waiting.forEach((page, j) => {
        resumePage(doc, page);
        draw(tail.furniture[tail.frontPages + j] ?? [], [], { structure: [], charts: new Map() });
        page.end();
      });
      const elems = buildStructure(doc, tail.front.structure, root, frontSect);
      const kids = pageTreeKids(doc);
      tail.front.pages.forEach((page, i) => {
        addPage(doc, geometry, o);
        // pdfkit appends pages to the page tree; the front matter belongs before the body.
        kids.splice(i, 0, kids.pop());
        addDestinations(doc, page);
        draw(page.items, elems, tail.front);
        draw(tail.furniture[i] ?? [], elems, tail.front);
        logo?.(page, geometry);
      });
      writeOutline(doc, tail.outline);
      writePageLabels(doc, tail.pageLabels, tail.outline.length > 0);
      root.end();
      doc.end();
      return bytes;
    },
  };
}
