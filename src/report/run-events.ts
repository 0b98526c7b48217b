/**
 * The build run's events (src/build `RunEvent`) handed to a reporter, so `build`, `pack` and
 * `slides` print through one reporter: `runTargets(session, files, o, runEventsTo(reporter, n))`.
 */
import type { RunEvent } from '../build/index.js';
import type { OutputKind, Reporter } from './types.js';

/** The kind of an output file, from its name. */
export function outputKindOf(path: string): OutputKind {
  if (path.endsWith('.pptx')) return 'pptx';
  if (path.endsWith('-slides.pdf')) return 'slides-pdf';
  if (path.endsWith('.eml')) return 'eml';
  if (path.endsWith('.png')) return 'diff-png';
  return 'pdf';
}

/** An event sink for `runTargets` that reports to `r`; `total` targets drive the progress line. */
export function runEventsTo(r: Reporter, total: number): (e: RunEvent) => void {
  let done = 0;
  return (e) => {
    switch (e.kind) {
      case 'up-to-date':
        r.state({ file: e.file, state: 'up-to-date' });
        return;
      case 'diagnostics':
        if (e.file !== undefined) r.progress(++done, total, e.file);
        r.diagnostics(e.diagnostics);
        return;
      case 'built':
        r.output({ path: e.path, kind: outputKindOf(e.path), pages: e.pages, bytes: e.bytes, ...(e.marking !== undefined ? { marking: e.marking } : {}) });
        return;
      case 'not-built':
        r.failed({ file: e.file, paths: e.paths });
        return;
      case 'done':
        if (e.targets > 1) r.note(`${e.targets} targets in ${e.ms} ms`);
        return;
      default: {
        const never: never = e;
        throw new Error(`internal: unhandled run event ${JSON.stringify(never)}`);
      }
    }
  };
}
