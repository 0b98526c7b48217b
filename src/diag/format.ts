import type { Diagnostic } from './types.js';

/**
 * Formats a diagnostic the way compilers do, so terminals and editors can jump to it:
 * `data/x.yaml:12:5: error data/type: expected a number (field trade.years[0].exports)`
 * followed by an indented hint line.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.loc ? `${d.loc.file}:${d.loc.line}:${d.loc.col}: ` : '';
  const field = d.path ? ` (field ${d.path})` : '';
  const hint = d.hint ? `\n  hint: ${d.hint}` : '';
  return `${where}${d.severity} ${d.code}: ${d.message}${field}${hint}`;
}

/** One GitHub Actions workflow command per diagnostic. */
export function formatGithub(d: Diagnostic): string {
  const kind = d.severity === 'error' ? 'error' : 'warning';
  const props = d.loc ? `file=${d.loc.file},line=${d.loc.line},col=${d.loc.col},` : '';
  const text = `${d.message}${d.path ? ` (field ${d.path})` : ''}${d.hint ? ` - ${d.hint}` : ''}`;
  return `::${kind} ${props}title=${d.code}::${text.replace(/\r?\n/g, '%0A')}`;
}
