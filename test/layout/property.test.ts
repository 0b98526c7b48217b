import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/doc/types.js';
import { doc, heading, layout, list, loc, missingInOrder, pageBreak, para, placementProblems, streamText, table, wordsOf } from './helpers.js';

/*
 * Property test: random small documents (headings, paragraphs with long, accented and Hangul
 * words, lists, tables, page breaks) laid out; every word of the input must be drawn, in order,
 * and nothing may be drawn off the printable area. Fixed seed: failures reproduce.
 */

const common = ['the', 'ministry', 'trade', 'budget', 'of', 'and', 'exports', 'growth', 'policy', 'a', 'to', 'in', '2024', '12.5%', '€3.2bn', 'well-known', 'co-operation', 'partners'];
const french = ['développement', 'coopération', 'économique', 'préfecture', 'Québec', 'élève', 'œuvre', 'hôpital', 'août', 'réglementation', 'extraordinairement', 'ça'];
const hangul = ['대한민국', '서울', '한국어', '경제', '대한민국의', '수출'];
const letters = [...'abcdefghijklmnopqrstuvwxyzéèàçôœ'];
const syllables = [...'대한민국서울경제수출'];

const word = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...common) },
  { weight: 3, arbitrary: fc.constantFrom(...french) },
  { weight: 2, arbitrary: fc.constantFrom(...hangul) },
  // Long words: wider than a table column or the whole measure.
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...letters), { minLength: 15, maxLength: 140 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...syllables), { minLength: 8, maxLength: 60 }).map((a) => a.join('')) },
);
const text = (min: number, max: number): fc.Arbitrary<string> => fc.array(word, { minLength: min, maxLength: max }).map((ws) => ws.join(' '));

const block: fc.Arbitrary<Block> = fc.oneof(
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(1, 2, 3) as fc.Arbitrary<1 | 2 | 3>, text(1, 6), fc.nat()).map(([l, s, id]) => heading(l, `h${id}`, s)) },
  { weight: 5, arbitrary: text(1, 90).map((s) => para(s)) },
  { weight: 1, arbitrary: text(1, 20).map((s) => para(s, 'note')) },
  { weight: 2, arbitrary: fc.tuple(fc.boolean(), fc.array(text(1, 30), { minLength: 1, maxLength: 6 })).map(([o, items]) => list(o, items)) },
  // A list whose first item holds a nested list.
  {
    weight: 1,
    arbitrary: fc.tuple(fc.boolean(), text(1, 10), fc.array(text(1, 20), { minLength: 1, maxLength: 4 }), fc.array(text(1, 10), { maxLength: 3 })).map(
      ([o, first, nested, rest]): Block => ({ kind: 'list', ordered: o, items: [[para(first), list(!o, nested)], ...rest.map((r) => [para(r)])], loc }),
    ),
  },
  {
    weight: 2,
    arbitrary: fc.integer({ min: 1, max: 5 }).chain((cols) =>
      fc.tuple(
        fc.array(fc.array(text(1, 3), { minLength: cols, maxLength: cols }), { maxLength: 1 }),
        fc.array(fc.array(fc.oneof(text(0, 8), fc.integer({ min: -5000, max: 99999 }).map(String)), { minLength: 1, maxLength: cols }), { minLength: 1, maxLength: 14 }),
        fc.option(text(1, 8), { nil: undefined }),
      ).map(([header, body, caption]) => table(header, body, caption)),
    ),
  },
  { weight: 1, arbitrary: fc.constant(null).map(() => pageBreak()) },
);

const docArb = fc.record({
  blocks: fc.array(block, { minLength: 1, maxLength: 8 }),
  lang: fc.constantFrom('en', 'fr') as fc.Arbitrary<'en' | 'fr'>,
  paper: fc.constantFrom('a4', 'letter') as fc.Arbitrary<'a4' | 'letter'>,
  duplex: fc.boolean(),
});

describe('layoutDocument on random documents (fast-check)', () => {
  it('draws every input word in order, and nothing outside the printable area', () => {
    fc.assert(
      fc.property(docArb, ({ blocks, lang, paper, duplex }) => {
        const d = layout(doc(blocks, [], lang), { paper, duplex });
        expect(d.pages.length).toBeGreaterThan(0);
        expect(placementProblems(d, 18)).toEqual([]);
        expect(missingInOrder(streamText(d), wordsOf(blocks))).toBeNull();
      }),
      { seed: 1_716_000_000, numRuns: Number(process.env['FC_RUNS'] ?? 100) },
    );
  });
});
