/**
 * Blocks in the author's order, read back from the PDF: every block kind of
 * test/fixtures/content/blocks.yaml prints in order, with its structure tags (L/LI/Lbl with
 * numbers, H3/H4, BlockQuote, Div call-outs, Table, Note); rich text prints its words without
 * its markup; a placed chart is not repeated with the trade figures.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBriefing, buildSlides, briefingTree } from '../../src/index.js';
import type { Block } from '../../src/doc/types.js';
import { pageTexts, squash, structTree, tempFile } from '../helpers/pdf.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/content/blocks.yaml');

/** The words that start each block, in the order the data writes them. */
const ORDER = [
  'Alpha intro', 'strong words', 'emphasised words', '2 * 3', 'snake_case_name', 'a lone * and', 'linked phrase', 'Kim Young Sam',
  'Alpha shorthand bullet', 'Bravo paragraph', '1. Charlie first', '2. Charlie second', '1. Charlie nested one', '2. Charlie nested two',
  'Delta bullet', 'Delta parent', 'Delta child', 'Echo subsection', 'Echo paragraph', 'Foxtrot subsubsection', 'Golf quoted words',
  'Hotel Speaker', 'Key message', 'India key message', 'Juliet custom title', 'Juliet line one', 'Alpha footnote with emphasis',
  'Kilo exports', 'Lima coal', '512.3', '23.3%', '1 January 1990', 'Mike pulp', '301.0', 'Total', '813.3', 'November note', 'Oscar source',
  'Papa trade chart', 'Quebec figures', '$4.7 billion', 'Romeo label', 'Sierra after the break',
];

describe('a section of blocks, read back from the PDF', () => {
  let pages: string[] = [];
  let struct = '';
  let pdf = '';

  beforeAll(async () => {
    const r = await buildBriefing({ file: FIXTURE });
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics, null, 1));
    pdf = tempFile(r.pdf, 'blocks.pdf');
    pages = pageTexts(pdf);
    struct = execFileSync('pdfinfo', ['-struct', pdf], { encoding: 'utf8' });
  }, 60_000);

  it('prints every block in the order the data gives, with no markup characters left', () => {
    const text = squash(pages.join('\n'));
    let from = 0;
    for (const w of ORDER) {
      const at = text.indexOf(squash(w), from);
      expect(at, `"${w}" after position ${from}`).toBeGreaterThanOrEqual(0);
      from = at + 1;
    }
    expect(pages.join('\n')).not.toMatch(/\*\*|\^\[|\]\(|Kim~|_emphasis_/);
  });

  it('starts a new page at the page break, and draws a placed chart once', () => {
    const sierra = pages.findIndex((p) => p.includes('Sierra after the break'));
    const quebec = pages.findIndex((p) => p.includes('Quebec figures'));
    expect(sierra).toBeGreaterThan(quebec);
    expect(pages.join('\n').match(/Papa trade chart/g)).toHaveLength(1);
  });

  it('tags lists with labels, sub-sections as H3 and H4, the quotation, the call-outs, the table and the footnote', () => {
    for (const role of ['L (block)', 'LI (block)', 'Lbl (block)', 'LBody (block)', 'H3 (block)', 'H4 (block)', 'BlockQuote', 'Div', 'Table (block)', 'Note']) {
      expect(struct, role).toContain(role);
    }
    // A list inside a list item: the nested numbered list of "Charlie second".
    expect(struct).toMatch(/LBody \(block\)\n\s+L \(block\)\n\s+LI/);
    const text = structTree(pdf);
    expect(squash(text)).toContain(squash('Golf quoted words.'));
  });

  it('numbers list labels in the text layer, nested lists from 1 again', () => {
    const t = pages.join('\n');
    expect(t).toMatch(/1\.\s+Charlie first[\s\S]*2\.\s+Charlie second[\s\S]*1\.\s+Charlie nested one[\s\S]*2\.\s+Charlie nested two/);
  });

  it('links only the https and mailto targets written in the data', () => {
    const raw = execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf, '-'], { maxBuffer: 64 << 20 }).toString('latin1');
    const uris = [...raw.matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1]);
    expect(uris.sort()).toEqual(['https://example.org/alpha', 'mailto:desk@example.org']);
  });

  it('puts the words of rich text and of the blocks on the slides, without markup', async () => {
    const r = await buildSlides({ file: FIXTURE });
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics, null, 1));
    const t = pageTexts(tempFile(r.pdf, 'slides.pdf')).join('\n');
    expect(squash(t)).toContain(squash('Alpha intro with strong words, emphasised words, 2 * 3, snake_case_name'));
    expect(t).not.toMatch(/\*\*|\^\[|\]\(|Kim~/);
    // A section's blocks reach its talking points too: paragraphs, list items, call-out text.
    for (const w of ['Bravo paragraph', 'Charlie first', 'Delta bullet', 'India key message']) expect(squash(t), w).toContain(squash(w));
  }, 60_000);

  it('builds a document tree with the new block kinds in the data order', () => {
    const tree = briefingTree({ file: FIXTURE }).tree;
    const kinds: string[] = [];
    const walk = (bs: readonly Block[]): void => {
      for (const b of bs) {
        kinds.push(b.kind === 'heading' ? `h${b.level}` : b.kind);
        if (b.kind === 'callout' || b.kind === 'quote') walk(b.blocks);
      }
    };
    walk(tree.blocks);
    const from = kinds.indexOf('h2');
    expect(kinds.slice(from, from + 16)).toEqual([
      'h2', 'paragraph', 'list', 'paragraph', 'list', 'list', 'h3', 'paragraph', 'h4', 'quote', 'paragraph', 'callout', 'paragraph', 'callout', 'list', 'table',
    ]);
  });
});
