/**
 * Builds for the preview: each target the browser opened is built into a private temporary
 * folder (never the project's output/), by a fresh `buildTarget` call per change, one build at
 * a time (the machine is shared with the author's editor). Every open viewer is told of each
 * build's outcome over its event stream.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { diag, UserError } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { dataFiles } from '../incremental/index.js';
import { buildTarget } from '../build/index.js';
import type { TargetOptions } from '../build/index.js';
import { writeFileAtomic } from '../util/index.js';
import { resolveInside } from './paths.js';
import type { Target } from './project.js';

/** One open viewer: which output it shows and how to reach it. */
export interface Viewer {
  readonly deck: boolean;
  send(state: ViewState): void;
}

/** What a viewer is told after each change (sent as JSON). */
export interface ViewState {
  /** Counts builds of this target: a viewer ignores stale states. */
  readonly version: number;
  readonly building: boolean;
  /** The last build of what this viewer shows failed (`diagnostics` say why); null before the first. */
  readonly failed: boolean | null;
  readonly diagnostics: readonly Diagnostic[];
  /** URL of the newest good PDF for this viewer (changes with each good build), or null. */
  readonly pdf: string | null;
}

interface Output {
  readonly name: string;
  readonly build: number;
}

interface State {
  readonly target: Target;
  version: number;
  building: boolean;
  queued: boolean;
  slides: boolean;
  /** Whether the last build failed for the print PDF, and for the deck. */
  failed: { print: boolean | null; deck: boolean | null };
  diagnostics: readonly Diagnostic[];
  print?: Output;
  deck?: Output;
  readonly viewers: Set<Viewer>;
}

/** Options of {@link Builds}. */
export interface BuildsOptions {
  /** The private folder outputs are written to (one subfolder per target key). */
  readonly outDir: string;
  readonly options: TargetOptions;
  /** Bundled or project templates: a change there rebuilds every open target. */
  readonly templatesDir: string;
}

function thrownDiagnostics(e: unknown): readonly Diagnostic[] {
  if (e instanceof UserError) return e.diagnostics;
  const message = e instanceof Error ? e.message : String(e);
  return [diag('preview/internal', `the build failed inside briefkit (${message})`, { hint: 'this is a bug: please report it with the data file that shows it' })];
}

export class Builds {
  readonly #states = new Map<string, State>();
  readonly #o: BuildsOptions;
  #queue: Promise<void> = Promise.resolve();

  constructor(o: BuildsOptions) {
    this.#o = o;
  }

  /** Adds a viewer of `target`; builds it first if it was never built (or lacks its deck). */
  open(target: Target, viewer: Viewer): () => void {
    let s = this.#states.get(target.key);
    if (!s) {
      s = { target, version: 0, building: false, queued: false, slides: false, failed: { print: null, deck: null }, diagnostics: [], viewers: new Set() };
      this.#states.set(target.key, s);
    }
    s.viewers.add(viewer);
    const needsDeck = viewer.deck && !s.slides;
    if (needsDeck) s.slides = true;
    if ((s.version === 0 && !s.building) || needsDeck) this.#enqueue(s);
    viewer.send(this.#view(s, viewer.deck));
    const st = s;
    return () => st.viewers.delete(viewer);
  }

  /** The file of a built output of target `key` (`deck`: its slide deck), when there is one. */
  output(key: string, deck: boolean): string | undefined {
    const s = this.#states.get(key);
    const out = deck ? s?.deck : s?.print;
    return out ? resolveInside(join(this.#o.outDir, key), out.name) : undefined;
  }

  /** Rebuilds the targets (ever opened) that read one of `files`; templates rebuild all. */
  changed(files: readonly string[]): void {
    const templates = resolve(this.#o.templatesDir);
    const all = files.some((f) => f === templates || f.startsWith(templates + sep));
    for (const s of this.#states.values()) {
      const reads = new Set(dataFiles(s.target.file).map((f) => resolve(f)));
      if (all || files.some((f) => reads.has(f))) this.#enqueue(s);
    }
  }

  /** Resolves when every queued build has finished. */
  idle(): Promise<void> {
    return this.#queue;
  }

  #enqueue(s: State): void {
    if (s.queued) return;
    s.queued = true;
    this.#queue = this.#queue.then(() => this.#build(s));
  }

  async #build(s: State): Promise<void> {
    s.queued = false;
    s.building = true;
    this.#broadcast(s);
    const options: TargetOptions = { ...this.#o.options, ...(s.slides ? { slides: true } : {}) };
    let diagnostics: readonly Diagnostic[];
    try {
      const r = await buildTarget(s.target.file, options);
      diagnostics = r.diagnostics;
      if (!r.ok) {
        s.failed = { print: true, deck: s.slides ? true : null };
      } else {
        s.version += 1;
        const dir = join(this.#o.outDir, s.target.key);
        mkdirSync(dir, { recursive: true });
        for (const out of r.outputs) {
          const path = resolveInside(dir, out.name);
          if (!path) throw new UserError([diag('preview/output-name', `an output name leaves the preview folder (${out.name})`)]);
          writeFileAtomic(path, out.bytes);
        }
        const [print] = r.outputs;
        if (print) s.print = { name: print.name, build: s.version };
        const deck = r.outputs.find((o) => o.name.endsWith('-slides.pdf'));
        if (deck) s.deck = { name: deck.name, build: s.version };
        s.failed = { print: false, deck: s.slides ? !deck || Boolean(r.failed?.length) : null };
      }
    } catch (e) {
      diagnostics = thrownDiagnostics(e);
      s.failed = { print: true, deck: s.slides ? true : null };
    }
    s.version += s.failed.print ? 1 : 0;
    s.diagnostics = diagnostics;
    s.building = false;
    this.#broadcast(s);
  }

  #broadcast(s: State): void {
    for (const v of s.viewers) v.send(this.#view(s, v.deck));
  }

  #view(s: State, deck: boolean): ViewState {
    const out = deck ? s.deck : s.print;
    const failed = deck ? s.failed.deck : s.failed.print;
    return {
      version: s.version,
      building: s.building || s.queued,
      failed: failed ?? (s.version === 0 ? null : false),
      diagnostics: s.diagnostics,
      pdf: out ? `/pdf?t=${s.target.key}${deck ? '&deck=1' : ''}&v=${out.build}` : null,
    };
  }
}
