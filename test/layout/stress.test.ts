import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import type { PagedDocument } from '../../src/layout/types.js';
import { buildBriefing } from '../../src/build/index.js';

/*
 * The stress briefing for figures, notes and floats (test/fixtures/stress/figures.yaml): a
 * 274-character title, 50 bullets, 30 years of 10-digit KRW values with long derived notes,
 * a full-width chart whose notes run over two pages, a half-width pair whose notes break in
 * rows across a page, and a pair stacked because its notes would not fit one page. Read back
 * from the PDF on A4 and Letter: body words inside the live area, none overlapping; on A4 the
 * pages are compared with page images that were looked at (UPDATE_GOLDEN=1 rewrites them:
 * look at every page before committing).
 */

const FIXTURE = fileURLToPath(new URL('../fixtures/stress/figures.yaml', import.meta.url));
const PAGES = fileURLToPath(new URL('../fixtures/stress/figures-a4/', import.meta.url));
const DPI = 24;
/** Share of a page's pixels that may differ (anti-aliasing, font hinting of poppler versions). */
const TOLERANCE = 0.004;

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function temp(): string {
  const d = mkdtempSync(join(tmpdir(), 'briefkit-stress-'));
  dirs.push(d);
  return d;
}

async function build(paper: 'a4' | 'letter'): Promise<{ file: string; paged: PagedDocument }> {
  const r = await buildBriefing({ file: FIXTURE }, { paper });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  const file = join(temp(), `stress-${paper}.pdf`);
  writeFileSync(file, r.pdf);
  return { file, paged: r.paged };
}

interface Word { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number; readonly t: string }

function words(file: string): Word[][] {
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return [...xml.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)<\/word>/g)].map((w) => ({
      x0: Number(w[1]), y0: Number(w[2]), x1: Number(w[3]), y1: Number(w[4]), t: (w[5] ?? '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'"),
    })));
}

/** Words outside the live area that are not running header or footer text, and overlapping words. */
function textProblems(paged: PagedDocument, pages: readonly Word[][]): string[] {
  const out: string[] = [];
  expect(pages).toHaveLength(paged.pages.length);
  pages.forEach((ws, i) => {
    const p = paged.pages[i];
    if (!p) return;
    const c = p.content;
    const inside = (w: Word): boolean => w.x0 >= c.x - 1 && w.x1 <= c.x + c.width + 1 && w.y0 >= c.y - 3 && w.y1 <= c.y + c.height + 3;
    // The running header and footer: artifact text the layout put outside the content box.
    const furniture = new Set(p.items.flatMap((it) => (it.kind === 'text' && it.tag === 'artifact' && (it.y < c.y || it.y > c.y + c.height) ? it.text.split(/\s+/) : [])));
    for (const w of ws) if (!inside(w) && !furniture.has(w.t)) out.push(`page ${i + 1}: "${w.t}" outside the live area`);
    // Chart labels are the chart stage's: only text set by layout is checked for overlaps here.
    const charts = p.items.flatMap((it) => (it.kind === 'chart' ? [it.box] : []));
    const inChart = (w: Word): boolean => charts.some((b) => w.x0 >= b.x - 1 && w.x1 <= b.x + b.width + 1 && w.y0 >= b.y - 1 && w.y1 <= b.y + b.height + 1);
    const boxes = ws.filter((w) => !inChart(w)).map((w) => ({ ...w, y0: w.y0 + (w.y1 - w.y0) * 0.2, y1: w.y1 - (w.y1 - w.y0) * 0.2 }));
    for (let a = 0; a < boxes.length; a++) {
      for (let b = a + 1; b < boxes.length; b++) {
        const [u, v] = [boxes[a] as Word, boxes[b] as Word];
        if (Math.min(u.x1, v.x1) - Math.max(u.x0, v.x0) > 1 && Math.min(u.y1, v.y1) - Math.max(u.y0, v.y0) > 1) out.push(`page ${i + 1}: "${u.t}" overlaps "${v.t}"`);
      }
    }
  });
  return out;
}

function rasterise(file: string): PNG[] {
  const dir = temp();
  execFileSync('pdftoppm', ['-r', String(DPI), '-gray', '-png', file, join(dir, 'p')]);
  return readdirSync(dir).filter((f) => f.endsWith('.png')).sort().map((f) => PNG.sync.read(readFileSync(join(dir, f))));
}

describe('the stress briefing for figures, notes and floats', () => {
  it.each(['a4', 'letter'] as const)('%s: every word of the body inside the live area, none overlapping', async (paper) => {
    const { file, paged } = await build(paper);
    expect(textProblems(paged, words(file))).toEqual([]);
    // The pair broken across pages says so over its column.
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toMatch(/Figure \d+ \(continued\)/);
  }, 120_000);

  it('a4: the pages look as they did when they were looked at', async () => {
    const { file } = await build('a4');
    const pages = rasterise(file);
    if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(PAGES)) {
      rmSync(PAGES, { recursive: true, force: true });
      mkdirSync(PAGES, { recursive: true });
      pages.forEach((png, i) => writeFileSync(join(PAGES, `page-${String(i + 1).padStart(2, '0')}.png`), PNG.sync.write(png)));
      return;
    }
    const want = readdirSync(PAGES).filter((f) => f.endsWith('.png')).sort();
    expect(pages.length, 'page count').toBe(want.length);
    pages.forEach((png, i) => {
      const gold = PNG.sync.read(readFileSync(join(PAGES, want[i] as string)));
      expect([png.width, png.height], `page ${i + 1} size`).toEqual([gold.width, gold.height]);
      const differing = pixelmatch(png.data, gold.data, undefined, png.width, png.height, { threshold: 0.2 });
      expect(differing / (png.width * png.height), `page ${i + 1}: share of pixels that differ`).toBeLessThan(TOLERANCE);
    });
  }, 120_000);
});
