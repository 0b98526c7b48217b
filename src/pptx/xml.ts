/**
 * Text on its way into the deck's XML. pptxgenjs escapes `& < > " '` in nearly everything it
 * writes (text runs, notes, chart series and category names, alt text, object names, core
 * properties), so we hand it plain text there: escaping it ourselves would show `&amp;` in
 * PowerPoint. It writes `docProps/app.xml`'s `<Company>` raw, so that value is escaped here.
 * Neither side removes what XML cannot carry at all; {@link xmlSafe} does, for every string.
 */

/**
 * What XML 1.0 forbids even as a character reference (C0 controls but tab, line feed and
 * carriage return; U+FFFE and U+FFFF) and lone surrogates, which UTF-8 cannot encode (they
 * would become U+FFFD). The data stage already refuses C0 controls; the rest are dropped here,
 * as the PDF's XMP writer drops them (src/render/xmp.ts).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/gu;

/** `s` without the characters no XML part may hold. */
export function xmlSafe(s: string): string {
  return s.replace(FORBIDDEN, '');
}

/**
 * Text for an XML attribute value (alt text, object names): {@link xmlSafe}, and tabs and line
 * breaks as spaces, which is what an XML reader makes of them in an attribute anyway; so what
 * PowerPoint reads back is exactly what we handed over.
 */
export function attrText(s: string): string {
  return xmlSafe(s).replace(/\r\n|[\t\n\r]/g, ' ');
}

/** Escaped character data, for the few values pptxgenjs writes without escaping. */
export function escapeXml(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
