import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PagedDocument, PageItem } from '../../src/layout/types.js';
import { buildSlides } from '../../src/build/index.js';
import type { SlidePlan } from '../../src/slides/index.js';
import { pageTexts, pdfFonts, pdfInfo, qpdfCheck, squash, structTree, tempFile } from '../helpers/pdf.js';
import { openPdf, outline } from '../helpers/pdfjs.js';
import { baseData, buildOk, FILE, longSection } from './helpers.js';

let pdfPath: string;
let texts: string[];
let plans: readonly SlidePlan[];
let paged: PagedDocument;

beforeAll(async () => {
  const r = await buildOk({ file: FILE });
  expect(r.diagnostics).toEqual([]);
  pdfPath = tempFile(r.pdf, 'deck.pdf');
  texts = pageTexts(pdfPath);
  plans = r.plans;
  paged = r.paged;
});

/** The extent of an item (pt); text reaches its ascender above and its descender below the baseline. */
function extent(it: PageItem): { l: number; t: number; r: number; b: number } {
  switch (it.kind) {
    case 'text':
      return { l: it.x, t: it.y - it.size, r: it.x + it.width, b: it.y + it.size * 0.3 };
    case 'rect':
      return { l: it.x, t: it.y, r: it.x + it.width, b: it.y + it.height };
    case 'line':
      return { l: Math.min(it.x1, it.x2), t: Math.min(it.y1, it.y2), r: Math.max(it.x1, it.x2), b: Math.max(it.y1, it.y2) };
    case 'chart':
    case 'link':
      return { l: it.box.x, t: it.box.y, r: it.box.x + it.box.width, b: it.box.y + it.box.height };
  }
}

describe('the PDF slide deck', () => {
  it('has one 720 x 405 pt page per slide, in the expected order', () => {
    const info = pdfInfo(pdfPath);
    expect(info['Page size']).toMatch(/^720 x 405 pts/);
    expect(Number(info['Pages'])).toBe(plans.length);
    expect(info['Tagged']).toBe('yes');
    expect(plans.map((p) => p.source.kind)).toEqual(['title', 'keyFigures', 'bullets', 'bullets', 'chart', 'chart', 'chart', 'sources']);
  });

  it('shows each slide title on its page, with the marking top and bottom and the slide number', () => {
    plans.forEach((p, i) => {
      const t = texts[i] ?? '';
      expect(squash(t), `slide ${i + 1}`).toContain(squash(p.title));
      expect(t.match(/UNCLASSIFIED/g)?.length ?? 0, `slide ${i + 1}`).toBeGreaterThanOrEqual(2);
      expect(t).toMatch(new RegExp(`(^|\\s)${i + 1}\\s*$`));
    });
  });

  it('shows the talking points, key figures and chart text as real text', () => {
    const all = squash(texts.join('\n'));
    for (const s of ['Canada supports the Republic of Korea', 'continues to gain momentum', '$4.7 B', '+28%', 'Exports to Korea', '1993*', 'Sources']) {
      expect(all).toContain(squash(s));
    }
  });

  it('draws nothing outside the slide', () => {
    const { width, height } = paged.geometry;
    for (const page of paged.pages) {
      for (const it of page.items) {
        const e = extent(it);
        expect(e.l, `slide ${page.index + 1}: ${JSON.stringify(it).slice(0, 120)}`).toBeGreaterThanOrEqual(-0.01);
        expect(e.t, `slide ${page.index + 1}`).toBeGreaterThanOrEqual(-0.01);
        expect(e.r, `slide ${page.index + 1}: ${JSON.stringify(it).slice(0, 120)}`).toBeLessThanOrEqual(width + 0.01);
        expect(e.b, `slide ${page.index + 1}`).toBeLessThanOrEqual(height + 0.01);
      }
    }
  });

  it('has a bookmark per slide that leads to its slide', async () => {
    const doc = await openPdf(readFileSync(pdfPath));
    const marks = await outline(doc);
    expect(marks.map((m) => m.title)).toEqual(plans.map((p) => p.title));
    expect(marks.map((m) => m.page)).toEqual(plans.map((_p, i) => i));
  });

  it('is tagged: slide titles are headings, charts are figures with alt text', () => {
    const tree = structTree(pdfPath);
    expect(tree).toMatch(/\bH1\b/);
    expect(tree).toMatch(/\bH2\b/);
    expect(tree).toMatch(/Figure/);
    expect(tree).toMatch(/\bL\b[\s\S]*\bLI\b/);
  });

  it('embeds its fonts and passes qpdf --check', () => {
    for (const f of pdfFonts(pdfPath)) expect(f, f.name).toMatchObject({ emb: true, sub: true });
    expect(qpdfCheck(pdfPath)).toMatch(/No syntax or stream encoding errors/);
  });
});

describe('text that does not fit a slide', () => {
  it('continues on a "(cont.)" slide, every part within the content area', async () => {
    const r = await buildOk({ data: longSection(9), name: 'long.json' });
    const parts = r.plans.filter((p) => p.source.kind === 'bullets');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[0]?.title).toBe('Many talking points');
    for (const p of parts.slice(1)) expect(p.title).toBe('Many talking points (cont.)');
    const bottom = r.paged.geometry.height - 40;
    for (const p of parts) {
      for (const f of p.frames) if (f.kind === 'text') expect(f.box.y + f.box.height).toBeLessThanOrEqual(bottom + 0.01);
    }
    // Every point is shown once, in order, across the parts.
    const shown = squash(pageTexts(tempFile(r.pdf)).join(' '));
    let at = 0;
    for (let i = 1; i <= 9; i++) {
      const next = shown.indexOf(squash(`Point ${i} of the talking points`), at);
      expect(next, `point ${i}`).toBeGreaterThanOrEqual(at);
      at = next;
    }
  });

  it('is titled "(suite)" in French', async () => {
    const r = await buildOk({ data: longSection(9, { language: 'fr' }), name: 'long-fr.json' });
    expect(r.plans.some((p) => p.title === 'Many talking points (suite)')).toBe(true);
  });

  it('fails with a located slides/overflow naming the slide when overflow is "error"', async () => {
    const r = await buildSlides({ file: 'long.yaml', text: JSON.stringify(longSection(9)) }, { overflow: 'error' });
    expect(r.ok).toBe(false);
    const d = r.diagnostics.find((x) => x.code === 'slides/overflow');
    expect(d?.message).toContain('"Many talking points"');
    expect(d?.path).toBe('sections[0]');
    expect(d?.loc?.file).toBe('long.yaml');
    expect(d?.hint).toMatch(/cont\./);
  });

  it('builds the default deck with overflow "error" (nothing in it overflows)', async () => {
    const r = await buildOk({ data: baseData(), name: 'base.json' }, { overflow: 'error' });
    expect(r.plans.every((p) => p.part === 1)).toBe(true);
  });
});
