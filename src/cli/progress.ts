import { showText } from '../diag/escape.js';

/**
 * Progress for long builds: an updating line on a terminal, nothing extra in CI or pipes
 * (where each finished target prints its own plain line).
 */
export class Progress {
  private done = 0;
  private readonly live: boolean;
  constructor(private readonly total: number, private readonly stream: NodeJS.WriteStream = process.stderr) {
    this.live = total > 1 && stream.isTTY === true && !process.env['CI'];
  }
  /** Counts one finished target; `label` (a file name: user text) is shown escaped. */
  tick(label: string): void {
    this.done++;
    if (this.live) this.stream.write(`\r\x1b[2K[${this.done}/${this.total}] ${showText(label)}`);
  }
  /** Clears the live line before other output. */
  clear(): void {
    if (this.live) this.stream.write('\r\x1b[2K');
  }
}
