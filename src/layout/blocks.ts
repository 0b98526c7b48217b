import { assertNever } from '../diag/index.js';
import { plainText } from '../doc/index.js';
import type { Block, Inline } from '../doc/index.js';
import { atom, gap } from './atom.js';
import type { Atom } from './atom.js';
import type { LayoutContext } from './context.js';
import { textWidth } from '../text/index.js';
import { mainFont } from '../text/index.js';
import { calloutAtoms, quoteAtoms } from './callout.js';
import { chartAtoms } from './figure.js';
import { chartPairAtoms } from './figure-pair.js';
import { coverAtoms, dividerAtoms, keyFigureAtoms, titleBlockAtoms } from './panels.js';
import { textAtoms } from './paragraph.js';
import { tableAtoms } from './table.js';
import { tocAtoms } from './toc.js';
import { anchored, anchorFor } from './xref.js';

/** Lays out a list of blocks as atoms, in reading order, under structure parent `parent`. */
export function blocksToAtoms(blocks: readonly Block[], parent: number, ctx: LayoutContext, indent = 0): Atom[] {
  const out: Atom[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    const next = blocks[i + 1];
    // Two half-width charts in a row share it.
    if (b.kind === 'chart' && next?.kind === 'chart' && ctx.charts.get(b.name)?.half && ctx.charts.get(next.name)?.half) {
      out.push(...referenced(located(chartPairAtoms([b, next], parent, ctx), b), [b, next], ctx));
      i++;
      continue;
    }
    out.push(...referenced(located(blockAtoms(b, parent, ctx, indent), b), [b], ctx));
  }
  return out;
}

/** Atoms of blocks a cross-reference points at carry its named destination (src/layout/xref.ts). */
function referenced(atoms: Atom[], blocks: readonly Block[], ctx: LayoutContext): Atom[] {
  return blocks.reduce((a, b) => {
    const dest = anchorFor(b, ctx);
    return dest === undefined ? a : anchored(a, dest);
  }, atoms);
}

/** Stamps the block's source location on its atoms (those of nested blocks keep their own). */
function located(atoms: readonly Atom[], b: Block): Atom[] {
  return atoms.map((a) => (a.loc ? a : { ...a, loc: b.loc }));
}

function blockAtoms(b: Block, parent: number, ctx: LayoutContext, indent: number): Atom[] {
  const t = ctx.theme;
  switch (b.kind) {
    case 'heading': {
      const size = t.headingSizes[b.level - 1] ?? t.bodySize;
      const title = plainText(b.content);
      ctx.headings.push({ id: b.id, level: b.level, title });
      const tag = ctx.struct.add(b.level === 1 ? 'H1' : b.level === 2 ? 'H2' : b.level === 3 ? 'H3' : 'H4', parent);
      const atoms = textAtoms(b.content, {
        style: { face: 'bold', size, color: t.palette.primary },
        leading: size * 1.22,
        spaceBefore: b.level === 2 ? 16 : 10,
        justify: false,
        tag,
        keepTogether: true,
        keepWithNext: true,
        anchor: { id: b.id, level: b.level, title },
      }, ctx);
      if (b.level === 2) {
        // A hairline under second-level headings, kept with the heading.
        atoms.push(atom(6, (x, y, dc) => {
          dc.items.push({ kind: 'line', x1: x, y1: y + 1.5, x2: x + ctx.width, y2: y + 1.5, color: t.palette.rule, lineWidth: 0.75, tag: 'artifact' });
        }, { keepWithNext: true }));
      } else atoms.push(atom(2, () => undefined, { keepWithNext: true }));
      return atoms;
    }
    case 'paragraph': {
      const tag = ctx.struct.add('P', parent);
      const small = b.role === 'note';
      return [
        ...textAtoms(b.content, {
          style: { face: 'regular', size: small ? t.smallSize : t.bodySize, color: small ? t.palette.muted : t.palette.text, linkColor: t.palette.primary },
          leading: small ? t.smallSize * 1.35 : t.bodyLeading,
          indent,
          tag,
        }, ctx),
        gap(t.paraSpace),
      ];
    }
    case 'list':
      return listAtoms(b, parent, ctx, indent);
    case 'table':
      return tableAtoms(b, parent, ctx);
    case 'keyFigures':
      return keyFigureAtoms(b, parent, ctx);
    case 'chart':
      return chartAtoms(b, parent, ctx);
    case 'titleBlock':
      return titleBlockAtoms(b, parent, ctx);
    case 'cover':
      return coverAtoms(b, parent, ctx);
    case 'toc': {
      const tags = { toc: ctx.struct.add('TOC', parent), heading: ctx.struct.add('H2', parent) };
      // Located already: the marker is found again by identity when the contents are built.
      const marker = atom(0, () => undefined, { loc: b.loc });
      ctx.deferred.push({ marker, build: (headings) => tocAtoms(b, tags, headings, ctx) });
      return [marker];
    }
    case 'divider':
      return dividerAtoms(b, parent, ctx);
    case 'pageBreak':
      return [atom(0, () => undefined, { breakBefore: true })];
    case 'callout':
      return calloutAtoms(b, parent, ctx, blocksToAtoms);
    case 'quote':
      return quoteAtoms(b, parent, ctx, blocksToAtoms);
    default:
      return assertNever(b, 'block');
  }
}

function listAtoms(b: Extract<Block, { kind: 'list' }>, parent: number, ctx: LayoutContext, indent: number): Atom[] {
  const t = ctx.theme;
  const L = ctx.struct.add('L', parent);
  const out: Atom[] = [];
  // Hanging indent wide enough for the widest label ("10." in a long numbered list).
  const labelW = b.ordered ? textWidth(`${b.items.length}.`, 'bold', t.bodySize) + 5 : 0;
  const hang = Math.max(t.listIndent, labelW);
  b.items.forEach((item, i) => {
    const li = ctx.struct.add('LI', L);
    const lbl = ctx.struct.add('Lbl', li);
    const body = ctx.struct.add('LBody', li);
    const label = b.ordered ? `${i + 1}.` : '\u2022';
    const [first, ...rest] = item;
    const firstContent: readonly Inline[] = first && first.kind === 'paragraph' ? first.content : [];
    out.push(...textAtoms(firstContent, {
      style: { face: 'regular', size: t.bodySize, color: t.palette.text, linkColor: t.palette.primary },
      leading: t.bodyLeading,
      indent: indent + hang,
      spaceBefore: i === 0 ? 0 : 3.5,
      tag: body,
      firstLineExtra: ({ x, baseline, rtl }, dc) => {
        const width = textWidth(label, 'bold', t.bodySize);
        // A right-to-left item has its label at the right, mirrored within the hanging indent.
        const at = rtl ? x + ctx.width - indent - (b.ordered ? 0 : 3) - width : x + indent + (b.ordered ? 0 : 3);
        dc.items.push({
          kind: 'text', x: at, y: baseline, text: label, font: mainFont('bold'), size: t.bodySize,
          color: t.palette.primary, wordSpacing: 0, features: [], width, tag: lbl,
        });
      },
    }, ctx));
    const others = first && first.kind === 'paragraph' ? rest : item;
    out.push(...blocksToAtoms(others, body, ctx, indent + hang));
  });
  out.push(gap(t.paraSpace + 2));
  return out;
}
