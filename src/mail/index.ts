/**
 * Email delivery of briefings and packs: `sendBriefings` sends one message (all the PDFs of a
 * briefing or pack) to each recipient, safe to re-run thanks to its send log.
 */
export { sendBriefings } from './send.js';
export { readMailSettings, describeSmtp, SMTP_ENV } from './config.js';
export type { MailSettings } from './config.js';
export { briefingAttachment } from './briefing.js';
export { Secret, redactorFor } from './secret.js';
export type { DeliveryStatus, SendLogEntry, SendLogFile } from './log.js';
export { lockSendLog } from './lock.js';
export type { LockOwner, SendLock } from './lock.js';
export type { SmtpPhase } from './smtp.js';
export type { AddressSource, ParsedRecipients, Recipient } from './address.js';
export type { ComposedMessage, MessageContent } from './message.js';
export type { FailureKind } from './transport.js';
export type {
  KeyFigure, MailAttachment, ProgressEvent, RetryOptions, SendInput, SendReport, SmtpConfig, SmtpSecurity,
} from './types.js';
