import { replaceInfoWriter } from './pdfkit-internals.js';

/** Escapes text for XML character data (pdfkit writes XMP metadata unescaped). */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
    // Characters XML 1.0 forbids even when escaped, and lone surrogates (UTF-8 would write U+FFFD).
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/gu, '');
}

interface InfoHolder {
  info: Record<string, unknown>;
  appendXML: (xml: string, newline?: boolean) => void;
}

/** An XMP date: ISO 8601 in UTC with its zone, the same instant as the Info dictionary's `D:…Z`. */
export function xmpDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The PDF/A extension schema description for `pdfuaid` (ISO 19005-2 6.6.2.3.3: every schema
 * not predefined by the XMP specification must be described in the file; PDF/UA's is not,
 * while `pdfaid` itself is exempt).
 */
export const PDFUA_EXTENSION = `
        <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
            <pdfaExtension:schemas>
                <rdf:Bag>
                    <rdf:li rdf:parseType="Resource">
                        <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
                        <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
                        <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
                        <pdfaSchema:property>
                            <rdf:Seq>
                                <rdf:li rdf:parseType="Resource">
                                    <pdfaProperty:name>part</pdfaProperty:name>
                                    <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                                    <pdfaProperty:category>internal</pdfaProperty:category>
                                    <pdfaProperty:description>Indicates which part of ISO 14289 standard is followed</pdfaProperty:description>
                                </rdf:li>
                            </rdf:Seq>
                        </pdfaSchema:property>
                    </rdf:li>
                </rdf:Bag>
            </pdfaExtension:schemas>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
            <pdfuaid:part>1</pdfuaid:part>
        </rdf:Description>`;

/**
 * Replaces pdfkit's XMP writer with ours, run when the document ends (so values set late,
 * such as a pack's keywords, are included). Every Info entry has its XMP equivalent with the
 * same value (ISO 19005-2 6.6.2.3.1): Title = dc:title, Author = dc:creator, Subject =
 * dc:description, Keywords = pdf:Keywords, Creator = xmp:CreatorTool, Producer =
 * pdf:Producer, CreationDate = xmp:CreateDate, ModDate = xmp:ModifyDate (and
 * xmp:MetadataDate). Values are XML-escaped (pdfkit's own writer does not escape them). For
 * PDF/A, the PDF/UA identifier and its extension schema description are added.
 */
export function writeXmp(doc: PDFKit.PDFDocument, o: { readonly pdfa: boolean }): void {
  const d = doc as unknown as InfoHolder;
  replaceInfoWriter(doc, () => {
    const str = (k: string): string | undefined => {
      const v = d.info[k];
      return typeof v === 'string' && v !== '' ? escapeXml(v) : undefined;
    };
    const date = (k: string): string | undefined => {
      const v = d.info[k];
      return v instanceof Date ? xmpDate(v) : undefined;
    };
    const el = (name: string, value: string | undefined): string => (value === undefined ? '' : `\n            <${name}>${value}</${name}>`);
    const created = date('CreationDate');
    const modified = date('ModDate');
    const title = str('Title');
    const author = str('Author');
    const subject = str('Subject');
    d.appendXML(`
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">${el('xmp:CreateDate', created)}${el('xmp:ModifyDate', modified)}${el('xmp:MetadataDate', modified ?? created)}${el('xmp:CreatorTool', str('Creator'))}
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:format>application/pdf</dc:format>${title === undefined ? '' : `
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${title}</rdf:li></rdf:Alt></dc:title>`}${author === undefined ? '' : `
            <dc:creator><rdf:Seq><rdf:li>${author}</rdf:li></rdf:Seq></dc:creator>`}${subject === undefined ? '' : `
            <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${subject}</rdf:li></rdf:Alt></dc:description>`}
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">${el('pdf:Producer', str('Producer'))}${el('pdf:Keywords', str('Keywords'))}
        </rdf:Description>${o.pdfa ? PDFUA_EXTENSION : ''}`);
  });
}
