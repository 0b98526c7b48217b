/** Escapes text for XML character data (pdfkit writes XMP metadata unescaped). */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
    // Characters XML 1.0 forbids even when escaped, and lone surrogates (UTF-8 would write U+FFFD).
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/gu, '');
}

interface InfoHolder {
  info: Record<string, unknown>;
  _addInfo: () => void;
}

/**
 * Makes pdfkit write XML-escaped values into the XMP packet while the Info dictionary keeps
 * the plain text: swaps escaped copies in for the duration of pdfkit's XMP writer.
 */
export function escapeXmpInfo(doc: unknown): void {
  const d = doc as InfoHolder;
  const original = d._addInfo.bind(doc);
  d._addInfo = () => {
    const saved = { ...d.info };
    for (const k of ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer']) {
      const v = d.info[k];
      if (typeof v === 'string') d.info[k] = escapeXml(v);
    }
    try {
      original();
    } finally {
      Object.assign(d.info, saved);
    }
  };
}
