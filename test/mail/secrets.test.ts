/**
 * The SMTP password never reaches the terminal, the send log or an .eml file, in any form:
 * passwords with spaces (two in a row, leading, trailing), quotes, `%`, `\`, accents, Hangul and
 * emoji, against a careless server that quotes the password and the AUTH payload back in its
 * replies; and a config file whose `pass:` line draws a YAML warning.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { Command } from 'commander';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerSend } from '../../src/cli/send.js';
import { formatDiagnostic } from '../../src/diag/format.js';
import { readMailSettings } from '../../src/mail/config.js';
import { Secret, redact } from '../../src/mail/secret.js';
import { sendBriefings } from '../../src/mail/send.js';
import type { SendReport } from '../../src/mail/types.js';
import { BRIEFING_FILE, FAST_RETRIES, FROM, realBriefing, smtpFor } from './fixture.js';
import type { RealBriefing } from './fixture.js';
import { USER, echoForms, startServer } from './server.js';
import type { TestServer } from './server.js';

const PASSWORDS = [
  'two  spaces  in  a  row',
  '  leading and trailing  ',
  'quote"double\'single`back',
  'per%cent%20encoded%',
  'back\\slash\\n\\t-end',
  'café naïve été',
  '한국어 비밀번호',
  '🔑 key  🔒 lock',
  'e\u0301 decomposed  \u00e9 composed',
  'all  "of" %41 \\ é 한 🔑  ',
];

/** What an onlooker must never see: forms written out here, independently of the code under test. */
function leakForms(p: string): string[] {
  const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
  const forms = [
    p, p.trim(), p.replace(/\s+/g, ' ').trim(), JSON.stringify(p).slice(1, -1), encodeURIComponent(p), b64(p), b64(`\0${USER}\0${p}`),
    Buffer.from(p, 'utf8').toString('latin1'), p.normalize('NFC'), p.normalize('NFD'),
  ];
  return [...new Set(forms)].filter((f) => f.trim().length >= 4);
}

function expectNoLeak(text: string, p: string): void {
  for (const f of leakForms(p)) expect(text, `a form of ${JSON.stringify(p)} leaked: ${JSON.stringify(f)}`).not.toContain(f);
}

let server: TestServer;
let plain: TestServer;
let real: RealBriefing;
let dir: string;
let n = 0;

beforeAll(async () => {
  [server, plain, real] = await Promise.all([startServer(), startServer({ plain: true }), realBriefing()]);
  dir = mkdtempSync(join(tmpdir(), 'briefkit-mail-secrets-'));
});
afterAll(async () => {
  await Promise.all([server.close(), plain.close()]);
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  server.reset();
  plain.reset();
});

function visible(r: SendReport): string {
  return [JSON.stringify(r), ...r.diagnostics.map(formatDiagnostic), inspect(r, { depth: 10 })].join('\n');
}

describe('redact', () => {
  it.each(PASSWORDS)('removes every form a server may echo of %j', (p) => {
    const text = `535 ${echoForms(USER, p)}; latin1 ${Buffer.from(p).toString('latin1')}; NFD ${p.normalize('NFD')}; UPPER ${p.toUpperCase()}`;
    const out = redact(text, USER, new Secret(p));
    expectNoLeak(out, p);
    expect(out).toContain('[redacted]');
    expect(out.startsWith('535 ')).toBe(true);
  });

  it('leaves no password in any stretch between redactions (fast-check, hostile text around it)', () => {
    fc.assert(fc.property(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      (p, before, after) => {
        fc.pre(p.trim() !== '');
        const out = redact(`${before}${p}${after} ${p.replace(/\s+/g, ' ')}`, USER, new Secret(p));
        return out.split('[redacted]').every((seg) => !seg.includes(p));
      },
    ), { numRuns: 300 });
  });
});

describe('a server that echoes the password (library report)', () => {
  it.each(PASSWORDS)('AUTH refused with the password quoted back: %j', async (p) => {
    server.behaviour.echo = 'auth';
    const r = await sendBriefings({
      attachments: [real.attachment], recipients: ['ada@example.org'], from: FROM, smtp: smtpFor(server.port, { password: p }),
      logFile: join(dir, `log-${++n}.json`), retries: FAST_RETRIES, env: {},
    });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['mail/auth']);
    expect(r.diagnostics[0]?.message).toContain('[redacted]');
    expectNoLeak(visible(r), p);
  });

  it.each(PASSWORDS.slice(0, 5))('RCPT refused with the password quoted back: %j', async (p) => {
    server.behaviour.echo = 'rcpt';
    server.behaviour.password = p;
    const log = join(dir, `log-${++n}.json`);
    const r = await sendBriefings({
      attachments: [real.attachment], recipients: ['ada@example.org'], from: FROM, smtp: smtpFor(server.port, { password: p }),
      logFile: log, retries: FAST_RETRIES, env: {},
    });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['mail/rejected']);
    expectNoLeak(visible(r), p);
    if (existsSync(log)) expectNoLeak(readFileSync(log, 'utf8'), p);
  });
});

describe('briefkit send never prints the password', () => {
  const KEYS = ['BRIEFKIT_SMTP_HOST', 'BRIEFKIT_SMTP_PORT', 'BRIEFKIT_SMTP_SECURE', 'BRIEFKIT_SMTP_USER', 'BRIEFKIT_SMTP_PASS', 'BRIEFKIT_MAIL_FROM'];
  const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
  afterEach(() => {
    for (const k of KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  async function run(args: string[]): Promise<{ code: number; text: string }> {
    const lines: string[] = [];
    let code = 0;
    const program = new Command('briefkit').exitOverride();
    registerSend(program, { out: (s) => lines.push(s), err: (s) => lines.push(s) }, (c) => { code = Math.max(code, c); });
    await program.parseAsync(args, { from: 'user' });
    return { code, text: lines.join('\n') };
  }

  it.each(PASSWORDS)('stdout, stderr, send log and .eml files hold no form of %j', async (p) => {
    Object.assign(process.env, {
      BRIEFKIT_SMTP_HOST: '127.0.0.1', BRIEFKIT_SMTP_PORT: String(plain.port), BRIEFKIT_SMTP_SECURE: 'none',
      BRIEFKIT_SMTP_USER: USER, BRIEFKIT_SMTP_PASS: p, BRIEFKIT_MAIL_FROM: FROM,
    });
    plain.behaviour.echo = 'auth';
    const log = join(dir, `cli-${++n}.json`);
    const refused = await run(['send', BRIEFING_FILE, '--to', 'ada@example.org', '--log', log]);
    expect(refused.code).toBe(1);
    expect(refused.text).toContain('error mail/auth');
    expectNoLeak(refused.text, p);
    // Accepted this time; the server's 550 quotes the password of the session.
    plain.behaviour.echo = 'rcpt';
    plain.behaviour.password = p;
    const rejected = await run(['send', BRIEFING_FILE, '--to', 'ada@example.org', '--log', log]);
    expect(rejected.text).toContain('error mail/rejected');
    expectNoLeak(rejected.text, p);
    plain.reset();
    plain.behaviour.password = p;
    const sent = await run(['send', BRIEFING_FILE, '--to', 'ada@example.org', '--log', log]);
    expect(sent.code).toBe(0);
    expectNoLeak(readFileSync(log, 'utf8'), p);
    const eml = join(dir, `eml-${n}`);
    await run(['send', BRIEFING_FILE, '--to', 'ada@example.org', '--dry-run', '--out', eml]);
    for (const f of readdirSync(eml)) expectNoLeak(readFileSync(join(eml, f), 'latin1') + readFileSync(join(eml, f), 'utf8'), p);
  });
});

describe('--smtp-config: YAML problems on the password line', () => {
  const P = 'two  spaces  Zq7!hunter2';
  function file(name: string, text: string): string {
    const f = join(dir, name);
    writeFileSync(f, text);
    chmodSync(f, 0o600);
    return f;
  }

  it.each([
    ['unknown tag', `host: 127.0.0.1\nuser: u\npass: !secret ${P}\n`, 3, 7],
    ['yaml 1.1 tag', `host: 127.0.0.1\nuser: u\npass: !!binary ${P}\n`, 3, 7],
    ['unknown directive', `%SECRET ${P}\n---\nhost: 127.0.0.1\npass: x\n`, 1, 1],
    ['duplicate key', `host: 127.0.0.1\npass: ${P}\npass: ${P}\n`, 3, 1],
    ['bad escape', `host: 127.0.0.1\npass: "${P}\\q"\n`, 2, 32],
    ['password as a key', `host: 127.0.0.1\n"${P}": x\n`, 2, 1],
  ])('%s: a located mail/config error, nothing handed to process.emitWarning', (_name, text, line, col) => {
    const warn = vi.spyOn(process, 'emitWarning');
    try {
      const s = readMailSettings({ file: file(`c-${++n}.yaml`, text), env: {} });
      expect(warn).not.toHaveBeenCalled();
      expect(s.smtp).toBeUndefined();
      const d = s.diagnostics[0];
      expect(d?.code).toBe('mail/config');
      expect(d?.loc).toMatchObject({ line, col });
      expectNoLeak(s.diagnostics.map(formatDiagnostic).join('\n'), P);
    } finally {
      warn.mockRestore();
    }
  });

  it('refuses a FIFO, a directory and an oversized file without reading them whole', () => {
    const fifo = join(dir, 'fifo.yaml');
    const made = spawnSync('mkfifo', [fifo]);
    const big = file('big.yaml', `host: h\npass: ${'x'.repeat(100_000)}\n`);
    const cases: [string, RegExp][] = [[dir, /directory/], [big, /bytes/]];
    if (made.status === 0) cases.push([fifo, /not a regular file/]);
    for (const [f, why] of cases) {
      const s = readMailSettings({ file: f, env: {} });
      expect(s.diagnostics.map((d) => d.code)).toEqual(['mail/config']);
      expect(s.diagnostics[0]?.message).toMatch(why);
    }
  });

  it('the real CLI process prints no warning and no password for a tagged pass: line', () => {
    const cfg = file('tagged.yaml', `host: 127.0.0.1\nsecure: none\nuser: u\npass: !secret ${P}\nfrom: b@example.org\n`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'test/helpers/kill-build.ts', 'send', BRIEFING_FILE, '--to', 'a@example.org', '--smtp-config', cfg], {
      encoding: 'utf8', timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${cfg}:4:7: error mail/config`);
    expect(r.stderr).not.toMatch(/Warning/);
    expectNoLeak(r.stdout + r.stderr, P);
  });
});
