import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendBriefings } from '../../src/mail/send.js';
import { classify } from '../../src/mail/transport.js';
import type { ProgressEvent, SendInput } from '../../src/mail/types.js';
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
  dir = mkdtempSync(join(tmpdir(), 'briefkit-mail-rerun-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => server.reset());

const FIVE = ['r1@example.org', 'r2@example.org', 'r3@example.org', 'r4@example.org', 'r5@example.org'];

function input(o: Partial<SendInput> = {}): SendInput {
  return {
    attachments: [real.attachment],
    recipients: FIVE,
    from: FROM,
    smtp: smtpFor(server.port),
    logFile: join(dir, `log-${++n}.json`),
    retries: FAST_RETRIES,
    ...o,
  };
}

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const addr = s.address();
  const port = addr && typeof addr === 'object' ? addr.port : 0;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

describe('re-running after a failure', () => {
  it('completes after the server drops the connection mid-batch, with no duplicates', async () => {
    // From the 3rd message on, the server drops every connection at MAIL FROM.
    let down = true;
    server.behaviour.dropAt = (k) => down && k >= 3;
    const inp = input();
    const first = await sendBriefings(inp);
    expect(first.ok).toBe(false);
    expect(first.sent.map((s) => s.recipient)).toEqual(['r1@example.org', 'r2@example.org']);
    expect(first.failed.map((f) => [f.recipient, f.diagnostic.code])).toEqual([['r3@example.org', 'mail/connection']]);
    expect(first.failed[0]?.diagnostic.message).toContain('after 3 tries');
    expect(first.pending).toEqual(['r4@example.org', 'r5@example.org']);
    expect(server.transactions).toBe(2 + FAST_RETRIES.attempts);

    // The log holds exactly the two deliveries made.
    const log = JSON.parse(readFileSync(inp.logFile, 'utf8')) as { deliveries: { recipient: string }[] };
    expect(log.deliveries.map((d) => d.recipient)).toEqual(['r1@example.org', 'r2@example.org']);

    down = false;
    const second = await sendBriefings(inp);
    expect(second.ok).toBe(true);
    expect(second.skipped.map((s) => s.recipient)).toEqual(['r1@example.org', 'r2@example.org']);
    expect(second.sent.map((s) => s.recipient)).toEqual(['r3@example.org', 'r4@example.org', 'r5@example.org']);
    for (const r of FIVE) expect(server.countFor(r)).toBe(1);
    expect(server.deliveries).toHaveLength(5);

    const third = await sendBriefings(inp);
    expect(third.sent).toEqual([]);
    expect(server.deliveries).toHaveLength(5);
  });

  it('retries a dropped connection with back-off and delivers once', async () => {
    server.behaviour.dropAt = (k) => k === 2;
    const events: ProgressEvent[] = [];
    const r = await sendBriefings(input({ recipients: FIVE.slice(0, 3), retries: { attempts: 3, baseDelayMs: 20 }, onProgress: (e) => events.push(e) }));
    expect(r.ok).toBe(true);
    expect(r.sent.map((s) => s.attempts)).toEqual([1, 2, 1]);
    const retry = events.find((e) => e.kind === 'retrying');
    expect(retry).toMatchObject({ kind: 'retrying', recipient: 'r2@example.org', attempt: 2, delayMs: 20 });
    for (const a of FIVE.slice(0, 3)) expect(server.countFor(a)).toBe(1);
  });

  it('retries a 4xx reply, and gives up on that recipient alone when it persists', async () => {
    server.behaviour.defer.set('r1@example.org', 1); // greylisted once
    server.behaviour.defer.set('r2@example.org', 99); // always deferred
    const started = performance.now();
    const r = await sendBriefings(input({ recipients: FIVE.slice(0, 3), retries: { attempts: 3, baseDelayMs: 10 } }));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(r.sent.map((s) => [s.recipient, s.attempts])).toEqual([['r1@example.org', 2], ['r3@example.org', 1]]);
    expect(r.failed.map((f) => [f.recipient, f.diagnostic.code])).toEqual([['r2@example.org', 'mail/deferred']]);
    expect(r.failed[0]?.diagnostic.message).toContain('451');
    expect(r.pending).toEqual([]);
    expect(server.countFor('r2@example.org')).toBe(0);
  });

  it('reports a refused connection (nothing listening) as mail/connection after the retries', async () => {
    const port = await closedPort();
    const r = await sendBriefings(input({ smtp: smtpFor(port), recipients: FIVE.slice(0, 2), retries: { attempts: 2, baseDelayMs: 5 } }));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['mail/connection']);
    expect(r.diagnostics[0]?.message).toMatch(/ECONNREFUSED/);
    expect(r.pending).toEqual(['r2@example.org']);
  });

  it('refuses to send with a corrupt send log (it could not prevent duplicates)', async () => {
    const inp = input({ recipients: ['r1@example.org'] });
    writeFileSync(inp.logFile, '{ not json');
    const r = await sendBriefings(inp);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['mail/log']);
    expect(server.connections).toBe(0);
  });

  it('classifies SMTP client errors', () => {
    expect(classify({ code: 'EAUTH', responseCode: 535 })).toBe('auth');
    expect(classify({ code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO' })).toBe('rejected');
    expect(classify({ code: 'EENVELOPE', responseCode: 553, command: 'MAIL FROM' })).toBe('sender');
    expect(classify({ code: 'EENVELOPE', responseCode: 451 })).toBe('retry');
    expect(classify({ code: 'EMESSAGE', responseCode: 503 })).toBe('retry');
    expect(classify({ code: 'ECONNECTION' })).toBe('retry');
    expect(classify({ code: 'ESOCKET', originalCode: 'ECONNRESET' })).toBe('retry');
    expect(classify({ code: 'ETIMEDOUT' })).toBe('retry');
    expect(classify({ code: 'ESOCKET', originalCode: 'DEPTH_ZERO_SELF_SIGNED_CERT' })).toBe('tls');
    expect(classify({ code: 'EPROTOCOL' })).toBe('rejected');
  });
});
