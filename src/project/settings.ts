/**
 * Every build setting with where it came from: a default, the project's config file (at its
 * line), a `BRIEFKIT_*` environment variable, or a command-line flag; later ones win in that
 * order. Paths are absolute: relative to the project root when the config gave them, to the
 * working directory when the environment or a flag did.
 */
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { assertNever, diag } from '../diag/index.js';
import type { Diagnostic, SourceLoc } from '../diag/index.js';
import { DEFAULT_GUTTER_MM } from '../theme/index.js';
import { loadProject } from './config.js';

/** Where a setting's value came from. */
export type Origin =
  | { readonly kind: 'default' }
  | { readonly kind: 'config'; readonly loc: SourceLoc }
  | { readonly kind: 'env'; readonly name: string }
  | { readonly kind: 'flag'; readonly name: string };

/** The settings' values once resolved. Paths are absolute. */
export interface SettingValues {
  /** Folders or files built and validated when no file is named. */
  readonly data: readonly string[];
  readonly output: string;
  readonly paper: 'a4' | 'letter';
  readonly duplex: boolean;
  /** Binding gutter in mm (with duplex). */
  readonly gutter: number;
  /** A built-in theme name, or an absolute theme file path. */
  readonly theme: string;
  /** Folder of template overrides; absent: the bundled templates only. */
  readonly templates: string | undefined;
  /** A built-in marking scheme name, or an absolute scheme file path. */
  readonly marking: string;
  /** BCP 47 tags; empty: every language with a catalog. */
  readonly languages: readonly string[];
  readonly pdfa: boolean;
  readonly slides: boolean;
}

export type SettingName = keyof SettingValues;

/** One setting: its value and its origin. */
export interface Setting<T> {
  readonly value: T;
  readonly origin: Origin;
}

/** The result of {@link resolveSettings}. */
export interface ResolvedSettings {
  /** Absolute real path of the project root. */
  readonly root: string;
  readonly configFile: string | undefined;
  readonly values: SettingValues;
  readonly settings: { readonly [K in SettingName]: Setting<SettingValues[K]> };
}

export type SettingsResult =
  | { readonly ok: true; readonly resolved: ResolvedSettings; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** What {@link resolveSettings} reads. */
export interface SettingsInput {
  /** Working directory (default: process.cwd()); the project is found from here. */
  readonly cwd?: string;
  /** Command-line values by setting name (`out` is read as `output`); undefined means not given. */
  readonly flags?: Readonly<Record<string, unknown>>;
  /** Environment (default: process.env); only `BRIEFKIT_<SETTING>` names are read. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

type Kind = 'paths' | 'path' | 'optional-path' | 'paper' | 'boolean' | 'gutter' | 'name-or-file' | 'languages';

const KINDS: { readonly [K in SettingName]: Kind } = {
  data: 'paths', output: 'path', paper: 'paper', duplex: 'boolean', gutter: 'gutter', theme: 'name-or-file',
  templates: 'optional-path', marking: 'name-or-file', languages: 'languages', pdfa: 'boolean', slides: 'boolean',
};

/** The setting names in the order they are shown. */
export const SETTING_NAMES = Object.keys(KINDS) as SettingName[];

const DEFAULTS: SettingValues = {
  data: ['data/briefings', 'data/packs'], output: 'output', paper: 'a4', duplex: false, gutter: DEFAULT_GUTTER_MM,
  theme: 'default', templates: undefined, marking: 'canada', languages: [], pdfa: false, slides: false,
};

/** `BRIEFKIT_TEMPLATES` for `templates`. */
export function envName(name: SettingName): string {
  return `BRIEFKIT_${name.toUpperCase()}`;
}

const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** A value from the environment or a flag, checked and typed; a string is the problem. */
function parseValue(kind: Kind, raw: unknown): { ok: true; value: unknown } | { ok: false; why: string } {
  const text = typeof raw === 'string' ? raw.trim() : raw;
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : String(v).split(',')).map((s) => s.trim()).filter((s) => s !== '');
  switch (kind) {
    case 'boolean':
      if (typeof text === 'boolean') return { ok: true, value: text };
      if (typeof text === 'string' && /^(1|true|yes|on)$/i.test(text)) return { ok: true, value: true };
      if (typeof text === 'string' && /^(0|false|no|off)$/i.test(text)) return { ok: true, value: false };
      return { ok: false, why: 'write true or false (1/0, yes/no also read)' };
    case 'paper':
      return text === 'a4' || text === 'letter' ? { ok: true, value: text } : { ok: false, why: 'the paper is a4 or letter' };
    case 'gutter': {
      const n = typeof text === 'number' ? text : Number(text);
      return typeof text !== 'boolean' && text !== '' && Number.isFinite(n) && n >= 0 && n <= 100 ? { ok: true, value: n } : { ok: false, why: 'the gutter is a number of millimetres from 0 to 100' };
    }
    case 'paths': {
      const l = list(text);
      return l.length ? { ok: true, value: l } : { ok: false, why: 'name at least one folder, several separated by commas' };
    }
    case 'languages': {
      const l = list(text);
      const bad = l.find((x) => !LANG.test(x));
      return bad === undefined && l.length ? { ok: true, value: l } : { ok: false, why: 'list BCP 47 language tags separated by commas, e.g. en,fr,ko' };
    }
    case 'path':
    case 'optional-path':
    case 'name-or-file':
      return typeof text === 'string' && text !== '' ? { ok: true, value: text } : { ok: false, why: 'give a name or a path' };
    default:
      return assertNever(kind, 'setting kind');
  }
}

/** A theme or scheme given as a file (has a separator or a data-file extension) rather than a name. */
function isFileSpec(s: string): boolean {
  return /\.(ya?ml|json)$/i.test(s) || s.includes('/') || s.includes('\\');
}

/** Paths made absolute against `base`; names left as they are. */
function absolute(kind: Kind, value: unknown, base: string): unknown {
  switch (kind) {
    case 'paths':
      return (value as string[]).map((p) => resolve(base, p));
    case 'path':
    case 'optional-path':
      return resolve(base, value as string);
    case 'name-or-file':
      return isFileSpec(value as string) ? resolve(base, value as string) : value;
    case 'boolean':
    case 'paper':
    case 'gutter':
    case 'languages':
      return value;
    default:
      return assertNever(kind, 'setting kind');
  }
}

/** The paths a config value names, for the inside-the-project check. */
function pathsOf(kind: Kind, value: unknown): string[] {
  if (kind === 'paths') return value as string[];
  if (kind === 'path' || kind === 'optional-path') return [value as string];
  if (kind === 'name-or-file' && isFileSpec(value as string)) return [value as string];
  return [];
}

/**
 * Resolves every setting: default, then the project's config file, then `BRIEFKIT_*`
 * variables, then flags. A config path that leads outside the project root is
 * `config/outside-project` at its line; an unreadable environment or flag value is
 * `config/env` / `config/flag` naming the variable or flag.
 */
export function resolveSettings(input: SettingsInput = {}): SettingsResult {
  const cwd = resolve(input.cwd ?? process.cwd());
  const env = input.env ?? process.env;
  const flags = input.flags ?? {};
  const p = loadProjectAt(cwd);
  if (!p.ok) return p;
  const { project } = p;
  const diagnostics: Diagnostic[] = [...p.diagnostics];
  const out: Record<string, Setting<unknown>> = {};
  for (const name of SETTING_NAMES) {
    const kind = KINDS[name];
    const byDefault = DEFAULTS[name];
    let setting: Setting<unknown> = { value: byDefault === undefined ? undefined : absolute(kind, byDefault, project.root), origin: { kind: 'default' } };
    const fromConfig = (project.config as Readonly<Record<string, unknown>>)[name];
    if (fromConfig !== undefined) {
      const loc = project.locate(name) ?? { file: project.configFile ?? '', line: 1, col: 1 };
      const outside = pathsOf(kind, fromConfig).find((x) => isAbsolute(x) || relative(project.root, resolve(project.root, x)).startsWith('..'));
      if (outside !== undefined) {
        diagnostics.push(diag('config/outside-project', `\`${name}\` names "${outside}", which is outside the project`, {
          loc, path: name, hint: `name paths relative to the config file, inside ${project.root}`,
        }));
      } else setting = { value: absolute(kind, fromConfig, project.root), origin: { kind: 'config', loc } };
    }
    const e = env[envName(name)];
    if (e !== undefined && e !== '') {
      const r = parseValue(kind, e);
      if (r.ok) setting = { value: absolute(kind, r.value, cwd), origin: { kind: 'env', name: envName(name) } };
      else diagnostics.push(diag('config/env', `${envName(name)}="${e}" cannot be read: ${r.why}`, { hint: `fix or unset ${envName(name)}` }));
    }
    const f = name === 'output' && flags['out'] !== undefined ? flags['out'] : flags[name];
    if (f !== undefined) {
      const flag = `--${name === 'output' && flags['out'] !== undefined ? 'out' : name}`;
      const r = parseValue(kind, f);
      if (r.ok) setting = { value: absolute(kind, r.value, cwd), origin: { kind: 'flag', name: flag } };
      else diagnostics.push(diag('config/flag', `${flag} ${String(f)} cannot be read: ${r.why}`, { hint: `fix the value of ${flag}` }));
    }
    out[name] = setting;
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
  const settings = out as unknown as ResolvedSettings['settings'];
  const values = Object.fromEntries(SETTING_NAMES.map((n) => [n, settings[n].value])) as unknown as SettingValues;
  return { ok: true, diagnostics, resolved: { root: project.root, configFile: project.configFile, values, settings } };
}

/** {@link loadProject} from `cwd`, with the working directory as the fallback root. */
function loadProjectAt(cwd: string): ReturnType<typeof loadProject> {
  const r = loadProject(cwd);
  if (!r.ok || r.project.configFile !== undefined) return r;
  // No config file: the given working directory is the project (not the process's).
  return { ...r, project: { ...r.project, root: realpathSync(cwd) } };
}
