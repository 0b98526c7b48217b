import type { TextFrame } from '../slides/index.js';
import type { TextProps, TextPropsOptions } from './lib.js';
import { frameScale, scaledSize } from './fonts.js';
import { deckFont, hex, isBold, isItalic, position } from './units.js';
import { xmlSafe } from './xml.js';

/** Extra room (pt) given to PowerPoint's own line breaking, whose metrics differ slightly from ours. */
const SLACK = 4;

/** Bullet characters: a square (drawn at {@link BULLET_SIZE} of the text), and a no-break space that keeps a continued point's indent. */
const BULLET = '25A0';
/** Bullet size in thousandths of a per cent of the text size, as OOXML writes it: about the PDF's square. */
const BULLET_SIZE = 75000;
const NO_BULLET = '00A0';

/**
 * A text frame as one editable PowerPoint text box: one paragraph per laid-out paragraph, with
 * its runs' fonts, sizes and colours, exact line spacing, the space above it and its bullet.
 * PowerPoint re-flows the runs itself in the same width, in Arial at sizes scaled so that no
 * line of ours is wider in Arial (`fonts.ts`); text shrinks on overflow (`normAutofit`) for an
 * office that substitutes a still wider font.
 */
export function textBox(frame: TextFrame, lang: string): { runs: TextProps[]; options: TextPropsOptions } {
  const runs: TextProps[] = [];
  const scale = frameScale(frame);
  let prevBottom = 0;
  frame.paras.forEach((p, i) => {
    const para: TextPropsOptions = {
      align: p.align,
      lineSpacing: p.leading,
      paraSpaceBefore: i > 0 ? Math.max(0, p.top - prevBottom) : 0,
      bullet: p.bullet ? { characterCode: BULLET, indent: p.indent } : p.indent > 0 ? { characterCode: NO_BULLET, indent: p.indent } : false,
    };
    p.spans.forEach((sp, j) => {
      runs.push({
        text: xmlSafe(sp.text),
        options: {
          ...para,
          fontFace: deckFont(),
          fontSize: scaledSize(sp.size, scale),
          color: hex(sp.color),
          bold: isBold(sp.face),
          italic: isItalic(sp.face),
          lang,
          ...(sp.href ? { hyperlink: { url: xmlSafe(sp.href) } } : {}),
          ...(j === p.spans.length - 1 && i < frame.paras.length - 1 ? { breakLine: true } : {}),
        },
      });
    });
    prevBottom = p.top + p.lines.length * p.leading;
  });
  const align = frame.paras[0]?.align ?? 'left';
  // Right- and centre-aligned boxes grow on both sides, so their text stays where the PDF has it.
  const grow = align === 'left' ? SLACK : 0;
  const box = align === 'right' ? { ...frame.box, x: frame.box.x - SLACK, width: frame.box.width + SLACK } : frame.box;
  return {
    runs,
    options: {
      ...position(box, grow),
      margin: 0,
      valign: 'top',
      wrap: true,
      fit: 'shrink',
      fontFace: deckFont(),
      lang,
      objectName: frame.use === 'title' ? 'Title' : frame.use === 'list' ? 'Points' : frame.use === 'caption' ? 'Caption' : 'Text',
    },
  };
}

/**
 * Colours, sizes and sets the font of our square bullets in a slide's XML (pptxgenjs has no
 * such options): `a:buClr`, `a:buSzPct` and `a:buFont` go before `a:buChar`, in schema order.
 */
export function colorBullets(xml: string, color: string): string {
  const char = `<a:buChar char="&#x${BULLET};"/>`;
  return xml.split(`<a:buSzPct val="100000"/>${char}`).join(
    `<a:buClr><a:srgbClr val="${hex(color)}"/></a:buClr><a:buSzPct val="${BULLET_SIZE}"/><a:buFont typeface="${deckFont()}"/>${char}`,
  );
}
