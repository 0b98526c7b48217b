/**
 * Delivery of one built message to one recipient over SMTP, with retries for transient
 * failures and a classification of the rest.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { createTransport } from 'nodemailer';
import { redact } from './secret.js';
import type { RetryOptions, SmtpConfig } from './types.js';

/** Default retry policy: 4 tries, 1 s, 2 s, 4 s apart. */
export const DEFAULT_RETRIES: RetryOptions = { attempts: 4, baseDelayMs: 1000 };
const MAX_DELAY_MS = 30_000;

/**
 * Why a delivery failed.
 * - `auth`: credentials refused; stops the run.
 * - `tls`: certificate or TLS negotiation refused; stops the run.
 * - `sender`: the server refuses the sender address; stops the run (every message would fail).
 * - `rejected`: the server permanently refuses this recipient or message (5xx).
 * - `deferred`: 4xx replies to the end of the retries; the recipient waits for a re-run.
 * - `connection`: could not reach the server or it dropped the connection to the end of the retries; stops the run.
 */
export type FailureKind = 'auth' | 'tls' | 'sender' | 'rejected' | 'deferred' | 'connection';

/** A failed delivery, its text already free of the password. */
export interface DeliveryFailure {
  readonly kind: FailureKind;
  readonly text: string;
  readonly responseCode?: number;
  readonly attempts: number;
}

/** The SMTP client seen by {@link deliver}: nodemailer's transport, or a stand-in. */
export interface MailSender {
  sendMail(m: { envelope: { from: string; to: string[] }; raw: Buffer }): Promise<unknown>;
  close(): void;
}

/** An SMTP client for the settings: no pooling, one connection per message. */
export function smtpSender(c: SmtpConfig): MailSender {
  const timeout = c.timeoutMs ?? 30_000;
  return createTransport({
    host: c.host,
    port: c.port,
    secure: c.secure === 'tls',
    requireTLS: c.secure === 'starttls',
    ignoreTLS: c.secure === 'none',
    ...(c.user !== undefined ? { auth: { user: c.user, pass: c.pass?.reveal() ?? '' } } : {}),
    ...(c.authMethod ? { authMethod: c.authMethod } : {}),
    tls: { minVersion: 'TLSv1.2', ...(c.tls?.rejectUnauthorized === false ? { rejectUnauthorized: false } : {}) },
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    logger: false,
    debug: false,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
}

interface SmtpError {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  command?: string;
  message?: string;
}

const CONNECTION_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** Sorts an SMTP client error into a {@link FailureKind}, or `retry` for a transient one. */
export function classify(e: SmtpError): FailureKind | 'retry' {
  const code = e.code ?? '';
  const orig = e.originalCode ?? '';
  const rc = e.responseCode;
  if (code === 'EAUTH' || code === 'ENOAUTH') return 'auth';
  if (/CERT|SELF_SIGNED|UNABLE_TO_|ERR_TLS|ERR_SSL|HOSTNAME|ALTNAME/.test(orig) || (!rc && /certificate/i.test(e.message ?? ''))) return 'tls';
  if (code === 'ETLS' && !rc) return 'tls';
  if (rc !== undefined && rc >= 500 && rc !== 503) return /^MAIL/i.test(e.command ?? '') ? 'sender' : 'rejected';
  if (rc !== undefined && rc >= 400) return 'retry';
  if (CONNECTION_CODES.has(code) || CONNECTION_CODES.has(orig)) return 'retry';
  return 'rejected';
}

/** True for failures that come from the connection rather than a reply about this message. */
function isConnectionLevel(e: SmtpError): boolean {
  return e.responseCode === undefined || e.responseCode === 421;
}

/**
 * Sends `raw` to one recipient, retrying transient failures with exponential back-off.
 * Never throws for SMTP errors: returns the failure, its text redacted.
 */
export async function deliver(
  sender: MailSender,
  m: { from: string; to: string; raw: Buffer },
  o: { retries: RetryOptions; smtp?: SmtpConfig; onRetry?: (attempt: number, delayMs: number, reason: string) => void; onAttempt?: (attempt: number) => void },
): Promise<{ ok: true; attempts: number } | ({ ok: false } & DeliveryFailure)> {
  const attempts = Math.max(1, Math.floor(o.retries.attempts));
  let last: DeliveryFailure = { kind: 'connection', text: 'not tried', attempts: 0 };
  for (let attempt = 1; attempt <= attempts; attempt++) {
    o.onAttempt?.(attempt);
    try {
      await sender.sendMail({ envelope: { from: m.from, to: [m.to] }, raw: m.raw });
      return { ok: true, attempts: attempt };
    } catch (err) {
      const e = (typeof err === 'object' && err !== null ? err : { message: String(err) }) as SmtpError;
      const text = redact(describeError(e), o.smtp?.user, o.smtp?.pass);
      const kind = classify(e);
      if (kind !== 'retry') return { ok: false, kind, text, attempts: attempt, ...(e.responseCode ? { responseCode: e.responseCode } : {}) };
      last = { kind: isConnectionLevel(e) ? 'connection' : 'deferred', text, attempts: attempt, ...(e.responseCode ? { responseCode: e.responseCode } : {}) };
      if (attempt < attempts) {
        const delay = Math.min(MAX_DELAY_MS, o.retries.baseDelayMs * 2 ** (attempt - 1));
        o.onRetry?.(attempt + 1, delay, text);
        await sleep(delay);
      }
    }
  }
  return { ok: false, ...last };
}

function describeError(e: SmtpError): string {
  const msg = (e.message ?? 'unknown error').replace(/\s+/g, ' ').trim();
  const codes = [e.code, e.originalCode].filter((c, i, a) => c && a.indexOf(c) === i).join('/');
  return codes ? `${msg} [${codes}]` : msg;
}
