/**
 * Bounds on what one rendering may make. A template can multiply data (`{{#each}}` inside
 * `{{#each}}` over long lists) or call a partial from itself; without bounds that is minutes of
 * work and gigabytes of markup before anything fails. Output is counted while it is made, so
 * rendering stops soon after a limit is passed, not once the whole string exists.
 */
import Handlebars from 'handlebars';

/** Most markup one rendering may produce, in characters (8 Mi). */
export const MAX_MARKUP_CHARS = 8 * 1024 * 1024;
/** Deepest nesting of partial calls (a partial that calls itself stops here). */
export const MAX_PARTIAL_DEPTH = 64;
/**
 * Most block bodies one rendering may run (each `{{#each}}` item, `{{#if}}` branch, …). The
 * default briefing runs a few hundred; a list at the data limit (5,000 items) with a condition
 * per item about 10,000. Measured: 1,000,000 empty runs take over 10 s on a loaded 2-core
 * machine, 100,000 about a second.
 */
export const MAX_BLOCK_RUNS = 100_000;

/** Limits a rendering runs under; tests pass smaller ones. */
export interface RenderLimits {
  /** Characters of markup (see {@link MAX_MARKUP_CHARS}). */
  readonly maxChars: number;
  /** Nesting of partial calls (see {@link MAX_PARTIAL_DEPTH}). */
  readonly maxDepth: number;
  /** Block bodies run (see {@link MAX_BLOCK_RUNS}). */
  readonly maxBlockRuns: number;
}

export const defaultRenderLimits: RenderLimits = Object.freeze({
  maxChars: MAX_MARKUP_CHARS,
  maxDepth: MAX_PARTIAL_DEPTH,
  maxBlockRuns: MAX_BLOCK_RUNS,
});

/** A limit passed while rendering; render.ts turns it into a located diagnostic. */
export class TemplateLimitError extends Error {
  /** Where the error was raised, when the thrower knows better than the enclosing helper. */
  lineNumber?: number;
  column?: number;
  constructor(
    readonly code: 'template/too-large' | 'template/recursion',
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'TemplateLimitError';
  }
}

type Fn = (...args: unknown[]) => unknown;

interface BlockOptions {
  fn?: unknown;
  inverse?: unknown;
}

/** Counts what one rendering makes; wraps helpers, block bodies and partials. */
export class RenderBudget {
  /** Characters made so far: each finished piece replaces the pieces it is made of. */
  private total = 0;
  private runs = 0;
  private depth = 0;

  constructor(private readonly limits: RenderLimits = defaultRenderLimits) {}

  /** Counts the string `make` returns in place of what was counted while it ran (its parts). */
  private count(make: () => unknown): unknown {
    const mark = this.total;
    const r = make();
    if (typeof r === 'string' || r instanceof Handlebars.SafeString) {
      this.total = mark + r.toString().length;
      if (this.total > this.limits.maxChars) {
        throw new TemplateLimitError('template/too-large',
          `the template makes more than ${this.limits.maxChars} characters of markup (stopped here)`,
          'a loop inside a loop over long lists multiplies the output: loop over fewer items, or move the inner loop out');
      }
    }
    return r;
  }

  /** A block body (or its `else`) that counts each run and what it makes. */
  private body(fn: unknown): unknown {
    if (typeof fn !== 'function') return fn;
    const run = (): void => {
      if (++this.runs > this.limits.maxBlockRuns) {
        throw new TemplateLimitError('template/too-large',
          `the template runs its blocks more than ${this.limits.maxBlockRuns} times (stopped here)`,
          'a loop inside a loop over long lists multiplies the work: loop over fewer items, or move the inner loop out');
      }
    };
    const count = this.count.bind(this);
    // A function, not an arrow: Handlebars calls bodies with the context as `this`.
    return function (this: unknown, ...args: unknown[]): unknown {
      run();
      return count(() => (fn as Fn).apply(this, args));
    };
  }

  /**
   * A helper whose block bodies count as they run; what it returns counts when it is a block
   * (its body's output) or when `leaf` (the escaping helper: every `{{value}}` goes through it).
   */
  helper(fn: unknown, leaf = false): unknown {
    if (typeof fn !== 'function') return fn;
    const count = this.count.bind(this);
    const body = this.body.bind(this);
    return function (this: unknown, ...args: unknown[]): unknown {
      const last = args[args.length - 1] as BlockOptions | undefined;
      const block = typeof last === 'object' && last !== null && (typeof last.fn === 'function' || typeof last.inverse === 'function');
      if (!block) return leaf ? count(() => (fn as Fn).apply(this, args)) : (fn as Fn).apply(this, args);
      const options = { ...last, fn: body(last.fn), inverse: body(last.inverse) };
      return count(() => (fn as Fn).apply(this, [...args.slice(0, -1), options]));
    };
  }

  /**
   * A partial (or inline partial) that counts what it makes and how deep calls nest; `where`
   * gives the place of the call, for the error.
   */
  partial(name: string, fn: unknown, where?: () => { line: number; column: number } | undefined): unknown {
    if (typeof fn !== 'function') return fn;
    const enter = (): void => {
      if (this.depth >= this.limits.maxDepth) {
        const e = new TemplateLimitError('template/recursion',
          `partial "${name}" is called ${this.limits.maxDepth} levels deep: a partial that calls itself never ends`,
          `stop the recursion: call "${name}" only under a condition that becomes false, or do not call it from itself`);
        const at = where?.();
        if (at) Object.assign(e, { lineNumber: at.line, column: at.column });
        throw e;
      }
      this.depth++;
    };
    const leave = (): void => {
      this.depth--;
    };
    const count = this.count.bind(this);
    return function (this: unknown, ...args: unknown[]): unknown {
      enter();
      try {
        return count(() => (fn as Fn).apply(this, args));
      } finally {
        leave();
      }
    };
  }

  /**
   * Handlebars' `inline` decorator, with the inline partials it defines guarded as partials;
   * `where` gives the place of a definition, for the error.
   */
  decorators(where?: (name: string) => { line: number; column: number } | undefined): Record<string, unknown> {
    const inline = (Handlebars as unknown as { decorators: Record<string, Fn> }).decorators['inline'];
    if (!inline) return {};
    return {
      inline: (fn: unknown, props: unknown, container: unknown, options: { args?: unknown[]; fn?: unknown }) => {
        const name = String(options.args?.[0] ?? 'inline');
        return inline(fn, props, container, { ...options, fn: this.partial(name, options.fn, where && (() => where(name))) });
      },
    };
  }

  /** Checks the whole markup (the entry's own text is counted only here). */
  finish(markup: string): void {
    this.total = 0;
    this.count(() => markup);
  }
}
