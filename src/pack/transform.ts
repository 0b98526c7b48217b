import type { Block, DocTree, Inline } from '../doc/index.js';

function inlines(items: readonly Inline[], offset: number): Inline[] {
  return items.map((i): Inline => {
    switch (i.kind) {
      case 'noteRef':
        return { ...i, id: `${i.id}@${offset}`, n: i.n + offset };
      case 'link':
        return { ...i, children: inlines(i.children, offset) };
      default:
        return i;
    }
  });
}

function block(b: Block, prefix: string, offset: number): Block[] {
  const rows = (r: readonly (readonly { content: readonly Inline[] }[])[]) => r.map((row) => row.map((c) => ({ content: inlines(c.content, offset) })));
  switch (b.kind) {
    case 'heading':
      return [{ ...b, id: `${prefix}-${b.id}`, content: inlines(b.content, offset) }];
    case 'paragraph':
      return [{ ...b, content: inlines(b.content, offset) }];
    case 'list':
      return [{ ...b, items: b.items.map((item) => item.flatMap((x) => block(x, prefix, offset))) }];
    case 'table':
      return [{
        ...b, header: rows(b.header), body: rows(b.body), notes: b.notes.map((n) => inlines(n, offset)),
        ...(b.caption ? { caption: inlines(b.caption, offset) } : {}),
      }];
    case 'chart':
      return [{ ...b, name: `${prefix}/${b.name}` }];
    case 'titleBlock':
    case 'cover':
    case 'toc':
      // The pack's divider stands for the briefing's own title block; one contents for all.
      return [];
    case 'callout':
      return [{ ...b, title: inlines(b.title, offset), blocks: b.blocks.flatMap((x) => block(x, prefix, offset)) }];
    case 'quote':
      return [{ ...b, blocks: b.blocks.flatMap((x) => block(x, prefix, offset)), ...(b.by ? { by: inlines(b.by, offset) } : {}) }];
    case 'keyFigures':
    case 'pageBreak':
    case 'divider':
      return [b];
  }
}

/**
 * Readies a briefing's tree for a pack (a new tree; the input is untouched): heading ids and
 * chart names get the briefing's prefix so they stay unique, footnote numbers continue from
 * `noteOffset`, the title block gives way to a divider page.
 */
export function packPart(tree: DocTree, o: { prefix: string; noteOffset: number; divider: Extract<Block, { kind: 'divider' }> }): DocTree {
  return {
    meta: tree.meta,
    blocks: [o.divider, ...tree.blocks.flatMap((b) => block(b, o.prefix, o.noteOffset))],
    notes: tree.notes.map((n) => ({ id: `${n.id}@${o.noteOffset}`, content: inlines(n.content, o.noteOffset) })),
  };
}
