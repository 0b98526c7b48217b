/**
 * The send log: one entry per message and recipient that reached the server, so a re-run
 * sends only what is missing. Written atomically after each delivery; a crash leaves the
 * previous log whole. An entry is `sent` (the server accepted it) or `uncertain` (the whole
 * message went out, then the connection was lost before the server's reply).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { UserError, diag } from '../diag/index.js';
import { writeFileAtomic } from '../util/index.js';

/** `sent`: accepted by the server. `uncertain`: sent, but no reply came; it may have been delivered. */
export type DeliveryStatus = 'sent' | 'uncertain';

/** One delivery: this content went to this recipient at this time. */
export interface SendLogEntry {
  readonly recipient: string;
  /** sha256 of the subject and attachments (see `contentHash`). */
  readonly contentHash: string;
  readonly messageId: string;
  readonly subject: string;
  readonly files: readonly string[];
  /** ISO time the server accepted the message (`sent`) or the message was sent (`uncertain`). */
  readonly sentAt: string;
  /** Absent in logs written before version 2: those entries are all `sent`. */
  readonly status?: DeliveryStatus;
}

/** The log file's content. Version 1 logs (no `status`) are read; version 2 is written. */
export interface SendLogFile {
  readonly version: 1 | 2;
  readonly deliveries: readonly SendLogEntry[];
}

/** Largest send log read: some 200,000 deliveries. Bigger is not a log we wrote. */
const MAX_LOG_BYTES = 64 * 1024 * 1024;

/** Recipients are compared without case (the domain is case-blind, and local parts are in practice). */
export function recipientKey(address: string): string {
  return address.trim().toLowerCase();
}

/** The status of an entry (entries of version 1 logs are all `sent`). */
export function statusOf(e: SendLogEntry): DeliveryStatus {
  return e.status ?? 'sent';
}

/** The send log of one file: look-ups by content and recipient, and records that persist at once. */
export class SendLog {
  readonly file: string;
  #entries: SendLogEntry[];

  private constructor(file: string, entries: SendLogEntry[]) {
    this.file = file;
    this.#entries = entries;
  }

  /** Reads the log; a missing file is an empty log. Throws a UserError (`mail/log`) for an unreadable one. */
  static open(file: string): SendLog {
    const read = readLog(file);
    if (read === undefined) return new SendLog(file, []);
    let data: unknown;
    try {
      data = JSON.parse(read);
    } catch {
      throw logError(file, 'it is not valid JSON');
    }
    const d = data as Partial<SendLogFile> | null;
    if (!d || (d.version !== 1 && d.version !== 2) || !Array.isArray(d.deliveries) || !d.deliveries.every(isEntry)) {
      throw logError(file, 'it is not a briefkit send log (version 1 or 2)');
    }
    return new SendLog(file, [...d.deliveries]);
  }

  /** The entry of this content for this recipient (sent or uncertain), if the log has one. */
  find(contentHash: string, recipient: string): SendLogEntry | undefined {
    const key = recipientKey(recipient);
    return this.#entries.findLast((e) => e.contentHash === contentHash && recipientKey(e.recipient) === key);
  }

  /**
   * Records a delivery (replacing an earlier entry for the same content and recipient, such as
   * an `uncertain` one that was sent again) and rewrites the file atomically before returning.
   */
  record(entry: SendLogEntry): void {
    const key = recipientKey(entry.recipient);
    const next = this.#entries.filter((e) => !(e.contentHash === entry.contentHash && recipientKey(e.recipient) === key));
    next.push(entry);
    const content: SendLogFile = { version: 2, deliveries: next };
    writeFileAtomic(this.file, `${JSON.stringify(content, null, 2)}\n`);
    this.#entries = next;
  }

  get entries(): readonly SendLogEntry[] {
    return this.#entries;
  }
}

/** The log's text, or undefined when there is no log yet. Regular files only, bounded in size. */
function readLog(file: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') return undefined;
    throw logError(file, `cannot read it (${code ?? String(e)})`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw logError(file, 'it is not a regular file');
    if (st.size > MAX_LOG_BYTES) throw logError(file, `it is ${st.size} bytes, more than a send log holds`);
    const buf = Buffer.alloc(st.size);
    let n = 0;
    while (n < buf.length) {
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
    }
    return buf.subarray(0, n).toString('utf8');
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw logError(file, `cannot read it (${(e as { code?: string }).code ?? String(e)})`);
  } finally {
    closeSync(fd);
  }
}

function isEntry(v: unknown): v is SendLogEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  const status = e['status'];
  return typeof e['recipient'] === 'string' && typeof e['contentHash'] === 'string' && typeof e['sentAt'] === 'string' &&
    (status === undefined || status === 'sent' || status === 'uncertain');
}

function logError(file: string, why: string): UserError {
  return new UserError([diag('mail/log', `cannot use the send log ${file}: ${why}`, {
    hint: 'nothing was sent. The log is what prevents duplicate messages: restore it, or move it aside ' +
      'only if you accept that recipients already served may get the message again',
  })]);
}
