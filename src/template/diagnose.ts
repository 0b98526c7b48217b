/** Handlebars exceptions as located diagnostics, in words. */
import { diag } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { displayPath } from './files.js';

/** Turns a Handlebars exception into a located diagnostic. */
export function templateDiag(e: unknown, file: string, code: string, hint: string, src?: string): Diagnostic {
  const err = e as { message?: string; lineNumber?: number; column?: number };
  const full = String(err.message ?? e);
  let msg = full.split('\n')[0] ?? '';
  let line = err.lineNumber ?? 1;
  let col = (err.column ?? 0) + 1;
  const parse = /^Parse error on line (\d+):\n(.*)\n(-*)\^\n(.*)$/s.exec(full);
  if (parse) {
    // "Parse error on line 3:\n<text>\n------^\nExpecting 'CLOSE', got 'EOF'": place the caret.
    line = Number(parse[1]);
    const shown = parse[2] ?? '';
    const caret = (parse[3] ?? '').length;
    const text = src?.split('\n')[line - 1] ?? '';
    const at = shown.startsWith('...') ? text.indexOf(shown.slice(3)) + caret - 3 : text.indexOf(shown) + caret;
    col = Math.max(1, at + 1);
    msg = `the template does not parse: ${parseExpectation(parse[4] ?? '')}`;
  }
  const property = /^Cannot use 'in' operator to search for '([^']+)' in/.exec(msg);
  if (property) {
    msg = `the template reads "${property[1]}" from a value that is text or a number, which has no fields`;
    if (src && !err.lineNumber) {
      const found = locateText(src, `.${property[1]}`);
      if (found) [line, col] = found;
    }
  }
  const notDefined = /^"([^"]+)" not defined/.exec(msg);
  const message = notDefined
    ? `the template uses the field "${notDefined[1]}", which the data does not have`
    : msg.replace(/ - \d+:\d+$/, '');
  return diag(notDefined ? 'template/missing-field' : parse ? 'template/syntax' : code, message, {
    loc: { file: displayPath(file), line, col },
    hint: notDefined ? `add "${notDefined[1]}" to the briefing data, or guard it in the template with {{#if}}` : hint,
  });
}

const TOKENS: Readonly<Record<string, string>> = {
  CLOSE: '}}', CLOSE_UNESCAPED: '}}}', CLOSE_RAW_BLOCK: '}}}}', OPEN_ENDBLOCK: '{{/…}}', EOF: 'the end of the file',
  INVALID: 'a character that cannot stand there', ID: 'a name', OPEN_INVERSE_CHAIN: '{{else}}', INVERSE: '{{else}}',
};

/** "Expecting 'CLOSE', 'ID', … got 'EOF'" in words: what was expected first, and what came. */
function parseExpectation(line: string): string {
  const m = /^Expecting (.*), got '([^']+)'$/.exec(line);
  if (!m) return line;
  const expected = (m[1] ?? '').split(/,\s*/).map((t) => t.replace(/'/g, ''));
  const first = expected.find((t) => TOKENS[t]) ?? expected[0] ?? '';
  const others = expected.length - 1;
  return `expected ${TOKENS[first] ?? first}${others > 0 ? ` (or one of ${others} other tokens)` : ''}, found ${TOKENS[m[2] ?? ''] ?? m[2]}`;
}

/** 1-based line and column of the first occurrence of `needle` in `src`. */
export function locateText(src: string, needle: string): [number, number] | undefined {
  const i = src.indexOf(needle);
  if (i < 0) return undefined;
  const before = src.slice(0, i).split('\n');
  return [before.length, (before[before.length - 1] ?? '').length + 1];
}

