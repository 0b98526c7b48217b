/**
 * The pdfkit private members src/render/pdfkit-internals.ts relies on, checked on real
 * documents. When a pdfkit upgrade renames, removes or changes one of them, a test here
 * fails and names the member, instead of a PDF coming out subtly wrong.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import {
  PDFKIT_VERSION, catalog, currentFont, newRef, pageTreeKids, replaceFinalize, replaceInfoWriter, replaceWrite,
  resumePage, suspendPage, writesClassicXref,
} from '../../src/render/pdfkit-internals.js';
import { getFont } from '../../src/text/fonts.js';
import { qpdfCheck, tempFile } from '../helpers/pdf.js';

const ROOT = join(import.meta.dirname, '../..');
const FONT = 'main-regular';

type Raw = Record<string, unknown>;
const raw = (doc: PDFKit.PDFDocument): Raw => doc as unknown as Raw;

function open(o: Partial<PDFKit.PDFDocumentOptions> = {}): PDFKit.PDFDocument {
  return new PDFDocument({ autoFirstPage: false, margin: 0, font: '', compress: false, pdfVersion: '1.7', ...o } as PDFKit.PDFDocumentOptions);
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** A short description of a value's shape, so a failure reads "_offsets: expected array, got undefined". */
function shape(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Uint8Array) return 'bytes';
  return typeof v;
}

describe('the pinned pdfkit', () => {
  it(`is ${PDFKIT_VERSION}, installed and in package.json (re-check the adapter before changing either)`, () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies['pdfkit'], 'package.json pins pdfkit exactly').toBe(PDFKIT_VERSION);
    const installed = JSON.parse(readFileSync(join(ROOT, 'node_modules/pdfkit/package.json'), 'utf8')) as { version: string };
    expect(installed.version, 'installed pdfkit').toBe(PDFKIT_VERSION);
  });
});

describe('PDFDocument private members, by shape', () => {
  it.each<[string, string]>([
    ['version', 'number'],
    ['_offset', 'number'],
    ['_offsets', 'array'],
    ['_ended', 'boolean'],
    ['_root', 'object'],
    ['_id', 'bytes'],
    ['_pageBuffer', 'array'],
    ['_write', 'function'],
    ['_finalize', 'function'],
    ['_addInfo', 'function'],
    ['ref', 'function'],
    ['push', 'function'],
    // Not ours: svg-to-pdfkit (the theme logo) reads and replaces the current transform matrix.
    ['_ctm', 'array'],
  ])('%s is %s', (member, type) => {
    expect(`${member}: ${shape(raw(open())[member])}`).toBe(`${member}: ${type}`);
  });

  it('_security is unset without a password and set with one', () => {
    expect(raw(open())['_security'], '_security').toBeFalsy();
    expect(raw(open({ userPassword: 'x' }))['_security'], '_security').toBeTruthy();
    expect(writesClassicXref(open({ userPassword: 'x' }))).toBe(true);
    expect(writesClassicXref(open({ pdfVersion: '1.4' }))).toBe(true);
    expect(writesClassicXref(open())).toBe(false);
  });

  it('_root is the catalog whose Pages.data.Kids lists the pages in order', () => {
    const doc = open();
    const root = raw(doc)['_root'] as { data: Raw };
    expect(root.data['Type'], '_root.data.Type').toBe('Catalog');
    doc.addPage().addPage();
    const kids = pageTreeKids(doc);
    expect(kids).toHaveLength(2);
    expect(kids[1], 'last kid is the current page').toBe(doc.page.dictionary);
    catalog(doc)['PageMode'] = 'UseOutlines';
    expect(root.data['PageMode']).toBe('UseOutlines');
  });

  it('a new page sits in _pageBuffer, and suspendPage takes it out with a second content stream', () => {
    const doc = open();
    doc.addPage();
    const buffer = raw(doc)['_pageBuffer'] as unknown[];
    expect(buffer, '_pageBuffer holds the current page').toContain(doc.page);
    const page = suspendPage(doc);
    expect(buffer, '_pageBuffer after suspendPage').not.toContain(page);
    expect(page.dictionary.data['Contents'], 'Contents after suspendPage').toHaveLength(2);
    doc.addPage();
    resumePage(doc, page);
    expect(doc.page, 'current page after resumePage').toBe(page);
  });

  it('_font is the current font after doc.font(), with layout and a subset of glyphs', () => {
    const doc = open();
    doc.registerFont(FONT, getFont(FONT) as unknown as Buffer);
    doc.font(FONT);
    const font = currentFont(doc);
    expect(shape(font.layout), '_font.layout').toBe('function');
    expect(shape(font.subset.glyphs), '_font.subset.glyphs').toBe('array');
    expect(shape(font.subset.encode), '_font.subset.encode').toBe('function');
    const run = font.layout('Trade', ['kern'], false) as { glyphs: unknown[]; positions: unknown[] };
    expect(run.glyphs, 'layout() glyphs').toHaveLength(5);
    expect(run.positions, 'layout() positions').toHaveLength(5);
  });
});

describe('PDFDocument private members, by behaviour', () => {
  it('_write gets an object as three calls: "N 0 obj", its dictionary, "endobj" (object streams rely on it)', async () => {
    const doc = open();
    const bytes = collect(doc);
    const seen: string[] = [];
    const write = replaceWrite(doc, (d) => {
      seen.push(typeof d === 'string' ? d : `<${d.length} bytes>`);
      write(d);
    });
    const ref = newRef(doc, { Probe: true });
    ref.end();
    const at = seen.indexOf(`${ref.id} 0 obj`);
    expect(at, `writes were ${JSON.stringify(seen.slice(0, 6))}`).toBeGreaterThanOrEqual(0);
    expect(seen[at + 1]).toContain('/Probe true');
    expect(seen[at + 2]).toBe('endobj');
    doc.end();
    await bytes;
  });

  it('_finalize runs once at the end, with offsets for every object and the trailer refs (_root, _info, _id)', async () => {
    const doc = open({ info: { Title: 'T' } });
    const bytes = collect(doc);
    const write = replaceWrite(doc, (d) => write(d));
    let calls = 0;
    let seen: { offsets: number; root: unknown; info: unknown; title: string; id: number } | undefined;
    replaceFinalize(doc, (end) => {
      calls++;
      const e = end();
      seen = { offsets: e.offsets.length, root: e.root.data['Type'], info: typeof e.info.id, title: Object.keys(e.info.data).join(','), id: e.id.length };
      write('%%EOF');
    });
    doc.addPage();
    doc.end();
    const out = await bytes;
    expect(calls, '_finalize calls').toBe(1);
    expect(seen?.offsets, '_offsets').toBeGreaterThan(3);
    expect(seen?.root, '_root').toBe('Catalog');
    expect(seen?.info, '_info.id').toBe('number');
    expect(seen?.title, '_info.data keys').toContain('Title');
    expect(seen?.id, '_id').toBeGreaterThan(0);
    expect(out.toString('latin1').trimEnd().endsWith('%%EOF'), 'file end written by the replacement').toBe(true);
    expect(out.toString('latin1'), 'pdfkit\'s own xref table').not.toMatch(/^xref$/m);
  });

  it('_addInfo is what writes XMP: replacing it replaces the metadata', async () => {
    const doc = open({ subset: 'PDF/UA', tagged: true } as unknown as Partial<PDFKit.PDFDocumentOptions>);
    const bytes = collect(doc);
    let called = 0;
    replaceInfoWriter(doc, () => {
      called++;
      (doc as unknown as { appendXML(x: string): void }).appendXML('<probe-xmp/>');
    });
    doc.addPage();
    doc.end();
    const out = (await bytes).toString('latin1');
    expect(called, '_addInfo calls').toBe(1);
    expect(out).toContain('<probe-xmp/>');
  });

  it('a document through every adapter function is a valid PDF (qpdf --check)', async () => {
    const doc = open();
    const bytes = collect(doc);
    doc.addPage();
    doc.rect(10, 10, 50, 50).fill('#1f4e79');
    const page = suspendPage(doc);
    doc.addPage();
    resumePage(doc, page);
    doc.rect(70, 10, 50, 50).fill('#a4161a');
    page.end();
    const kids = pageTreeKids(doc);
    kids.splice(0, 0, kids.pop());
    catalog(doc)['PageLabels'] = { Nums: [0, { S: 'D' }] };
    doc.end();
    const check = qpdfCheck(tempFile(await bytes));
    expect(check).toMatch(/No syntax or stream encoding errors/);
  });
});

describe('no pdfkit private member outside the adapter', () => {
  it('src/render/ names `._member` only in pdfkit-internals.ts', () => {
    const dir = join(ROOT, 'src/render');
    const offenders: string[] = [];
    for (const f of readdirSync(dir, { recursive: true }) as string[]) {
      if (!f.endsWith('.ts') || f === 'pdfkit-internals.ts') continue;
      readFileSync(join(dir, f), 'utf8').split('\n').forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '');
        if (/\._[A-Za-z]|\[\s*['"`]_[A-Za-z]/.test(code)) offenders.push(`src/render/${f}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders, 'use a function of src/render/pdfkit-internals.ts instead').toEqual([]);
  });
});
