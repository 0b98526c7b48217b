/**
 * Wording helpers for data diagnostics: how a value and a JSON type are named in messages.
 */

/** Shortens text for quoting in a message. */
export function clip(s: string, max = 40): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** Formats a number without float noise (0.1 + 0.2 → 0.3). */
export function num(x: number): string {
  if (Number.isNaN(x)) return '.nan';
  if (!Number.isFinite(x)) return x > 0 ? '.inf' : '-.inf';
  return String(Number(x.toPrecision(12)));
}

/** Names a parsed value for "got …" in messages: `the text "abc"`, `a list`, `.nan`. */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'an empty value';
  if (typeof v === 'string') return v === '' ? 'empty text' : `the text "${clip(v)}"`;
  if (typeof v === 'number') return Number.isFinite(v) ? `the number ${num(v)}` : num(v);
  if (typeof v === 'boolean') return `\`${String(v)}\``;
  if (v instanceof Date) return 'a date/time value (quote dates to keep them as text)';
  if (Array.isArray(v)) return 'a list';
  return 'a mapping (fields)';
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: '`true` or `false`',
  array: 'a list',
  object: 'a mapping of fields',
  null: 'an empty value',
};

const TYPE_HINTS: Readonly<Record<string, string>> = {
  string: 'write text; put it in quotes if it would otherwise read as a number, date or `true`/`false`',
  number: 'write a plain number without quotes, units or thousands separators, e.g. `2.5`',
  integer: 'write a whole number without quotes, e.g. `1994`',
  boolean: 'write `true` or `false` without quotes',
  array: 'write a list: one `- item` per line, or `[a, b]`',
  object: 'write indented `field: value` lines under this key',
};

/** Names a JSON Schema type (or comma-separated types) for "expected …". */
export function typeName(t: string): string {
  return t
    .split(',')
    .map((x) => TYPE_NAMES[x] ?? x)
    .join(' or ');
}

/** What to do when a value is not of type `t`. */
export function typeHint(t: string, got: unknown): string {
  const base = TYPE_HINTS[t.split(',')[0] ?? ''] ?? `write ${typeName(t)}`;
  return got === null || got === undefined ? `the value is missing: ${base}` : base;
}

/** Number of Unicode code points in `s` (what a reader counts as characters). */
export function charCount(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}
