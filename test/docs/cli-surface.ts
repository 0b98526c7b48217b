/**
 * The CLI's real surface, read from the commander program itself (each command's --help), so
 * docs and workflows are checked against what `briefkit` accepts today, not a copied list.
 */
import { main } from '../../src/cli/main.js';

/** Command name -> the long and short options it accepts (global ones included). */
export type CliSurface = ReadonlyMap<string, ReadonlySet<string>>;

async function help(args: string[]): Promise<string> {
  const lines: string[] = [];
  const io = { out: (s: string) => lines.push(s), err: (s: string) => lines.push(s) };
  await main([...args, '--help'], io);
  return lines.join('\n');
}

/** Options in a help text's Options section: `-o, --out <dir>` gives `-o` and `--out`. */
function optionsOf(text: string): Set<string> {
  const section = text.split(/^Options:$/m)[1]?.split(/^\w[\w ]*:$/m)[0] ?? '';
  const out = new Set<string>();
  for (const m of section.matchAll(/^ {2}(-\w)?(?:, )?(--[\w-]+)?/gm)) {
    if (m[1]) out.add(m[1]);
    if (m[2]) out.add(m[2]);
  }
  return out;
}

let cached: Promise<CliSurface> | undefined;

/** Every command and its options; `''` holds the program's own options (--version, --help). */
export function cliSurface(): Promise<CliSurface> {
  cached ??= (async () => {
    const top = await help([]);
    const commands = [...(top.split(/^Commands:$/m)[1] ?? '').matchAll(/^ {2}([a-z][\w-]*)/gm)].map((m) => m[1] ?? '').filter((c) => c && c !== 'help');
    const map = new Map<string, ReadonlySet<string>>([['', optionsOf(top)]]);
    for (const c of commands) map.set(c, new Set([...optionsOf(await help([c])), ...optionsOf(top)]));
    return map;
  })();
  return cached;
}

/**
 * Problems with one `briefkit …` command line (words after `briefkit`): an unknown command, or
 * an option the command does not have. Empty when it names real things.
 */
export function commandProblems(surface: CliSurface, words: readonly string[]): string[] {
  const [first, ...rest] = words;
  if (first === undefined) return [];
  const cmd = first.startsWith('-') ? '' : first;
  const opts = surface.get(cmd);
  if (!opts) return [`unknown command "${cmd}"`];
  const given = (first.startsWith('-') ? words : rest).filter((w) => /^--?[a-zA-Z]/.test(w)).map((w) => w.split('=')[0] ?? w);
  return given.filter((w) => !opts.has(w)).map((w) => `"${cmd || 'briefkit'}" has no option ${w}`);
}
