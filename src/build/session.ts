/**
 * A build session: the one place where a build is put together. It holds the resolved
 * options and the session's sources (each data file read, hashed, parsed and validated once),
 * prepares each briefing once and hands it to the writers asked for (print PDF, slide PDF and
 * PPTX, bound pack). Commands and API calls are option mappers over it. A session is for one
 * build: a watch cycle or a preview rebuild opens a new one, so nothing read is ever stale.
 */
import { dirname, relative, resolve } from 'node:path';
import { isRecord } from '../data/index.js';
import { csvDependencies } from '../data/index.js';
import { hasErrors } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { inputsHash } from '../incremental/index.js';
import { deckOf } from './deck.js';
import type { SlidesOptions, SlidesResult } from './deck.js';
import { printOptions } from './options.js';
import type { BuildInput, BuildOptions, TargetOptions } from './options.js';
import { bindPack } from './pack.js';
import type { PackOptions, PackResult } from './pack.js';
import { printBriefing } from './print.js';
import type { BuildResult } from './print.js';
import { withTheme } from '../theme/index.js';
import { SourceStore } from './sources.js';
import type { TargetKind } from './sources.js';

/** One file a target writes into the output folder. */
export interface TargetOutput {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly pages: number;
}

/**
 * What a target built. `ok: false` means nothing was built (the print PDF failed). `ok: true`
 * with a non-empty `failed` means the print PDF (and what else is in `outputs`) is good and
 * should be written, while the outputs named in `failed` (the slide decks) could not be made:
 * their errors are in `diagnostics`, and the command still fails.
 */
export type TargetResult =
  | {
      readonly ok: true;
      readonly outputs: readonly TargetOutput[];
      readonly diagnostics: readonly Diagnostic[];
      /** Output names that were asked for but not built (their previous files stay as they were). */
      readonly failed?: readonly string[];
      /** A pack's combined marking, for the command's report. */
      readonly marking?: string;
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** See the module comment. */
export class BuildSession {
  /** The session's data files, each read once. */
  readonly sources: SourceStore;

  /**
   * @param options what to build, resolved (see `TargetOptions`)
   * @param inputFiles files the options name (a theme, its fonts and logo, a marking scheme
   *   file): part of every output's inputs hash, so an edit to one makes the outputs stale
   */
  constructor(readonly options: TargetOptions = {}, readonly inputFiles: readonly string[] = []) {
    this.sources = new SourceStore(options.limits, options.scheme);
  }

  /** The print PDF of one briefing. */
  print(input: BuildInput, o: BuildOptions = this.options): Promise<BuildResult> {
    return this.themed(o, () => printBriefing(input, o, this.sources));
  }

  /** The slide deck (PDF and PPTX) of one briefing, from the same load as its print PDF. */
  deck(input: BuildInput, o: SlidesOptions = this.deckOptions()): Promise<SlidesResult> {
    return this.themed(o, () => deckOf(input, o, this.sources));
  }

  /** A bound pack and, with `separate: true`, each of its briefings as its own PDF. */
  pack(file: string, o: PackOptions = this.options): Promise<PackResult> {
    // A theme with the user's fonts is registered in this thread only: its briefings are read here.
    const here = o.theme?.fonts !== undefined ? { ...o, threads: 0 } : o;
    return this.themed(o, () => bindPack(file, here, this.sources));
  }

  /**
   * Runs a writer with the theme's fonts and logo in effect (`withTheme`): for this build only,
   * so a watch cycle or a concurrent build sees its own theme.
   */
  private themed<T>(o: { readonly theme?: BuildOptions['theme'] }, fn: () => Promise<T>): Promise<T> {
    return o.theme ? withTheme(o.theme, fn) : fn();
  }

  /** Whether a data file is a briefing or a pack manifest. */
  kind(file: string): TargetKind {
    return this.sources.kind(file);
  }

  /**
   * Builds one target: a briefing data file (its PDF, and its decks when asked) or a pack
   * manifest (the bound pack, and with `separate` each briefing's PDF). Nothing is written here: the caller
   * writes outputs atomically.
   */
  async target(file: string): Promise<TargetResult> {
    const o = this.options;
    if (this.kind(file) === 'pack') {
      const r = await this.pack(file);
      if (!r.ok) return r;
      return {
        ok: true, diagnostics: r.diagnostics, marking: r.marking,
        outputs: [
          { name: `${r.manifest.id}.pdf`, bytes: r.pdf, pages: r.pages },
          // The pack's own copies of its briefings go into a folder named after the pack, so they
          // never collide with the briefings built on their own (which may differ, e.g. duplex).
          ...r.briefings.map((b) => ({ name: `${r.manifest.id}/${b.briefing.id}.pdf`, bytes: b.pdf, pages: b.pages })),
        ],
      };
    }
    const outputs: TargetOutput[] = [];
    const diagnostics: Diagnostic[] = [];
    let id: string | undefined;
    if (!o.decksOnly) {
      const r = await this.print({ file });
      if (!r.ok) return r;
      outputs.push({ name: `${r.briefing.id}.pdf`, bytes: r.pdf, pages: r.pages });
      diagnostics.push(...r.diagnostics);
      id = r.briefing.id;
    }
    if (!o.slides && !o.decksOnly) return { ok: true, diagnostics, outputs };
    const s = await this.deck({ file });
    // Both writers read the same load: its warnings are reported once.
    const seen = new Set(diagnostics.map((d) => JSON.stringify(d)));
    const own = s.diagnostics.filter((d) => !seen.has(JSON.stringify(d)));
    diagnostics.push(...own);
    id ??= s.ok ? s.briefing.id : undefined;
    if (id === undefined) return { ok: false, diagnostics };
    const names = [`${id}-slides.pdf`, `${id}.pptx`];
    // A deck is its own target: its errors never cost the print PDF, which is already good.
    if (!s.ok || hasErrors(own)) return outputs.length ? { ok: true, diagnostics, outputs, failed: names } : { ok: false, diagnostics };
    outputs.push({ name: names[0] as string, bytes: s.pdf, pages: s.slides }, { name: names[1] as string, bytes: s.pptx, pages: s.slides });
    return { ok: true, diagnostics, outputs };
  }

  /**
   * The output names a target will write, read from its data without building (for `check`
   * and for skipping up-to-date targets). Empty when the data cannot be read: such a target
   * is always built, and reports its own errors.
   */
  outputs(file: string): string[] {
    const o = this.options;
    const idOf = (f: string): string | undefined => {
      const d = this.sources.peek(f);
      return isRecord(d) && typeof d['id'] === 'string' ? d['id'] : undefined;
    };
    const id = idOf(file);
    if (!id) return [];
    if (this.kind(file) === 'briefing') {
      const decks = [`${id}-slides.pdf`, `${id}.pptx`];
      return o.decksOnly ? decks : o.slides ? [`${id}.pdf`, ...decks] : [`${id}.pdf`];
    }
    const data = this.sources.peek(file);
    const list = isRecord(data) && Array.isArray(data['briefings']) ? (data['briefings'] as unknown[]) : [];
    const ids = list.map((b) => (typeof b === 'string' ? idOf(relative(process.cwd(), resolve(dirname(file), b))) : undefined));
    if (ids.some((x) => x === undefined)) return [];
    return [`${id}.pdf`, ...(o.separate === true ? ids.map((x) => `${id}/${x}.pdf`) : [])];
  }

  /**
   * The inputs hash of each output a target writes (see `inputsHash`): a print PDF does not
   * depend on the deck options, a deck on every option. Empty when the data cannot be read.
   */
  inputs(file: string, extra: readonly string[] = this.inputFiles): Readonly<Record<string, string>> {
    const names = this.outputs(file);
    if (names.length === 0) return {};
    const o = this.options;
    const templates = o.templatesDir;
    // Tables' CSV files are inputs too: an edit to one makes the outputs stale.
    const csv = this.sources.dataFiles(file).flatMap((f) => csvDependencies(this.sources.peek(f), f));
    const hashOf = (options: TargetOptions): string => inputsHash(file, options, templates, this.sources, [...extra, ...csv]).hash;
    const print = hashOf(printOptions(o));
    const isDeck = (n: string): boolean => this.kind(file) === 'briefing' && (n.endsWith('-slides.pdf') || n.endsWith('.pptx'));
    const decks = names.some(isDeck) ? hashOf(deckHashOptions(o)) : print;
    return Object.fromEntries(names.map((n) => [n, isDeck(n) ? decks : print]));
  }

  private deckOptions(): SlidesOptions {
    const o = this.options;
    return {
      ...(o.templatesDir ? { templatesDir: o.templatesDir } : {}), ...(o.theme ? { theme: o.theme } : {}),
      ...(o.slidesOverflow ? { overflow: o.slidesOverflow } : {}), ...(o.limits ? { limits: o.limits } : {}),
    };
  }
}

/**
 * The options a deck's hash is taken over: every option, as `build --slides` states them (so
 * `briefkit slides` and `build --slides` agree on when a deck is up to date).
 */
function deckHashOptions(o: TargetOptions): TargetOptions {
  const rest = Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'decksOnly')) as TargetOptions;
  return { slides: true, ...rest };
}

/** Builds one target in a session of its own (the API's `buildTarget`). */
export function buildTarget(file: string, o: TargetOptions = {}): Promise<TargetResult> {
  return new BuildSession(o).target(file);
}

/** Builds one briefing's print PDF in a session of its own (the API's `buildBriefing`). */
export function buildBriefing(input: BuildInput, o: BuildOptions = {}): Promise<BuildResult> {
  return new BuildSession(o).print(input);
}

/** Builds one briefing's deck in a session of its own (the API's `buildSlides`). */
export function buildSlides(input: BuildInput, o: SlidesOptions = {}): Promise<SlidesResult> {
  return new BuildSession(o.limits ? { limits: o.limits } : {}).deck(input, o);
}

/** Builds a pack in a session of its own (the API's `buildPack`). */
export function buildPack(file: string, o: PackOptions = {}): Promise<PackResult> {
  return new BuildSession(o).pack(file, o);
}
