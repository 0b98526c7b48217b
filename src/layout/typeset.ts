import type { Block, DocMeta, DocTree, Inline } from '../doc/index.js';
import { typeset, typoState } from '../text/index.js';
import type { TypoState } from '../text/index.js';

function inlines(list: readonly Inline[], lang: string, st: TypoState): Inline[] {
  return list.map((i): Inline => {
    switch (i.kind) {
      case 'text':
        return { ...i, text: typeset(i.text, lang, st) };
      case 'link':
        return { ...i, children: inlines(i.children, lang, st) };
      case 'noteRef':
      case 'break':
        return i;
    }
  });
}

/** A text set apart (a title, a line under it): typeset as one paragraph. */
const display = (list: readonly Inline[], lang: string): Inline[] => inlines(list, lang, typoState());

/**
 * The texts layout prints from a document's metadata (running header and footer, the titles
 * of bookmarks and contents entries) typeset like briefing text: curly quotes by language and
 * U+2212 before a negative number. Metadata is data as written (the PDF's Info keeps it so).
 */
export function printedMeta(meta: DocMeta): DocMeta {
  const lang = meta.language;
  return {
    ...meta, title: typeset(meta.title, lang, typoState()),
    ...(meta.subtitle !== undefined ? { subtitle: typeset(meta.subtitle, lang, typoState()) } : {}),
  };
}

/**
 * A pack's own display blocks (its cover, each briefing's divider) typeset like briefing text.
 * They are made from data as written, not through the markup stage that typesets a
 * briefing's own cover; typesetting typeset text changes nothing, so either source is safe.
 */
export function typesetDisplay(tree: DocTree): DocTree {
  const lang = tree.meta.language;
  const block = (b: Block): Block => {
    switch (b.kind) {
      case 'cover':
      case 'divider':
        return { ...b, title: display(b.title, lang), lines: b.lines.map((l) => display(l, lang)) };
      default:
        return b;
    }
  };
  return { ...tree, blocks: tree.blocks.map(block) };
}
