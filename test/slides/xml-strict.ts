/**
 * Strict reading of the XML we write: every part of a PPTX (and of the workbooks inside it)
 * and a PDF's XMP packet, parsed by @xmldom/xmldom with warnings and errors both fatal, after
 * checking the bytes are UTF-8 and hold no character XML 1.0 forbids (xmldom does not check).
 */
import { DOMParser } from '@xmldom/xmldom';
import type { Document as XmlDocument, Element as XmlElement } from '@xmldom/xmldom';
import JSZip from 'jszip';

/** Characters no XML 1.0 document may hold, even as a reference; and lone surrogates. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/u;

/** Decodes UTF-8 strictly (a malformed byte sequence throws). */
export function utf8(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${name}: not valid UTF-8`);
  }
}

/** An `&` that starts no entity or character reference (xmldom accepts `a & b`). */
const BARE_AMP = /&(?![A-Za-z_:][\w:.-]*;|#\d+;|#x[\da-fA-F]+;)/;

/** Whether a character reference names a character XML 1.0 allows. */
function allowedRef(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/**
 * What XML 1.0 forbids and xmldom lets through: forbidden characters, raw or as references; a
 * bare `&`; `]]>` in character data. Returns the first problem, or undefined.
 */
function lenientMisses(xml: string): string | undefined {
  const bad = NOT_XML.exec(xml);
  if (bad) return `holds U+${(bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase()} at ${bad.index}`;
  const amp = BARE_AMP.exec(xml);
  if (amp) return `a bare & at ${amp.index}: ${JSON.stringify(xml.slice(amp.index, amp.index + 20))}`;
  for (const m of xml.matchAll(/&#(x[\da-fA-F]+|\d+);/g)) {
    const v = m[1] ?? '';
    const cp = v.startsWith('x') ? parseInt(v.slice(1), 16) : parseInt(v, 10);
    if (!allowedRef(cp)) return `a reference to a forbidden character: ${m[0]}`;
  }
  const cdataFree = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  if (cdataFree.includes(']]>')) return `"]]>" in character data at ${cdataFree.indexOf(']]>')}`;
  return undefined;
}

/** Parses `xml`; throws, naming the part, on any warning, error or anything XML 1.0 forbids. */
export function parseStrict(xml: string, name: string): XmlDocument {
  const missed = lenientMisses(xml);
  if (missed) throw new Error(`${name}: ${missed}`);
  const parser = new DOMParser({
    onError: (level, message) => {
      throw new Error(`${name}: ${level}: ${message}`);
    },
  });
  return parser.parseFromString(xml, 'text/xml');
}

/** Every XML part of an Office zip (nested `.xlsx` parts as `outer.xlsx!inner.xml`), parsed strictly. */
export async function officeParts(bytes: Uint8Array, prefix = ''): Promise<Map<string, XmlDocument>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, XmlDocument>();
  for (const name of Object.keys(zip.files).sort()) {
    const file = zip.file(name);
    if (!file) continue;
    if (/\.xlsx$/.test(name)) {
      for (const [k, v] of await officeParts(await file.async('uint8array'), `${prefix}${name}!`)) parts.set(k, v);
    } else if (/\.(xml|rels)$/.test(name)) {
      parts.set(`${prefix}${name}`, parseStrict(utf8(await file.async('uint8array'), prefix + name), prefix + name));
    }
  }
  return parts;
}

/** The XMP packet of a PDF (uncompressed, as the PDF/A rules require), decoded as UTF-8. */
export function xmpPacket(pdf: Buffer): string {
  const start = pdf.indexOf('<x:xmpmeta');
  const end = pdf.indexOf('</x:xmpmeta>');
  if (start < 0 || end < 0) throw new Error('no XMP packet in the PDF');
  return utf8(pdf.subarray(start, end + '</x:xmpmeta>'.length), 'XMP');
}

/** Elements by qualified name (`a:t`, `dc:title`) in document order. */
export function elements(doc: XmlDocument | XmlElement, qname: string): XmlElement[] {
  return Array.from(doc.getElementsByTagName(qname));
}

/** The text of every element named `qname`, in document order. */
export function texts(doc: XmlDocument | XmlElement, qname: string): string[] {
  return elements(doc, qname).map((e) => e.textContent ?? '');
}

/** Whether `e` lies inside an element named `qname`. */
export function inside(e: XmlElement, qname: string): boolean {
  for (let p = e.parentNode; p; p = p.parentNode) if (p.nodeName === qname) return true;
  return false;
}
