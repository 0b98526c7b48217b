/**
 * A briefing language, a BCP 47 tag (`en`, `fr`, `ko`); the data stage's `Language` is the same
 * string, declared there for the schema. Formatting sits below the data stage, so it names its
 * own types instead of importing them.
 */
type Language = string;

/** The scale a money amount is written in (the data stage's `MoneyUnit`, checked against it where passed). */
export type MoneyUnit = 'one' | 'thousand' | 'million' | 'billion';

/**
 * The region a bare language tag is formatted for: briefkit's own English and French are
 * Canadian. Any other tag is used as written (`ko`, `pt-BR`), so Intl picks its defaults.
 */
const DEFAULT_REGION: Readonly<Record<string, string>> = { en: 'en-CA', fr: 'fr-CA' };

/** BCP 47 locale for a briefing language: `en` and `fr` are Canadian, other tags as given. */
export function localeOf(lang: Language): string {
  return Object.hasOwn(DEFAULT_REGION, lang) ? (DEFAULT_REGION[lang] as string) : lang;
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

/** One minus sign (U+2212) for every negative number printed, whatever Intl gave. */
function minus(s: string): string {
  return s.replace(/^([^\d]*?)-/, '$1\u2212');
}

/** The decimal mark numbers are printed with in a language: `.` in English and Korean, `,` in French. */
export function decimalMark(lang: Language): string {
  return nf(localeOf(lang), { minimumFractionDigits: 1 }).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
}

/** A plain number: at most `digits` decimals, none when they would be zeros. */
export function formatNumber(value: number, lang: Language, digits = 1): string {
  return tidy(minus(nf(localeOf(lang), { minimumFractionDigits: 0, maximumFractionDigits: digits, signDisplay: 'negative' }).format(value)));
}

const minorCache = new Map<string, number>();
/**
 * Decimals of a currency's minor unit (ISO 4217, through Intl): KRW and JPY 0, CAD, EUR and
 * USD 2, BHD 3. A code Intl does not know gets 2, as Intl itself assumes.
 */
export function minorUnits(currency: string): number {
  let d = minorCache.get(currency);
  if (d === undefined) {
    try {
      d = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      d = 2;
    }
    minorCache.set(currency, d);
  }
  return d;
}

const UNIT_EXPONENT: Readonly<Record<MoneyUnit, number>> = { one: 0, thousand: 3, million: 6, billion: 9 };

/**
 * Decimals to print for an amount. In plain units (`one`) money follows its minor unit: none
 * for KRW and JPY, and for other currencies either none (a whole amount: no stray ".0") or all
 * of them ("$12.50", never "$12.5"). Scaled units keep the digits asked for (the "$4.7 billion"
 * style), but never more than reach below the minor unit ("KRW 1.2345 thousand" is not money).
 */
export function moneyDigits(value: number, o: { readonly currency: string; readonly unit: MoneyUnit; readonly digits?: number }): number {
  const want = Math.max(0, Math.min(20, Math.floor(o.digits ?? 1)));
  const minor = minorUnits(o.currency);
  if (o.unit !== 'one') return Math.min(want, minor + UNIT_EXPONENT[o.unit]);
  if (want === 0 || minor === 0) return 0;
  const scaled = Math.round(Math.abs(value) * 10 ** minor);
  return scaled % 10 ** minor === 0 ? 0 : minor;
}

const UNIT_WORDS: Readonly<Record<'en' | 'fr', Readonly<Record<MoneyUnit, [string, string]>>>> = {
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
 * other currencies with their ISO code, joined to the amount by a no-break space; decimals by
 * {@link moneyDigits}; a negative amount starts with a minus sign (U+2212).
 */
export function formatMoney(value: number, lang: Language, o: MoneyOptions): string {
  if (lang !== 'en' && lang !== 'fr') return intlMoney(value, lang, o);
  const digits = moneyDigits(value, o);
  const num = nf(localeOf(lang), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: o.signed ? 'exceptZero' : 'negative',
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
    // "4,7 G$" as the source writes Canadian dollars; a code stays a word: "4,7 G USD".
    const symSep = style === 'short' && short && sym === '$' ? '' : '\u00a0';
    return tidy(`${sign}${abs}${unit}${symSep}${sym}`);
  }
  const unit = style === 'long' ? (long ? ` ${long}` : '') : short ? `\u00a0${short}` : '';
  const pre = sym === '$' ? '$' : `${sym}\u00a0`;
  return tidy(`${sign}${pre}${abs}${unit}`);
}

const displayNames = new Map<string, Intl.DisplayNames>();
/** The currency's name in the language ("캐나다 달러"), or its code when Intl has none. */
function currencyName(code: string, lang: string): string {
  let d = displayNames.get(lang);
  if (!d) {
    d = new Intl.DisplayNames(lang, { type: 'currency', fallback: 'code' });
    displayNames.set(lang, d);
  }
  try {
    return d.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Money in any other language, all by Intl: scaled amounts in the language's own large-number
 * words (compact notation: Korean counts in myriads, so 2.2 billion is "22억", 4.7 trillion
 * "4.7조", as Korean writers do, rather than a literal "2.2 billion"), then the currency's
 * name (`long`: "22억 캐나다 달러") or Intl's compact currency form (`short`: "CA$22억").
 * Plain units (`one`) are Intl currency amounts with {@link moneyDigits} decimals.
 */
function intlMoney(value: number, lang: string, o: MoneyOptions): string {
  const locale = localeOf(lang);
  const digits = moneyDigits(value, o);
  const signDisplay = o.signed ? 'exceptZero' : 'negative';
  const amount = value * 10 ** UNIT_EXPONENT[o.unit];
  if (o.unit === 'one') {
    return tidy(minus(nf(locale, { style: 'currency', currency: o.currency, minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay }).format(amount)));
  }
  if ((o.style ?? 'long') === 'short') {
    return tidy(minus(nf(locale, { style: 'currency', currency: o.currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: digits, signDisplay }).format(amount)));
  }
  const num = nf(locale, { notation: 'compact', compactDisplay: 'long', minimumFractionDigits: 0, maximumFractionDigits: digits, signDisplay }).format(amount);
  return tidy(minus(`${num}\u00a0${currencyName(o.currency, lang)}`));
}

/** A percentage given in per cent units (28 means 28 %). */
export function formatPercent(value: number, lang: Language, o: { signed?: boolean; digits?: number } = {}): string {
  const s = nf(localeOf(lang), {
    style: 'percent',
    maximumFractionDigits: o.digits ?? 0,
    signDisplay: o.signed ? 'exceptZero' : 'negative',
  }).format(value / 100);
  // French sets a (no-break) space before the sign; English does not; other languages as Intl
  // writes them (German "14,5 %", Korean "28%").
  if (lang === 'fr') return tidy(minus(s.replace(/(\d)\s?%/, '$1\u00a0%')));
  return tidy(minus(lang === 'en' ? s.replace(/(\d)\s+%/, '$1%') : s));
}

const dateFormats = new Map<Language, Intl.DateTimeFormat>();
/** Day-month-year English (as the source writes dates), Canadian French, any other language's own order ("1995년 10월 1일"). */
const DATE_LOCALE: Readonly<Record<string, string>> = { en: 'en-GB', fr: 'fr-CA' };
/** Creating an Intl formatter costs milliseconds: one per language per process. */
function dateFormat(lang: Language): Intl.DateTimeFormat {
  let f = dateFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(Object.hasOwn(DATE_LOCALE, lang) ? DATE_LOCALE[lang] : lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
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

/** The Intl ordinal category of `n` in a language: `one`, `two`, `few`, `many` or `other`. */
export function ordinalCategory(n: number, lang: Language): Intl.LDMLPluralRule {
  return new Intl.PluralRules(localeOf(lang), { type: 'ordinal' }).select(n);
}

/**
 * An ordinal rank: "3rd" / "3e". Templates take the words from the catalog's `ordinal.<category>`
 * keys (Korean "3위"); this is the English and French fallback for code without a catalog.
 */
export function formatOrdinal(n: number, lang: Language): string {
  if (lang === 'fr') return n === 1 ? '1er' : `${n}e`;
  const suffix: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
  return `${n}${suffix[ordinalCategory(n, 'en')] ?? 'th'}`;
}
