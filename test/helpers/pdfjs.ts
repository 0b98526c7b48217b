import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';

/** Opens PDF bytes with pdf.js (the legacy build runs on Node 20). */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  return getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
}

export interface OutlineNode {
  title: string;
  /** 0-based page index the bookmark jumps to. */
  page: number;
  children: OutlineNode[];
}

/** The bookmarks with the page each one leads to. */
export async function outline(doc: PDFDocumentProxy): Promise<OutlineNode[]> {
  const items = (await doc.getOutline()) ?? [];
  const walk = async (list: typeof items): Promise<OutlineNode[]> => {
    const out: OutlineNode[] = [];
    for (const it of list) {
      const dest = typeof it.dest === 'string' ? await doc.getDestination(it.dest) : it.dest;
      const ref = dest?.[0];
      const page = ref && typeof ref === 'object' ? await doc.getPageIndex(ref as never) : -1;
      out.push({ title: it.title, page, children: await walk(it.items) });
    }
    return out;
  };
  return walk(items);
}

/** Text of one page (1-based), items joined by spaces. */
export async function pageText(doc: PDFDocumentProxy, n: number): Promise<string> {
  const page = await doc.getPage(n);
  const content = await page.getTextContent();
  return content.items.map((i) => ('str' in i ? i.str : '')).join(' ');
}

export interface StructNodeJson {
  role?: string;
  alt?: string;
  lang?: string;
  children?: StructNodeJson[];
}

/** Roles (with alt text) of a page's structure tree, depth first. */
export async function structRoles(doc: PDFDocumentProxy, n: number): Promise<{ role: string; alt?: string }[]> {
  const tree = (await (await doc.getPage(n)).getStructTree()) as StructNodeJson | null;
  const out: { role: string; alt?: string }[] = [];
  const walk = (node: StructNodeJson): void => {
    if (node.role) out.push({ role: node.role, ...(node.alt ? { alt: node.alt } : {}) });
    for (const c of node.children ?? []) walk(c);
  };
  if (tree) walk(tree);
  return out;
}
