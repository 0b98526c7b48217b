/**
 * Shared test inputs: the real briefing built by the pipeline (or, if the pipeline cannot
 * build it, the loaded briefing with a small fixed PDF), and SMTP settings for the test server.
 */
import { loadBriefing } from '../../src/data/index.js';
import type { Briefing } from '../../src/data/types.js';
import { briefingAttachment } from '../../src/mail/briefing.js';
import { Secret } from '../../src/mail/secret.js';
import type { MailAttachment, SmtpConfig } from '../../src/mail/types.js';
import { PASS, USER } from './server.js';

export const BRIEFING_FILE = 'data/briefings/canada-korea-1995.yaml';
export const FROM = 'Briefings <briefings@example.org>';
export const FAST_RETRIES = { attempts: 3, baseDelayMs: 10 } as const;

export interface RealBriefing {
  readonly briefing: Briefing;
  readonly pdf: Buffer;
  /** True when the PDF came from buildBriefing; false for the fixed stand-in. */
  readonly fromPipeline: boolean;
  readonly attachment: MailAttachment;
}

let cached: Promise<RealBriefing> | undefined;

/** The real briefing and its PDF, built once per test file. */
export function realBriefing(): Promise<RealBriefing> {
  cached ??= (async () => {
    try {
      const { buildBriefing } = await import('../../src/build/index.js');
      const r = await buildBriefing({ file: BRIEFING_FILE });
      if (r.ok) return { briefing: r.briefing, pdf: r.pdf, fromPipeline: true, attachment: briefingAttachment(r.briefing, r.pdf) };
    } catch { /* the pipeline is not complete: use the stand-in below */ }
    const l = loadBriefing({ file: BRIEFING_FILE });
    if (!l.ok) throw new Error('the real briefing must load');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), Buffer.alloc(4096, 7), Buffer.from('\n%%EOF\n')]);
    return { briefing: l.value.briefing, pdf, fromPipeline: false, attachment: briefingAttachment(l.value.briefing, pdf) };
  })();
  return cached;
}

/** SMTP settings for a test server: STARTTLS, AUTH, the self-signed certificate accepted (tests only). */
export function smtpFor(port: number, o: Partial<SmtpConfig> & { password?: string } = {}): SmtpConfig {
  const { password, ...rest } = o;
  return {
    host: '127.0.0.1',
    port,
    secure: 'starttls',
    user: USER,
    pass: new Secret(password ?? PASS),
    tls: { rejectUnauthorized: false },
    timeoutMs: 5000,
    ...rest,
  };
}
