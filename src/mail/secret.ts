import { inspect } from 'node:util';

const REDACTED = '[redacted]';

/**
 * A password held so it cannot be printed by accident: `String()`, template literals,
 * `JSON.stringify` and `util.inspect` (so `console.log`) all show `[redacted]`.
 * Only {@link Secret.reveal} gives the value, for handing to the SMTP client.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The value itself. Call it only where it goes to the server. */
  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return `Secret(${REDACTED})`;
  }
}

/**
 * Removes a password from text (an error message, a server reply) before it is shown:
 * the password itself and the base64 forms that SMTP AUTH PLAIN and LOGIN send.
 */
export function redact(text: string, user: string | undefined, pass: Secret | undefined): string {
  const p = pass?.reveal();
  if (!p) return text;
  const forms = new Set<string>([p, Buffer.from(p).toString('base64')]);
  if (user !== undefined) {
    forms.add(Buffer.from(`\0${user}\0${p}`).toString('base64'));
    forms.add(Buffer.from(`${user}\0${user}\0${p}`).toString('base64'));
  }
  let out = text;
  // Longest first, so a form that contains another is replaced whole.
  for (const f of [...forms].sort((a, b) => b.length - a.length)) out = out.split(f).join(REDACTED);
  return out;
}
