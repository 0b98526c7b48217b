/**
 * Compressed object streams and a cross-reference stream for pdfkit documents (PDF 1.5+).
 *
 * pdfkit writes every indirect object as `N 0 obj <<...>> endobj` and ends the file with a
 * classic `xref` table. Most of a tagged briefing is small dictionaries (structure elements,
 * pages, annotations), which compress well together: this module collects them into
 * `/Type /ObjStm` streams and replaces the table and trailer with a `/Type /XRef` stream.
 */
import { newRef, replaceFinalize, replaceWrite, writesClassicXref } from './pdfkit-internals.js';

/** An indirect object without stream data, serialised by pdfkit, waiting for its object stream. */
interface Packed {
  readonly id: number;
  readonly body: string;
}

/** Objects per object stream (qpdf puts 100 in each; more compress slightly better). */
const BATCH = 200;

/** The first line pdfkit writes for an indirect object (`PDFReference.finalize`). */
const OBJ_LINE = /^(\d+) 0 obj$/;

/**
 * Makes `doc` write its objects without stream data into compressed object streams and end
 * with a cross-reference stream instead of an `xref` table and trailer.
 *
 * Call it right after `new PDFDocument(...)`. Only this instance changes: its `_write` holds
 * back each object's first line and dictionary until pdfkit writes `stream` (a stream object,
 * written unchanged) or `endobj` (packed into the current batch of {@link BATCH} objects,
 * itself written as one deflated `/Type /ObjStm` object); its `_finalize` writes the last
 * batch, then the cross-reference stream. pdfkit's own bookkeeping (`ref()`, `_refEnd`,
 * `_waiting`) is untouched, so objects that end after `doc.end()` still work. The output is
 * as reproducible as pdfkit's. Documents before PDF 1.5 and encrypted documents (whose
 * encryption dictionary may not sit in an object stream) are left alone.
 */
export function useObjectStreams(doc: PDFKit.PDFDocument): void {
  if (writesClassicXref(doc)) return;
  /** Object number -> [its object stream's number, its index there]. */
  const located = new Map<number, readonly [number, number]>();
  let batch: Packed[] = [];
  let header: string | null = null;
  let body: string | null = null;

  const flush = (): void => {
    if (batch.length === 0) return;
    const objs = batch;
    batch = [];
    let at = 0;
    const pairs = objs.map((o) => {
      const pair = `${o.id} ${at}`;
      at += o.body.length + 1;
      return pair;
    });
    const head = `${pairs.join(' ')}\n`;
    const stm = newRef(doc, { Type: 'ObjStm', N: objs.length, First: head.length });
    objs.forEach((o, i) => located.set(o.id, [stm.id, i]));
    // pdfkit's strings are binary: one char per byte.
    stm.end(Buffer.from(head + objs.map((o) => `${o.body}\n`).join(''), 'latin1'));
  };

  const write = replaceWrite(doc, (data) => {
    if (header === null) {
      if (typeof data === 'string' && OBJ_LINE.test(data)) header = data;
      else write(data);
    } else if (body === null) {
      body = String(data);
    } else {
      const [h, b] = [header, body];
      header = body = null;
      if (data === 'endobj') {
        batch.push({ id: Number(OBJ_LINE.exec(h)?.[1]), body: b });
        if (batch.length >= BATCH) flush();
      } else {
        write(h);
        write(b);
        write(data);
      }
    }
  });

  replaceFinalize(doc, (fileEnd) => {
    flush();
    const xref = newRef(doc);
    // Read after the last batch and the xref stream object took their numbers and bytes.
    const end = fileEnd();
    const start = end.offset;
    const size = end.offsets.length + 1;
    const w = byteWidth(Math.max(start, xref.id));
    const row = 1 + w + 2;
    const table = Buffer.alloc(size * row);
    const entry = (n: number, type: number, a: number, b: number): void => {
      table.writeUInt8(type, n * row);
      table.writeUIntBE(a, n * row + 1, w);
      table.writeUInt16BE(b, n * row + 1 + w);
    };
    entry(0, 0, 0, 0xffff);
    // pdfkit's offsets also holds an offset for a packed object (where nothing was
    // written): its place in an object stream comes first.
    for (let n = 1; n < size; n++) {
      const inStream = located.get(n);
      const offset = n === xref.id ? start : end.offsets[n - 1];
      if (inStream) entry(n, 2, inStream[0], inStream[1]);
      else if (offset != null) entry(n, 1, offset, 0);
      else entry(n, 0, 0, 0);
    }
    Object.assign(xref.data, {
      Type: 'XRef',
      Size: size,
      W: [1, w, 2],
      Root: end.root,
      Info: end.info,
      ID: [end.id, end.id],
    });
    xref.end(table);
    write('startxref');
    write(`${start}`);
    write('%%EOF');
  });
}

/** Bytes needed to write `n` big-endian (at least one). */
function byteWidth(n: number): number {
  let w = 1;
  while (n >= 256 ** w) w++;
  return w;
}
