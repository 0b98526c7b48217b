/**
 * A damaged shaping store is never used: the first line and each bucket carry a checksum; what
 * does not match is shaped again and written afresh, so a PDF built with a damaged store is
 * byte-identical to one built without any. Temporary files of a write that fails (a full
 * disk) are removed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION, formatStore, parseStore, writeStoreFile } from '../../src/text/shape-store.js';

const made: string[] = [];
const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts) {
    try {
      execFileSync('umount', [m], { stdio: 'pipe' });
    } catch {
      // already unmounted
    }
  }
  for (const d of made) rmSync(d, { recursive: true, force: true });
});
const tmp = (p: string): string => {
  const d = mkdtempSync(join(tmpdir(), p));
  made.push(d);
  return d;
};

/** Builds the default briefing in a fresh process with the given shaping cache folder (or none). */
function build(cache: string | null): Buffer {
  const out = tmp('briefkit-dmg-out-');
  execFileSync(process.execPath, ['--import', 'tsx', 'test/helpers/kill-build.ts', 'build', 'data/briefings/canada-korea-1995.yaml', '--out', out, '--force'], {
    env: { ...process.env, ...(cache ? { BRIEFKIT_CACHE_DIR: cache } : { BRIEFKIT_CACHE: '0' }) },
    stdio: 'pipe',
  });
  return readFileSync(join(out, 'canada-korea-1995.pdf'));
}

const storeName = (cache: string): string => join(cache, readdirSync(cache).find((f) => f.startsWith('shaping-')) ?? '');

/** `text` with the digit at `at` changed to another digit. */
function flipDigit(text: string, at: number): string {
  const d = text[at] ?? '';
  expect(d, `a digit at ${at}`).toMatch(/^\d$/);
  return text.slice(0, at) + String((Number(d) + 3) % 10) + text.slice(at + 1);
}

describe('a damaged shaping store on disk', () => {
  let reference: Buffer;
  let good = '';
  let name = '';

  beforeAll(() => {
    reference = build(null);
    const cache = tmp('briefkit-dmg-cache-');
    build(cache);
    name = basename(storeName(cache));
    good = readFileSync(join(cache, name), 'latin1');
    expect(parseStore(good)?.head.version).toBe(VERSION);
  }, 180_000);

  /** Offset of the first digit `re`'s group 1 matches in `text` from `from`. */
  const digitAt = (text: string, re: RegExp, from = 0): number => {
    const m = re.exec(text.slice(from));
    if (!m?.[1]) throw new Error(`no match for ${re}`);
    return from + m.index + m[0].length - m[1].length;
  };
  const bodyStart = (t: string): number => t.indexOf('\n');
  const runsStart = (t: string): number => bodyStart(t) + 1 + (parseStore(t)?.head.runs[0] ?? 0);
  // A digit in a width, in a run, in a font table of the first line, in the first line's checksum, and in a rank.
  const places: [string, (t: string) => number][] = [
    ['a width', (t) => digitAt(t, /\n[^\t\n]+\t-?(\d)/, bodyStart(t))],
    ['a run', (t) => digitAt(t, /\n[^\t\n]+\t[^\t\n\d]*(\d)/, runsStart(t))],
    ['a font table', (t) => digitAt(t, /"advance":\[(\d)/)],
    ['the checksum of the first line', (t) => digitAt(t, /\t[a-f]*(\d)/)],
    ['a rank', (t) => digitAt(t, /\t[^\t\n]*\t(\d)(?=\n)/, bodyStart(t))],
  ];

  for (const [what, where] of places) {
    it(`a digit flipped in ${what}: the same PDF bytes as without a store, and the store rebuilt whole`, () => {
      const cache = tmp('briefkit-dmg-cache-');
      const damaged = flipDigit(good, where(good));
      writeFileSync(join(cache, name), damaged, 'latin1');
      const pdf = build(cache);
      expect(pdf.equals(reference), `PDF bytes with ${what} damaged`).toBe(true);
      // Written again, whole: every bucket matches its checksum and holds what a good store holds.
      const again = parseStore(readFileSync(join(cache, name), 'latin1'));
      const count = (t: ReturnType<typeof parseStore>): number => (t?.widths.entries().size ?? 0) + (t?.runs.entries().size ?? 0);
      expect(again).toBeDefined();
      expect(count(again)).toBe(count(parseStore(good)));
      expect(readdirSync(cache).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    }, 120_000);
  }
});

describe('the store file with damage anywhere (property)', () => {
  const entry = fc.tuple(fc.string({ minLength: 1, maxLength: 12 }).map((s) => `0:${s.replace(/[^\x20-\x5b\x5d-\x7e]/g, 'x')}`), fc.integer({ min: 0, max: 99_999 }).map(String));
  const entries = fc.uniqueArray(entry, { minLength: 1, maxLength: 120, selector: ([k]) => k });

  it('an entry is read as written, or not at all; a damaged first line is no file', () => {
    fc.assert(
      fc.property(entries, entries, fc.nat(), fc.integer({ min: 1, max: 255 }), (widths, runs, pos, xor) => {
        const text = formatStore({ version: VERSION, fonts: 'f', prefixes: ['main\u0000kern\u0000'], tables: { main: { advance: [1, 500, 2, 612], usual: [[65, 1, 65]] } } }, widths, runs);
        const at = pos % text.length;
        const damaged = text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ xor) + text.slice(at + 1);
        const store = parseStore(damaged);
        if (!store) return;
        const original = parseStore(text);
        // The first line is whole: it is the one written.
        expect(store.head).toEqual(original?.head);
        for (const [kind, list] of [['widths', widths], ['runs', runs]] as const) {
          const found = list.filter(([k]) => store[kind].find(k) !== undefined);
          for (const [i, [k, v]] of list.entries()) {
            const f = store[kind].find(k);
            if (f) expect(f).toEqual({ value: v, rank: i });
          }
          // What entries() lists is what find() finds, with the values written.
          expect([...store[kind].entries()]).toEqual(found);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('writing the store', () => {
  it('removes its temporary file when the disk fills half way through, and keeps the previous store', () => {
    const dir = tmp('briefkit-dmg-full-');
    const file = join(dir, 'shaping-x.json');
    writeFileSync(file, 'previous store');
    const full = (path: string, data: string): void => {
      writeFileSync(path, data.slice(0, data.length >> 1));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    expect(writeStoreFile(file, 'x'.repeat(10_000), full)).toBe(false);
    expect(readdirSync(dir)).toEqual(['shaping-x.json']);
    expect(readFileSync(file, 'utf8')).toBe('previous store');
    expect(writeStoreFile(file, 'new store')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('new store');
    expect(readdirSync(dir)).toEqual(['shaping-x.json']);
  });

  it('on a real full disk (a tiny tmpfs, root only): the build succeeds and leaves no temporary file', (ctx) => {
    const cache = tmp('briefkit-dmg-tmpfs-');
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8k,mode=0755', 'tmpfs', cache], { stdio: 'pipe' });
    } catch (e) {
      ctx.skip(`cannot mount a tmpfs (${String((e as { stderr?: Buffer }).stderr ?? e).trim()}): needs root`);
      return;
    }
    mounts.push(cache);
    mkdirSync(join(cache, 'sub'));
    build(join(cache, 'sub'));
    expect(readdirSync(join(cache, 'sub'))).toEqual([]);
  }, 120_000);
});
