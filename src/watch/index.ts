/**
 * One file watcher for every command that rebuilds on save (`build --watch`, `preview`).
 *
 * Built on chokidar, watching folders rather than files: an editor that saves by writing a
 * temporary file and renaming it over the original (vim, JetBrains, `sed -i`) replaces the
 * file's inode, and a watch on the old inode goes quiet after the first such save. A folder
 * watch sees the new file, new files and deleted ones alike.
 */
import { statSync } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';
import { watch } from 'chokidar';
import { isEditorTemp } from './ignore.js';

/** How to report changes. */
export interface WatchOptions {
  /** Quiet time (ms) after the last event before `onChange` runs: one call per burst. Default 100. */
  readonly debounceMs?: number;
  /**
   * Called with the absolute paths changed (added, changed or deleted) in one burst, sorted.
   * A returned promise is awaited: changes made meanwhile are gathered for the next call, so
   * calls never overlap.
   */
  readonly onChange: (files: readonly string[]) => unknown;
  /** A watcher error or an error thrown by `onChange` (default: printed to stderr). */
  readonly onError?: (e: unknown) => void;
}

/** A running watcher. */
export interface Watcher {
  /** Resolves once the initial scan is done: saves after this are seen. */
  readonly ready: Promise<void>;
  /** Stops watching; a pending burst is dropped. */
  close(): Promise<void>;
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Watches `paths` (files or folders; folders with everything under them) and calls
 * `onChange` once per burst of changes. A file is watched through its folder, so it may be
 * replaced, deleted and created again. Editor temporary files (swap, backup, JetBrains
 * `___jb_tmp___`, `*.tmp`) are never reported.
 */
export function watchFiles(paths: readonly string[], options: WatchOptions): Watcher {
  const debounceMs = options.debounceMs ?? 100;
  const onError = options.onError ?? ((e: unknown) => console.error(`briefkit: watch: ${e instanceof Error ? e.message : String(e)}`));
  const dirs = new Set<string>();
  const files = new Set<string>();
  for (const p of paths.map((x) => resolve(x))) {
    if (isDir(p)) dirs.add(p);
    else files.add(p);
  }
  const wanted = (p: string): boolean => {
    if (isEditorTemp(basename(p))) return false;
    if (files.has(p)) return true;
    for (const d of dirs) if (p === d || p.startsWith(d + sep)) return true;
    return false;
  };
  // A file's folder is watched one level deep; a folder given as such, all the way down.
  const fileDirs = [...new Set([...files].map((f) => dirname(f)))].filter((d) => !dirs.has(d) && isDir(d));
  const watchers = [
    ...(dirs.size ? [watch([...dirs], { ignoreInitial: true, atomic: true })] : []),
    ...(fileDirs.length ? [watch(fileDirs, { ignoreInitial: true, atomic: true, depth: 0 })] : []),
  ];

  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let closed = false;
  const flush = (): void => {
    timer = undefined;
    if (running || closed || pending.size === 0) return;
    const batch = [...pending].sort();
    pending.clear();
    running = true;
    Promise.resolve()
      .then(() => options.onChange(batch))
      .catch(onError)
      .finally(() => {
        running = false;
        if (pending.size > 0) schedule();
      });
  };
  const schedule = (): void => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };
  for (const w of watchers) {
    w.on('all', (event, p) => {
      if (event === 'addDir' || event === 'unlinkDir') return;
      const abs = resolve(p);
      if (!wanted(abs)) return;
      pending.add(abs);
      schedule();
    });
    w.on('error', onError);
  }
  const ready = Promise.all(watchers.map((w) => new Promise<void>((res) => w.once('ready', () => res())))).then(() => undefined);
  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(timer);
      pending.clear();
      await Promise.all(watchers.map((w) => w.close()));
    },
  };
}
