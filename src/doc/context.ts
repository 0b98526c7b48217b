import type { Diagnostic, SourceLoc } from '../diag/index.js';

/** State shared while converting one markup file: diagnostics, footnote numbering, ids. */
export interface ParseContext {
  readonly file: string;
  /** The document's language: text is typeset (quotes) for it. */
  readonly lang: string;
  readonly diagnostics: Diagnostic[];
  loc(at?: { line: number; column: number }): SourceLoc;
  /** The number of a footnote, assigned in order of first reference. */
  noteNumber(id: string): number;
  /** A unique id for a heading from its text. */
  uniqueId(text: string): string;
}

export function createContext(file: string, lang: string = 'en'): ParseContext & { readonly noteOrder: string[] } {
  const noteOrder: string[] = [];
  const ids = new Set<string>();
  return {
    file,
    lang,
    diagnostics: [],
    noteOrder,
    loc: (at) => ({ file, line: at?.line ?? 1, col: at?.column ?? 1 }),
    noteNumber(id) {
      let i = noteOrder.indexOf(id);
      if (i < 0) i = noteOrder.push(id) - 1;
      return i + 1;
    },
    uniqueId(text) {
      const base = text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'section';
      let id = base;
      for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
      ids.add(id);
      return id;
    },
  };
}
