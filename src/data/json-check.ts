/**
 * A strict JSON (RFC 8259) syntax check with exact error offsets. The YAML parser reads JSON
 * too, but accepts much that JSON does not (comments, single quotes, trailing commas), and
 * `JSON.parse` does not say where it failed on every Node version; this does both.
 */

/** Where and why JSON text is malformed. */
export interface JsonSyntaxError {
  /** UTF-16 offset of the offending character. */
  readonly offset: number;
  readonly message: string;
  /** True when the text nests deeper than allowed rather than being malformed. */
  readonly tooDeep?: boolean;
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** Returns the first syntax error of `text` as JSON, or undefined when it is well-formed. */
export function checkJson(text: string, maxDepth = 64): JsonSyntaxError | undefined {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
  };
  const shown = (at: number): string => {
    const cp = text.codePointAt(at);
    return cp === undefined ? 'end of file' : `\`${String.fromCodePoint(cp)}\``;
  };
  const unexpected = (at: number, expected?: string): Stop => {
    const tail = expected ? `, expected ${expected}` : '';
    if (at >= text.length) return new Stop(at, `unexpected end of file${tail}`);
    const c = text[at] ?? '';
    if (c === "'") return new Stop(at, 'strings must use double quotes');
    if (c === '/') return new Stop(at, 'comments are not allowed in JSON');
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(at, at + 40))?.[0];
    if (word) return new Stop(at, `\`${word}\` is not a JSON value${tail}`);
    return new Stop(at, `unexpected ${shown(at)}${tail}`);
  };

  const str = (): void => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) throw new Stop(i, 'unterminated string');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c === 0x0a || c === 0x0d) throw new Stop(i, 'line break inside a string (write \\n)');
      if (c < 0x20) throw new Stop(i, 'control character inside a string must be escaped');
      if (c === 0x5c) {
        const e = text[i + 1] ?? '';
        if ('"\\/bfnrt'.includes(e) && e !== '') i += 2;
        else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else throw new Stop(i, `invalid escape \`\\${e}\``);
        continue;
      }
      i++;
    }
  };

  const num = (): void => {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (!m) throw unexpected(i + 1, 'a digit');
    const len = m[0].length;
    const next = text[i + len] ?? '';
    if (/[0-9]/.test(next)) throw new Stop(i, 'numbers cannot have leading zeros');
    if (/[.eE]/.test(next)) throw new Stop(i + len, 'malformed number');
    i += len;
  };

  const value = (depth: number): void => {
    ws();
    const c = text[i];
    if (c === '{') return container(depth, '}');
    if (c === '[') return container(depth, ']');
    if (c === '"') return str();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return num();
    for (const lit of ['true', 'false', 'null']) {
      if (text.startsWith(lit, i) && !/[A-Za-z0-9_]/.test(text[i + lit.length] ?? '')) {
        i += lit.length;
        return;
      }
    }
    throw unexpected(i, 'a value');
  };

  // `depth` containers enclose this one: it is level depth + 1 (`[]` and `{"a": 1}` are one level).
  const container = (depth: number, close: '}' | ']'): void => {
    if (depth + 1 > maxDepth) throw new Stop(i, `nesting deeper than ${maxDepth} levels`);
    const isObj = close === '}';
    i++;
    ws();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (isObj) {
        if (text[i] !== '"') {
          if (text[i] === close) throw new Stop(i, 'trailing comma is not allowed');
          if (i >= text.length || text[i] === "'" || text[i] === '/') throw unexpected(i, 'a property name');
          throw new Stop(i, 'property names must be double-quoted strings');
        }
        str();
        ws();
        if (text[i] !== ':') throw unexpected(i, '`:` after the property name');
        i++;
        ws();
      } else if (text[i] === close) throw new Stop(i, 'trailing comma is not allowed');
      value(depth + 1);
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === close) {
        i++;
        return;
      }
      throw unexpected(i, isObj ? '`,` or `}` after a property value' : '`,` or `]` after a list item');
    }
  };

  try {
    value(0);
    ws();
    if (i < text.length) throw new Stop(i, `unexpected ${shown(i)} after the end of the JSON value`);
    return undefined;
  } catch (e) {
    if (e instanceof Stop) return { offset: e.offset, message: e.message, ...(e.message.startsWith('nesting') ? { tooDeep: true } : {}) };
    throw e;
  }
}
