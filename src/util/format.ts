import type { Language, MoneyUnit } from '../data/types.js';

/** BCP 47 locale for a briefing language (Canadian English and French). */
export function localeOf(lang: Language): string {
  return lang === 'fr' ? 'fr-CA' : 'en-CA';
}

const nfCache = new Map<string, Intl.NumberFormat>();
function nf(locale: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(opts);
  let f = nfCache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, opts);
    nfCache.set(key, f);
  }
  return f;
}

/** Replaces the narrow no-break spaces Intl uses in French with plain no-break spaces. */
function tidy(s: string): string {
  return s.replace(/\u202f/g, '\u00a0');
}

export function formatNumber(value: number, lang: Language, digits = 1): string {
  return tidy(nf(localeOf(lang), { minimumFractionDigits: 0, maximumFractionDigits: digits }).format(value));
}

const UNIT_WORDS: Readonly<Record<Language, Readonly<Record<MoneyUnit, [string, string]>>>> = {
  // [long word, short symbol]
  en: { one: ['', ''], thousand: ['thousand', 'K'], million: ['million', 'M'], billion: ['billion', 'B'] },
  fr: { one: ['', ''], thousand: ['mille', 'k'], million: ['millions', 'M'], billion: ['milliards', 'G'] },
};

/** French unit words are singular below two: "1,7 milliard $", "2,2 milliards $". */
const FR_SINGULAR: Readonly<Record<MoneyUnit, string>> = { one: '', thousand: 'mille', million: 'million', billion: 'milliard' };

export interface MoneyOptions {
  readonly currency: string;
  readonly unit: MoneyUnit;
  /** `long`: "$4.7 billion" / "4,7 milliards $"; `short`: "$4.7 B" / "4,7 G$". */
  readonly style?: 'long' | 'short';
  readonly digits?: number;
  /** Always show a sign (for changes and balances). */
  readonly signed?: boolean;
}

/**
 * Money in the briefing's unit. Canadian dollars are written with `$`, as the source does;
 * other currencies with their ISO code.
 */
export function formatMoney(value: number, lang: Language, o: MoneyOptions): string {
  const digits = o.digits ?? 1;
  const num = nf(localeOf(lang), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: o.signed ? 'exceptZero' : 'auto',
  }).format(value);
  const sym = o.currency === 'CAD' ? '$' : o.currency;
  const [plural, short] = UNIT_WORDS[lang][o.unit];
  const long = lang === 'fr' && Math.abs(value) < 2 ? FR_SINGULAR[o.unit] : plural;
  const style = o.style ?? 'long';
  const neg = num.startsWith('-') || num.startsWith('\u2212');
  const abs = neg ? num.slice(1) : num.startsWith('+') ? num.slice(1) : num;
  const sign = neg ? '\u2212' : num.startsWith('+') ? '+' : '';
  if (lang === 'fr') {
    const unit = style === 'long' ? (long ? `\u00a0${long}` : '') : short ? `\u00a0${short}` : '';
    const symSep = style === 'short' && short ? '' : '\u00a0';
    return tidy(`${sign}${abs}${unit}${symSep}${sym}`);
  }
  const unit = style === 'long' ? (long ? ` ${long}` : '') : short ? `\u00a0${short}` : '';
  const pre = sym === '$' ? '$' : `${sym}\u00a0`;
  return tidy(`${sign}${pre}${abs}${unit}`);
}

/** A percentage given in per cent units (28 means 28 %). */
export function formatPercent(value: number, lang: Language, o: { signed?: boolean; digits?: number } = {}): string {
  const s = nf(localeOf(lang), {
    style: 'percent',
    maximumFractionDigits: o.digits ?? 0,
    signDisplay: o.signed ? 'exceptZero' : 'auto',
  }).format(value / 100);
  // French sets a (no-break) space before the sign; English does not.
  return tidy(lang === 'fr' ? s.replace(/(\d)\s?%/, '$1\u00a0%') : s.replace(/(\d)\s+%/, '$1%'));
}

const dateFormats = new Map<Language, Intl.DateTimeFormat>();
/** Creating an Intl formatter costs milliseconds: one per language per process. */
function dateFormat(lang: Language): Intl.DateTimeFormat {
  let f = dateFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(lang, f);
  }
  return f;
}

/** An ISO date (YYYY-MM-DD) in words: "1 October 1995" / "1er octobre 1995". */
export function formatDate(iso: string, lang: Language): string {
  const [y, m, d] = iso.split('-').map((p) => Number(p));
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  const text = dateFormat(lang).format(date);
  return lang === 'fr' && d === 1 ? text.replace(/^1 /, '1er ') : text;
}

/** An ordinal rank: "3rd" / "3e". */
export function formatOrdinal(n: number, lang: Language): string {
  if (lang === 'fr') return n === 1 ? '1er' : `${n}e`;
  const rule = new Intl.PluralRules('en', { type: 'ordinal' }).select(n);
  const suffix: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
  return `${n}${suffix[rule] ?? 'th'}`;
}
