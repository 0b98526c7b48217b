import type { PhrasingContent } from 'mdast';
import type { Diagnostic } from '../diag/index.js';
import { diag } from '../diag/index.js';
import type { Inline, InlineStyle } from './types.js';
import type { ParseContext } from './context.js';
import { skipVerbatim, typeset, typoState } from '../text/index.js';
import type { TypoState } from '../text/index.js';

/** Link schemes data and templates may use; anything else (javascript:, file:) is refused. */
const SAFE_SCHEMES = /^(https?:|mailto:)/i;

/**
 * Converts mdast phrasing content into our inlines, merging adjacent text of one style. Text
 * is typeset for the document's language (curly quotes, minus signs); code spans, raw HTML
 * shown as text and link targets are kept as written. `st` carries the typesetting state
 * through nested emphasis and links, so one call per paragraph.
 */
export function inlines(nodes: readonly PhrasingContent[], ctx: ParseContext, style: InlineStyle = {}, st: TypoState = typoState()): Inline[] {
  const out: Inline[] = [];
  const push = (item: Inline): void => {
    const last = out[out.length - 1];
    if (item.kind === 'text' && last?.kind === 'text' && last.style.bold === item.style.bold && last.style.italic === item.style.italic) {
      out[out.length - 1] = { kind: 'text', text: last.text + item.text, style: last.style };
    } else out.push(item);
  };
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        push({ kind: 'text', text: typeset(n.value.replace(/\s*\n\s*/g, ' '), ctx.lang, st), style });
        break;
      case 'inlineCode':
        skipVerbatim(n.value, st);
        push({ kind: 'text', text: n.value, style });
        break;
      case 'strong':
        for (const i of inlines(n.children, ctx, { ...style, bold: true }, st)) push(i);
        break;
      case 'emphasis':
        for (const i of inlines(n.children, ctx, { ...style, italic: true }, st)) push(i);
        break;
      case 'delete':
        for (const i of inlines(n.children, ctx, style, st)) push(i);
        break;
      case 'break':
        push({ kind: 'break' });
        st.prev = ' ';
        break;
      case 'link': {
        if (!SAFE_SCHEMES.test(n.url)) {
          ctx.diagnostics.push(unsafeLink(n.url, ctx, n.position?.start));
          for (const i of inlines(n.children, ctx, style, st)) push(i);
        } else push({ kind: 'link', href: n.url, children: inlines(n.children, ctx, style, st) });
        break;
      }
      case 'footnoteReference':
        push({ kind: 'noteRef', id: n.identifier, n: ctx.noteNumber(n.identifier) });
        break;
      case 'html':
        // No HTML in our markup: show it as the text it is.
        skipVerbatim(n.value, st);
        push({ kind: 'text', text: n.value, style });
        break;
      case 'textDirective':
        // `:em[…]` and `:strong[…]`: emphasis from data's rich text (src/template/rich.ts),
        // written as directives because they hold whatever their neighbours are.
        if (n.name === 'em' || n.name === 'strong') {
          for (const i of inlines(n.children, ctx, n.name === 'em' ? { ...style, italic: true } : { ...style, bold: true }, st)) push(i);
          break;
        }
        // `:ref[label]{to="id"}`: a cross-reference from data's rich text; the layout numbers
        // and links it (src/layout/xref.ts). An empty label is filled there ("Figure 2").
        if (n.name === 'ref' && /^[a-z0-9][a-z0-9-]*$/.test(n.attributes?.['to'] ?? '')) {
          // A section is found by its title (`#§title`): its heading's id is made from it.
          const title = n.attributes?.['title'];
          push({ kind: 'link', href: title ? `#§${title}` : `#${n.attributes?.['to'] ?? ''}`, children: inlines(n.children, ctx, style, st) });
          break;
        }
        // `:name` in template text that was not meant as a directive: keep it as text.
        skipVerbatim(`:${n.name}`, st);
        push({ kind: 'text', text: `:${n.name}`, style });
        for (const i of inlines(n.children, ctx, style, st)) push(i);
        break;
      case 'image':
      case 'imageReference':
        ctx.diagnostics.push(diag('doc/unsupported', 'images are not supported in briefing markup', {
          loc: ctx.loc(n.position?.start), hint: 'declare a chart in the data and place it with ::chart{name="…"}',
        }));
        break;
      case 'linkReference':
      case 'footnoteDefinition' as never:
        for (const i of inlines((n as { children: PhrasingContent[] }).children, ctx, style, st)) push(i);
        break;
      default:
        ctx.diagnostics.push(diag('doc/unsupported', `unsupported inline markup: ${(n as { type: string }).type}`, { loc: ctx.loc((n as PhrasingContent).position?.start) }));
    }
  }
  return out;
}

function unsafeLink(url: string, ctx: ParseContext, at?: { line: number; column: number }): Diagnostic {
  return diag('doc/unsafe-link', `link target "${url.slice(0, 80)}" is not allowed`, {
    loc: ctx.loc(at),
    hint: 'links may only use https:, http: or mailto:',
  });
}

/** Plain text of inlines (for ids, bookmarks and alt text). */
export function plainText(items: readonly Inline[]): string {
  let s = '';
  for (const i of items) {
    if (i.kind === 'text') s += i.text;
    else if (i.kind === 'link') s += plainText(i.children);
    else if (i.kind === 'break') s += ' ';
  }
  return s;
}
