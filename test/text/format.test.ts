import { describe, expect, it } from 'vitest';
import type { MoneyUnit } from '../../src/data/types.js';
import { formatMoney, formatNumber, formatPercent, minorUnits, moneyDigits } from '../../src/util/format.js';

/*
 * The number formatter: decimals follow the currency's ISO 4217 minor unit and the unit, every
 * negative number starts with U+2212, and the parts of an amount are joined by no-break
 * spaces where Intl or the style puts a space (English long unit words are bound by the line
 * breaker instead, see test/text/numbers.test.ts).
 */

const NB = '\u00a0';
const M = '\u2212';

describe('minorUnits (ISO 4217 through Intl)', () => {
  it.each([
    ['KRW', 0], ['JPY', 0], ['CAD', 2], ['EUR', 2], ['USD', 2], ['BHD', 3], ['XYZ', 2], ['not a code', 2],
  ])('%s has %i decimals', (c, d) => expect(minorUnits(c)).toBe(d));
});

type Row = [lang: 'en' | 'fr', currency: string, unit: MoneyUnit, value: number, long: string, shortSigned: string];

// Currencies × magnitudes × sign × locales: [long style, digits 1] and [short style, signed].
const ROWS: Row[] = [
  // Plain units: KRW and JPY never show decimals; CAD/EUR/USD show none or both (never ".0").
  ['en', 'KRW', 'one', 4_832_222_327.4, `KRW${NB}4,832,222,327`, `+KRW${NB}4,832,222,327`],
  ['en', 'KRW', 'one', -217_086_489, `${M}KRW${NB}217,086,489`, `${M}KRW${NB}217,086,489`],
  ['en', 'JPY', 'one', 1234.5, `JPY${NB}1,235`, `+JPY${NB}1,235`],
  ['en', 'CAD', 'one', 1234.5, '$1,234.50', '+$1,234.50'],
  ['en', 'CAD', 'one', -217_086_489, `${M}$217,086,489`, `${M}$217,086,489`],
  ['en', 'USD', 'one', 0.5, `USD${NB}0.50`, `+USD${NB}0.50`],
  ['en', 'EUR', 'one', 1_000_000, `EUR${NB}1,000,000`, `+EUR${NB}1,000,000`],
  ['en', 'CAD', 'one', 12.004, '$12', '+$12'],
  // Scaled units keep the "one decimal" choice of the source.
  ['en', 'CAD', 'billion', 4.7, '$4.7 billion', `+$4.7${NB}B`],
  ['en', 'CAD', 'billion', -0.3, `${M}$0.3 billion`, `${M}$0.3${NB}B`],
  ['en', 'KRW', 'billion', 217.086, `KRW${NB}217.1 billion`, `+KRW${NB}217.1${NB}B`],
  ['en', 'USD', 'million', 1.25, `USD${NB}1.3 million`, `+USD${NB}1.3${NB}M`],
  ['en', 'EUR', 'thousand', -12.34, `${M}EUR${NB}12.3 thousand`, `${M}EUR${NB}12.3${NB}K`],
  ['fr', 'KRW', 'one', 4_832_222_327.4, `4${NB}832${NB}222${NB}327${NB}KRW`, `+4${NB}832${NB}222${NB}327${NB}KRW`],
  ['fr', 'KRW', 'one', -217_086_489, `${M}217${NB}086${NB}489${NB}KRW`, `${M}217${NB}086${NB}489${NB}KRW`],
  ['fr', 'JPY', 'one', 99.5, `100${NB}JPY`, `+100${NB}JPY`],
  ['fr', 'CAD', 'one', 1234.5, `1${NB}234,50${NB}$`, `+1${NB}234,50${NB}$`],
  ['fr', 'EUR', 'one', -3, `${M}3${NB}EUR`, `${M}3${NB}EUR`],
  ['fr', 'CAD', 'billion', 4.7, `4,7${NB}milliards${NB}$`, `+4,7${NB}G$`],
  ['fr', 'CAD', 'billion', 1.7, `1,7${NB}milliard${NB}$`, `+1,7${NB}G$`],
  ['fr', 'CAD', 'billion', -0.3, `${M}0,3${NB}milliard${NB}$`, `${M}0,3${NB}G$`],
  ['fr', 'USD', 'billion', 3.4, `3,4${NB}milliards${NB}USD`, `+3,4${NB}G${NB}USD`],
  ['fr', 'KRW', 'million', -12.5, `${M}12,5${NB}millions${NB}KRW`, `${M}12,5${NB}M${NB}KRW`],
];

describe('formatMoney', () => {
  it.each(ROWS)('%s %s %s %d', (lang, currency, unit, value, long, shortSigned) => {
    expect(formatMoney(value, lang, { currency, unit, style: 'long', digits: 1 })).toBe(long);
    expect(formatMoney(value, lang, { currency, unit, style: 'short', signed: true })).toBe(shortSigned);
  });

  it('never prints a hyphen-minus, a stray ".0" on plain units, or decimals on KRW/JPY', () => {
    for (const [lang, currency, unit, value] of ROWS) {
      for (const v of [value, -value, value * 1000, value / 1000]) {
        const s = formatMoney(v, lang, { currency, unit, digits: 1 });
        expect(s).not.toContain('-');
        if (unit === 'one') expect(s).not.toMatch(/[.,]0(?!\d)/);
        if (unit === 'one' && minorUnits(currency) === 0) expect(s).not.toMatch(lang === 'fr' ? /,\d/ : /\.\d/);
      }
    }
  });

  it.each([
    // [value, currency, unit, digits asked, digits given]
    [1.2345, 'KRW', 'thousand', 4, 3],
    [1.2345, 'CAD', 'thousand', 4, 4],
    [1.5, 'KRW', 'one', 2, 0],
    [1.5, 'CAD', 'one', 1, 2],
    [2, 'CAD', 'one', 1, 0],
    [1.5, 'CAD', 'one', 0, 0],
    [4.7, 'CAD', 'billion', 1, 1],
  ] as const)('moneyDigits(%d %s %s, %i) = %i', (v, currency, unit, digits, want) => {
    expect(moneyDigits(v, { currency, unit, digits })).toBe(want);
  });
});

describe('formatPercent and formatNumber', () => {
  it.each([
    ['en', -28, {}, `${M}28%`],
    ['en', 28, { signed: true }, '+28%'],
    ['en', -12.5, { digits: 1 }, `${M}12.5%`],
    ['en', -0.2, {}, '0%'],
    ['en', 0, { signed: true }, '0%'],
    ['fr', -28, {}, `${M}28${NB}%`],
    ['fr', 14, { signed: true }, `+14${NB}%`],
    ['fr', -12.5, { digits: 1, signed: true }, `${M}12,5${NB}%`],
  ] as const)('%s %d %o -> %s', (lang, v, o, want) => {
    expect(formatPercent(v, lang, o)).toBe(want);
  });

  it.each([
    ['en', -1234.56, `${M}1,234.6`],
    ['en', 12, '12'],
    ['en', 12.04, '12'],
    ['fr', -1234.56, `${M}1${NB}234,6`],
    ['fr', 3.25, '3,3'],
  ] as const)('formatNumber %s %d -> %s', (lang, v, want) => {
    expect(formatNumber(v, lang)).toBe(want);
  });
});
