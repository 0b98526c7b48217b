import { showText } from './escape.js';
import type { Diagnostic } from './types.js';

/**
 * Formats a diagnostic the way compilers do, so terminals and editors can jump to it:
 * `data/x.yaml:12:5: error data/type: expected a number (field trade.years[0].exports)`
 * followed by an indented hint line. File, message, field path and hint may hold user text:
 * control, format and bidi characters and line breaks in them are shown as `<U+XXXX>`, so the
 * diagnostic is always exactly these one or two lines.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.loc ? `${showText(d.loc.file)}:${d.loc.line}:${d.loc.col}: ` : '';
  const field = d.path ? ` (field ${showText(d.path)})` : '';
  const hint = d.hint ? `\n  hint: ${showText(d.hint)}` : '';
  return `${where}${d.severity} ${showText(d.code)}: ${showText(d.message)}${field}${hint}`;
}

/** Escapes a workflow command's message (GitHub's own rule: `%`, CR and LF). */
export function githubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value: as its message, plus `:` and `,`. */
export function githubProperty(s: string): string {
  return githubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One GitHub Actions workflow command per diagnostic. User text is made terminal-safe as in
 * {@link formatDiagnostic} and then escaped as GitHub asks, so data cannot end the command
 * early, add properties or start a command of its own.
 */
export function formatGithub(d: Diagnostic): string {
  const kind = d.severity === 'error' ? 'error' : 'warning';
  const props = d.loc ? `file=${githubProperty(showText(d.loc.file))},line=${d.loc.line},col=${d.loc.col},` : '';
  const text = `${d.message}${d.path ? ` (field ${d.path})` : ''}${d.hint ? ` - ${d.hint}` : ''}`;
  return `::${kind} ${props}title=${githubProperty(showText(d.code))}::${githubData(showText(text))}`;
}
