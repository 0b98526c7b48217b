import { describe, expect, it } from 'vitest';
import type { Block, DocTree } from '../../src/doc/types.js';
import { layoutPack } from '../../src/layout/pack.js';
import type { PackTail, PagedSection } from '../../src/layout/pack.js';
import type { PageItem } from '../../src/layout/types.js';
import { defaultTheme } from '../../src/theme/index.js';
import { doc, heading, isText, loc, meta, para, t, toc } from './helpers.js';

/*
 * layoutPack lays a pack out one briefing at a time. These cases check what the whole-pack
 * layout guaranteed: briefings start on right-hand pages in duplex, "Page X of Y" counts the
 * whole body, each briefing's own page count, contents numbers equal to the heading pages,
 * bookmarks in print order, and oversized footnotes gathered as endnotes after the last part.
 */

const filler = (n: number, tag: string): Block[] => Array.from({ length: n }, (_v, i) => para(`${tag} line ${i + 1} of the briefing body.`));
const front: DocTree = { meta: { ...meta, title: 'The pack' }, blocks: [{ kind: 'cover', id: 'cover', title: [t('The pack')], lines: [], loc }, toc()], notes: [] };

/** A part with a heading and `lines` one-line paragraphs (36 fill a page). */
function part(id: string, lines: number, notes: readonly string[] = [], refs = false): DocTree {
  const blocks: Block[] = [heading(1, id, `Briefing ${id}`), ...filler(lines, id)];
  if (refs) blocks.push(para(notes.map((_n, i) => ({ kind: 'noteRef' as const, id: `n${i + 1}`, n: i + 1 }))));
  return { ...doc(blocks, notes), meta: { ...meta, title: `Briefing ${id}` } };
}

function build(parts: readonly DocTree[], duplex: boolean): { sections: PagedSection[]; tail: PackTail } {
  const pack = layoutPack({ theme: defaultTheme, messages: {}, duplex });
  const sections = parts.map((tree) => pack.part({ tree, messages: {}, charts: new Map() }));
  return { sections, tail: pack.finish({ front, marking: 'PROTECTED A' }) };
}

const texts = (items: readonly PageItem[]): string => items.filter(isText).map((i) => i.text).join(' ');

describe('layoutPack', () => {
  it.each([true, false])('numbers the body continuously and each briefing on its own (duplex %s)', (duplex) => {
    const { sections, tail } = build([part('a', 50), part('b', 10), part('c', 80)], duplex);
    const body = sections.flatMap((s) => s.pages);
    expect(tail.bodyPages).toBe(body.length);
    expect(tail.furniture).toHaveLength(tail.frontPages + tail.bodyPages);
    // In duplex the front matter is padded to an even count and every briefing starts on an
    // even body index (a right-hand page); blank left pages say so.
    if (duplex) {
      expect(tail.frontPages % 2).toBe(0);
      let start = 0;
      for (const s of sections) {
        const first = s.pages.findIndex((p) => p.items.length > 0);
        expect((start + first) % 2).toBe(0);
        if (first > 0) expect(texts(tail.furniture[tail.frontPages + start] ?? [])).toContain('intentionally left blank');
        start += s.pages.length;
      }
    } else {
      expect(sections.every((s) => s.pages[0]?.items.length)).toBe(true);
    }
    tail.furniture.slice(tail.frontPages).forEach((items, j) => {
      const f = texts(items);
      expect(f).toContain(`Page ${j + 1} of ${tail.bodyPages}`);
      expect(f.match(/PROTECTED A/g)).toHaveLength(2);
    });
    // Each briefing's own count: the last page of briefing a says "page n of n".
    const aPages = sections[0]?.pages.length ?? 0;
    expect(texts(tail.furniture[tail.frontPages] ?? [])).toContain(`Briefing a, page 1 of ${duplex && aPages % 2 ? aPages + 1 : aPages}`);
  });

  it('prints in the contents the pages the headings are on, and bookmarks them in print order', () => {
    const { sections, tail } = build([part('a', 50), part('b', 10), part('c', 80)], true);
    const contents = tail.front.pages.map((p) => texts(p.items)).join(' ');
    let start = 0;
    for (const [i, id] of ['a', 'b', 'c'].entries()) {
      const s = sections[i] as PagedSection;
      const at = s.pages.findIndex((p) => p.anchors.some((a) => a.id === id));
      expect(contents).toMatch(new RegExp(`Briefing ${id} ${start + at + 1}\\b`));
      const mark = tail.outline.find((o) => o.dest === id);
      expect(mark?.page).toBe(tail.frontPages + start + at);
      start += s.pages.length;
    }
    expect(tail.outline.map((o) => o.dest)).toEqual(['cover', 'a', 'b', 'c']);
    expect(tail.pageLabels).toEqual([{ start: 0, style: 'roman', first: 1 }, { start: tail.frontPages, style: 'arabic', first: 1 }]);
    // The cover carries the marking only; the contents page its roman number.
    expect(texts(tail.furniture[0] ?? [])).toBe('PROTECTED A PROTECTED A');
    expect(texts(tail.furniture[1] ?? [])).toContain('Page ii');
  });

  it('gathers footnotes too tall for a page foot in a Notes section after the last briefing, numbered across the pack', () => {
    const long = Array.from({ length: 900 }, (_v, i) => `word${i}`).join(' ');
    const a = part('a', 5, ['A short note.'], true);
    // The pack transform numbers footnotes across the pack: b's note is number 2.
    const b0 = part('b', 5, [long], true);
    const b: DocTree = {
      ...b0,
      blocks: b0.blocks.map((blk) => (blk.kind === 'paragraph' ? { ...blk, content: blk.content.map((c) => (c.kind === 'noteRef' ? { ...c, n: 2 } : c)) } : blk)),
    };
    const { sections, tail } = build([a, b], false);
    expect(texts(sections[0]?.pages[0]?.items ?? [])).toContain('A short note.');
    expect(tail.endnotes).toBeDefined();
    const notes = (tail.endnotes?.pages ?? []).map((p) => texts(p.items)).join(' ');
    expect(notes).toMatch(/^Notes 2\.\s+word0 /);
    expect(notes).toContain('word899');
    expect(tail.bodyPages).toBe(sections.reduce((n, s) => n + s.pages.length, 0) + (tail.endnotes?.pages.length ?? 0));
    // The notes' pages carry the pack's running texts, not the last briefing's.
    expect(texts(tail.furniture.at(-1) ?? [])).toContain('The pack');
  });
});
