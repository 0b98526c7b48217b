/**
 * Marking banner colours of a theme: checked when the theme is read (readable on the white
 * page, levels the built-in schemes know) and chosen per banner when pages are finished.
 */
import { diag } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { builtinSchemes, nameKey } from '../marking/index.js';
import type { MarkingLevel } from '../marking/index.js';
import { closest } from './schema.js';
import type { Locator } from './schema.js';
import type { Theme } from './types.js';

/** WCAG 2 AA for normal text: the banner is 8.5 pt bold, below the large-text size. */
export const MIN_CONTRAST = 4.5;
/** Banners are drawn straight on the page. */
const PAGE = '#ffffff';

/** Relative luminance of `#rrggbb` (WCAG 2). */
function luminance(hex: string): number {
  const ch = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (ch[0] ?? 0) + 0.7152 * (ch[1] ?? 0) + 0.0722 * (ch[2] ?? 0);
}

/** Contrast ratio of two `#rrggbb` colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

/** Every built-in level with the scheme it belongs to. */
function builtinLevels(): { scheme: string; level: MarkingLevel }[] {
  return Object.values(builtinSchemes).filter((s) => s.printed).flatMap((s) => s.levels.map((level) => ({ scheme: s.id, level })));
}

/** Every spelling of a level (languages and aliases), as match keys. */
function keysOf(level: MarkingLevel): string[] {
  return Object.values(level.names).flatMap((n) => [n.text, ...(n.aliases ?? [])]).map(nameKey);
}

const rec = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/**
 * The banner colours of a theme's `marking` mapping, by level key, or the problems: a colour
 * below {@link MIN_CONTRAST} on the page (`theme/contrast`), a level no built-in scheme has
 * (`theme/unknown-level`). Level names are checked against the built-in schemes because the
 * theme is read before the project's scheme is known (a project scheme file gives its own
 * levels' colours). A key is stored under every spelling of the level it names (`TOP SECRET`
 * also as `TRES SECRET`), so a French banner gets the colour of its level.
 */
export function markingColours(raw: unknown, locator: Locator): { colours: Record<string, string>; problems: Diagnostic[] } {
  const m = rec(raw);
  const problems: Diagnostic[] = [];
  const readable = (colour: unknown, segs: readonly string[]): boolean => {
    if (typeof colour !== 'string') return false;
    const ratio = contrast(colour, PAGE);
    if (ratio >= MIN_CONTRAST) return true;
    problems.push(diag('theme/contrast', `\`${segs.join('.')}\` ${colour} has a contrast of ${ratio.toFixed(2)}:1 on the white page: the marking banner would be hard or impossible to read`, {
      loc: locator.value(segs), path: segs.join('.'),
      hint: `a banner colour needs at least ${MIN_CONTRAST}:1 against white (WCAG AA), for example #a4161a (red) or #1f4e79 (blue)`,
    }));
    return false;
  };
  if (m['default'] !== undefined) readable(m['default'], ['marking', 'default']);
  const all = builtinLevels();
  const colours: Record<string, string> = {};
  for (const [name, colour] of Object.entries(rec(m['levels']))) {
    const segs = ['marking', 'levels', name];
    const key = nameKey(name);
    const hits = all.filter((l) => keysOf(l.level).includes(key));
    if (hits.length === 0) {
      const names = all.map((l) => l.level.names['en']?.text ?? l.level.id);
      const near = closest(name, names);
      problems.push(diag('theme/unknown-level', `\`marking.levels.${name}\` names no level of a marking scheme`, {
        loc: locator.key(segs), path: segs.join('.'),
        hint: `${near ? `did you mean \`${near}\`? ` : ''}${Object.values(builtinSchemes).filter((s) => s.printed).map((s) => `${s.id}: ${s.levels.map((l) => l.names['en']?.text ?? l.id).join(', ')}`).join('; ')}`,
      }));
      continue;
    }
    if (!readable(colour, segs) || typeof colour !== 'string') continue;
    for (const h of hits) for (const k of keysOf(h.level)) colours[k] = colour;
  }
  return { colours, problems };
}

/**
 * The colour of a banner: its level's colour when the theme gives one, else
 * `palette.marking`. A banner starts with its level's name (see `formatMarking`), so the
 * longest run of words at its start that names a level picks it.
 */
export function bannerColour(theme: Theme, banner: string): string {
  const byLevel = theme.markingColours;
  if (!byLevel) return theme.palette.marking;
  const first = nameKey(banner).split(' / ')[0] ?? '';
  const words = first.split(' ');
  for (let n = words.length; n >= 1; n--) {
    const hit = byLevel[words.slice(0, n).join(' ')];
    if (hit) return hit;
  }
  return theme.palette.marking;
}
