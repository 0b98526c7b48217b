import { readFileSync } from 'node:fs';

/** Every sentence of the 1995 source fact sheet, as the source writes it. */
export function seedSentences(): string[] {
  const raw = readFileSync(new URL('../fixtures/seed/fact-sheet-1995.txt', import.meta.url), 'utf8');
  const text = raw.replace(/\\\$/g, '$').replace(/^- /gm, '').replace(/\n+/g, ' ');
  // A sentence ends with a full stop followed by a space and a capital; "Trade" is a heading.
  return text.split(/(?<=\.)\s+(?=[A-Z])/).map((s) => s.replace(/^Trade\s+/, '').trim()).filter((s) => s.length > 0);
}
