/**
 * What a message says: subject, marking, plain-text and HTML bodies. All data is untrusted:
 * it is escaped for HTML and stripped of line breaks where it goes into a header.
 */
import { combineMarkings, defaultScheme, formatMarking, markingBanner, readMarking } from '../marking/index.js';
import { loadMessages, TEMPLATES_DIR } from '../template/index.js';
import type { Messages } from '../template/index.js';
import { formatDate } from '../util/index.js';
import type { MailAttachment } from './types.js';

/** The words a message is written with, in one language. */
interface Words {
  readonly one: string;
  readonly many: string;
  readonly attached: string;
  readonly marking: string;
  more(n: number): string;
  readonly kb: string;
}

/**
 * The mail wording for a language, from the message catalogs (`mail.*` keys) like every other
 * word briefkit prints; English for a language without a catalog.
 */
function wordsOf(lang: string): Words {
  let m: Messages;
  try {
    m = loadMessages(TEMPLATES_DIR, lang);
  } catch {
    m = loadMessages(TEMPLATES_DIR, 'en');
    lang = 'en';
  }
  const get = (key: string): string => m[key] ?? key;
  const plural = new Intl.PluralRules(lang);
  return {
    one: get('mail.one'), many: get('mail.many'), attached: get('mail.attached'), marking: get('mail.marking'), kb: get('mail.kb'),
    more: (n) => (m[`mail.more.${plural.select(n)}`] ?? get('mail.more.other')).replace('{n}', String(n)),
  };
}

/** Collapses whitespace and removes control characters (no header injection, no odd breaks). */
export function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/**
 * The marking of a message: its attachments' markings combined (highest level, every caveat)
 * as a banner in the message's language. An attachment whose marking cannot be read stops the
 * message with `marking/unknown` (a `UserError`): a message is never marked lower than what
 * it carries.
 */
export function markingOf(attachments: readonly MailAttachment[]): string {
  const marks = attachments.map((a) => readMarking(a.classification, defaultScheme, { path: `attachment ${a.fileName}` }));
  return formatMarking(combineMarkings(marks, defaultScheme), defaultScheme, attachments[0]?.language ?? 'en');
}

/** One attachment's own banner, in its language. */
function ownMarking(a: MailAttachment): string {
  return markingBanner(a.classification, defaultScheme, a.language);
}

/** The latest ISO date of the attachments. */
export function latestDate(attachments: readonly MailAttachment[]): string {
  return attachments.map((a) => a.date).sort().at(-1) ?? '1970-01-01';
}

/**
 * `[UNCLASSIFIED] Canada – Republic of Korea – 1 October 1995`. A pack reads
 * `<first title> and N more – <latest date>`; a given subject keeps the marking in front.
 */
export function subjectOf(attachments: readonly MailAttachment[], given?: string): string {
  const marking = markingOf(attachments);
  const first = attachments[0];
  const lang = first?.language ?? 'en';
  let body: string;
  if (given !== undefined && oneLine(given)) {
    body = oneLine(given);
    if (body.startsWith(`[${marking}]`)) return body;
  } else {
    const title = oneLine(first?.title ?? '');
    const extra = attachments.length > 1 ? ` ${wordsOf(lang).more(attachments.length - 1)}` : '';
    body = `${title}${extra} – ${formatDate(latestDate(attachments), lang)}`;
  }
  return `[${marking}] ${body}`;
}

function size(bytes: number, lang: string): string {
  return `${Math.max(1, Math.round(bytes / 1024))}\u00a0${wordsOf(lang).kb}`;
}

/** The plain-text body: marking, what is attached, each briefing's key figures, marking. */
export function textBody(attachments: readonly MailAttachment[], marking: string): string {
  const lang = attachments[0]?.language ?? 'en';
  const s = wordsOf(lang);
  const lines: string[] = [marking, '', attachments.length > 1 ? s.many : s.one];
  for (const a of attachments) {
    const al = wordsOf(a.language);
    lines.push('', oneLine(a.title), formatDate(a.date, a.language));
    if (attachments.length > 1) lines.push(`${al.marking}: ${ownMarking(a)}`);
    lines.push(`${al.attached}: ${a.fileName} (${size(a.pdf.length, a.language)})`);
    if (a.keyFigures.length) {
      lines.push('');
      if (a.keyFiguresTitle) lines.push(oneLine(a.keyFiguresTitle));
      for (const f of a.keyFigures) lines.push(`- ${oneLine(f.label)}: ${oneLine(f.value)}`);
    }
  }
  lines.push('', marking, '');
  return lines.join('\n');
}

const MARK_STYLE = 'margin:0;padding:6px 0;text-align:center;font-weight:bold;letter-spacing:0.05em';
const CELL = 'padding:2px 12px 2px 0;text-align:left;vertical-align:top';

/** The HTML body: the same content as {@link textBody}, every value escaped. */
export function htmlBody(attachments: readonly MailAttachment[], marking: string, subject: string): string {
  const lang = attachments[0]?.language ?? 'en';
  const s = wordsOf(lang);
  const e = escapeHtml;
  const parts: string[] = [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    `<head><meta charset="utf-8"><title>${e(subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1a1a1a">',
    `<p style="${MARK_STYLE}">${e(marking)}</p>`,
    `<p>${e(attachments.length > 1 ? s.many : s.one)}</p>`,
  ];
  for (const a of attachments) {
    const al = wordsOf(a.language);
    parts.push(
      `<div lang="${a.language}">`,
      `<h2 style="font-size:18px;margin:16px 0 4px">${e(oneLine(a.title))}</h2>`,
      `<p style="margin:0 0 8px">${e(formatDate(a.date, a.language))}<br>`,
      ...(attachments.length > 1 ? [`${e(al.marking)}: ${e(ownMarking(a))}<br>`] : []),
      `${e(al.attached)}: <strong>${e(a.fileName)}</strong> (${e(size(a.pdf.length, a.language))})</p>`,
    );
    if (a.keyFigures.length) {
      parts.push('<table style="border-collapse:collapse;margin:0 0 8px">');
      if (a.keyFiguresTitle) parts.push(`<caption style="text-align:left;font-weight:bold;padding:0 0 4px">${e(oneLine(a.keyFiguresTitle))}</caption>`);
      for (const f of a.keyFigures) {
        parts.push(`<tr><th scope="row" style="${CELL};font-weight:normal">${e(oneLine(f.label))}</th><td style="${CELL};font-weight:bold">${e(oneLine(f.value))}</td></tr>`);
      }
      parts.push('</table>');
    }
    parts.push('</div>');
  }
  parts.push(`<p style="${MARK_STYLE}">${e(marking)}</p>`, '</body>', '</html>', '');
  return parts.join('\n');
}
