/**
 * The send log: one entry per delivered message and recipient, so a re-run sends only what
 * is missing. Written atomically after each delivery; a crash leaves the previous log whole.
 */
import { readFileSync } from 'node:fs';
import { UserError, diag } from '../diag/errors.js';
import { writeFileAtomic } from '../util/fs.js';

/** One delivery: this content went to this recipient at this time. */
export interface SendLogEntry {
  readonly recipient: string;
  /** sha256 of the subject and attachments (see `contentHash`). */
  readonly contentHash: string;
  readonly messageId: string;
  readonly subject: string;
  readonly files: readonly string[];
  /** ISO time the server accepted the message. */
  readonly sentAt: string;
}

/** The log file's content. */
export interface SendLogFile {
  readonly version: 1;
  readonly deliveries: readonly SendLogEntry[];
}

/** Recipients are compared without case (the domain is case-blind, and local parts are in practice). */
export function recipientKey(address: string): string {
  return address.trim().toLowerCase();
}

/** The send log of one file: look-ups by content and recipient, and appends that persist at once. */
export class SendLog {
  readonly file: string;
  #entries: SendLogEntry[];

  private constructor(file: string, entries: SendLogEntry[]) {
    this.file = file;
    this.#entries = entries;
  }

  /** Reads the log; a missing file is an empty log. Throws a UserError (`mail/log`) for an unreadable one. */
  static open(file: string): SendLog {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT') return new SendLog(file, []);
      throw logError(file, `cannot read it (${(e as { code?: string }).code ?? String(e)})`);
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw logError(file, 'it is not valid JSON');
    }
    const d = data as Partial<SendLogFile> | null;
    if (!d || d.version !== 1 || !Array.isArray(d.deliveries) || !d.deliveries.every(isEntry)) {
      throw logError(file, 'it is not a briefkit send log (version 1)');
    }
    return new SendLog(file, [...d.deliveries]);
  }

  /** The delivery of this content to this recipient, if the log has one. */
  find(contentHash: string, recipient: string): SendLogEntry | undefined {
    const key = recipientKey(recipient);
    return this.#entries.find((e) => e.contentHash === contentHash && recipientKey(e.recipient) === key);
  }

  /** Records a delivery and rewrites the file atomically before returning. */
  record(entry: SendLogEntry): void {
    this.#entries.push(entry);
    const content: SendLogFile = { version: 1, deliveries: this.#entries };
    writeFileAtomic(this.file, `${JSON.stringify(content, null, 2)}\n`);
  }

  get entries(): readonly SendLogEntry[] {
    return this.#entries;
  }
}

function isEntry(v: unknown): v is SendLogEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return typeof e['recipient'] === 'string' && typeof e['contentHash'] === 'string' && typeof e['sentAt'] === 'string';
}

function logError(file: string, why: string): UserError {
  return new UserError([diag('mail/log', `cannot use the send log ${file}: ${why}`, {
    hint: 'nothing was sent. The log is what prevents duplicate messages: restore it, or move it aside ' +
      'only if you accept that recipients already served may get the message again',
  })]);
}
