/**
 * Two `briefkit send` runs on one send log: never both deliver. Real CLI processes against a
 * test server, counting the messages it receives; and the lock itself (busy, stale, released).
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lockFileOf, lockSendLog } from '../../src/mail/lock.js';
import { sendBriefings } from '../../src/mail/send.js';
import { BRIEFING_FILE, FAST_RETRIES, FROM, realBriefing, smtpFor } from './fixture.js';
import type { RealBriefing } from './fixture.js';
import { PASS, USER, startServer } from './server.js';
import type { TestServer } from './server.js';

let plain: TestServer;
let tls: TestServer;
let real: RealBriefing;
let dir: string;
let n = 0;

beforeAll(async () => {
  [plain, tls, real] = await Promise.all([startServer({ plain: true }), startServer(), realBriefing()]);
  dir = mkdtempSync(join(tmpdir(), 'briefkit-mail-concurrent-'));
});
afterAll(async () => {
  await Promise.all([plain.close(), tls.close()]);
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  plain.reset();
  tls.reset();
});

const RECIPIENTS = ['r1@example.org', 'r2@example.org', 'r3@example.org'];

interface Done {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

function cli(log: string): { child: ChildProcess; done: Promise<Done> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/kill-build.ts', 'send', BRIEFING_FILE, '--to', ...RECIPIENTS, '--log', log], {
    env: {
      ...process.env, BRIEFKIT_SMTP_HOST: '127.0.0.1', BRIEFKIT_SMTP_PORT: String(plain.port), BRIEFKIT_SMTP_SECURE: 'none',
      BRIEFKIT_SMTP_USER: USER, BRIEFKIT_SMTP_PASS: PASS, BRIEFKIT_MAIL_FROM: FROM,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (c: Buffer) => { out += c.toString(); });
  child.stderr?.on('data', (c: Buffer) => { err += c.toString(); });
  const done = new Promise<Done>((resolve) => child.on('close', (code) => resolve({ code, out, err })));
  return { child, done };
}

async function until(cond: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('two briefkit send runs on one log', () => {
  it('the second is refused with mail/busy naming the first one\'s pid while the first is sending', async () => {
    let open = (): void => undefined;
    plain.behaviour.gate = new Promise<void>((r) => { open = r; });
    const log = join(dir, 'busy-log.json');
    const a = cli(log);
    // A is inside its first message (its reply held by the server) when B starts.
    await until(() => plain.received >= 1, 60_000);
    const b = await cli(log).done;
    expect(b.code).toBe(1);
    expect(b.err).toContain('error mail/busy');
    expect(b.err).toContain(`pid ${a.child.pid}`);
    expect(b.err).toContain('run the same command again');
    expect(b.out).toBe('');
    open();
    const ra = await a.done;
    expect(ra.code, ra.err).toBe(0);
    for (const r of RECIPIENTS) expect(plain.countFor(r)).toBe(1);
    expect(existsSync(lockFileOf(log))).toBe(false);
  }, 120_000);

  it('started at the same moment, every recipient gets the message exactly once', async () => {
    const log = join(dir, 'race-log.json');
    const [x, y] = await Promise.all([cli(log).done, cli(log).done]);
    expect(plain.deliveries).toHaveLength(RECIPIENTS.length);
    for (const r of RECIPIENTS) expect(plain.countFor(r)).toBe(1);
    // Either the loser was refused, or it came after the winner and found everything sent.
    const loser = [x, y].find((r) => r.code !== 0 || r.out.includes('skipped'));
    expect(loser, `${x.err}\n${y.err}`).toBeDefined();
    const deliveries = (JSON.parse(readFileSync(log, 'utf8')) as { deliveries: unknown[] }).deliveries;
    expect(deliveries).toHaveLength(RECIPIENTS.length);
  }, 120_000);
});

describe('the send log lock', () => {
  function deadPid(): number {
    const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    return Number(r.stdout);
  }

  it('is refused to a second holder in the same process, and free again once released', () => {
    const log = join(dir, `lock-${++n}.json`);
    const first = lockSendLog(log);
    expect(() => lockSendLog(log)).toThrow(/another briefkit send \(pid \d+, since .*\) is using the send log/);
    first.release();
    first.release();
    const again = lockSendLog(log);
    again.release();
    expect(existsSync(lockFileOf(log))).toBe(false);
  });

  it('takes over a lock left by a process that is gone, and refuses one held on another host', async () => {
    const log = join(dir, `lock-${++n}.json`);
    writeFileSync(lockFileOf(log), JSON.stringify({ pid: deadPid(), host: hostname(), startedAt: '2020-01-01T00:00:00Z', token: 'old' }));
    const r = await sendBriefings({
      attachments: [real.attachment], recipients: ['ada@example.org'], from: FROM, smtp: smtpFor(tls.port), logFile: log, retries: FAST_RETRIES, env: {},
    });
    expect(r.diagnostics).toEqual([]);
    expect(tls.deliveries).toHaveLength(1);
    expect(existsSync(lockFileOf(log))).toBe(false);

    writeFileSync(lockFileOf(log), JSON.stringify({ pid: 4242, host: 'elsewhere.example', startedAt: '2020-01-01T00:00:00Z', token: 'x' }));
    const busy = await sendBriefings({
      attachments: [real.attachment], recipients: ['grace@example.org'], from: FROM, smtp: smtpFor(tls.port), logFile: log, retries: FAST_RETRIES, env: {},
    });
    expect(busy.diagnostics.map((d) => d.code)).toEqual(['mail/busy']);
    expect(busy.diagnostics[0]?.message).toContain('pid 4242 on elsewhere.example');
    expect(busy.diagnostics[0]?.hint).toContain(lockFileOf(log));
    expect(tls.connections).toBe(1);
    expect(JSON.parse(readFileSync(lockFileOf(log), 'utf8'))).toMatchObject({ token: 'x' });
  });

  it('treats an empty lock file as busy while fresh, and as stale once old', () => {
    const log = join(dir, `lock-${++n}.json`);
    writeFileSync(lockFileOf(log), '');
    expect(() => lockSendLog(log)).toThrow(/still writing its lock file/);
    const old = new Date(Date.now() - 60_000);
    spawnSync('touch', ['-d', old.toISOString(), lockFileOf(log)]);
    const l = lockSendLog(log);
    expect(JSON.parse(readFileSync(lockFileOf(log), 'utf8'))).toMatchObject({ pid: process.pid });
    l.release();
  });
});
