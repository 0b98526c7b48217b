/**
 * Re-emits data's rich text ({@link parseRich}) as our markup, allowing only its own
 * constructs and escaping every piece of text. Emphasis and strong become the text directives
 * `:em[…]` and `:strong[…]` (unlike `*…*`, they hold whatever their neighbours are, which
 * CommonMark's flanking rules do not), cut into pieces short enough for a directive label;
 * links `[…](<https://…>)`; footnotes `[^rich-n]`, their definitions collected for the end of
 * the markup. Text without markup comes out exactly as {@link escapeMarkup} makes it.
 */
import { parseRich } from '../data/index.js';
import { formatDate, formatNumber, formatPercent, localeOf } from '../util/index.js';
import type { RefTarget, RichNode } from '../data/index.js';
import type { Language } from '../data/index.js';
import { escapeAttribute, escapeMarkup } from './escape.js';

/** A directive label holds at most 999 characters (micromark): pieces stay well under. */
const PIECE = 200;

interface Style {
  readonly bold: boolean;
  readonly italic: boolean;
}

/** Collects the footnote definitions rich text makes while a template renders. */
export class RichNotes {
  private readonly defs: string[] = [];

  /** @param targets what cross-references may name (see src/data/xref.ts): a section's title is its label. */
  constructor(readonly targets: ReadonlyMap<string, RefTarget> = new Map()) {}

  /** The footnote definitions, each its own block, for the end of the markup ('' when none). */
  definitions(): string {
    return this.defs.map((d, i) => `\n\n[^rich-${i + 1}]: ${d}`).join('') + (this.defs.length ? '\n' : '');
  }

  add(markup: string): string {
    this.defs.push(markup);
    return `[^rich-${this.defs.length}]`;
  }
}

/** Markup for one rich-text value; `bold` sets all of it in bold (a total row). */
export function richMarkup(text: string, notes: RichNotes, bold = false): string {
  // Line breaks are spaces, as in escapeMarkup: data never starts a block.
  return emit(parseRich(text.replace(/\r\n?|\n/g, ' ')).nodes, { bold, italic: false }, notes);
}

/** Markup for a data table's cell: see the `cell` template helper. */
export function cellMarkup(v: unknown, col: { readonly type?: string; readonly decimals?: number }, o: { readonly lang: Language; readonly bold: boolean; readonly notes: RichNotes }): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' && col.type !== 'date') return richMarkup(v, o.notes, o.bold);
  let text: string;
  if (typeof v === 'number' && col.type === 'percent') text = formatPercent(v, o.lang, { digits: col.decimals ?? 1 });
  else if (typeof v === 'number') text = col.decimals === undefined ? formatNumber(v, o.lang, 2) : fixed(v, o.lang, col.decimals);
  else text = col.type === 'date' ? formatDate(String(v), o.lang) : String(v);
  return styled(text, { bold: o.bold, italic: false });
}

function emit(nodes: readonly RichNode[], style: Style, notes: RichNotes): string {
  let out = '';
  for (const n of nodes) {
    switch (n.kind) {
      case 'text':
        out += styled(n.text, style);
        break;
      case 'em':
        out += emit(n.children, { ...style, italic: true }, notes);
        break;
      case 'strong':
        out += emit(n.children, { ...style, bold: true }, notes);
        break;
      case 'link':
        out += `[${emit(n.children, style, notes)}](<${n.href}>)`;
        break;
      case 'note':
        out += notes.add(emit(n.children, { bold: false, italic: false }, notes));
        break;
      case 'ref': {
        // The layout numbers figures and tables and links the reference (src/layout/xref.ts);
        // a section's label is its title, known here.
        const title = notes.targets.get(n.id)?.title;
        const label = n.children.length ? emit(n.children, style, notes) : title !== undefined ? styled(title, style) : '';
        out += `:ref[${label}]{to="${n.id}"${title === undefined ? '' : ` title="${escapeAttribute(title)}"`}}`;
        break;
      }
      default: {
        const never: never = n;
        throw new Error(`unknown rich node ${JSON.stringify(never)}`);
      }
    }
  }
  return out;
}

function styled(text: string, style: Style): string {
  if (!style.bold && !style.italic) return escapeMarkup(text);
  const chars = Array.from(text);
  let out = '';
  for (let i = 0; i < chars.length; i += PIECE) {
    let piece = escapeMarkup(chars.slice(i, i + PIECE).join(''));
    if (style.italic) piece = `:em[${piece}]`;
    if (style.bold) piece = `:strong[${piece}]`;
    out += piece;
  }
  return out;
}

/** A number with exactly `digits` decimals (a column's values line up), minus as U+2212. */
function fixed(v: number, lang: Language, digits: number): string {
  return new Intl.NumberFormat(localeOf(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v).replace('-', '\u2212');
}
