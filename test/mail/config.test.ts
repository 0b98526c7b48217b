import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diag/format.js';
import { describeSmtp, readMailSettings } from '../../src/mail/config.js';
import { Secret, redact } from '../../src/mail/secret.js';

const PASS = 'Pa55-w0rd!-do-not-print';
const dir = mkdtempSync(join(tmpdir(), 'briefkit-mail-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string, mode = 0o600): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  chmodSync(p, mode);
  return p;
}

function shown(x: unknown): string {
  return [JSON.stringify(x), inspect(x, { depth: 10 }), String(x)].join('\n');
}

describe('SMTP settings', () => {
  it('reads the BRIEFKIT_* environment variables, the password as a Secret', () => {
    const s = readMailSettings({ env: {
      BRIEFKIT_SMTP_HOST: 'smtp.example.org', BRIEFKIT_SMTP_PORT: '2525', BRIEFKIT_SMTP_SECURE: 'starttls',
      BRIEFKIT_SMTP_USER: 'me', BRIEFKIT_SMTP_PASS: PASS, BRIEFKIT_MAIL_FROM: 'me@example.org',
    } });
    expect(s.diagnostics).toEqual([]);
    expect(s.from).toBe('me@example.org');
    expect(s.smtp).toMatchObject({ host: 'smtp.example.org', port: 2525, secure: 'starttls', user: 'me' });
    expect(s.smtp?.pass?.reveal()).toBe(PASS);
    expect(shown(s)).not.toContain(PASS);
    expect(describeSmtp(s.smtp ?? { host: '', port: 0, secure: 'none' })).toBe('smtp://me@smtp.example.org:2525 (starttls, password set)');
  });

  it('picks the port from the security mode and the mode from the port', () => {
    expect(readMailSettings({ env: { BRIEFKIT_SMTP_HOST: 'h.example', BRIEFKIT_SMTP_SECURE: 'tls' } }).smtp?.port).toBe(465);
    expect(readMailSettings({ env: { BRIEFKIT_SMTP_HOST: 'h.example' } }).smtp).toMatchObject({ port: 587, secure: 'starttls' });
    expect(readMailSettings({ env: { BRIEFKIT_SMTP_HOST: 'h.example', BRIEFKIT_SMTP_PORT: '465' } }).smtp?.secure).toBe('tls');
  });

  it('has no server when no host is set (fine for a dry run)', () => {
    const s = readMailSettings({ env: { BRIEFKIT_MAIL_FROM: 'a@example.org' } });
    expect(s).toEqual({ from: 'a@example.org', diagnostics: [] });
  });

  it('reads a YAML or JSON file, which overrides the environment field by field, keeping leading zeros', () => {
    const y = file('smtp.yaml', 'host: mail.example.org\nport: 587\nuser: bot\npass: 0123\nfrom: Bot <bot@example.org>\n');
    const s = readMailSettings({ file: y, env: { BRIEFKIT_SMTP_HOST: 'other.example', BRIEFKIT_SMTP_SECURE: 'tls', BRIEFKIT_SMTP_PORT: '465' } });
    expect(s.diagnostics).toEqual([]);
    expect(s.smtp).toMatchObject({ host: 'mail.example.org', port: 587, secure: 'tls', user: 'bot' });
    expect(s.smtp?.pass?.reveal()).toBe('0123');
    const j = file('smtp.json', JSON.stringify({ host: 'j.example.org', port: 2587, secure: 'starttls' }));
    expect(readMailSettings({ file: j, env: {} }).smtp).toMatchObject({ host: 'j.example.org', port: 2587 });
  });

  it('reports bad values as mail/config, never echoing the password', () => {
    const bad = readMailSettings({ env: { BRIEFKIT_SMTP_HOST: 'h.example', BRIEFKIT_SMTP_SECURE: 'ssl', BRIEFKIT_SMTP_PORT: '99999' } });
    expect(bad.diagnostics.map((d) => d.code)).toEqual(['mail/config', 'mail/config']);
    expect(bad.smtp).toBeUndefined();
    const broken = file('broken.yaml', `host: h.example\npass: "${PASS}\n  : : [\n`);
    const b = readMailSettings({ file: broken, env: {} });
    expect(b.diagnostics.map((d) => d.code)).toEqual(['mail/config']);
    expect(b.diagnostics.map(formatDiagnostic).join('\n')).not.toContain(PASS);
    const typo = readMailSettings({ file: file('typo.yaml', `host: h.example\npassword: ${PASS}\n`), env: {} });
    expect(typo.diagnostics[0]?.message).toContain('unknown setting in');
    expect(typo.diagnostics.map(formatDiagnostic).join('\n')).not.toContain(PASS);
    const missing = readMailSettings({ file: join(dir, 'nope.yaml'), env: {} });
    expect(missing.diagnostics[0]?.message).toContain('ENOENT');
  });

  it('refuses to send a password unencrypted except to this machine', () => {
    const env = { BRIEFKIT_SMTP_SECURE: 'none', BRIEFKIT_SMTP_USER: 'u', BRIEFKIT_SMTP_PASS: PASS };
    const far = readMailSettings({ env: { ...env, BRIEFKIT_SMTP_HOST: 'smtp.example.org' } });
    expect(far.diagnostics.map((d) => d.code)).toEqual(['mail/config']);
    expect(far.diagnostics[0]?.message).toContain('without encryption');
    expect(readMailSettings({ env: { ...env, BRIEFKIT_SMTP_HOST: '127.0.0.1' } }).smtp?.secure).toBe('none');
  });

  it('warns when a config file holding a password is readable by others', () => {
    const p = file('open.yaml', `host: h.example\nuser: u\npass: ${PASS}\n`, 0o644);
    const s = readMailSettings({ file: p, env: {} });
    expect(s.diagnostics.map((d) => [d.code, d.severity])).toEqual([['mail/config-permissions', 'warning']]);
    expect(s.smtp).toBeDefined();
  });
});

describe('Secret and redact', () => {
  it('prints as [redacted] everywhere', () => {
    const s = new Secret(PASS);
    expect(`${s}`).toBe('[redacted]');
    expect(JSON.stringify({ s })).toBe('{"s":"[redacted]"}');
    expect(inspect({ s })).not.toContain(PASS);
    expect(s.reveal()).toBe(PASS);
  });

  it('removes the password and its AUTH PLAIN / LOGIN base64 forms from text', () => {
    const s = new Secret(PASS);
    const plain = Buffer.from(`\0me\0${PASS}`).toString('base64');
    const login = Buffer.from(PASS).toString('base64');
    const text = `535 bad ${PASS} AUTH PLAIN ${plain} then ${login}`;
    const out = redact(text, 'me', s);
    expect(out).not.toContain(PASS);
    expect(out).not.toContain(plain);
    expect(out).not.toContain(login);
    expect(redact('nothing', 'me', undefined)).toBe('nothing');
  });
});
