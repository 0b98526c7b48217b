/**
 * The exact RFC 822 bytes of a message, built with nodemailer's buffer transport.
 * Deterministic: Message-ID from a content hash, MIME boundaries from the same hash, and the
 * Date given by the caller, so the same input always gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { createTransport } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import type { Recipient } from './address.js';
import { htmlBody, markingOf, subjectOf, textBody } from './content.js';
import type { MailAttachment } from './types.js';

/** A message built for one recipient. */
export interface ComposedMessage {
  readonly raw: Buffer;
  readonly messageId: string;
}

/** What is the same in every recipient's copy. */
export interface MessageContent {
  readonly attachments: readonly MailAttachment[];
  readonly subject: string;
  readonly marking: string;
  /** sha256 (hex) of the subject and the attachments' names and bytes: the send-log key. */
  readonly hash: string;
  readonly text: string;
  readonly html: string;
}

/** Builds the subject, bodies and content hash of a message. */
export function messageContent(attachments: readonly MailAttachment[], subject?: string): MessageContent {
  const marking = markingOf(attachments);
  const subj = subjectOf(attachments, subject);
  return {
    attachments,
    subject: subj,
    marking,
    hash: contentHash(subj, attachments),
    text: textBody(attachments, marking),
    html: htmlBody(attachments, marking, subj),
  };
}

/** sha256 over the subject and each attachment's file name and bytes, length-prefixed. */
export function contentHash(subject: string, attachments: readonly MailAttachment[]): string {
  const h = createHash('sha256');
  const field = (b: Buffer): void => {
    h.update(`${b.length}:`);
    h.update(b);
  };
  field(Buffer.from('briefkit-mail-1'));
  field(Buffer.from(subject));
  for (const a of attachments) {
    field(Buffer.from(a.fileName));
    field(a.pdf);
  }
  return h.digest('hex');
}

/** A file name safe in a MIME header and on any file system: `canada-korea-1995.pdf`. */
export function safeFileName(name: string): string {
  const base = name.replace(/\.pdf$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+|-+$/g, '');
  return `${base || 'briefing'}.pdf`;
}

// No controls, format characters (bidi overrides, zero-width), unassigned or private-use code
// points and no separators of any kind: they reach RCPT TO as they are (NUL, ESC) or make one
// address look like another (`a\u200b@x.org` is not `a@x.org`, and its log entry would differ).
const ADDRESS = /^[^\s\p{C}\p{Z}@<>()[\]\\,;:"]+@[^\s\p{C}\p{Z}@<>()[\]\\,;:"]+\.[^\s\p{C}\p{Z}@<>()[\]\\,;:".]+$/u;
/** Characters a sender line may not hold anywhere (its display name included): see ADDRESS. */
const UNSAFE_IN_SENDER = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u;

/** True for a bare address `local@domain.tld` (no display name, no comments). */
export function isAddress(s: string): boolean {
  return ADDRESS.test(s) && s.length <= 254;
}

/** The bare address of a `Name <addr>` sender, or undefined when there is none, or several. */
export function senderAddress(from: string): string | undefined {
  if (UNSAFE_IN_SENDER.test(from)) return undefined;
  const list = addressparser(from, { flatten: true });
  const first = list[0];
  if (list.length !== 1 || !first || !('address' in first) || !first.address) return undefined;
  return isAddress(first.address) ? first.address : undefined;
}

/** `<hex@domain>`: fixed for one content and one recipient, so a resend carries the same id. */
export function messageIdFor(hash: string, recipient: string, from: string): string {
  const domain = senderAddress(from)?.split('@').pop() ?? 'briefkit.invalid';
  const id = createHash('sha256').update(`${hash}\n${recipient}`).digest('hex').slice(0, 40);
  return `<${id}.briefkit@${domain}>`;
}

/**
 * Builds the exact bytes of one recipient's copy (CRLF line ends, as sent over SMTP). `to` is a
 * bare address or a parsed {@link Recipient}: nodemailer writes its name quoted or encoded
 * (RFC 2047), never as raw header text.
 */
export async function composeMessage(content: MessageContent, o: { from: string; to: string | Recipient; date: Date }): Promise<ComposedMessage> {
  const to = typeof o.to === 'string' ? { address: o.to } : o.to;
  const messageId = messageIdFor(content.hash, to.address, o.from);
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await transport.sendMail({
    from: o.from,
    to: to.name ? { name: to.name, address: to.address } : to.address,
    subject: content.subject,
    text: content.text,
    html: content.html,
    attachments: content.attachments.map((a) => ({
      filename: safeFileName(a.fileName),
      content: a.pdf,
      contentType: 'application/pdf',
      contentDisposition: 'attachment' as const,
    })),
    messageId,
    date: o.date,
    baseBoundary: content.hash.slice(0, 24),
    boundaryPrefix: '--_briefkit',
    textEncoding: 'quoted-printable',
    // The data is untrusted: never let it name a file or URL for nodemailer to read.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  transport.close();
  const raw = info.message;
  if (!Buffer.isBuffer(raw)) throw new Error('internal: the buffer transport gave no buffer');
  return { raw, messageId };
}
