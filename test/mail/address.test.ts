/**
 * Recipients written as people write them (`Name <addr>`, quoted names with commas, lists),
 * read back from the .eml files with mailparser; hostile display names refused at their column;
 * dry run and real send dated the same way.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import type { AddressObject } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diag/format.js';
import { parseRecipients, splitAddressList } from '../../src/mail/address.js';
import { sendBriefings } from '../../src/mail/send.js';
import type { SendInput } from '../../src/mail/types.js';
import { FAST_RETRIES, FROM, realBriefing, smtpFor } from './fixture.js';
import type { RealBriefing } from './fixture.js';
import { startServer } from './server.js';
import type { TestServer } from './server.js';

let server: TestServer;
let real: RealBriefing;
let dir: string;
let n = 0;

beforeAll(async () => {
  [server, real] = await Promise.all([startServer(), realBriefing()]);
  dir = mkdtempSync(join(tmpdir(), 'briefkit-mail-addr-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => server.reset());

function input(o: Partial<SendInput>): SendInput {
  n++;
  return { attachments: [real.attachment], recipients: [], from: FROM, logFile: join(dir, `log-${n}.json`), env: {}, ...o };
}

function toOf(to: AddressObject | AddressObject[] | undefined): { name: string; address: string | undefined }[] {
  const list = Array.isArray(to) ? to : to ? [to] : [];
  return list.flatMap((a) => a.value.map((v) => ({ name: v.name, address: v.address })));
}

describe('parseRecipients', () => {
  it.each([
    ['desk@example.org', [{ address: 'desk@example.org' }]],
    ['Desk Officer <desk@example.org>', [{ address: 'desk@example.org', name: 'Desk Officer' }]],
    ['"Doe, Jane" <jane@example.org>, b@example.org', [{ address: 'jane@example.org', name: 'Doe, Jane' }, { address: 'b@example.org' }]],
    ['  <bare@example.org>  ', [{ address: 'bare@example.org' }]],
    ['Zoë Ünal <zoe@example.org>, ZOE@example.org', [{ address: 'zoe@example.org', name: 'Zoë Ünal' }]],
    ['"a \\"quoted\\" name" <q@example.org>', [{ address: 'q@example.org', name: 'a "quoted" name' }]],
    ['김민수 <kim@example.kr>', [{ address: 'kim@example.kr', name: '김민수' }]],
  ])('accepts %j', (text, want) => {
    const r = parseRecipients([text]);
    expect(r.diagnostics).toEqual([]);
    expect(r.recipients).toEqual(want);
  });

  it.each([
    ['x@example.org, Bad\u202Ename <b@example.org>', 16, /control, format/],
    ['Evil\r\nBcc: v@example.org <a@example.org>', 1, /control, format/],
    ['"=?utf-8?B?Qm9zcw==?=" <a@example.org>', 1, /encoded word/],
    ['"ceo@bank.example" <evil@example.org>', 1, /reads as an address/],
    ['team: a@example.org, b@example.org;', 1, /is a group/],
    ['Name <a@example.org', 1, /Name <address>/],
    ['Name <a@example.org> tail', 1, /Name <address>/],
    ['not an address', 1, /not an email address/],
    ['a@example.org (comment)', 1, /not an email address/],
    [`"${'n'.repeat(201)}" <a@example.org>`, 1, /longer than 200/],
  ])('refuses %j at its column', (text, col, why) => {
    const r = parseRecipients([{ text, loc: { file: 'packs/p.yaml', line: 9, col: 5 } }]);
    expect(r.diagnostics.map((d) => d.code)).toContain('mail/address');
    const d = r.diagnostics[0];
    expect(d?.loc).toEqual({ file: 'packs/p.yaml', line: 9, col: 4 + col });
    expect(d?.message).toMatch(why);
    // Shown to a user, the diagnostic is one line plus its hint, whatever the name held.
    expect(formatDiagnostic(d ?? { code: '', severity: 'error', message: '' }).split('\n')).toHaveLength(2);
  });

  it('locates command-line entries as --to:1:<col>', () => {
    const r = parseRecipients(['a@example.org, nope']);
    expect(r.diagnostics[0]?.loc).toEqual({ file: '--to', line: 1, col: 16 });
  });

  it('splits only at commas outside quotes, angle brackets and comments (property)', () => {
    const name = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '.'), minLength: 1, maxLength: 12 })
      .filter((s) => s.trim() !== '' && !s.trim().startsWith(','));
    fc.assert(fc.property(fc.array(name, { minLength: 1, maxLength: 5 }), (names) => {
      const text = names.map((x, i) => `"${x}" <p${i}@example.org>`).join(', ');
      const parts = splitAddressList(text);
      expect(parts).toHaveLength(names.length);
      for (const p of parts) expect(text.slice(p.offset, p.offset + p.entry.length)).toBe(p.entry);
      expect(parseRecipients([text]).recipients.map((r) => r.address)).toEqual(names.map((_x, i) => `p${i}@example.org`));
    }));
  });
});

describe('To header, read back from the .eml', () => {
  it('writes names quoted or RFC 2047-encoded, and the addresses mailparser reads are the ones given', async () => {
    const r = await sendBriefings(input({
      recipients: ['Desk Officer <desk@example.org>', '"Doe, Jane" <jane@example.org>, Zoë Ünal <zoe@example.org>'],
      dryRunDir: join(dir, 'names'),
    }));
    expect(r.diagnostics).toEqual([]);
    expect(r.written.map((w) => w.recipient)).toEqual(['desk@example.org', 'jane@example.org', 'zoe@example.org']);
    const want = [
      { name: 'Desk Officer', address: 'desk@example.org' },
      { name: 'Doe, Jane', address: 'jane@example.org' },
      { name: 'Zoë Ünal', address: 'zoe@example.org' },
    ];
    for (const [i, w] of r.written.entries()) {
      const raw = readFileSync(w.file);
      const mail = await simpleParser(raw);
      expect(toOf(mail.to)).toEqual([want[i]]);
      // Only ASCII in headers: the non-ASCII name travels as an encoded word.
      const head = raw.subarray(0, raw.indexOf('\r\n\r\n')).toString('latin1');
      expect(/^[\x20-\x7e\r\n\t]*$/.test(head)).toBe(true);
    }
    const zoe = readFileSync(r.written[2]?.file ?? '').toString('latin1');
    expect(zoe).toMatch(/^To: =\?UTF-8\?[BQ]\?[^?]+\?= <zoe@example\.org>\r$/m);
  });

  it('refuses a hostile name before anything is written or sent', async () => {
    const r = await sendBriefings(input({
      recipients: ['ok@example.org', 'Boss\u0007 <b@example.org>'], smtp: smtpFor(server.port), retries: FAST_RETRIES,
    }));
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.loc?.file, d.loc?.col])).toEqual([['mail/address', '--to', 1]]);
    expect(server.connections).toBe(0);
  });

  it('sends to the bare address (RCPT TO) with the name in To, and logs the bare address', async () => {
    const log = join(dir, 'sent-log.json');
    const r = await sendBriefings(input({
      recipients: ['Desk Officer <Desk@Example.org>'], smtp: smtpFor(server.port), retries: FAST_RETRIES, logFile: log,
    }));
    expect(r.diagnostics).toEqual([]);
    expect(server.deliveries.map((d) => d.to)).toEqual([['desk@example.org']]);
    const mail = await simpleParser(server.deliveries[0]?.raw ?? Buffer.alloc(0));
    expect(toOf(mail.to)).toEqual([{ name: 'Desk Officer', address: 'Desk@example.org' }]);
    const entries = (JSON.parse(readFileSync(log, 'utf8')) as { deliveries: { recipient: string }[] }).deliveries;
    expect(entries.map((e) => e.recipient)).toEqual(['Desk@Example.org']);
    // A re-run with the bare address (any case) skips it: one person, one log key.
    const again = await sendBriefings(input({ recipients: ['desk@example.org'], smtp: smtpFor(server.port), logFile: log }));
    expect(again.skipped.map((s) => s.recipient)).toEqual(['desk@example.org']);
  });
});

describe('Date header', () => {
  it('is the same rule for a dry run and a real send: SOURCE_DATE_EPOCH when set', async () => {
    const env = { SOURCE_DATE_EPOCH: '1234567890' };
    const dry = await sendBriefings(input({ recipients: ['ada@example.org'], dryRunDir: join(dir, 'date'), env }));
    await sendBriefings(input({ recipients: ['ada@example.org'], smtp: smtpFor(server.port), retries: FAST_RETRIES, env }));
    const a = await simpleParser(readFileSync(dry.written[0]?.file ?? ''));
    const b = await simpleParser(server.deliveries[0]?.raw ?? Buffer.alloc(0));
    expect(a.date?.getTime()).toBe(1_234_567_890_000);
    expect(b.date?.getTime()).toBe(1_234_567_890_000);
    // The very same bytes: a dry run shows exactly what goes out.
    expect(readFileSync(dry.written[0]?.file ?? '').equals(server.deliveries[0]?.raw ?? Buffer.alloc(0))).toBe(true);
  });
});
