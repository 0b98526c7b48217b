/**
 * Bad-input corpus through the real CLI entry, main(): every case of
 * test/fixtures/bad/cases.json (templates, markup, packs, output folder, environment) and every
 * error case of the data corpus (test/fixtures/bad/data/cases.json). Each case runs with a
 * fresh output folder that already holds a previous good build; it must exit 1 with the
 * expected diagnostic at its file:line:col and a hint, leave the previous output byte-identical
 * and leave no new or temporary file behind.
 *
 * Then valid data full of Unicode oddities must build with its text kept.
 */
import { spawn, execFileSync } from 'node:child_process';
import {
  chmodSync, chownSync, closeSync, copyFileSync, existsSync, ftruncateSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync,
  renameSync, rmSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from 'vitest';
import { buildBriefing } from '../../src/build/index.js';
import { FONT_DIR, getFont } from '../../src/text/fonts.js';
import type { FontId } from '../../src/text/fonts.js';
import { ensureBoundsFixtures } from './bounds-fixtures.js';
import type { CliRun } from './helpers.js';
import {
  asUser, canDropPrivileges, DEFAULT_DATA, DEFAULT_PDF, pdfText, qpdfCheck, removeTemps, runCli, scanPdf, snapshot, snapshotDiff, strayTemps, tmp,
} from './helpers.js';

const FIX = 'test/fixtures/bad';
const NOBODY = 65534;

interface Case {
  readonly id: string;
  readonly args: readonly string[];
  readonly exit: number;
  readonly code: string;
  /** `file:line:col`; a `*` column matches any column; null: no location (environment). */
  readonly where: string | null;
  readonly hint?: string;
  readonly message?: string;
  readonly setup?: 'symlink-escape' | 'out-is-file' | 'out-read-only' | 'out-no-access' | 'out-full-disk' | 'font-missing' | 'template-links' | 'bounds-generated';
  readonly bug?: { readonly part: 'outcome' | 'where' | 'text'; readonly note: string };
}

interface DataCase {
  readonly file: string;
  readonly code: string | null;
  readonly line: number | null;
  readonly col: number | null;
  readonly severity: 'error' | 'warning' | null;
  readonly hint?: string;
  readonly message?: string;
}

/** `cases.json` and every `cases-*.json` beside it (one file per family of bad input). */
const own = readdirSync(FIX)
  .filter((n) => /^cases(-[a-z0-9-]+)?\.json$/.test(n))
  .sort()
  .flatMap((n) => (JSON.parse(readFileSync(join(FIX, n), 'utf8')) as { cases: Case[] }).cases);
const dataCases: Case[] = (JSON.parse(readFileSync(`${FIX}/data/cases.json`, 'utf8')) as DataCase[])
  .filter((c) => c.severity === 'error' && c.code !== null)
  .map((c) => ({
    id: `data/${c.file}`,
    args: ['build', `${FIX}/data/${c.file}`, '--out', '$OUT'],
    exit: 1,
    code: c.code ?? '',
    where: `${FIX}/data/${c.file}:${c.line}:${c.col}`,
    ...(c.hint !== undefined ? { hint: c.hint } : {}),
    ...(c.message !== undefined ? { message: c.message } : {}),
  }));
const cases = [...own, ...dataCases];

/** The previous good build every case starts from. */
let prevDir = '';
let prevBytes = 0;
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  prevDir = tmp('briefkit-prev-');
  const r = await runCli(['build', DEFAULT_DATA, '--out', prevDir]);
  if (r.code !== 0) throw new Error(`the previous good build failed:\n${r.err}`);
  expect(readdirSync(prevDir).sort()).toEqual(['.briefkit-manifest.json', DEFAULT_PDF]);
  prevBytes = readdirSync(prevDir).reduce((s, n) => s + readFileSync(join(prevDir, n)).length, 0);
});

afterAll(() => {
  for (const c of cleanups.reverse()) {
    try {
      c();
    } catch {
      // best effort
    }
  }
  removeTemps();
});

function seedOutput(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const n of readdirSync(prevDir)) copyFileSync(join(prevDir, n), join(dir, n));
}

/** A symbolic link inside the project (test/fixtures/bad/packs/links/outside.yaml) that leads outside it. */
function ensureEscapeLink(): void {
  // A fixed target outside the project, so test runs sharing the working tree agree on it.
  const outside = join(tmpdir(), 'briefkit-robust-outside');
  mkdirSync(outside, { recursive: true });
  const target = join(outside, 'outside.yaml');
  writeFileSync(`${target}.${process.pid}`, readFileSync(`${FIX}/briefings/same-id.yaml`));
  renameSync(`${target}.${process.pid}`, target);
  const link = `${FIX}/packs/links/outside.yaml`;
  // Replace any earlier link atomically (several test runs may share the working tree).
  const next = `${link}.${process.pid}.new`;
  rmSync(next, { force: true });
  symlinkSync(target, next);
  renameSync(next, link);
  expect(lstatSync(link).isSymbolicLink()).toBe(true);
  expect(readlinkSync(link)).toBe(target);
}

/** Replaces `link` atomically with a symbolic link to `target` (test runs may share the tree). */
function linkAtomically(target: string, link: string): void {
  const next = `${link}.${process.pid}.new`;
  rmSync(next, { force: true });
  symlinkSync(target, next);
  renameSync(next, link);
}

/**
 * What test/fixtures/bad/templates-confine/ cannot hold in git: links leading outside the
 * template folder (to files, folders, and by `..`), a FIFO and a 64 MB sparse partial.
 */
function ensureTemplateLinks(): void {
  const T = `${FIX}/templates-confine`;
  const outside = join(tmpdir(), 'briefkit-robust-outside');
  mkdirSync(join(outside, 'kind'), { recursive: true });
  mkdirSync(join(outside, 'partials'), { recursive: true });
  const secret = 'SECRET TEXT FROM OUTSIDE THE TEMPLATE FOLDER\n';
  for (const [f, text] of [['secret.hbs', secret], ['kind/document.hbs', secret], ['partials/secret.hbs', secret], ['fr.json', '{"ref": "SECRET {id}"}\n']] as const) {
    writeFileSync(`${join(outside, f)}.${process.pid}`, text);
    renameSync(`${join(outside, f)}.${process.pid}`, join(outside, f));
  }
  linkAtomically(join(outside, 'secret.hbs'), `${T}/partial-link/partials/secret.hbs`);
  linkAtomically(join(outside, 'partials'), `${T}/partials-folder-link/partials`);
  linkAtomically(join(outside, 'kind'), `${T}/kind-link`);
  linkAtomically(join(outside, 'secret.hbs'), `${T}/document-link/document.hbs`);
  linkAtomically(join(outside, 'fr.json'), `${T}/messages/fr.json`);
  const up = `${T}/dotdot-link/partials/up.hbs`;
  linkAtomically(relative(dirname(join(process.cwd(), up)), join(outside, 'secret.hbs')), up);
  const fifo = `${T}/fifo-partial/partials/pipe.hbs`;
  if (!existsSync(fifo)) {
    try {
      execFileSync('mkfifo', [fifo], { stdio: 'pipe' });
    } catch (e) {
      if (!existsSync(fifo)) throw e;
    }
  }
  const big = `${T}/big-partial/partials/big.hbs`;
  const fd = openSync(`${big}.${process.pid}`, 'w');
  ftruncateSync(fd, 64 * 1024 * 1024);
  closeSync(fd);
  renameSync(`${big}.${process.pid}`, big);
}

interface Env {
  readonly out: string;
  readonly run: (args: string[]) => Promise<CliRun | string>;
  readonly after?: () => void;
}

/** Prepares the output folder (and the environment) a case asks for; a string: skip, and why. */
function prepare(c: Case): Env | string {
  const root = tmp();
  chmodSync(root, 0o755);
  const out = join(root, 'out');
  const plain: Env = { out, run: (a) => runCli(a) };
  switch (c.setup) {
    case undefined:
      seedOutput(out);
      return plain;
    case 'symlink-escape':
      ensureEscapeLink();
      seedOutput(out);
      return plain;
    case 'bounds-generated':
      ensureBoundsFixtures();
      seedOutput(out);
      return plain;
    case 'template-links':
      ensureTemplateLinks();
      seedOutput(out);
      return plain;
    case 'out-is-file':
      seedOutput(out);
      writeFileSync(join(out, 'not-a-folder'), 'a file where the output folder should be\n');
      return plain;
    case 'out-read-only':
    case 'out-no-access': {
      seedOutput(out);
      const root0 = process.geteuid?.() === 0;
      // Root writes into any folder whatever its mode, so a chmod alone proves nothing: as root,
      // run the build as `nobody` (seteuid). A read-only folder is one its owner may only read
      // and search (0500, owned by the user); a folder without access is one the user may not
      // even search (0700, owned by someone else).
      if (root0 && !canDropPrivileges()) return 'running as root without seteuid: a chmod cannot stop root from writing';
      if (c.setup === 'out-read-only') {
        if (root0) chownSync(out, NOBODY, NOBODY);
        chmodSync(out, 0o500);
      } else chmodSync(out, root0 ? 0o700 : 0o000);
      if (!root0) {
        try {
          writeFileSync(join(out, '.probe'), 'x');
          rmSync(join(out, '.probe'), { force: true });
          return 'this user can write into a 0500 folder (a privileged user): skipped';
        } catch {
          // as expected
        }
      }
      return {
        out,
        run: (a) => (root0 ? asUser(NOBODY, () => runCli(a)) : runCli(a)),
        after: () => {
          if (root0) chownSync(out, 0, 0);
          chmodSync(out, 0o755);
        },
      };
    }
    case 'out-full-disk': {
      // A tiny tmpfs that holds the previous build and little more: the new PDF cannot fit.
      mkdirSync(out);
      const kb = Math.ceil(prevBytes / 4096) * 4 + 4 * readdirSync(prevDir).length + 8;
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k,mode=0755`, 'tmpfs', out], { stdio: 'pipe' });
      } catch (e) {
        return `cannot mount a tmpfs to fill (${String((e as { stderr?: Buffer }).stderr ?? e).trim()}): needs root`;
      }
      const unmount = (): void => {
        try {
          execFileSync('umount', [out], { stdio: 'pipe' });
        } catch {
          // already unmounted
        }
      };
      cleanups.push(unmount);
      seedOutput(out);
      return { out, run: (a) => runCli(a), after: unmount };
    }
    case 'font-missing': {
      // The bundled fonts minus the bold face, bind-mounted over assets/fonts/ in a private
      // mount namespace: only the child CLI sees the font missing; the real files stay.
      seedOutput(out);
      const fonts = join(root, 'fonts');
      mkdirSync(fonts);
      for (const f of readdirSync(FONT_DIR)) {
        if (f.startsWith('SourceSans3') && f !== 'SourceSans3_700Bold.ttf') copyFileSync(join(FONT_DIR, f), join(fonts, f));
      }
      return { out, run: (a) => childCli(a, fonts) };
    }
  }
}

/** The CLI in a child process whose assets/fonts/ is `fonts` (unshare + bind mount). */
function childCli(args: readonly string[], fonts: string): Promise<CliRun | string> {
  const script = 'mount --bind "$1" "$2" || exit 99; shift 2; exec node --import tsx test/helpers/kill-build.ts "$@"';
  return new Promise((resolve) => {
    const child = spawn('unshare', ['--mount', '--propagation', 'private', '--', 'sh', '-c', script, 'sh', fonts, FONT_DIR.replace(/\/$/, ''), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('error', (e) => resolve(`cannot start unshare: ${e.message}`));
    child.on('close', (code) => {
      if (code === 99 || /^unshare:/m.test(err)) resolve(`cannot make a private mount namespace: ${err.trim()}`);
      else resolve({ code: code ?? -1, out, err });
    });
  });
}

/** Longest a case may take: bad input is refused quickly, never after a hang or a long parse. */
const CASE_MS = 30_000;

interface Outcome {
  readonly run: CliRun;
  readonly ms: number;
  readonly changes: string[];
  readonly temps: string[];
}

const outcomes = new Map<string, Promise<Outcome | string>>();

function outcome(c: Case): Promise<Outcome | string> {
  let p = outcomes.get(c.id);
  if (!p) {
    p = (async () => {
      const env = prepare(c);
      if (typeof env === 'string') return env;
      const args = c.args.map((a) => a.replace('$OUT', env.out));
      const before = snapshot(env.out);
      try {
        const started = performance.now();
        const run = await env.run(args);
        const ms = performance.now() - started;
        if (typeof run === 'string') return run;
        // Root reads the folder whatever its mode: snapshot before the environment is undone.
        return { run, ms, changes: snapshotDiff(before, snapshot(env.out)), temps: strayTemps(env.out) };
      } finally {
        env.after?.();
      }
    })();
    outcomes.set(c.id, p);
  }
  return p;
}

async function ran(c: Case, ctx: TestContext): Promise<Outcome> {
  const o = await outcome(c);
  if (typeof o === 'string') return ctx.skip(o);
  return o;
}

/** The diagnostic line for a case (`[file:line:col: ]error code: …`) and the line after it. */
function diagnosticLines(c: Case, err: string): { line: string; next: string } | undefined {
  const lines = err.split('\n');
  const i = lines.findIndex((l) => l.includes(`error ${c.code}: `));
  return i < 0 ? undefined : { line: lines[i] ?? '', next: lines[i + 1] ?? '' };
}

function whereRegex(where: string): RegExp {
  const esc = where.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:\\\*$/, ':\\d+');
  return new RegExp(`^${esc}: error `);
}

const test = (failing: boolean): typeof it => (failing ? it.fails : it) as typeof it;

describe('bad-input corpus through the CLI (test/fixtures/bad/cases.json + data/cases.json)', () => {
  it('has well over 40 cases, and every fixture is used', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    const used = own.flatMap((c) => c.args).join('\n');
    for (const root of ['templates', 'markup']) {
      for (const kind of readdirSync(`${FIX}/${root}`).filter((k) => k !== 'messages')) {
        expect(used, `${root}/${kind} is used by a case`).toContain(`${FIX}/briefings/${kind}.yaml`);
      }
    }
    for (const f of readdirSync(`${FIX}/packs`).filter((n) => n.endsWith('.yaml'))) expect(used).toContain(`${FIX}/packs/${f}`);
  });

  for (const c of cases) {
    const bug = c.bug?.part;
    test(bug === 'outcome')(`${c.id}: exit ${c.exit}, ${c.code} with a hint, previous output untouched, no temp files`, async (ctx) => {
      const { run, ms, changes, temps } = await ran(c, ctx);
      expect(run.thrown, run.err).toBeUndefined();
      expect(ms, 'the case finishes quickly').toBeLessThan(CASE_MS);
      expect(run.code, run.err).toBe(c.exit);
      expect(run.err, 'no stack trace for bad input').not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      const d = diagnosticLines(c, run.err);
      expect(d, `stderr names ${c.code}:\n${run.err}`).toBeDefined();
      expect(d?.next, 'a hint line follows').toMatch(/^\s+hint: \S/);
      expect(changes, 'the output folder is unchanged').toEqual([]);
      expect(temps).toEqual([]);
    });

    test(bug === 'where' || bug === 'outcome')(`${c.id}: located at ${c.where ?? '(no source location: environment)'}`, async (ctx) => {
      const { run } = await ran(c, ctx);
      const d = diagnosticLines(c, run.err);
      expect(d, run.err).toBeDefined();
      if (c.where === null) expect(d?.line).toMatch(new RegExp(`^error ${c.code}: `));
      else expect(d?.line).toMatch(whereRegex(c.where));
    });

    if (c.hint !== undefined || c.message !== undefined) {
      test(bug === 'text' || bug === 'outcome')(`${c.id}: says ${[c.message, c.hint].filter((x) => x !== undefined).map((x) => JSON.stringify(x)).join(' and ')}`, async (ctx) => {
        const { run } = await ran(c, ctx);
        const d = diagnosticLines(c, run.err);
        expect(d, run.err).toBeDefined();
        if (c.message !== undefined) expect(d?.line).toContain(c.message);
        if (c.hint !== undefined) expect(d?.next).toContain(c.hint);
      });
    }
  }
});

/* ------------------------------------------------------------------------------------------ */

const UNICODE = `${FIX}/briefings/unicode-oddities.yaml`;

describe('valid data with every Unicode oddity', () => {
  let dir = '';
  let pdf = '';
  let text = '';
  /** Text without whitespace, hyphens and invisible format characters, in NFC. */
  const squash = (s: string): string => s.normalize('NFC').replace(/[\s\u00ad\u200b-\u200f\u202a-\u202e\u2060\ufeff-]/g, '');

  beforeAll(async () => {
    dir = tmp();
    const r = await runCli(['build', UNICODE, '--out', dir]);
    if (r.code !== 0) throw new Error(r.err);
    pdf = join(dir, 'unicode-oddities.pdf');
    text = squash(pdfText(pdf));
  });

  it('builds, exit 0, a PDF that qpdf finds clean and that holds no active content', () => {
    expect(existsSync(pdf)).toBe(true);
    expect(qpdfCheck(pdf).status).toBe(0);
    expect(scanPdf(pdf).found).toEqual([]);
    expect(strayTemps(dir)).toEqual([]);
  });

  it('keeps Latin with combining marks (composed to NFC), Hangul, Greek, Cyrillic and spacing oddities', () => {
    for (const s of [
      'Café', 'été ñ Å', 'Québec / Québec, Müller / Müller', 'Café niño Ångström', 'zerowidth', 'cooperation', '100 km',
      '대한민국 서울 한국어', 'jamo 각 compose', 'Ελλάδα Канада', 'nonjoiner', 'zerojoiner', 'wordjoiner', 'BOMinside',
      'Tab inside and ideographic', 'Scripts: 한국어',
    ]) expect(text, s).toContain(squash(s));
  });

  // Characters that neither the main font nor the Korean fallback covers (Arabic, Hebrew,
  // U+0336, ǟ/ȫ) still print as boxes, but stay in the text layer (ActualText) and warn.
  it('keeps right-to-left Arabic and Hebrew and stacked combining marks in the text layer, as ActualText where no font has them', () => {
    for (const s of ['العربية كندا', 'עברית קנדה', 'stacked ǟ', 'Z\u0336']) {
      const sq = squash(s);
      expect(text.includes(sq) || text.includes([...sq].reverse().join('')), s).toBe(true);
    }
  });

  /** Characters drawn with a font that has no glyph for them (a .notdef box on the page). */
  async function boxes(): Promise<Map<string, number>> {
    const r = await buildBriefing({ file: UNICODE });
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    const found = new Map<string, number>();
    for (const page of r.paged.pages) {
      for (const item of page.items) {
        if (item.kind !== 'text') continue;
        const font = getFont(item.font as FontId);
        for (const ch of item.text) {
          const cp = ch.codePointAt(0) ?? 0;
          if (cp <= 0x20 || font.hasGlyphForCodePoint(cp)) continue;
          const key = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
          found.set(key, (found.get(key) ?? 0) + 1);
        }
      }
    }
    return found;
  }

  // Invisible format characters (ZWNJ U+200C, ZWJ U+200D, WJ U+2060, LRM/RLM U+200E/F, bidi
  // embedding U+202A-E) are not drawn at all.
  it('draws no box for invisible format characters', async () => {
    const cf = [...(await boxes()).keys()].filter((k) => /\p{Cf}/u.test(String.fromCodePoint(parseInt(k.slice(2), 16))));
    expect(cf).toEqual([]);
  });

  it('emoji: the build does not crash and the text around them survives (recorded: see the annotation)', async (ctx) => {
    expect(text).toContain(squash('Emoji: smile'));
    expect(text).toContain(squash('thumbs'));
    const found = await boxes();
    const emoji = [...found.keys()].filter((k) => /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(String.fromCodePoint(parseInt(k.slice(2), 16))));
    const inText = /\p{Extended_Pictographic}/u.test(pdfText(pdf));
    await ctx.annotate(`emoji drawn as .notdef boxes: ${emoji.join(' ') || 'none'}; emoji in the text layer: ${inText ? 'yes' : 'no (they vanish from the text)'}`);
  });
});
