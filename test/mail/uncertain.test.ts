/**
 * Uncertain delivery: the server drops the connection right after the message's final "."
 * (it may have accepted the message). That message is recorded `uncertain`, never retried,
 * and not resent by a later run unless asked (`resendUncertain` / --resend-uncertain).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerSend } from '../../src/cli/send.js';
import { sendBriefings } from '../../src/mail/send.js';
import type { SendInput } from '../../src/mail/types.js';
import { BRIEFING_FILE, FAST_RETRIES, FROM, realBriefing, smtpFor } from './fixture.js';
import type { RealBriefing } from './fixture.js';
import { PASS, USER, startServer } from './server.js';
import type { TestServer } from './server.js';

let server: TestServer;
let plain: TestServer;
let real: RealBriefing;
let dir: string;
let n = 0;

beforeAll(async () => {
  [server, plain, real] = await Promise.all([startServer(), startServer({ plain: true }), realBriefing()]);
  dir = mkdtempSync(join(tmpdir(), 'briefkit-mail-uncertain-'));
});
afterAll(async () => {
  await Promise.all([server.close(), plain.close()]);
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  server.reset();
  plain.reset();
});

function input(o: Partial<SendInput> = {}): SendInput {
  return {
    attachments: [real.attachment], recipients: ['ada@example.org'], from: FROM, smtp: smtpFor(server.port),
    logFile: join(dir, `log-${++n}.json`), retries: FAST_RETRIES, env: {}, ...o,
  };
}

type LogShape = { version: number; deliveries: { recipient: string; status?: string }[] };
const readLog = (f: string): LogShape => JSON.parse(readFileSync(f, 'utf8')) as LogShape;

describe('a connection dropped after the final "."', () => {
  it('is recorded uncertain, not retried, held on the next run with a warning, and resent only when asked', async () => {
    server.behaviour.dropAfterData = () => true;
    const inp = input();
    const first = await sendBriefings(inp);
    expect(first.ok).toBe(false);
    expect(first.diagnostics.map((d) => d.code)).toEqual(['mail/uncertain']);
    expect(first.diagnostics[0]?.message).toContain('ada@example.org');
    expect(first.diagnostics[0]?.hint).toContain('--resend-uncertain');
    expect(first.uncertain).toEqual(['ada@example.org']);
    expect(server.received).toBe(1);
    expect(server.transactions).toBe(1); // not retried
    expect(readLog(inp.logFile)).toMatchObject({ version: 2, deliveries: [{ recipient: 'ada@example.org', status: 'uncertain' }] });

    server.reset();
    const second = await sendBriefings(inp);
    expect(second.ok).toBe(true);
    expect(second.sent).toEqual([]);
    expect(second.held.map((h) => h.recipient)).toEqual(['ada@example.org']);
    expect(second.diagnostics.map((d) => [d.code, d.severity])).toEqual([['mail/uncertain-held', 'warning']]);
    expect(second.diagnostics[0]?.message).toContain('ada@example.org');
    expect(server.connections).toBe(0);

    const third = await sendBriefings({ ...inp, resendUncertain: true });
    expect(third.ok).toBe(true);
    expect(third.sent.map((s) => s.recipient)).toEqual(['ada@example.org']);
    expect(server.deliveries).toHaveLength(1);
    expect(readLog(inp.logFile).deliveries).toEqual([expect.objectContaining({ recipient: 'ada@example.org', status: 'sent' })]);

    const fourth = await sendBriefings({ ...inp, resendUncertain: true });
    expect(fourth.skipped.map((s) => s.recipient)).toEqual(['ada@example.org']);
    expect(server.deliveries).toHaveLength(1);
  });

  it('goes on to the other recipients: one uncertain message does not stop the run', async () => {
    server.behaviour.dropAfterData = (k) => k === 2;
    const inp = input({ recipients: ['r1@example.org', 'r2@example.org', 'r3@example.org'] });
    const r = await sendBriefings(inp);
    expect(r.sent.map((s) => s.recipient)).toEqual(['r1@example.org', 'r3@example.org']);
    expect(r.uncertain).toEqual(['r2@example.org']);
    expect(server.received).toBe(3);
    expect(readLog(inp.logFile).deliveries.map((e) => [e.recipient, e.status])).toEqual([
      ['r1@example.org', 'sent'], ['r2@example.org', 'uncertain'], ['r3@example.org', 'sent'],
    ]);
    // A re-run sends nothing: two are done, one is held.
    server.reset();
    const again = await sendBriefings(inp);
    expect(again.held.map((h) => h.recipient)).toEqual(['r2@example.org']);
    expect(again.skipped).toHaveLength(2);
    expect(server.received).toBe(0);
  });

  it('reads a version 1 log (every entry sent) and refuses an entry with an unknown status', async () => {
    const inp = input();
    const v1 = { version: 1, deliveries: [{ recipient: 'ada@example.org', contentHash: 'x', messageId: '<m>', subject: 's', files: [], sentAt: '2020-01-01T00:00:00Z' }] };
    writeFileSync(inp.logFile, JSON.stringify(v1));
    const r = await sendBriefings(inp);
    expect(r.ok).toBe(true);
    expect(r.sent).toHaveLength(1); // another content hash: not the same message
    const bad = { version: 2, deliveries: [{ ...v1.deliveries[0], status: 'maybe' }] };
    writeFileSync(inp.logFile, JSON.stringify(bad));
    const r2 = await sendBriefings(inp);
    expect(r2.diagnostics.map((d) => d.code)).toEqual(['mail/log']);
  });
});

describe('briefkit send and uncertain messages', () => {
  const KEYS = ['BRIEFKIT_SMTP_HOST', 'BRIEFKIT_SMTP_PORT', 'BRIEFKIT_SMTP_SECURE', 'BRIEFKIT_SMTP_USER', 'BRIEFKIT_SMTP_PASS', 'BRIEFKIT_MAIL_FROM'];
  const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
  afterEach(() => {
    for (const k of KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    let code = 0;
    const program = new Command('briefkit').exitOverride();
    registerSend(program, { out: (s) => out.push(s), err: (s) => err.push(s) }, (c) => { code = Math.max(code, c); });
    await program.parseAsync(args, { from: 'user' });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('exits 1 and records; the next run warns and sends nothing (exit 0); --resend-uncertain sends', async () => {
    Object.assign(process.env, {
      BRIEFKIT_SMTP_HOST: '127.0.0.1', BRIEFKIT_SMTP_PORT: String(plain.port), BRIEFKIT_SMTP_SECURE: 'none',
      BRIEFKIT_SMTP_USER: USER, BRIEFKIT_SMTP_PASS: PASS, BRIEFKIT_MAIL_FROM: FROM,
    });
    const args = ['send', BRIEFING_FILE, '--to', 'ada@example.org', '--log', join(dir, 'cli-log.json')];
    plain.behaviour.dropAfterData = () => true;
    const first = await run(args);
    expect(first.code).toBe(1);
    expect(first.out).toBe('uncertain canada-korea-1995 to ada@example.org: sent, no reply; recorded, not to be resent');
    expect(first.err).toContain('error mail/uncertain:');
    plain.reset();
    const second = await run(args);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/^held canada-korea-1995 for ada@example\.org: uncertain since \d{4}-/);
    expect(second.err).toMatch(/warning mail\/uncertain-held: not sent again: .*ada@example\.org/);
    expect(plain.connections).toBe(0);
    const third = await run([...args, '--resend-uncertain']);
    expect(third.code).toBe(0);
    expect(third.out).toBe('sent canada-korea-1995 to ada@example.org');
    expect(plain.deliveries).toHaveLength(1);
  });
});
