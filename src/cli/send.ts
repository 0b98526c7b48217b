/**
 * `briefkit send`: builds briefings and emails each as one message per recipient, or writes
 * the messages as `.eml` files with --dry-run. Safe to re-run: the send log skips deliveries
 * already made, and is locked for the run. SMTP settings come from BRIEFKIT_SMTP_* variables
 * or --smtp-config, never from a command-line password; every line this command prints passes
 * through the password's redactor.
 */
import type { Command } from 'commander';
import { UserError } from '../diag/index.js';
import { formatDiagnostic } from '../diag/index.js';
import { showText } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { SMTP_ENV } from '../mail/index.js';
import { Secret, redactorFor } from '../mail/index.js';
import type { MailAttachment, ProgressEvent } from '../mail/index.js';
import { BuildSession } from '../build/index.js';

interface Io {
  out(s: string): void;
  err(s: string): void;
}

/** Diagnostics after which sending the next briefing would fail the same way. */
const STOPPERS = new Set(['mail/auth', 'mail/tls', 'mail/sender', 'mail/connection', 'mail/timeout', 'mail/log', 'mail/busy']);

/** Adds `briefkit send <files...> --to <addr...>` to the program; `setCode` receives the exit code (1 bad input or failed delivery, 2 usage). */
export function registerSend(program: Command, io: Io, setCode: (code: number) => void): void {
  program.command('send')
    .description('email briefings as PDF attachments, one message per briefing and recipient; safe to re-run')
    .argument('<files...>', 'briefing data files or pack manifests (.yaml, .yml, .json)')
    .option('--to <addr...>', 'recipient addresses (after the files, or comma-separated); default: a pack\'s distribution list')
    .option('--from <addr>', `sender address (default: ${SMTP_ENV.from} or the config file)`)
    .option('--smtp-config <file>', `SMTP settings, JSON or YAML (default: the ${SMTP_ENV.host}, _PORT, _SECURE, _USER, _PASS variables)`)
    .option('--dry-run', 'write the exact messages as .eml files instead of sending')
    .option('--max-mb <n>', 'largest message accepted, in MB', '10')
    .option('--log <file>', 'send log that makes re-runs skip deliveries already made', 'output/mail/send-log.json')
    .option('--out <dir>', 'folder for the .eml files of --dry-run', 'output/mail')
    .option('--resend-uncertain', 'send again the messages the send log marks uncertain (sent, but the connection was lost before the reply)')
    .action(async (files: string[], o: Record<string, unknown>) => {
      const envPass = process.env[SMTP_ENV.pass];
      let clean = redactorFor(process.env[SMTP_ENV.user], envPass ? new Secret(envPass) : undefined);
      const safe: Io = { out: (s) => io.out(clean(s)), err: (s) => io.err(clean(s)) };
      try {
        await sendCommand(files, o, { io: safe, setCode, useRedactor: (c) => { clean = c; } });
      } catch (e) {
        // An internal error is shown with its stack: not with the password in it.
        if (!(e instanceof Error)) throw new Error(clean(String(e)));
        const copy = new Error(clean(e.message));
        copy.stack = clean(e.stack ?? e.message);
        throw copy;
      }
    });
}

interface SendContext {
  readonly io: Io;
  readonly setCode: (code: number) => void;
  /** Replaces the redactor of every printed line, once the config file's password is known. */
  readonly useRedactor: (clean: (s: string) => string) => void;
}

async function sendCommand(files: string[], o: Record<string, unknown>, ctx: SendContext): Promise<void> {
  const { io, setCode, useRedactor } = ctx;
  // Loaded on use: nodemailer and the mail code stay off the start-up path of other commands.
  const { briefingAttachment } = await import('../mail/index.js');
  const { describeSmtp, readMailSettings } = await import('../mail/index.js');
  const { sendBriefings } = await import('../mail/index.js');
  const { lockSendLog } = await import('../mail/index.js');
  const show = (diags: readonly Diagnostic[]): void => {
    for (const d of diags) io.err(formatDiagnostic(d));
  };
  const maxMb = Number(o['maxMb']);
  if (!(maxMb > 0) || !Number.isFinite(maxMb)) {
    io.err('briefkit: --max-mb takes a positive number of megabytes');
    setCode(2);
    return;
  }
  const dryRun = o['dryRun'] === true;
  // Each --to value is an address list (`"Doe, Jane" <j@x.org>, b@x.org`): split and parsed,
  // quotes and all, by the mail layer, which locates an error at its column.
  const given = ((o['to'] as string[] | undefined) ?? []).filter((t) => t.trim() !== '');
  const settings = readMailSettings({
    ...(typeof o['smtpConfig'] === 'string' ? { file: o['smtpConfig'] } : {}),
    env: process.env,
  });
  if (settings.smtp?.pass) useRedactor(redactorFor(settings.smtp.user, settings.smtp.pass));
  show(settings.diagnostics);
  if (settings.diagnostics.some((d) => d.severity === 'error')) {
    setCode(1);
    return;
  }
  const from = typeof o['from'] === 'string' ? o['from'] : settings.from;
  if (!from) {
    io.err(formatDiagnostic({
      code: 'mail/config', severity: 'error', message: 'no sender address',
      hint: `pass --from, set ${SMTP_ENV.from}, or put "from" in the --smtp-config file`,
    }));
    setCode(1);
    return;
  }

  // Build everything first: a bad file stops the run before any message goes out.
  const built: { file: string; id: string; attachment: MailAttachment; recipients: string[] }[] = [];
  let bad = false;
  const session = new BuildSession();
  for (const file of files) {
    if (session.kind(file) === 'pack') {
      // A pack goes out as one PDF, to --to or else the manifest's distribution list.
      const r = await session.pack(file, { separate: false });
      show(r.diagnostics);
      if (!r.ok) {
        bad = true;
        io.err(`briefkit: ${showText(file)}: not built`);
        continue;
      }
      const first = r.briefings[0]?.briefing;
      const attachment: MailAttachment = {
        ...(first ? briefingAttachment(first, r.pdf) : { keyFigures: [] }),
        fileName: `${r.manifest.id}.pdf`, pdf: r.pdf, title: r.manifest.title, date: r.manifest.date, classification: r.marking,
        language: r.manifest.language ?? first?.language ?? 'en',
      };
      built.push({ file, id: r.manifest.id, attachment, recipients: given.length ? given : [...r.manifest.distribution] });
      continue;
    }
    const r = await session.print({ file });
    show(r.diagnostics);
    if (!r.ok) {
      bad = true;
      io.err(`briefkit: ${showText(file)}: not built`);
      continue;
    }
    built.push({ file, id: r.briefing.id, attachment: briefingAttachment(r.briefing, r.pdf), recipients: given });
  }
  for (const b of built) {
    if (b.recipients.length === 0) {
      io.err(formatDiagnostic({
        code: 'mail/no-recipients', severity: 'error', message: `no recipients for ${b.file}`, loc: { file: b.file, line: 1, col: 1 },
        hint: 'pass --to, or list addresses under distribution: in the pack manifest',
      }));
      bad = true;
    }
  }
  if (bad) {
    io.err('briefkit: nothing was sent: fix the files above and run the same command again');
    setCode(1);
    return;
  }
  if (!dryRun && settings.smtp) io.err(`briefkit: sending through ${showText(describeSmtp(settings.smtp))}`);

  // One lock for the whole run (not per briefing), so a second run cannot slip in between.
  const logFile = String(o['log']);
  let lock: { logFile: string; release(): void } | undefined;
  if (!dryRun && settings.smtp) {
    try {
      lock = lockSendLog(logFile);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      show(e.diagnostics);
      setCode(1);
      return;
    }
  }
  try {
    for (const b of built) {
      const progress = (e: ProgressEvent): void => {
        if (e.kind === 'sent') io.out(`sent ${b.id} to ${showText(e.recipient)}`);
        else if (e.kind === 'skipped') io.out(`skipped ${b.id} for ${showText(e.recipient)}: already sent (send log ${showText(logFile)})`);
        else if (e.kind === 'held') io.out(`held ${b.id} for ${showText(e.recipient)}: uncertain since ${e.since} (see the warning below)`);
        else if (e.kind === 'uncertain') io.out(`uncertain ${b.id} to ${showText(e.recipient)}: sent, no reply; recorded, not to be resent`);
        else if (e.kind === 'written') io.out(`wrote ${showText(e.file)}`);
        else if (e.kind === 'retrying') io.err(`briefkit: ${showText(e.recipient)}: try ${e.attempt} in ${Math.round(e.delayMs / 100) / 10} s (${showText(e.reason)})`);
      };
      const report = await sendBriefings({
        attachments: [b.attachment],
        recipients: b.recipients,
        from,
        ...(settings.smtp ? { smtp: settings.smtp } : {}),
        logFile,
        ...(lock ? { lock } : {}),
        maxBytes: Math.round(maxMb * 1024 * 1024),
        ...(dryRun ? { dryRunDir: String(o['out']) } : {}),
        ...(o['resendUncertain'] === true ? { resendUncertain: true } : {}),
        onProgress: progress,
      });
      show(report.diagnostics);
      if (!report.ok) setCode(1);
      if (report.pending.length) io.err(`briefkit: ${b.id}: not sent to ${report.pending.map(showText).join(', ')} (stopped early; run the same command again to finish)`);
      if (report.diagnostics.some((d) => STOPPERS.has(d.code))) {
        const rest = built.slice(built.indexOf(b) + 1).map((x) => x.file);
        if (rest.length) io.err(`briefkit: stopped before ${rest.map(showText).join(', ')}`);
        return;
      }
    }
  } finally {
    lock?.release();
  }
}
