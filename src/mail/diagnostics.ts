/**
 * The diagnostics of a delivery: one per failed recipient, and the warning for recipients held
 * back because an earlier run may have delivered to them.
 */
import { assertNever, diag } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { SMTP_ENV, describeSmtp } from './config.js';
import type { DeliveryFailure } from './transport.js';
import type { SmtpConfig } from './types.js';

const RERUN = 're-running the same command sends only to the recipients not yet served (see the send log)';

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** `during EHLO (limit 30 s)` / `in the time budget of the message (600 s), during RCPT TO`. */
function timeoutText(f: DeliveryFailure): string {
  const phase = f.phase ?? 'connect';
  if (f.limit?.kind === 'budget') return `the message's time budget (${seconds(f.limit.ms)}) ran out during ${phase}`;
  return `no complete reply during ${phase} within ${f.limit ? seconds(f.limit.ms) : 'the time limit'}`;
}

/** The diagnostic of a failed delivery to `to`. */
export function failureDiagnostic(f: DeliveryFailure, to: string, from: string, smtp: SmtpConfig): Diagnostic {
  const tries = f.attempts > 1 ? ` after ${f.attempts} tries` : '';
  const server = describeSmtp(smtp);
  switch (f.kind) {
    case 'auth':
      return diag('mail/auth', `${server} refused the user name or password (while sending to ${to}): ${f.text}`, {
        hint: `check ${SMTP_ENV.user} and ${SMTP_ENV.pass} or the config file; the run stopped, then ${RERUN}`,
      });
    case 'tls':
      return diag('mail/tls', `cannot set up a trusted TLS connection to ${server} (while sending to ${to}): ${f.text}`, {
        hint: 'check the host name and port; for a server with a private certificate authority set NODE_EXTRA_CA_CERTS=/path/to/ca.pem',
      });
    case 'sender':
      return diag('mail/sender', `${server} refuses the sender ${from} (while sending to ${to}): ${f.text}`, {
        hint: `use a sender address this server lets you send from (--from or ${SMTP_ENV.from}); the run stopped`,
      });
    case 'rejected':
      return diag('mail/rejected', `the server refused the message for ${to}: ${f.text}`, {
        hint: `check the address; the other recipients are not affected, and ${RERUN}`,
      });
    case 'deferred':
      return diag('mail/deferred', `the server deferred the message for ${to}${tries}: ${f.text}`, {
        hint: `try again later: ${RERUN}`,
      });
    case 'connection':
      return diag('mail/connection', `could not deliver to ${to}: the connection to ${server} failed${tries}: ${f.text}`, {
        hint: `the run stopped; when the server is reachable, ${RERUN}`,
      });
    case 'timeout':
      return diag('mail/timeout', `gave up on ${to}: ${timeoutText(f)} with ${server}${tries}; the message was not sent`, {
        hint: `the server is too slow or keeps a reply open; the run stopped. If it is only slow, raise timeoutMs or budgetMs ` +
          `(${SMTP_ENV.timeoutMs}, ${SMTP_ENV.budgetMs}, or the config file); then ${RERUN}`,
      });
    case 'uncertain': {
      const why = f.limit ? timeoutText(f) : `the connection was lost before the server's reply (${f.text})`;
      return diag('mail/uncertain', `the message to ${to} was sent, but ${why}: it may or may not have been delivered`, {
        hint: 'recorded as uncertain in the send log: re-runs do not send it again. Ask the recipient; if it did not arrive, ' +
          'run the same command with --resend-uncertain',
      });
    }
    default:
      return assertNever(f.kind, 'failure kind');
  }
}

/** The warning for recipients not sent to because the log marks them uncertain. */
export function heldDiagnostic(held: readonly { recipient: string; since: string }[], subject: string, logFile: string): Diagnostic {
  const list = held.map((h) => `${h.recipient} (sent ${h.since}, no reply)`).join(', ');
  return diag('mail/uncertain-held', `not sent again: "${subject}" to ${list}; the send log ${logFile} marks ${held.length > 1 ? 'these' : 'this'} uncertain`, {
    severity: 'warning',
    hint: 'an earlier run lost the connection after sending, so the message may have arrived. Ask the recipient; ' +
      'to send it again anyway, run the same command with --resend-uncertain',
  });
}
