/**
 * Field paths: the dotted form with indices users see in messages (`charts[0].series[1].field`),
 * as segments, and conversions from JSON Pointers (what Ajv reports) and to source positions.
 */

/** One step of a field path: a mapping key or a list index. */
export type PathSeg = string | number;

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/**
 * Formats segments as a dotted path: `trade.years[0].exports`. Keys that are not plain
 * identifiers are written in brackets as JSON strings: `sections[0]["odd key"]`.
 */
export function formatPath(segs: readonly PathSeg[]): string {
  let out = '';
  for (const s of segs) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (PLAIN_KEY.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/**
 * Parses a dotted path (as made by {@link formatPath}) into segments. Lenient: anything it
 * cannot read ends the path, so a malformed path locates its longest readable prefix.
 */
export function parsePath(path: string): PathSeg[] {
  const segs: PathSeg[] = [];
  let i = 0;
  while (i < path.length) {
    const c = path[i];
    if (c === '.') {
      i++;
      continue;
    }
    if (c === '[') {
      const close = findBracketEnd(path, i);
      if (close < 0) break;
      const inner = path.slice(i + 1, close);
      if (/^\d+$/.test(inner)) segs.push(Number(inner));
      else {
        try {
          const key: unknown = JSON.parse(inner);
          if (typeof key !== 'string') break;
          segs.push(key);
        } catch {
          break;
        }
      }
      i = close + 1;
      continue;
    }
    let j = i;
    while (j < path.length && path[j] !== '.' && path[j] !== '[') j++;
    segs.push(path.slice(i, j));
    i = j;
  }
  return segs;
}

/** Index of the `]` closing the bracket at `open`, skipping over a JSON string inside. */
function findBracketEnd(path: string, open: number): number {
  let i = open + 1;
  if (path[i] === '"') {
    i++;
    while (i < path.length && path[i] !== '"') i += path[i] === '\\' ? 2 : 1;
    i++;
  }
  const end = path.indexOf(']', i);
  return end;
}

/**
 * Turns a JSON Pointer (`/charts/0/type`) into segments, reading `data` alongside so that
 * list indices become numbers and mapping keys made of digits stay strings.
 */
export function pointerToSegs(pointer: string, data: unknown): PathSeg[] {
  if (pointer === '') return [];
  const segs: PathSeg[] = [];
  let cur: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur) && /^\d+$/.test(key)) {
      const idx = Number(key);
      segs.push(idx);
      cur = cur[idx];
    } else {
      segs.push(key);
      cur = isRecord(cur) ? cur[key] : undefined;
    }
  }
  return segs;
}

/** True for mappings (plain objects), false for lists, null and scalars. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** 1-based line and column of a UTF-16 offset in `text` (lines end at `\n`; CRLF counts once). */
export function lineColAt(text: string, offset: number): { line: number; col: number } {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: end - lineStart + 1 };
}
