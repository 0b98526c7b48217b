/**
 * PDF/A-2a and PDF/UA rules checked on the files we write (no validator is installable here):
 * each test names the clause of ISO 19005-2 (PDF/A-2) or the Matterhorn Protocol 1.1
 * (PDF/UA-1) it checks, and reads the PDF back as objects (qpdf's JSON, see pdfa-reader.ts).
 * Three documents: the seed fact sheet with a cover and contents (links), the bound pack,
 * and hostile briefings generated with fast-check (markup and XML syntax, "{n}" and "$&",
 * mixed scripts, ignorable characters in the title and keywords). Rules not checked here,
 * and why, are listed at the end of the file.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import type { Element as XmlElement } from '@xmldom/xmldom';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPack } from '../../src/build/index.js';
import { buildBriefing } from '../../src/index.js';
import { removeTemps, runCli, tmp } from '../robust/helpers.js';
import { qpdfCheck, tempFile } from '../helpers/pdf.js';
import { pdfDate, readObjects, shownStrings, text } from './pdfa-reader.js';
import type { Dict, Json, PdfObjects } from './pdfa-reader.js';

const FILE = 'data/briefings/canada-korea-1995.yaml';
const SOURCE = readFileSync(FILE, 'utf8');

/** Titles a user could write that are hard on XML, templates and fonts. */
const HOSTILE = [...'Aa0 &<>"\'{}$:;/', '\u00e9', '\u03b1', '\u0394', '\u0416', '\ud55c', '\uad6d', '\u2013', '\u00a0', '\u200d', '\u0301'];
const hostileTitle = fc.array(fc.constantFrom(...HOSTILE), { minLength: 1, maxLength: 60 })
  .map((cs) => `${cs.join('').trim() || 'x'} {n} $& <T&D> "q" 'a' 한국 αβγ`);

const docs: { name: string; path: string }[] = [];

async function briefing(name: string, text: string, extra: Record<string, unknown> = {}): Promise<void> {
  const r = await buildBriefing({ file: FILE, text }, { pdfa: true, cover: true, toc: true, ...extra });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  docs.push({ name, path: tempFile(r.pdf) });
}

beforeAll(async () => {
  await briefing('seed fact sheet (cover, contents)', SOURCE);
  const pack = await buildPack('data/packs/korea-1995.yaml', { pdfa: true, separate: false, threads: 0 });
  if (!pack.ok) throw new Error(JSON.stringify(pack.diagnostics));
  docs.push({ name: 'bound pack', path: tempFile(pack.pdf) });
  const titles = fc.sample(hostileTitle, { numRuns: 2, seed: 15 });
  for (const [i, title] of titles.entries()) {
    // Replaced by functions: the titles hold "$&", which a replacement string would expand.
    const data = SOURCE.replace(/^title: .*$/m, () => `title: ${JSON.stringify(title)}`)
      .replace(/^keywords: .*$/m, () => `keywords: [${JSON.stringify([...title].slice(0, 40).join(''))}, "R&D <b>"]`);
    await briefing(`hostile briefing ${i + 1}`, data, { duplex: true });
  }
}, 120_000);
afterAll(removeTemps);

/** Each document read once. */
const read = new Map<string, PdfObjects>();
const objects = (path: string): PdfObjects => {
  let o = read.get(path);
  if (!o) read.set(path, (o = readObjects(path)));
  return o;
};
const names = (): string[] => ['seed fact sheet (cover, contents)', 'bound pack', 'hostile briefing 1', 'hostile briefing 2'];
const pathOf = (name: string): string => {
  const d = docs.find((x) => x.name === name);
  if (!d) throw new Error(`not built: ${name}`);
  return d.path;
};

/** The XMP packet of the Catalog's Metadata stream, parsed strictly. */
function xmp(o: PdfObjects): { raw: string; doc: ReturnType<DOMParser['parseFromString']> } {
  const raw = o.data(o.catalog['/Metadata'])?.toString('utf8') ?? '';
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => { errors.push(`${level}: ${msg}`); } }).parseFromString(raw.replace(/^\ufeff/, ''), 'text/xml');
  expect(errors).toEqual([]);
  return { raw, doc };
}

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
/** Text of the first property `ns:local` anywhere in the packet; for Alt/Seq/Bag, of its first li. */
function prop(d: ReturnType<typeof xmp>['doc'], ns: string, local: string): string | undefined {
  const el = d.getElementsByTagNameNS(ns, local)[0];
  if (!el) return undefined;
  const li = el.getElementsByTagNameNS(RDF, 'li')[0];
  return (li ?? el).textContent ?? undefined;
}
function items(d: ReturnType<typeof xmp>['doc'], ns: string, local: string): number {
  const el = d.getElementsByTagNameNS(ns, local)[0];
  return el ? el.getElementsByTagNameNS(RDF, 'li').length : 0;
}

/** Every value in the file, depth first (for limits and action types). */
function* values(v: Json): Generator<Json> {
  yield v;
  if (Array.isArray(v)) for (const x of v) yield* values(x);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) yield* values(x);
}
const allDicts = (o: PdfObjects): Dict[] => {
  const out: Dict[] = [];
  for (const v of o.all.values()) for (const x of values(v)) if (x && typeof x === 'object' && !Array.isArray(x)) out.push(x);
  return out;
};

/** Structure elements in reading order (depth first from the StructTreeRoot), with their roles mapped. */
function structElems(o: PdfObjects): Dict[] {
  const root = o.dict(o.catalog['/StructTreeRoot']) ?? {};
  const roleMap = o.dict(root['/RoleMap']) ?? {};
  const out: Dict[] = [];
  const walk = (k: Json | undefined): void => {
    if (Array.isArray(k)) { for (const x of k) walk(x); return; }
    const d = o.dict(k);
    if (!d || d['/Type'] === '/MCR' || d['/Type'] === '/OBJR' || typeof k === 'number') return;
    const s = typeof d['/S'] === 'string' ? d['/S'] : '';
    out.push({ ...d, '/S': (roleMap[s] as string | undefined) ?? s });
    walk(d['/K']);
  };
  walk(root['/K']);
  return out;
}

/** Annotations of every page. */
const annotations = (o: PdfObjects): { ref: string; a: Dict }[] =>
  o.pages.flatMap((p) => ((o.dict(p)?.['/Annots'] as Json[] | undefined) ?? []).map((r) => ({ ref: String(r), a: o.dict(r) ?? {} })));

describe.each(names())('%s', (name) => {
  const doc = (): PdfObjects => objects(pathOf(name));

  it('ISO 19005-2 6.1.2: the header is %PDF-1.n followed by a comment of four bytes above 127', () => {
    const head = readFileSync(pathOf(name)).subarray(0, 32);
    expect(head.toString('latin1')).toMatch(/^%PDF-1\.[4-7]\r?\n%/);
    const second = head.subarray(head.indexOf(0x0a) + 2, head.indexOf(0x0a) + 6);
    expect([...second].every((b) => b > 127)).toBe(true);
  });

  it('ISO 19005-2 6.1.3: the trailer has an ID of two strings, no Encrypt, and nothing follows %%EOF', () => {
    const id = doc().trailer['/ID'];
    expect(Array.isArray(id) && id.length === 2 && id.every((x) => typeof x === 'string' && x.length > 2)).toBe(true);
    expect(doc().trailer['/Encrypt']).toBeUndefined();
    const bytes = readFileSync(pathOf(name)).toString('latin1');
    expect(bytes.slice(bytes.lastIndexOf('%%EOF') + 5)).toMatch(/^\r?\n?$/);
  });

  it('ISO 19005-2 6.1.7.1: every stream Length is right and no stream is external (qpdf --check, no F/FFilter/FDecodeParms)', () => {
    const check = qpdfCheck(pathOf(name));
    expect(check).not.toMatch(/^WARNINGS/);
    expect(check).toMatch(/No syntax or stream encoding errors/);
    for (const d of allDicts(doc())) for (const k of ['/F', '/FFilter', '/FDecodeParms']) if ('/Length' in d) expect(d[k]).toBeUndefined();
  });

  it('ISO 19005-2 6.1.13: within the implementation limits (integers, string and name lengths)', () => {
    for (const v of doc().all.values()) {
      for (const x of values(v)) {
        if (typeof x === 'number' && Number.isInteger(x)) expect(Math.abs(x)).toBeLessThan(2 ** 31);
        if (typeof x === 'string' && x.startsWith('/')) expect(Buffer.byteLength(x) - 1).toBeLessThanOrEqual(127);
        if (typeof x === 'string' && /^[ub]:/.test(x)) expect((text(x) ?? '').length).toBeLessThanOrEqual(32767);
      }
    }
  });

  it('ISO 19005-2 6.2.4.3: one PDF/A output intent with an embedded RGB ICC profile', () => {
    const intents = (doc().catalog['/OutputIntents'] as Json[] | undefined) ?? [];
    const pdfa = intents.map((i) => doc().dict(i) ?? {}).filter((i) => i['/S'] === '/GTS_PDFA1');
    expect(pdfa).toHaveLength(1);
    const profile = pdfa[0]?.['/DestOutputProfile'];
    expect(doc().dict(profile)?.['/N']).toBe(3);
    expect(doc().data(profile)?.subarray(16, 20).toString('latin1')).toBe('RGB ');
  });

  it('ISO 19005-2 6.2.10: transparency only with standard blend modes, under the output intent', () => {
    const standard = new Set(['/Normal', '/Compatible', '/Multiply', '/Screen', '/Overlay', '/Darken', '/Lighten', '/ColorDodge', '/ColorBurn', '/HardLight', '/SoftLight', '/Difference', '/Exclusion', '/Hue', '/Saturation', '/Color', '/Luminosity']);
    for (const d of allDicts(doc())) {
      if (d['/Type'] !== '/ExtGState' && !('/ca' in d) && !('/BM' in d)) continue;
      const bm = d['/BM'];
      for (const b of Array.isArray(bm) ? bm : bm === undefined ? [] : [bm]) expect(standard.has(String(b))).toBe(true);
    }
    // With transparency on a page and no page group colour space, the output intent is what 6.2.10 requires.
    expect(doc().catalog['/OutputIntents']).toBeDefined();
  });

  it('ISO 19005-2 6.2.11.4.1 and 6.2.11.3.2: every font is embedded (TrueType CID fonts with an Identity CIDToGIDMap)', () => {
    const fonts = allDicts(doc()).filter((d) => d['/Type'] === '/Font');
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      if (f['/Subtype'] === '/Type0') continue;
      const fd = doc().dict(f['/FontDescriptor']) ?? {};
      expect(fd['/FontFile2'] ?? fd['/FontFile'] ?? fd['/FontFile3']).toBeDefined();
      if (f['/Subtype'] === '/CIDFontType2') expect(f['/CIDToGIDMap']).toBe('/Identity');
    }
  });

  it('ISO 19005-2 6.2.11.7.2: every font has a ToUnicode map (level A)', () => {
    for (const f of allDicts(doc()).filter((d) => d['/Type'] === '/Font' && d['/Subtype'] !== '/CIDFontType2')) expect(f['/ToUnicode']).toBeDefined();
  });

  it('ISO 19005-2 6.2.11.8: no text shows the .notdef glyph (CID 0 of our Identity-H fonts)', () => {
    const o = doc();
    let shown = 0;
    const visit = (contents: Json | undefined, resources: Dict | undefined): void => {
      const parts = Array.isArray(contents) ? contents : contents === undefined ? [] : [contents];
      const fonts = o.dict(resources?.['/Font']) ?? {};
      for (const part of parts) {
        const data = o.data(part);
        if (!data) continue;
        for (const s of shownStrings(data)) {
          const font = o.dict(fonts[s.font]) ?? {};
          expect(font['/Subtype'], `font ${s.font}`).toBe('/Type0');
          for (let i = 0; i + 1 < s.bytes.length; i += 2) expect(s.bytes.readUInt16BE(i), `CID in ${s.font}`).not.toBe(0);
          shown++;
        }
      }
      for (const x of Object.values(o.dict(resources?.['/XObject']) ?? {})) {
        const form = o.dict(x);
        if (form?.['/Subtype'] === '/Form') visit(x, o.dict(form['/Resources']));
      }
    };
    for (const p of o.pages) {
      const page = o.dict(p) ?? {};
      visit(page['/Contents'], o.dict(page['/Resources']));
    }
    expect(shown).toBeGreaterThan(50);
  });

  it('ISO 19005-2 6.3.2: every annotation has the F key with Print set and Hidden, Invisible, NoView, ToggleNoView clear', () => {
    const list = annotations(doc());
    if (name.startsWith('seed')) expect(list.length).toBeGreaterThan(0);
    for (const { a } of list) {
      if (a['/Subtype'] === '/Popup') continue;
      const f = Number(a['/F']);
      expect(f & 4).toBe(4);
      expect(f & (1 | 2 | 32 | 256)).toBe(0);
      // 6.3.3: an appearance dictionary, when present, has only N.
      const ap = doc().dict(a['/AP']);
      if (ap) expect(Object.keys(ap)).toEqual(['/N']);
    }
  });

  it('ISO 19005-2 6.5.1 and 6.6.1: no JavaScript, Launch or other forbidden actions, no additional actions', () => {
    const forbidden = ['/Launch', '/Sound', '/Movie', '/ResetForm', '/ImportData', '/Hide', '/SetOCGState', '/Rendition', '/Trans', '/GoTo3DView', '/JavaScript'];
    for (const d of allDicts(doc())) {
      if (typeof d['/S'] === 'string' && ('/URI' in d || '/D' in d || forbidden.includes(d['/S']) || d['/Type'] === '/Action')) expect(forbidden).not.toContain(d['/S']);
    }
    expect(doc().catalog['/AA']).toBeUndefined();
    expect(doc().catalog['/Names'] && doc().dict(doc().catalog['/Names'])?.['/JavaScript']).toBeFalsy();
    for (const p of doc().pages) expect(doc().dict(p)?.['/AA']).toBeUndefined();
  });

  it('ISO 19005-2 6.6.2.1: the Catalog Metadata stream (Type Metadata, Subtype XML) is well-formed UTF-8 XMP without bytes or encoding attributes', () => {
    const meta = doc().dict(doc().catalog['/Metadata']) ?? {};
    expect(meta['/Type']).toBe('/Metadata');
    expect(meta['/Subtype']).toBe('/XML');
    // Left unfiltered, so tools that do not read PDF find it (ISO 32000-1 14.3.2).
    expect(meta['/Filter']).toBeUndefined();
    const { raw, doc: d } = xmp(doc());
    expect(Buffer.from(raw, 'utf8').toString('utf8')).toBe(raw);
    const header = /<\?xpacket begin=[^?]*\?>/.exec(raw)?.[0] ?? '';
    expect(header).not.toBe('');
    expect(header).not.toMatch(/bytes=|encoding=/);
    expect(d.documentElement?.localName).toBe('xmpmeta');
  });

  it('ISO 19005-2 6.6.2.3.1: Info and XMP agree (title, author, subject, keywords, creator tool, producer, dates to the second)', () => {
    const info = doc().dict(doc().trailer['/Info']) ?? {};
    const { doc: d } = xmp(doc());
    const DC = 'http://purl.org/dc/elements/1.1/';
    const XMP = 'http://ns.adobe.com/xap/1.0/';
    const PDF = 'http://ns.adobe.com/pdf/1.3/';
    const pairs: [string, string | undefined][] = [
      ['/Title', prop(d, DC, 'title')], ['/Author', prop(d, DC, 'creator')], ['/Subject', prop(d, DC, 'description')],
      ['/Keywords', prop(d, PDF, 'Keywords')], ['/Creator', prop(d, XMP, 'CreatorTool')], ['/Producer', prop(d, PDF, 'Producer')],
    ];
    // pdfkit writes each Info value as an indirect object.
    const infoText = (k: string): string | undefined => text(doc().get(info[k]));
    for (const [key, value] of pairs) expect(value, key).toBe(infoText(key));
    if (info['/Author']) expect(items(d, DC, 'creator')).toBe(1);
    const created = infoText('/CreationDate');
    const modified = infoText('/ModDate');
    expect(created && modified).toBeTruthy();
    const xmpCreated = prop(d, XMP, 'CreateDate') ?? '';
    const xmpModified = prop(d, XMP, 'ModifyDate') ?? '';
    // ISO 8601 with a zone designator.
    expect(xmpCreated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/);
    expect(new Date(xmpCreated).getTime()).toBe(pdfDate(created ?? '').getTime());
    expect(new Date(xmpModified).getTime()).toBe(pdfDate(modified ?? '').getTime());
    expect(new Date(prop(d, XMP, 'MetadataDate') ?? '').getTime()).toBe(pdfDate(modified ?? '').getTime());
  });

  it('ISO 19005-2 6.6.2.3.3: every schema not predefined by XMP is described by a pdfaExtension schema, with each property used', () => {
    const { doc: d } = xmp(doc());
    const predefined = new Set([
      RDF, 'adobe:ns:meta/', 'http://www.w3.org/XML/1998/namespace', 'http://purl.org/dc/elements/1.1/', 'http://ns.adobe.com/xap/1.0/',
      'http://ns.adobe.com/xap/1.0/rights/', 'http://ns.adobe.com/xap/1.0/mm/', 'http://ns.adobe.com/xap/1.0/bj/',
      'http://ns.adobe.com/xap/1.0/t/pg/', 'http://ns.adobe.com/xmp/1.0/DynamicMedia/', 'http://ns.adobe.com/pdf/1.3/',
      'http://ns.adobe.com/photoshop/1.0/', 'http://ns.adobe.com/camera-raw-settings/1.0/', 'http://ns.adobe.com/tiff/1.0/',
      'http://ns.adobe.com/exif/1.0/', 'http://ns.adobe.com/exif/1.0/aux/', 'http://ns.adobe.com/xap/1.0/sType/ResourceRef#',
      'http://ns.adobe.com/xap/1.0/sType/ResourceEvent#', 'http://ns.adobe.com/xmp/Identifier/qual/1.0/',
      // PDF/A's own identification and extension schemas need no description.
      'http://www.aiim.org/pdfa/ns/id/', 'http://www.aiim.org/pdfa/ns/extension/', 'http://www.aiim.org/pdfa/ns/schema#',
      'http://www.aiim.org/pdfa/ns/property#', 'http://www.aiim.org/pdfa/ns/type#', 'http://www.aiim.org/pdfa/ns/field#',
    ]);
    // Properties used: the children of each rdf:Description (other than the extension block's contents).
    const used = new Map<string, Set<string>>();
    const descriptions = d.getElementsByTagNameNS(RDF, 'Description');
    for (let i = 0; i < descriptions.length; i++) {
      const desc = descriptions[i] as XmlElement;
      for (let c = desc.firstChild; c; c = c.nextSibling) {
        if (c.nodeType !== 1) continue;
        const el = c as XmlElement;
        const ns = el.namespaceURI ?? '';
        if (predefined.has(ns)) continue;
        if (!used.has(ns)) used.set(ns, new Set());
        used.get(ns)?.add(el.localName ?? '');
      }
    }
    expect(name.includes('pack') || used.size > 0).toBe(true);
    const SCHEMA = 'http://www.aiim.org/pdfa/ns/schema#';
    const PROP = 'http://www.aiim.org/pdfa/ns/property#';
    const schemas = d.getElementsByTagNameNS(SCHEMA, 'namespaceURI');
    const described = new Map<string, { prefix: string; props: Set<string> }>();
    for (let i = 0; i < schemas.length; i++) {
      const li = (schemas[i] as XmlElement).parentNode as XmlElement;
      const prefix = li.getElementsByTagNameNS(SCHEMA, 'prefix')[0]?.textContent ?? '';
      const props = new Set<string>();
      const propNames = li.getElementsByTagNameNS(PROP, 'name');
      for (let j = 0; j < propNames.length; j++) {
        const p = (propNames[j] as XmlElement).parentNode as XmlElement;
        for (const field of ['valueType', 'category', 'description']) expect(p.getElementsByTagNameNS(PROP, field)[0]?.textContent).toBeTruthy();
        props.add(propNames[j]?.textContent ?? '');
      }
      described.set(schemas[i]?.textContent ?? '', { prefix, props });
    }
    for (const [ns, props] of used) {
      const s = described.get(ns);
      expect(s, `schema ${ns}`).toBeDefined();
      for (const p of props) expect(s?.props.has(p), `${ns} ${p}`).toBe(true);
    }
  });

  it('ISO 19005-2 6.6.4: pdfaid:part 2 and pdfaid:conformance A (and PDF/UA\'s pdfuaid:part 1, ISO 14289-1 5)', () => {
    const { doc: d } = xmp(doc());
    expect(prop(d, 'http://www.aiim.org/pdfa/ns/id/', 'part')).toBe('2');
    expect(prop(d, 'http://www.aiim.org/pdfa/ns/id/', 'conformance')).toBe('A');
    expect(prop(d, 'http://www.aiim.org/pdfua/ns/id/', 'part')).toBe('1');
  });

  it('ISO 19005-2 6.7.2.2, 6.7.3.3: tagged (MarkInfo Marked true, a StructTreeRoot); Matterhorn 11-006: Catalog Lang', () => {
    expect(doc().dict(doc().catalog['/MarkInfo'])?.['/Marked']).toBe(true);
    expect(doc().dict(doc().catalog['/StructTreeRoot'])?.['/Type']).toBe('/StructTreeRoot');
    expect(text(doc().catalog['/Lang'])).toMatch(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/);
  });

  it('Matterhorn 14-002, 14-003: the first heading is H1 and no heading level is skipped', () => {
    const levels = structElems(doc()).map((e) => /^\/H([1-6])$/.exec(String(e['/S']))?.[1]).filter((x): x is string => x !== undefined).map(Number);
    expect(levels.length).toBeGreaterThan(2);
    expect(levels[0]).toBe(1);
    levels.forEach((l, i) => { if (i > 0) expect(l, `heading ${i + 1} after H${levels[i - 1]}`).toBeLessThanOrEqual((levels[i - 1] ?? 0) + 1); });
  });

  it('Matterhorn 13-004: every Figure has alternative text', () => {
    const figures = structElems(doc()).filter((e) => e['/S'] === '/Figure');
    expect(figures.length).toBeGreaterThan(0);
    for (const f of figures) expect((text(f['/Alt']) ?? '').trim()).not.toBe('');
  });

  it('Matterhorn 06-003, 07-001: dc:title is present and DisplayDocTitle is true', () => {
    expect((prop(xmp(doc()).doc, 'http://purl.org/dc/elements/1.1/', 'title') ?? '').trim()).not.toBe('');
    expect(doc().dict(doc().catalog['/ViewerPreferences'])?.['/DisplayDocTitle']).toBe(true);
  });

  // Not met yet: a link's annotation sits in its paragraph's P (or the contents entry's TOCI),
  // not in a Link element; the fix belongs to layout (lines.ts, toc.ts). See the report.
  it.todo('Matterhorn 28-011: every link annotation is in a Link structure element');
});

describe('ISO 19005-2 6.2.11.8 under --pdfa: a character no bundled font has is a located error, not a .notdef box', () => {
  // Characters no bundled font has (emoji, Devanagari and the spaces now have fonts: see script.test.ts).
  const CASES: [string, string][] = [['a Tamil letter', '\u0B95'], ['a Khmer letter', '\u1780'], ['a CJK Extension B ideograph', '\u{20000}']];

  it.each(CASES)('%s in a bullet: error at the field with --pdfa, a warning without', async (_what, ch) => {
    const data = SOURCE.replace('Canada supports the Republic', `Canada ${ch} supports the Republic`);
    const line = data.split('\n').findIndex((l) => l.includes(ch)) + 1;
    const strict = await buildBriefing({ file: FILE, text: data }, { pdfa: true });
    expect(strict.ok).toBe(false);
    const d = strict.ok ? undefined : strict.diagnostics.find((x) => x.code === 'text/missing-glyph');
    expect(d?.severity).toBe('error');
    // The field's value: a folded bullet ("- >-") starts on the line above its text.
    expect([line - 1, line]).toContain(d?.loc?.line);
    expect(d?.loc?.file).toBe(FILE);
    expect(d?.path).toMatch(/^sections\[\d+\]/);
    expect(d?.hint).toMatch(/--pdfa/);
    const loose = await buildBriefing({ file: FILE, text: data }, {});
    expect(loose.ok).toBe(true);
    expect(loose.ok && loose.diagnostics.some((x) => x.code === 'text/missing-glyph' && x.severity === 'warning')).toBe(true);
  });

  it('the real CLI exits 1 with file:line:col and writes nothing', async () => {
    const dir = tmp();
    const file = `${dir}/b.yaml`;
    execFileSync('cp', [FILE, file]);
    const data = SOURCE.replace('Canada supports the Republic', 'Canada \u0B95 supports the Republic');
    (await import('node:fs')).writeFileSync(file, data);
    const r = await runCli(['build', file, '--pdfa', '--out', `${dir}/out`]);
    expect(r.code).toBe(1);
    expect(r.out + r.err).toMatch(/b\.yaml:\d+:\d+: error text\/missing-glyph/);
    expect((await import('node:fs')).existsSync(`${dir}/out/canada-korea-1995.pdf`)).toBe(false);
  });
});

/*
 * Not checked here, and why:
 * - 6.2.11.4.2 (CIDSet complete when present): pdfkit writes no CIDSet, so nothing to check.
 * - 6.2.11.5 (glyph widths in W equal the embedded font's): needs the font program parsed;
 *   pdfkit writes W from the same fontkit metrics it subsets with.
 * - Matterhorn 01-003/01-004 (all content tagged or artifact): needs every content stream's
 *   marked-content nesting matched against the structure tree; the layout golden tests check
 *   that every drawn text item carries a tag.
 * - Matterhorn 28-012 (link annotations carry Contents): pdfkit writes an empty Contents on
 *   URI links and none on internal (contents) links; not fixed here (see the report).
 */
