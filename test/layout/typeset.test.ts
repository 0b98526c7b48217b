import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocTree, Inline } from '../../src/doc/types.js';
import { printedMeta, typesetDisplay } from '../../src/layout/typeset.js';
import { loc, meta } from './helpers.js';

/*
 * The texts layout prints from data as written (metadata titles, a pack's cover and
 * dividers) are typeset like briefing text. Typesetting is applied to texts that may already
 * be typeset (a briefing's own cover comes from the markup stage), so it must change nothing
 * the second time, and never touch letters, digits or their order.
 */

const txt = (text: string): Inline[] => [{ kind: 'text', text, style: {} }];
const texts = (list: readonly Inline[]): string => list.map((i) => (i.kind === 'text' ? i.text : '')).join('');

describe('printedMeta', () => {
  it.each([
    ['en', 'Canada\'s "Pacific" partner, -5 % in 1994', 'Canada\u2019s \u201cPacific\u201d partner, \u22125 % in 1994'],
    ['fr', 'Fiche d\'information "bilatérale"', 'Fiche d\u2019information \u00ab\u00a0bilatérale\u00a0\u00bb'],
    ['ko', 'Korea "1995"', 'Korea \u201c1995\u201d'],
    ['en', 'Canada \u2013 Republic of Korea', 'Canada \u2013 Republic of Korea'],
  ])('typesets a %s title: %s', (language, title, printed) => {
    const m = printedMeta({ ...meta, language, title, subtitle: title });
    expect(m.title).toBe(printed);
    expect(m.subtitle).toBe(printed);
    const bare = Object.fromEntries(Object.entries(meta).filter(([k]) => k !== 'subtitle')) as unknown as typeof meta;
    expect(printedMeta({ ...bare, language, title }).subtitle).toBeUndefined();
  });

  it('changes nothing the second time, and keeps every letter and digit in order (fast-check)', () => {
    const piece = fc.constantFrom('"', '\'', '-', ' ', '\u00a0', '5', 'a', '\u00e9', '(', '\u2013', '/', 'https://x.org/a-1', '\u201c', '\u00ab');
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }).map((a) => a.join('')), fc.constantFrom('en', 'fr', 'ko', 'de'), (title, language) => {
      const once = printedMeta({ ...meta, language, title });
      expect(printedMeta(once).title).toBe(once.title);
      // URLs written in text keep their characters, quotes included.
      if (!title.includes('https:')) expect(once.title).not.toMatch(/"/u);
      const kept = (s: string): string => s.replace(/[^\p{L}\p{N}]/gu, '');
      expect(kept(once.title)).toBe(kept(title));
    }), { numRuns: 300 });
  });
});

describe('typesetDisplay', () => {
  it('typesets a pack cover and divider, and leaves other blocks and the input alone', () => {
    const tree: DocTree = {
      meta: { ...meta, language: 'en' },
      blocks: [
        { kind: 'cover', title: txt('The "Pacific" pack'), lines: [txt('Dossier d\'information'), txt('-5 %')], loc },
        { kind: 'divider', id: 'a', label: 'Briefing 1 of 1', title: txt('Canada\'s partner'), lines: [txt('"Fact" sheet')], loc },
        { kind: 'paragraph', content: txt('"As written"'), role: 'body', loc },
      ],
      notes: [],
    };
    const before = JSON.stringify(tree);
    const out = typesetDisplay(tree);
    expect(JSON.stringify(tree)).toBe(before);
    const [cover, divider, para] = out.blocks;
    expect(cover?.kind === 'cover' && [texts(cover.title), ...cover.lines.map(texts)]).toEqual(['The \u201cPacific\u201d pack', 'Dossier d\u2019information', '\u22125 %']);
    expect(divider?.kind === 'divider' && [texts(divider.title), ...divider.lines.map(texts)]).toEqual(['Canada\u2019s partner', '\u201cFact\u201d sheet']);
    expect(para).toBe(tree.blocks[2]);
  });
});
