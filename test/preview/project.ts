/** A throwaway project for preview tests: one briefing copied from the repository's data. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SOURCE = 'data/briefings/canada-korea-1995.yaml';
export const TITLE = 'Canada – Republic of Korea';

export interface TempProject {
  readonly dir: string;
  /** The briefing's data file inside the project. */
  readonly file: string;
  /** The original text of the briefing. */
  readonly text: string;
  /** Saves `text` as an editor that saves atomically does: a temporary file renamed over. */
  save(text: string): void;
  remove(): void;
}

let saves = 0;

export function tempProject(): TempProject {
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-preview-test-'));
  mkdirSync(join(dir, 'data', 'briefings'), { recursive: true });
  const file = join(dir, 'data', 'briefings', 'canada-korea-1995.yaml');
  copyFileSync(SOURCE, file);
  return {
    dir,
    file,
    text: readFileSync(SOURCE, 'utf8'),
    save(text) {
      const tmp = `${file}.${++saves}.swp~`;
      writeFileSync(tmp, text);
      renameSync(tmp, file);
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
