/**
 * One try at sending one message to one recipient over SMTP (nodemailer's SMTPConnection),
 * with our own clock on every phase and on the whole message. nodemailer's socket timeout
 * only measures silence, so a server that sends a `250-` continuation line every few seconds
 * would hold a connection forever; here a phase ends when its reply is complete, and a phase
 * that outlives its limit, or a message that outlives its budget, drops the connection.
 *
 * It also knows whether the whole message went out: a failure after the last byte of the
 * message and before the server's reply is `uncertain` (the server may have accepted it).
 */
import { Readable } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { SmtpConfig } from './types.js';

/** Where an SMTP try is: what it waits for. `message`: uploading it; `reply after DATA`: the whole message is sent. */
export type SmtpPhase =
  | 'connect' | 'greeting' | 'EHLO' | 'STARTTLS' | 'AUTH' | 'MAIL FROM' | 'RCPT TO' | 'DATA' | 'message' | 'reply after DATA' | 'QUIT';

/** Default time per phase (connect, greeting, each command's reply), in ms. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Default total time for one message to one recipient, tries and waits included, in ms. */
export const DEFAULT_BUDGET_MS = 600_000;
/** Upload allowance on top of the phase time: 1 s per this many bytes (64 KB/s, a slow line). */
const UPLOAD_BYTES_PER_SECOND = 64 * 1024;

/** The SMTP client's error, as far as we read it. */
export interface SmtpError {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  command?: string;
  message?: string;
}

/** How one try ended. */
export type TryOutcome =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly error: SmtpError;
      readonly phase: SmtpPhase;
      /** Set when our clock (or the client's) ended the try. */
      readonly timeout?: { readonly limit: 'phase' | 'budget'; readonly ms: number };
      /** The whole message was sent and no reply came: the server may have accepted it. */
      readonly uncertain: boolean;
    };

/** Time a phase may take, in ms. */
export function phaseLimitMs(phase: SmtpPhase, timeoutMs: number, bytes: number): number {
  if (phase === 'message') return timeoutMs + Math.ceil(bytes / UPLOAD_BYTES_PER_SECOND) * 1000;
  // The reply after the message may wait for content scanning; and a timeout there leaves
  // the message uncertain, so it is worth waiting longer for.
  if (phase === 'reply after DATA') return 2 * timeoutMs;
  return timeoutMs;
}

/** The phase a client command starts (nodemailer's transaction log, AUTH payloads already masked by it). */
function phaseOfCommand(line: string, previous: SmtpPhase): SmtpPhase {
  const verb = /^[A-Z]+( FROM| TO)?/i.exec(line)?.[0].toUpperCase() ?? '';
  switch (verb) {
    case 'EHLO': case 'HELO': case 'LHLO': return 'EHLO';
    case 'STARTTLS': return 'STARTTLS';
    case 'AUTH': return 'AUTH';
    case 'MAIL FROM': return 'MAIL FROM';
    case 'RCPT TO': return 'RCPT TO';
    case 'DATA': return 'DATA';
    case 'QUIT': return 'QUIT';
    // SASL continuation lines (base64) belong to the AUTH exchange in progress.
    default: return previous === 'AUTH' ? 'AUTH' : previous;
  }
}

interface LogEntry {
  readonly tnx?: unknown;
}

/**
 * Sends `raw` to one recipient over a new connection, at most until `deadline` (epoch ms).
 * Never rejects: every failure is a {@link TryOutcome}.
 */
export function sendOnce(c: SmtpConfig, m: { from: string; to: string; raw: Buffer }, deadline: number): Promise<TryOutcome> {
  const timeoutMs = c.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise<TryOutcome>((resolve) => {
    let settled = false;
    let phase: SmtpPhase = 'connect';
    let last: SmtpPhase = 'connect';
    const waiting: SmtpPhase[] = [];
    let bodyStarted = false;
    let bodyEnded = false;
    let phaseTimer: NodeJS.Timeout | undefined;

    const current = (): SmtpPhase => (bodyEnded ? 'reply after DATA' : bodyStarted ? 'message' : waiting[0] ?? last);
    const settle = (r: TryOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(phaseTimer);
      clearTimeout(budgetTimer);
      // Dropping the connection is what stops a trickling server; after success QUIT went first.
      conn.close();
      resolve(r);
    };
    const fail = (error: SmtpError, given?: { limit: 'phase' | 'budget'; ms: number }): void => {
      const at = current();
      // nodemailer's own timers are set wider than ours; should one fire first, it is still this phase's limit.
      const timeout = given ?? (error.code === 'ETIMEDOUT' ? { limit: 'phase' as const, ms: phaseLimitMs(at, timeoutMs, m.raw.length) } : undefined);
      settle({ ok: false, error, phase: at, ...(timeout ? { timeout } : {}), uncertain: at === 'reply after DATA' && !error.responseCode });
    };
    const update = (): void => {
      const now = current();
      if (now === phase && phaseTimer) return;
      phase = now;
      clearTimeout(phaseTimer);
      const ms = phaseLimitMs(phase, timeoutMs, m.raw.length);
      phaseTimer = setTimeout(() => fail({ code: 'ETIMEDOUT', message: `no complete reply within ${ms} ms` }, { limit: 'phase', ms }), ms);
    };
    const budgetMs = Math.max(0, deadline - Date.now());
    const budgetTimer = setTimeout(() => fail({ code: 'ETIMEDOUT', message: 'the time budget for this message ran out' }, {
      limit: 'budget', ms: c.budgetMs ?? DEFAULT_BUDGET_MS,
    }), budgetMs);

    // The transaction log is how we see the protocol's progress: each command pushes the
    // phase it starts, each complete reply ends the oldest. Nothing of it is kept or printed.
    const track = (entry: unknown, message: unknown): void => {
      if (settled || typeof entry !== 'object' || entry === null) return;
      const tnx = (entry as LogEntry).tnx;
      if (tnx === 'client' && typeof message === 'string') {
        const p = phaseOfCommand(message, waiting.at(-1) ?? last);
        waiting.push(p);
        last = p;
      } else if (tnx === 'server') {
        const done = waiting.shift();
        if (done) last = done;
      } else if (tnx === 'network' && typeof message === 'string' && message.includes('established')) {
        waiting.push('greeting');
        last = 'greeting';
      } else return;
      update();
    };
    const quiet = (): void => { /* not logged */ };
    const logger = { trace: quiet, debug: track, info: track, warn: quiet, error: quiet, fatal: quiet };

    const conn = new SMTPConnection({
      host: c.host,
      port: c.port,
      secure: c.secure === 'tls',
      requireTLS: c.secure === 'starttls',
      ignoreTLS: c.secure === 'none',
      tls: { minVersion: 'TLSv1.2', ...(c.tls?.rejectUnauthorized === false ? { rejectUnauthorized: false } : {}) },
      // nodemailer's own limits stay as a second line; ours above are the tighter ones.
      connectionTimeout: 2 * timeoutMs,
      greetingTimeout: 2 * timeoutMs,
      socketTimeout: phaseLimitMs('message', timeoutMs, m.raw.length) + 2 * timeoutMs,
      socketCloseTimeout: 1000,
      logger,
      transactionLog: true,
      debug: false,
    });
    conn.on('error', (e: unknown) => fail(asSmtpError(e)));
    conn.on('end', () => fail({ code: 'ECONNECTION', message: 'Connection closed' }));
    update();

    const sendMessage = (): void => {
      const body = new Readable({
        read() {
          if (bodyStarted) return;
          bodyStarted = true;
          update();
          this.push(m.raw);
          this.push(null);
        },
      });
      body.once('end', () => {
        bodyEnded = true;
        update();
      });
      conn.send({ from: m.from, to: [m.to], size: m.raw.length }, body, (err) => {
        if (err) return fail(asSmtpError(err));
        conn.quit();
        settle({ ok: true });
      });
    };

    conn.connect((err) => {
      if (err) return fail(asSmtpError(err));
      if (settled) return;
      if (c.user === undefined || !conn.allowsAuth) return sendMessage();
      conn.login({ user: c.user, pass: c.pass?.reveal() ?? '', ...(c.authMethod ? { method: c.authMethod } : {}) }, (e) => {
        if (e) return fail(asSmtpError(e));
        sendMessage();
      });
    });
  });
}

function asSmtpError(e: unknown): SmtpError {
  if (typeof e !== 'object' || e === null) return { message: String(e) };
  const r = e as Record<string, unknown>;
  const str = (k: string): string | undefined => (typeof r[k] === 'string' ? r[k] : undefined);
  const rc = r['responseCode'];
  const out: SmtpError = {};
  const code = str('code');
  const originalCode = str('originalCode');
  const command = str('command');
  const message = str('message');
  if (code !== undefined) out.code = code;
  if (originalCode !== undefined) out.originalCode = originalCode;
  if (command !== undefined) out.command = command;
  if (message !== undefined) out.message = message;
  if (typeof rc === 'number' && rc > 0) out.responseCode = rc;
  return out;
}
