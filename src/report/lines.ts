/**
 * The plain lines of the text form (the github form prints the same lines beside its
 * annotations). Every piece of user text is made terminal-safe with `showText` here.
 */
import { showText } from '../diag/index.js';
import type { DeliveryInfo, FailedInfo, OutputInfo, PageInfo, StateInfo } from './types.js';

/** `built output/x.pdf (12 pages, 340 KB, marked SECRET)`. */
export function outputLine(o: OutputInfo): string {
  const unit = o.kind === 'slides-pdf' || o.kind === 'pptx' ? 'slide' : 'page';
  const facts = [
    ...(o.pages !== undefined ? [`${o.pages} ${unit}${o.pages === 1 ? '' : 's'}`] : []),
    ...(o.bytes !== undefined ? [`${Math.round(o.bytes / 1024)} KB`] : []),
    ...(o.marking !== undefined ? [`marked ${showText(o.marking)}`] : []),
  ];
  const verb = o.kind === 'eml' || o.kind === 'diff-png' ? 'wrote' : 'built';
  return `${verb} ${showText(o.path)}${facts.length ? ` (${facts.join(', ')})` : ''}`;
}

/** `briefkit: data/x.yaml: output/x.pdf not built (the previous output, if any, is unchanged)`. */
export function failedLine(f: FailedInfo): string {
  const what = f.paths.length ? `${f.paths.map(showText).join(', ')} not built` : 'not built';
  return `briefkit: ${showText(f.file)}: ${what} (the previous output, if any, is unchanged)`;
}

/**
 * `missing out/x-slides.pdf, out/x.pptx; up-to-date out/x.pdf (from data/x.yaml)`, worst state
 * first; `up to date data/x.yaml` without outputs; `invalid data/x.yaml (run briefkit validate)`.
 */
export function stateLine(s: StateInfo): string {
  if (s.state === 'unknown') return `invalid ${showText(s.file)} (run briefkit validate)`;
  if (!s.outputs?.length) return `${s.state === 'up-to-date' ? 'up to date' : s.state} ${showText(s.file)}`;
  const outputs = s.outputs;
  const states = [...new Set([s.state, ...outputs.map((o) => o.state)])];
  const parts = states.map((st) => `${st} ${outputs.filter((o) => o.state === st).map((o) => showText(o.path)).join(', ')}`);
  return `${parts.join('; ')} (from ${showText(s.file)})`;
}

/** `page 3: changed (output/diff/page-3.png)`. */
export function pageLine(p: PageInfo): string {
  return `page ${p.page}: ${p.status}${p.image ? ` (${showText(p.image)})` : ''}`;
}

/** `sent x to a@example.org`, `wrote output/mail/x.a@example.org.eml`… */
export function deliveryLine(d: DeliveryInfo): string {
  const to = showText(d.recipient);
  switch (d.status) {
    case 'sent': return `sent ${showText(d.id)} to ${to}`;
    case 'skipped': return `skipped ${showText(d.id)} for ${to}: already sent`;
    case 'held': return `held ${showText(d.id)} for ${to}: uncertain (see the warning)`;
    case 'uncertain': return `uncertain ${showText(d.id)} to ${to}: sent, no reply; recorded, not to be resent`;
    case 'written': return `wrote ${showText(d.file ?? d.recipient)}`;
  }
}

/**
 * A line that would start a GitHub Actions workflow command (`::name …` or the older
 * `##[name]`, after any leading blanks) when a runner reads it: its first mark is written as a
 * visible escape, so a file named `::stop-commands::x.yaml` cannot switch annotations off or
 * fake one. Applied to every plain line of every form (a runner reads text output too).
 */
export function inert(line: string): string {
  return line.replace(/^(\s*)(::|##\[)/, (_m, lead: string, mark: string) =>
    `${lead}<U+${(mark.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>${mark.slice(1)}`);
}
