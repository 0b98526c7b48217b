/**
 * A hand-written SMTP server on 127.0.0.1 for the time-budget tests: it answers like a plain
 * server (no TLS, no AUTH) until the step chosen, where it trickles: a continuation line
 * (`250-still working`) every few milliseconds, never the last line of the reply. Or it drops
 * the socket right after the message's final ".".
 */
import { createServer } from 'node:net';
import type { Socket } from 'node:net';

/** Where the server starts to trickle. `dot`: after the message's final ".". */
export type TrickleAt = 'greeting' | 'EHLO' | 'MAIL' | 'RCPT' | 'DATA' | 'dot';

export type Misbehaviour =
  | { readonly kind: 'none' }
  | { readonly kind: 'trickle'; readonly at: TrickleAt; readonly everyMs: number }
  | { readonly kind: 'drop-after-dot' };

export interface FakeSmtp {
  readonly port: number;
  /** Connections accepted. */
  readonly connections: number;
  /** Messages received in full (final "." seen). */
  readonly received: number;
  /** Messages answered with 250 after the final ".". */
  readonly accepted: number;
  set(b: Misbehaviour): void;
  close(): Promise<void>;
}

const CODE: Readonly<Record<TrickleAt, string>> = { greeting: '220', EHLO: '250', MAIL: '250', RCPT: '250', DATA: '354', dot: '250' };

export async function startFakeSmtp(): Promise<FakeSmtp> {
  let behaviour: Misbehaviour = { kind: 'none' };
  const state = { connections: 0, received: 0, accepted: 0 };
  const sockets = new Set<Socket>();

  const server = createServer((socket) => {
    state.connections++;
    sockets.add(socket);
    let timer: NodeJS.Timeout | undefined;
    let inData = false;
    let buffered = '';
    socket.on('close', () => {
      clearInterval(timer);
      sockets.delete(socket);
    });
    socket.on('error', () => { /* the client dropped us: expected */ });
    const send = (s: string): void => {
      if (!socket.destroyed) socket.write(`${s}\r\n`);
    };
    /** Replies, or trickles forever when this is the step chosen. */
    const reply = (at: TrickleAt, line: string): void => {
      if (behaviour.kind === 'trickle' && behaviour.at === at) {
        const code = CODE[at];
        send(`${code}-still working`);
        timer = setInterval(() => send(`${code}-still working`), behaviour.everyMs);
        return;
      }
      send(line);
    };
    reply('greeting', '220 fake.example ESMTP');
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl).replace(/\r$/, '');
        buffered = buffered.slice(nl + 1);
        if (inData) {
          if (line !== '.') continue;
          inData = false;
          state.received++;
          if (behaviour.kind === 'drop-after-dot') {
            socket.destroy();
            return;
          }
          if (!(behaviour.kind === 'trickle' && behaviour.at === 'dot')) state.accepted++;
          reply('dot', '250 2.0.0 queued');
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') reply('EHLO', '250-fake.example\r\n250 SIZE 50000000');
        else if (verb === 'MAIL') reply('MAIL', '250 2.1.0 ok');
        else if (verb === 'RCPT') reply('RCPT', '250 2.1.5 ok');
        else if (verb === 'DATA') {
          inData = !(behaviour.kind === 'trickle' && behaviour.at === 'DATA');
          reply('DATA', '354 go ahead');
        } else if (verb === 'QUIT') {
          send('221 bye');
          socket.end();
        } else if (verb === 'RSET' || verb === 'NOOP') send('250 ok');
        else send('502 5.5.2 not implemented');
      }
    });
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      if (a && typeof a === 'object') resolve(a.port);
      else reject(new Error('no port'));
    });
  });
  return {
    port,
    get connections() { return state.connections; },
    get received() { return state.received; },
    get accepted() { return state.accepted; },
    set(b) {
      behaviour = b;
      state.connections = 0;
      state.received = 0;
      state.accepted = 0;
    },
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}
