/**
 * Recipients as people write them: `desk@example.org`, `Desk Officer <desk@example.org>`,
 * `"Doe, Jane" <jane@example.org>`, several in one text separated by commas. Parsed with
 * nodemailer's address parser, entry by entry so that an error points at the entry's column.
 * Display names reach the To header as nodemailer encodes them (quoted, RFC 2047 for
 * non-ASCII), so no name can add a header or an address; names that could mislead a reader or
 * a mail client are refused before anything is sent.
 */
import addressparser from 'nodemailer/lib/addressparser';
import { diag } from '../diag/index.js';
import type { Diagnostic, SourceLoc } from '../diag/index.js';
import { isAddress } from './message.js';

/** One recipient: the bare address (RCPT TO, the send log) and the name shown in To. */
export interface Recipient {
  /** `local@domain.tld`, as given (the send log compares it case-insensitively). */
  readonly address: string;
  /** Display name without quotes or escapes; absent when none was given. */
  readonly name?: string;
}

/** Where an address text came from, for located errors (a pack manifest's field, or `--to`). */
export interface AddressSource {
  readonly text: string;
  /** Position of the text's first character. Default: `--to:1:1`. */
  readonly loc?: SourceLoc;
}

/** The result of {@link parseRecipients}: every recipient, or every problem at once. */
export interface ParsedRecipients {
  readonly recipients: readonly Recipient[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Longest display name accepted, in characters (RFC 5322 lines are 998 octets at most). */
export const MAX_NAME_CHARS = 200;

/** Controls, format (bidi, zero-width), private-use, unassigned, line and paragraph separators. */
const UNSAFE_NAME = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u;

/** The command line as a source: errors read `--to:1:<col>`. */
const COMMAND_LINE: SourceLoc = { file: '--to', line: 1, col: 1 };

/**
 * Splits an address list at the commas that separate entries (not those inside quotes,
 * angle brackets or comments), keeping each entry's offset in the text.
 */
export function splitAddressList(text: string): { readonly entry: string; readonly offset: number }[] {
  const out: { entry: string; offset: number }[] = [];
  let start = 0;
  let quoted = false;
  let angle = false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '\\') i++;
      else if (ch === '"') quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === '<') angle = true;
    else if (ch === '>') angle = false;
    else if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === ',' && !angle && depth === 0) {
      out.push({ entry: text.slice(start, i), offset: start });
      start = i + 1;
    }
  }
  out.push({ entry: text.slice(start), offset: start });
  return out.filter((e) => e.entry.trim() !== '').map((e) => {
    const lead = e.entry.length - e.entry.trimStart().length;
    return { entry: e.entry.trim(), offset: e.offset + lead };
  });
}

/** Why a display name is refused, or undefined when it is fine. */
function nameProblem(name: string): string | undefined {
  if (UNSAFE_NAME.test(name)) return 'holds a control, format (bidi, zero-width), private-use or unassigned character';
  if (/=\?/.test(name)) return 'looks like an RFC 2047 encoded word ("=?"), which mail programs would decode into other text';
  if (name.includes('@')) return 'holds an "@": a name that reads as an address can make a message look addressed to someone else';
  if ([...name].length > MAX_NAME_CHARS) return `is longer than ${MAX_NAME_CHARS} characters`;
  return undefined;
}

/** Parses one entry (`addr`, `Name <addr>`, `"Name" <addr>`): a recipient or why not. */
function parseEntry(entry: string): Recipient | string {
  if (UNSAFE_NAME.test(entry)) return 'holds a control, format (bidi, zero-width), private-use or unassigned character';
  const opens = entry.split('<').length - 1;
  const closes = entry.split('>').length - 1;
  const list = addressparser(entry);
  const first = list[0];
  if (first?.group !== undefined) return 'is a group (name: addresses;), which is not accepted: list the addresses';
  if (opens !== closes || opens > 1 || (opens === 1 && !entry.endsWith('>'))) return 'is not of the form Name <address>';
  if (opens === 0 && !isAddress(entry)) return 'is not an email address';
  if (list.length !== 1 || !first) return 'is not one address';
  if (!isAddress(first.address)) return 'is not an email address';
  const name = opens === 1 ? first.name.trim() : '';
  if (opens === 0 && first.name) return 'is not an email address';
  const bad = name ? nameProblem(name) : undefined;
  if (bad) return `has a display name that ${bad}`;
  return name ? { address: first.address, name } : { address: first.address };
}

/** Moves a location `offset` characters to the right on its line. */
function at(loc: SourceLoc, offset: number): SourceLoc {
  return { file: loc.file, line: loc.line, col: loc.col + offset };
}

/**
 * Parses address lists (each text may hold several entries separated by commas) into
 * recipients. Every problem is a `mail/address` error at the entry's column; duplicates
 * (same address, any case) are kept once, the first one's name winning.
 */
export function parseRecipients(sources: readonly (string | AddressSource)[]): ParsedRecipients {
  const recipients: Recipient[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const s of sources) {
    const src: AddressSource = typeof s === 'string' ? { text: s } : s;
    for (const { entry, offset } of splitAddressList(src.text)) {
      const r = parseEntry(entry);
      if (typeof r === 'string') {
        diagnostics.push(diag('mail/address', `the recipient ${JSON.stringify(entry)} ${r}`, {
          loc: at(src.loc ?? COMMAND_LINE, offset),
          hint: 'give addresses as name@example.gc.ca or "Desk Officer <desk@example.gc.ca>", separated by commas; nothing was sent',
        }));
        continue;
      }
      const key = r.address.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      recipients.push(r);
    }
  }
  return { recipients, diagnostics };
}

