/**
 * Rich text in data: the parser (table-driven), its markup through the real markup parser
 * (what reaches the document tree), and hostile text (fast-check): no structure is ever
 * injected, no link but https/mailto, every word survives, and parsing stays linear.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRich, richPlain } from '../../src/data/rich.js';
import type { RichNode } from '../../src/data/rich.js';
import { parseMarkup } from '../../src/doc/parse.js';
import type { Block, Inline } from '../../src/doc/types.js';
import { escapeMarkup } from '../../src/template/escape.js';
import { RichNotes, richMarkup } from '../../src/template/rich.js';

/** A compact picture of rich nodes: `*x*` em, `**x**` strong, `[x](u)` link, `^[x]` note. */
function show(nodes: readonly RichNode[]): string {
  return nodes.map((n) => {
    switch (n.kind) {
      case 'text': return n.text;
      case 'em': return `<em>${show(n.children)}</em>`;
      case 'strong': return `<b>${show(n.children)}</b>`;
      case 'link': return `<a ${n.href}>${show(n.children)}</a>`;
      case 'note': return `<note>${show(n.children)}</note>`;
    }
  }).join('');
}

describe('parseRich', () => {
  it.each([
    ['plain text', 'plain text'],
    ['*em* and _em_', '<em>em</em> and <em>em</em>'],
    ['**strong** words', '<b>strong</b> words'],
    ['**strong *and em* inside**', '<b>strong <em>and em</em> inside</b>'],
    ['2 * 3 = 6', '2 * 3 = 6'],
    ['a * b * c', 'a * b * c'],
    ['snake_case_name', 'snake_case_name'],
    ['__init__', '__init__'],
    ['*', '*'],
    ['**', '**'],
    ['*unclosed', '*unclosed'],
    ['\\*not em\\*', '*not em*'],
    ['back\\slash and \\\\', 'back\\slash and \\'],
    ['[site](https://example.org/a_(b))', '<a https://example.org/a_(b)>site</a>'],
    ['[mail](mailto:desk@example.org)', '<a mailto:desk@example.org>mail</a>'],
    ['[*em link*](https://x.example)', '<a https://x.example><em>em link</em></a>'],
    ['[no target] here', '[no target] here'],
    ['text^[a note with *em*] more', 'text<note>a note with <em>em</em></note> more'],
    ['^[outer ^[inner]]', '<note>outer ^[inner]</note>'],
    ['Kim~Young~Sam, 5~%', 'Kim\u00a0Young\u00a0Sam, 5\u00a0%'],
    ['~5 %, a ~ b, https://x.example/~u, \\~', '~5 %, a ~ b, https://x.example/~u, ~'],
  ])('%s', (src, want) => {
    const r = parseRich(src);
    expect(r.problems).toEqual([]);
    expect(show(r.nodes)).toBe(want);
  });

  it.each([
    ['[x](javascript:alert(1))', 'javascript:alert(1)'],
    ['[x](http://plain.example)', 'http://plain.example'],
    ['[x](file:///etc/passwd)', 'file:///etc/passwd'],
    ['[x](https://a.example/with space)', 'https://a.example/with space'],
    ['[x](#Section)', '#Section'],
    ['[x](HTTPS://ok.example\\evil)', 'HTTPS://ok.example\\evil'],
  ])('refuses the link target of %s, keeping its text', (src, target) => {
    const r = parseRich(src);
    expect(r.problems.map((p) => p.code)).toEqual(['data/link']);
    expect(r.problems[0]?.message).toContain(target.slice(0, 20));
    expect(show(r.nodes)).toBe('x');
  });

  it('parses 20,000 characters of unclosed delimiters and brackets in linear time', () => {
    for (const unit of ['*a ', '**a ', '_a ', '[a](', '^[a ', '[[[', '\\', '~a']) {
      const src = unit.repeat(Math.ceil(20_000 / unit.length)).slice(0, 20_000);
      const t0 = performance.now();
      const r = parseRich(src);
      expect(performance.now() - t0, unit).toBeLessThan(500);
      expect(richPlain(r.nodes).length).toBeGreaterThan(0);
    }
  });
});

/** The markup for a value, parsed by the real markup parser as a template would place it. */
function throughMarkup(text: string): { blocks: readonly Block[]; notes: readonly { content: readonly Inline[] }[]; problems: number } {
  const notes = new RichNotes();
  const markup = `- ${richMarkup(text, notes)}\n${notes.definitions()}`;
  const r = parseMarkup({ markup, file: 'rich.md', meta: { title: 't', language: 'en', classification: 'UNCLASSIFIED', date: '1995-10-01', dateText: '' } });
  return { blocks: r.tree.blocks, notes: r.tree.notes, problems: r.diagnostics.length };
}

function inlinesOf(blocks: readonly Block[]): Inline[] {
  const out: Inline[] = [];
  const add = (xs: readonly Inline[]): void => { for (const x of xs) { out.push(x); if (x.kind === 'link') add(x.children); } };
  for (const b of blocks) {
    if (b.kind === 'paragraph') add(b.content);
    if (b.kind === 'list') for (const item of b.items) out.push(...inlinesOf(item));
  }
  return out;
}

/** Every text of rich nodes, notes included. */
const allText = (nodes: readonly RichNode[]): string => nodes.map((n) => (n.kind === 'text' ? n.text : ` ${allText(n.children)} `)).join('');
const words = (s: string): string[] => s.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];

describe('rich text through the markup', () => {
  it('comes out exactly as escapeMarkup when the text has no markup (the seed renders as before)', () => {
    for (const s of ['Plain, with (parentheses) and 4.7 % and C$2.2', 'a|b # c > d', 'colon: a:b {x}']) expect(richMarkup(s, new RichNotes())).toBe(escapeMarkup(s));
  });

  it('makes bold, italic, a link and a footnote and nothing else', () => {
    const r = throughMarkup('A **bold** and *italic* [link](https://example.org) word^[the note].');
    expect(r.problems).toBe(0);
    expect(r.blocks.map((b) => b.kind)).toEqual(['list']);
    const inl = inlinesOf(r.blocks);
    expect(inl.filter((i) => i.kind === 'text' && i.style.bold).map((i) => (i.kind === 'text' ? i.text : ''))).toEqual(['bold']);
    expect(inl.filter((i) => i.kind === 'text' && i.style.italic).map((i) => (i.kind === 'text' ? i.text : ''))).toEqual(['italic']);
    expect(inl.filter((i) => i.kind === 'link').map((i) => (i.kind === 'link' ? i.href : ''))).toEqual(['https://example.org']);
    expect(inl.filter((i) => i.kind === 'noteRef')).toHaveLength(1);
    expect(r.notes.map((n) => n.content.map((c) => (c.kind === 'text' ? c.text : '')).join(''))).toEqual(['the note']);
  });

  it('keeps emphasis next to punctuation and letters (no CommonMark flanking surprises), and long emphasis whole', () => {
    const long = 'word '.repeat(400).trim();
    for (const s of ['x*(a)*y', 'a**[b]**c', `*${long}*`]) {
      const inl = inlinesOf(throughMarkup(s).blocks);
      const styled = inl.filter((i) => i.kind === 'text' && (i.style.italic || i.style.bold)).map((i) => (i.kind === 'text' ? i.text : '')).join('');
      expect(styled.length, s).toBeGreaterThan(0);
      expect(inl.map((i) => (i.kind === 'text' ? i.text : '')).join('')).not.toMatch(/[*:]\w*\[/);
    }
  });

  const hostile = fc.array(fc.oneof(
    fc.constantFrom('*', '**', '_', '__', '~', '\\', '[', ']', '(', ')', '^[', '](', '](https://ok.example)', '](javascript:alert(1))', '](mailto:a@b.example)',
      '<b>', '</i>', '<!--', '&amp;', '{{title}}', '{{{x}}}', ':::callout', '::chart{name=x}', ':em[', ':strong[x]', '|', '#', '> ', '- ', '1. ', '```', '\n', '\t',
      '[^1]', '![i](https://x.example/i.png)', ' ', 'Kim', 'Ünïcödé', '한국', 'x', '42'),
    fc.string({ maxLength: 6 }),
  ), { maxLength: 40 }).map((parts) => parts.join(''));

  it('a link inside a footnote keeps its words (found by the property below)', () => {
    const text = '^[![i](https://x.example/i.png)](https://ok.example)';
    const r = throughMarkup(text);
    const link = r.notes[0]?.content.find((c) => c.kind === 'link');
    expect(link?.kind === 'link' ? link.children.map((c) => (c.kind === 'text' ? c.text : '')).join('') : '').toBe('i');
  });

  it('never injects structure: one list item, no image, no directive, links only https/mailto, every word present', () => {
    fc.assert(fc.property(hostile, (text) => {
      const r = throughMarkup(text);
      expect(r.blocks.map((b) => b.kind)).toEqual(['list']);
      const list = r.blocks[0];
      if (list?.kind !== 'list') return;
      expect(list.items).toHaveLength(1);
      expect((list.items[0] ?? []).every((b) => b.kind === 'paragraph')).toBe(true);
      const inl = inlinesOf(r.blocks);
      for (const i of inl) if (i.kind === 'link') expect(i.href).toMatch(/^(https:\/\/|mailto:)/i);
      // A note's text, the text of links inside it included.
      const noteText = (xs: readonly Inline[]): string => xs.map((c) => (c.kind === 'text' ? c.text : c.kind === 'link' ? ` ${noteText(c.children)} ` : ' ')).join(' ');
      const printed = inl.map((i) => (i.kind === 'text' ? i.text : ' ')).join(' ') + ' ' + r.notes.map((n) => noteText(n.content)).join(' ');
      const have = words(printed).join(' ');
      // Every word of the data's text survives the markup: all of it but link targets (a
      // refused target is an error at load).
      const want = words(allText(parseRich(text.replace(/\r\n?|\n/g, ' ')).nodes));
      for (const w of want) expect(have, `"${w}" of ${JSON.stringify(text)}`).toContain(w);
      if (!/\]\(/.test(text)) for (const w of words(text)) expect(have).toContain(w);
    }), { numRuns: 400 });
  });
});
