import Handlebars from 'handlebars';
import type { HelperOptions } from 'handlebars';
import type { Language, MoneyUnit } from '../data/index.js';
import { formatDate, formatMoney, formatNumber, formatOrdinal, ordinalCategory, formatPercent } from '../util/index.js';
import { escapeAttribute } from './escape.js';
import { parseRich, richPlain } from '../data/index.js';
import { RichNotes, cellMarkup, richMarkup } from './rich.js';

/** What helpers need to know about the briefing being rendered. */
export interface HelperContext {
  readonly lang: Language;
  readonly currency: string;
  readonly unit: MoneyUnit;
  readonly messages: Readonly<Record<string, string>>;
  /** Where `rich` puts the footnotes of data text; without it, `rich` makes none. */
  readonly notes?: RichNotes;
  /** Placeholder values every `t` call may use (the data's reporter and partner wording). */
  readonly values?: Readonly<Record<string, string>>;
}

type Helper = (...args: unknown[]) => unknown;

function opts(args: unknown[]): HelperOptions {
  return args[args.length - 1] as HelperOptions;
}
function num(v: unknown, helper: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new Error(`helper "${helper}" needs a number, got ${JSON.stringify(v)}`);
  }
  return v;
}

/**
 * Template helpers. Formatting follows the briefing's locale (Intl); helpers return plain
 * strings, which the escaping wrapper makes literal in the markup.
 */
export function makeHelpers(ctx: HelperContext): Record<string, Helper> {
  return {
    money: (...args) => {
      const h = opts(args).hash as { style?: 'long' | 'short'; signed?: boolean; digits?: number };
      return formatMoney(num(args[0], 'money'), ctx.lang, { currency: ctx.currency, unit: ctx.unit, ...h });
    },
    percent: (...args) => {
      const h = opts(args).hash as { signed?: boolean; digits?: number };
      return formatPercent(num(args[0], 'percent'), ctx.lang, h);
    },
    number: (...args) => formatNumber(num(args[0], 'number'), ctx.lang),
    date: (...args) => formatDate(String(args[0]), ctx.lang),
    // The catalog's `ordinal.<Intl category>` ("{n}위") when it has one, else the built-in rule.
    ordinal: (...args) => {
      const n = num(args[0], 'ordinal');
      const key = `ordinal.${ordinalCategory(n, ctx.lang)}`;
      return Object.hasOwn(ctx.messages, key) ? (ctx.messages[key] ?? '').replace('{n}', String(n)) : formatOrdinal(n, ctx.lang);
    },
    /** A message from the catalog, with `{name}` placeholders filled from the hash. */
    t: (...args) => {
      const key = String(args[0]);
      // Own keys only: `constructor` or `__proto__` is no message, and no placeholder value.
      const msg = Object.hasOwn(ctx.messages, key) ? ctx.messages[key] : undefined;
      if (typeof msg !== 'string') throw new Error(`message "${key}" is not in the ${ctx.lang} catalog`);
      const hash = opts(args).hash as Record<string, unknown>;
      const given = (name: string): unknown => (Object.hasOwn(hash, name) ? hash[name] : ctx.values && Object.hasOwn(ctx.values, name) ? ctx.values[name] : undefined);
      return msg.replace(/\{(\w+)\}/g, (_m, name: string) => String(given(name) ?? `{${name}}`));
    },
    /**
     * Data prose with its inline markup (emphasis, strong, https/mailto links, footnotes,
     * no-break spaces), re-emitted construct by construct, every text escaped.
     */
    rich: (...args) => new Handlebars.SafeString(richMarkup(args[0] === undefined || args[0] === null ? '' : String(args[0]), ctx.notes ?? new RichNotes())),
    /**
     * A data table's cell by its column (`{{cell value column}}`, `bold=true` for a total row):
     * text as rich text, numbers and money with the column's decimals (the currency and scale
     * are in the header), percentages with their sign, dates in the briefing's language.
     */
    cell: (...args) => {
      const col = (args[1] ?? {}) as { type?: string; decimals?: number };
      const bold = (opts(args).hash as { bold?: boolean }).bold === true;
      return new Handlebars.SafeString(cellMarkup(args[0], col, { lang: ctx.lang, bold, notes: ctx.notes ?? new RichNotes() }));
    },
    /** Rich text's words only (no emphasis, links or footnotes): for slides and other plain places. */
    plain: (...args) => richPlain(parseRich(args[0] === undefined || args[0] === null ? '' : String(args[0])).nodes),
    /** A value for a double-quoted directive attribute. */
    attr: (...args) => escapeAttribute(String(args[0])),
    eq: (...args) => args[0] === args[1],
    inc: (...args) => num(args[0], 'inc') + 1,
    /** Pairs two lists row by row for side-by-side tables: [{n, a, b}]. */
    zip: (...args) => {
      const a = (args[0] ?? []) as readonly unknown[];
      const b = (args[1] ?? []) as readonly unknown[];
      const n = Math.max(a.length, b.length);
      return Array.from({ length: n }, (_v, i) => ({ n: i + 1, a: a[i] ?? '', b: b[i] ?? '' }));
    },
  };
}
