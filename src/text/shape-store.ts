import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fontsHash } from '../incremental/inputs.js';

/** A shaped run as stored: glyphs [id, advance, code points] and positions (pdfkit units). */
export interface StoredRun {
  readonly g: readonly (readonly [number, number, readonly number[]])[];
  readonly p: readonly (readonly [number, number, number, number, number])[];
}

interface StoreFile {
  readonly version: 2;
  readonly fonts: string;
  readonly widths: Record<string, number>;
  readonly runs: Record<string, StoredRun>;
}

const MAX_ENTRIES = 30_000;

/**
 * Shaping results kept between processes, so a cold build does not shape again the words it
 * shaped last time (fontkit's first OpenType shaping is most of a cold build's layout time).
 * Keyed by the fonts' content hash: other fonts, other results. `BRIEFKIT_CACHE_DIR` moves it
 * (default `~/.cache/briefkit`), `BRIEFKIT_CACHE=0` turns it off. Results are identical with
 * and without it: it holds only what fontkit computed.
 */
class ShapeStore {
  readonly widths = new Map<string, number>();
  readonly runs = new Map<string, StoredRun>();
  private added = 0;
  private readonly file: string | undefined;

  constructor() {
    if (process.env['BRIEFKIT_CACHE'] === '0') {
      this.file = undefined;
      return;
    }
    const dir = process.env['BRIEFKIT_CACHE_DIR'] ?? join(process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'briefkit');
    this.file = join(dir, `shaping-${fontsHash().slice(0, 16)}.json`);
    try {
      const data = JSON.parse(readFileSync(this.file, 'utf8')) as StoreFile;
      if (data.version === 2) {
        for (const [k, v] of Object.entries(data.widths)) this.widths.set(k, v);
        for (const [k, v] of Object.entries(data.runs)) this.runs.set(k, v);
      }
    } catch {
      // No store yet, or an unreadable one: start empty.
    }
    process.once('exit', () => this.save());
  }

  setWidth(key: string, units: number): void {
    if (!this.file || this.widths.size >= MAX_ENTRIES) return;
    this.widths.set(key, units);
    this.added++;
  }

  setRun(key: string, run: StoredRun): void {
    if (!this.file || this.runs.size >= MAX_ENTRIES) return;
    // A glyph without its characters would lose text from the PDF's text layer: keep it out.
    if (run.g.some(([, , cps]) => cps.length === 0)) return;
    this.runs.set(key, run);
    this.added++;
  }

  /** Writes the store if it grew (atomically; a failure only costs the next cold start). */
  save(): void {
    if (!this.file || this.added === 0) return;
    try {
      mkdirSync(join(this.file, '..'), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      const data: StoreFile = { version: 2, fonts: fontsHash(), widths: Object.fromEntries(this.widths), runs: Object.fromEntries(this.runs) };
      writeFileSync(tmp, JSON.stringify(data));
      renameSync(tmp, this.file);
      this.added = 0;
    } catch {
      // A cache that cannot be written is no cache: nothing else depends on it.
    }
  }
}

let store: ShapeStore | undefined;

export function shapeStore(): ShapeStore {
  store ??= new ShapeStore();
  return store;
}
