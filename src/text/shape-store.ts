import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fontsHash } from './fonts-hash.js';
import { makeDir, sweepStale, tempPath } from '../util/index.js';

/** A shaped run as stored: glyphs [id, advance, code points] and positions (pdfkit units). */
export interface StoredRun {
  readonly g: readonly (readonly [number, number, readonly number[]])[];
  readonly p: readonly (readonly [number, number, number, number, number])[];
}

/**
 * Bumped whenever what is stored changes meaning (4: glyphs carry the characters they were
 * shaped from; 5: the first line and each bucket carry a checksum).
 */
export const VERSION = 5;

/**
 * The file, all ASCII: a line of JSON (`version` first: another version's file is not read
 * further), then the entries as text lines `\n<name>\t<value>\t<rank>`. Keys share a few
 * prefixes (font and features), so an entry is named `<prefix index>:<the key's text>`, other
 * characters than printable ASCII escaped as `\uXXXX`. Widths are numbers, runs strings read
 * with the fonts' tables ({@link RunCodec}); the rank (base 36) is the entry's place in the
 * order {@link keysToKeep} gives. Each kind's lines are grouped in buckets by a hash of the
 * name, at the offsets the first line gives: reading the file is one read and a small
 * `JSON.parse`, and finding an entry looks in one bucket, so an entry costs nothing until it
 * is asked for.
 *
 * A damaged file must never change a PDF (a flipped digit in a width reflows the page), so the
 * first line ends with a tab and the checksum of the JSON before it, and each bucket has a
 * checksum in `sums`, checked when the bucket is first read: a bucket that does not match is
 * no bucket (its entries are shaped again and written afresh), a first line that does not
 * match is no file.
 */
export interface StoreHead {
  readonly version: typeof VERSION;
  readonly fonts: string;
  readonly prefixes: readonly string[];
  readonly tables: Record<string, FontTableFile>;
  /** Offsets of the buckets of widths and of runs in the text after the first line (one more than buckets). */
  readonly widths: readonly number[];
  readonly runs: readonly number[];
  /** Checksum of each bucket's text ({@link checksum}), per kind, in bucket order. */
  readonly sums: { readonly widths: readonly string[]; readonly runs: readonly string[] };
}

/**
 * Truncated sha-256 of a part of the file (ASCII; read as latin1, so a damaged byte changes
 * it too). 64 bits: damage goes unnoticed with a chance of 2^-64. sha-256 rather than
 * `zlib.crc32`, which Node 20 has only from 20.15.
 */
export function checksum(text: string): string {
  return createHash('sha256').update(text, 'latin1').digest('hex').slice(0, 16);
}

/**
 * How many entries the file keeps per kind. In the file a run takes 50 to 75 bytes and a width
 * about 35, so a full store is at most about 0.7 MB, read in a few ms. The default briefing
 * needs about 130 runs and 530 widths; a pack of 250 synthetic briefings about 4,500 runs and
 * 4,900 widths, so it fits whole; a pack of 1,000 does not.
 */
export const MAX_RUNS = 6_000;
export const MAX_WIDTHS = 8_000;
/** A store file is at most about 0.7 MB (see above); anything much larger is not one of ours. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;
/** The fonts' tables only grow: past this many entries, the store starts again. */
const MAX_TABLE = 20_000;

/**
 * The keys a store keeps, in order: those read or added in this process (in the order first
 * met, which in a pack puts what all its briefings share first), then the older ones in their
 * previous order (so the file is ordered by the processes that last used each entry, most
 * recent first), at most `cap`.
 */
export function keysToKeep(used: ReadonlySet<string>, previous: Iterable<string>, cap: number): string[] {
  const keep: string[] = [];
  for (const k of used) {
    if (keep.length >= cap) return keep;
    keep.push(k);
  }
  for (const k of previous) {
    if (keep.length >= cap) break;
    if (!used.has(k)) keep.push(k);
  }
  return keep;
}

/** The part of a key after its second NUL (font, features, text: the text). */
function textOf(key: string): string {
  return key.slice(key.indexOf('\u0000', key.indexOf('\u0000') + 1) + 1);
}

const num = (v: number): string => (Object.is(v, -0) ? '-0' : String(v));
const codePoints = (text: string): number[] => Array.from(text, (c) => c.codePointAt(0) ?? 0);
const sameNumbers = (a: readonly number[], b: readonly number[] | undefined): boolean =>
  b !== undefined && a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
/** A number JSON writes and reads back as itself. */
const jsonSafe = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && !Object.is(v, -0);

/** What one font's runs share: each glyph's advance, each character's usual glyph and code points. */
interface FontTable {
  readonly advance: Map<number, number>;
  readonly usual: Map<number, { readonly id: number; readonly cps: readonly number[] }>;
}

/** A font's table as written: advance [id, advance, ...], usual [[code point, id, ...code points], ...]. */
interface FontTableFile {
  readonly advance: readonly number[];
  readonly usual: readonly (readonly number[])[];
}

/**
 * Writes runs as short strings, exactly, and reads them back. Most of a run is what the font
 * always does (a character's usual glyph, a glyph's advance), so a run is written as what
 * differs from tables of those shared by the file's runs of the same font (learnt from the
 * runs written, never changed once written). Glyphs are separated by spaces, each
 * `id,advance,xAdvance,chars,yAdvance,xOffset,yOffset,positionAdvance` with the fields that
 * have their usual value left empty and trailing empty ones left out: the glyph and code
 * points usual for the key's next character, the advance of the table, xAdvance and
 * positionAdvance the advance, offsets 0. `chars` is empty for the next character's usual
 * code points, a count for the text's next code points (a ligature), or `/`-prefixed code
 * points. Numbers as JavaScript prints them, which read back the same.
 */
export class RunCodec {
  private readonly tables = new Map<string, FontTable>();

  private table(key: string): FontTable {
    const font = key.slice(0, Math.max(0, key.indexOf('\u0000')));
    let t = this.tables.get(font);
    if (!t) this.tables.set(font, (t = { advance: new Map(), usual: new Map() }));
    return t;
  }

  /** The run as a string, or undefined when it cannot be written exactly (empty, odd values). */
  encode(key: string, run: StoredRun): string | undefined {
    if (run.g.length === 0 || run.g.length !== run.p.length) return undefined;
    const t = this.table(key);
    const cps = codePoints(textOf(key));
    let at = 0;
    const out: string[] = [];
    for (let i = 0; i < run.g.length; i++) {
      const [id, adv, gc] = run.g[i]!;
      const [xa, ya, xo, yo, pa] = run.p[i]!;
      const c = cps[at];
      // Learn what is new: a glyph's advance, a character's glyph (one code point, no ligature).
      if (!t.advance.has(id) && jsonSafe(id) && jsonSafe(adv)) t.advance.set(id, adv);
      if (c !== undefined && gc.length === 1 && !t.usual.has(c) && jsonSafe(id) && gc.every(jsonSafe)) t.usual.set(c, { id, cps: [...gc] });
      const u = c === undefined ? undefined : t.usual.get(c);
      let chars: string;
      if (c !== undefined && sameNumbers(gc, u ? u.cps : [c])) {
        chars = '';
        at += 1;
      } else {
        chars = gc.length > 0 && sameNumbers(gc, cps.slice(at, at + gc.length)) ? String(gc.length) : `/${gc.map(num).join('/')}`;
        at += gc.length;
      }
      const f = [
        chars === '' && u && Object.is(u.id, id) ? '' : num(id),
        Object.is(t.advance.get(id), adv) ? '' : num(adv),
        Object.is(xa, adv) ? '' : num(xa),
        chars,
        Object.is(ya, 0) ? '' : num(ya),
        Object.is(xo, 0) ? '' : num(xo),
        Object.is(yo, 0) ? '' : num(yo),
        Object.is(pa, adv) ? '' : num(pa),
      ];
      let n = f.length;
      while (n > 0 && f[n - 1] === '') n--;
      out.push(f.slice(0, n).join(','));
    }
    const s = out.join(' ');
    // Written only if it reads back exactly: the store must not change any result.
    const back = this.decode(key, s);
    const same = back.g.length === run.g.length && back.g.every(([id, adv, gc], i) => {
      const [wid, wadv, wgc] = run.g[i]!;
      return Object.is(id, wid) && Object.is(adv, wadv) && sameNumbers(gc, wgc) && sameNumbers(back.p[i]!, run.p[i]);
    });
    return same ? s : undefined;
  }

  /** The run {@link encode} wrote for `key`. */
  decode(key: string, s: string): StoredRun {
    const t = this.table(key);
    const cps = codePoints(textOf(key));
    let at = 0;
    const g: [number, number, number[]][] = [];
    const p: [number, number, number, number, number][] = [];
    for (const token of s.split(' ')) {
      const [id = '', adv = '', xa = '', chars = '', ya = '', xo = '', yo = '', pa = ''] = token.split(',');
      const c = cps[at];
      const u = c === undefined ? undefined : t.usual.get(c);
      let gc: number[];
      if (chars === '') {
        gc = u ? [...u.cps] : c === undefined ? [] : [c];
        at += 1;
      } else {
        gc = chars.startsWith('/') ? chars.slice(1).split('/').map(Number) : cps.slice(at, at + Number(chars));
        at += gc.length;
      }
      const gid = id === '' ? (u?.id ?? NaN) : Number(id);
      const a = adv === '' ? (t.advance.get(gid) ?? NaN) : Number(adv);
      g.push([gid, a, gc]);
      p.push([xa === '' ? a : Number(xa), ya === '' ? 0 : Number(ya), xo === '' ? 0 : Number(xo), yo === '' ? 0 : Number(yo), pa === '' ? a : Number(pa)]);
    }
    return { g, p };
  }

  /** The tables, to write with the runs. */
  toFile(): Record<string, FontTableFile> {
    return Object.fromEntries(
      [...this.tables].map(([font, t]) => [font, { advance: [...t.advance].flat(), usual: [...t.usual].map(([c, u]) => [c, u.id, ...u.cps]) }]),
    );
  }

  /** Reads tables {@link toFile} wrote. */
  load(file: Record<string, FontTableFile>): void {
    for (const [font, f] of Object.entries(file)) {
      const t = { advance: new Map<number, number>(), usual: new Map<number, { id: number; cps: number[] }>() };
      for (let i = 0; i + 1 < f.advance.length; i += 2) t.advance.set(f.advance[i]!, f.advance[i + 1]!);
      for (const [c, id, ...cps] of f.usual) if (c !== undefined && id !== undefined) t.usual.set(c, { id, cps });
      this.tables.set(font, t);
    }
  }

  clear(): void {
    this.tables.clear();
  }

  /** How many entries the tables hold (they only grow: a store that has too many starts again). */
  get size(): number {
    let n = 0;
    for (const t of this.tables.values()) n += t.advance.size + t.usual.size;
    return n;
  }
}

/** How one kind of entry is written in the file (a string without tabs or newlines). */
interface Codec<V> {
  encode(key: string, v: V): string | undefined;
  decode(key: string, s: string): V;
}

const widthCodec: Codec<number> = { encode: (_k, v) => num(v), decode: (_k, s) => Number(s) };

/** Names keys as the file does: `<prefix index>:<text>`, new prefixes numbered after the file's. */
class KeyNames {
  private readonly index = new Map<string, number>();
  readonly prefixes: string[] = [];

  load(prefixes: readonly string[]): void {
    for (const p of prefixes) this.of(p);
  }

  /** The name of a key: printable ASCII, other characters (tabs, newlines, Hangul) escaped. */
  of(key: string): string {
    const text = textOf(key);
    const prefix = key.slice(0, key.length - text.length);
    let i = this.index.get(prefix);
    if (i === undefined) {
      this.index.set(prefix, (i = this.prefixes.length));
      this.prefixes.push(prefix);
    }
    return ascii(`${i}:${text}`);
  }
}

/** `s` with the characters `chars` matches as `\uXXXX`. */
const escape = (s: string, chars: RegExp): string => s.replace(chars, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** A name in printable ASCII (the file is read one byte a character): others, and `\`, escaped. */
const ascii = (name: string): string => escape(name, /[^\x20-\x5b\x5d-\x7e]/g);

/** FNV-1a of a name, to its bucket. */
function bucketOf(name: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return (h >>> 0) % buckets;
}

/** About this many entries per bucket: finding one scans a few KB at most. */
const PER_BUCKET = 32;

/** One kind of entry as the file holds them (see {@link StoreHead}). */
export class Section {
  /** Buckets checked so far: whether their checksum matched. */
  private readonly checked = new Map<number, boolean>();

  constructor(
    private readonly body = '',
    private readonly offsets: readonly number[] = [],
    private readonly sums: readonly string[] = [],
  ) {}

  /** The text of bucket `b`, or undefined when it is damaged (its checksum does not match). */
  private bucket(b: number): string | undefined {
    const chunk = this.body.slice(this.offsets[b], this.offsets[b + 1]);
    let ok = this.checked.get(b);
    if (ok === undefined) this.checked.set(b, (ok = checksum(chunk) === this.sums[b]));
    return ok ? chunk : undefined;
  }

  /** The entry's value and rank. */
  find(name: string): { value: string; rank: number } | undefined {
    const buckets = this.offsets.length - 1;
    if (buckets < 1) return undefined;
    const chunk = this.bucket(bucketOf(name, buckets));
    if (chunk === undefined) return undefined;
    const at = chunk.indexOf(`\n${name}\t`);
    if (at < 0) return undefined;
    const v = at + name.length + 2;
    const r = chunk.indexOf('\t', v);
    // A value is whole only if its tab follows (a file cut short is no file to trust).
    if (r < 0) return undefined;
    const end = chunk.indexOf('\n', r);
    return { value: chunk.slice(v, r), rank: parseInt(chunk.slice(r + 1, end < 0 ? undefined : end), 36) };
  }

  /** Every entry of the buckets that are whole, in rank order. */
  entries(): Map<string, string> {
    const rows: [string, string, number][] = [];
    const text = Array.from({ length: Math.max(0, this.offsets.length - 1) }, (_, b) => this.bucket(b) ?? '').join('');
    for (const line of text.split('\n')) {
      const [name, value, rank] = line.split('\t');
      if (name !== undefined && value !== undefined && rank !== undefined) rows.push([name, value, parseInt(rank, 36)]);
    }
    rows.sort((x, y) => x[2] - y[2]);
    return new Map(rows.map(([name, value]) => [name, value]));
  }
}

/** Entries (in order) as a section's text starting at `base`, its bucket offsets and checksums. */
function sectionText(entries: readonly (readonly [string, string])[], base: number): { text: string; offsets: number[]; sums: string[] } {
  const buckets: string[][] = Array.from({ length: Math.max(1, Math.ceil(entries.length / PER_BUCKET)) }, () => []);
  entries.forEach(([name, value], rank) => buckets[bucketOf(name, buckets.length)]!.push(`\n${name}\t${value}\t${rank.toString(36)}`));
  const offsets = [base];
  const parts = buckets.map((lines) => {
    const part = lines.join('');
    offsets.push(offsets[offsets.length - 1]! + part.length);
    return part;
  });
  return { text: parts.join(''), offsets, sums: parts.map(checksum) };
}

/** A store file's text. */
export function formatStore(head: Omit<StoreHead, 'widths' | 'runs' | 'sums'>, widths: readonly (readonly [string, string])[], runs: readonly (readonly [string, string])[]): string {
  const w = sectionText(widths, 0);
  const r = sectionText(runs, w.text.length);
  const json = escape(JSON.stringify({ ...head, widths: w.offsets, runs: r.offsets, sums: { widths: w.sums, runs: r.sums } }), /[\x7f-\uffff]/g);
  return `${json}\t${checksum(json)}\n${w.text}${r.text}`;
}

const offsetsOk = (o: unknown, end: number): o is number[] =>
  Array.isArray(o) && o.length > 1 && o.every((v, i) => Number.isInteger(v) && v >= (i > 0 ? (o[i - 1] as number) : 0) && v <= end);

const sumsOk = (s: unknown, offsets: readonly number[]): s is string[] =>
  Array.isArray(s) && s.length === offsets.length - 1 && s.every((v) => typeof v === 'string');

/**
 * A store file's parts, or undefined for another version's file or one that is not whole or
 * whose first line does not match its checksum (damaged buckets are found when read).
 */
export function parseStore(text: string): { head: StoreHead; widths: Section; runs: Section } | undefined {
  if (!text.startsWith(`{"version":${VERSION},`)) return undefined;
  const nl = text.indexOf('\n');
  if (nl < 0) return undefined;
  const first = text.slice(0, nl);
  const tab = first.lastIndexOf('\t');
  if (tab < 0 || checksum(first.slice(0, tab)) !== first.slice(tab + 1)) return undefined;
  let head: StoreHead;
  try {
    head = JSON.parse(first.slice(0, tab)) as StoreHead;
  } catch {
    return undefined;
  }
  const body = text.slice(nl + 1);
  const whole = offsetsOk(head.widths, body.length) && offsetsOk(head.runs, body.length) && Array.isArray(head.prefixes) &&
    typeof head.tables === 'object' && head.tables !== null && typeof head.sums === 'object' && head.sums !== null &&
    sumsOk(head.sums.widths, head.widths) && sumsOk(head.sums.runs, head.runs);
  return whole ? { head, widths: new Section(body, head.widths, head.sums.widths), runs: new Section(body, head.runs, head.sums.runs) } : undefined;
}

/**
 * One kind of entry: those of the file (kept as written, decoded when first asked for), those
 * added, and which were read or added in this process, in order.
 */
class Table<V> {
  private stored = new Section();
  private readonly decoded = new Map<string, V>();
  private readonly added = new Map<string, readonly [string, V]>();
  private readonly used = new Set<string>();
  /** The highest rank in the file of an entry used. */
  private lastRank = -1;

  constructor(
    private readonly names: KeyNames,
    private readonly codec: Codec<V>,
    readonly cap: number,
  ) {}

  load(stored: Section): void {
    this.stored = stored;
  }

  get(key: string): V | undefined {
    const name = this.names.of(key);
    let v = this.decoded.get(name) ?? this.added.get(name)?.[1];
    if (v === undefined) {
      const found = this.stored.find(name);
      if (!found) return undefined;
      v = this.codec.decode(key, found.value);
      this.decoded.set(name, v);
      this.lastRank = Math.max(this.lastRank, found.rank);
    }
    this.used.add(name);
    return v;
  }

  set(key: string, v: V): void {
    const name = this.names.of(key);
    // Past the cap, what this process adds would not be kept: do not hold it.
    if (this.used.size >= this.cap || this.used.has(name)) return;
    this.added.set(name, [key, v]);
    this.used.add(name);
  }

  /**
   * Whether the file would change: something added, or what was used is not the front of the
   * file (ranks are distinct: all below the count used means just those at the front).
   */
  changed(): boolean {
    return this.added.size > 0 || this.lastRank >= this.used.size;
  }

  /** The entries to write, in order. */
  write(): [string, string][] {
    const previous = this.stored.entries();
    const out: [string, string][] = [];
    for (const name of keysToKeep(this.used, previous.keys(), this.cap)) {
      const a = this.added.get(name);
      const e = previous.get(name) ?? (a && this.codec.encode(a[0], a[1]));
      if (e !== undefined && !/[^\x20-\x7e]/.test(e)) out.push([name, e]);
    }
    return out;
  }

  /** After a write: the file holds what was added, and what was used is at its front. */
  written(stored: Section): void {
    this.stored = stored;
    this.added.clear();
    this.lastRank = -1;
  }
}

/**
 * Shaping results kept between processes, so a cold build does not shape again the words it
 * shaped last time (fontkit's first OpenType shaping is most of a cold build's layout time).
 * Keyed by the fonts' content hash: other fonts, other results. `BRIEFKIT_CACHE_DIR` moves it
 * (default `~/.cache/briefkit`), `BRIEFKIT_CACHE=0` turns it off. Results are identical with
 * and without it: it holds only what fontkit computed, written exactly, and each glyph carries
 * the characters it was shaped from (see `keepCodePoints` in fonts.ts), not those some earlier
 * document asked for (tested: the same bytes whatever the process built before).
 *
 * It stays small and cheap to read ({@link StoreHead}): at most {@link MAX_RUNS} runs and
 * {@link MAX_WIDTHS} widths, those used by the latest processes first ({@link keysToKeep}).
 * It is written at exit when it changed, atomically (a temporary file renamed into place);
 * a store that cannot be read or written is no store, and nothing else depends on it.
 */
class ShapeStore {
  private readonly names = new KeyNames();
  private readonly codec = new RunCodec();
  readonly widths = new Table<number>(this.names, widthCodec, MAX_WIDTHS);
  readonly runs = new Table<StoredRun>(this.names, this.codec, MAX_RUNS);
  private readonly file: string | undefined;

  constructor() {
    if (process.env['BRIEFKIT_CACHE'] === '0') {
      this.file = undefined;
      return;
    }
    const dir = process.env['BRIEFKIT_CACHE_DIR'] ?? join(process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'briefkit');
    // Still `.json` (its first line is): the same name as the older, larger files it replaces.
    this.file = join(dir, `shaping-${fontsHash().slice(0, 16)}.json`);
    try {
      // Another version's file (it may be large) is not parsed: it is replaced at exit. Only a
      // regular file of a store's size is read (a FIFO there would block the build).
      const st = statSync(this.file);
      const store = st.isFile() && st.size <= MAX_FILE_BYTES ? parseStore(readFileSync(this.file, 'latin1')) : undefined;
      if (store && store.head.fonts === fontsHash()) {
        // The tables first: a run is read with them.
        this.codec.load(store.head.tables);
        if (this.codec.size <= MAX_TABLE) {
          this.names.load(store.head.prefixes);
          this.widths.load(store.widths);
          this.runs.load(store.runs);
        } else this.codec.clear();
      }
    } catch {
      // No store yet, or an unreadable one: start empty.
    }
    process.once('exit', () => this.save());
  }

  setWidth(key: string, units: number): void {
    if (this.file) this.widths.set(key, units);
  }

  setRun(key: string, run: StoredRun): void {
    // A glyph without its characters would lose text from the PDF's text layer: keep it out.
    if (!this.file || run.g.some(([, , cps]) => cps.length === 0)) return;
    this.runs.set(key, run);
  }

  /** Writes the store if it changed (atomically; a failure only costs the next cold start). */
  save(): void {
    if (!this.file || !(this.widths.changed() || this.runs.changed())) return;
    try {
      makeDir(dirname(this.file));
      // Worker threads have stores of their own: a temporary file per write. Those a killed
      // process left are removed.
      sweepStale(dirname(this.file), basename(this.file));
      const widths = this.widths.write();
      const runs = this.runs.write();
      // After the runs: writing them adds what is new to the tables.
      const text = formatStore({ version: VERSION, fonts: fontsHash(), prefixes: this.names.prefixes, tables: this.codec.toFile() }, widths, runs);
      const saved = writeStoreFile(this.file, text) ? parseStore(text) : undefined;
      if (saved) {
        this.widths.written(saved.widths);
        this.runs.written(saved.runs);
      }
    } catch {
      // A cache that cannot be written is no cache: nothing else depends on it.
    }
  }
}

/**
 * Writes a store file atomically (a temporary file renamed into place); whatever fails (a full
 * disk half way through), the temporary file is removed and false returned. `write` is a seam
 * for tests that make the write fail.
 */
export function writeStoreFile(file: string, text: string, write: (path: string, data: string) => void = writeFileSync): boolean {
  const tmp = tempPath(file);
  try {
    write(tmp, text);
    renameSync(tmp, file);
    return true;
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // A folder we cannot even clean: the next process's sweep removes it (see sweepStale).
    }
    return false;
  }
}

let store: ShapeStore | undefined;

export function shapeStore(): ShapeStore {
  store ??= new ShapeStore();
  return store;
}
