import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { simpleParser } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerSend } from '../../src/cli/send.js';
import { BRIEFING_FILE, realBriefing } from './fixture.js';
import { PASS, USER, startServer } from './server.js';
import type { TestServer } from './server.js';

let server: TestServer;
let dir: string;
const ENV_KEYS = ['BRIEFKIT_SMTP_HOST', 'BRIEFKIT_SMTP_PORT', 'BRIEFKIT_SMTP_SECURE', 'BRIEFKIT_SMTP_USER', 'BRIEFKIT_SMTP_PASS', 'BRIEFKIT_MAIL_FROM', 'SOURCE_DATE_EPOCH'];
const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));

beforeAll(async () => {
  // A plain (no STARTTLS) server: the CLI has no switch to accept a self-signed certificate,
  // and secure: none with a password is allowed to loopback only.
  [server] = await Promise.all([startServer({ plain: true }), realBriefing()]);
  dir = mkdtempSync(join(tmpdir(), 'briefkit-mail-cli-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  server.reset();
  for (const k of ENV_KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  let code = 0;
  const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
  const program = new Command('briefkit').exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  registerSend(program, io, (c) => { code = Math.max(code, c); });
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    code = 2;
  }
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function useServer(): void {
  Object.assign(process.env, {
    BRIEFKIT_SMTP_HOST: '127.0.0.1', BRIEFKIT_SMTP_PORT: String(server.port), BRIEFKIT_SMTP_SECURE: 'none',
    BRIEFKIT_SMTP_USER: USER, BRIEFKIT_SMTP_PASS: PASS, BRIEFKIT_MAIL_FROM: 'Briefings <briefings@example.org>',
  });
}

describe('briefkit send', () => {
  it('--dry-run builds the briefing and writes .eml files', async () => {
    const out = join(dir, 'dry');
    const r = await run(['send', BRIEFING_FILE, '--to', 'ada@example.org,grace@example.org', '--from', 'x@example.org', '--dry-run', '--out', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['canada-korea-1995.ada@example.org.eml', 'canada-korea-1995.grace@example.org.eml']);
    const mail = await simpleParser(readFileSync(join(out, 'canada-korea-1995.ada@example.org.eml')));
    expect(mail.subject).toBe('[UNCLASSIFIED] Canada – Republic of Korea – 1 October 1995');
    expect(mail.attachments[0]?.filename).toBe('canada-korea-1995.pdf');
  });

  it('--to takes names and quoted names with commas, and locates a bad entry at its column', async () => {
    const out = join(dir, 'names');
    const r = await run(['send', BRIEFING_FILE, '--to', '"Doe, Jane" <jane@example.org>, Desk Officer <desk@example.org>', '--from', 'x@example.org', '--dry-run', '--out', out]);
    expect(r.err).toBe('');
    expect(readdirSync(out).sort()).toEqual(['canada-korea-1995.desk@example.org.eml', 'canada-korea-1995.jane@example.org.eml']);
    const mail = await simpleParser(readFileSync(join(out, 'canada-korea-1995.jane@example.org.eml')));
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value : []).toEqual([{ name: 'Doe, Jane', address: 'jane@example.org' }]);
    const bad = await run(['send', BRIEFING_FILE, '--to', 'ada@example.org, Boss\u0007 <b@example.org>', '--from', 'x@example.org', '--dry-run', '--out', join(dir, 'bad-names')]);
    expect(bad.code).toBe(1);
    // Column 18: the B of Boss, after "ada@example.org, ".
    expect(bad.err).toMatch(/^--to:1:18: error mail\/address: the recipient "Boss\\u0007 <b@example.org>" holds a control/m);
    expect(existsSync(join(dir, 'bad-names'))).toBe(false);
  });

  it('sends with settings from the environment, logs, and skips on a re-run; the password is never printed', async () => {
    useServer();
    const log = join(dir, 'send-log.json');
    const args = ['send', BRIEFING_FILE, '--to', 'ada@example.org', 'grace@example.org', '--log', log];
    const first = await run(args);
    expect(first.code).toBe(0);
    expect(first.out).toBe('sent canada-korea-1995 to ada@example.org\nsent canada-korea-1995 to grace@example.org');
    expect(first.err).toContain(`smtp://${USER}@127.0.0.1:${server.port} (none, password set)`);
    expect(server.deliveries.map((d) => d.authMethod)).toEqual(['PLAIN', 'PLAIN']);
    const second = await run(args);
    expect(second.code).toBe(0);
    expect(second.out).toContain('skipped canada-korea-1995 for ada@example.org: already sent');
    expect(server.deliveries).toHaveLength(2);
    for (const r of [first, second]) expect(r.out + r.err).not.toContain(PASS);
    expect(readFileSync(log, 'utf8')).not.toContain(PASS);
  });

  it('exits 1 with mail/auth on wrong credentials, without printing either password', async () => {
    useServer();
    process.env['BRIEFKIT_SMTP_PASS'] = 'wrong-Secret-42';
    const r = await run(['send', BRIEFING_FILE, '--to', 'ada@example.org', '--log', join(dir, 'auth-log.json')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('error mail/auth');
    expect(r.out + r.err).not.toContain('wrong-Secret-42');
    expect(r.out + r.err).not.toContain(PASS);
  });

  it('exits 1 with formatted diagnostics for a bad briefing file, sending nothing', async () => {
    useServer();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'id: x\nlanguage: en\n');
    const r = await run(['send', BRIEFING_FILE, bad, '--to', 'ada@example.org', '--log', join(dir, 'bad-log.json')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.yaml:\d+:\d+: error /);
    expect(r.err).toContain('nothing was sent');
    expect(server.connections).toBe(0);
    expect(existsSync(join(dir, 'bad-log.json'))).toBe(false);
  });

  it('exits 1 for a message over --max-mb, 2 for a bad --max-mb, 1 without a sender', async () => {
    useServer();
    const big = await run(['send', BRIEFING_FILE, '--to', 'ada@example.org', '--max-mb', '0.01', '--log', join(dir, 'big.json')]);
    expect(big.code).toBe(1);
    expect(big.err).toContain('error mail/too-large');
    expect(server.connections).toBe(0);
    expect((await run(['send', BRIEFING_FILE, '--to', 'ada@example.org', '--max-mb', 'lots'])).code).toBe(2);
    delete process.env['BRIEFKIT_MAIL_FROM'];
    const nofrom = await run(['send', BRIEFING_FILE, '--to', 'ada@example.org', '--dry-run', '--out', join(dir, 'nf')]);
    expect(nofrom.code).toBe(1);
    expect(nofrom.err).toContain('no sender address');
  });

  it('has no option that takes a password', async () => {
    const r = await run(['send', '--help']);
    expect(r.out).toContain('--smtp-config');
    expect(r.out).not.toMatch(/--[\w-]*(pass|secret|password)/i);
  });

  it('sends a pack as one PDF to its distribution list, and the attachment is the pack itself', async () => {
    useServer();
    const log = join(dir, 'pack-log.json');
    const r = await run(['send', 'data/packs/korea-1995.yaml', '--log', log]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe('sent korea-1995-pack to asia-pacific.desk@example.org');
    const got = server.deliveries.filter((d) => d.to.includes('asia-pacific.desk@example.org'));
    expect(got).toHaveLength(1);
    const mail = await simpleParser(got[0]?.raw ?? Buffer.alloc(0));
    expect(mail.subject).toBe('[UNCLASSIFIED] Canada – Republic of Korea – 1 October 1995');
    const pdf = mail.attachments[0];
    expect(pdf?.filename).toBe('korea-1995-pack.pdf');
    expect(pdf?.contentType).toBe('application/pdf');
    const { buildPack } = await import('../../src/build/index.js');
    const built = await buildPack('data/packs/korea-1995.yaml', { separate: false });
    expect(built.ok && pdf?.content.equals(built.pdf)).toBe(true);
  });
});
