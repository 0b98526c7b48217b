/**
 * The data files of one build session, each read, hashed, parsed and validated at most once:
 * `build --slides` used to read a briefing seven times (plan, check, print, decks). Everything
 * is memoised for the session's life only, so a watch cycle or a preview rebuild, which opens a
 * new session, always sees the files as they are now.
 */
import { createHash } from 'node:crypto';
import { dirname, relative, resolve } from 'node:path';
import { formatOf, isRecord, loadBriefing, parseSource, readSource, resolveLimits } from '../data/index.js';
import type { DataLimits, LoadResult, ParseResult, ReadResult } from '../data/index.js';
import { fileHash } from '../incremental/index.js';
import type { MarkingScheme } from '../marking/index.js';

/** What a data file is: a briefing, or a pack manifest (it lists briefings). */
export type TargetKind = 'briefing' | 'pack';

/** One session's view of its data files. */
export class SourceStore {
  private readonly limits: DataLimits;
  private readonly reads = new Map<string, ReadResult>();
  private readonly parses = new Map<string, ParseResult | undefined>();
  private readonly loads = new Map<string, LoadResult>();
  private readonly hashes = new Map<string, string>();

  /**
   * @param limits resource limits of every read and parse
   * @param scheme the marking scheme briefings' classifications are read in (default: Canadian)
   */
  constructor(limits?: Partial<DataLimits>, private readonly scheme?: MarkingScheme) {
    this.limits = resolveLimits(limits);
  }

  /**
   * Hands the store a file's text read elsewhere in this session (a worker thread is given the
   * texts the main thread read), checked by the same bounded reader as a file read here.
   */
  seed(file: string, text: string): void {
    this.reads.set(resolve(file), readSource(file, text, this.limits));
  }

  /** The file's text through the bounded reader (regular files only, size-limited, UTF-8). */
  read(file: string): ReadResult {
    const key = resolve(file);
    let r = this.reads.get(key);
    if (!r) {
      r = readSource(file, undefined, this.limits);
      this.reads.set(key, r);
    }
    return r;
  }

  /**
   * The SHA-256 of the file's bytes, from the one read; a file the reader refuses (too large,
   * not UTF-8, not a regular file) is hashed the way the build manifest always did.
   */
  hash(file: string): string {
    const r = this.read(file);
    return r.ok ? createHash('sha256').update(r.source, 'utf8').digest('hex') : this.fileHash(file);
  }

  /** The hash of any other input (a template, a catalog, a theme's font), taken once per session. */
  fileHash(file: string): string {
    const key = resolve(file);
    let h = this.hashes.get(key);
    if (h === undefined) {
      h = fileHash(file);
      this.hashes.set(key, h);
    }
    return h;
  }

  /** The parsed, unvalidated file, or undefined when it cannot be read or parsed. Read-only. */
  parsed(file: string): ParseResult | undefined {
    // Keyed by the name too: its locations carry the name it was parsed under, and a file is
    // reported as the user named it (the read itself is shared, by real location).
    const key = `${resolve(file)}\0${file}`;
    if (this.parses.has(key)) return this.parses.get(key);
    const r = this.read(file);
    const p = r.ok ? parseSource(file, r.text, { format: formatOf(file), limits: this.limits }) : undefined;
    this.parses.set(key, p);
    return p;
  }

  /** The parsed data (a quick look: kind, id, the briefings a pack names), or undefined. */
  peek(file: string): unknown {
    const p = this.parsed(file);
    return p?.ok ? p.data : undefined;
  }

  /** Whether the file is a pack manifest (it lists briefings) or a briefing. */
  kind(file: string): TargetKind {
    const d = this.peek(file);
    return isRecord(d) && Array.isArray(d['briefings']) ? 'pack' : 'briefing';
  }

  /** The validated briefing (one parse, one validation, one diagnostics list per session). */
  load(file: string): LoadResult {
    const key = `${resolve(file)}\0${file}`;
    let r = this.loads.get(key);
    if (!r) {
      const read = this.read(file);
      const parsed = this.parsed(file);
      r = read.ok
        ? loadBriefing({ file, text: read.source, limits: this.limits, ...(parsed ? { parsed } : {}), ...(this.scheme ? { scheme: this.scheme } : {}) })
        : { ok: false, diagnostics: read.diagnostics };
      this.loads.set(key, r);
    }
    return r;
  }

  /** The text of a file, when it could be read (handed to worker threads so they do not read it again). */
  text(file: string): string | undefined {
    const r = this.read(file);
    return r.ok ? r.source : undefined;
  }

  /** The data files a target reads: itself and, for a pack, the briefings it names. */
  dataFiles(file: string): string[] {
    if (this.kind(file) === 'briefing') return [file];
    const d = this.peek(file);
    const list = isRecord(d) && Array.isArray(d['briefings']) ? (d['briefings'] as unknown[]) : [];
    return [file, ...list.filter((b): b is string => typeof b === 'string').map((b) => relative(process.cwd(), resolve(dirname(file), b)))];
  }
}
