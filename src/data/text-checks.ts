/**
 * Checks every string, list and number in the parsed data, whatever its field: length limits,
 * control characters, blank text and the size of numbers (one walk of the data). These run alongside schema validation.
 */
import { diag } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { charCount } from './describe.js';
import type { DataLimits } from './limits.js';
import type { Locator } from './locator.js';
import { checkNumber } from './numbers.js';
import { formatPath, isRecord, type PathSeg } from './paths.js';

/** C0 and C1 control characters except tab and line feed. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Walks `data` and reports strings, lists and numbers that break the limits or hold unprintable text. */
export function checkValues(data: unknown, locator: Locator, limits: DataLimits): Diagnostic[] {
  const out: Diagnostic[] = [];
  const walk = (v: unknown, segs: PathSeg[]): void => {
    if (typeof v === 'string') {
      checkString(v, segs, locator, limits, out);
    } else if (typeof v === 'number') {
      const d = checkNumber(v, segs, locator, limits);
      if (d) out.push(d);
    } else if (Array.isArray(v)) {
      if (v.length > limits.maxListItems) {
        out.push(
          diag('data/too-many', `the list has ${v.length} items; the limit is ${limits.maxListItems}`, {
            loc: locator.value(segs),
            path: formatPath(segs),
            hint: 'shorten the list; a briefing is meant to be read in a few minutes',
          }),
        );
      }
      const n = Math.min(v.length, limits.maxListItems);
      for (let i = 0; i < n; i++) walk(v[i], [...segs, i]);
    } else if (isRecord(v)) {
      for (const [k, x] of Object.entries(v)) walk(x, [...segs, k]);
    }
  };
  walk(data, []);
  return out;
}

function checkString(s: string, segs: PathSeg[], locator: Locator, limits: DataLimits, out: Diagnostic[]): void {
  const path = formatPath(segs);
  const len = charCount(s);
  if (len > limits.maxStringLength) {
    out.push(
      diag('data/too-long', `the text is ${len} characters long; the limit is ${limits.maxStringLength}`, {
        loc: locator.value(segs),
        path,
        hint: 'shorten the text, or split it (e.g. into several bullets)',
      }),
    );
  }
  const m = CONTROL.exec(s);
  if (m) {
    const ch = m[0];
    const code = `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    out.push(
      diag('data/control-char', `the text contains the control character ${code} (at character ${charCount(s.slice(0, m.index)) + 1})`, {
        loc: locator.char(segs, ch),
        path,
        hint: 'remove it: control characters cannot be printed (text pasted from other programs often carries them)',
      }),
    );
  }
  if (s.length > 0 && s.trim() === '') {
    out.push(
      diag('data/empty', 'the text is blank (only spaces)', {
        loc: locator.value(segs),
        path,
        hint: 'write the text, or remove the field if it is optional',
      }),
    );
  }
}
