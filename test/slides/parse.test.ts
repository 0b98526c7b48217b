import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/doc/inline.js';
import type { DocMeta } from '../../src/doc/types.js';
import { parseSlides } from '../../src/slides/index.js';
import type { Slide } from '../../src/slides/index.js';
import { firstSentenceEnd } from '../../src/slides/sentences.js';

const META: DocMeta = { title: 'T', language: 'en', classification: 'UNCLASSIFIED', date: '1995-10-01', dateText: '1 October 1995' };

function parse(markup: string): ReturnType<typeof parseSlides> {
  return parseSlides({ markup, file: 'templates/slides/document.hbs', meta: META });
}

function only(markup: string): Slide {
  const r = parse(markup);
  expect(r.diagnostics).toEqual([]);
  expect(r.deck.slides).toHaveLength(1);
  return r.deck.slides[0] as Slide;
}

describe('slide markup', () => {
  it('reads a title slide: heading, lines and notes', () => {
    const s = only('::::slide{kind="title"}\n# Canada – Korea\n\nFact sheet\n\n1 October 1995\n\n:::notes\nSay hello.\n\n- point one\n:::\n::::\n');
    expect(s.kind).toBe('title');
    if (s.kind !== 'title') return;
    expect(plainText(s.title)).toBe('Canada – Korea');
    expect(s.lines.map(plainText)).toEqual(['Fact sheet', '1 October 1995']);
    expect(s.notes).toEqual([
      { kind: 'line', line: { text: 'Say hello.', item: false } },
      { kind: 'line', line: { text: 'point one', item: true } },
    ]);
  });

  it('reads key figures: bold value, label, emphasised change', () => {
    const s = only('::::slide{kind="keyfigures"}\n## Key figures\n\n- **$2.2 B** Exports _+28 %_\n- **3rd** export market\n::::\n');
    expect(s.kind === 'keyFigures' && s.items).toEqual([
      { value: '$2.2 B', label: 'Exports', change: '+28 %' },
      { value: '3rd', label: 'export market' },
    ]);
  });

  it('shortens talking points to their first sentence with trim="sentence", keeping the full text', () => {
    const s = only('::::slide{kind="bullets" trim="sentence" data="sections[0]"}\n## Trade\n\nIntro line.\n\n- One. Two.\n- Single sentence.\n::::\n');
    expect(s.kind).toBe('bullets');
    if (s.kind !== 'bullets') return;
    expect(s.data).toBe('sections[0]');
    expect(plainText(s.intro ?? [])).toBe('Intro line.');
    expect(s.points.map((p) => [plainText(p.content), p.full])).toEqual([['One.', 'One. Two.'], ['Single sentence.', undefined]]);
  });

  it('reads a chart slide with captions and a ::describe note', () => {
    const s = only('::::slide{kind="chart" chart="trade-by-year"}\n## Trade\n\nCaption.\n\nSource: X.\n\n:::notes\n::describe\n:::\n::::\n');
    expect(s.kind === 'chart' && [s.chart, s.captions.map(plainText), s.notes]).toEqual(['trade-by-year', ['Caption.', 'Source: X.'], [{ kind: 'describe' }]]);
  });

  it.each([
    ['an unknown kind', '::::slide{kind="poster"}\n## X\n::::\n', 'slides/unknown-kind'],
    ['a chart slide without a chart', '::::slide{kind="chart"}\n## X\n::::\n', 'slides/directive'],
    ['a content slide without a title', '::::slide{kind="bullets"}\n- a\n::::\n', 'slides/missing-title'],
    ['text outside a slide', 'stray paragraph\n\n::::slide{kind="sources"}\n## S\n- a\n::::\n', 'slides/outside'],
    ['a code block in a slide', '::::slide{kind="bullets"}\n## X\n\n```\ncode\n```\n::::\n', 'slides/unsupported'],
    ['no slides at all', '', 'slides/empty'],
  ])('reports %s with a located diagnostic', (_what, markup, code) => {
    const r = parse(markup);
    const d = r.diagnostics.find((x) => x.code === code);
    expect(d, JSON.stringify(r.diagnostics)).toBeDefined();
    expect(d?.loc?.file).toBe('templates/slides/document.hbs');
    expect(d?.severity).toBe('error');
  });
});

describe('first sentences', () => {
  it.each([
    ['One sentence only.', 'One sentence only.'],
    ['First. Second.', 'First.'],
    ['It rose to $2.2 billion. Then it fell.', 'It rose to $2.2 billion.'],
    ['Mr. Chan visited Pusan. He opened an office.', 'Mr. Chan visited Pusan.'],
    ['The U.S. and Canada met. They agreed.', 'The U.S. and Canada met.'],
    ['M. Chrétien a visité Séoul. Il a rencontré le président.', 'M. Chrétien a visité Séoul.'],
    ['Why? Because (it said so).', 'Why?'],
    ['Ends with a quote." Next one.', 'Ends with a quote."'],
  ])('%s', (text, first) => {
    expect(text.slice(0, firstSentenceEnd(text))).toBe(first);
  });
});
