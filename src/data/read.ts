/**
 * Reading a data file: IO errors, size limit, encoding checks (UTF-8 only, no NUL bytes), BOM.
 */
import { readFileSync, statSync } from 'node:fs';
import { diag } from '../diag/errors.js';
import type { Diagnostic } from '../diag/types.js';
import type { DataLimits } from './limits.js';
import { lineColAt } from './paths.js';

/** The text of a data file, ready to parse, or why it could not be had. */
export type ReadResult =
  | {
      readonly ok: true;
      /** Decoded text with any BOM removed: what the parser reads. */
      readonly text: string;
      /** Decoded text exactly as read, for hashing. */
      readonly source: string;
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

const MB = 1024 * 1024;

function sizeText(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${bytes} bytes`;
}

function tooLarge(file: string, bytes: number, limits: DataLimits): ReadResult {
  return fail(
    diag('data/too-large', `the file is ${sizeText(bytes)}; the limit is ${sizeText(limits.maxFileBytes)}`, {
      loc: { file, line: 1, col: 1 },
      hint: 'a briefing is a few kilobytes of text: check that this is the right file',
    }),
  );
}

function fail(d: Diagnostic): ReadResult {
  return { ok: false, diagnostics: [d] };
}

/** Reads and decodes `file`, or checks `text` when the caller already has it. Never throws. */
export function readSource(file: string, text: string | undefined, limits: DataLimits): ReadResult {
  if (text !== undefined) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > limits.maxFileBytes) return tooLarge(file, bytes, limits);
    const nul = text.indexOf('\0');
    if (nul >= 0) return notText(file, text, nul, 'it contains a NUL character');
    return { ok: true, text: stripBom(text), source: text };
  }
  let buf: Buffer;
  try {
    const st = statSync(file);
    if (st.isDirectory()) return readError(file, 'EISDIR', 'it is a directory');
    if (st.size > limits.maxFileBytes) return tooLarge(file, st.size, limits);
    buf = readFileSync(file);
  } catch (err) {
    const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
    return readError(file, code, err instanceof Error ? err.message : String(err));
  }
  if (buf.length > limits.maxFileBytes) return tooLarge(file, buf.length, limits);
  return decode(file, buf);
}

function readError(file: string, code: string, detail: string): ReadResult {
  const [what, hint] =
    code === 'ENOENT'
      ? ['file not found', `check the path; it is relative to the current directory (${process.cwd()})`]
      : code === 'EISDIR'
        ? ['it is a directory, not a file', 'give the path of a .yaml or .json briefing file']
        : code === 'EACCES' || code === 'EPERM'
          ? ['permission denied', 'make the file readable by your user']
          : [detail, 'check that the file exists and can be read'];
  return fail(diag('data/read', `cannot read ${file}: ${what}`, { loc: { file, line: 1, col: 1 }, hint }));
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** Decodes UTF-8, refusing UTF-16, NUL bytes and invalid byte sequences. */
function decode(file: string, buf: Buffer): ReadResult {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    return fail(
      diag('data/not-text', 'the file is UTF-16 encoded; briefkit reads UTF-8', {
        loc: { file, line: 1, col: 1 },
        hint: 'save the file as UTF-8 (most editors offer this under "Save with encoding")',
      }),
    );
  }
  const bad = firstInvalidUtf8(buf);
  const upTo = bad < 0 ? buf.length : bad;
  const nulByte = buf.subarray(0, upTo).indexOf(0);
  if (nulByte >= 0) {
    const prefix = buf.subarray(0, nulByte).toString('utf8');
    return notText(file, prefix, prefix.length, 'it contains NUL bytes');
  }
  if (bad >= 0) {
    const prefix = buf.subarray(0, bad).toString('utf8');
    return notText(file, prefix, prefix.length, `byte 0x${(buf[bad] ?? 0).toString(16).padStart(2, '0')} is not valid UTF-8`);
  }
  const source = buf.toString('utf8');
  return { ok: true, text: stripBom(source), source };
}

function notText(file: string, before: string, offset: number, why: string): ReadResult {
  const { line, col } = lineColAt(before, offset);
  return fail(
    diag('data/not-text', `not a text file: ${why}`, {
      loc: { file, line, col },
      hint: 'a briefing must be a UTF-8 text file (YAML or JSON); check that this is the right file',
    }),
  );
}

/** Offset of the first byte that starts an invalid UTF-8 sequence, or -1 when all is valid. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] ?? 0;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0; // overlong
      if (c === 0xed) hi = 0x9f; // surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90; // overlong
      if (c === 0xf4) hi = 0x8f; // above U+10FFFF
    } else return i;
    for (let k = 1; k <= n; k++) {
      const x = b[i + k];
      if (x === undefined) return i;
      const min = k === 1 ? lo : 0x80;
      const max = k === 1 ? hi : 0xbf;
      if (x < min || x > max) return i;
    }
    i += n + 1;
  }
  return -1;
}
