import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { PagedDocument } from '../../src/layout/types.js';
import { buildBriefing } from '../../src/build/index.js';
import { cleanTemp, pageWords, pdfFile } from './pdf-readback.js';
import type { Word } from './pdf-readback.js';

/*
 * Key-figure labels are short display text: never hyphenated, wrapped at spaces, and a word
 * wider than its column is set smaller rather than cut. Read back from the PDF (pdftotext
 * -bbox): the words inside the key-figures panel (the rows its 3 pt accent bar spans).
 */

const FILE = 'data/briefings/canada-korea-1995.fr.yaml';
const SOURCE = readFileSync(FILE, 'utf8');

afterAll(cleanTemp);

/** The French seed with the partner country renamed (in the document and its trade data). */
async function build(partner: string): Promise<{ paged: PagedDocument; words: Word[] }> {
  const text = SOURCE.replace(/^partner: .*$/m, `partner: ${JSON.stringify(partner)}`).replace(/^ {2}partner: .*$/m, `  partner: ${JSON.stringify(partner)}`)
    .replace(/^( +toPartner: ).*$/m, `$1${JSON.stringify(`vers la ${partner}`)}`).replace(/^( +fromPartner: ).*$/m, `$1${JSON.stringify(`de la ${partner}`)}`);
  const r = await buildBriefing({ file: FILE, text });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return { paged: r.paged, words: pageWords(pdfFile(r.pdf))[0] ?? [] };
}

/** Words of page 1 inside the key-figures panel (between the top and bottom of its accent bars). */
function panelWords(paged: PagedDocument, words: readonly Word[]): Word[] {
  const bars = (paged.pages[0]?.items ?? []).flatMap((it) => (it.kind === 'rect' && it.width === 3 ? [it] : []));
  if (bars.length === 0) throw new Error('no key-figures panel');
  const top = Math.min(...bars.map((b) => b.y));
  const bottom = Math.max(...bars.map((b) => b.y + b.height));
  return words.filter((w) => (w.y0 + w.y1) / 2 > top && (w.y0 + w.y1) / 2 < bottom);
}

describe('key-figure labels are never hyphenated (read back from the PDF)', () => {
  it.each([
    'République démocratique populaire lao',
    'Communauté économique des États de l’Afrique centrale',
    'République centrafricaine',
    'Confédération suisse',
  ])('partner %s: every word of the label whole, none ending in a hyphen', async (partner) => {
    const { paged, words } = await build(partner);
    const panel = panelWords(paged, words);
    expect(panel.filter((w) => /\p{L}-$/u.test(w.t)).map((w) => w.t)).toEqual([]);
    const texts = panel.map((w) => w.t);
    for (const part of partner.split(' ')) expect(texts, part).toContain(part);
  }, 60_000);

  it('a word wider than its column is set smaller, whole, inside the panel', async () => {
    const long = 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch';
    const { paged, words } = await build(`République de ${long}`);
    const panel = panelWords(paged, words);
    const hits = panel.filter((w) => w.t === long);
    // In both labels that name the partner (exports to, imports from), on one line each.
    expect(hits.length).toBe(2);
    const c = paged.pages[0]?.content;
    if (!c) throw new Error('no page');
    for (const w of hits) expect(w.x1).toBeLessThanOrEqual(c.x + c.width);
    // No piece of it on its own.
    expect(panel.filter((w) => w.t !== long && long.includes(w.t) && w.t.length > 3)).toEqual([]);
  }, 60_000);
});
