/**
 * Escaping data for our markup (CommonMark with directives). Every ASCII punctuation
 * character may be backslash-escaped in CommonMark, so escaping all that the parser could
 * read as syntax (emphasis, links, headings, lists, tables, directives, entities, HTML) makes
 * data text literal. Line breaks become spaces: data cannot start a new block.
 */
const SYNTAX = /[\\`*_{}[\]()#+\-.!|<>~&:"'=$%^]/g;

export function escapeMarkup(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ').replace(SYNTAX, (ch) => `\\${ch}`);
}

/** Escapes a value for a double-quoted directive attribute: `{name="..."}`. */
export function escapeAttribute(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ').replace(/["\\]/g, (ch) => `\\${ch}`);
}
