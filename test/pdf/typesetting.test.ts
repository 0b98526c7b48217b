import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/index.js';
import type { BuildOptions } from '../../src/index.js';
import { openPdf, outline, pageText, structRoles } from '../helpers/pdfjs.js';
import type { OutlineNode } from '../helpers/pdfjs.js';
import { pageTexts, qpdfCheck, squash, tempFile } from '../helpers/pdf.js';

const FILE = 'data/briefings/canada-korea-1995.yaml';
const SOURCE = readFileSync(FILE, 'utf8');

async function build(o: BuildOptions, text = SOURCE): Promise<Buffer> {
  const r = await buildBriefing({ file: FILE, text }, o);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.pdf;
}

const flatten = (nodes: OutlineNode[]): OutlineNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

describe('front matter and navigation', () => {
  it('prints contents page numbers equal to the pages the headings are on, and links them', async () => {
    const pdf = await build({ cover: true, toc: true });
    const doc = await openPdf(pdf);
    const labels = (await doc.getPageLabels()) ?? [];
    expect(labels.slice(0, 2)).toEqual(['i', 'ii']);
    const toc = await pageText(doc, 2);
    const marks = flatten(await outline(doc)).filter((b) => b.page >= 2);
    expect(marks.map((m) => m.title)).toEqual(['Political relations', 'Trade', 'Trade in figures']);
    for (const m of marks) {
      const printed = new RegExp(`${m.title}\\s+(\\d+)`).exec(toc)?.[1];
      expect(printed, m.title).toBe(labels[m.page]);
      // The heading really is on that page.
      expect(await pageText(doc, m.page + 1)).toContain(m.title);
    }
    const links = (await (await doc.getPage(2)).getAnnotations()).filter((a: { subtype?: string }) => a.subtype === 'Link');
    expect(links.length).toBeGreaterThanOrEqual(marks.length);
    expect(qpdfCheck(tempFile(pdf))).toMatch(/No syntax or stream encoding errors/);
  });

  it('keeps the cover free of running heads but marked, and every other page fully furnished', async () => {
    const pdf = await build({ cover: true, toc: true });
    const texts = pageTexts(tempFile(pdf));
    expect(texts[0]?.match(/UNCLASSIFIED/g)).toHaveLength(2);
    expect(texts[0]).not.toMatch(/Page /);
    for (const t of texts.slice(1)) {
      expect(t.match(/UNCLASSIFIED/g)).toHaveLength(2);
      expect(t).toMatch(/1 October 1995/);
      expect(t).toMatch(/Page (\d+|[ivx]+)/);
    }
  });

  it('has bookmarks that mirror the heading hierarchy', async () => {
    const doc = await openPdf(await build({}));
    const tree = await outline(doc);
    expect(tree).toHaveLength(1);
    expect(tree[0]?.title).toBe('Canada – Republic of Korea');
    expect(tree[0]?.children.map((c) => c.title)).toEqual(['Political relations', 'Trade', 'Trade in figures']);
  });
});

describe('page geometry', () => {
  it('lays out on US Letter', async () => {
    const out = execFileSync('pdfinfo', [tempFile(await build({ paper: 'letter' }))], { encoding: 'utf8' });
    expect(out).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
  });

  it('mirrors margins in duplex: inside margin left on right-hand pages, right on left-hand pages', async () => {
    const plain = await buildBriefing({ file: FILE }, { duplex: true });
    if (!plain.ok) throw new Error('build failed');
    const [p1, p2] = plain.paged.pages;
    const m = { inside: 62, outside: 62 };
    void m;
    expect(p1?.content.x).toBeDefined();
    expect(p1?.content.width).toBe(p2?.content.width);
    // The default theme has equal margins, so compare with a theme that differs.
    const { defaultTheme } = await import('../../src/theme/index.js');
    const theme = { ...defaultTheme, margins: { ...defaultTheme.margins, inside: 80, outside: 50 } };
    const r = await buildBriefing({ file: FILE }, { duplex: true, theme });
    if (!r.ok) throw new Error('build failed');
    expect(r.paged.pages[0]?.content.x).toBe(80);
    expect(r.paged.pages[1]?.content.x).toBe(50);
  });

  it('adds bleed and trim boxes and crop marks for commercial print', async () => {
    const pdf = await build({ bleed: 9 });
    const out = execFileSync('pdfinfo', ['-box', tempFile(pdf)], { encoding: 'utf8' });
    const num = (name: string): number[] => (new RegExp(`${name}:\\s+([\\d.\\s]+)`).exec(out)?.[1] ?? '').trim().split(/\s+/).map(Number);
    const media = num('MediaBox');
    const trim = num('TrimBox');
    const bleed = num('BleedBox');
    expect(trim[2]! - trim[0]!).toBeCloseTo(595.28, 1);
    expect(bleed[0]).toBeCloseTo(trim[0]! - 9, 1);
    expect(media[2]).toBeGreaterThan(bleed[2]!);
  });
});

describe('typography and scripts', () => {
  it('draws Hangul with the fallback font and keeps it extractable, with French accents', async () => {
    const text = SOURCE.replace('subtitle: Bilateral relations fact sheet', 'subtitle: Fiche bilatérale · 대한민국')
      .replace('Canada supports the Republic', 'Canada (캐나다) supports the Republic');
    const pdf = await build({}, text);
    const path = tempFile(pdf);
    const all = pageTexts(path).join('\n');
    expect(all).toContain('대한민국');
    expect(all).toContain('캐나다');
    expect(all).toContain('Fiche bilatérale');
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSansKR/);
  });

  it('hyphenates English text and keeps every word whole in the extracted text', async () => {
    const r = await buildBriefing({ file: FILE });
    if (!r.ok) throw new Error('build failed');
    const broken = r.paged.pages.flatMap((p) => p.items).filter((i) => i.kind === 'text' && /\p{L}-$/u.test(i.text));
    expect(broken.length).toBeGreaterThan(0);
    const texts = pageTexts(tempFile(r.pdf));
    // Readers join hyphenated line ends back into whole words.
    expect(texts.join(' ')).toMatch(/Special Partnership/);
    expect(squash(texts.join(' '))).toContain(squash('telecommunications equipment and aerospace products'));
  });
});

describe('standards', () => {
  it('writes PDF/A-2a with PDF/UA identification and well-formed XMP even with & and < in the title', async () => {
    const text = SOURCE.replace('title: Canada – Republic of Korea', 'title: "Trade & Investment <Korea> \\"1995\\""');
    const pdf = await build({ pdfa: true }, text);
    const raw = pdf.toString('latin1');
    const start = raw.indexOf('<x:xmpmeta');
    const end = raw.indexOf('</x:xmpmeta>') + '</x:xmpmeta>'.length;
    const xmp = raw.slice(start, end);
    expect(xmp).toContain('Trade &amp; Investment &lt;Korea&gt;');
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    // Parse it as XML: a strict parser must accept it.
    const { DOMParser } = await import('./xml.js');
    expect(new DOMParser().parseOk(xmp)).toBe(true);
    expect(execFileSync('pdfinfo', [tempFile(pdf)], { encoding: 'utf8' })).toMatch(/Title:\s+Trade & Investment <Korea>/);
  });

  it('tags the figures with alt text generated from the data', async () => {
    const doc = await openPdf(await build({}));
    const figures: { role: string; alt?: string }[] = [];
    for (let i = 1; i <= doc.numPages; i++) figures.push(...(await structRoles(doc, i)).filter((r) => r.role === 'Figure'));
    expect(figures).toHaveLength(3);
    for (const f of figures) expect(f.alt?.length).toBeGreaterThan(60);
    expect(figures[0]?.alt).toMatch(/\$2\.2 billion in 1994/);
  });
});
