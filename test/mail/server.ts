/**
 * A real SMTP server for the mail tests, on 127.0.0.1 only, on a free port: STARTTLS with a
 * self-signed certificate made at test time, AUTH PLAIN and LOGIN, and switches to refuse
 * recipients, defer them, drop the connection on a chosen message or after a message's final
 * ".", hold the reply to a message, or quote the password back in its replies.
 */
import { generate } from 'selfsigned';
import { SMTPServer } from 'smtp-server';
import type { SMTPServerAddress, SMTPServerSession } from 'smtp-server';

export const USER = 'briefkit-test';
/** Distinctive, so a leak into any output is easy to find. */
export const PASS = 'Zq7!hunter2-NotInOutput';

/** One message the server accepted. */
export interface Delivery {
  readonly from: string;
  readonly to: readonly string[];
  readonly raw: Buffer;
  readonly secure: boolean;
  readonly authMethod: string | undefined;
}

/** Behaviour switches; tests set them and call `reset()` after. */
export interface Behaviour {
  /** Answer RCPT TO for these addresses with 550. */
  reject: Set<string>;
  /** Answer RCPT TO for these addresses with 451, this many more times each. */
  defer: Map<string, number>;
  /** Destroy the socket at MAIL FROM when this returns true for the 1-based count of MAIL FROM commands. */
  dropAt: (n: number) => boolean;
  /** The password the server accepts (default {@link PASS}). */
  password: string;
  /**
   * A careless server: refuses every AUTH with a 535 reply that quotes the password in every
   * form (as given, spaces collapsed, quoted, percent-encoded, base64, the AUTH PLAIN payload);
   * and refuses RCPT TO with a 550 reply that quotes the password of the session.
   */
  echo: 'auth' | 'rcpt' | false;
  /** Destroy the socket right after the final "." of the n-th message received (1-based), before any reply. */
  dropAfterData: (n: number) => boolean;
  /** Held before the reply to each message's final "." (to keep a run busy); resolves to go on. */
  gate: Promise<void> | undefined;
}

export interface TestServer {
  readonly port: number;
  readonly deliveries: Delivery[];
  /** Connections opened (to prove a run stopped before connecting). */
  connections: number;
  /** MAIL FROM commands seen. */
  transactions: number;
  /** Messages received in full (final "." seen), whether or not the server replied. */
  readonly received: number;
  readonly auths: string[];
  behaviour: Behaviour;
  countFor(address: string): number;
  reset(): void;
  close(): Promise<void>;
}

function fresh(): Behaviour {
  return { reject: new Set(), defer: new Map(), dropAt: () => false, password: PASS, echo: false, dropAfterData: () => false, gate: undefined };
}

/** Every form of a password a careless server might quote, in one line. */
export function echoForms(user: string, pass: string): string {
  return [
    `password ${pass}`,
    `collapsed "${pass.replace(/\s+/g, ' ').trim()}"`,
    `json ${JSON.stringify(pass)}`,
    `url ${encodeURIComponent(pass)}`,
    `b64 ${Buffer.from(pass).toString('base64')}`,
    `plain ${Buffer.from(`\0${user}\0${pass}`).toString('base64')}`,
  ].join('; ');
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

let certPromise: Promise<{ key: string; cert: string }> | undefined;

/** A self-signed certificate for localhost, made once per test file. */
export function testCertificate(): Promise<{ key: string; cert: string }> {
  certPromise ??= generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] }],
  }).then((p) => ({ key: p.private, cert: p.cert }));
  return certPromise;
}

/** Starts a server. `plain`: no STARTTLS offered, AUTH allowed in clear (loopback tests of secure: none). */
export async function startServer(o: { plain?: boolean } = {}): Promise<TestServer> {
  const { key, cert } = await testCertificate();
  const deliveries: Delivery[] = [];
  const auths: string[] = [];
  const authBySession = new Map<string, string>();
  const passBySession = new Map<string, string>();
  const state = { connections: 0, transactions: 0, received: 0, behaviour: fresh() };

  const server: SMTPServer = new SMTPServer({
    key,
    cert,
    secure: false,
    ...(o.plain ? { hideSTARTTLS: true, allowInsecureAuth: true } : {}),
    authMethods: ['PLAIN', 'LOGIN'],
    disableReverseLookup: true,
    logger: false,
    size: 30 * 1024 * 1024,
    onConnect(_session, cb) {
      state.connections++;
      cb();
    },
    onAuth(auth, session, cb) {
      auths.push(auth.method);
      const pass = auth.password ?? '';
      if (state.behaviour.echo === 'auth') return cb(smtpError(`Authentication failed for ${auth.username}: ${echoForms(auth.username ?? '', pass)}`, 535));
      if (auth.username === USER && pass === state.behaviour.password) {
        authBySession.set(session.id, auth.method);
        passBySession.set(session.id, pass);
        cb(null, { user: USER });
      } else {
        cb(smtpError('Authentication credentials invalid', 535));
      }
    },
    onMailFrom(_address: SMTPServerAddress, session: SMTPServerSession, cb) {
      state.transactions++;
      if (state.behaviour.dropAt(state.transactions)) {
        for (const c of server.connections) if (c.session.id === session.id) c._socket.destroy();
        return;
      }
      cb();
    },
    onRcptTo(address: SMTPServerAddress, session: SMTPServerSession, cb) {
      const a = address.address.toLowerCase();
      if (state.behaviour.echo === 'rcpt') {
        return cb(smtpError(`<${a}>: refused for ${USER}, ${echoForms(USER, passBySession.get(session.id) ?? '')}`, 550));
      }
      if (state.behaviour.reject.has(a)) return cb(smtpError(`<${a}>: Recipient address rejected: no such user`, 550));
      const left = state.behaviour.defer.get(a) ?? 0;
      if (left > 0) {
        state.behaviour.defer.set(a, left - 1);
        return cb(smtpError(`<${a}>: Greylisted, try again later`, 451));
      }
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        state.received++;
        if (state.behaviour.dropAfterData(state.received)) {
          for (const c of server.connections) if (c.session.id === session.id) c._socket.destroy();
          return;
        }
        const gate = state.behaviour.gate ?? Promise.resolve();
        void gate.then(() => {
          deliveries.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            raw: Buffer.concat(chunks),
            secure: session.secure,
            authMethod: authBySession.get(session.id),
          });
          cb();
        });
      });
    },
  });
  server.on('error', () => { /* a dropped socket is expected in some tests */ });

  const port = await new Promise<number>((resolve, reject) => {
    const net = server.listen(0, '127.0.0.1', () => {
      const addr = net.address();
      if (addr && typeof addr === 'object') resolve(addr.port);
      else reject(new Error('no port'));
    });
  });

  return {
    port,
    deliveries,
    auths,
    get connections() { return state.connections; },
    set connections(n: number) { state.connections = n; },
    get transactions() { return state.transactions; },
    set transactions(n: number) { state.transactions = n; },
    get received() { return state.received; },
    get behaviour() { return state.behaviour; },
    set behaviour(b: Behaviour) { state.behaviour = b; },
    countFor: (a) => deliveries.filter((d) => d.to.includes(a.toLowerCase())).length,
    reset() {
      deliveries.length = 0;
      auths.length = 0;
      state.connections = 0;
      state.transactions = 0;
      state.received = 0;
      state.behaviour = fresh();
    },
    close: () => new Promise<void>((resolve) => {
      for (const c of server.connections) c._socket.destroy();
      server.close(() => resolve());
    }),
  };
}
