/**
 * Resolved settings shown to people (`briefkit config`) and to programs (`--reporter json`).
 */
import { relative } from 'node:path';
import { assertNever } from '../diag/index.js';
import { showText } from '../diag/index.js';
import type { Origin, ResolvedSettings, SettingName } from './settings.js';
import { SETTING_NAMES } from './settings.js';

/** `default`, `config briefkit.config.yaml:4:1`, `env BRIEFKIT_PAPER`, `flag --paper`. */
export function describeOrigin(o: Origin, cwd: string): string {
  switch (o.kind) {
    case 'default':
      return 'default';
    case 'config':
      return `config ${relative(cwd, o.loc.file) || o.loc.file}:${o.loc.line}:${o.loc.col}`;
    case 'env':
      return `env ${o.name}`;
    case 'flag':
      return `flag ${o.name}`;
    default:
      return assertNever(o, 'origin');
  }
}

/** A value as text: paths relative to `cwd` when inside it, lists comma-separated. */
function valueText(name: SettingName, v: unknown, cwd: string): string {
  const path = (p: string): string => {
    const r = relative(cwd, p);
    return r === '' ? '.' : r.startsWith('..') ? p : r;
  };
  if (v === undefined) return name === 'templates' ? '(bundled only)' : '(none)';
  if (Array.isArray(v)) return v.length ? v.map((x) => (name === 'data' ? path(String(x)) : String(x))).join(', ') : name === 'languages' ? '(every catalog)' : '(none)';
  if (typeof v === 'string' && (name === 'output' || name === 'templates' || v.startsWith('/'))) return path(v);
  return String(v);
}

/** One line a setting: name, value, origin; the project root and config file first. */
export function settingsText(r: ResolvedSettings, cwd: string): string[] {
  const lines = [`project  ${showText(r.root)}`, `config   ${r.configFile ? showText(relative(cwd, r.configFile) || r.configFile) : '(none: defaults, environment and flags only)'}`];
  const width = Math.max(...SETTING_NAMES.map((n) => n.length));
  for (const n of SETTING_NAMES) {
    const s = r.settings[n];
    lines.push(`${n.padEnd(width)}  ${showText(valueText(n, s.value, cwd))}  (${showText(describeOrigin(s.origin, cwd))})`);
  }
  return lines;
}

/** One JSON document: root, config file, and each setting's value and origin. */
export function settingsJson(r: ResolvedSettings): unknown {
  return {
    root: r.root,
    configFile: r.configFile ?? null,
    settings: Object.fromEntries(SETTING_NAMES.map((n) => [n, { value: r.settings[n].value ?? null, origin: r.settings[n].origin }])),
  };
}
