import PDFDocument from 'pdfkit';
import type { DocMeta } from '../doc/index.js';
import { assertNever } from '../diag/index.js';
import type { PagedDocument, PageGeometry, PageItem, StructNode } from '../layout/index.js';
import { getFont } from '../text/index.js';
import { localeOf } from '../util/index.js';
import type { FontId } from '../text/index.js';
import { drawChart } from './chart.js';
import { writeXmp } from './xmp.js';
import { shareShaping } from './font-cache.js';
import { writeText } from './text.js';
import type { EmbeddedFontLike } from './text.js';
import { writeNavigation } from './navigation.js';
import { useObjectStreams } from './objstm.js';
import { logoDrawer } from './logo.js';
import { activeTheme } from '../theme/index.js';

export interface RenderOptions {
  /** PDF/A-2a archival output (combined with tagging and the PDF/UA identifier). */
  readonly pdfa?: boolean;
  /** Creation date; default: the briefing's date (reproducible bytes). */
  readonly date?: Date;
  /** Draw crop marks in the slug when the geometry has bleed. */
  readonly cropMarks?: boolean;
}

export type Doc = PDFKit.PDFDocument;
export type StructElem = PDFKit.PDFStructureElement;

/** Creation date: SOURCE_DATE_EPOCH when set, else the briefing's own date. */
export function documentDate(meta: DocMeta, override?: Date): Date {
  if (override) return override;
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${meta.date}T00:00:00Z`);
}

/** A pdfkit document set up as ours (tagged, metadata, fonts by need) and its bytes to come. */
export interface OpenDocument {
  readonly doc: Doc;
  /** Our fonts, registered with the document on first use. */
  readonly font: (id: FontId) => EmbeddedFontLike;
  /** Resolves with the PDF bytes once the document is ended. */
  readonly bytes: Promise<Buffer>;
}

/** Creates a tagged pdfkit document with our metadata, collecting its output. */
export function openDocument(meta: DocMeta, o: RenderOptions = {}): OpenDocument {
  const date = documentDate(meta, o.date);
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    // No default font: pdfkit would otherwise load Helvetica's metrics for every document;
    // every text we draw names its font.
    font: '',
    compress: true,
    tagged: true,
    lang: localeOf(meta.language),
    displayTitle: true,
    pdfVersion: '1.7',
    subset: o.pdfa ? 'PDF/A-2a' : 'PDF/UA',
    info: {
      Title: meta.title,
      ...(meta.author ? { Author: meta.author } : {}),
      Subject: meta.subject ?? meta.subtitle ?? meta.title,
      // The marking leads the keywords, so document properties show it too.
      Keywords: [meta.classification, ...(meta.keywords ?? [])].filter((k) => k !== '').join(', '),
      Creator: 'briefkit',
      Producer: 'briefkit (pdfkit)',
      CreationDate: date,
      ModDate: date,
    },
  } as PDFKit.PDFDocumentOptions);
  // XMP that agrees with Info (escaped, dates included); for PDF/A also the PDF/UA
  // identifier with the extension schema PDF/A requires for it.
  writeXmp(doc, { pdfa: o.pdfa === true });
  useObjectStreams(doc);
  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const embedded = new Map<FontId, EmbeddedFontLike>();
  const font = (id: FontId): EmbeddedFontLike => {
    let f = embedded.get(id);
    if (!f) {
      // pdfkit takes an already parsed fontkit font: the process parses each font once, and
      // every document reuses it (and its glyph and layout caches) instead of parsing it again.
      // A font is embedded (as a subset) only if some text uses it.
      doc.registerFont(id, getFont(id) as unknown as Buffer);
      f = shareShaping(doc, id);
      embedded.set(id, f);
    }
    return f;
  };
  return { doc, font, bytes };
}

/**
 * Writes the paged document as a tagged PDF with pdfkit. Draws exactly what layout placed;
 * never paginates. Returns the PDF bytes.
 */
export function renderPdf(paged: PagedDocument, meta: DocMeta, o: RenderOptions = {}): Promise<Buffer> {
  const { doc, font, bytes } = openDocument(meta, o);
  const elems = buildStructure(doc, paged.structure);
  const nav = writeNavigation(doc, paged);
  const logo = themeLogo(doc);
  for (const page of paged.pages) {
    addPage(doc, paged.geometry, o);
    nav.onPage(page);
    drawItems(doc, page.items, elems, paged, font);
    logo?.(page, paged.geometry);
  }
  nav.finish();
  for (const e of elems) e?.end();
  doc.end();
  return bytes;
}

/** The logo of the theme this build runs with (see `withTheme`), drawn on every page; none without one. */
export function themeLogo(doc: Doc): ReturnType<typeof logoDrawer> | undefined {
  const logo = activeTheme()?.logo;
  return logo ? logoDrawer(doc, logo) : undefined;
}

/** Adds a page of the document's media size, with trim and bleed boxes (and crop marks) when printing with bleed. */
export function addPage(doc: Doc, g: PageGeometry, o: RenderOptions): void {
  doc.addPage({ size: [g.width + 2 * g.trimOffset, g.height + 2 * g.trimOffset], margin: 0 });
  if (g.trimOffset > 0) setPrintBoxes(doc, g, o.cropMarks !== false);
}

/**
 * Creates every structure element up front, nested as layout declared them. Top nodes
 * (parent -1) go under `parent`, or the structure tree root; `first`, when given, stands for
 * node 0 (an element already placed in the tree).
 */
export function buildStructure(doc: Doc, nodes: readonly StructNode[], parent?: StructElem, first?: StructElem): (StructElem | undefined)[] {
  const elems: (StructElem | undefined)[] = [];
  for (const n of nodes) {
    if (n.id === 0 && first) {
      elems.push(first);
      continue;
    }
    const opts: Record<string, unknown> = {};
    if (n.alt) opts['alt'] = n.alt;
    if (n.scope) opts['scope'] = n.scope;
    if (n.lang) opts['lang'] = n.lang;
    const e = doc.struct(n.role, opts as PDFKit.Mixins.StructureElementOptions);
    elems.push(e);
    const under = n.parent >= 0 ? elems[n.parent] : parent;
    if (under) under.add(e);
    else doc.addStructure(e);
  }
  return elems;
}

function setPrintBoxes(doc: Doc, g: PageGeometry, marks: boolean): void {
  const page = doc.page as unknown as { dictionary: { data: Record<string, unknown> }; height: number };
  const o = g.trimOffset;
  page.dictionary.data['TrimBox'] = [o, o, o + g.width, o + g.height];
  page.dictionary.data['BleedBox'] = [o - g.bleed, o - g.bleed, o + g.width + g.bleed, o + g.height + g.bleed];
  if (!marks) return;
  doc.markContent('Artifact', { type: 'Layout' } as PDFKit.Mixins.MarkingOptions);
  doc.save().lineWidth(0.25).strokeColor('#000000');
  const len = 12;
  const gap = g.bleed + 3;
  for (const [cx, cy] of [[o, o], [o + g.width, o], [o, o + g.height], [o + g.width, o + g.height]] as const) {
    const sx = cx === o ? -1 : 1;
    const sy = cy === o ? -1 : 1;
    doc.moveTo(cx + sx * gap, cy).lineTo(cx + sx * (gap + len), cy).stroke();
    doc.moveTo(cx, cy + sy * gap).lineTo(cx, cy + sy * (gap + len)).stroke();
  }
  doc.restore();
  doc.endMarkedContent();
}

/** Draws page items, each inside the marked content of its structure element (or as an artifact). */
export function drawItems(
  doc: Doc, items: readonly PageItem[], elems: readonly (StructElem | undefined)[],
  paged: Pick<PagedDocument, 'structure' | 'charts'>, fonts: (id: FontId) => EmbeddedFontLike,
): void {
  let open: number | 'artifact' | null = null;
  const close = (): void => {
    if (open !== null) doc.endMarkedContent();
    open = null;
  };
  const mark = (tag: number | 'artifact', role: string): void => {
    if (open === tag) return;
    close();
    if (tag === 'artifact') doc.markContent('Artifact', { type: 'Pagination' } as PDFKit.Mixins.MarkingOptions);
    else {
      const content = doc.markStructureContent(role);
      elems[tag]?.add(content);
    }
    open = tag;
  };
  const roleOf = (tag: number | 'artifact'): string => (tag === 'artifact' ? 'Artifact' : paged.structure[tag]?.role ?? 'Span');
  for (const it of items) {
    switch (it.kind) {
      case 'text': {
        mark(it.tag, roleOf(it.tag));
        writeText(doc, fonts(it.font), it);
        break;
      }
      case 'rect':
        mark('artifact', 'Artifact');
        doc.save();
        doc.rect(it.x, it.y, it.width, it.height);
        if (it.fill && it.stroke) doc.lineWidth(it.lineWidth ?? 0.5).fillAndStroke(it.fill, it.stroke);
        else if (it.fill) doc.fill(it.fill);
        else if (it.stroke) doc.lineWidth(it.lineWidth ?? 0.5).stroke(it.stroke);
        doc.restore();
        break;
      case 'line':
        mark('artifact', 'Artifact');
        doc.save().moveTo(it.x1, it.y1).lineTo(it.x2, it.y2).lineWidth(it.lineWidth).stroke(it.color).restore();
        break;
      case 'chart': {
        const asset = paged.charts.get(it.name);
        if (!asset) throw new Error(`internal: chart ${it.name} missing at render`);
        mark(it.tag, roleOf(it.tag));
        // Registering the font is what lets pdfkit find it by name.
        drawChart(doc, asset, it.box, (id) => { fonts(id); return id; });
        break;
      }
      case 'link': {
        const struct = typeof it.tag === 'number' ? elems[it.tag] : undefined;
        const opts = struct ? { structParent: struct } : {};
        if (it.href) doc.link(it.box.x, it.box.y, it.box.width, it.box.height, it.href, opts as never);
        else if (it.dest) doc.goTo(it.box.x, it.box.y, it.box.width, it.box.height, it.dest, opts as never);
        break;
      }
      default:
        assertNever(it, 'page item');
    }
  }
  close();
}
