/**
 * An adversarial pass over issue 13, with inputs the other tests do not try: markings (every
 * level and caveat of the Canadian and NATO schemes in English and French, odd and look-alike
 * separators, homoglyphs, invisible and combining characters, packs whose parts disagree),
 * secrets (echoed upper-cased, HTML-escaped, form-encoded, unpadded base64; YAML errors on the
 * `pass:` line), XML (hostile text in every deck field, parsed strictly), terminal (controls and
 * bidi in recipients, senders, file names, reporters), bounds (FIFOs and devices for `diff`,
 * `--dpi` past any sense, `--log` under /proc), templates (`--templates`
 * at a file, a device, a pipe; catalogs with prototype keys) and concurrency (builds into one
 * folder). Cases that could hang run in a child process with a time limit.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { formatDiagnostic } from '../../src/diag/format.js';
import { readMailSettings } from '../../src/mail/config.js';
import { isAddress, senderAddress } from '../../src/mail/message.js';
import { Secret, redact } from '../../src/mail/secret.js';
import { combineMarkings, formatMarking, parseMarking } from '../../src/marking/index.js';
import { canadaScheme, natoScheme } from '../../src/marking/schemes.js';
import type { Marking, MarkingScheme } from '../../src/marking/types.js';
import { officeParts, xmpPacket } from '../slides/xml-strict.js';
import { DEFAULT_DATA, removeTemps, runCli, strayTemps, tmp } from './helpers.js';

const LIMIT_MS = 45_000;
const HELPER = resolve('test/helpers/kill-build.ts');
const TSX = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href;
/** Controls, format and bidi characters must never reach a terminal raw. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u;

afterAll(removeTemps);

// ---------------------------------------------------------------------------------------------
// Markings
// ---------------------------------------------------------------------------------------------

/** Reads `text` with a scheme and shows it as the English banner, or `null` for an error. */
function read(text: string, scheme: MarkingScheme = canadaScheme, lang = 'en'): string | null {
  const r = parseMarking(text, scheme);
  return r.ok ? formatMarking(r.marking, scheme, lang) : null;
}

const SEPARATORS: readonly [string, string][] = [
  ['//', ' // '], ['// no spaces', '//'], ['/', ' / '], ['- spaced', ' - '], ['en dash', ' – '], ['em dash', '—'], ['minus sign', ' − '],
  ['parentheses', ' ('], ['brackets', ' ['], ['comma', ', '], ['semicolon', '; '], ['fullwidth solidus', '／'], ['fullwidth hyphen', ' － '],
  ['two spaces', '  '], ['ideographic space', '\u3000'], ['line separator', '\u2028'], ['tab', '\t'],
];

/** A name's English and French spellings (both are defined for every built-in name). */
const spell = (names: { readonly en?: { readonly text: string }; readonly fr?: { readonly text: string } }): { en: string; fr: string } => ({
  en: names.en?.text ?? '', fr: names.fr?.text ?? names.en?.text ?? '',
});
const CAN_LEVELS = canadaScheme.levels.map((l) => spell(l.names));
const CAN_CAVEATS = canadaScheme.caveats.map((c) => spell(c.names));

describe('markings: every level and caveat, in English and French, with every separator', () => {
  const cases: [string, string, string | null][] = [];
  for (const l of CAN_LEVELS) {
    for (const c of CAN_CAVEATS) {
      // A pair the scheme's rules refuse (UNCLASSIFIED // CEO) is refused however it is written.
      const want = parseMarking(`${l.en} // ${c.en}`, canadaScheme).ok ? `${l.en} // ${c.en}` : null;
      for (const [name, sep] of SEPARATORS) {
        const close = sep.includes('(') ? ')' : sep.includes('[') ? ']' : '';
        cases.push([`${l.en}${sep}${c.en}${close} (${name})`, `${l.en}${sep}${c.en}${close}`, want]);
      }
      cases.push([`${l.fr} // ${c.fr} (fr)`, `${l.fr} // ${c.fr}`, want]);
      cases.push([`${c.fr.toLowerCase()} ${l.fr.toLowerCase()} (fr, caveat first, lower case)`, `${c.fr.toLowerCase()} ${l.fr.toLowerCase()}`, want]);
    }
  }
  it.each(cases)('%s', (_name, text, banner) => {
    expect(read(text)).toBe(banner);
  });

  it.each(natoScheme.levels.flatMap((l) => [spell(l.names).en, spell(l.names).fr].map((t) => [t, spell(l.names).en] as const)))(
    'NATO %s reads under the NATO scheme and is refused under the Canadian one', (text, banner) => {
      // ATOMAL stands only at NATO CONFIDENTIAL and above.
      const atomal = natoScheme.levels.findIndex((l) => spell(l.names).en === banner) >= 2;
      expect(read(`${text} // ATOMAL`, natoScheme)).toBe(atomal ? `${banner} // ATOMAL` : null);
      expect(read(text)).toBeNull();
    });
});

describe('markings: look-alikes, invisible and combining characters, odd separators', () => {
  // [what, text, banner or null (a located error, never a guess)]
  const cases: [string, string, string | null][] = [
    ['backslash separator', 'SECRET \\ NOFORN', null],
    ['pipe separator', 'SECRET | NOFORN', null],
    ['middle dot separator', 'SECRET · NOFORN', null],
    ['fraction slash', 'SECRET ⁄ NOFORN', null],
    ['division slash', 'SECRET ∕ NOFORN', null],
    ['braces', 'SECRET {NOFORN}', null],
    ['guillemets', 'SECRET «NOFORN»', null],
    ['colon', 'SECRET: NOFORN', null],
    ['full stop', 'SECRET.', null],
    ['ideographic full stop', 'CONFIDENTIAL。', null],
    ['trailing double slash', 'SECRET // NOFORN //', 'SECRET // NOFORN'],
    ['leading double slash', '// SECRET', 'SECRET'],
    ['slashes only between', 'TOP SECRET////CEO', 'TOP SECRET // CANADIAN EYES ONLY'],
    ['non-breaking hyphen inside a word', 'TOP\u2011SECRET', 'TOP SECRET'],
    ['figure dash splits the level', 'TOP\u2012SECRET', null],
    ['Cyrillic Е in SECRET', 'S\u0415CRET', null],
    ['Cyrillic Ѕ in SECRET', '\u0405ECRET', null],
    ['Greek Ε in SECRET', 'SECR\u0395T', null],
    ['Cyrillic С in CEO', 'SECRET // \u0421EO', null],
    ['Greek Ο in NOFORN', 'SECRET // N\u039fFORN', null],
    ['small capitals (not folded by NFKC)', 'ꜱᴇᴄʀᴇᴛ', null],
    ['fullwidth letters', 'ＴＯＰ　ＳＥＣＲＥＴ', 'TOP SECRET'],
    ['mathematical bold letters', '𝐒𝐄𝐂𝐑𝐄𝐓', 'SECRET'],
    ['circled letters', 'ⓈⒺⒸⓇⒺⓉ', 'SECRET'],
    ['long s', 'ſecret // noforn', 'SECRET // NOFORN'],
    ['dotless i', 'unclassıfıed', 'UNCLASSIFIED'],
    ['ligature fi', 'CONFIDENTIAL // CABINET CONFIDENCE'.replace('FI', 'ﬁ'), 'CONFIDENTIAL // CABINET CONFIDENCE'],
    ['struck-through letters still read (never lower)', 'S\u0336E\u0336C\u0336R\u0336E\u0336T', 'SECRET'],
    ['struck-through TOP keeps TOP (never lower)', 'T\u0336O\u0336P\u0336 SECRET', 'TOP SECRET'],
    ['a combining mark alone as a word', 'SECRET / \u0301 / NOFORN', null],
    ['decomposed French accents', 'PROTE\u0301GE\u0301 B', 'PROTECTED B'],
    ['zero-width joiners inside a word', 'S\u200dE\u200dCRET', 'SECRET'],
    ['zero-width space joins two levels into one unknown word', 'TOP\u200bSECRET', null],
    ['soft hyphen joins two words', 'TOP\u00adSECRET', null],
    ['function application joins level and caveat', 'SECRET\u2061NOFORN', null],
    ['RLO with reversed text', '\u202eTERCES', null],
    ['LRM at the end', 'SECRET\u200e', 'SECRET'],
    ['tag characters', 'SECRET\u{e0041}\u{e0042}', 'SECRET'],
    ['variation selector', 'SECRET\ufe00', 'SECRET'],
    ['Hangul filler between words', 'TOP\u3164 SECRET', 'TOP SECRET'],
    ['ESC sequence leaves words it cannot read', 'SECRET\u001b[31m', null],
    ['lone surrogate', 'SECRET\ud800', null],
    ['noncharacter', 'SECRET\ufffe', null],
    ['emoji', 'SECRET 🔒', null],
    ['private use', 'SECRET \ue000', null],
    ['two levels, one French', 'SECRET // TRÈS SECRET', null],
    ['the same level twice in both languages', 'CONFIDENTIAL / CONFIDENTIEL', 'CONFIDENTIAL'],
    ['a caveat only', 'NOFORN', null],
    ['separators only', ' // / - ( ) ', null],
    ['REL TO with no country', 'SECRET // REL TO', null],
    ['REL TO an unknown trigraph', 'SECRET // REL TO XYZ', null],
    ['two different REL TO lists contradict each other', 'SECRET // REL TO CAN, USA // REL TO GBR', null],
    ['REL TO with the French joiner', 'SECRET // REL TO CAN ET USA', 'SECRET // REL TO CAN, USA'],
    ['a joiner outside a list', 'SECRET AND NOFORN', null],
    ['NATO level under the Canadian scheme', 'NATO SECRET', null],
    ['every caveat, in reverse, lower case', 'cabinet confidence noforn canadian eyes only secret', 'SECRET // CANADIAN EYES ONLY // NOFORN // CABINET CONFIDENCE'],
    ['very long marking: a level repeated 2,000 times', Array.from({ length: 2000 }, () => 'SECRET').join(' // '), 'SECRET'],
    ['very long marking with an unknown word at the end', `${Array.from({ length: 2000 }, () => 'SECRET').join(' // ')} // SECRETS`, null],
  ];
  it.each(cases)('%s', (_what, text, banner) => {
    expect(read(text)).toBe(banner);
  });
});

describe('markings combined: never below a part, never losing a caveat', () => {
  const m = (t: string): Marking => {
    const r = parseMarking(t, canadaScheme);
    if (!r.ok) throw new Error(`fixture marking ${t} does not read`);
    return r.marking;
  };
  const cases: [string, string[], string][] = [
    ['UNCLASSIFIED pack holding TOP SECRET CEO', ['UNCLASSIFIED', 'top secret - canadian eyes only'], 'TOP SECRET // CANADIAN EYES ONLY'],
    ['CONFIDENTIAL pack holding CONFIDENTIAL CEO', ['CONFIDENTIAL', 'CONFIDENTIAL // CANADIAN EYES ONLY'], 'CONFIDENTIAL // CANADIAN EYES ONLY'],
    ['caveats from different parts', ['SECRET (NOFORN)', 'PROTECTED B // CABINET CONFIDENCE', 'CONFIDENTIAL // CEO'], 'SECRET // CANADIAN EYES ONLY // NOFORN // CABINET CONFIDENCE'],
    ['release lists intersected', ['SECRET // REL TO CAN, USA, GBR', 'CONFIDENTIAL // REL TO USA, CAN'], 'SECRET // REL TO CAN, USA'],
    ['a part without a list releases to no one', ['SECRET // REL TO CAN, USA', 'UNCLASSIFIED'], 'SECRET'],
    ['disjoint lists become CEO', ['SECRET // REL TO USA', 'SECRET // REL TO GBR'], 'SECRET // CANADIAN EYES ONLY'],
    ['French parts, English banner', ['TRÈS SECRET', 'PROTÉGÉ C // RÉSERVÉ AUX CANADIENS'], 'TOP SECRET // CANADIAN EYES ONLY'],
  ];
  it.each(cases)('%s', (_what, parts, banner) => {
    expect(formatMarking(combineMarkings(parts.map(m), canadaScheme), canadaScheme, 'en')).toBe(banner);
    expect(formatMarking(combineMarkings([...parts].reverse().map(m), canadaScheme), canadaScheme, 'en')).toBe(banner);
  });
});

/** The seed briefing as data, with some fields replaced; written as JSON (a valid input). */
function briefingJson(dir: string, name: string, change: Record<string, unknown>): string {
  const data = { ...(parseYaml(readFileSync(DEFAULT_DATA, 'utf8')) as Record<string, unknown>), ...change };
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(data, null, 2));
  return file;
}

describe('markings through the CLI', () => {
  let dir: string;
  beforeAll(() => {
    // Inside the project: pack manifests may only name files under it.
    dir = mkdtempSync(join(process.cwd(), 'test', '.tmp-adv13-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['homoglyph level', 'SECR\u0395T'],
    ['invisible inside a caveat', 'SECRET // NO\u200bFORN X'],
    ['pipe separator', 'SECRET | NOFORN'],
    ['NATO marking', 'COSMIC TOP SECRET'],
  ])('validate and build refuse a briefing marked with a %s, at its line and column', async (_what, marking) => {
    const file = briefingJson(dir, `m-${Math.random().toString(36).slice(2)}.json`, { classification: marking });
    const line = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('"classification"')) + 1;
    for (const args of [['validate', file], ['build', file, '--out', join(dir, 'out')]]) {
      const r = await runCli(args);
      expect(r.code, r.err).toBe(1);
      expect(r.err).toContain(`${file}:${line}:`);
      expect(r.err).toContain('marking/unknown');
      expect(r.err).not.toMatch(RAW);
    }
    expect(existsSync(join(dir, 'out', 'canada-korea-1995.pdf'))).toBe(false);
  });

  it('a pack whose parts disagree is marked with all of them on every page, in its keywords and in the mail', async () => {
    const parts = [
      ['a', 'SECRET (NOFORN)'], ['b', 'top secret - canadian eyes only'], ['c', 'CONFIDENTIAL // CABINET CONFIDENCE'], ['d', 'PROTÉGÉ B'],
    ].map(([id, marking]) => briefingJson(dir, `part-${id ?? ''}.json`, { id: `part-${id ?? ''}`, classification: marking }));
    const manifest = join(dir, 'pk.yaml');
    writeFileSync(manifest, [
      'id: adv-pack', 'title: Adversary pack', 'date: 1995-10-01', 'audience: Desk', 'classification: UNCLASSIFIED', 'languages: [en]',
      'briefings:', ...parts.map((p) => `  - ${p.slice(dir.length + 1)}`), '',
    ].join('\n'));
    const out = join(dir, 'pack-out');
    const r = await runCli(['pack', manifest, '--out', out]);
    expect(r.code, r.err).toBe(0);
    const banner = 'TOP SECRET // CANADIAN EYES ONLY // NOFORN // CABINET CONFIDENCE';
    const pdf = join(out, 'adv-pack.pdf');
    const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(8);
    pages.forEach((p, i) => expect(p.split(banner).length - 1, `page ${i + 1}`).toBeGreaterThanOrEqual(2));
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(new RegExp(`Keywords:\\s+${banner.replace(/\//g, '\\/')}`));
    const mail = await runCli(['send', manifest, '--to', 'desk@example.org', '--from', 'b@example.org', '--dry-run', '--out', join(dir, 'mail')]);
    expect(mail.code, mail.err).toBe(0);
    const eml = readdirSync(join(dir, 'mail')).map((f) => readFileSync(join(dir, 'mail', f), 'utf8')).join('\n');
    const subject = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(eml)?.[1] ?? '';
    const decoded = subject.replace(/\r?\n[ \t]/g, '').replace(/=\?UTF-8\?Q\?(.*?)\?=\s*/g, (_m, q: string) => Buffer.from(q.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'));
    expect(decoded.startsWith(`[${banner}]`), decoded).toBe(true);
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------
// Secrets
// ---------------------------------------------------------------------------------------------

describe('secrets: a password echoed by a server in a form the client never sent', () => {
  const cases: [string, string, string][] = [
    ['upper-cased with ß (full case mapping)', 'Straße  geheim', 'STRASSE  GEHEIM'],
    ['lower-cased with İ', 'İSTANBUL-99', 'i̇stanbul-99'],
    ['HTML-escaped', 'p&ss<w>rd"x\'', 'p&amp;ss&lt;w&gt;rd&quot;x&#39;'],
    ['form-encoded, + for spaces', 'two  spaces here', 'two++spaces+here'],
    ['base64 without padding', 'hunter2 secret', Buffer.from('hunter2 secret').toString('base64').replace(/=+$/, '')],
    ['AUTH PLAIN without padding', 'pw: x', Buffer.from('\0u\0pw: x').toString('base64').replace(/=+$/, '')],
    ['percent-encoded lower case', 'café 100%', 'caf%c3%a9%20100%25'],
    ['fullwidth (NFKC) echo', 'ｐａｓｓ ｗｏｒｄ', 'pass word'],
  ];
  it.each(cases)('%s', (_what, pass, echo) => {
    const out = redact(`535 5.7.8 rejected "${echo}" (end)`, 'u', new Secret(pass));
    expect(out).not.toContain(echo);
    expect(out).toContain('[redacted]');
  });
});

describe('secrets: a config file whose pass line does not parse never shows the line', () => {
  let dir: string;
  beforeAll(() => {
    dir = tmp();
  });
  const PASS = 'Zq7-hunter2-NotShown';
  const cases: [string, string][] = [
    ['an alias as the password', `pass: *${PASS}`],
    ['an anchor with the password', `pass: &${PASS} x`],
    ['an unterminated double quote', `pass: "${PASS}`],
    ['an unterminated single quote', `pass: '${PASS}`],
    ['a flow sequence left open', `pass: [${PASS}`],
    ['a reserved @ start', `pass: @${PASS}`],
    ['a reserved backtick start', `pass: \`${PASS}`],
    ['a tab before the value', `pass:\t"${PASS}" extra`],
    ['a mapping in the value', `pass: ${PASS}: more`],
    ['JSON with the password unquoted', `{"host": "h.example", "pass": ${PASS}}`],
    ['JSON with a bad escape', `{"host": "h.example", "pass": "${PASS}\\q"}`],
  ];
  it.each(cases)('%s', (_what, line) => {
    const file = join(dir, `c-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(file, `host: smtp.example.org\nfrom: a@example.org\n${line}\n`, { mode: 0o600 });
    const s = readMailSettings({ file, env: {} });
    const shown = s.diagnostics.map(formatDiagnostic).join('\n') + JSON.stringify(s);
    expect(shown).not.toContain(PASS);
    expect(shown).not.toContain(PASS.slice(4, 14));
  });
});

// ---------------------------------------------------------------------------------------------
// XML
// ---------------------------------------------------------------------------------------------

describe('XML: hostile text in one field at a time, every PPTX part and the XMP parsed strictly', () => {
  let dir: string;
  beforeAll(() => {
    dir = tmp();
  });
  // (C0 and C1 controls are refused by the data stage, so they never reach XML.)
  const H = `A & B <x> "q" 's ]]> <!-- --> <?pi?> &amp; &#0; </a:t></p:txBody> \u2028 \ufffe \ud800 😀 ‮ \u2066x\u2069`;
  const base = parseYaml(readFileSync(DEFAULT_DATA, 'utf8')) as Record<string, unknown>;
  const charts = base['charts'] as Record<string, unknown>[];
  const trade = base['trade'] as Record<string, unknown>;
  const cases: [string, Record<string, unknown>][] = [
    ['author', { author: H }],
    ['keywords', { keywords: [H, `k2 ${H}`] }],
    ['partner and source', { partner: H, source: H }],
    ['chart title, caption, source and series label', {
      charts: charts.map((c, i) => (i === 0 ? { ...c, title: H, caption: H, source: H, series: (c['series'] as Record<string, unknown>[]).map((s) => ({ ...s, label: H })) } : c)),
    }],
    ['top exports (table cells)', { trade: { ...trade, topExports: [H, `${H} 2`] } }],
    ['derived note (speaker notes)', { trade: { ...trade, years: (trade['years'] as Record<string, unknown>[]).map((y, i) => (i === 0 ? { ...y, derived: H } : y)) } }],
  ];
  it.each(cases)('%s', async (what, change) => {
    const file = briefingJson(dir, `x-${what.replace(/\W+/g, '-')}.json`, change);
    const out = join(dir, `out-${what.replace(/\W+/g, '-')}`);
    const r = await runCli(['slides', file, '--out', out]);
    expect(r.code, r.err).toBe(0);
    const pptx = readdirSync(out).find((f) => f.endsWith('.pptx'));
    expect(pptx).toBeDefined();
    const parts = await officeParts(readFileSync(join(out, pptx ?? '')));
    expect(parts.size).toBeGreaterThan(10);
    const pdf = readdirSync(out).find((f) => f.endsWith('.pdf'));
    expect(() => xmpPacket(readFileSync(join(out, pdf ?? '')))).not.toThrow();
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// Terminal and addresses
// ---------------------------------------------------------------------------------------------

describe('terminal: recipients and senders with controls, format and bidi characters are refused', () => {
  const bad = ['a\u001b@example.org', 'a\u0000@example.org', 'a\u007f@example.org', 'a\u0085@example.org', 'a\u202e@example.org', 'a\u200b@example.org', 'a@exam\u200dple.org', 'a@example.org\u2066', 'a\ue000@example.org'];
  it.each(bad)('isAddress(%j) is false, and so is a sender holding it', (a) => {
    expect(isAddress(a)).toBe(false);
    expect(senderAddress(`Briefings <${a}>`)).toBeUndefined();
  });
  it('a display name with a bidi override is no sender', () => {
    expect(senderAddress('Brief\u202eings <b@example.org>')).toBeUndefined();
    expect(senderAddress('Briefings <b@example.org>')).toBe('b@example.org');
  });

  it.each([['--to', 'a\u202e@example.org'], ['--to', 'a\u001b[2J@example.org'], ['--from', 'b\u0007@example.org']])('send %s %j writes nothing and prints it escaped', async (opt, addr) => {
    const dir = tmp();
    const args = ['send', DEFAULT_DATA, '--to', 'a@example.org', '--from', 'b@example.org', '--dry-run', '--out', dir];
    args[args.indexOf(opt) + 1] = addr;
    const r = await runCli(args);
    expect(r.code).toBe(1);
    expect(r.err + r.out).not.toMatch(RAW);
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);

  it.each([
    ['validate, text', ['validate'], 'text'],
    ['validate, json', ['validate', '--reporter', 'json'], 'json'],
    ['check, github', ['check', '--reporter', 'github'], 'github'],
    ['build, json', ['build', '--reporter', 'json'], 'json'],
  ])('a data file named with OSC, BEL and a line break: %s', async (_what, cmd, reporter) => {
    const dir = tmp();
    const file = join(dir, 'x\u001b]0;pwn\u0007\nbuilt fake.pdf\u202e.yaml');
    writeFileSync(file, 'id: [unclosed\n');
    const r = await runCli([...cmd, file, ...(cmd[0] === 'validate' ? [] : ['--out', join(dir, 'o')])]);
    expect(r.code).toBe(1);
    expect(r.err + r.out).not.toMatch(RAW);
    const lines = (r.err + r.out).split('\n').filter((l) => l !== '');
    expect(lines.some((l) => /^built /.test(l))).toBe(false);
    if (reporter === 'json') for (const l of r.out.split('\n').filter((x) => x !== '')) expect(() => JSON.parse(l) as unknown).not.toThrow();
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// Bounds: cases that could hang run in a child process with a time limit
// ---------------------------------------------------------------------------------------------

interface Run {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
  readonly hung: boolean;
}

function child(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  const c = spawn(process.execPath, ['--import', TSX, HELPER, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  c.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  c.stderr.on('data', (d: Buffer) => { err += d.toString(); });
  let hung = false;
  const timer = setTimeout(() => {
    hung = true;
    c.kill('SIGKILL');
  }, LIMIT_MS);
  return new Promise((done) => {
    c.on('close', (code) => {
      clearTimeout(timer);
      done({ code, out, err, hung });
    });
  });
}

describe('bounds: nothing hangs, everything is a located error', () => {
  let dir: string;
  let fifo: string;
  let pdf: string;
  beforeAll(async () => {
    dir = tmp();
    fifo = join(dir, 'pipe.pdf');
    execFileSync('mkfifo', [fifo]);
    const r = await runCli(['build', DEFAULT_DATA, '--out', join(dir, 'b'), '--force']);
    expect(r.code, r.err).toBe(0);
    pdf = join(dir, 'b', 'canada-korea-1995.pdf');
    symlinkSync(fifo, join(dir, 'link-to-pipe.pdf'));
  }, 60_000);

  const cases: [string, (d: { dir: string; fifo: string; pdf: string }) => { args: string[]; env?: Record<string, string> }, RegExp][] = [
    ['diff of a FIFO', (d) => ({ args: ['diff', d.fifo, d.pdf, '--out', join(d.dir, 'd1')] }), /diff\/unreadable.*named pipe/],
    ['diff of a link to a FIFO', (d) => ({ args: ['diff', d.pdf, join(d.dir, 'link-to-pipe.pdf'), '--out', join(d.dir, 'd2')] }), /diff\/unreadable.*named pipe/],
    ['diff of /dev/zero', (d) => ({ args: ['diff', '/dev/zero', d.pdf, '--out', join(d.dir, 'd3')] }), /diff\/unreadable.*device/],
    ['diff of a folder', (d) => ({ args: ['diff', d.dir, d.pdf, '--out', join(d.dir, 'd4')] }), /diff\/unreadable.*directory/],
    ['diff --dpi 5000', (d) => ({ args: ['diff', d.pdf, d.pdf, '--dpi', '5000', '--out', join(d.dir, 'd5')] }), /diff\/dpi/],
    ['diff --dpi -5', (d) => ({ args: ['diff', d.pdf, d.pdf, '--dpi', '-5', '--out', join(d.dir, 'd6')] }), /diff\/dpi/],
    ['diff --dpi abc', (d) => ({ args: ['diff', d.pdf, d.pdf, '--dpi', 'abc', '--out', join(d.dir, 'd7')] }), /diff\/dpi/],
    ['send --log under /proc', () => ({
      args: ['send', DEFAULT_DATA, '--to', 'a@example.org', '--log', '/proc/self/x/send-log.json'],
      env: { BRIEFKIT_SMTP_HOST: '127.0.0.1', BRIEFKIT_SMTP_PORT: '1', BRIEFKIT_SMTP_SECURE: 'none', BRIEFKIT_MAIL_FROM: 'b@example.org' },
    }), /mail\/log.*nothing was sent/],
  ];
  it.each(cases)('%s', async (_what, make, diagnostic) => {
    const { args, env } = make({ dir, fifo, pdf });
    const r = await child(args, env);
    expect(r.hung, `${r.err}${r.out}`).toBe(false);
    expect(r.code, r.err).toBe(1);
    expect(r.err + r.out).toMatch(diagnostic);
  }, LIMIT_MS + 10_000);
});

// ---------------------------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------------------------

describe('templates: --templates pointing at odd things, catalogs with prototype keys', () => {
  let dir: string;
  beforeAll(() => {
    dir = tmp();
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    execFileSync('mkfifo', [join(dir, 'a-pipe')]);
    // A copy of the bundled templates whose English catalog carries prototype keys.
    execFileSync('cp', ['-r', resolve('templates'), join(dir, 'proto')]);
    const cat = join(dir, 'proto', 'messages', 'en.json');
    const messages = readFileSync(cat, 'utf8').replace(/^\{/, '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}},');
    writeFileSync(cat, messages);
  });
  it.each([
    ['a file', () => join(dir, 'a-file')],
    ['a FIFO', () => join(dir, 'a-pipe')],
    ['/dev/null', () => '/dev/null'],
    ['/proc/self', () => '/proc/self'],
  ])('--templates %s is a located error, and nothing is built', async (_what, where) => {
    const out = join(dir, `o-${Math.random().toString(36).slice(2)}`);
    const r = await child(['build', DEFAULT_DATA, '--templates', where(), '--out', out]);
    expect(r.hung, r.err).toBe(false);
    expect(r.code, r.err).toBe(1);
    expect(r.err).toMatch(/template\//);
    expect(existsSync(join(out, 'canada-korea-1995.pdf'))).toBe(false);
  }, LIMIT_MS + 10_000);

  it('a catalog with __proto__ and constructor keys pollutes nothing', async () => {
    const r = await runCli(['build', DEFAULT_DATA, '--templates', join(dir, 'proto'), '--out', join(dir, 'po'), '--force']);
    expect(r.code === 0 || r.code === 1, r.err).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(r.err).not.toMatch(RAW);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// Concurrency
// ---------------------------------------------------------------------------------------------

describe('concurrency: three builds of different briefings into one folder at once', () => {
  it('keep every manifest entry and leave no temporary file', async () => {
    const dir = tmp();
    const src = join(dir, 'src');
    mkdirSync(src);
    const files = ['x1', 'x2', 'x3'].map((id) => briefingJson(src, `${id}.json`, { id }));
    const out = join(dir, 'out');
    const runs = await Promise.all(files.map((f) => child(['build', f, '--out', out])));
    for (const r of runs) {
      expect(r.hung, r.err).toBe(false);
      expect(r.code, r.err).toBe(0);
    }
    const manifest = JSON.parse(readFileSync(join(out, '.briefkit-manifest.json'), 'utf8')) as unknown;
    const text = JSON.stringify(manifest);
    for (const id of ['x1', 'x2', 'x3']) expect(text).toContain(`${id}.pdf`);
    expect(strayTemps(out)).toEqual([]);
    expect(existsSync(join(out, '.briefkit-manifest.json.lock'))).toBe(false);
  }, LIMIT_MS * 2);
});
