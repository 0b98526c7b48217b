/**
 * The theme's logo in the running header of every page (the cover included): top left of the
 * text column, above the running title, as a pagination artifact. Drawn only when the theme
 * has a logo, so documents without one keep their bytes.
 */
import SVGtoPDF from 'svg-to-pdfkit';
import type { Page, PageGeometry } from '../layout/index.js';
import type { ThemeLogo } from '../theme/index.js';

/** Space from the trim edge to the top of the logo (pt): clear of the marking's baseline band. */
const LOGO_TOP = 12;

/** Draws `logo` on the current page; the PNG is embedded once per document and reused. */
export function logoDrawer(doc: PDFKit.PDFDocument, logo: ThemeLogo): (page: Page, g: PageGeometry) => void {
  const img = logo.image;
  const width = (logo.height * img.width) / img.height;
  // `openImage` is public pdfkit API the type declarations lack; the opened image is reused so
  // the PNG is embedded once, not once per page.
  const png = img.kind === 'png' ? (doc as unknown as { openImage(src: Buffer): unknown }).openImage(img.bytes) : undefined;
  return (page, g) => {
    const x = page.content.x;
    const y = g.trimOffset + LOGO_TOP;
    doc.markContent('Artifact', { type: 'Pagination' } as PDFKit.Mixins.MarkingOptions);
    doc.save();
    if (png) doc.image(png as Buffer, x, y, { height: logo.height, width });
    else if (img.kind === 'svg') {
      // Sanitised markup only (src/image/svg.ts): no images, links or external documents remain;
      // the callbacks refuse them anyway, and warnings stay off the terminal.
      SVGtoPDF(doc, img.markup, x, y, {
        width, height: logo.height, preserveAspectRatio: 'xMinYMin meet', assumePt: true,
        imageCallback: () => null, documentCallback: () => null, warningCallback: () => undefined,
      });
    }
    doc.restore();
    doc.endMarkedContent();
  };
}
