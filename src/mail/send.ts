/**
 * Sends one briefing or pack by email, one message per recipient, safe to re-run: the send
 * log records each delivery as it happens, and a re-run skips what the log already has. The
 * log is locked for the run, so two runs on one log never both send.
 */
import { join, resolve } from 'node:path';
import { UserError, diag } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { writeFileAtomic } from '../util/index.js';
import { SMTP_ENV } from './config.js';
import { failureDiagnostic, heldDiagnostic } from './diagnostics.js';
import { lockSendLog } from './lock.js';
import type { SendLock } from './lock.js';
import { SendLog, statusOf } from './log.js';
import type { SendLogEntry } from './log.js';
import { parseRecipients } from './address.js';
import type { Recipient } from './address.js';
import { composeMessage, messageContent, safeFileName, senderAddress } from './message.js';
import type { MessageContent } from './message.js';
import { DEFAULT_RETRIES, deliver, smtpSender } from './transport.js';
import type { SendInput, SendReport, SmtpConfig } from './types.js';

/** Default largest message: 10 MB, what most mail systems accept. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };

/**
 * Sends the attachments of one briefing or pack to each recipient, or writes the messages as
 * `.eml` files for a dry run. Refuses before connecting when the input is invalid or the
 * message is over `maxBytes`. Never throws for user or delivery problems: they come back as
 * diagnostics in the report (`ok: false`); only internal errors throw.
 */
export async function sendBriefings(input: SendInput): Promise<SendReport> {
  const r: Mutable<SendReport> = {
    ok: false, contentHash: '', subject: '', bytes: 0, sent: [], skipped: [], failed: [], uncertain: [], held: [], pending: [], written: [],
    diagnostics: [],
  };
  const finish = (): SendReport => ({ ...r, ok: !r.diagnostics.some((d) => d.severity === 'error') });
  const dryRun = input.dryRunDir !== undefined;

  const parsed = parseRecipients(input.recipients);
  const problems = [...parsed.diagnostics, ...checkInput(input, dryRun)];
  const recipients = parsed.recipients;
  if (problems.length) {
    r.diagnostics.push(...problems);
    return finish();
  }
  const content = messageContent(input.attachments, input.subject);
  r.contentHash = content.hash;
  r.subject = content.subject;
  const date = messageDate(input);

  // The size check builds one copy before any connection; copies differ only in To and Message-ID.
  const probe = await composeMessage(content, { from: input.from, to: recipients[0] ?? { address: 'recipient@example.invalid' }, date });
  r.bytes = probe.raw.length;
  const sizeDiag = checkSize(r.bytes, content, input);
  if (sizeDiag) r.diagnostics.push(sizeDiag);
  if (sizeDiag?.severity === 'error') return finish();

  if (input.dryRunDir !== undefined) {
    for (const to of recipients) {
      const m = await composeMessage(content, { from: input.from, to, date });
      const file = join(input.dryRunDir, emlName(content, to.address));
      try {
        writeFileAtomic(file, m.raw);
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        r.diagnostics.push(...e.diagnostics);
        return finish();
      }
      r.written.push({ recipient: to.address, file });
      input.onProgress?.({ kind: 'written', recipient: to.address, file });
    }
    return finish();
  }

  // The lock before the log is read: what the log says stays true until the lock is let go.
  let lock: SendLock | undefined;
  if (input.lock === undefined) {
    try {
      lock = lockSendLog(input.logFile);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      r.diagnostics.push(...e.diagnostics);
      return finish();
    }
  } else if (resolve(input.lock.logFile) !== resolve(input.logFile)) {
    throw new Error(`internal: the lock held is for ${input.lock.logFile}, not the send log ${input.logFile}`);
  }
  try {
    await sendAll(input, content, recipients, date, r);
  } finally {
    lock?.release();
  }
  return finish();
}

/** The delivery loop of {@link sendBriefings}, under the log's lock. */
async function sendAll(input: SendInput, content: MessageContent, recipients: readonly Recipient[], date: Date, r: Mutable<SendReport>): Promise<void> {
  let log: SendLog;
  try {
    log = SendLog.open(input.logFile);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    r.diagnostics.push(...e.diagnostics);
    return;
  }
  const smtp = input.smtp as SmtpConfig;
  const envelopeFrom = senderAddress(input.from) as string;
  const sender = smtpSender(smtp);
  const entry = (to: string, messageId: string, status: 'sent' | 'uncertain'): SendLogEntry => ({
    recipient: to, contentHash: content.hash, messageId, subject: content.subject,
    files: content.attachments.map((a) => safeFileName(a.fileName)), sentAt: new Date().toISOString(), status,
  });
  /** Records an entry; false (with a diagnostic, the rest pending) when the log cannot be written. */
  const record = (e: SendLogEntry, i: number): boolean => {
    try {
      log.record(e);
      return true;
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      const what = e.status === 'uncertain' ? 'may have delivered' : 'delivered';
      r.diagnostics.push(diag('mail/log', `${what} to ${e.recipient} but could not record it in the send log ${input.logFile}: ${err.message}`, {
        hint: `stopped so that no delivery goes unrecorded; fix the log folder, then add ${e.recipient} to the log by hand or accept one duplicate on a re-run`,
      }));
      r.pending.push(...recipients.slice(i + 1).map((x) => x.address));
      return false;
    }
  };
  try {
    for (let i = 0; i < recipients.length; i++) {
      const person = recipients[i] as Recipient;
      const to = person.address;
      const done = log.find(content.hash, to);
      if (done && statusOf(done) === 'sent') {
        r.skipped.push({ recipient: to, sentAt: done.sentAt });
        input.onProgress?.({ kind: 'skipped', recipient: to });
        continue;
      }
      if (done && input.resendUncertain !== true) {
        r.held.push({ recipient: to, since: done.sentAt });
        input.onProgress?.({ kind: 'held', recipient: to, since: done.sentAt });
        continue;
      }
      const m = await composeMessage(content, { from: input.from, to: person, date });
      const res = await deliver(sender, { from: envelopeFrom, to, raw: m.raw }, {
        retries: input.retries ?? DEFAULT_RETRIES,
        smtp,
        onAttempt: (attempt) => input.onProgress?.({ kind: 'sending', recipient: to, attempt }),
        onRetry: (attempt, delayMs, reason) => input.onProgress?.({ kind: 'retrying', recipient: to, attempt, delayMs, reason }),
      });
      if (res.ok) {
        r.sent.push({ recipient: to, messageId: m.messageId, attempts: res.attempts });
        input.onProgress?.({ kind: 'sent', recipient: to });
        if (!record(entry(to, m.messageId, 'sent'), i)) break;
        continue;
      }
      const d = failureDiagnostic(res, to, input.from, smtp);
      r.failed.push({ recipient: to, diagnostic: d });
      r.diagnostics.push(d);
      if (res.kind === 'uncertain') {
        // Recorded before anything else: a crash now must not lead to a resend.
        r.uncertain.push(to);
        const kept = record(entry(to, m.messageId, 'uncertain'), i);
        input.onProgress?.({ kind: 'uncertain', recipient: to });
        if (!kept) break;
        continue;
      }
      if (res.kind !== 'rejected' && res.kind !== 'deferred') {
        r.pending.push(...recipients.slice(i + 1).map((x) => x.address));
        break;
      }
    }
  } finally {
    sender.close();
  }
  if (r.held.length) r.diagnostics.push(heldDiagnostic(r.held, content.subject, input.logFile));
}

function checkInput(input: SendInput, dryRun: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!input.attachments.length) out.push(diag('mail/input', 'there is nothing to attach'));
  if (!input.recipients.length) out.push(diag('mail/address', 'no recipients', { hint: 'give one or more addresses with --to' }));
  if (!senderAddress(input.from)) {
    out.push(diag('mail/config', `the sender ${JSON.stringify(input.from)} is not one email address`, {
      hint: `pass --from or set ${SMTP_ENV.from}, e.g. "Briefings <briefings@example.gc.ca>"`,
    }));
  }
  if (!dryRun && !input.smtp) {
    out.push(diag('mail/config', 'no SMTP server is configured', {
      hint: `set ${SMTP_ENV.host} (and ${SMTP_ENV.port}, ${SMTP_ENV.secure}, ${SMTP_ENV.user}, ${SMTP_ENV.pass}) or pass --smtp-config FILE; or use --dry-run`,
    }));
  }
  const max = input.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!(max > 0) || (input.warnBytes !== undefined && !(input.warnBytes > 0))) {
    out.push(diag('mail/input', 'the size limits must be positive numbers of bytes'));
  }
  return out;
}

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function checkSize(bytes: number, content: MessageContent, input: SendInput): Diagnostic | undefined {
  const max = input.maxBytes ?? DEFAULT_MAX_BYTES;
  const warn = input.warnBytes ?? Math.floor(max * 0.8);
  const pdfs = content.attachments.reduce((n, a) => n + a.pdf.length, 0);
  const what = `the message is ${mb(bytes)} as sent (PDFs ${mb(pdfs)}; base64 encoding adds about a third)`;
  if (bytes > max) {
    return diag('mail/too-large', `${what}, over the limit of ${mb(max)}; nothing was sent`, {
      hint: 'the PDF is already compressed: split the pack into several messages, or share a link to the files instead',
    });
  }
  if (bytes > warn) {
    return diag('mail/size-warning', `${what}, near the limit of ${mb(max)}: some mail servers may refuse it`, {
      severity: 'warning',
      hint: 'the PDF is already compressed: if it bounces, split the pack or share a link',
    });
  }
  return undefined;
}

/**
 * The Date header: the caller's, else SOURCE_DATE_EPOCH, else now. A dry run dates its
 * messages exactly as a real send would, so the `.eml` shows what would go out.
 */
function messageDate(input: SendInput): Date {
  if (input.date) return input.date;
  const sde = (input.env ?? process.env)['SOURCE_DATE_EPOCH'];
  if (sde !== undefined && /^\d{1,12}$/.test(sde.trim())) return new Date(Number(sde.trim()) * 1000);
  return new Date();
}

/** `<first file>[+N].<recipient>.eml`, with only safe characters. */
function emlName(content: MessageContent, to: string): string {
  const first = safeFileName(content.attachments[0]?.fileName ?? 'briefing').replace(/\.pdf$/, '');
  const more = content.attachments.length > 1 ? `+${content.attachments.length - 1}` : '';
  return `${first}${more}.${to.replace(/[^A-Za-z0-9@._-]+/g, '_')}.eml`;
}
