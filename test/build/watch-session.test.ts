/**
 * A watch cycle is a new build session: an edited message catalog or partial changes the next
 * output, and `check` agrees with what was built (nothing served stale from a cache).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { until } from '../helpers/until.js';
import { afterEach, describe, expect, it } from 'vitest';
import { pageTexts } from '../helpers/pdf.js';
import { main } from '../../src/cli/main.js';

const ROOT = join(import.meta.dirname, '../..');
const children: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});



/** The PDF's text, or '' while it is being replaced. */
function text(path: string): string {
  try {
    return pageTexts(path).join('\n');
  } catch {
    return '';
  }
}

async function check(args: string[]): Promise<number> {
  return main(['check', ...args], { out: () => undefined, err: () => undefined });
}

describe('build --watch: each rebuild sees edited templates, catalogs and theme values', () => {
  it('a catalog edit, a partial edit and a theme value each change the next PDF, and check agrees', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bk-watch-session-'));
    const templates = join(dir, 'templates');
    cpSync(join(ROOT, 'templates'), templates, { recursive: true });
    const data = join(dir, 'data', 'brief.yaml');
    cpSync(join(ROOT, 'data/briefings'), join(dir, 'data'), { recursive: true });
    copyFileSync(join(ROOT, 'data/briefings/canada-korea-1995.yaml'), data);
    const out = join(dir, 'out');
    const pdf = join(out, 'canada-korea-1995.pdf');
    const theme = join(dir, 'house.theme.yaml');
    writeFileSync(theme, 'palette:\n  accent: "#0b6e4f"\n');
    const args = [data, '--templates', templates, '--theme', theme, '--out', out];
    let log = '';
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/kill-build.ts', 'build', ...args, '--watch'], { cwd: ROOT });
    children.push(child);
    child.stdout.on('data', (b: Buffer) => { log += b.toString(); });
    child.stderr.on('data', (b: Buffer) => { log += b.toString(); });
    await until('the first build and the watcher', () => log.includes('watching'));
    const built = (): number => log.split('\nbuilt ').length + (log.startsWith('built ') ? 1 : 0);
    expect(text(pdf)).toContain('Trade in figures');

    // 1. The message catalog: a heading's text.
    let before = built();
    const en = join(templates, 'messages', 'en.json');
    writeFileSync(en, readFileSync(en, 'utf8').replace('"Trade in figures"', '"Trade figures edited under watch"'));
    await until('a rebuild after the catalog edit', () => built() > before && text(pdf).includes('edited under watch'));
    // The build manifest is merged just after the PDF is written: check agrees once it is.
    await until('check to agree', async () => (await check(args)) === 0);

    // 2. A partial: the title block gains a line.
    before = built();
    const partial = join(templates, 'fact-sheet', 'partials', 'title-block.hbs');
    writeFileSync(partial, `${readFileSync(partial, 'utf8')}\nPartial edited under watch.\n`);
    await until('a rebuild after the partial edit', () => built() > before && text(pdf).includes('Partial edited under watch'));
    await until('check to agree', async () => (await check(args)) === 0);

    // 3. A theme value: the accent colour, drawn in the pages.
    before = built();
    const old = readFileSync(pdf);
    writeFileSync(theme, 'palette:\n  accent: "#99191a"\n');
    await until('a rebuild after the theme edit', () => built() > before && !readFileSync(pdf).equals(old));
    await until('check to agree', async () => (await check(args)) === 0);
  }, 240_000);
});
