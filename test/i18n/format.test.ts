/**
 * Numbers, money, dates and ordinals for any BCP 47 language, by Intl: English and French keep
 * their hand-set forms (test/text/format.test.ts); every other language gets Intl's, Korean
 * money in 억/조 (compact notation), Korean dates "1995년 10월 1일".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MoneyUnit } from '../../src/data/types.js';
import { decimalMark, formatDate, formatMoney, formatOrdinal, formatPercent, localeOf, ordinalCategory } from '../../src/util/format.js';

const NB = '\u00a0';
const M = '\u2212';

describe('money in other languages', () => {
  it.each([
    // Korean counts large amounts in myriads: 2.2 billion is 22억, 4.7 trillion 4.7조.
    ['ko', 'CAD', 'billion', 4.7, `47억${NB}캐나다 달러`, '+CA$47억'],
    ['ko', 'CAD', 'billion', 2.2, `22억${NB}캐나다 달러`, '+CA$22억'],
    ['ko', 'CAD', 'billion', 1.72, `17.2억${NB}캐나다 달러`, '+CA$17.2억'],
    ['ko', 'CAD', 'billion', -0.3, `${M}3억${NB}캐나다 달러`, `${M}CA$3억`],
    ['ko', 'CAD', 'billion', 4700, `4.7조${NB}캐나다 달러`, '+CA$4.7조'],
    ['ko', 'USD', 'million', 1.25, `125만${NB}미국 달러`, '+US$125만'],
    ['ko', 'KRW', 'one', 4_832_222_327.4, '₩4,832,222,327', '+₩4,832,222,327'],
    ['de', 'EUR', 'billion', 4.7, `4,7 Milliarden${NB}Euro`, `+4,7${NB}Mrd.${NB}€`],
  ] as const)('%s %s %s %d', (lang, currency, unit, value, long, short) => {
    expect(formatMoney(value, lang, { currency, unit, digits: 1 })).toBe(long);
    expect(formatMoney(value, lang, { currency, unit, style: 'short', signed: true })).toBe(short);
  });

  const langs = ['ko', 'ja', 'de', 'es', 'pt-BR', 'zh-Hant-TW', 'ar', 'hi', 'sv'];
  const units: MoneyUnit[] = ['one', 'thousand', 'million', 'billion'];
  it('any language, currency and amount: digits, one minus sign for a negative, no hyphen-minus as a sign', () => {
    fc.assert(fc.property(
      fc.constantFrom(...langs), fc.constantFrom('CAD', 'KRW', 'EUR', 'JPY', 'BHD', 'XYZ'), fc.constantFrom(...units),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom('long', 'short') as fc.Arbitrary<'long' | 'short'>,
      (lang, currency, unit, value, style) => {
        const s = formatMoney(value, lang, { currency, unit, style });
        expect(s).toMatch(/\p{Nd}/u);
        // A hyphen inside a currency's name ("Bahrain-Dinar") is a word; none as a sign.
        expect(s).not.toMatch(/(^|[^\p{L}])-/u);
        const negative = s.includes(M);
        if (negative) expect(value).toBeLessThan(0);
      },
    ));
  });
});

describe('dates, percentages, ordinals, decimal marks', () => {
  it.each([
    ['ko', '1995-10-01', '1995년 10월 1일'],
    ['ko', '1995-03-01', '1995년 3월 1일'],
    ['en', '1995-10-01', '1 October 1995'],
    ['fr', '1995-10-01', '1er octobre 1995'],
    ['de', '1995-10-01', '1. Oktober 1995'],
  ])('%s %s -> %s', (lang, iso, text) => expect(formatDate(iso, lang)).toBe(text));

  it.each([
    ['ko', 28, '+28%'],
    ['en', 28, '+28%'],
    ['fr', 28, `+28${NB}%`],
    ['de', 28, `+28${NB}%`],
  ])('%s percent %d', (lang, v, text) => expect(formatPercent(v, lang, { signed: true })).toBe(text));

  it('ordinal categories come from Intl: Korean has one, English four, French two', () => {
    expect(new Set([1, 2, 3, 4, 11, 21, 22, 23].map((n) => ordinalCategory(n, 'ko')))).toEqual(new Set(['other']));
    expect(new Set([1, 2, 3, 4].map((n) => ordinalCategory(n, 'en')))).toEqual(new Set(['one', 'two', 'few', 'other']));
    expect([1, 2].map((n) => ordinalCategory(n, 'fr'))).toEqual(['one', 'other']);
    expect([1, 2, 3, 11, 22].map((n) => formatOrdinal(n, 'en'))).toEqual(['1st', '2nd', '3rd', '11th', '22nd']);
  });

  it('the decimal mark and locale follow the language', () => {
    expect([decimalMark('en'), decimalMark('fr'), decimalMark('ko'), decimalMark('de')]).toEqual(['.', ',', '.', ',']);
    expect([localeOf('en'), localeOf('fr'), localeOf('ko'), localeOf('pt-BR')]).toEqual(['en-CA', 'fr-CA', 'ko', 'pt-BR']);
  });
});
