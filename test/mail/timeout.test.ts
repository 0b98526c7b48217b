/**
 * The SMTP time budget: a server that keeps a reply open with a continuation line now and then
 * is dropped when the phase's limit or the message's budget runs out, with `mail/timeout`
 * naming the phase. Short limits keep these tests fast; nothing here sleeps.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerSend } from '../../src/cli/send.js';
import { sendBriefings } from '../../src/mail/send.js';
import { DEFAULT_BUDGET_MS, DEFAULT_TIMEOUT_MS, phaseLimitMs } from '../../src/mail/smtp.js';
import type { MailAttachment, SendInput, SmtpConfig } from '../../src/mail/types.js';
import { BRIEFING_FILE } from './fixture.js';
import { startFakeSmtp } from './fake-smtp.js';
import type { FakeSmtp, TrickleAt } from './fake-smtp.js';

let fake: FakeSmtp;
let dir: string;
let n = 0;

beforeAll(async () => {
  fake = await startFakeSmtp();
  dir = mkdtempSync(join(tmpdir(), 'briefkit-mail-timeout-'));
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => fake.set({ kind: 'none' }));

const ATTACHMENT: MailAttachment = {
  fileName: 'note.pdf', pdf: Buffer.from('%PDF-1.7\n%%EOF\n'), title: 'Note', date: '1995-10-01',
  classification: 'UNCLASSIFIED', language: 'en', keyFigures: [],
};

function smtp(o: Partial<SmtpConfig> = {}): SmtpConfig {
  return { host: '127.0.0.1', port: fake.port, secure: 'none', timeoutMs: 300, budgetMs: 5000, ...o };
}

function input(o: Partial<SendInput> = {}): SendInput {
  return {
    attachments: [ATTACHMENT], recipients: ['ada@example.org'], from: 'Briefings <b@example.org>', smtp: smtp(),
    logFile: join(dir, `log-${++n}.json`), retries: { attempts: 2, baseDelayMs: 20 }, env: {}, ...o,
  };
}

describe('SMTP time budget', () => {
  it('delivers through the fake server when it behaves (the control case)', async () => {
    const r = await sendBriefings(input());
    expect(r.diagnostics).toEqual([]);
    expect(fake.accepted).toBe(1);
  });

  it.each<[TrickleAt, string]>([
    ['greeting', 'greeting'],
    ['EHLO', 'EHLO'],
    ['MAIL', 'MAIL FROM'],
    ['RCPT', 'RCPT TO'],
    ['DATA', 'DATA'],
  ])('drops a server trickling at %s with mail/timeout naming the phase, retried once, in bounded time', async (at, phase) => {
    fake.set({ kind: 'trickle', at, everyMs: 40 });
    const started = performance.now();
    const r = await sendBriefings(input({ recipients: ['ada@example.org', 'grace@example.org'] }));
    const took = performance.now() - started;
    expect(r.diagnostics.map((d) => d.code)).toEqual(['mail/timeout']);
    const d = r.diagnostics[0];
    expect(d?.message).toContain(`during ${phase} within 0.3 s`);
    expect(d?.message).toContain('ada@example.org');
    expect(d?.message).toContain('after 2 tries');
    expect(d?.hint).toContain('BRIEFKIT_SMTP_TIMEOUT_MS');
    // The run stops: the next recipient is left for a re-run, and nothing was delivered.
    expect(r.pending).toEqual(['grace@example.org']);
    expect(fake.connections).toBe(2);
    expect(fake.accepted).toBe(0);
    expect(took).toBeLessThan(3000);
  });

  it('ends a message whose total budget runs out, even when every phase limit is generous', async () => {
    fake.set({ kind: 'trickle', at: 'RCPT', everyMs: 40 });
    const started = performance.now();
    const r = await sendBriefings(input({ smtp: smtp({ timeoutMs: 20_000, budgetMs: 600 }) }));
    expect(performance.now() - started).toBeLessThan(2500);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['mail/timeout']);
    expect(r.diagnostics[0]?.message).toContain("the message's time budget (0.6 s) ran out during RCPT TO");
    expect(fake.connections).toBe(1);
  });

  it('a trickle after the final "." leaves the message uncertain (recorded, not retried)', async () => {
    fake.set({ kind: 'trickle', at: 'dot', everyMs: 40 });
    const inp = input();
    const r = await sendBriefings(inp);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['mail/uncertain']);
    expect(r.diagnostics[0]?.message).toContain('no complete reply during reply after DATA within 0.6 s');
    expect(r.uncertain).toEqual(['ada@example.org']);
    expect(fake.connections).toBe(1);
    expect(fake.received).toBe(1);
    const log = JSON.parse(readFileSync(inp.logFile, 'utf8')) as { deliveries: { recipient: string; status: string }[] };
    expect(log.deliveries.map((e) => [e.recipient, e.status])).toEqual([['ada@example.org', 'uncertain']]);
  });

  it('has limits for every phase: more time to upload a big message and to wait for its reply', () => {
    expect(DEFAULT_TIMEOUT_MS).toBe(30_000);
    expect(DEFAULT_BUDGET_MS).toBe(600_000);
    expect(phaseLimitMs('EHLO', 30_000, 10)).toBe(30_000);
    expect(phaseLimitMs('message', 30_000, 13 * 1024 * 1024)).toBe(30_000 + 208_000);
    expect(phaseLimitMs('reply after DATA', 30_000, 10)).toBe(60_000);
  });
});

describe('briefkit send against a trickling server', () => {
  const KEYS = ['BRIEFKIT_SMTP_HOST', 'BRIEFKIT_SMTP_PORT', 'BRIEFKIT_SMTP_SECURE', 'BRIEFKIT_SMTP_TIMEOUT_MS', 'BRIEFKIT_SMTP_BUDGET_MS', 'BRIEFKIT_MAIL_FROM'];
  const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
  afterEach(() => {
    for (const k of KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  it('exits 1 with mail/timeout naming EHLO, the limits taken from the environment', async () => {
    fake.set({ kind: 'trickle', at: 'EHLO', everyMs: 40 });
    Object.assign(process.env, {
      BRIEFKIT_SMTP_HOST: '127.0.0.1', BRIEFKIT_SMTP_PORT: String(fake.port), BRIEFKIT_SMTP_SECURE: 'none',
      BRIEFKIT_SMTP_TIMEOUT_MS: '250', BRIEFKIT_SMTP_BUDGET_MS: '1500', BRIEFKIT_MAIL_FROM: 'b@example.org',
    });
    const out: string[] = [];
    const err: string[] = [];
    let code = 0;
    const program = new Command('briefkit').exitOverride();
    registerSend(program, { out: (s) => out.push(s), err: (s) => err.push(s) }, (c) => { code = Math.max(code, c); });
    const started = performance.now();
    await program.parseAsync(['send', BRIEFING_FILE, '--to', 'ada@example.org', '--log', join(dir, 'cli-log.json')], { from: 'user' });
    expect(code).toBe(1);
    // Two tries (1 s apart by default) of 0.25 s each: the 1.5 s budget ends the second.
    expect(err.join('\n')).toMatch(/error mail\/timeout: gave up on ada@example\.org: .*during EHLO .*after 2 tries; the message was not sent/);
    expect(err.join('\n')).toContain('try 2 in 1 s (no complete reply within 250 ms');
    expect(out).toEqual([]);
    // Building the briefing takes its time too; the SMTP part is bounded by the budget.
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});
