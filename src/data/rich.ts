/**
 * Rich text in data: the small inline markup prose fields accept, parsed by hand into a safe
 * inline tree. Nothing else of our markup is reachable from data: no blocks, directives,
 * HTML, images or template code (the template stage re-emits only these nodes, each escaped).
 *
 * - `*x*` and `_x_`: emphasis; `**x**`: strong. A delimiter opens only before a non-space and
 *   closes only after one, and `_` never inside a word, so `2 * 3`, `snake_case` and a lone
 *   `*` stay literal. Unclosed delimiters are literal.
 * - `[text](https://…)` and `[text](mailto:…)`: links. Any other target is a problem
 *   (`data/link` at the field); the text is kept, the target dropped.
 * - `[](#id)`: a cross-reference to a chart, table or section, printed as its label
 *   ("Figure 2", "Table 3", the section's title) and linked to it; `[text](#id)` links text.
 * - `^[note text]`: a footnote whose text is in the data (no footnote inside a footnote).
 * - `~` between two letters or digits (`Kim~Young~Sam`, `5~%`): a no-break space; U+00A0
 *   written as such is one too. Between two digits it is a range and stays a tilde
 *   (`3월 14~15일`, `1,350~1,400원`); type U+00A0 for a no-break space between digits.
 * - `\` before any ASCII punctuation makes it literal (`\*`, `\_`, `\[`, `\~`, `\\`).
 *
 * The parser is linear in the text (closers are looked up in tables made once), so hostile
 * input cannot make it slow.
 */

/** A node of rich text. */
export type RichNode =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'em'; readonly children: readonly RichNode[] }
  | { readonly kind: 'strong'; readonly children: readonly RichNode[] }
  | { readonly kind: 'link'; readonly href: string; readonly children: readonly RichNode[] }
  /** A cross-reference `[](#id)` to a chart, table or section; empty children: its label ("Figure 2"). */
  | { readonly kind: 'ref'; readonly id: string; readonly children: readonly RichNode[] }
  | { readonly kind: 'note'; readonly children: readonly RichNode[] };

/** A problem found while parsing: `at` is the offset in the text (UTF-16 units). */
export interface RichProblem {
  readonly code: 'data/link';
  readonly at: number;
  readonly message: string;
  readonly hint: string;
}

export interface RichParse {
  readonly nodes: readonly RichNode[];
  readonly problems: readonly RichProblem[];
}

const PUNCT = /[!-/:-@[-`{-~]/;
const WS = /\s/u;
const WORD = /[\p{L}\p{N}]/u;
/** Where a `~` may be a no-break space: after and before these. */
const NBSP_BEFORE = /[\p{L}\p{N}.,;:)]/u;
const NBSP_AFTER = /[\p{L}\p{N}%$€£¥(]/u;
/** A decimal digit in any script: `~` between two of them is a range, not a space. */
const DIGIT = /\p{Nd}/u;
/** A link target: an allowed scheme, no spaces, controls, angle brackets or backslashes. */
const SAFE_HREF = /^(https:\/\/[^\s<>\\\p{Cc}]+|mailto:[^\s<>\\\p{Cc}]+)$/iu;
const MAX_HREF = 2000;
/** A cross-reference target: `#` and an id (a chart's name, a table's or a section's id). */
const REF = /^#([a-z0-9][a-z0-9-]{0,99})$/;

const ws = (c: string | undefined): boolean => c === undefined || WS.test(c);
const word = (c: string | undefined): boolean => c !== undefined && WORD.test(c);

/** Parses rich text. Never throws; problems are returned with their offsets. */
export function parseRich(src: string): RichParse {
  return new Parser(src).run();
}

class Parser {
  private readonly n: number;
  /** 0: a syntax character; 1: escaped (literal); 2: an escaping backslash (dropped). */
  private readonly esc: Uint8Array;
  /** For a live `[`: the index of its matching `]`, else -1. */
  private readonly match: Int32Array;
  /** The first closer of each kind at or after i (n when none). */
  private readonly nextStrong: Int32Array;
  private readonly nextStar: Int32Array;
  private readonly nextUnder: Int32Array;
  private readonly problems: RichProblem[] = [];

  constructor(private readonly s: string) {
    const n = (this.n = s.length);
    this.esc = new Uint8Array(n + 2);
    for (let i = 0; i < n; i++) {
      if (s[i] === '\\' && i + 1 < n && PUNCT.test(s[i + 1] as string)) {
        this.esc[i] = 2;
        this.esc[i + 1] = 1;
        i++;
      }
    }
    this.match = new Int32Array(n + 1).fill(-1);
    const open: number[] = [];
    for (let i = 0; i < n; i++) {
      if (!this.live(i)) continue;
      if (s[i] === '[') open.push(i);
      else if (s[i] === ']' && open.length) this.match[open.pop() as number] = i;
    }
    this.nextStrong = this.closers((i) => s[i] === '*' && s[i + 1] === '*' && this.live(i + 1) && !ws(s[i - 1]));
    this.nextStar = this.closers((i) => s[i] === '*' && !ws(s[i - 1]));
    this.nextUnder = this.closers((i) => s[i] === '_' && !ws(s[i - 1]) && s[i - 1] !== '_' && !word(s[i + 1]) && s[i + 1] !== '_');
  }

  run(): RichParse {
    return { nodes: this.parse(0, this.n, true, true), problems: this.problems };
  }

  private live(i: number): boolean {
    return i < this.n && this.esc[i] === 0;
  }

  private closers(is: (i: number) => boolean): Int32Array {
    const next = new Int32Array(this.n + 3).fill(this.n);
    for (let i = this.n - 1; i >= 1; i--) next[i] = this.live(i) && is(i) ? i : (next[i + 1] as number);
    return next;
  }

  private at(table: Int32Array, i: number): number {
    return i < table.length ? (table[i] as number) : this.n;
  }

  /** Nodes of s[from, to); links and notes only where allowed (never nested in themselves). */
  private parse(from: number, to: number, links: boolean, notes: boolean): RichNode[] {
    const s = this.s;
    const out: RichNode[] = [];
    let text = '';
    const flush = (): void => {
      if (text) out.push({ kind: 'text', text });
      text = '';
    };
    for (let i = from; i < to; i++) {
      const c = s[i] as string;
      if (this.esc[i] === 2) continue;
      if (this.esc[i] === 1) {
        text += c;
        continue;
      }
      if (c === '*' && s[i + 1] === '*' && this.live(i + 1) && !ws(s[i + 2])) {
        const j = this.at(this.nextStrong, i + 3);
        if (j + 2 <= to) {
          flush();
          out.push({ kind: 'strong', children: this.parse(i + 2, j, links, notes) });
          i = j + 1;
          continue;
        }
      }
      if (c === '*' && !ws(s[i + 1])) {
        const j = this.at(this.nextStar, i + 2);
        if (j < to) {
          flush();
          out.push({ kind: 'em', children: this.parse(i + 1, j, links, notes) });
          i = j;
          continue;
        }
      }
      if (c === '_' && !word(s[i - 1]) && s[i - 1] !== '_' && !ws(s[i + 1]) && s[i + 1] !== '_') {
        const j = this.at(this.nextUnder, i + 2);
        if (j < to) {
          flush();
          out.push({ kind: 'em', children: this.parse(i + 1, j, links, notes) });
          i = j;
          continue;
        }
      }
      if (c === '^' && notes && s[i + 1] === '[' && this.live(i + 1)) {
        const k = this.match[i + 1] as number;
        if (k > i + 2 && k < to) {
          flush();
          out.push({ kind: 'note', children: this.parse(i + 2, k, links, false) });
          i = k;
          continue;
        }
      }
      if (c === '[' && links) {
        const k = this.match[i] as number;
        const e = k >= 0 && k + 1 < to && s[k + 1] === '(' && this.live(k + 1) ? this.closeParen(k + 2, to) : -1;
        if (e >= 0) {
          flush();
          const href = s.slice(k + 2, e).trim();
          const children = this.parse(i + 1, k, false, notes);
          const ref = REF.exec(href);
          if (ref) {
            out.push({ kind: 'ref', id: ref[1] as string, children });
          } else if (SAFE_HREF.test(href) && href.length <= MAX_HREF) {
            out.push({ kind: 'link', href, children: children.length ? children : [{ kind: 'text', text: href }] });
          } else {
            this.problems.push({
              code: 'data/link',
              at: k + 2,
              message: `link target "${href.slice(0, 80)}" is not allowed`,
              hint: 'links in data may only go to https: or mailto: addresses (no spaces), or to `#id` of a chart, table or section; write \\[ to show a bracket as text',
            });
            out.push(...children);
          }
          i = e;
          continue;
        }
      }
      // Between two digits `~` is a range (Korean `14~15일`, `1,350~1,400원`) and stays a tilde.
      const range = DIGIT.test(s[i - 1] ?? '') && DIGIT.test(s[i + 1] ?? '');
      if (c === '~' && i > from && i + 1 < to && !range && NBSP_BEFORE.test(s[i - 1] as string) && NBSP_AFTER.test(s[i + 1] as string)) {
        text += '\u00a0';
        continue;
      }
      text += c;
    }
    flush();
    return out;
  }

  /** The live `)` closing a target that starts at `from` (nested pairs allowed), or -1. */
  private closeParen(from: number, to: number): number {
    let depth = 0;
    const end = Math.min(to, from + MAX_HREF + 1);
    for (let i = from; i < end; i++) {
      if (!this.live(i)) continue;
      const c = this.s[i];
      if (c === '(') depth++;
      else if (c === ')' && depth-- === 0) return i;
    }
    return -1;
  }
}

/** The plain text of rich text: words only, notes left out (for slides, alt text, metadata). */
export function richPlain(nodes: readonly RichNode[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.kind === 'text') out += n.text;
    else if (n.kind !== 'note') out += richPlain(n.children);
  }
  return out;
}
