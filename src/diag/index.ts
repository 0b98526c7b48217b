export type { Diagnostic, Severity, SourceLoc } from './types.js';
export { UserError, diag, fail, hasErrors, assertNever } from './errors.js';
export type { DiagExtra } from './errors.js';
export { formatDiagnostic, formatGithub } from './format.js';
export { jsonLine, showLines, showText } from './escape.js';
export { githubData, githubProperty } from './format.js';
