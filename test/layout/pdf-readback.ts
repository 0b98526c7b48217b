import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { expect } from 'vitest';
import type { PagedDocument } from '../../src/layout/types.js';

/*
 * Reading a built PDF back for layout tests (the same checks as stress.test.ts, shared by the
 * realistic-briefing and random-briefing tests): words with their boxes from `pdftotext
 * -bbox`, words outside the live area or overlapping, numbers cut at a line end, and page
 * images compared with goldens that were looked at.
 */

/** One word as pdftotext sees it: box in pt from the page's top-left. */
export interface Word { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number; readonly t: string }

const tempDirs: string[] = [];
/** A fresh temporary folder, removed by `cleanTemp` (call it from afterAll). */
export function temp(): string {
  const d = mkdtempSync(join(tmpdir(), 'briefkit-readback-'));
  tempDirs.push(d);
  return d;
}
export function cleanTemp(): void {
  for (const d of tempDirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Writes PDF bytes to a temporary file and returns its path. */
export function pdfFile(pdf: Uint8Array, name = 'doc.pdf'): string {
  const file = join(temp(), name);
  writeFileSync(file, pdf);
  return file;
}

const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Words of each page, in pdftotext's reading order. */
export function pageWords(file: string): Word[][] {
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return [...xml.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)<\/word>/g)].map((w) => ({
      x0: Number(w[1]), y0: Number(w[2]), x1: Number(w[3]), y1: Number(w[4]), t: unescape(w[5] ?? ''),
    })));
}

/**
 * Whether a word lies in the page's content box (a little slack for ascent and descent). Its
 * box is trimmed by a fifth at top and bottom first: pdftotext boxes span the font's whole
 * ascent and descent, and those of the CJK and Arabic fonts are much taller than the line.
 */
export function insideLive(paged: PagedDocument, page: number, w: Word): boolean {
  const c = paged.pages[page]?.content;
  if (!c) return false;
  const pad = (w.y1 - w.y0) * 0.2;
  return w.x0 >= c.x - 1 && w.x1 <= c.x + c.width + 1 && w.y0 + pad >= c.y - 3 && w.y1 - pad <= c.y + c.height + 3;
}

/** A word's characters in code point order: the same for a word in logical and visual order. */
export const letters = (w: string): string => [...w].sort().join('');

/** Words of the running header and footer of a page (as {@link letters}): artifact text set outside the content box. */
export function furniture(paged: PagedDocument, page: number): Set<string> {
  const p = paged.pages[page];
  if (!p) return new Set();
  const c = p.content;
  const items = p.items.flatMap((it) => (it.kind === 'text' && it.tag === 'artifact' && (it.y < c.y || it.y > c.y + c.height) ? [it] : []));
  // Runs of one line that touch (a title's Latin, CJK and "…" runs) read back as one word.
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  let line = '';
  sorted.forEach((it, k) => {
    const prev = sorted[k - 1];
    line += prev && Math.abs(prev.y - it.y) < 0.5 && Math.abs(prev.x + prev.width - it.x) < 1 ? it.text : ` ${it.text}`;
  });
  const words = [...items.flatMap((it) => it.text.split(/\s+/)), ...line.split(/\s+/)];
  // A bbox dump gives right-to-left words in visual order ("משרד…" reads back "דרשמ…"):
  // words are compared as sorted letters.
  return new Set(words.map(letters));
}

/**
 * Words outside the live area that are not header or footer text, and overlapping words (boxes
 * trimmed by a fifth at top and bottom: they include ascent and descent). With `chartWords`
 * false, words inside chart drawings are left out of the overlap check.
 */
export function textProblems(paged: PagedDocument, pages: readonly Word[][], chartWords = false): string[] {
  const out: string[] = [];
  if (pages.length !== paged.pages.length) out.push(`PDF has ${pages.length} pages, layout ${paged.pages.length}`);
  pages.forEach((ws, i) => {
    const p = paged.pages[i];
    if (!p) return;
    const furn = furniture(paged, i);
    // Right-to-left furniture words also read back in pieces (cut at non-joining letters):
    // such a piece passes when the running texts hold each of its letters.
    const furnChars = new Set([...[...furn].join('')]);
    const piece = (t: string): boolean => /[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(t) && [...t].every((c) => furnChars.has(c));
    for (const w of ws) if (!insideLive(paged, i, w) && !furn.has(letters(w.t)) && !piece(w.t)) out.push(`page ${i + 1}: "${w.t}" outside the live area at [${w.x0},${w.y0},${w.x1},${w.y1}]`);
    const charts = p.items.flatMap((it) => (it.kind === 'chart' ? [it.box] : []));
    const inChart = (w: Word): boolean => charts.some((b) => w.x0 >= b.x - 1 && w.x1 <= b.x + b.width + 1 && w.y0 >= b.y - 1 && w.y1 <= b.y + b.height + 1);
    const boxes = ws.filter((w) => chartWords || !inChart(w)).map((w) => ({ ...w, y0: w.y0 + (w.y1 - w.y0) * 0.2, y1: w.y1 - (w.y1 - w.y0) * 0.2 }));
    for (let a = 0; a < boxes.length; a++) {
      for (let b = a + 1; b < boxes.length; b++) {
        const [u, v] = [boxes[a] as Word, boxes[b] as Word];
        if (Math.min(u.x1, v.x1) - Math.max(u.x0, v.x0) > 1 && Math.min(u.y1, v.y1) - Math.max(u.y0, v.y0) > 1) out.push(`page ${i + 1}: "${u.t}" overlaps "${v.t}"`);
      }
    }
  });
  return out;
}

/**
 * Line ends that cut a number (plain pdftotext lines): a digit group left open ("4,832," or
 * "217,0"), a dangling decimal point, sign or currency, continued by a line starting with a digit.
 */
export function splitNumbers(file: string): string[] {
  const lines = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\n').map((l) => l.trim());
  const out: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const [a, b] = [lines[i] ?? '', lines[i + 1] ?? ''];
    if (/(\d[,.]|\d,\d{1,2}|[−+]|[$€¥₩£]|\b[A-Z]{3})$/u.test(a) && /^[\d.,]/.test(b)) out.push(`"${a.slice(-20)}" / "${b.slice(0, 20)}"`);
  }
  return out;
}

/** Greyscale page images of a PDF at `dpi`. */
export function rasterise(file: string, dpi: number): PNG[] {
  const dir = temp();
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', file, join(dir, 'p')]);
  return readdirSync(dir).filter((f) => f.endsWith('.png')).sort().map((f) => PNG.sync.read(readFileSync(join(dir, f))));
}

/**
 * Compares page images with the goldens in `dir` (share of differing pixels under
 * `tolerance`); with UPDATE_GOLDEN=1 or no goldens yet, writes them instead (look at every
 * page before committing).
 */
export function compareGoldens(pages: readonly PNG[], dir: string, tolerance: number): void {
  if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(dir)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    pages.forEach((png, i) => writeFileSync(join(dir, `page-${String(i + 1).padStart(2, '0')}.png`), PNG.sync.write(png)));
    return;
  }
  const want = readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
  expect(pages.length, 'page count').toBe(want.length);
  pages.forEach((png, i) => {
    const gold = PNG.sync.read(readFileSync(join(dir, want[i] as string)));
    expect([png.width, png.height], `page ${i + 1} size`).toEqual([gold.width, gold.height]);
    const differing = pixelmatch(png.data, gold.data, undefined, png.width, png.height, { threshold: 0.2 });
    expect(differing / (png.width * png.height), `page ${i + 1}: share of pixels that differ`).toBeLessThan(tolerance);
  });
}
