/**
 * Email delivery of briefings and packs: the shapes callers pass in and get back.
 * One message carries every PDF of one briefing or pack; it is sent once per recipient.
 */
import type { Diagnostic } from '../diag/index.js';
import type { AddressSource } from './address.js';
import type { Secret } from './secret.js';

/** A headline figure shown in the message body: "$4.7 billion" / "Two-way trade, 1994". */
export interface KeyFigure {
  readonly label: string;
  readonly value: string;
}

/** One PDF attached to a message, with what the body says about it. */
export interface MailAttachment {
  /** File name shown to the reader, normally `<briefing id>.pdf`. */
  readonly fileName: string;
  readonly pdf: Buffer;
  readonly title: string;
  /** ISO date, YYYY-MM-DD. */
  readonly date: string;
  /** Marking printed at the top and bottom of the pages, e.g. UNCLASSIFIED. */
  readonly classification: string;
  readonly language: string;
  readonly keyFigures: readonly KeyFigure[];
  /** Heading over the key figures, e.g. "Key figures (1994, CAD)". */
  readonly keyFiguresTitle?: string;
}

/** How an SMTP connection is secured. `tls`: TLS from the start (port 465); `starttls`: upgrade required (587). */
export type SmtpSecurity = 'tls' | 'starttls' | 'none';

/**
 * Where and how to connect. Read it with {@link loadSmtpConfig}: from the environment or a
 * config file, never from command-line values. `pass` is a {@link Secret}: it prints as `[redacted]`.
 */
export interface SmtpConfig {
  readonly host: string;
  readonly port: number;
  readonly secure: SmtpSecurity;
  readonly user?: string;
  readonly pass?: Secret;
  /** Force one SASL mechanism; default: the best the server offers. */
  readonly authMethod?: 'PLAIN' | 'LOGIN';
  /**
   * Time each SMTP phase may take, in ms (default 30 000): connecting, the greeting, EHLO,
   * STARTTLS, AUTH, MAIL FROM, RCPT TO, DATA. Uploading the message gets this plus 1 s per
   * 64 KB; the reply after the message gets twice this. A server that keeps a reply open
   * (a `250-` line now and then) does not extend a phase.
   */
  readonly timeoutMs?: number;
  /**
   * Total time for one message to one recipient, in ms, every try and wait between tries
   * included (default 600 000).
   */
  readonly budgetMs?: number;
  /** TLS settings; `rejectUnauthorized: false` is for tests against a self-signed server only. */
  readonly tls?: { readonly rejectUnauthorized?: boolean };
}

/** Retry policy for transient failures (4xx replies, dropped or refused connections, timeouts). */
export interface RetryOptions {
  /** Tries per recipient, first one included (default 4). */
  readonly attempts: number;
  /** Delay before the second try; doubles each time, capped at 30 s (default 1000). */
  readonly baseDelayMs: number;
}

/** What to send, to whom, and how. */
export interface SendInput {
  /** The PDFs of one briefing or pack: they all go in one message. */
  readonly attachments: readonly MailAttachment[];
  /** Overrides the subject built from the title and date; the marking is still put in front. */
  readonly subject?: string;
  /**
   * Address lists: `a@example.org`, `Desk Officer <desk@example.org>`, `"Doe, Jane" <j@x.org>`,
   * several per text separated by commas; with a location, errors point into its file.
   */
  readonly recipients: readonly (string | AddressSource)[];
  /** Sender address, e.g. `Briefings <briefings@example.gc.ca>`. */
  readonly from: string;
  /** Needed unless `dryRunDir` is set. */
  readonly smtp?: SmtpConfig;
  /** The send log (JSON) that makes re-runs safe. */
  readonly logFile: string;
  /** Largest message accepted, in bytes as sent (after base64); default 10 MB. */
  readonly maxBytes?: number;
  /** Size that draws a warning; default 80 % of `maxBytes`. */
  readonly warnBytes?: number;
  /** Write the messages as `.eml` files in this folder instead of sending (the log is not touched). */
  readonly dryRunDir?: string;
  readonly retries?: RetryOptions;
  /**
   * The message's Date header. Default: SOURCE_DATE_EPOCH when set, else now: the same for a
   * dry run and a real send (set SOURCE_DATE_EPOCH for byte-for-byte reproducible dry runs).
   */
  readonly date?: Date;
  /** Environment to read SOURCE_DATE_EPOCH from (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * Send again to recipients the log marks `uncertain` (the connection was lost after the
   * message was sent, before the server's reply). Default false: they are listed in a warning.
   */
  readonly resendUncertain?: boolean;
  /**
   * The send log's lock, when the caller already holds it (the CLI holds it for a whole run);
   * otherwise {@link sendBriefings} takes it and lets it go before returning.
   */
  readonly lock?: { readonly logFile: string };
  /** Called before each try, for progress output. */
  readonly onProgress?: (event: ProgressEvent) => void;
}

/** Progress of a run, one event per step. */
export type ProgressEvent =
  | { readonly kind: 'sending'; readonly recipient: string; readonly attempt: number }
  | { readonly kind: 'retrying'; readonly recipient: string; readonly attempt: number; readonly delayMs: number; readonly reason: string }
  | { readonly kind: 'sent'; readonly recipient: string }
  | { readonly kind: 'skipped'; readonly recipient: string }
  /** Not sent: a previous run may have delivered it (see `resendUncertain`). */
  | { readonly kind: 'held'; readonly recipient: string; readonly since: string }
  /** Sent, but no reply came: recorded as uncertain, not to be resent without asking. */
  | { readonly kind: 'uncertain'; readonly recipient: string }
  | { readonly kind: 'written'; readonly recipient: string; readonly file: string };

/** Outcome of a run. `ok` is false when any error diagnostic was reported. */
export interface SendReport {
  readonly ok: boolean;
  /** sha256 of the subject and attachments: the key of the send log. */
  readonly contentHash: string;
  readonly subject: string;
  /** Size of one message as sent, in bytes (0 when it could not be built). */
  readonly bytes: number;
  readonly sent: readonly { readonly recipient: string; readonly messageId: string; readonly attempts: number }[];
  /** Already delivered with the same content, per the send log. */
  readonly skipped: readonly { readonly recipient: string; readonly sentAt: string }[];
  readonly failed: readonly { readonly recipient: string; readonly diagnostic: Diagnostic }[];
  /** Sent in this run with no reply from the server: recorded as `uncertain` in the log. */
  readonly uncertain: readonly string[];
  /** Not sent because the log marks them `uncertain` from an earlier run (without `resendUncertain`). */
  readonly held: readonly { readonly recipient: string; readonly since: string }[];
  /** Not tried because the run stopped early (authentication or connection failure). */
  readonly pending: readonly string[];
  /** Dry run: the `.eml` files written. */
  readonly written: readonly { readonly recipient: string; readonly file: string }[];
  /** Every warning and error of the run, in order. */
  readonly diagnostics: readonly Diagnostic[];
}
