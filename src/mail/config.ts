import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import { diag } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { Secret } from './secret.js';
import type { SmtpConfig, SmtpSecurity } from './types.js';

/** The environment variables read for SMTP settings. */
export const SMTP_ENV = {
  host: 'BRIEFKIT_SMTP_HOST',
  port: 'BRIEFKIT_SMTP_PORT',
  secure: 'BRIEFKIT_SMTP_SECURE',
  user: 'BRIEFKIT_SMTP_USER',
  pass: 'BRIEFKIT_SMTP_PASS',
  from: 'BRIEFKIT_MAIL_FROM',
  timeoutMs: 'BRIEFKIT_SMTP_TIMEOUT_MS',
  budgetMs: 'BRIEFKIT_SMTP_BUDGET_MS',
} as const;

const FILE_KEYS = ['host', 'port', 'secure', 'user', 'pass', 'from', 'authMethod', 'timeoutMs', 'budgetMs'] as const;
/** A config file is a few lines: anything bigger is the wrong file (and is not read whole). */
const MAX_CONFIG_BYTES = 64 * 1024;
const SECURITY: readonly SmtpSecurity[] = ['tls', 'starttls', 'none'];
const DEFAULT_PORT: Readonly<Record<SmtpSecurity, number>> = { tls: 465, starttls: 587, none: 25 };

/** Settings read from the environment and an optional config file. */
export interface MailSettings {
  /** Undefined when no host is set anywhere (fine for a dry run). */
  readonly smtp?: SmtpConfig;
  readonly from?: string;
  /** Errors (bad values, unreadable file) and warnings (file readable by others). */
  readonly diagnostics: readonly Diagnostic[];
}

const HINT = `set ${SMTP_ENV.host}, ${SMTP_ENV.port}, ${SMTP_ENV.secure} (tls|starttls|none), ${SMTP_ENV.user}, ` +
  `${SMTP_ENV.pass} and ${SMTP_ENV.from}, or pass --smtp-config FILE (JSON or YAML with host, port, secure, user, pass, from)`;

/** True for names and addresses that never leave the machine. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Reads SMTP settings: the environment variables of {@link SMTP_ENV}, overridden field by
 * field by the config file when one is given. The password is never taken from the command
 * line and is held as a {@link Secret}.
 */
export function readMailSettings(o: { file?: string; env?: Readonly<Record<string, string | undefined>> } = {}): MailSettings {
  const env = o.env ?? process.env;
  const diagnostics: Diagnostic[] = [];
  const raw: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(SMTP_ENV)) {
    const v = env[name];
    if (v !== undefined && v !== '') raw[key] = v;
  }
  if (o.file !== undefined) {
    const fromFile = readConfigFile(o.file, diagnostics);
    if (!fromFile) return { diagnostics };
    Object.assign(raw, fromFile);
  }
  const where = o.file !== undefined ? `${o.file} or the environment` : 'the environment';
  const bad = (field: string, msg: string): void => {
    diagnostics.push(diag('mail/config', `SMTP setting ${field} from ${where}: ${msg}`, { hint: HINT }));
  };
  const str = (k: string): string | undefined => {
    const v = raw[k];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string' || typeof v === 'number') return String(v).trim();
    bad(k, 'expected a string');
    return undefined;
  };
  const from = str('from');
  const host = str('host');
  const user = str('user');
  const rawPass = raw['pass'];
  const passText = typeof rawPass === 'string' ? rawPass : typeof rawPass === 'number' ? String(rawPass) : undefined;
  if (rawPass !== undefined && rawPass !== null && passText === undefined) bad('pass', 'expected a string');
  const pass = passText ? new Secret(passText) : undefined;
  const secureText = str('secure');
  let secure: SmtpSecurity | undefined;
  if (secureText !== undefined) {
    secure = SECURITY.find((s) => s === secureText.toLowerCase());
    if (!secure) bad('secure', `"${secureText}" is not one of ${SECURITY.join(', ')}`);
  }
  let port: number | undefined;
  const portText = str('port');
  if (portText !== undefined) {
    port = Number(portText);
    if (!Number.isInteger(port) || port < 1 || port > 65535) bad('port', `"${portText}" is not a port number (1 to 65535)`);
  }
  const millis = (k: 'timeoutMs' | 'budgetMs'): number | undefined => {
    const text = str(k);
    const n = text === undefined ? undefined : Number(text);
    if (n !== undefined && !(n > 0 && n <= 24 * 3600 * 1000)) bad(k, `"${text ?? ''}" is not a positive number of milliseconds (at most one day)`);
    return n;
  };
  const timeoutMs = millis('timeoutMs');
  const budgetMs = millis('budgetMs');
  const authText = str('authMethod');
  const authMethod = authText === undefined ? undefined : authText.toUpperCase() === 'PLAIN' ? 'PLAIN' : authText.toUpperCase() === 'LOGIN' ? 'LOGIN' : undefined;
  if (authText !== undefined && !authMethod) bad('authMethod', `"${authText}" is not PLAIN or LOGIN`);
  if (host !== undefined && (!host || /\s/.test(host))) bad('host', `"${host}" is not a host name`);
  if (pass && !user) bad('user', 'a password is set but no user name');

  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  if (!host) return { ...(from ? { from } : {}), diagnostics };
  const sec: SmtpSecurity = secure ?? (port === 465 ? 'tls' : port === 25 ? 'none' : 'starttls');
  if (sec === 'none' && pass && !isLoopback(host)) {
    diagnostics.push(diag('mail/config', `refusing to send the SMTP password to ${host} without encryption (secure: none)`, {
      hint: 'use secure: starttls (port 587) or tls (port 465); plain connections are only allowed to this machine',
    }));
    return { diagnostics };
  }
  const smtp: SmtpConfig = {
    host,
    port: port ?? DEFAULT_PORT[sec],
    secure: sec,
    ...(user ? { user } : {}),
    ...(pass ? { pass } : {}),
    ...(authMethod ? { authMethod } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(budgetMs !== undefined ? { budgetMs } : {}),
  };
  return { smtp, ...(from ? { from } : {}), diagnostics };
}

/** `smtp://user@host:587 (starttls)`: the settings for messages, without the password. */
export function describeSmtp(c: SmtpConfig): string {
  return `smtp://${c.user ? `${encodeURIComponent(c.user)}@` : ''}${c.host}:${c.port} (${c.secure}${c.pass ? ', password set' : ''})`;
}

/** Why a config file could not be read, or its text. Never blocks (FIFO) and never reads more than the limit. */
function readBounded(file: string): { text: string; mode: number } | { why: string } {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat on the open file then
    // decides, so the file checked is the file read.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { why: (e as { code?: string }).code ?? 'unreadable' };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { why: st.isDirectory() ? 'it is a directory' : 'it is not a regular file' };
    if (st.size > MAX_CONFIG_BYTES) return { why: `it is ${st.size} bytes; a config file is at most ${MAX_CONFIG_BYTES}` };
    const buf = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let n = 0;
    for (let k = 0; n < buf.length; k++) {
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0 || k > 1000) break;
      n += got;
    }
    if (n > MAX_CONFIG_BYTES) return { why: `it holds more than ${MAX_CONFIG_BYTES} bytes` };
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, n));
    } catch {
      return { why: 'it is not UTF-8 text' };
    }
    return { text: text.replace(/^\uFEFF/, ''), mode: st.mode };
  } catch (e) {
    return { why: (e as { code?: string }).code ?? 'unreadable' };
  } finally {
    closeSync(fd);
  }
}

/** What a YAML problem is, in our words: the parser's own message quotes the line, which may hold the password. */
function yamlProblem(code: string): string {
  switch (code) {
    case 'TAG_RESOLVE_FAILED': return 'a tag (!name) briefkit does not read';
    case 'BAD_DIRECTIVE': return 'a directive (%NAME) briefkit does not read';
    case 'DUPLICATE_KEY': return 'a setting given twice';
    case 'BAD_DQ_ESCAPE': return 'an invalid escape in a double-quoted value';
    case 'MISSING_CHAR': return 'a missing closing bracket, brace or quote';
    case 'BAD_INDENT': return 'an indentation that does not line up';
    default: return `YAML that does not parse (${code.toLowerCase().replace(/_/g, ' ')})`;
  }
}

function readConfigFile(file: string, diagnostics: Diagnostic[]): Record<string, unknown> | undefined {
  const read = readBounded(file);
  if ('why' in read) {
    diagnostics.push(diag('mail/config', `cannot read the SMTP config file ${file} (${read.why})`, { loc: { file, line: 1, col: 1 }, hint: HINT }));
    return undefined;
  }
  // parseDocument, not parse: parse() hands warnings to process.emitWarning, which prints the
  // offending line (perhaps the password) on stderr. Here every error and warning becomes a
  // diagnostic that names its line and column, never its text; a warning is an error too,
  // since a value read in a way the user did not mean could be the password.
  // Failsafe schema: every value is the string as written, so `pass: 0123` keeps its zero.
  const lines = new LineCounter();
  const doc = parseDocument(read.text, {
    schema: 'failsafe', resolveKnownTags: false, prettyErrors: true, logLevel: 'silent', lineCounter: lines,
  });
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length) {
    for (const p of problems.slice(0, 5)) {
      const at = p.linePos?.[0];
      diagnostics.push(diag('mail/config', `the SMTP config file ${file} is not valid JSON or YAML: ${yamlProblem(p.code)}`, {
        loc: { file, line: at?.line ?? 1, col: at?.col ?? 1 },
        hint: `write plain "name: value" lines, quoting values that hold : # ' or "; ${HINT}`,
      }));
    }
    return undefined;
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 10 });
  } catch {
    diagnostics.push(diag('mail/config', `the SMTP config file ${file} is not valid JSON or YAML: an alias (*name) it cannot resolve`, {
      loc: { file, line: 1, col: 1 }, hint: HINT,
    }));
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    diagnostics.push(diag('mail/config', `the SMTP config file ${file} must hold a mapping of settings`, { loc: { file, line: 1, col: 1 }, hint: HINT }));
    return undefined;
  }
  const rec = data as Record<string, unknown>;
  const unknown = Object.keys(rec).filter((k) => !(FILE_KEYS as readonly string[]).includes(k));
  if (unknown.length) {
    // Key names only, never values; a key that does not look like a setting name could be a
    // pasted password, so it is shown by its place alone.
    const keyAt = (k: string): { line: number; col: number } => {
      const item = isMap(doc.contents) ? doc.contents.items.find((i) => isScalar(i.key) && String(i.key.value) === k) : undefined;
      const offset = isScalar(item?.key) ? item.key.range?.[0] : undefined;
      return offset === undefined ? { line: 1, col: 1 } : lines.linePos(offset);
    };
    const first = keyAt(unknown[0] ?? '');
    const names = unknown.map((k) => (/^[A-Za-z_][A-Za-z0-9_-]{0,19}$/.test(k) ? k : `(a key at line ${keyAt(k).line})`));
    diagnostics.push(diag('mail/config', `unknown setting${unknown.length > 1 ? 's' : ''} in ${file}: ${names.join(', ')}`, {
      loc: { file, line: first.line, col: first.col },
      hint: `the settings are ${FILE_KEYS.join(', ')}`,
    }));
    return undefined;
  }
  if (rec['pass'] !== undefined && process.platform !== 'win32' && (read.mode & 0o077) !== 0) {
    diagnostics.push(diag('mail/config-permissions', `${file} holds a password and other users can read it`, {
      severity: 'warning',
      loc: { file, line: 1, col: 1 },
      hint: `chmod 600 ${file}`,
    }));
  }
  return rec;
}
