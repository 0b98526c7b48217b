import type { BlockContent, DefinitionContent, List, Paragraph, PhrasingContent, RootContent, Table } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Options } from 'mdast-util-from-markdown';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { directive } from 'micromark-extension-directive';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTable } from 'micromark-extension-gfm-table';
import { diag } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { createContext } from './context.js';
import type { ParseContext } from './context.js';
import { inlines, plainText } from './inline.js';
import { typeset, typoState } from '../text/index.js';
import type { Align, Block, DocMeta, DocTree, Inline, KeyFigure, TableCell } from './types.js';

export interface ParseInput {
  readonly markup: string;
  /** Where the markup came from (the entry template), for locations. */
  readonly file: string;
  readonly meta: DocMeta;
}

export interface ParseOutput {
  readonly tree: DocTree;
  readonly diagnostics: readonly Diagnostic[];
}

type Node = RootContent | BlockContent | DefinitionContent;

let extensions: Options | undefined;

/** The syntax extensions, made once per process (making them for every parse cost ~0.5 ms). */
function syntax(): Options {
  extensions ??= {
    extensions: [directive(), gfmTable(), gfmFootnote()],
    mdastExtensions: [directiveFromMarkdown(), gfmTableFromMarkdown(), gfmFootnoteFromMarkdown()],
  };
  return extensions;
}

/**
 * Parses our markup (CommonMark + GFM tables and footnotes + directives) into the typed
 * document tree. Directives: `:::titleblock`, `:::cover`, `:::keyfigures`, `:::table`,
 * `:::callout{kind title}`, `:::quote{by}`, `::chart{name}`, `::toc`, `::pagebreak`.
 */
export function parseMarkup(input: ParseInput): ParseOutput {
  const root = fromMarkdown(input.markup, syntax());
  const ctx = createContext(input.file, input.meta.language);
  const noteDefs = new Map<string, Inline[]>();
  const blocks = convertAll(root.children, ctx, noteDefs);
  const notes = ctx.noteOrder.map((id) => {
    const content = noteDefs.get(id);
    if (!content) ctx.diagnostics.push(diag('doc/missing-note', `footnote [^${id}] is referenced but not defined`, { hint: `add a line "[^${id}]: text"` }));
    return { id, content: content ?? [] };
  });
  return { tree: { meta: input.meta, blocks, notes }, diagnostics: ctx.diagnostics };
}

function convertAll(nodes: readonly Node[], ctx: ParseContext, notes: Map<string, Inline[]>): Block[] {
  const out: Block[] = [];
  for (const n of nodes) out.push(...convert(n, ctx, notes));
  return out;
}

function convert(n: Node, ctx: ParseContext, notes: Map<string, Inline[]>): Block[] {
  const loc = ctx.loc(n.position?.start);
  switch (n.type) {
    case 'heading': {
      const content = inlines(n.children, ctx);
      const level = Math.min(4, Math.max(1, n.depth)) as 1 | 2 | 3 | 4;
      return [{ kind: 'heading', level, id: ctx.uniqueId(plainText(content)), content, loc }];
    }
    case 'paragraph':
      return [{ kind: 'paragraph', content: inlines(n.children, ctx), role: 'body', loc }];
    case 'list':
      return [listBlock(n, ctx, notes)];
    case 'table':
      return [tableBlock(n, undefined, [], ctx)];
    case 'thematicBreak':
      return [];
    case 'footnoteDefinition':
      notes.set(n.identifier, n.children.flatMap((c) => (c.type === 'paragraph' ? inlines(c.children, ctx) : [])));
      return [];
    case 'blockquote':
      return convertAll(n.children, ctx, notes);
    case 'code':
      return [{ kind: 'paragraph', content: [{ kind: 'text', text: n.value, style: {} }], role: 'body', loc }];
    case 'html':
      return [{ kind: 'paragraph', content: [{ kind: 'text', text: n.value, style: {} }], role: 'body', loc }];
    case 'leafDirective':
      return leafDirective(n, ctx);
    case 'containerDirective':
      return containerDirective(n, ctx, notes);
    case 'definition':
      return [];
    default:
      ctx.diagnostics.push(diag('doc/unsupported', `unsupported markup: ${n.type}`, { loc }));
      return [];
  }
}

function listBlock(n: List, ctx: ParseContext, notes: Map<string, Inline[]>): Block {
  return {
    kind: 'list',
    ordered: n.ordered === true,
    items: n.children.map((li) => convertAll(li.children, ctx, notes)),
    loc: ctx.loc(n.position?.start),
  };
}

function leafDirective(n: LeafDirective, ctx: ParseContext): Block[] {
  const loc = ctx.loc(n.position?.start);
  switch (n.name) {
    case 'chart': {
      const name = n.attributes?.name;
      if (!name) {
        ctx.diagnostics.push(diag('doc/directive', '::chart needs a name', { loc, hint: 'write ::chart{name="trade-by-year"} with a chart declared in the data' }));
        return [];
      }
      return [{ kind: 'chart', name, loc }];
    }
    case 'toc':
      return [{ kind: 'toc', title: n.children.length ? inlines(n.children, ctx) : [], loc }];
    case 'pagebreak':
      return [{ kind: 'pageBreak', loc }];
    default:
      ctx.diagnostics.push(unknownDirective(n.name, loc));
      return [];
  }
}

function unknownDirective(name: string, loc: ReturnType<ParseContext['loc']>): Diagnostic {
  return diag('doc/unknown-directive', `unknown directive "${name}"`, {
    loc,
    hint: 'known directives: :::titleblock, :::cover, :::keyfigures, :::table, :::callout, :::quote, ::chart, ::toc, ::pagebreak',
  });
}

function paragraphs(children: readonly Node[]): Paragraph[] {
  return children.filter((c): c is Paragraph => c.type === 'paragraph');
}

function containerDirective(n: ContainerDirective, ctx: ParseContext, notes: Map<string, Inline[]>): Block[] {
  const loc = ctx.loc(n.position?.start);
  const kids = n.children as Node[];
  switch (n.name) {
    case 'titleblock':
    case 'cover': {
      const heading = kids.find((c) => c.type === 'heading');
      const title = heading && heading.type === 'heading' ? inlines(heading.children, ctx) : [];
      const lines = paragraphs(kids).map((p) => inlines(p.children, ctx));
      return [{ kind: n.name === 'cover' ? 'cover' : 'titleBlock', title, lines, loc }];
    }
    case 'keyfigures': {
      const title = paragraphs(kids)[0];
      const list = kids.find((c): c is List => c.type === 'list');
      const items = (list?.children ?? []).map((li) => keyFigure(li.children.flatMap((c) => (c.type === 'paragraph' ? c.children : [])), ctx.lang));
      return [{ kind: 'keyFigures', ...(title ? { title: inlines(title.children, ctx) } : {}), items, loc }];
    }
    case 'table': {
      const idx = kids.findIndex((c) => c.type === 'table');
      const table = kids[idx];
      if (!table || table.type !== 'table') {
        ctx.diagnostics.push(diag('doc/directive', ':::table holds no table', { loc, hint: 'put a GFM table (| a | b |) inside :::table' }));
        return convertAll(kids, ctx, notes);
      }
      const before = paragraphs(kids.slice(0, idx));
      const after = paragraphs(kids.slice(idx + 1)).map((p) => inlines(p.children, ctx));
      const caption = before.length ? before.flatMap((p) => inlines(p.children, ctx)) : undefined;
      const id = n.attributes?.['id'];
      const block = tableBlock(table, caption, after, ctx);
      return [id ? { ...block, id } : block];
    }
    case 'callout':
      return [{ kind: 'callout', role: n.attributes?.['kind'] ?? 'note', title: attrText(n.attributes?.['title'], ctx), blocks: convertAll(kids, ctx, notes), loc }];
    case 'quote': {
      const by = n.attributes?.['by'];
      return [{ kind: 'quote', blocks: convertAll(kids, ctx, notes), ...(by ? { by: attrText(by, ctx) } : {}), loc }];
    }
    default:
      ctx.diagnostics.push(unknownDirective(n.name, loc));
      return convertAll(kids, ctx, notes);
  }
}

/** A directive attribute as text, typeset like any other text. */
function attrText(v: string | null | undefined, ctx: ParseContext): Inline[] {
  return v ? inlines([{ type: 'text', value: v }], ctx) : [];
}

/**
 * A key-figure item: the first bold run is the value, an emphasised run the change. Each is
 * typeset like other text (a "-2 %" change gets the U+2212 minus every other negative has).
 */
function keyFigure(children: readonly PhrasingContent[], lang: string): KeyFigure {
  let value = '';
  let change = '';
  let label = '';
  for (const c of children) {
    if (c.type === 'strong' && !value) value = c.children.map((x) => ('value' in x ? x.value : '')).join('');
    else if (c.type === 'emphasis') change += c.children.map((x) => ('value' in x ? x.value : '')).join('');
    else if ('value' in c) label += c.value;
  }
  const set = (text: string): string => typeset(text, lang, typoState());
  return { value: set(value.trim()), label: set(label.replace(/\s+/g, ' ').trim()), ...(change.trim() ? { change: set(change.trim()) } : {}) };
}

function tableBlock(t: Table, caption: Inline[] | undefined, notes: Inline[][], ctx: ParseContext): Extract<Block, { kind: 'table' }> {
  const rows = t.children.map((r) => r.children.map((c): TableCell => ({ content: inlines(c.children, ctx) })));
  const align: Align[] = (t.align ?? []).map((a) => (a === 'right' ? 'right' : a === 'center' ? 'center' : 'left'));
  return {
    kind: 'table',
    ...(caption ? { caption } : {}),
    header: rows.slice(0, 1),
    body: rows.slice(1),
    align,
    notes,
    loc: ctx.loc(t.position?.start),
  };
}
