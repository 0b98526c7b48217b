import fc from 'fast-check';
import { numberRanges } from '../../src/text/numbers.js';
import { bindNumbers } from '../../src/text/numbers.js';
import { formatMoney, formatNumber, formatPercent } from '../../src/util/format.js';

/** Random numbers as briefkit's formatter writes them, and as people type them in data. */

export const CURRENCIES = ['CAD', 'USD', 'EUR', 'KRW', 'JPY', 'GBP', 'CNY', 'BHD'] as const;
const units = ['one', 'thousand', 'million', 'billion'] as const;
const langArb = fc.constantFrom('en', 'fr') as fc.Arbitrary<'en' | 'fr'>;

/** Huge, tiny, negative, many digits. */
export const magnitude: fc.Arbitrary<number> = fc.oneof(
  fc.double({ min: -1e13, max: 1e13, noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -1, max: 1, noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -999_999_999, max: 999_999_999 }),
);

export const money: fc.Arbitrary<string> = fc
  .tuple(magnitude, fc.constantFrom(...CURRENCIES), fc.constantFrom(...units), langArb, fc.constantFrom('long', 'short') as fc.Arbitrary<'long' | 'short'>, fc.boolean())
  .map(([v, currency, unit, lang, style, signed]) => formatMoney(v, lang, { currency, unit, style, signed }));

export const percent: fc.Arbitrary<string> = fc.tuple(magnitude, langArb, fc.boolean()).map(([v, lang, signed]) => formatPercent(v, lang, { signed, digits: 1 }));

/** Numbers typed in data with plain spaces: "KRW 4,832,222,327", "C$1.2 billion", "12 %". */
export const typed: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('KRW ', '\u2212KRW ', 'US$ ', 'C$', '\u2212$', '$', '', '-'), fc.integer({ min: 0, max: 2 ** 31 }), fc.constantFrom('', '.0', '.25'), fc.constantFrom('', ' billion', ' %', ' Mrd', '\u00a0B', ' per cent'))
  .map(([pre, n, dec, post]) => `${pre}${n.toLocaleString('en')}${dec}${post}`);

export const anyNumber: fc.Arbitrary<string> = fc.oneof(money, percent, typed, fc.tuple(magnitude, langArb).map(([v, lang]) => formatNumber(v, lang, 2)));

export const word = fc.constantFrom('trade', 'rose', 'to', 'in', 'the', 'Republic', 'of', 'Korea', 'co-operation', 'exportations', 'a', '—', 'partnership');

/** The number atoms of a text as the line breaker binds them. */
export function numbersIn(text: string): string[] {
  const t = bindNumbers(text);
  return numberRanges(t).map(([a, b]) => t.slice(a, b));
}

/** Spaces of any kind as one plain space. */
export const plain = (s: string): string => s.replace(/[\s\u00a0\u202f\u2009]+/g, ' ').trim();
