/**
 * Cross-references (`[](#id)` in data's rich text), read back from the PDF: a reference prints
 * the number its target is printed with ("Figure 2", "Table 2", a section's title), forward
 * references included; it follows renumbering; it is a link to a named destination where the
 * target is drawn; a document without references gets no destinations it did not have.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/index.js';
import { loadBriefing } from '../../src/data/load.js';
import { parseRich } from '../../src/data/rich.js';
import { openPdf } from '../helpers/pdfjs.js';
import { pageTexts, squash, tempFile } from '../helpers/pdf.js';

const FILE = join('test', 'fixtures', 'xref', 'refs.yaml');
const SOURCE = readFileSync(FILE, 'utf8');

async function build(text = SOURCE): Promise<{ text: string; bytes: Uint8Array }> {
  const r = await buildBriefing({ file: FILE, text });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return { text: squash(pageTexts(tempFile(r.pdf, 'xref.pdf')).join('\n')), bytes: r.pdf };
}

/** Every internal link: its text-free target (named destination) and the page it is on. */
async function gotoLinks(bytes: Uint8Array): Promise<{ page: number; dest: string }[]> {
  const doc = await openPdf(bytes);
  const out: { page: number; dest: string }[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    for (const a of await (await doc.getPage(p)).getAnnotations()) {
      const ann = a as { subtype?: string; dest?: unknown };
      if (ann.subtype === 'Link' && typeof ann.dest === 'string') out.push({ page: p, dest: ann.dest });
    }
  }
  return out;
}

describe('rich text: [](#id) is a cross-reference', () => {
  it.each([
    ['[](#fig-trade)', { kind: 'ref', id: 'fig-trade', children: [] }],
    ['[the table](#t1)', { kind: 'ref', id: 't1', children: [{ kind: 'text', text: 'the table' }] }],
  ])('%s', (src, node) => {
    expect(parseRich(src)).toEqual({ nodes: [node], problems: [] });
  });

  it.each(['[](#Upper)', '[](#a b)', '[](#)', '[](#-x)'])('%s is still a bad link target', (src) => {
    expect(parseRich(src).problems.map((p) => p.code)).toEqual(['data/link']);
  });
});

describe('an unknown id', () => {
  it('is data/ref at the field that names it, with the ids there are', () => {
    const r = loadBriefing({ file: FILE, text: SOURCE.replace('[](#balance-chart)', '[](#no-such-chart)') });
    expect(r.ok).toBe(false);
    const d = r.diagnostics.find((x) => x.code === 'data/ref');
    expect(d?.message).toContain('#no-such-chart');
    expect(d?.loc?.line).toBe(9);
    expect(d?.hint).toContain('`trade-mix`');
  });
});

describe('references read back from the PDF', () => {
  it('print the numbers their targets are printed with, forward ones too, and a section\'s title', async () => {
    const { text } = await build();
    expect(text).toContain(squash('Alpha intro sees Figure 1 and Figure 2, then Table 2 and the section The “Outlook” ahead.'));
    expect(text).toContain(squash('Figure 1. Trade mix'));
    expect(text).toContain(squash('Figure 2. Balance chart'));
    expect(text).toContain(squash('Table 2. Exports table'));
    expect(text).toContain(squash('Bravo paragraph points at the exports table.'));
    expect(text).toContain(squash('Charlie bullet back to Overview.'));
  }, 60_000);

  it('follow renumbering: the balance chart placed first becomes Figure 1, and the references say so', async () => {
    const moved = SOURCE.replace('      - chart: trade-mix\n', '      - chart: balance-chart\n      - chart: trade-mix\n');
    const { text } = await build(moved);
    expect(text).toContain(squash('Figure 1. Balance chart'));
    expect(text).toContain(squash('Alpha intro sees Figure 2 and Figure 1, then Table 2'));
  }, 60_000);

  it('are links to named destinations that exist, on the pages of their targets', async () => {
    const { bytes } = await build();
    const links = await gotoLinks(bytes);
    expect(links.map((l) => l.dest).sort()).toEqual(['fig:balance-chart', 'fig:trade-mix', 'overview', 'tbl:tbl-exports', 'tbl:tbl-exports', 'the-outlook-ahead'].sort());
    const doc = await openPdf(bytes);
    const pageOf = async (name: string): Promise<number> => {
      const dest = await doc.getDestination(name);
      expect(dest, name).not.toBeNull();
      return (await doc.getPageIndex(dest?.[0] as never)) + 1;
    };
    expect(await pageOf('fig:trade-mix')).toBe(1);
    expect(await pageOf('fig:balance-chart')).toBe(2);
    expect(await pageOf('tbl:tbl-exports')).toBe(1);
    // A table no reference names gets no destination.
    expect(await doc.getDestination('tbl:tbl-first')).toBeNull();
  }, 60_000);
});
