import type { SourceLoc } from '../diag/index.js';

/** Inline style flags. */
export interface InlineStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
}

/** Inline content of paragraphs, headings, list items and table cells. */
export type Inline =
  | { readonly kind: 'text'; readonly text: string; readonly style: InlineStyle }
  | { readonly kind: 'link'; readonly href: string; readonly children: readonly Inline[] }
  /** A footnote reference; `n` is its number in the document (1-based). */
  | { readonly kind: 'noteRef'; readonly id: string; readonly n: number }
  | { readonly kind: 'break' };

export type Align = 'left' | 'right' | 'center';

export interface TableCell {
  readonly content: readonly Inline[];
}

export interface KeyFigure {
  readonly value: string;
  readonly label: string;
  /** A change, e.g. "+28 %"; coloured by sign. */
  readonly change?: string;
}

/**
 * Blocks of the document tree, discriminated by `kind`. Every block keeps where it came from
 * in the generated markup (`loc`), so later stages can report located errors.
 */
export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3 | 4; readonly id: string; readonly content: readonly Inline[]; readonly loc: SourceLoc }
  | { readonly kind: 'paragraph'; readonly content: readonly Inline[]; readonly role: ParagraphRole; readonly loc: SourceLoc }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly (readonly Block[])[]; readonly loc: SourceLoc }
  | {
      readonly kind: 'table';
      /** The data table's id (`:::table{id}`), which cross-references name. */
      readonly id?: string;
      readonly caption?: readonly Inline[];
      readonly header: readonly (readonly TableCell[])[];
      readonly body: readonly (readonly TableCell[])[];
      readonly align: readonly Align[];
      /** Lines printed under the table: source, notes. */
      readonly notes: readonly (readonly Inline[])[];
      readonly loc: SourceLoc;
    }
  | { readonly kind: 'keyFigures'; readonly title?: readonly Inline[]; readonly items: readonly KeyFigure[]; readonly loc: SourceLoc }
  | { readonly kind: 'chart'; readonly name: string; readonly loc: SourceLoc }
  /** The document's title block: title, subtitle and meta lines, with a rule. */
  | { readonly kind: 'titleBlock'; readonly title: readonly Inline[]; readonly lines: readonly (readonly Inline[])[]; readonly loc: SourceLoc; readonly id?: string }
  | { readonly kind: 'cover'; readonly title: readonly Inline[]; readonly lines: readonly (readonly Inline[])[]; readonly loc: SourceLoc; readonly id?: string }
  /**
   * A pack's divider page before a briefing: its number, title and subtitle, on a right-hand page.
   * `docKind` names a document kind other than the fact sheet ("Visit programme"), shown in the pack's contents.
   */
  | { readonly kind: 'divider'; readonly id: string; readonly label: string; readonly title: readonly Inline[]; readonly lines: readonly (readonly Inline[])[]; readonly loc: SourceLoc; readonly docKind?: string }
  | { readonly kind: 'toc'; readonly title: readonly Inline[]; readonly loc: SourceLoc }
  | { readonly kind: 'pageBreak'; readonly loc: SourceLoc }
  /** A titled box (`:::callout{kind title}`): a key message, an "if asked" line, a note. */
  | { readonly kind: 'callout'; readonly role: string; readonly title: readonly Inline[]; readonly blocks: readonly Block[]; readonly loc: SourceLoc }
  /** A quotation (`:::quote{by}`) and who said it. */
  | { readonly kind: 'quote'; readonly blocks: readonly Block[]; readonly by?: readonly Inline[]; readonly loc: SourceLoc };

/** What a paragraph is for; the layout styles each role. */
export type ParagraphRole = 'body' | 'lead' | 'note';

/** Document-level facts, from the briefing data (not from the markup). */
export interface DocMeta {
  readonly title: string;
  readonly subtitle?: string;
  readonly author?: string;
  readonly subject?: string;
  readonly keywords?: readonly string[];
  readonly language: string;
  readonly classification: string;
  /** ISO date of the briefing; also the PDF's creation date, for reproducible bytes. */
  readonly date: string;
  /** Date as printed in running elements. */
  readonly dateText: string;
}

/** The parsed document: blocks in reading order and footnote texts by number. */
export interface DocTree {
  readonly meta: DocMeta;
  readonly blocks: readonly Block[];
  /** Footnote texts, index 0 is footnote 1. */
  readonly notes: readonly { readonly id: string; readonly content: readonly Inline[] }[];
}
