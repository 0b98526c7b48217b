import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError, diag } from '../diag/errors.js';

const cache = new Map<string, Readonly<Record<string, string>>>();

/** The message catalog of a language (`templates/messages/<lang>.json`), read once. */
export function loadMessages(templatesDir: string, lang: string): Readonly<Record<string, string>> {
  const file = join(templatesDir, 'messages', `${lang}.json`);
  let m = cache.get(file);
  if (!m) {
    try {
      m = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    } catch (e) {
      throw new UserError([diag('template/messages', `cannot read the ${lang} message catalog ${file} (${(e as Error).message})`, {
        hint: 'each language needs templates/messages/<lang>.json with every message key',
      })]);
    }
    cache.set(file, m);
  }
  return m;
}
