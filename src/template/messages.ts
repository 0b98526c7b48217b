import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UserError, diag } from '../diag/index.js';
import type { Diagnostic, SourceLoc } from '../diag/index.js';
import { suggest } from '../data/index.js';
import { displayPath, readTemplateFile, templateRoot } from './files.js';

/** A message catalog: message key -> text with `{name}` placeholders. No prototype. */
export type Messages = Readonly<Record<string, string>>;

/**
 * Parsed catalogs keyed by the sha-256 of the bytes read, never by path: a long-lived process
 * (watch, preview) that sees an edited catalog parses the new text, and an unchanged one is
 * parsed once. The key includes the path so a diagnostic names the right file.
 */
const parsedByContent = new Map<string, Messages>();
const MAX_CACHED = 64;

const HINT = 'each language needs templates/messages/<lang>.json with every message key';

/** A well-formed BCP 47 language tag as briefkit accepts it: `ko`, `fr-CA`, `zh-Hant-TW`. */
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$/;

/** 1-based line and column of character `offset` in `text`. */
function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: (before[before.length - 1] ?? '').length + 1 };
}

/** Parses one catalog's text: an object of strings, or a located `template/messages` error. */
function parseCatalog(text: string, file: string, lang: string): Messages {
  const key = `${file}\0${createHash('sha256').update(text).digest('hex')}`;
  const hit = parsedByContent.get(key);
  if (hit) return hit;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const pos = /at position (\d+)/.exec((e as Error).message);
    const { line, col } = lineCol(text, pos ? Number(pos[1]) : 0);
    throw new UserError([diag('template/messages', `cannot read the ${lang} message catalog (${(e as Error).message})`, {
      loc: { file: displayPath(file), line, col },
      hint: HINT,
    })]);
  }
  const bad = parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)
    ? '(the whole file)'
    : Object.entries(parsed).find(([, v]) => typeof v !== 'string')?.[0];
  if (bad !== undefined) {
    const found = bad === '(the whole file)' ? undefined : text.indexOf(JSON.stringify(bad));
    throw new UserError([diag('template/messages', `the ${lang} message catalog must be an object of strings: ${bad === '(the whole file)' ? 'it is not an object' : `"${bad}" is not a string`}`, {
      loc: { file: displayPath(file), ...lineCol(text, found !== undefined && found >= 0 ? found : 0) },
      hint: HINT,
    })]);
  }
  const m: Messages = Object.freeze(Object.assign(Object.create(null) as Record<string, string>, parsed as Record<string, string>));
  if (parsedByContent.size >= MAX_CACHED) parsedByContent.clear();
  parsedByContent.set(key, m);
  return m;
}

/** The languages with a catalog in any of `roots` (file names `<tag>.json`), sorted. */
export function availableLanguages(roots: string | readonly string[]): string[] {
  const out = new Set<string>();
  for (const root of typeof roots === 'string' ? [roots] : roots) {
    let names: string[];
    try {
      names = readdirSync(join(root, 'messages'));
    } catch {
      continue;
    }
    for (const n of names) {
      const tag = n.endsWith('.json') ? n.slice(0, -5) : '';
      if (LANGUAGE_TAG.test(tag)) out.add(tag);
    }
  }
  return [...out].sort();
}

function exists(root: string, file: string): boolean {
  try {
    return readdirSync(join(root, 'messages')).includes(file);
  } catch {
    return false;
  }
}

/**
 * The message catalog of a language, merged key by key over an ordered list of template
 * roots: the first root's `messages/<lang>.json` wins (a project's catalog over the bundled
 * one), keys it lacks come from later roots. Each file is read confined to its root and
 * bounded (see files.ts) and parsed once per content. A language no root has a catalog for is
 * a `template/language` error at `ref` (the data's `language` field) that lists the languages
 * there are, with a did-you-mean.
 */
export function loadMessages(roots: string | readonly string[], lang: string, ref?: SourceLoc): Messages {
  const list = typeof roots === 'string' ? [roots] : roots;
  const file = `${lang}.json`;
  const found = LANGUAGE_TAG.test(lang) ? list.filter((r) => exists(r, file)) : [];
  if (found.length === 0) {
    const known = availableLanguages(list);
    // A well-formed tag without a catalog ("es") is no typo: suggesting "en" would mislead. A
    // regional tag falls back to its language's catalog name as the suggestion ("fr-BE" -> "fr").
    const near = LANGUAGE_TAG.test(lang) ? known.find((k) => k === lang.split('-')[0]) : suggest(lang, known);
    throw new UserError([diag('template/language', `no message catalog for language "${lang}"${near ? ` (did you mean "${near}"?)` : ''}`, {
      ...(ref ? { loc: ref } : { loc: { file: displayPath(join(list[0] ?? '.', 'messages', file)), line: 1, col: 1 } }),
      hint: `languages with a catalog: ${known.join(', ') || '(none)'}; to add one, copy templates/messages/en.json to messages/${LANGUAGE_TAG.test(lang) ? lang : '<lang>'}.json and translate it`,
    })]);
  }
  const layers = found.map((root) => {
    const path = join(root, 'messages', file);
    const text = readTemplateFile(templateRoot(root, ref), path, { ref, what: `the ${lang} message catalog`, hint: HINT });
    return parseCatalog(text, path, lang);
  });
  if (layers.length === 1) return layers[0] as Messages;
  const merged = Object.create(null) as Record<string, string>;
  for (const layer of [...layers].reverse()) Object.assign(merged, layer);
  return Object.freeze(merged);
}

/**
 * The keys a catalog lacks compared with the English catalog beside it, one warning each at
 * the catalog's last line (where a key would be added), plus its read errors. Empty for the
 * English catalog itself and for a complete one.
 */
export function checkCatalog(file: string): Diagnostic[] {
  const dir = join(file, '..');
  const lang = (file.split(/[\\/]/).pop() ?? '').replace(/\.json$/, '');
  const root = join(dir, '..');
  if (!LANGUAGE_TAG.test(lang)) {
    return [diag('template/language', `the catalog ${displayPath(file)} is not named after a language tag`, {
      loc: { file: displayPath(file), line: 1, col: 1 },
      hint: 'name a catalog <tag>.json with a BCP 47 tag, e.g. ko.json or pt-BR.json',
    })];
  }
  try {
    const text = readTemplateFile(templateRoot(root), file, { what: `the ${lang} message catalog`, hint: HINT });
    const mine = parseCatalog(text, file, lang);
    if (lang === 'en') return [];
    const enPath = join(dir, 'en.json');
    const en = parseCatalog(readTemplateFile(templateRoot(root), enPath, { what: 'the en message catalog', hint: HINT }), enPath, 'en');
    return missingKeys(en, mine, lang).map((k) => missingDiag(file, text, lang, k, en[k] ?? ''));
  } catch (e) {
    if (e instanceof UserError) return [...e.diagnostics];
    throw e;
  }
}

/** The keys `mine` lacks compared with English, ordinals only for the language's own Intl categories. */
function missingKeys(en: Messages, mine: Messages, lang: string): string[] {
  // Ordinals have one key per Intl ordinal category, and languages differ in which they have.
  const categories = new Set<string>(new Intl.PluralRules(lang, { type: 'ordinal' }).resolvedOptions().pluralCategories);
  const needed = (k: string): boolean => !k.startsWith('ordinal.') || categories.has(k.slice('ordinal.'.length));
  return Object.keys(en).filter((k) => needed(k) && !Object.hasOwn(mine, k));
}

function missingDiag(file: string, text: string, lang: string, key: string, english: string): Diagnostic {
  return diag('template/missing-message', `the ${lang} message catalog lacks "${key}" (English: "${english}")`, {
    severity: 'warning',
    loc: { file: displayPath(file), ...lineCol(text, Math.max(0, text.trimEnd().length - 1)) },
    hint: `add "${key}": "…" to ${displayPath(file)}; a build in ${lang} that needs it fails`,
  });
}

/**
 * What `validate` says about a briefing's language: a `template/language` error when no root
 * has its catalog (listing the ones there are), else one warning per key the merged catalog
 * lacks compared with the merged English one, at the end of the first catalog (where a
 * translator adds it).
 */
export function checkLanguage(roots: string | readonly string[], lang: string, ref?: SourceLoc): Diagnostic[] {
  const list = typeof roots === 'string' ? [roots] : roots;
  try {
    const mine = loadMessages(list, lang, ref);
    if (lang === 'en') return [];
    const en = loadMessages(list, 'en');
    const root = list.find((r) => exists(r, `${lang}.json`)) ?? '.';
    const file = join(root, 'messages', `${lang}.json`);
    const text = readTemplateFile(templateRoot(root), file, { what: `the ${lang} message catalog`, hint: HINT });
    return missingKeys(en, mine, lang).map((k) => missingDiag(file, text, lang, k, en[k] ?? ''));
  } catch (e) {
    if (e instanceof UserError) return [...e.diagnostics];
    throw e;
  }
}
