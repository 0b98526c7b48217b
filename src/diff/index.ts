import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { UserError, diag } from '../diag/index.js';
import { writeFileAtomic } from '../util/index.js';

export interface PageDiff {
  /** 1-based page number. */
  readonly page: number;
  readonly status: 'same' | 'changed' | 'added' | 'removed';
  /** Pixels that differ at the comparison resolution. */
  readonly pixels: number;
  /** Side-by-side image (old | new | differences) written for a changed page. */
  readonly image?: string;
}

export interface DiffOptions {
  /** Where side-by-side PNGs go; none are written when absent. */
  readonly outDir?: string;
  /** Resolution of the comparison (dpi); 50 by default. */
  readonly dpi?: number;
}

/** Comparison resolutions accepted (dpi): past 600 one A4 page is 35 megapixels per side. */
export const DPI_RANGE = { min: 10, max: 600 } as const;
/** Longest pdftoppm may take for one PDF: a hostile PDF must not hold the command for ever. */
const RASTER_MS = 120_000;

/**
 * A PDF to compare must be a regular file: pdftoppm would wait for ever on a pipe and read a
 * device without end. Checked before pdftoppm runs, like every other input.
 */
function checkInput(pdf: string): void {
  let why: string | undefined;
  try {
    const st = statSync(pdf);
    if (st.isDirectory()) why = 'it is a directory';
    else if (st.isFIFO()) why = 'it is a named pipe (FIFO)';
    else if (!st.isFile()) why = 'it is a device or socket';
  } catch (e) {
    why = (e as { code?: string }).code === 'ENOENT' ? 'file not found' : `${(e as { code?: string }).code ?? 'unreadable'}`;
  }
  if (why) throw new UserError([diag('diff/unreadable', `cannot read ${pdf}: ${why}, not a PDF file`, { hint: 'give the paths of two PDF files saved on disk' })]);
}

/** Renders every page of a PDF to PNG with poppler's pdftoppm. */
function rasterise(pdf: string, dpi: number): PNG[] {
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-diff-'));
  try {
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', pdf, join(dir, 'p')], { stdio: ['ignore', 'ignore', 'pipe'], timeout: RASTER_MS, killSignal: 'SIGKILL' });
    return readdirSync(dir).filter((f) => f.endsWith('.png')).sort((a, b) => Number(/(\d+)\.png$/.exec(a)?.[1]) - Number(/(\d+)\.png$/.exec(b)?.[1]))
      .map((f) => PNG.sync.read(readFileSync(join(dir, f))));
  } catch (e) {
    const err = e as { code?: string; stderr?: Buffer };
    throw new UserError([diag(err.code === 'ENOENT' ? 'diff/no-rasteriser' : 'diff/unreadable', err.code === 'ENOENT' ? 'pdftoppm is not installed' : `cannot render ${pdf}: ${String(err.stderr ?? e).trim().split('\n')[0]}`, {
      hint: err.code === 'ENOENT' ? 'install poppler-utils (npm run setup does)' : 'check that the file is a PDF',
    })]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function blank(width: number, height: number): PNG {
  const p = new PNG({ width, height });
  p.data.fill(255);
  return p;
}

/** Pads an image to a size with white. */
function fit(img: PNG, width: number, height: number): PNG {
  if (img.width === width && img.height === height) return img;
  const out = blank(width, height);
  PNG.bitblt(img, out, 0, 0, Math.min(img.width, width), Math.min(img.height, height), 0, 0);
  return out;
}

/**
 * Compares two PDFs page by page as images and reports which pages changed; for each changed
 * page writes `page-N.png` with the old page, the new page and the differences side by side.
 */
export function diffPdfs(oldPdf: string, newPdf: string, o: DiffOptions = {}): PageDiff[] {
  const dpi = o.dpi ?? 50;
  if (!Number.isInteger(dpi) || dpi < DPI_RANGE.min || dpi > DPI_RANGE.max) {
    throw new UserError([diag('diff/dpi', `--dpi must be a whole number from ${DPI_RANGE.min} to ${DPI_RANGE.max}, got ${String(dpi)}`, { hint: 'the default, 50, finds any visible change' })]);
  }
  checkInput(oldPdf);
  checkInput(newPdf);
  const a = rasterise(oldPdf, dpi);
  const b = rasterise(newPdf, dpi);
  const out: PageDiff[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const pa = a[i];
    const pb = b[i];
    if (!pa || !pb) {
      out.push({ page: i + 1, status: pa ? 'removed' : 'added', pixels: 0 });
      continue;
    }
    const w = Math.max(pa.width, pb.width);
    const h = Math.max(pa.height, pb.height);
    const fa = fit(pa, w, h);
    const fb = fit(pb, w, h);
    const d = new PNG({ width: w, height: h });
    const pixels = pixelmatch(fa.data, fb.data, d.data, w, h, { threshold: 0.1 });
    if (pixels === 0) {
      out.push({ page: i + 1, status: 'same', pixels });
      continue;
    }
    let image: string | undefined;
    if (o.outDir) {
      const gap = 8;
      const side = blank(w * 3 + gap * 2, h);
      PNG.bitblt(fa, side, 0, 0, w, h, 0, 0);
      PNG.bitblt(fb, side, 0, 0, w, h, w + gap, 0);
      PNG.bitblt(d, side, 0, 0, w, h, 2 * (w + gap), 0);
      image = join(o.outDir, `page-${i + 1}.png`);
      writeFileAtomic(image, PNG.sync.write(side));
    }
    out.push({ page: i + 1, status: 'changed', pixels, ...(image ? { image } : {}) });
  }
  return out;
}
