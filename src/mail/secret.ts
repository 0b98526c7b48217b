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
 * Forms derived from the password (trimmed, collapsed, escaped) shorter than this are not
 * redacted: a two-letter remnant of `" a b "` would blank every "a b" of a message while
 * telling an onlooker next to nothing. The exact password is always redacted.
 */
const MIN_DERIVED = 4;

function base64(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64');
}

/** Every byte as `%XX`, the way a server logging raw bytes may show them. */
function percentAll(s: string, lower: boolean): string {
  const hex = [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  return lower ? hex : hex.toUpperCase();
}

/**
 * Every form of the password that the SMTP client sends or that a server (or a library) may
 * echo back: the exact text; its Unicode normal forms; whitespace trimmed and runs collapsed
 * (what a reply parser does to a line); JSON, backslash and percent escaping; the UTF-8 bytes
 * read as Latin-1 (a reply decoded byte by byte); and base64 as sent by AUTH LOGIN and AUTH
 * PLAIN (with and without an authorization identity). XOAUTH2 is never used by briefkit.
 */
export function secretForms(user: string | undefined, pass: string): string[] {
  const forms = new Set<string>();
  const add = (s: string, exact: boolean): void => {
    if (exact ? s.trim() !== '' : s.trim().length >= MIN_DERIVED) forms.add(s);
  };
  const normal = [pass, pass.normalize('NFC'), pass.normalize('NFD'), pass.normalize('NFKC'), pass.normalize('NFKD')];
  // Full case mappings too: matching without regard to case folds only one character to one
  // (`ß` never meets `SS`), and a server may echo the password upper-cased.
  const variants = new Set(normal.flatMap((v) => [v, v.toUpperCase(), v.toLowerCase()]));
  for (const v of variants) {
    add(v, true);
    for (const b of [base64(v), ...(user === undefined ? [] : [base64(`\0${user}\0${v}`), base64(`${user}\0${user}\0${v}`)])]) {
      add(b, true);
      // Without its padding, as some servers and loggers print base64.
      add(b.replace(/=+$/, ''), true);
    }
    const collapsed = v.replace(/\s+/gu, ' ');
    for (const w of new Set([v, v.trim(), collapsed, collapsed.trim(), v.replace(/\s+/gu, '')])) {
      add(w, false);
      add(JSON.stringify(w).slice(1, -1), false);
      add(w.replace(/["'\\]/g, '\\$&'), false);
      add(encodeURIComponent(w), false);
      // A form body (`+` for spaces) and HTML or XML character references.
      add(encodeURIComponent(w).replace(/%20/g, '+'), false);
      add(escapeHtml(w), false);
      add(encodeURI(w), false);
      add(encodeURIComponent(w).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()), false);
      add(percentAll(w, false), false);
      add(percentAll(w, true), false);
      add(Buffer.from(w, 'utf8').toString('latin1'), false);
    }
  }
  // Longest first, so a form that contains another is replaced whole.
  return [...forms].sort((a, b) => b.length - a.length);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c] ?? ''};`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Removes a password from text (an error message, a server reply) before it is shown. Call it
 * on the text exactly as received, before any clean-up (collapsing spaces, escaping control
 * characters): each form in {@link secretForms} is matched without regard to case.
 */
export function redact(text: string, user: string | undefined, pass: Secret | undefined): string {
  return redactorFor(user, pass)(text);
}

/** A redactor for one configuration, or the identity when there is no password. */
export function redactorFor(user: string | undefined, pass: Secret | undefined): (text: string) => string {
  const p = pass?.reveal();
  if (!p) return (t) => t;
  const forms = secretForms(user, p);
  if (!forms.length) return (t) => t;
  const re = new RegExp(forms.map(escapeRegExp).join('|'), 'giu');
  return (t) => t.replace(re, REDACTED);
}
