/**
 * Markings read back from what briefkit writes: every page of a pack whose parts are
 * UNCLASSIFIED, `SECRET (NOFORN)` and `top secret - canadian eyes only` carries the combined
 * marking and nothing says UNCLASSIFIED; its PDF keywords and its mail (dry run) too; a
 * briefing with an invisible character in its marking is printed with the real marking on
 * its pages, slides and PPTX masters.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Command, CommanderError } from 'commander';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSend } from '../../src/cli/send.js';
import { buildPack } from '../../src/build/index.js';
import { buildBriefing } from '../../src/build/index.js';
import { buildSlides } from '../../src/build/index.js';
import { pageTexts, pdfInfo, squash, tempFile } from '../helpers/pdf.js';
import { zipNames, zipText } from '../slides/helpers.js';

const SEED = readFileSync('data/briefings/canada-korea-1995.yaml', 'utf8');
const COMBINED = 'TOP SECRET // CANADIAN EYES ONLY // NOFORN';

/** The seed briefing with another id and marking (YAML double-quoted, so escapes work). */
const briefing = (id: string, marking: string): string =>
  SEED.replace('id: canada-korea-1995', `id: ${id}`).replace('classification: UNCLASSIFIED', `classification: "${marking}"`);

/** How often `needle` occurs in `hay`, both squashed (no spaces, as pdftotext may break them). */
const count = (hay: string, needle: string): number => squash(hay).split(squash(needle)).length - 1;

let dir = '';
let manifest = '';
const out = mkdtempSync(join(tmpdir(), 'briefkit-marking-'));

beforeAll(() => {
  // Inside the project: pack paths may not lead out of it.
  dir = mkdtempSync(join(process.cwd(), 'test', '.tmp-marking-'));
  writeFileSync(join(dir, 'a.yaml'), briefing('part-a', 'UNCLASSIFIED'));
  writeFileSync(join(dir, 'b.yaml'), briefing('part-b', 'SECRET (NOFORN)'));
  writeFileSync(join(dir, 'c.yaml'), briefing('part-c', 'top secret - canadian eyes only'));
  manifest = relative(process.cwd(), join(dir, 'pack.yaml'));
  writeFileSync(manifest, 'id: marked-pack\ntitle: Marked pack\ndate: 1995-10-01\nclassification: UNCLASSIFIED\nbriefings: [a.yaml, b.yaml, c.yaml]\n');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe('a pack of UNCLASSIFIED, SECRET (NOFORN) and top secret - canadian eyes only', () => {
  it('carries the combined marking top and bottom of every page, and nowhere UNCLASSIFIED', async () => {
    const r = await buildPack(manifest, { separate: false });
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    expect(r.marking).toBe(COMBINED);
    const path = tempFile(r.pdf, 'pack.pdf');
    const pages = pageTexts(path);
    expect(pages.length).toBe(r.pages);
    pages.forEach((text, i) => {
      // The cover and blank pages carry the marking too; each page has it at the top and the bottom.
      expect(count(text, COMBINED), `page ${i + 1}`).toBe(2);
      expect(text, `page ${i + 1}`).not.toMatch(/UNCLASSIFIED|NON CLASSIFI/i);
    });
    expect(pdfInfo(path)['Keywords']).toContain(COMBINED);
  });

  it('is mailed (dry run) with the combined marking in the subject and both bodies', async () => {
    const lines: string[] = [];
    let code = 0;
    const io = { out: (s: string) => lines.push(s), err: (s: string) => lines.push(s) };
    const program = new Command('briefkit').exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
    registerSend(program, io, (c) => { code = Math.max(code, c); });
    try {
      await program.parseAsync(['send', manifest, '--to', 'ada@example.org', '--from', 'x@example.org', '--dry-run', '--out', out], { from: 'user' });
    } catch (e) {
      if (!(e instanceof CommanderError)) throw e;
      code = 2;
    }
    expect(code, lines.join('\n')).toBe(0);
    const eml = readdirSync(out).find((n) => n.endsWith('.eml'));
    const mail = await simpleParser(readFileSync(join(out, eml ?? 'missing')));
    expect(mail.subject).toBe(`[${COMBINED}] Marked pack – 1 October 1995`);
    expect(mail.text).toContain(COMBINED);
    expect(typeof mail.html === 'string' ? mail.html : '').toContain(COMBINED);
    expect(`${mail.subject ?? ''}${mail.text ?? ''}`).not.toMatch(/UNCLASSIFIED/);
  });
});

describe('a briefing whose marking hides an invisible character', () => {
  const text = briefing('hidden', 'SE\\u200BCRET // ceo');

  it('prints the marking it reads on every page and in the PDF keywords', async () => {
    const r = await buildBriefing({ file: 'hidden.yaml', text });
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    const path = tempFile(r.pdf);
    for (const page of pageTexts(path)) {
      expect(count(page, 'SECRET // CANADIAN EYES ONLY')).toBe(2);
      expect(page).not.toMatch(/UNCLASSIFIED/);
    }
    expect(pdfInfo(path)['Keywords']?.startsWith('SECRET // CANADIAN EYES ONLY')).toBe(true);
  });

  it('prints it on every slide and on the PPTX masters', async () => {
    const r = await buildSlides({ file: 'hidden.yaml', text });
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    for (const page of pageTexts(tempFile(r.pdf, 'slides.pdf'))) expect(count(page, 'SECRET // CANADIAN EYES ONLY')).toBeGreaterThanOrEqual(2);
    const path = tempFile(r.pptx, 'deck.pptx');
    const masters = zipNames(path).filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n)).map((n) => zipText(path, n));
    expect(masters.some((x) => x.includes('SECRET // CANADIAN EYES ONLY'))).toBe(true);
    expect(masters.join('')).not.toMatch(/\u200b|UNCLASSIFIED/);
  });

  it('is refused with marking/unknown when the marking cannot be read', async () => {
    const r = await buildBriefing({ file: 'bad.yaml', text: briefing('bad', 'SECRET // EYES ONLY') });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.find((d) => d.code === 'marking/unknown')?.loc).toEqual({ file: 'bad.yaml', line: 10, col: 17 });
  });
});
