/**
 * From a command's flags to a build session's options, through the project's settings
 * (default < briefkit.config.* < BRIEFKIT_* < flag): the one place where the CLI resolves what
 * a build is asked to do. Theme and marking scheme files are read here; their files join the
 * inputs hash of every output.
 */
import { isAbsolute, relative } from 'node:path';
import type { TargetOptions } from '../build/index.js';
import { UserError } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { resolveScheme } from '../project/index.js';
import { resolveSettings } from '../project/index.js';
import type { ProjectConfig, ResolvedSettings } from '../project/index.js';
import { defaultTheme, resolveTheme, withGutter } from '../theme/index.js';

/**
 * What the flags of `build`, `check`, `pack` and `slides` may set (undefined: not given): the
 * config's settings of the same names, and `--out` for its `output`.
 */
export type SettingFlags = Pick<ProjectConfig, 'paper' | 'duplex' | 'gutter' | 'theme' | 'templates' | 'marking' | 'pdfa' | 'slides'> & {
  readonly out?: string;
};

/** A build's resolved options, where it writes, what it builds by default, and the extra input files. */
export interface CommandSettings {
  readonly options: TargetOptions;
  /** Output folder, relative to the working folder when inside it. */
  readonly out: string;
  /** Default data folders (when no file is named). */
  readonly data: readonly string[];
  /** Files the options name (theme, its fonts and logo, a scheme file): part of every output's inputs. */
  readonly extra: readonly string[];
  readonly resolved: ResolvedSettings;
}

/** A path as the user sees it: relative to the working folder when inside it. */
export function shown(path: string, cwd = process.cwd()): string {
  const r = relative(cwd, path);
  return r !== '' && !r.startsWith('..') && !isAbsolute(r) ? r : r === '' ? '.' : path;
}

/** Options the flags alone decide (not settings): bleed, cover, contents, decks. */
export interface BuildOnlyFlags {
  readonly bleed?: number;
  readonly cover?: boolean;
  readonly toc?: boolean;
  readonly overflow?: 'continue' | 'error';
  readonly decksOnly?: boolean;
}

/**
 * Resolves the settings and reads the theme and marking scheme. Problems come back as located
 * diagnostics (a bad config line, an unknown theme, a broken scheme file).
 */
export function commandSettings(flags: SettingFlags, only: BuildOnlyFlags = {}):
  { readonly ok: true; readonly settings: CommandSettings; readonly diagnostics: readonly Diagnostic[] } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] } {
  const r0 = resolveSettings({ flags: { ...flags } });
  if (!r0.ok) return { ok: false, diagnostics: shownLocs(r0.diagnostics) };
  const r = { ...r0, diagnostics: shownLocs(r0.diagnostics) };
  const { resolved } = r;
  const v = resolved.values;
  const s = resolved.settings;
  const extra: string[] = [];
  let theme;
  if (v.theme !== 'default') {
    // Named as the user sees it (relative to the working folder), so its errors read that way.
    const t = resolveTheme(isFile(v.theme) ? shown(v.theme) : v.theme, process.cwd());
    if (!t.ok) return { ok: false, diagnostics: [...r.diagnostics, ...shownLocs(t.diagnostics)] };
    theme = t.theme;
    extra.push(...t.files);
  }
  if (s.gutter.origin.kind !== 'default') theme = withGutter(theme ?? defaultTheme, v.gutter);
  let scheme;
  if (v.marking !== 'canada') {
    try {
      scheme = resolveScheme(isFile(v.marking) ? shown(v.marking) : v.marking, process.cwd(), s.marking.origin.kind === 'config' ? s.marking.origin.loc : undefined);
    } catch (e) {
      if (e instanceof UserError) return { ok: false, diagnostics: [...r.diagnostics, ...shownLocs(e.diagnostics)] };
      throw e;
    }
    if (isFile(v.marking)) extra.push(shown(v.marking));
  }
  const slides = only.decksOnly === true || v.slides;
  // The key order is part of the build manifest's inputs hash: keep it (new keys go last).
  const options: TargetOptions = {
    ...(slides ? { slides: true } : {}),
    ...(slides && only.overflow === 'error' ? { slidesOverflow: 'error' as const } : {}),
    paper: v.paper,
    ...(v.duplex ? { duplex: true } : {}),
    ...(only.bleed !== undefined ? { bleed: only.bleed } : {}),
    ...(theme ? { theme } : {}),
    pdfa: v.pdfa,
    cover: only.cover === true,
    toc: only.toc === true,
    ...(v.templates !== undefined ? { templatesDir: shown(v.templates) } : {}),
    ...(scheme ? { scheme } : {}),
    ...(only.decksOnly ? { decksOnly: true } : {}),
  };
  return { ok: true, diagnostics: r.diagnostics, settings: { options, out: shown(v.output), data: v.data.map((d) => shown(d)), extra: extra.map((f) => shown(f)), resolved } };
}

/** A theme or scheme named by file (a path or a data-file extension) rather than by name. */
function isFile(spec: string): boolean {
  return /\.(ya?ml|json)$/i.test(spec) || spec.includes('/') || spec.includes('\\');
}

/** Diagnostics located in files named as the user sees them (relative to the working folder when inside it). */
function shownLocs(diags: readonly Diagnostic[]): Diagnostic[] {
  return diags.map((d) => (d.loc && isAbsolute(d.loc.file) ? { ...d, loc: { ...d.loc, file: shown(d.loc.file) } } : d));
}
