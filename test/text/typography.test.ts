import { describe, expect, it } from 'vitest';
import { parseMarkup } from '../../src/doc/parse.js';
import { plainText } from '../../src/doc/inline.js';
import type { Block, DocMeta, Inline } from '../../src/doc/types.js';
import { typeset, typoState } from '../../src/text/typography.js';
import type { QuoteLang } from '../../src/text/typography.js';

/*
 * Typography at the markup stage: curly quotes by language (en “ ” ‘ ’, fr « » with no-break
 * spaces, ko as English), apostrophes, and a minus sign (U+2212) before negative numbers;
 * code spans, link targets and URLs in text are left as written.
 */

const NB = '\u00a0';

describe('typeset', () => {
  it.each([
    ['en', `Canada's "special" partnership`, 'Canada’s “special” partnership'],
    ['en', `'quoted' and 'nested "double"'`, '‘quoted’ and ‘nested “double”’'],
    ['en', `the '90s, Korea's`, 'the ’90s, Korea’s'],
    ['en', `("bracketed")`, '(“bracketed”)'],
    ['en', `fell -5% to -$0.3 B; 1993-94 and co-operation`, 'fell \u22125% to \u2212$0.3 B; 1993-94 and co-operation'],
    ['en', `see https://example.org/it's"x" and "this"`, `see https://example.org/it's"x" and “this”`],
    ['fr', `l'Asie "très" bien`, `l’Asie «${NB}très${NB}» bien`],
    ['fr', `" espacé " et "serré"`, `«${NB}espacé${NB}» et «${NB}serré${NB}»`],
    ['fr', `une 'citation' interne`, 'une “citation” interne'],
    ['fr', `baisse de -3,5 %`, 'baisse de \u22123,5 %'],
    ['ko', `"대한민국" '서울'`, '“대한민국” ‘서울’'],
    ['en', 'Already “curly” and \u2212 5', 'Already “curly” and \u2212 5'],
  ] as const)('%s: %j', (lang, input, want) => {
    expect(typeset(input, lang as QuoteLang, typoState())).toBe(want);
  });

  it('carries a quote opened in one text node to its close in the next', () => {
    const st = typoState();
    expect(typeset('He said "', 'en', st) + typeset('never', 'en', st) + typeset('" again', 'en', st)).toBe('He said “never” again');
  });
});

const meta = (language: 'en' | 'fr'): DocMeta => ({
  title: 'T', language, classification: 'UNCLASSIFIED', date: '1995-10-01', dateText: '1 October 1995',
} as DocMeta);

const inlineAll = (b: Block | undefined): readonly Inline[] => (b && 'content' in b ? (b.content as readonly Inline[]) : []);

describe('parseMarkup typesets text from data, not code or link targets', () => {
  it('quotes across emphasis, code spans verbatim, link targets untouched', () => {
    const { tree } = parseMarkup({
      markup: `"**Bold** words" and \`say "hi" -1\` then [Canada's "site"](https://example.org/a'b"c) -- -5%\n`,
      file: 't.md',
      meta: meta('en'),
    });
    const content = inlineAll(tree.blocks[0]);
    expect(plainText(content)).toBe('“Bold words” and say "hi" -1 then Canada’s “site” -- \u22125%');
    const link = content.find((i) => i.kind === 'link');
    expect(link?.kind === 'link' && link.href).toBe(`https://example.org/a'b"c`);
  });

  it('sets French guillemets in a French document, headings and tables included', () => {
    const { tree } = parseMarkup({ markup: `## Le "partenariat"\n\n| a |\n|---|\n| l'"Asie" |\n`, file: 't.md', meta: meta('fr') });
    expect(plainText(inlineAll(tree.blocks[0]))).toBe(`Le «${NB}partenariat${NB}»`);
    const table = tree.blocks[1];
    expect(table?.kind === 'table' && plainText(table.body[0]?.[0]?.content ?? [])).toBe(`l’«${NB}Asie${NB}»`);
  });
});
