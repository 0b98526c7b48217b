import { execFileSync } from 'node:child_process';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/index.js';
import { useObjectStreams } from '../../src/render/objstm.js';
import { pageTexts, pdfInfo, plainPdf, qpdfCheck, structTree, tempFile } from '../helpers/pdf.js';

const FILE = 'data/briefings/canada-korea-1995.yaml';

/** Where qpdf finds each object: in an object stream (its number) or at a byte offset. */
function xref(path: string): Map<number, { stream?: number; offset?: number }> {
  const rows = new Map<number, { stream?: number; offset?: number }>();
  for (const line of execFileSync('qpdf', ['--show-xref', path], { encoding: 'utf8' }).split('\n')) {
    const m = /^(\d+)\/0: (?:compressed; stream = (\d+)|uncompressed; offset = (\d+))/.exec(line);
    if (m) rows.set(Number(m[1]), m[2] ? { stream: Number(m[2]) } : { offset: Number(m[3]) });
  }
  return rows;
}

/** Numbers of the objects that have stream data, and each stream's /Type. */
function streamObjects(path: string): Map<number, string | undefined> {
  const json = execFileSync('qpdf', ['--json=2', '--json-key=qpdf', '--json-stream-data=none', path], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const objects = (JSON.parse(json) as { qpdf: [unknown, Record<string, { stream?: { dict: Record<string, unknown> } }>] }).qpdf[1];
  const streams = new Map<number, string | undefined>();
  for (const [key, o] of Object.entries(objects)) {
    const id = /^obj:(\d+) 0 R$/.exec(key)?.[1];
    if (id && o.stream) streams.set(Number(id), o.stream.dict['/Type'] as string | undefined);
  }
  return streams;
}

/** Asserts `qpdf --check` finds neither errors nor warnings. */
function expectClean(path: string): void {
  const out = qpdfCheck(path);
  expect(out).toMatch(/No syntax or stream encoding errors found/);
  expect(out).not.toMatch(/WARNING/i);
}

/** Writes a pdfkit document with object streams: `draw` adds content and calls `doc.end()`. */
function pdfkitPdf(options: PDFKit.PDFDocumentOptions, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, pdfVersion: '1.7', info: { CreationDate: new Date(0) }, ...options });
  useObjectStreams(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  return done;
}

describe('the default briefing with object streams', () => {
  let pdf: Buffer;
  let path: string;

  beforeAll(async () => {
    const r = await buildBriefing({ file: FILE });
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    pdf = r.pdf;
    path = tempFile(pdf);
  });

  it('has object streams and ends with a cross-reference stream, not an xref table', () => {
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/Type \/ObjStm/);
    expect(raw).not.toMatch(/^xref$/m);
    expect(raw).not.toMatch(/^trailer$/m);
    const start = /startxref\n(\d+)\n%%EOF\n$/.exec(raw)?.[1];
    expect(start).toBeDefined();
    expect(raw.slice(Number(start), Number(start) + 200)).toMatch(/^\d+ 0 obj\n<<\n\/Type \/XRef\n/);
  });

  it('puts every object without stream data into an object stream, and only those', () => {
    const where = xref(path);
    const streams = streamObjects(path);
    expect(where.size).toBeGreaterThan(100);
    for (const [id, at] of where) expect(at.stream === undefined, `object ${id}`).toBe(streams.has(id));
    // Object streams hold the objects and are themselves plain objects, like the XRef stream.
    const objStms = [...streams].filter(([, type]) => type === '/ObjStm').map(([id]) => id);
    expect(objStms.length).toBeGreaterThan(0);
    for (const at of where.values()) if (at.stream !== undefined) expect(objStms).toContain(at.stream);
    expect([...streams.values()].filter((t) => t === '/XRef')).toHaveLength(1);
  });

  it('passes qpdf --check with no errors and no warnings', () => {
    expectClean(path);
  });

  it('still reads back: metadata, text and the structure tree', () => {
    const info = pdfInfo(path);
    expect(info['Title']).toBe('Canada – Republic of Korea');
    expect(info['Tagged']).toBe('yes');
    expect(info['Pages']).toBe('3');
    expect(pageTexts(path)[0]).toContain('Bilateral relations fact sheet');
    const tree = structTree(path);
    for (const role of ['Document', 'H1', 'H2', 'P', 'Table', 'TR', 'TD', 'Figure']) expect(tree, role).toMatch(new RegExp(`^\\s*${role}\\b`, 'm'));
    // The title is set with no-break spaces.
    expect(tree).toMatch(/^ {2}H1 \(block\)\n {4}"Canada\s–\sRepublic\sof\sKorea"$/m);
  });

  it('is byte-identical when built twice', async () => {
    const again = await buildBriefing({ file: FILE });
    expect(again.ok && again.pdf.equals(pdf)).toBe(true);
  });
});

describe('useObjectStreams on a pdfkit document', () => {
  it('splits many objects over several object streams and keeps objects that end after doc.end()', async () => {
    // @types/pdfkit wants a chunk for end(); pdfkit's own end() takes it as optional.
    let late: { readonly id: number; end(): void } | undefined;
    const pdf = await pdfkitPdf({}, (doc) => {
      doc.addPage();
      doc.font('Helvetica').text('Three hundred links', 72, 72);
      for (let i = 0; i < 300; i++) doc.link(72 + (i % 20) * 20, 120 + Math.floor(i / 20) * 20, 10, 10, `https://example.org/${i}`);
      const ref = doc.ref({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 10, 10], Border: [0, 0, 0], A: { S: 'URI', URI: new String('https://example.org/late') } });
      (doc.page.dictionary.data.Annots as PDFKit.PDFKitReference[]).push(ref);
      late = ref as unknown as { readonly id: number; end(): void };
      doc.end();
      late.end();
    });
    const path = tempFile(pdf);
    expectClean(path);
    const where = xref(path);
    const used = new Set([...where.values()].map((w) => w.stream).filter((s) => s !== undefined));
    expect(used.size).toBeGreaterThanOrEqual(2);
    expect(where.get(late?.id ?? 0)?.stream).toBeDefined();
    const plain = plainPdf(path);
    expect(plain).toContain('/URI (https://example.org/late)');
    expect(plain).toContain('/URI (https://example.org/299)');
    expect(pageTexts(path)[0]).toContain('Three hundred links');
  });

  it('leaves encrypted documents and documents before PDF 1.5 as pdfkit writes them', async () => {
    for (const options of [{ userPassword: 'secret' }, { pdfVersion: '1.4' }] as PDFKit.PDFDocumentOptions[]) {
      const pdf = await pdfkitPdf(options, (doc) => {
        doc.addPage().font('Helvetica').text('Classic', 72, 72);
        doc.end();
      });
      const raw = pdf.toString('latin1');
      expect(raw).toMatch(/^xref$/m);
      expect(raw).toMatch(/^trailer$/m);
      expect(raw).not.toMatch(/\/ObjStm|\/XRef/);
    }
  });
});
