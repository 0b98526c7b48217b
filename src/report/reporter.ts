/**
 * The four reporter forms. text: today's lines (diagnostics and failures on stderr, the rest on
 * stdout). github: the same lines, with every diagnostic, stale output and changed page as a
 * workflow command escaped as the format requires. json: nothing until `end`, then one JSON
 * document. jsonl: one JSON object per event, as it happens, and an `end` object last.
 */
import { jsonLine, showText } from '../diag/index.js';
import { formatDiagnostic, formatGithub, githubData, githubProperty } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { deliveryLine, failedLine, inert, outputLine, pageLine, stateLine } from './lines.js';
import type {
  DeliveryInfo, EndInfo, FailedInfo, OutputInfo, PageInfo, Reporter, ReporterOptions, StateInfo, Verbosity,
} from './types.js';

/** Builds the reporter for `--reporter`, `--quiet` and `--verbose`. */
export function createReporter(o: ReporterOptions): Reporter {
  switch (o.kind) {
    case 'text':
    case 'github':
      return lineReporter(o, o.kind === 'github');
    case 'json':
    case 'jsonl':
      return jsonReporter(o, o.kind === 'jsonl');
  }
}

/** The text and github forms. */
function lineReporter(o: ReporterOptions, github: boolean): Reporter {
  const verbosity: Verbosity = o.verbosity ?? 'normal';
  const quiet = verbosity === 'quiet';
  const env = o.env ?? process.env;
  const tty = o.io.tty;
  // A live line only where a person watches: a terminal, not CI, text form, not quiet.
  const live = !github && !quiet && tty?.isTTY === true && !env['CI'];
  let drawn = false;
  const clear = (): void => {
    if (drawn && tty) tty.write('\r\x1b[2K');
    drawn = false;
  };
  const out = (line: string): void => {
    clear();
    o.io.out(inert(line));
  };
  const err = (line: string): void => {
    clear();
    o.io.err(inert(line));
  };
  /** A workflow command: made by formatGithub or below, escaped already; never made inert. */
  const command = (line: string): void => {
    clear();
    o.io.out(line);
  };
  return {
    kind: github ? 'github' : 'text',
    diagnostics(ds: readonly Diagnostic[]) {
      for (const d of ds) {
        if (quiet && d.severity !== 'error') continue;
        if (github) command(formatGithub(d));
        else err(formatDiagnostic(d));
      }
    },
    output(x: OutputInfo) {
      if (!quiet) out(outputLine(x));
    },
    failed(f: FailedInfo) {
      err(failedLine(f));
    },
    state(s: StateInfo) {
      const failing = s.state !== 'up-to-date';
      if (failing) err(stateLine(s));
      else if (!quiet) out(stateLine(s));
      if (github && failing) {
        command(`::error file=${githubProperty(showText(s.file))},title=briefkit/${s.state}::${githubData(stateLine(s))}`);
      }
    },
    page(p: PageInfo, files) {
      if (p.status === 'same') return;
      if (github) {
        const what = p.image ? `page ${p.page} ${p.status}; side by side: ${showText(p.image)}` : `page ${p.page} ${p.status}`;
        command(`::warning file=${githubProperty(showText(files.new))},title=briefkit/page-${p.status}::${githubData(what)}`);
      } else if (!quiet) out(pageLine(p));
    },
    delivery(d: DeliveryInfo) {
      if (!quiet || d.status === 'uncertain') (d.status === 'uncertain' ? err : out)(deliveryLine(d));
    },
    note(text: string, n = {}) {
      if (quiet || (n.verbose === true && verbosity !== 'verbose')) return;
      out(showText(text));
    },
    progress(done: number, total: number, label: string) {
      if (!live || !tty || total < 2) return;
      tty.write(`\r\x1b[2K[${done}/${total}] ${showText(label)}`);
      drawn = done < total;
      if (!drawn) tty.write('\r\x1b[2K');
    },
    end(_e: EndInfo) {
      clear();
    },
  };
}

/** The json form (one document at the end) and the jsonl form (one object per event). */
function jsonReporter(o: ReporterOptions, stream: boolean): Reporter {
  const verbose = o.verbosity === 'verbose';
  const doc = {
    diagnostics: [] as Diagnostic[], outputs: [] as OutputInfo[], failed: [] as FailedInfo[], states: [] as StateInfo[], pages: [] as PageInfo[],
    deliveries: [] as DeliveryInfo[], notes: [] as string[],
  };
  let ended = false;
  const emit = (type: string, value: object): void => {
    if (stream) o.io.out(jsonLine({ type, ...value }));
  };
  return {
    kind: stream ? 'jsonl' : 'json',
    diagnostics(ds) {
      for (const d of ds) {
        doc.diagnostics.push(d);
        emit('diagnostic', d);
      }
    },
    output(x) {
      doc.outputs.push(x);
      emit('output', x);
    },
    failed(f) {
      doc.failed.push(f);
      emit('failed', f);
    },
    state(s) {
      doc.states.push(s);
      emit('state', s);
    },
    page(p) {
      doc.pages.push(p);
      emit('page', p);
    },
    delivery(d) {
      doc.deliveries.push(d);
      emit('delivery', d);
    },
    note(text, n = {}) {
      if (n.verbose === true && !verbose) return;
      doc.notes.push(text);
      emit('note', { text });
    },
    progress() { /* machine forms carry results, not progress */ },
    end(e) {
      if (ended) return;
      ended = true;
      const summary = {
        command: o.command, ok: e.exitCode === 0, exitCode: e.exitCode, ...(e.ms !== undefined ? { ms: e.ms } : {}),
        errors: doc.diagnostics.filter((d) => d.severity === 'error').length,
        warnings: doc.diagnostics.filter((d) => d.severity === 'warning').length,
      };
      if (stream) emit('end', summary);
      else o.io.out(jsonLine({ version: 1, ...summary, ...doc }));
    },
  };
}
