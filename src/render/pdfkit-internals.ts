/**
 * Every use of pdfkit's private members, in one place (issue 14).
 *
 * pdfkit has no public API for what briefkit needs: object streams (we replace `_write` and
 * `_finalize`), page labels and page-tree order (the catalog `_root`), suspending a page
 * while the rest of a pack is written (`_pageBuffer`), our own XMP (`_addInfo`), and sharing
 * shaped runs and font subsets across documents (`_font`, `font.subset`, `font.layout`). The
 * rest of src/render/ calls the typed functions below; nothing else names a pdfkit member
 * that starts with `_` (test/render/pdfkit-internals.test.ts greps for it), so an upgrade is
 * checked here and only here.
 *
 * Written for pdfkit {@link PDFKIT_VERSION} (pinned exactly in package.json). The adapter
 * test opens a real document and checks the shape and type of every member used here, and
 * that the installed pdfkit is this version: an upgrade fails there, by member name, before
 * it can corrupt output.
 */

/** The pdfkit version this adapter was written and checked against. */
export const PDFKIT_VERSION = '0.20.2';

/** A pdfkit `PDFReference` (an indirect object), as far as we use it. */
export interface PdfRef {
  readonly id: number;
  readonly data: Record<string, unknown>;
  end(chunk?: Uint8Array): void;
}

/** The private `PDFDocument` members used here (pdfkit 0.20). */
interface DocInternals {
  readonly version: number;
  readonly _security: unknown;
  readonly _offset: number;
  readonly _offsets: readonly (number | null)[];
  _ended: boolean;
  readonly _root: PdfRef & { readonly data: { Pages: { data: { Kids: unknown[] } } } };
  readonly _info: PdfRef;
  readonly _id: Uint8Array;
  readonly _font: unknown;
  _pageBuffer: SuspendedPage[];
  page: SuspendedPage;
  _write(data: string | Uint8Array): void;
  _finalize(): void;
  _addInfo(): void;
  ref(data?: Record<string, unknown>): PdfRef;
  push(chunk: null): boolean;
}

type Doc = PDFKit.PDFDocument;
const internals = (doc: Doc): DocInternals => doc as unknown as DocInternals;

// ---- Writing objects and the file end (object streams, src/render/objstm.ts) ----

/** Whether the document is encrypted (`_security`) or older than PDF 1.5 (`version`). */
export function writesClassicXref(doc: Doc): boolean {
  const d = internals(doc);
  return Boolean(d._security) || d.version < 1.5;
}

/**
 * Replaces the document's low-level writer (`_write`, which every indirect object and the
 * file end go through); returns the original, bound, for the replacement to call.
 */
export function replaceWrite(doc: Doc, write: (data: string | Uint8Array) => void): (data: string | Uint8Array) => void {
  const d = internals(doc);
  const original = d._write.bind(d);
  d._write = write;
  return original;
}

/** What a replaced file end may read of the document. */
export interface FileEnd {
  /** Bytes written so far (`_offset`): where the next object starts. */
  readonly offset: number;
  /** Byte offset of each object by number - 1 (`_offsets`; null while not yet written). */
  readonly offsets: readonly (number | null)[];
  /** The catalog, the Info dictionary and the file identifier, for the trailer. */
  readonly root: PdfRef;
  readonly info: PdfRef;
  readonly id: Uint8Array;
}

/**
 * Replaces the document's file end (`_finalize`: the xref table and trailer). pdfkit calls
 * it again when an object ends after `end()`; the replacement runs with `_ended` cleared so
 * objects it ends itself do not start it again. The output stream ends after it.
 */
export function replaceFinalize(doc: Doc, finalize: (end: () => FileEnd) => void): void {
  const d = internals(doc);
  d._finalize = () => {
    d._ended = false;
    finalize(() => ({ offset: d._offset, offsets: d._offsets, root: d._root, info: d._info, id: d._id }));
    d.push(null);
  };
}

/** A new indirect object of the document. */
export function newRef(doc: Doc, data?: Record<string, unknown>): PdfRef {
  return internals(doc).ref(data);
}

// ---- The catalog and page tree ----

/** The document catalog's dictionary (`_root.data`), for entries pdfkit has no API for. */
export function catalog(doc: Doc): Record<string, unknown> {
  return internals(doc)._root.data;
}

/** The page tree's kids, in order (pdfkit appends each new page). */
export function pageTreeKids(doc: Doc): unknown[] {
  return internals(doc)._root.data.Pages.data.Kids;
}

// ---- XMP ----

/** Replaces pdfkit's XMP writer (`_addInfo`, run when the document ends). */
export function replaceInfoWriter(doc: Doc, write: () => void): void {
  internals(doc)._addInfo = write;
}

// ---- Suspended pages (packs) ----

/** A page taken out of pdfkit's buffer: pdfkit will not end it; its writer does. */
export interface SuspendedPage {
  content: PdfRef;
  readonly dictionary: { readonly data: Record<string, unknown> };
  end(): void;
}

/**
 * Closes the current page's drawing as its first content stream and gives it a second,
 * empty one for later; the page leaves pdfkit's `_pageBuffer`, so pdfkit never ends it.
 */
export function suspendPage(doc: Doc): SuspendedPage {
  const d = internals(doc);
  const page = d.page;
  const first = page.content;
  first.end();
  const rest = d.ref();
  page.dictionary.data['Contents'] = [first, rest];
  page.content = rest;
  const at = d._pageBuffer.indexOf(page);
  if (at >= 0) d._pageBuffer.splice(at, 1);
  return page;
}

/** Makes a suspended page current again, so drawing goes into its second content stream. */
export function resumePage(doc: Doc, page: SuspendedPage): void {
  internals(doc).page = page;
}

// ---- Fonts ----

/** pdfkit's embedded font: shaping (`layout`) and its glyph subset, which we share. */
export interface PdfkitFont {
  layout(text: string, features?: string[], onlyWidth?: boolean): unknown;
  readonly subset: { readonly glyphs: readonly number[]; encode(): Uint8Array };
}

/** The document's current font object (`_font`), once `doc.font(id)` selected it. */
export function currentFont(doc: Doc): PdfkitFont {
  return internals(doc)._font as PdfkitFont;
}
