/**
 * Email delivery of briefings and packs: `sendBriefings` sends one message (all the PDFs of a
 * briefing or pack) to each recipient, safe to re-run thanks to its send log.
 */
export { sendBriefings, DEFAULT_MAX_BYTES } from './send.js';
export { readMailSettings, describeSmtp, isLoopback, SMTP_ENV } from './config.js';
export type { MailSettings } from './config.js';
export { briefingAttachment, keyFiguresOf } from './briefing.js';
export { Secret, redact, redactorFor, secretForms } from './secret.js';
export { SendLog, statusOf } from './log.js';
export type { DeliveryStatus, SendLogEntry, SendLogFile } from './log.js';
export { lockSendLog, lockFileOf } from './lock.js';
export type { LockOwner, SendLock } from './lock.js';
export { DEFAULT_BUDGET_MS, DEFAULT_TIMEOUT_MS, phaseLimitMs } from './smtp.js';
export type { SmtpPhase } from './smtp.js';
export { parseRecipients, recipientText, splitAddressList, MAX_NAME_CHARS } from './address.js';
export type { AddressSource, ParsedRecipients, Recipient } from './address.js';
export { composeMessage, contentHash, messageContent, safeFileName } from './message.js';
export type { ComposedMessage, MessageContent } from './message.js';
export { escapeHtml, markingOf, subjectOf } from './content.js';
export { DEFAULT_RETRIES, classify } from './transport.js';
export type { FailureKind } from './transport.js';
export type {
  KeyFigure, MailAttachment, ProgressEvent, RetryOptions, SendInput, SendReport, SmtpConfig, SmtpSecurity,
} from './types.js';
