/**
 * From marking text to words: compatibility forms folded (NFKC), invisible characters removed,
 * case and accents folded, separators understood. The same steps turn a scheme's names into
 * the keys they are matched by, so a name and any way of writing it meet on one key.
 */

/** Whitespace of any kind, controls included: it still separates words once normalised. */
const SPACES = /[\t\n\v\f\r\u0085\p{Zs}\p{Zl}\p{Zp}]/gu;

/**
 * Characters nobody sees: controls, format characters (zero-width spaces and joiners, word
 * joiner, BOM, bidi controls, soft hyphen, tags) and the other default-ignorable code points
 * (variation selectors, fillers). Removing them gives the text a reader sees, so the marking
 * read is never lower than the one shown.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

/** Dashes: a group separator, unless a hyphen sits between two letters (`NON-CLASSIFIÉ`). */
const DASHES = '\\-\\u2010-\\u2015\\u2212\\u2E3A\\u2E3B';
const WORD_HYPHEN = /(?<=[\p{L}\p{M}\p{N}])[-\u2010](?=[\p{L}\p{N}])/gu;
const GROUP_SEPARATORS = new RegExp(`[/()\\[\\],;${DASHES}]+`, 'u');
const STRAY = new RegExp(`[^\\p{L}\\p{M}\\p{N} /()\\[\\],;${DASHES}]`, 'u');

/** NFKC, every kind of space as one space, invisible characters removed. */
export function cleanMarkingText(text: string): string {
  return text.normalize('NFKC').replace(SPACES, ' ').replace(INVISIBLE, '');
}

const MARKS = /\p{M}/gu;

/** Upper case without accents: `Protégé b` → `PROTEGE B`. Only ever used to match, never shown. */
export function foldCase(s: string): string {
  return s.normalize('NFD').replace(MARKS, '').toUpperCase().normalize('NFD').replace(MARKS, '').normalize('NFC');
}

/** A word of marking text: the key it is matched by, and how it is shown in messages. */
export interface Word {
  readonly key: string;
  readonly text: string;
}

/** Marking text split into groups (between separators) of words, or the first stray character. */
export type Tokens =
  | { readonly ok: true; readonly groups: readonly (readonly Word[])[] }
  | { readonly ok: false; readonly char: string };

/**
 * Splits text into groups of words. Groups are separated by `//`, `/`, dashes, `( )`, `[ ]`,
 * `,` and `;`; words by spaces (and hyphens inside a word). Empty groups are dropped.
 */
export function tokenize(text: string): Tokens {
  const clean = cleanMarkingText(text);
  const stray = STRAY.exec(clean);
  if (stray) return { ok: false, char: stray[0] };
  const groups = clean
    .replace(WORD_HYPHEN, ' ')
    .split(GROUP_SEPARATORS)
    .map((g) => g.split(' ').filter((w) => w !== '').map((w) => ({ key: foldCase(w), text: w.toUpperCase() })))
    .filter((g) => g.length > 0);
  return { ok: true, groups };
}

/** The key a name is matched by: its folded words joined by one space (groups by ` / `). */
export function nameKey(name: string): string {
  const t = tokenize(name);
  return t.ok ? t.groups.map((g) => g.map((w) => w.key).join(' ')).join(' / ') : '';
}

/** Characters shown as `<U+XXXX>` in messages: invisible, bidi, odd spaces, unassigned, private. */
const UNSEEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/gu;

/** Marking text for a message: every character a reader could not see written as `<U+XXXX>`. */
export function visibleText(text: string): string {
  return text.replace(UNSEEN, (ch) => `<U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`);
}
