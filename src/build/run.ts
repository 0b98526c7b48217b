/**
 * Building targets into an output folder: what is up to date is skipped, the rest is built
 * (on worker threads when there are several), every output is written atomically, and the
 * build manifest records what each output was built from. The one loop behind `build`,
 * `pack`, `slides` and watch cycles; the commands only map flags to options and events to lines.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { diag } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { outputState, readManifest, sha256, updateManifest } from '../incremental/index.js';
import type { BuildManifest, OutputRecord } from '../incremental/index.js';
import { writeFileAtomic } from '../util/index.js';
import { buildAll } from './pool.js';
import type { BuildSession } from './session.js';

/** Where a target stands against the output folder. */
export type PlanState = 'up-to-date' | 'missing' | 'stale' | 'modified' | 'unknown';

/** One target's outputs and their states. */
export interface Plan {
  readonly file: string;
  /** Inputs hash of each output name (a print PDF does not depend on the deck options). */
  readonly inputs: Readonly<Record<string, string>>;
  readonly names: readonly string[];
  /** The worst of `states`; `unknown` when the data cannot be read (always built). */
  readonly state: PlanState;
  /** The state of each of `names` (a print PDF may be up to date while its decks are missing). */
  readonly states: readonly PlanState[];
}

/** Each target's outputs compared with what the output folder and its manifest hold. */
export function planTargets(session: BuildSession, files: readonly string[], outDir: string, manifest: BuildManifest = readManifest(outDir)): Plan[] {
  return files.map((file) => {
    const inputs = session.inputs(file);
    const names = Object.keys(inputs);
    if (names.length === 0) return { file, inputs, names, state: 'unknown' as const, states: [] };
    const states = names.map((n) => outputState(outDir, n, inputs[n] ?? '', manifest) as PlanState);
    const state = states.find((s) => s !== 'up-to-date') ?? 'up-to-date';
    return { file, inputs, names, state, states };
  });
}

/** What a run reports, in order, for the command to print. */
export type RunEvent =
  | { readonly kind: 'up-to-date'; readonly file: string }
  | { readonly kind: 'diagnostics'; readonly file?: string; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: 'built'; readonly file: string; readonly path: string; readonly pages: number; readonly bytes: number; readonly marking?: string }
  /** Nothing of the target was built (`paths` empty) or these outputs were not. Previous files are unchanged. */
  | { readonly kind: 'not-built'; readonly file: string; readonly paths: readonly string[] }
  | { readonly kind: 'done'; readonly targets: number; readonly ms: number };

/** How to run. */
export interface RunOptions {
  readonly outDir: string;
  /** Build even what is up to date. */
  readonly force?: boolean;
  /** Worker threads (default: all cores). */
  readonly jobs?: number;
}

/** Builds what is not up to date; returns the exit code (0, or 1 when anything failed). */
export async function runTargets(session: BuildSession, files: readonly string[], o: RunOptions, emit: (e: RunEvent) => void): Promise<number> {
  const { outDir } = o;
  const all = planTargets(session, files, outDir);
  // Two targets that would write one file (the same id): neither is built, both are named.
  const clashes = outputClashes(session, all);
  for (const [file, diagnostics] of clashes) {
    emit({ kind: 'diagnostics', file, diagnostics });
    emit({ kind: 'not-built', file, paths: [] });
  }
  const plans = all.filter((p) => !clashes.has(p.file));
  const todo = o.force ? plans : plans.filter((p) => p.state !== 'up-to-date');
  for (const p of plans) if (!todo.includes(p)) emit({ kind: 'up-to-date', file: p.file });
  if (todo.length === 0) return clashes.size ? 1 : 0;
  const jobs = Math.max(1, o.jobs ?? availableParallelism());
  // Only what this build wrote: the manifest is merged under a lock (other builds may be writing to it).
  const outputs: Record<string, OutputRecord> = {};
  let code = clashes.size ? 1 : 0;
  const started = performance.now();
  const located = (e: unknown): readonly Diagnostic[] => {
    const diags = (e as { diagnostics?: Diagnostic[] }).diagnostics;
    if (!diags) throw e;
    return diags;
  };
  await buildAll(session, todo.map((p) => p.file), jobs, (file, r) => {
    emit({ kind: 'diagnostics', file, diagnostics: r.diagnostics });
    if (!r.ok) {
      code = 1;
      emit({ kind: 'not-built', file, paths: [] });
      return;
    }
    const p = plans.find((x) => x.file === file);
    try {
      for (const out of r.outputs) writeFileAtomic(join(outDir, out.name), out.bytes);
    } catch (e) {
      emit({ kind: 'diagnostics', file, diagnostics: located(e) });
      code = 1;
      return;
    }
    for (const out of r.outputs) {
      outputs[out.name] = { source: file, inputs: p?.inputs[out.name] ?? '', output: sha256(out.bytes) };
      emit({ kind: 'built', file, path: join(outDir, out.name), pages: out.pages, bytes: out.bytes.length, ...(r.marking !== undefined && out === r.outputs[0] ? { marking: r.marking } : {}) });
    }
    // The slide decks failed but the print PDF above is written and recorded: the build still
    // fails, and `check` lists the decks as missing or stale until they build.
    if (r.failed?.length) {
      code = 1;
      emit({ kind: 'not-built', file, paths: r.failed.map((n) => join(outDir, n)) });
    }
  });
  if (Object.keys(outputs).length > 0) {
    try {
      await updateManifest(outDir, outputs);
    } catch (e) {
      emit({ kind: 'diagnostics', diagnostics: located(e) });
      code = 1;
    }
  }
  emit({ kind: 'done', targets: todo.length, ms: Math.round(performance.now() - started) });
  return code;
}

/**
 * Targets whose outputs share a name with another target's (two briefings or packs with one
 * id): each would overwrite the other, whatever their markings. Each gets a
 * `build/duplicate-output` error at its `id`, naming the other files.
 */
function outputClashes(session: BuildSession, plans: readonly Plan[]): Map<string, Diagnostic[]> {
  const owners = new Map<string, string[]>();
  for (const p of plans) for (const n of p.names) owners.set(n, [...(owners.get(n) ?? []), p.file]);
  const out = new Map<string, Diagnostic[]>();
  for (const [name, files] of owners) {
    const distinct = [...new Set(files)];
    if (distinct.length < 2) continue;
    for (const file of distinct) {
      const parsed = session.sources.parsed(file);
      const loc = parsed?.ok ? parsed.locator.locate('id') : { file, line: 1, col: 1 };
      const others = distinct.filter((f) => f !== file);
      const list = out.get(file) ?? [];
      list.push(diag('build/duplicate-output', `this target and ${others.join(', ')} would both write ${name}`, {
        loc, path: 'id', hint: 'give each briefing and pack its own id: output file names come from it (nothing of either was built)',
      }));
      out.set(file, list);
    }
  }
  return out;
}
