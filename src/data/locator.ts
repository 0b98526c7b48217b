/**
 * Maps field paths to positions in the parsed YAML/JSON source, using the node ranges the
 * `yaml` parser keeps. Paths that do not exist locate their nearest existing ancestor.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import type { SourceLoc } from '../diag/index.js';
import { parsePath, type PathSeg } from './paths.js';

interface Ranged {
  readonly range?: readonly [number, number, number] | null | undefined;
}

function startOf(node: unknown): number | undefined {
  if (typeof node !== 'object' || node === null || !('range' in node)) return undefined;
  const r = (node as Ranged).range;
  return r ? r[0] : undefined;
}

function endOf(node: unknown): number | undefined {
  if (typeof node !== 'object' || node === null || !('range' in node)) return undefined;
  const r = (node as Ranged).range;
  return r ? r[1] : undefined;
}

function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}

interface Found {
  /** Offset of the deepest value found. */
  readonly value: number;
  /** Offset of that value's key, when it is a mapping entry. */
  readonly key: number | undefined;
  /** The value node itself, when the whole path was found. */
  readonly node: unknown;
  /** True when every segment was found. */
  readonly complete: boolean;
}

/** Source positions of the fields of one parsed document. */
export class Locator {
  constructor(
    readonly file: string,
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
    private readonly text: string,
  ) {}

  private loc(offset: number): SourceLoc {
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, col };
  }

  /** Location of a raw offset in the (BOM-stripped) text. */
  at(offset: number): SourceLoc {
    return this.loc(offset);
  }

  private find(segs: readonly PathSeg[]): Found {
    let node: unknown = this.doc.contents;
    let value = startOf(node) ?? 0;
    let key: number | undefined;
    for (const seg of segs) {
      if (isAlias(node)) node = node.resolve(this.doc);
      let next: unknown;
      let nextKey: number | undefined;
      let found = false;
      if (isMap(node)) {
        const pair = node.items.find((p) => keyText(p.key) === String(seg));
        if (pair) {
          found = true;
          next = pair.value;
          nextKey = startOf(pair.key);
        }
      } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
        found = true;
        next = node.items[seg];
      }
      if (!found) return { value, key, node: undefined, complete: false };
      key = nextKey;
      const start = startOf(next);
      // An empty value (`key:` alone) has a zero-length range just after the colon: use the key.
      const empty = start !== undefined && start === endOf(next) && key !== undefined;
      value = start === undefined || empty ? (key ?? value) : start;
      node = next;
    }
    return { value, key, node, complete: true };
  }

  /** Location of the value at `segs`, or of its nearest existing ancestor. */
  value(segs: readonly PathSeg[]): SourceLoc {
    return this.loc(this.find(segs).value);
  }

  /** Location of the key of the mapping entry at `segs` (falls back to {@link value}). */
  key(segs: readonly PathSeg[]): SourceLoc {
    const f = this.find(segs);
    return this.loc(f.complete && f.key !== undefined ? f.key : f.value);
  }

  /**
   * Location of the first occurrence of `ch` written literally inside the value at `segs`,
   * or of the value when it is not there literally (e.g. written as an escape).
   */
  char(segs: readonly PathSeg[], ch: string): SourceLoc {
    const f = this.find(segs);
    const end = f.complete ? endOf(f.node) : undefined;
    if (end !== undefined) {
      const idx = this.text.slice(f.value, end).indexOf(ch);
      if (idx >= 0) return this.loc(f.value + idx);
    }
    return this.loc(f.value);
  }

  /** Locates a dotted path such as `charts[0].type`. */
  locate(path: string): SourceLoc {
    return this.value(parsePath(path));
  }
}
