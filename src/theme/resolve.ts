/**
 * `--theme`: a built-in theme by name, or a theme file (YAML or JSON) read, checked against
 * its schema and turned into a {@link Theme}, with its fonts registered by content and its
 * logo sanitised. Every problem is a located `theme/…` diagnostic; every file read is listed
 * for the build manifest.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { diag, hasErrors } from '../diag/index.js';
import type { Diagnostic, SourceLoc } from '../diag/index.js';
// The data stage's bounded reader and positioned parser (one reader for every input file).
import { resolveLimits } from '../data/index.js';
import { formatOf, parseSource } from '../data/index.js';
import { readBounded, readSource } from '../data/index.js';
import { preparePng, sanitizeSvg } from '../image/index.js';
import type { SafeImage } from '../image/index.js';
import { getFont, registerUserFont } from '../text/index.js';
import type { FontId } from '../text/index.js';
import { BUILTIN_THEMES } from './builtin.js';
import { DEFAULT_GUTTER_MM, PT_PER_MM } from './default.js';
import { markingColours } from './marking.js';
import { checkThemeSchema, closest } from './schema.js';
import type { Locator } from './schema.js';
import type { FontFace, Palette, Theme, ThemeFonts, ThemeLogo, ThemeScript } from './types.js';

/** A resolved theme and every file it read, or why it could not be resolved. */
export type ThemeResult =
  | { readonly ok: true; readonly theme: Theme; readonly files: readonly string[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Largest font file read (a full CJK font is about 16 MB). */
const MAX_FONT_BYTES = 32 * 1024 * 1024;
/** Largest logo file read. */
const MAX_LOGO_BYTES = 8 * 1024 * 1024;
/** Logo height in the running header when the theme does not say (mm). */
const LOGO_HEIGHT_MM = 8;

const CONFIG_NAMES = ['briefkit.config.yaml', 'briefkit.config.yml', 'briefkit.config.json'];

/**
 * The folder a theme's files must stay in: its project (the nearest folder at or above the
 * theme with a briefkit.config file), else the theme's own folder.
 */
function projectFolder(themeFile: string): string {
  const own = dirname(themeFile);
  for (let dir = own; ; dir = dirname(dir)) {
    if (CONFIG_NAMES.some((n) => existsSync(join(dir, n)))) return dir;
    if (dirname(dir) === dir) return own;
  }
}

const SCRIPTS: Readonly<Record<string, ThemeScript>> = { hangul: 'kr', arabic: 'arab', hebrew: 'hebr', thai: 'thai', devanagari: 'deva' };

interface Family {
  readonly regular: string;
  readonly italic?: string;
  readonly semibold?: string;
  readonly bold?: string;
}

type Raw = Record<string, unknown>;
const rec = (v: unknown): Raw => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Raw) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** Reads one theme file and what it names; collects every problem. */
class ThemeReader {
  readonly files: string[] = [];
  readonly problems: Diagnostic[] = [];
  private readonly root: string;

  constructor(private readonly file: string, private readonly locator: Locator) {
    this.root = realpathSync(projectFolder(file));
  }

  private at(segs: readonly (string | number)[]): { loc: SourceLoc; path: string } {
    return { loc: this.locator.value(segs), path: segs.join('.') };
  }

  /** Reads a file the theme names, relative to the theme, inside its project folder. */
  private read(p: string, segs: readonly (string | number)[], maxBytes: number): Buffer | undefined {
    const full = resolve(dirname(this.file), p);
    let real: string;
    try {
      real = realpathSync(full);
    } catch {
      this.problems.push(diag('theme/file-missing', `${segs.join('.')}: ${p} does not exist (looked for ${full})`, { ...this.at(segs), hint: 'paths in a theme are relative to the theme file' }));
      return undefined;
    }
    const rel = relative(this.root, real);
    if (rel.startsWith('..') || isAbsolute(rel)) {
      this.problems.push(diag('theme/outside-project', `${segs.join('.')}: ${p} leads outside the theme's project folder ${this.root}`, { ...this.at(segs), hint: 'copy the file into the project (beside the theme, or in a folder under it)' }));
      return undefined;
    }
    const got = readBounded(real, maxBytes);
    if (!got.ok) {
      this.problems.push(...got.diagnostics.map((d) => ({ ...d, code: d.code.replace(/^data\//, 'theme/'), ...this.at(segs), message: `${segs.join('.')}: ${d.message}` })));
      return undefined;
    }
    this.files.push(real);
    return got.bytes;
  }

  font(p: string, segs: readonly (string | number)[], needsLatin: boolean): { id: FontId; family: string } | undefined {
    const bytes = this.read(p, segs, MAX_FONT_BYTES);
    if (!bytes) return undefined;
    const r = registerUserFont(bytes, resolve(dirname(this.file), p));
    if (!r.ok) {
      this.problems.push(diag('theme/font', `${segs.join('.')}: ${p} cannot be used: ${r.reason}`, { ...this.at(segs), hint: 'give a TrueType (.ttf), OpenType (.otf) or WOFF file with one font in it' }));
      return undefined;
    }
    if (needsLatin) {
      const f = getFont(r.id);
      const missing = [...'ABCXYZabcxyz0123456789.,%$'].filter((c) => !f.hasGlyphForCodePoint(c.codePointAt(0) ?? 0));
      if (missing.length) {
        this.problems.push(diag('theme/font-coverage', `${segs.join('.')}: ${p} lacks Latin letters or figures (${missing.join(' ')})`, { ...this.at(segs), hint: 'body and heading fonts must cover basic Latin; give fonts for other scripts under `fonts.fallback`' }));
        return undefined;
      }
    }
    return { id: r.id, family: r.family };
  }

  family(v: unknown, segs: readonly (string | number)[], needsLatin: boolean): { faces: Partial<Record<keyof Family, FontId>>; family: string } | undefined {
    const fam: Family | undefined = typeof v === 'string' ? { regular: v } : (v as Family | undefined);
    if (!fam) return undefined;
    const faces: Partial<Record<keyof Family, FontId>> = {};
    let name = '';
    for (const face of ['regular', 'italic', 'semibold', 'bold'] as const) {
      const p = fam[face];
      if (p === undefined) continue;
      const got = this.font(p, typeof v === 'string' ? segs : [...segs, face], needsLatin);
      if (got) faces[face] = got.id;
      if (got && face === 'regular') name = got.family;
    }
    return faces.regular ? { faces, family: name } : undefined;
  }

  fonts(raw: Raw): ThemeFonts | undefined {
    if (Object.keys(raw).length === 0) return undefined;
    const body = this.family(raw['body'], ['fonts', 'body'], true);
    const heads = this.family(raw['headings'], ['fonts', 'headings'], true);
    const scripts: Partial<Record<ThemeScript, { regular: FontId; bold: FontId }>> = {};
    for (const [name, v] of Object.entries(rec(raw['fallback']))) {
      const key = SCRIPTS[name];
      const f = key ? this.family(v, ['fonts', 'fallback', name], false) : undefined;
      if (key && f?.faces.regular) scripts[key] = { regular: f.faces.regular, bold: f.faces.bold ?? f.faces.semibold ?? f.faces.regular };
    }
    if (!body && !heads && Object.keys(scripts).length === 0) return undefined;
    // Faces the user did not give come from the family they did give, so a document is set in
    // one family (a bundled bold beside a user regular would look like an error).
    const b = body?.faces ?? {};
    const h = heads?.faces ?? {};
    const regular: FontId = b.regular ?? 'main-regular';
    const bold: FontId = h.bold ?? h.regular ?? b.bold ?? (body ? regular : 'main-bold');
    const faces: Record<FontFace, FontId> = {
      regular,
      italic: b.italic ?? (body ? regular : 'main-italic'),
      semibold: h.semibold ?? b.semibold ?? (heads || body ? bold : 'main-semibold'),
      bold,
      boldItalic: bold,
    };
    // The PPTX writes the family name into XML attributes: keep letters, digits, spaces, . _ -.
    const family = (body?.family ?? '').replace(/[^\p{L}\p{N} ._-]/gu, '').trim();
    return { faces, scripts, bodyFamily: family || 'Arial' };
  }

  logo(raw: Raw): ThemeLogo | undefined {
    const file = str(raw['file']);
    if (file === undefined) return undefined;
    const segs = ['logo', 'file'];
    const bytes = this.read(file, segs, MAX_LOGO_BYTES);
    if (!bytes) return undefined;
    const isPng = bytes.subarray(1, 4).toString('latin1') === 'PNG';
    const isSvg = extname(file).toLowerCase() === '.svg';
    if (!isPng && !isSvg) {
      this.problems.push(diag('theme/logo', `logo.file: ${file} is neither SVG nor PNG`, { ...this.at(segs), hint: 'give an .svg file or a PNG (JPEG logos: convert them to PNG)' }));
      return undefined;
    }
    const r = isPng ? preparePng(bytes) : sanitizeSvg(bytes);
    if (!r.ok) {
      this.problems.push(diag('theme/logo', `logo.file: ${file} cannot be used: ${r.reason}`, { ...this.at(segs), hint: isPng ? 'export the logo again as a plain PNG' : 'export a plain SVG (shapes and colours only: no scripts, links, embedded images, text or styles sheets)' }));
      return undefined;
    }
    const image: SafeImage = 'svg' in r ? r.svg : r.png;
    return { image, height: (num(raw['height']) ?? LOGO_HEIGHT_MM) * PT_PER_MM };
  }
}

function palette(base: Palette, raw: Raw, marking: Raw): Palette {
  const series = Array.isArray(raw['series']) ? (raw['series'] as string[]) : undefined;
  const accent = str(raw['accent']);
  return {
    ...base,
    primary: accent ?? base.primary,
    text: str(raw['text']) ?? base.text,
    muted: str(raw['muted']) ?? base.muted,
    rule: str(raw['rule']) ?? base.rule,
    panel: str(raw['panel']) ?? base.panel,
    marking: str(marking['default']) ?? base.marking,
    positive: str(raw['surplus']) ?? base.positive,
    negative: str(raw['deficit']) ?? base.negative,
    // A new accent leads the chart series too, unless the series are given.
    series: series ?? (accent ? [accent, ...base.series.slice(1)] : base.series),
  };
}

function fromFile(file: string): ThemeResult {
  const limits = resolveLimits(undefined);
  const recode = (ds: readonly Diagnostic[]): Diagnostic[] => ds.map((d) => ({ ...d, code: d.code.replace(/^data\//, 'theme/') }));
  const read = readSource(file, undefined, limits);
  if (!read.ok) return { ok: false, diagnostics: recode(read.diagnostics) };
  const parsed = parseSource(file, read.text, { format: formatOf(file), limits });
  if (!parsed.ok) return { ok: false, diagnostics: recode(parsed.diagnostics) };
  const schema = checkThemeSchema(parsed.data, parsed.locator);
  if (hasErrors(schema)) return { ok: false, diagnostics: schema };
  const raw = rec(parsed.data);
  const base = BUILTIN_THEMES[str(raw['extends']) ?? 'default'] as Theme;
  const reader = new ThemeReader(file, parsed.locator);
  const fonts = reader.fonts(rec(raw['fonts']));
  const logo = reader.logo(rec(raw['logo']));
  if (reader.problems.length) return { ok: false, diagnostics: reader.problems };
  const m = rec(raw['margins']);
  const marking = rec(raw['marking']);
  const mm = (k: string): number | undefined => {
    const v = num(m[k]);
    return v === undefined ? undefined : v * PT_PER_MM;
  };
  const outside = mm('outside') ?? base.margins.outside;
  const banners = markingColours(marking, parsed.locator);
  if (banners.problems.length) return { ok: false, diagnostics: banners.problems };
  const levels = Object.entries(banners.colours);
  const theme: Theme = {
    ...base,
    name: str(raw['name']) ?? (base.name === 'default' ? 'custom' : `${base.name}-custom`),
    palette: palette(base.palette, rec(raw['palette']), marking),
    margins: {
      top: mm('top') ?? base.margins.top,
      bottom: mm('bottom') ?? base.margins.bottom,
      outside,
      inside: mm('inside') ?? (m['outside'] === undefined ? base.margins.inside : outside + DEFAULT_GUTTER_MM * PT_PER_MM),
    },
    ...(fonts ? { fonts } : {}),
    ...(logo ? { logo } : {}),
    ...(levels.length ? { markingColours: Object.fromEntries(levels) } : {}),
  };
  return { ok: true, theme, files: [realpathSync(file), ...reader.files] };
}

/**
 * The theme `spec` names: undefined is `default`; `default` and `print` are built in;
 * anything else is a theme file, relative to `baseDir`. A built-in name wins over a file of
 * that name without an extension; write `./default.yaml` for the file.
 */
export function resolveTheme(spec: string | undefined, baseDir: string): ThemeResult {
  if (spec === undefined || spec === '') return { ok: true, theme: BUILTIN_THEMES['default'] as Theme, files: [] };
  const builtin = BUILTIN_THEMES[spec];
  if (builtin) return { ok: true, theme: builtin, files: [] };
  const file = resolve(baseDir, spec);
  let isFile = false;
  try {
    isFile = statSync(file).isFile();
  } catch {
    isFile = false;
  }
  if (!isFile) {
    const names = Object.keys(BUILTIN_THEMES);
    const near = closest(spec, names);
    const looksLikePath = /[/\\.]/.test(spec);
    return {
      ok: false,
      diagnostics: [diag('theme/unknown-theme', looksLikePath ? `theme file ${spec} does not exist (looked for ${file})` : `there is no built-in theme \`${spec}\` and no file of that name`, {
        hint: `${near ? `did you mean \`${near}\`? ` : ''}built-in themes: ${names.join(', ')}; or give the path of a theme file (YAML), relative to ${baseDir}`,
      })],
    };
  }
  return fromFile(file);
}
