import JSZip from 'jszip';

/** Zip entries cannot be dated before 1980 (DOS time). */
const DOS_EPOCH = Date.UTC(1980, 0, 1);

/** A date that zip entries can carry: `date`, or 1 January 1980 when earlier. */
function zipDate(date: Date): Date {
  return new Date(Math.max(date.getTime(), DOS_EPOCH));
}

/** Sets the created/modified dates of an OPC `docProps/core.xml` to `date` (no milliseconds). */
export function freezeCoreXml(xml: string, date: Date): string {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return xml.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${iso}$3`);
}

/**
 * Renumbers chart parts and their workbooks 1, 2, 3… in the order of their numbers. pptxgenjs
 * numbers charts with a counter that lives as long as the process, so a second deck built in
 * the same process would otherwise name its first chart `chart4.xml`.
 */
function chartRenamer(names: readonly string[]): (s: string) => string {
  const nums = [...new Set(names.flatMap((n) => /^ppt\/charts\/chart(\d+)\.xml$/.exec(n)?.[1] ?? []))]
    .sort((a, b) => Number(a) - Number(b));
  const map = new Map(nums.map((n, i) => [n, String(i + 1)]));
  return (s) => s.replace(/\b(chart|Microsoft_Excel_Worksheet)(\d+)(\.xml|\.xlsx)/g, (m, stem: string, n: string, ext: string) => {
    const to = map.get(n);
    return to ? `${stem}${to}${ext}` : m;
  });
}

/**
 * Applies `rename` only where a part names another part: `Target` of a relationship inside the
 * package and `PartName` of a content type. Text from the data (a bullet or a hyperlink that
 * says `chart4.xml`) is never touched.
 */
function renameReferences(xml: string, rename: (s: string) => string): string {
  return xml.replace(/\b(Target|PartName)="([^"]*)"/g, (m, attr: string, value: string) =>
    // A value with a scheme (`https:`, `mailto:`) is an external link, not a part.
    (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(value) ? m : `${attr}="${rename(value)}"`));
}

/** What XML 1.0 forbids and lone surrogates: the writer drops them from text on the way in; this is the last guard. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/gu;

/** Entry order: `[Content_Types].xml` first (as Office writes it), then by name. */
function entryOrder(a: string, b: string): number {
  const ct = '[Content_Types].xml';
  if (a === ct || b === ct) return a === ct ? (b === ct ? 0 : -1) : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Rewrites an Office zip (PPTX, or the XLSX workbooks embedded in one) so equal content gives
 * equal bytes: every entry dated `date`, `core.xml` dates set to `date`, chart parts numbered
 * from 1, entries in a fixed order, no folder entries, deflate compression. Embedded workbooks
 * are normalised the same way. `rewrite` may change XML parts on the way (by their new name).
 */
export async function normalizeOfficeZip(
  bytes: Uint8Array,
  date: Date,
  rewrite: (name: string, xml: string) => string = (_n, xml) => xml,
): Promise<Buffer> {
  const src = await JSZip.loadAsync(bytes);
  const names = Object.keys(src.files).filter((n) => !src.files[n]?.dir);
  const rename = chartRenamer(names);
  const out = new JSZip();
  const when = zipDate(date);
  const entries = names.map((n) => ({ from: n, to: rename(n) })).sort((a, b) => entryOrder(a.to, b.to));
  for (const { from, to } of entries) {
    const file = src.file(from);
    if (!file) continue;
    let content: string | Uint8Array;
    if (/\.(xml|rels)$/.test(from)) {
      const text = (await file.async('string')).replace(NOT_XML, '');
      const named = /(^|\/)\[Content_Types\]\.xml$|\.rels$/.test(from) ? renameReferences(text, rename) : text;
      const xml = rewrite(to, named);
      content = /(^|\/)docProps\/core\.xml$/.test(from) ? freezeCoreXml(xml, date) : xml;
    } else if (/\.xlsx$/.test(from)) {
      content = await normalizeOfficeZip(await file.async('uint8array'), date);
    } else content = await file.async('uint8array');
    out.file(to, content, { date: when, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}
