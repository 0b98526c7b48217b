import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { simpleParser } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diag/format.js';
import { composeMessage, messageContent } from '../../src/mail/message.js';
import { sendBriefings } from '../../src/mail/send.js';
import type { SendInput, SendReport } from '../../src/mail/types.js';
import { FAST_RETRIES, FROM, realBriefing, smtpFor } from './fixture.js';
import type { RealBriefing } from './fixture.js';
import { PASS, USER, startServer } from './server.js';
import type { TestServer } from './server.js';

let server: TestServer;
let real: RealBriefing;
let dir: string;
let n = 0;

beforeAll(async () => {
  [server, real] = await Promise.all([startServer(), realBriefing()]);
  dir = mkdtempSync(join(tmpdir(), 'briefkit-mail-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => server.reset());

/** A fresh send log path per call, so tests do not see each other's deliveries. */
function logFile(): string {
  return join(dir, `log-${++n}.json`);
}

function input(o: Partial<SendInput> = {}): SendInput {
  return {
    attachments: [real.attachment],
    recipients: ['ada@example.org', 'grace@example.org'],
    from: FROM,
    smtp: smtpFor(server.port),
    logFile: logFile(),
    retries: FAST_RETRIES,
    ...o,
  };
}

/** Everything a user could see of a report: JSON, formatted diagnostics, inspect output. */
function visible(r: SendReport): string {
  return [JSON.stringify(r), ...r.diagnostics.map(formatDiagnostic), inspect(r, { depth: 10 })].join('\n');
}

function expectNoSecret(text: string): void {
  expect(text).not.toContain(PASS);
  expect(text).not.toContain(Buffer.from(PASS).toString('base64'));
  expect(text).not.toContain(Buffer.from(`\0${USER}\0${PASS}`).toString('base64'));
}

describe('sendBriefings over SMTP (STARTTLS + AUTH on 127.0.0.1)', () => {
  it('uses the PDF from buildBriefing when the pipeline can build it', () => {
    // Informational: the stand-in is a fixed %PDF buffer when the pipeline is incomplete.
    expect(real.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (!real.fromPipeline) console.warn('mail tests: buildBriefing failed, using a fixed %PDF stand-in');
  });

  it('delivers one message per recipient, over TLS, authenticated, with the exact PDF', async () => {
    const inp = input();
    const r = await sendBriefings(inp);
    expect(r.diagnostics).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.sent.map((s) => s.recipient)).toEqual(['ada@example.org', 'grace@example.org']);
    expect(server.deliveries).toHaveLength(2);
    for (const d of server.deliveries) {
      expect(d.secure).toBe(true);
      expect(d.authMethod).toBe('PLAIN');
      expect(d.to).toHaveLength(1);
      expect(d.from).toBe('briefings@example.org');
      const mail = await simpleParser(d.raw);
      expect(mail.subject).toBe('[UNCLASSIFIED] Canada – Republic of Korea – 1 October 1995');
      expect(mail.attachments).toHaveLength(1);
      const a = mail.attachments[0];
      expect(a?.filename).toBe('canada-korea-1995.pdf');
      expect(a?.contentType).toBe('application/pdf');
      expect(a?.content.equals(real.pdf)).toBe(true);
      const text = mail.text ?? '';
      expect(text.trim().startsWith('UNCLASSIFIED')).toBe(true);
      expect(text.trim().endsWith('UNCLASSIFIED')).toBe(true);
      expect(text).toContain('Two-way trade, 1994: $4.7 billion');
      expect(text).toMatch(/Canadian exports to Korea \(\+28\s?%\): \$2\.2 billion/);
      expect(typeof mail.html === 'string' && mail.html).toContain('<table');
      expect(mail.messageId).toMatch(/^<[0-9a-f]{40}\.briefkit@example\.org>$/);
    }
    expect(server.deliveries.map((d) => d.to[0])).toEqual(['ada@example.org', 'grace@example.org']);
    const log = JSON.parse(readFileSync(inp.logFile, 'utf8')) as { deliveries: { recipient: string; contentHash: string; sentAt: string }[] };
    expect(log.deliveries.map((e) => e.recipient)).toEqual(['ada@example.org', 'grace@example.org']);
    expect(log.deliveries.every((e) => e.contentHash === r.contentHash && !Number.isNaN(Date.parse(e.sentAt)))).toBe(true);
  });

  it('sends the very bytes it builds (what a dry run writes, for the same Date)', async () => {
    const date = new Date('2001-02-03T04:05:06Z');
    const r = await sendBriefings(input({ recipients: ['ada@example.org'], date }));
    expect(r.ok).toBe(true);
    const built = await composeMessage(messageContent([real.attachment]), { from: FROM, to: 'ada@example.org', date });
    expect(server.deliveries[0]?.raw.equals(built.raw)).toBe(true);
  });

  it('authenticates with AUTH LOGIN when asked to', async () => {
    const r = await sendBriefings(input({ recipients: ['ada@example.org'], smtp: smtpFor(server.port, { authMethod: 'LOGIN' }) }));
    expect(r.ok).toBe(true);
    expect(server.deliveries[0]?.authMethod).toBe('LOGIN');
  });

  it('sends nothing again on a re-run: every recipient is skipped from the log', async () => {
    const inp = input();
    expect((await sendBriefings(inp)).sent).toHaveLength(2);
    const again = await sendBriefings(inp);
    expect(again.ok).toBe(true);
    expect(again.sent).toEqual([]);
    expect(again.skipped.map((s) => s.recipient)).toEqual(['ada@example.org', 'grace@example.org']);
    expect(server.deliveries).toHaveLength(2);
    // Same address in other case, and a repeat, are the same recipient.
    const third = await sendBriefings({ ...inp, recipients: ['ADA@example.org', 'ada@example.org'] });
    expect(third.skipped).toHaveLength(1);
    expect(server.deliveries).toHaveLength(2);
  });

  it('sends again when the content changes (new subject => new content hash)', async () => {
    const inp = input({ recipients: ['ada@example.org'] });
    await sendBriefings(inp);
    const r = await sendBriefings({ ...inp, subject: 'Corrected edition' });
    expect(r.sent).toHaveLength(1);
    expect(r.subject).toBe('[UNCLASSIFIED] Corrected edition');
    expect(server.countFor('ada@example.org')).toBe(2);
  });

  it('delivers to the others when the server refuses one recipient (550), naming it', async () => {
    server.behaviour.reject.add('nobody@example.org');
    const inp = input({ recipients: ['ada@example.org', 'nobody@example.org', 'grace@example.org'] });
    const r = await sendBriefings(inp);
    expect(r.ok).toBe(false);
    expect(r.sent.map((s) => s.recipient)).toEqual(['ada@example.org', 'grace@example.org']);
    expect(r.failed).toHaveLength(1);
    const d = r.failed[0]?.diagnostic;
    expect(d?.code).toBe('mail/rejected');
    expect(d?.message).toContain('nobody@example.org');
    expect(d?.message).toContain('550');
    expect(server.countFor('nobody@example.org')).toBe(0);
    expect(server.transactions).toBe(3); // a permanent refusal is not retried
    const log = JSON.parse(readFileSync(inp.logFile, 'utf8')) as { deliveries: { recipient: string }[] };
    expect(log.deliveries.map((e) => e.recipient)).toEqual(['ada@example.org', 'grace@example.org']);
  });

  it('stops the whole run on wrong credentials (mail/auth), sends nothing, and never shows the password', async () => {
    const inp = input({ smtp: smtpFor(server.port, { password: `${PASS}-wrong` }) });
    const r = await sendBriefings(inp);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['mail/auth']);
    expect(r.diagnostics[0]?.message).toContain('ada@example.org');
    expect(r.pending).toEqual(['grace@example.org']);
    expect(server.deliveries).toHaveLength(0);
    expect(server.auths).toHaveLength(1); // not retried
    expect(existsSync(inp.logFile)).toBe(false);
    expectNoSecret(visible(r));
    expect(visible(r)).not.toContain(`${PASS}-wrong`);
  });

  it('never shows the password in a successful report either', async () => {
    const r = await sendBriefings(input());
    expectNoSecret(visible(r));
    expectNoSecret(inspect(smtpFor(server.port), { depth: 5 }) + JSON.stringify(smtpFor(server.port)) + String(smtpFor(server.port).pass));
  });

  it('puts every PDF of a pack in one message', async () => {
    const second = { ...real.attachment, fileName: 'canada-korea-1995-fr.pdf', title: 'Canada – République de Corée', language: 'fr' as const };
    const r = await sendBriefings(input({ recipients: ['ada@example.org'], attachments: [real.attachment, second] }));
    expect(r.ok).toBe(true);
    expect(server.deliveries).toHaveLength(1);
    const mail = await simpleParser(server.deliveries[0]?.raw ?? Buffer.alloc(0));
    expect(mail.attachments.map((a) => a.filename)).toEqual(['canada-korea-1995.pdf', 'canada-korea-1995-fr.pdf']);
    expect(mail.subject).toBe('[UNCLASSIFIED] Canada – Republic of Korea and 1 more – 1 October 1995');
    expect(mail.text).toContain('Canada – République de Corée');
  });

  it('refuses bad addresses and a missing server before connecting', async () => {
    const r = await sendBriefings(input({ recipients: ['ada@example.org', 'not an address', 'x@y'] }));
    // One error per bad entry, each at its own place.
    expect(r.diagnostics.map((d) => d.code)).toEqual(['mail/address', 'mail/address']);
    expect(r.diagnostics[0]?.message).toContain('"not an address"');
    expect(r.diagnostics[1]?.message).toContain('"x@y"');
    const r2 = await sendBriefings({ ...input(), smtp: undefined });
    expect(r2.diagnostics.map((d) => d.code)).toEqual(['mail/config']);
    expect(server.connections).toBe(0);
  });
});
