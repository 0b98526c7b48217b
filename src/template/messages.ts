import { join } from 'node:path';
import { UserError, diag } from '../diag/errors.js';
import type { SourceLoc } from '../diag/types.js';
import { displayPath, readTemplateFile, templateRoot } from './files.js';

const cache = new Map<string, Readonly<Record<string, string>>>();

/** 1-based line and column of character `offset` in `text`. */
function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: (before[before.length - 1] ?? '').length + 1 };
}

/**
 * The message catalog of a language (`templates/messages/<lang>.json`), read once: confined to
 * the templates folder and bounded like every template file (see files.ts), an object of
 * strings. It has no prototype, so a key such as `constructor` is simply not a message.
 * `ref` is where the language was asked for (the data's `language` field), for errors.
 */
export function loadMessages(templatesDir: string, lang: string, ref?: SourceLoc): Readonly<Record<string, string>> {
  const file = join(templatesDir, 'messages', `${lang}.json`);
  let m = cache.get(file);
  if (m) return m;
  const hint = 'each language needs templates/messages/<lang>.json with every message key';
  const text = readTemplateFile(templateRoot(templatesDir, ref), file, { ref, what: `the ${lang} message catalog`, hint });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const pos = /at position (\d+)/.exec((e as Error).message);
    const { line, col } = lineCol(text, pos ? Number(pos[1]) : 0);
    throw new UserError([diag('template/messages', `cannot read the ${lang} message catalog (${(e as Error).message})`, {
      loc: { file: displayPath(file), line, col },
      hint,
    })]);
  }
  const bad = parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)
    ? '(the whole file)'
    : Object.entries(parsed).find(([, v]) => typeof v !== 'string')?.[0];
  if (bad !== undefined) {
    const found = bad === '(the whole file)' ? undefined : text.indexOf(JSON.stringify(bad));
    throw new UserError([diag('template/messages', `the ${lang} message catalog must be an object of strings: ${bad === '(the whole file)' ? 'it is not an object' : `"${bad}" is not a string`}`, {
      loc: { file: displayPath(file), ...lineCol(text, found !== undefined && found >= 0 ? found : 0) },
      hint,
    })]);
  }
  m = Object.freeze(Object.assign(Object.create(null) as Record<string, string>, parsed as Record<string, string>));
  cache.set(file, m);
  return m;
}
