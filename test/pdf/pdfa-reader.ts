/**
 * A PDF read back as objects for rule checks: qpdf's JSON (v2) gives every object, object
 * streams unpacked and stream data decoded, so the checks read the file's real dictionaries
 * rather than searching its bytes. Values are as qpdf writes them: names "/Name", references
 * "12 0 R", strings "u:text" (or "b:hex").
 */
import { execFileSync } from 'node:child_process';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type Dict = { [k: string]: Json };

export interface PdfObjects {
  /** The object with this reference, a stream's dictionary for streams. */
  get(ref: Json | undefined): Json | undefined;
  /** Follows a reference (or returns the value itself) as a dictionary. */
  dict(v: Json | undefined): Dict | undefined;
  /** Decoded data of the stream with this reference. */
  data(ref: Json | undefined): Buffer | undefined;
  readonly trailer: Dict;
  readonly catalog: Dict;
  /** Every object: reference -> value (a stream's dictionary for streams). */
  readonly all: ReadonlyMap<string, Json>;
  /** References of the pages, in order. */
  readonly pages: readonly string[];
}

export function readObjects(path: string): PdfObjects {
  const out = execFileSync('qpdf', ['--json=2', '--json-key=qpdf', '--json-stream-data=inline', '--decode-level=generalized', path, '-'], { maxBuffer: 512 * 1024 * 1024, encoding: 'utf8' });
  const q = (JSON.parse(out) as { qpdf: [unknown, Record<string, { value?: Json; stream?: { dict: Dict; data?: string } }>] }).qpdf[1];
  const all = new Map<string, Json>();
  const streams = new Map<string, string>();
  let trailer: Dict = {};
  for (const [k, v] of Object.entries(q)) {
    if (k === 'trailer') trailer = (v.value ?? {}) as Dict;
    else if (k.startsWith('obj:')) {
      const ref = k.slice(4);
      if (v.stream) {
        all.set(ref, v.stream.dict);
        if (v.stream.data !== undefined) streams.set(ref, v.stream.data);
      } else all.set(ref, v.value ?? null);
    }
  }
  const get = (r: Json | undefined): Json | undefined => (typeof r === 'string' && / \d+ R$/.test(r) ? all.get(r) : r);
  const dict = (v: Json | undefined): Dict | undefined => {
    const x = get(v);
    return x && typeof x === 'object' && !Array.isArray(x) ? x : undefined;
  };
  const catalog = dict(trailer['/Root']) ?? {};
  const pages: string[] = [];
  const walk = (ref: Json | undefined): void => {
    const n = dict(ref);
    if (!n) return;
    if (n['/Type'] === '/Pages') for (const k of (n['/Kids'] as Json[]) ?? []) walk(k);
    else if (typeof ref === 'string') pages.push(ref);
  };
  walk(catalog['/Pages']);
  return {
    get, dict, trailer, catalog, all, pages,
    data: (r) => (typeof r === 'string' && streams.has(r) ? Buffer.from(streams.get(r) as string, 'base64') : undefined),
  };
}

/** A qpdf JSON string ("u:text" or "b:hex") as text. */
export function text(v: Json | undefined): string | undefined {
  if (typeof v !== 'string') return undefined;
  if (v.startsWith('u:')) return v.slice(2);
  if (v.startsWith('b:')) return Buffer.from(v.slice(2), 'hex').toString('latin1');
  return undefined;
}

/** A PDF date ("D:19951001000000Z", "D:19951001000000+02'00'") as a Date. */
export function pdfDate(s: string): Date {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(s);
  if (!m) throw new Error(`not a PDF date: ${s}`);
  const [, y, mo = '01', d = '01', h = '00', mi = '00', se = '00', z = 'Z'] = m;
  const zone = z === 'Z' ? 'Z' : `${z.slice(0, 3)}:${z.replace(/'/g, '').slice(3, 5)}`;
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${se}${zone}`);
}

/** One token of a content stream. */
export type Token =
  | { readonly kind: 'op'; readonly value: string }
  | { readonly kind: 'name'; readonly value: string }
  | { readonly kind: 'num'; readonly value: number }
  | { readonly kind: 'str'; readonly bytes: Buffer }
  | { readonly kind: 'punct'; readonly value: string };

/** Splits a content stream into tokens (strings decoded to bytes); inline images are skipped. */
export function tokens(content: Buffer): Token[] {
  const s = content.toString('latin1');
  const out: Token[] = [];
  let i = 0;
  const ws = /[\0\t\n\f\r ]/;
  const delim = /[()<>[\]{}/%\0\t\n\f\r ]/;
  while (i < s.length) {
    const c = s[i] as string;
    if (ws.test(c)) { i++; continue; }
    if (c === '%') { while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i++; continue; }
    if (c === '(') {
      let depth = 1;
      let str = '';
      i++;
      while (i < s.length && depth > 0) {
        const d = s[i] as string;
        if (d === '\\') {
          const e = s[i + 1] ?? '';
          const esc: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
          if (/[0-7]/.test(e)) {
            const oct = /^[0-7]{1,3}/.exec(s.slice(i + 1))?.[0] ?? '0';
            str += String.fromCharCode(parseInt(oct, 8) & 0xff);
            i += 1 + oct.length;
          } else {
            str += esc[e] ?? (e === '\n' || e === '\r' ? '' : e);
            i += 2;
          }
          continue;
        }
        if (d === '(') depth++;
        if (d === ')' && --depth === 0) { i++; break; }
        str += d;
        i++;
      }
      out.push({ kind: 'str', bytes: Buffer.from(str, 'latin1') });
      continue;
    }
    if (c === '<' && s[i + 1] === '<') { out.push({ kind: 'punct', value: '<<' }); i += 2; continue; }
    if (c === '>' && s[i + 1] === '>') { out.push({ kind: 'punct', value: '>>' }); i += 2; continue; }
    if (c === '<') {
      const end = s.indexOf('>', i);
      let hex = s.slice(i + 1, end).replace(/\s+/g, '');
      if (hex.length % 2) hex += '0';
      out.push({ kind: 'str', bytes: Buffer.from(hex, 'hex') });
      i = end + 1;
      continue;
    }
    if (c === '[' || c === ']' || c === '{' || c === '}') { out.push({ kind: 'punct', value: c }); i++; continue; }
    let j = i + 1;
    while (j < s.length && !delim.test(s[j] as string)) j++;
    const word = s.slice(i, j);
    i = j;
    if (c === '/') out.push({ kind: 'name', value: word });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) out.push({ kind: 'num', value: Number(word) });
    else {
      out.push({ kind: 'op', value: word });
      // Inline image data is binary: skip to its end.
      if (word === 'ID') {
        const end = s.indexOf('EI', i);
        i = end < 0 ? s.length : end + 2;
      }
    }
  }
  return out;
}

/** Every string shown by a text operator (Tj, TJ, ', "), with the font resource name in use. */
export function shownStrings(content: Buffer): { font: string; bytes: Buffer }[] {
  const out: { font: string; bytes: Buffer }[] = [];
  let font = '';
  let operands: Token[] = [];
  for (const t of tokens(content)) {
    if (t.kind !== 'op') { operands.push(t); continue; }
    if (t.value === 'Tf') {
      const name = operands.find((o) => o.kind === 'name');
      if (name && name.kind === 'name') font = name.value;
    } else if (t.value === 'Tj' || t.value === 'TJ' || t.value === "'" || t.value === '"') {
      for (const o of operands) if (o.kind === 'str') out.push({ font, bytes: o.bytes });
    }
    operands = [];
  }
  return out;
}
