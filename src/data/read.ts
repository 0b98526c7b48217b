/**
 * Reading a data file: regular files only, size limit before and while reading, IO errors,
 * encoding checks (UTF-8 only, no NUL bytes), BOM. Every reader of user-named files uses it.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { diag } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
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
  return fail(tooLargeDiag(file, sizeText(bytes), limits.maxFileBytes));
}

function tooLargeDiag(file: string, size: string, maxBytes: number): Diagnostic {
  return diag('data/too-large', `the file is ${size}; the limit is ${sizeText(maxBytes)}`, {
    loc: { file, line: 1, col: 1 },
    hint: 'a briefing is a few kilobytes of text: check that this is the right file',
  });
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
  const read = readBounded(file, limits.maxFileBytes);
  if (!read.ok) return read;
  return decode(file, read.bytes);
}

/** The bytes of a file, or why they could not be had. */
export type BytesResult =
  | { readonly ok: true; readonly bytes: Buffer }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * Reads a regular file of at most `maxBytes` bytes. Never throws and never blocks: the path
 * is stat'ed first, so pipes, sockets, devices and folders are refused before they are
 * opened, and files over the limit before a byte is read; it is then opened non-blocking (a
 * pipe swapped in after the stat cannot make the open wait), the open file is checked again,
 * and at most `maxBytes + 1` bytes are read (a file growing meanwhile cannot make it read more).
 */
export function readBounded(file: string, maxBytes: number): BytesResult {
  const before = checkFile(file, maxBytes);
  if (before) return { ok: false, diagnostics: [before] };
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (err) {
    return { ok: false, diagnostics: [readError(file, err)] };
  }
  try {
    const st = fstatSync(fd);
    const what = notRegular(st);
    if (what) return { ok: false, diagnostics: [kindError(file, what)] };
    if (st.size > maxBytes) return { ok: false, diagnostics: [tooLargeDiag(file, sizeText(st.size), maxBytes)] };
    let buf = Buffer.allocUnsafe(Math.min(maxBytes + 1, st.size + 1));
    let length = 0;
    for (;;) {
      if (length === buf.length) {
        if (length > maxBytes) break;
        const grown = Buffer.allocUnsafe(Math.min(maxBytes + 1, buf.length * 2));
        buf.copy(grown, 0, 0, length);
        buf = grown;
      }
      // Each read returns at least one byte or 0 at the end: the loop ends within maxBytes + 1 bytes.
      const n = readSync(fd, buf, length, buf.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) return { ok: false, diagnostics: [tooLargeDiag(file, `over ${sizeText(maxBytes)}`, maxBytes)] };
    return { ok: true, bytes: buf.subarray(0, length) };
  } catch (err) {
    return { ok: false, diagnostics: [readError(file, err)] };
  } finally {
    try {
      closeSync(fd);
    } catch {
      // nothing was left open
    }
  }
}

/**
 * Checks, without opening it, that `file` is a regular file of at most `maxBytes` bytes: the
 * problem as a located `data/read` or `data/too-large` diagnostic, or undefined when it is.
 */
export function checkFile(file: string, maxBytes: number): Diagnostic | undefined {
  let st: Stats;
  try {
    st = statSync(file);
  } catch (err) {
    return readError(file, err);
  }
  const what = notRegular(st);
  if (what) return kindError(file, what);
  if (st.size > maxBytes) return tooLargeDiag(file, sizeText(st.size), maxBytes);
  return undefined;
}

/** What a path is when it is not a regular file, e.g. `a named pipe (FIFO)`; undefined for a file. */
function notRegular(st: Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

function kindError(file: string, what: string): Diagnostic {
  const hint =
    what === 'a directory'
      ? 'give the path of a .yaml or .json file inside it, or the folder itself to `build`, `check` or `validate` (which read every data file in it)'
      : 'give the path of a .yaml or .json file saved on disk: briefkit reads only regular files, never pipes, sockets or devices';
  return diag('data/read', `cannot read ${file}: it is ${what}, not a file`, { loc: { file, line: 1, col: 1 }, hint });
}

function readError(file: string, err: unknown): Diagnostic {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  const detail = err instanceof Error ? err.message : String(err);
  const [what, hint] =
    code === 'ENOENT'
      ? ['file not found', `check the path; it is relative to the current directory (${process.cwd()})${/[*?[]/.test(file) ? '; if it is a pattern, no file matched it' : ''}`]
      : code === 'EISDIR'
        ? ['it is a directory, not a file', 'give the path of a .yaml or .json briefing file']
        : code === 'EACCES' || code === 'EPERM'
          ? ['permission denied', 'make the file readable by your user']
          : code === 'ENOTDIR'
            ? ['a part of the path is a file, not a folder', 'check the path']
            : code === 'ELOOP'
              ? ['too many symbolic links (a link loop?)', 'check the links on the path']
              : [detail, 'check that the file exists and can be read'];
  return diag('data/read', `cannot read ${file}: ${what}`, { loc: { file, line: 1, col: 1 }, hint });
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
