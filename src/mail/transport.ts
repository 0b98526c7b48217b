/**
 * Delivery of one built message to one recipient over SMTP, with retries for transient
 * failures and a classification of the rest.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { redactorFor } from './secret.js';
import { DEFAULT_BUDGET_MS, sendOnce } from './smtp.js';
import type { SmtpError, SmtpPhase, TryOutcome } from './smtp.js';
import type { RetryOptions, SmtpConfig } from './types.js';

/** Default retry policy: 4 tries, 1 s, 2 s, 4 s apart. */
export const DEFAULT_RETRIES: RetryOptions = { attempts: 4, baseDelayMs: 1000 };
const MAX_DELAY_MS = 30_000;
/** Longest server text kept in a message (a reply can be a megabyte of continuation lines). */
const MAX_TEXT = 400;

/**
 * Why a delivery failed.
 * - `auth`: credentials refused; stops the run.
 * - `tls`: certificate or TLS negotiation refused; stops the run.
 * - `sender`: the server refuses the sender address; stops the run (every message would fail).
 * - `rejected`: the server permanently refuses this recipient or message (5xx).
 * - `deferred`: 4xx replies to the end of the retries; the recipient waits for a re-run.
 * - `connection`: could not reach the server or it dropped the connection to the end of the retries; stops the run.
 * - `timeout`: a phase or the message's budget ran out before the message was sent; stops the run.
 * - `uncertain`: the whole message was sent and no reply came; never retried.
 */
export type FailureKind = 'auth' | 'tls' | 'sender' | 'rejected' | 'deferred' | 'connection' | 'timeout' | 'uncertain';

/** A failed delivery, its text already free of the password. */
export interface DeliveryFailure {
  readonly kind: FailureKind;
  readonly text: string;
  readonly responseCode?: number;
  readonly attempts: number;
  /** What the last try was waiting for when it failed. */
  readonly phase?: SmtpPhase;
  /** For `timeout` (and a timed-out `uncertain`): which limit ran out and how long it was, in ms. */
  readonly limit?: { readonly kind: 'phase' | 'budget'; readonly ms: number };
}

/** The SMTP client seen by {@link deliver}: one try per call, or a stand-in in tests. */
export interface MailSender {
  send(m: { from: string; to: string; raw: Buffer }, deadline: number): Promise<TryOutcome>;
  close(): void;
}

/** An SMTP client for the settings: a new connection per try, each with its phase clock. */
export function smtpSender(c: SmtpConfig): MailSender {
  return { send: (m, deadline) => sendOnce(c, m, deadline), close: () => undefined };
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
 * Sends `raw` to one recipient, retrying transient failures with exponential back-off, all
 * within the message's time budget. Never throws for SMTP errors: returns the failure, its
 * text redacted. An uncertain try (message sent, no reply) is never retried.
 */
export async function deliver(
  sender: MailSender,
  m: { from: string; to: string; raw: Buffer },
  o: { retries: RetryOptions; smtp?: SmtpConfig; onRetry?: (attempt: number, delayMs: number, reason: string) => void; onAttempt?: (attempt: number) => void },
): Promise<{ ok: true; attempts: number } | ({ ok: false } & DeliveryFailure)> {
  const attempts = Math.max(1, Math.floor(o.retries.attempts));
  const budgetMs = o.smtp?.budgetMs ?? DEFAULT_BUDGET_MS;
  const deadline = Date.now() + budgetMs;
  const clean = redactorFor(o.smtp?.user, o.smtp?.pass);
  let last: DeliveryFailure = { kind: 'connection', text: 'not tried', attempts: 0 };
  for (let attempt = 1; attempt <= attempts; attempt++) {
    o.onAttempt?.(attempt);
    const r = await sender.send(m, deadline);
    if (r.ok) return { ok: true, attempts: attempt };
    const e = r.error;
    const text = describeError(e, clean);
    const extra = {
      attempts: attempt, phase: r.phase,
      ...(e.responseCode ? { responseCode: e.responseCode } : {}),
      ...(r.timeout ? { limit: { kind: r.timeout.limit, ms: r.timeout.ms } } : {}),
    };
    if (r.uncertain) return { ok: false, kind: 'uncertain', text, ...extra };
    const timedOut = r.timeout !== undefined || e.code === 'ETIMEDOUT';
    const kind = timedOut ? 'retry' : classify(e);
    if (kind !== 'retry') return { ok: false, kind, text, ...extra };
    last = { kind: timedOut ? 'timeout' : isConnectionLevel(e) ? 'connection' : 'deferred', text, ...extra };
    if (r.timeout?.limit === 'budget') break;
    if (attempt < attempts) {
      const delay = Math.min(MAX_DELAY_MS, o.retries.baseDelayMs * 2 ** (attempt - 1));
      // No time left for another try: give up now rather than start one the budget cuts short.
      if (Date.now() + delay >= deadline) break;
      o.onRetry?.(attempt + 1, delay, text);
      await sleep(delay);
    }
  }
  return { ok: false, ...last };
}

/**
 * The error as one line: the password removed from the text as received (before spaces are
 * collapsed, which would hide a password holding two spaces in a row), then again after.
 */
function describeError(e: SmtpError, clean: (s: string) => string): string {
  const raw = clean(e.message ?? 'unknown error');
  let msg = clean(raw.replace(/\s+/g, ' ').trim());
  if (msg.length > MAX_TEXT) msg = `${msg.slice(0, MAX_TEXT)}…`;
  const codes = [e.code, e.originalCode].filter((c, i, a) => c && a.indexOf(c) === i).join('/');
  return codes ? `${msg} [${codes}]` : msg;
}
