import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes bytes to a fresh temporary file and returns its path. */
export function tempFile(bytes: Uint8Array, name = 'out.pdf'): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-test-'));
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

function run(cmd: string, args: readonly string[]): string {
  return execFileSync(cmd, [...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Text of every page (poppler), pages split on form feeds. */
export function pageTexts(path: string, layout = false): string[] {
  const out = run('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', path, '-']);
  const pages = out.split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages;
}

/** Normalises extracted text for comparison: no hyphens or minus signs, no whitespace, straight quotes. */
export function squash(s: string): string {
  return s.normalize('NFC').replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d\u00ab\u00bb]/g, '"').replace(/[-\u2010\u00ad\u2212]/g, '').replace(/\s+/g, '');
}

export function pdfInfo(path: string): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of run('pdfinfo', [path]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m?.[1]) info[m[1].trim()] = m[2] ?? '';
  }
  return info;
}

export interface FontRow {
  name: string;
  type: string;
  emb: boolean;
  sub: boolean;
  uni: boolean;
}

export function pdfFonts(path: string): FontRow[] {
  const lines = run('pdffonts', [path]).split('\n').slice(2).filter((l) => l.trim());
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    // name type [encoding...] emb sub uni object ID
    const n = cols.length;
    return { name: cols[0] ?? '', type: cols[1] ?? '', emb: cols[n - 5] === 'yes', sub: cols[n - 4] === 'yes', uni: cols[n - 3] === 'yes' };
  });
}

/** `qpdf --check` output; throws when qpdf reports errors (exit code 2). */
export function qpdfCheck(path: string): string {
  try {
    return execFileSync('qpdf', ['--check', path], { encoding: 'utf8' });
  } catch (e) {
    const err = e as { status?: number; stdout?: string };
    // Exit 3 means warnings only.
    if (err.status === 3) return `WARNINGS\n${err.stdout ?? ''}`;
    throw e;
  }
}

/**
 * The file as text with every object outside object streams and every stream decompressed
 * (`qpdf --qdf --object-streams=disable`), to search dictionaries by their PDF syntax.
 */
export function plainPdf(path: string): string {
  return execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, '-'], { maxBuffer: 256 * 1024 * 1024 }).toString('latin1');
}

export function structTree(path: string): string {
  return run('pdfinfo', ['-struct-text', path]);
}

export function imageCount(path: string): number {
  return run('pdfimages', ['-list', path]).split('\n').slice(2).filter((l) => l.trim()).length;
}
