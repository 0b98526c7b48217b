/** `briefkit preview [dir]`: a local web page of the project's briefings, rebuilt on save. */
import type { Command } from 'commander';
import { Option } from 'commander';
import { showText } from '../diag/index.js';
import type { Io } from './build.js';

export function registerPreview(program: Command, io: Io, setCode: (c: number) => void): void {
  program.command('preview')
    .description('serve a local web page showing the project\'s briefings, packs and slide decks, rebuilt on save')
    .argument('[dir]', 'the project folder (holding data/briefings and data/packs)', '.')
    .option('--port <n>', 'port to listen on (0: any free port)', '7317')
    .option('--host <addr>', 'address to listen on; anything but loopback shows your data to the network', '127.0.0.1')
    .addOption(new Option('--paper <size>', 'paper size').choices(['a4', 'letter']).default('a4'))
    .option('--templates <dir>', 'folder of template kinds (default: the bundled templates/)')
    .action(async (dir: string, o: Record<string, unknown>) => {
      const port = Number(o['port']);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        io.err(`briefkit: --port takes a port number from 0 to 65535 (got "${showText(String(o['port']))}")`);
        setCode(2);
        return;
      }
      const host = String(o['host']);
      // Loaded on use: the server, pdf.js paths and chokidar are not needed by other commands.
      const { isLoopback, startPreview } = await import('../preview/index.js');
      if (!isLoopback(host)) {
        io.err(`briefkit: warning: --host ${showText(host)} is not a loopback address: anyone who can reach this machine can read the briefings served`);
      }
      let preview;
      try {
        preview = await startPreview({
          dir, host, port,
          options: { paper: o['paper'] as 'a4' | 'letter', ...(typeof o['templates'] === 'string' ? { templatesDir: o['templates'] } : {}) },
        });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'EADDRINUSE' && code !== 'EADDRNOTAVAIL' && code !== 'EACCES') throw e;
        io.err(`briefkit: cannot listen on ${showText(host)}:${port} (${code}): ${code === 'EADDRINUSE' ? 'the port is in use; try another --port, or --port 0' : 'choose another --host or --port'}`);
        setCode(1);
        return;
      }
      io.out(`preview at ${preview.url} (Ctrl-C to stop)`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await preview.close();
    });
}
