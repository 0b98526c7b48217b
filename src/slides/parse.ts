import type { BlockContent, DefinitionContent, List, PhrasingContent, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { diag } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { createContext } from '../doc/index.js';
import type { ParseContext } from '../doc/index.js';
import { inlines, plainText } from '../doc/index.js';
import type { DocMeta, Inline, KeyFigure } from '../doc/index.js';
import { directive } from 'micromark-extension-directive';
import { firstSentence } from './sentences.js';
import { SLIDE_KINDS } from './types.js';
import type { NotePart, Point, Slide, SlideDeck } from './types.js';

/** Slide markup and where it came from. */
export interface SlideParseInput {
  readonly markup: string;
  /** The entry template's path, for locations. */
  readonly file: string;
  readonly meta: DocMeta;
}

type Node = RootContent | BlockContent | DefinitionContent;

const HINT_KINDS = `use one of: ${SLIDE_KINDS.join(', ')}`;

/**
 * Parses slide markup: a sequence of `::::slide{kind="…"}` containers, each holding a
 * heading (the slide title), paragraphs and lists, and an optional `:::notes` container with
 * the speaker notes (`::describe` inside it stands for the chart's description). Attributes:
 * `kind` (required), `chart` (chart slides), `trim="sentence"` (bullets: show each point's
 * first sentence, the full text goes to the notes), `data` (the data path the slide shows, for
 * located errors). Collects every problem as a diagnostic (codes `slides/…`).
 */
export function parseSlides(input: SlideParseInput): { deck: SlideDeck; diagnostics: Diagnostic[] } {
  const root = fromMarkdown(input.markup, { extensions: [directive()], mdastExtensions: [directiveFromMarkdown()] });
  const ctx = createContext(input.file, input.meta.language);
  const slides: Slide[] = [];
  for (const n of root.children as Node[]) {
    if (n.type === 'containerDirective' && n.name === 'slide') {
      const s = slide(n, ctx);
      if (s) slides.push(s);
    } else if (n.type !== 'definition' && !(n.type === 'html' && /^<!--/.test(n.value))) {
      ctx.diagnostics.push(diag('slides/outside', `${n.type} outside a slide`, {
        loc: ctx.loc(n.position?.start),
        hint: 'put every block inside a ::::slide{kind="…"} container',
      }));
    }
  }
  if (slides.length === 0) {
    ctx.diagnostics.push(diag('slides/empty', 'the slide template produced no slides', { loc: ctx.loc(), hint: 'add ::::slide{kind="title"} containers to templates/slides/' }));
  }
  return { deck: { meta: input.meta, slides }, diagnostics: ctx.diagnostics };
}

function slide(n: ContainerDirective, ctx: ParseContext): Slide | undefined {
  const loc = ctx.loc(n.position?.start);
  const attrs = n.attributes ?? {};
  const kind = attrs.kind ?? '';
  if (!(SLIDE_KINDS as readonly string[]).includes(kind)) {
    ctx.diagnostics.push(diag('slides/unknown-kind', `unknown slide kind ${JSON.stringify(kind)}`, { loc, hint: HINT_KINDS }));
    return undefined;
  }
  const kids = n.children as Node[];
  const heading = kids.find((c) => c.type === 'heading');
  const title = heading && heading.type === 'heading' ? inlines(heading.children, ctx) : [];
  const notes: NotePart[] = [];
  const paras: Inline[][] = [];
  const lists: List[] = [];
  let listSeen = false;
  const intro: Inline[][] = [];
  for (const c of kids) {
    if (c === heading) continue;
    if (c.type === 'paragraph') (listSeen ? paras : intro).push(inlines(c.children, ctx));
    else if (c.type === 'list') {
      lists.push(c);
      listSeen = true;
    } else if (c.type === 'containerDirective' && c.name === 'notes') notes.push(...noteParts(c.children as Node[], ctx));
    else ctx.diagnostics.push(diag('slides/unsupported', `${c.type === 'containerDirective' || c.type === 'leafDirective' ? `directive "${c.name}"` : c.type} is not allowed in a ${kind} slide`, {
      loc: ctx.loc(c.position?.start), hint: 'a slide holds a heading, paragraphs, lists and a :::notes container',
    }));
  }
  const common = { title, notes, loc, ...(attrs.data ? { data: attrs.data } : {}) };
  if (kind !== 'title' && plainText(title).trim() === '') {
    ctx.diagnostics.push(diag('slides/missing-title', `a ${kind} slide needs a title`, { loc, hint: 'start the slide with a heading: ## Title' }));
  }
  const items = lists.flatMap((l) => l.children.map((li) => li.children.flatMap((c) => (c.type === 'paragraph' ? [c.children] : []))));
  const points = (trim: boolean): Point[] => items.map((ps) => point(ps, trim, ctx));
  switch (kind) {
    case 'title':
      return { kind: 'title', ...common, lines: [...intro, ...paras].filter((l) => plainText(l).trim() !== '') };
    case 'keyfigures':
      return { kind: 'keyFigures', ...common, items: items.map((ps) => keyFigure(ps.flat())) };
    case 'chart': {
      const chart = attrs.chart;
      if (!chart) {
        ctx.diagnostics.push(diag('slides/directive', 'a chart slide needs a chart name', { loc, hint: 'write ::::slide{kind="chart" chart="trade-by-year"}' }));
        return undefined;
      }
      return { kind: 'chart', ...common, chart, captions: [...intro, ...paras].filter((l) => plainText(l).trim() !== '') };
    }
    case 'bullets': {
      const introLine = intro.filter((l) => plainText(l).trim() !== '').flatMap((l, i) => (i > 0 ? [{ kind: 'text' as const, text: ' ', style: {} }, ...l] : l));
      return { kind: 'bullets', ...common, ...(introLine.length ? { intro: introLine } : {}), points: points(attrs.trim === 'sentence') };
    }
    case 'sources':
      return { kind: 'sources', ...common, points: points(false) };
    default:
      return undefined;
  }
}

/** A list item's paragraphs as one point, shortened to its first sentence when asked. */
function point(paragraphs: readonly (readonly PhrasingContent[])[], trim: boolean, ctx: ParseContext): Point {
  const content = paragraphs.flatMap((p, i) => [...(i > 0 ? [{ kind: 'text' as const, text: ' ', style: {} }] : []), ...inlines(p, ctx)]);
  const short = trim ? firstSentence(content) : undefined;
  return short ? { content: short, full: plainText(content) } : { content };
}

function noteParts(nodes: readonly Node[], ctx: ParseContext): NotePart[] {
  const out: NotePart[] = [];
  for (const n of nodes) {
    if (n.type === 'paragraph' || n.type === 'heading') {
      const text = plainText(inlines(n.children, ctx)).trim();
      if (text) out.push({ kind: 'line', line: { text, item: false } });
    } else if (n.type === 'list') {
      for (const li of n.children) {
        const text = li.children.map((c) => (c.type === 'paragraph' ? plainText(inlines(c.children, ctx)) : '')).join(' ').trim();
        if (text) out.push({ kind: 'line', line: { text, item: true } });
      }
    } else if (n.type === 'leafDirective' && n.name === 'describe') out.push({ kind: 'describe' });
    else {
      ctx.diagnostics.push(diag('slides/unsupported', `${n.type} is not allowed in speaker notes`, {
        loc: ctx.loc(n.position?.start), hint: 'notes hold paragraphs, lists and ::describe',
      }));
    }
  }
  return out;
}

/** A key-figure item: the first bold run is the value, an emphasised run the change. */
function keyFigure(children: readonly PhrasingContent[]): KeyFigure {
  const text = (c: PhrasingContent): string => ('value' in c ? c.value : 'children' in c ? c.children.map(text).join('') : '');
  let value = '';
  let change = '';
  let label = '';
  for (const c of children) {
    if (c.type === 'strong' && !value) value = text(c);
    else if (c.type === 'emphasis') change += text(c);
    else label += text(c);
  }
  return { value: value.trim(), label: label.replace(/\s+/g, ' ').trim(), ...(change.trim() ? { change: change.trim() } : {}) };
}
