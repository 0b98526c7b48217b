import { readFileSync, statSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { diag } from '../diag/errors.js';
import type { Diagnostic } from '../diag/types.js';
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
} as const;

const FILE_KEYS = ['host', 'port', 'secure', 'user', 'pass', 'from', 'authMethod', 'timeoutMs'] as const;
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
  const timeoutText = str('timeoutMs');
  const timeoutMs = timeoutText === undefined ? undefined : Number(timeoutText);
  if (timeoutMs !== undefined && !(timeoutMs > 0)) bad('timeoutMs', 'expected a positive number of milliseconds');
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
  };
  return { smtp, ...(from ? { from } : {}), diagnostics };
}

/** `smtp://user@host:587 (starttls)`: the settings for messages, without the password. */
export function describeSmtp(c: SmtpConfig): string {
  return `smtp://${c.user ? `${encodeURIComponent(c.user)}@` : ''}${c.host}:${c.port} (${c.secure}${c.pass ? ', password set' : ''})`;
}

function readConfigFile(file: string, diagnostics: Diagnostic[]): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code ?? String(e);
    diagnostics.push(diag('mail/config', `cannot read the SMTP config file ${file} (${code})`, { hint: HINT }));
    return undefined;
  }
  let data: unknown;
  try {
    // Failsafe schema: every value is the string as written, so `pass: 0123` keeps its zero.
    data = parseYaml(text, { schema: 'failsafe' });
  } catch (e) {
    // The parser's message quotes the offending line, which may hold the password: leave it out.
    const line = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    diagnostics.push(diag('mail/config', `the SMTP config file ${file} is not valid JSON or YAML${line ? ` (line ${line})` : ''}`, { hint: HINT }));
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    diagnostics.push(diag('mail/config', `the SMTP config file ${file} must hold a mapping of settings`, { hint: HINT }));
    return undefined;
  }
  const rec = data as Record<string, unknown>;
  const unknown = Object.keys(rec).filter((k) => !(FILE_KEYS as readonly string[]).includes(k));
  if (unknown.length) {
    diagnostics.push(diag('mail/config', `unknown setting${unknown.length > 1 ? 's' : ''} in ${file}: ${unknown.join(', ')}`, {
      hint: `the settings are ${FILE_KEYS.join(', ')}`,
    }));
    return undefined;
  }
  if (rec['pass'] !== undefined && process.platform !== 'win32') {
    try {
      if ((statSync(file).mode & 0o077) !== 0) {
        diagnostics.push(diag('mail/config-permissions', `${file} holds a password and other users can read it`, {
          severity: 'warning',
          hint: `chmod 600 ${file}`,
        }));
      }
    } catch { /* read just now: a stat failure is not worth a message */ }
  }
  return rec;
}
