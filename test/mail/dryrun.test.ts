import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml, htmlBody, markingOf, subjectOf } from '../../src/mail/content.js';
import { sendBriefings } from '../../src/mail/send.js';
import type { MailAttachment, SendInput } from '../../src/mail/types.js';
import { FROM, realBriefing, smtpFor } from './fixture.js';
import type { RealBriefing } from './fixture.js';
import { startServer } from './server.js';
import type { TestServer } from './server.js';

let server: TestServer;
let real: RealBriefing;
let dir: string;

beforeAll(async () => {
  [server, real] = await Promise.all([startServer(), realBriefing()]);
  dir = mkdtempSync(join(tmpdir(), 'briefkit-mail-dry-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function input(o: Partial<SendInput> = {}): SendInput {
  return {
    attachments: [real.attachment],
    recipients: ['ada@example.org', 'grace@example.org'],
    from: FROM,
    logFile: join(dir, 'log.json'),
    env: {},
    ...o,
  };
}

describe('--dry-run', () => {
  it('writes one .eml per recipient that mailparser reads back, and touches neither server nor log', async () => {
    const out = join(dir, 'a');
    const r = await sendBriefings(input({ dryRunDir: out }));
    expect(r.diagnostics).toEqual([]);
    expect(r.written.map((w) => w.file)).toEqual([
      join(out, 'canada-korea-1995.ada@example.org.eml'),
      join(out, 'canada-korea-1995.grace@example.org.eml'),
    ]);
    expect(server.connections).toBe(0);
    expect(existsSync(join(dir, 'log.json'))).toBe(false);
    const raw = readFileSync(r.written[0]?.file ?? '');
    expect(raw.includes('\r\n')).toBe(true);
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe('[UNCLASSIFIED] Canada – Republic of Korea – 1 October 1995');
    expect(mail.text).toContain('Key figures (1994, CAD)');
    expect(mail.text).toContain('Trade balance, 1994: \u2212$0.3 billion');
    const html = typeof mail.html === 'string' ? mail.html : '';
    expect(html.match(/>UNCLASSIFIED</g)).toHaveLength(2);
    expect(html).toContain('<caption');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]?.filename).toBe('canada-korea-1995.pdf');
    expect(mail.attachments[0]?.contentType).toBe('application/pdf');
    expect(mail.attachments[0]?.content.equals(real.pdf)).toBe(true);
  });

  it('is byte-for-byte reproducible under SOURCE_DATE_EPOCH (Message-ID and MIME boundaries are fixed)', async () => {
    const env = { SOURCE_DATE_EPOCH: '1700000000' };
    const a = await sendBriefings(input({ dryRunDir: join(dir, 'r1'), env }));
    const b = await sendBriefings(input({ dryRunDir: join(dir, 'r2'), env }));
    expect(a.written).toHaveLength(2);
    for (let i = 0; i < a.written.length; i++) {
      const x = readFileSync(a.written[i]?.file ?? '');
      const y = readFileSync(b.written[i]?.file ?? '');
      expect(x.equals(y)).toBe(true);
    }
    expect(readdirSync(join(dir, 'r1')).sort()).toEqual(readdirSync(join(dir, 'r2')).sort());
  });

  it('dates the message with the build time, as a real send does, not with the briefing date', async () => {
    const before = Date.now();
    const r = await sendBriefings(input({ dryRunDir: join(dir, 'now'), recipients: ['ada@example.org'] }));
    const mail = await simpleParser(readFileSync(r.written[0]?.file ?? ''));
    // The Date header has whole seconds.
    expect(mail.date?.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(mail.date?.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('takes the Date from SOURCE_DATE_EPOCH when set', async () => {
    const r = await sendBriefings(input({ dryRunDir: join(dir, 'sde'), recipients: ['ada@example.org'], env: { SOURCE_DATE_EPOCH: '1700000000' } }));
    const mail = await simpleParser(readFileSync(r.written[0]?.file ?? ''));
    expect(mail.date?.getTime()).toBe(1_700_000_000_000);
  });
});

describe('size budget', () => {
  it('refuses a message over maxBytes before connecting (mail/too-large), with the hint', async () => {
    const r = await sendBriefings(input({ smtp: smtpFor(server.port), maxBytes: real.pdf.length }));
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['mail/too-large']);
    expect(r.diagnostics[0]?.hint).toMatch(/already compressed.*split the pack.*link/);
    expect(r.bytes).toBeGreaterThan(real.pdf.length * 1.3);
    expect(server.connections).toBe(0);
  });

  it('warns above warnBytes (mail/size-warning) and still sends', async () => {
    const r = await sendBriefings(input({
      smtp: smtpFor(server.port), recipients: ['ada@example.org'], logFile: join(dir, 'warn-log.json'), warnBytes: 1000,
    }));
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['mail/size-warning', 'warning']]);
    expect(r.sent).toHaveLength(1);
  });
});

describe('message content from untrusted data', () => {
  const hostile: MailAttachment = {
    fileName: '../../etc/passwd\r\nX-Evil: 1.pdf',
    pdf: Buffer.from('%PDF-1.7\n%%EOF\n'),
    title: '<script>alert("x")</script> & Co\r\nBcc: victim@example.org',
    date: '1995-10-01',
    classification: 'PROTECTED B',
    language: 'en',
    keyFigures: [{ label: '<img src=x onerror=alert(1)>', value: '"quoted" & \'single\'' }],
  };

  it('escapes HTML and keeps line breaks out of headers and file names', async () => {
    const r = await sendBriefings(input({ attachments: [hostile], recipients: ['ada@example.org'], dryRunDir: join(dir, 'hostile') }));
    expect(r.diagnostics).toEqual([]);
    const raw = readFileSync(r.written[0]?.file ?? '');
    const mail = await simpleParser(raw);
    const html = typeof mail.html === 'string' ? mail.html : '';
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co Bcc: victim@example.org');
    expect(html).toContain('&quot;quoted&quot; &amp; &#39;single&#39;');
    expect(mail.headers.has('bcc')).toBe(false);
    expect(mail.headers.has('x-evil')).toBe(false);
    expect(mail.subject).toBe('[PROTECTED B] <script>alert("x")</script> & Co Bcc: victim@example.org – 1 October 1995');
    expect(mail.attachments[0]?.filename).toBe('etc-passwd-X-Evil-1.pdf');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((a) => a.address) : []).toEqual(['ada@example.org']);
  });

  it('marks a message with its attachments\' markings combined; an unreadable one stops it', () => {
    const a = (classification: string): MailAttachment => ({ ...hostile, classification });
    expect(markingOf([a('UNCLASSIFIED'), a('PROTECTED B'), a('Protected A')])).toBe('PROTECTED B');
    expect(() => markingOf([a('UNCLASSIFIED'), a('INTERNAL USE')])).toThrow(/cannot read the marking "INTERNAL USE"/);
    expect(subjectOf([a('SECRET')], 'Weekly pack')).toBe('[SECRET] Weekly pack');
    expect(subjectOf([a('SECRET')], '[SECRET] Weekly pack')).toBe('[SECRET] Weekly pack');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(htmlBody([{ ...hostile, language: 'fr', title: 'T' }], 'NON CLASSIFIÉ', 'S')).toContain('<html lang="fr">');
  });
});
