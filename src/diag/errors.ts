import type { Diagnostic, SourceLoc } from './types.js';

/**
 * A problem with the user's input or environment: shown without a stack, exit code 1.
 * Anything else that is thrown is an internal bug and is shown with its stack.
 */
export class UserError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join('; '));
    this.name = 'UserError';
    this.diagnostics = diagnostics;
  }
}

/** Options for {@link diag}: everything but the code and message. */
export interface DiagExtra {
  readonly loc?: SourceLoc | undefined;
  readonly path?: string | undefined;
  readonly hint?: string | undefined;
  readonly severity?: 'error' | 'warning';
}

/** Builds a diagnostic, leaving out the fields that are undefined. */
export function diag(code: string, message: string, extra: DiagExtra = {}): Diagnostic {
  return {
    code,
    severity: extra.severity ?? 'error',
    message,
    ...(extra.loc ? { loc: extra.loc } : {}),
    ...(extra.path ? { path: extra.path } : {}),
    ...(extra.hint ? { hint: extra.hint } : {}),
  };
}

/** Throws a {@link UserError} holding one diagnostic. */
export function fail(code: string, message: string, extra: DiagExtra = {}): never {
  throw new UserError([diag(code, message, extra)]);
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}

/** For exhaustive switches over tagged unions. */
export function assertNever(x: never, what = 'value'): never {
  throw new Error(`internal: unexpected ${what}: ${JSON.stringify(x)}`);
}
