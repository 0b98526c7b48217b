import PDFDocument from 'pdfkit';
import type { DocMeta } from '../doc/types.js';
import { assertNever } from '../diag/errors.js';
import type { PagedDocument, PageItem, StructNode } from '../layout/types.js';
import { FONT_IDS, getFont } from '../text/fonts.js';
import { splitRuns } from '../text/measure.js';
import type { FontId } from '../text/fonts.js';
import { drawChart } from './chart.js';
import { escapeXmpInfo } from './xmp.js';
import { shareShaping } from './font-cache.js';
import { writeText } from './text.js';
import type { EmbeddedFontLike } from './text.js';
import { writeNavigation } from './navigation.js';

export interface RenderOptions {
  /** PDF/A-2a archival output (combined with tagging and the PDF/UA identifier). */
  readonly pdfa?: boolean;
  /** Creation date; default: the briefing's date (reproducible bytes). */
  readonly date?: Date;
  /** Draw crop marks in the slug when the geometry has bleed. */
  readonly cropMarks?: boolean;
}

type Doc = PDFKit.PDFDocument;
type StructElem = PDFKit.PDFStructureElement;

/** Creation date: SOURCE_DATE_EPOCH when set, else the briefing's own date. */
export function documentDate(meta: DocMeta, override?: Date): Date {
  if (override) return override;
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${meta.date}T00:00:00Z`);
}

/**
 * Writes the paged document as a tagged PDF with pdfkit. Draws exactly what layout placed;
 * never paginates. Returns the PDF bytes.
 */
export function renderPdf(paged: PagedDocument, meta: DocMeta, o: RenderOptions = {}): Promise<Buffer> {
  const g = paged.geometry;
  const date = documentDate(meta, o.date);
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    // No default font: pdfkit would otherwise load Helvetica's metrics for every document;
    // every text we draw names its font.
    font: '',
    compress: true,
    tagged: true,
    lang: meta.language === 'fr' ? 'fr-CA' : 'en-CA',
    displayTitle: true,
    pdfVersion: '1.7',
    subset: o.pdfa ? 'PDF/A-2a' : 'PDF/UA',
    info: {
      Title: meta.title,
      ...(meta.author ? { Author: meta.author } : {}),
      Subject: meta.subject ?? meta.subtitle ?? meta.title,
      ...(meta.keywords?.length ? { Keywords: meta.keywords.join(', ') } : {}),
      Creator: 'briefkit',
      Producer: 'briefkit (pdfkit)',
      CreationDate: date,
      ModDate: date,
    },
  } as PDFKit.PDFDocumentOptions);
  escapeXmpInfo(doc);
  if (o.pdfa) {
    doc.appendXML(`
        <rdf:Description xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" rdf:about="">
            <pdfuaid:part>1</pdfuaid:part>
        </rdf:Description>`);
  }
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const embedded = new Map<FontId, EmbeddedFontLike>();
  for (const id of FONT_IDS) {
    if (id.startsWith('kr-') && !usesFont(paged, id)) continue;
    // pdfkit takes an already parsed fontkit font: the process parses each font once, and
    // every document reuses it (and its glyph and layout caches) instead of parsing it again.
    doc.registerFont(id, getFont(id) as unknown as Buffer);
    embedded.set(id, shareShaping(doc, id));
  }
  const elems = buildStructure(doc, paged.structure);
  const media = { width: g.width + 2 * g.trimOffset, height: g.height + 2 * g.trimOffset };
  const nav = writeNavigation(doc, paged);
  for (const page of paged.pages) {
    doc.addPage({ size: [media.width, media.height], margin: 0 });
    if (g.trimOffset > 0) setPrintBoxes(doc, g, o.cropMarks !== false);
    nav.onPage(page);
    drawItems(doc, page.items, elems, paged, embedded);
  }
  nav.finish();
  for (const e of elems) e?.end();
  doc.end();
  return done;
}

/** Whether any text of the document, chart labels included, is set in font `id`. */
function usesFont(paged: PagedDocument, id: FontId): boolean {
  if (paged.pages.some((p) => p.items.some((i) => i.kind === 'text' && i.font === id))) return true;
  for (const c of paged.charts.values()) {
    for (const op of c.ops) if (op.kind === 'text' && splitRuns(op.text, op.face).some((r) => r.font === id)) return true;
  }
  return false;
}

/** Creates every structure element up front, nested as layout declared them. */
function buildStructure(doc: Doc, nodes: readonly StructNode[]): (StructElem | undefined)[] {
  const elems: (StructElem | undefined)[] = [];
  for (const n of nodes) {
    const opts: Record<string, unknown> = {};
    if (n.alt) opts['alt'] = n.alt;
    if (n.scope) opts['scope'] = n.scope;
    if (n.lang) opts['lang'] = n.lang;
    const e = doc.struct(n.role, opts as PDFKit.Mixins.StructureElementOptions);
    elems.push(e);
    const parent = n.parent >= 0 ? elems[n.parent] : undefined;
    if (parent) parent.add(e);
    else doc.addStructure(e);
  }
  return elems;
}

function setPrintBoxes(doc: Doc, g: PagedDocument['geometry'], marks: boolean): void {
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

function drawItems(doc: Doc, items: readonly PageItem[], elems: readonly (StructElem | undefined)[], paged: PagedDocument, fonts: ReadonlyMap<FontId, EmbeddedFontLike>): void {
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
        const font = fonts.get(it.font);
        if (!font) throw new Error(`internal: font ${it.font} not registered`);
        writeText(doc, font, it);
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
        drawChart(doc, asset, it.box, (id) => id);
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
