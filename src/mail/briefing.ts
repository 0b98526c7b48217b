/**
 * From a built briefing to a mail attachment: its PDF, file name, and the key figures the
 * message body shows (the same figures and labels as the fact sheet's key-figures panel).
 */
import type { Briefing } from '../data/index.js';
import { loadMessages } from '../template/index.js';
import { tradeWording } from '../template/index.js';
import { TEMPLATES_DIR } from '../template/index.js';
import { formatMoney, formatPercent } from '../util/index.js';
import { safeFileName } from './message.js';
import type { KeyFigure, MailAttachment } from './types.js';

function fill(template: string | undefined, values: Readonly<Record<string, string | number>>): string | undefined {
  return template?.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/**
 * The key figures of a briefing's latest trade year: two-way trade, exports and imports
 * (with their growth), and the balance. Empty when the briefing has no trade data.
 */
export function keyFiguresOf(b: Briefing, templatesDir: string = TEMPLATES_DIR): { title?: string; figures: KeyFigure[] } {
  const trade = b.trade;
  const latest = trade?.years.at(-1);
  if (!trade || !latest) return { figures: [] };
  let messages: Readonly<Record<string, string>> = {};
  try {
    messages = loadMessages(templatesDir, b.language);
  } catch { /* fall back to the English labels below */ }
  const money = (v: number, signed = false): string =>
    formatMoney(v, b.language, { currency: trade.currency, unit: trade.unit, style: 'long', ...(signed ? { signed } : {}) });
  const growth = (measure: string): string => {
    const g = trade.growth.find((x) => x.measure === measure && x.year === latest.year);
    return g ? ` (${formatPercent(g.percent, b.language, { signed: true })})` : '';
  };
  const v = { year: latest.year, currency: trade.currency, ...tradeWording(trade, messages) };
  const label = (key: string, fallback: string): string => fill(messages[key], v) ?? fill(fallback, v) ?? fallback;
  const title = fill(messages['keyFigures'], v);
  return {
    ...(title ? { title } : {}),
    figures: [
      { label: label('twoWayTrade', 'Two-way trade, {year}'), value: money(latest.twoWay) },
      { label: label('exportsTo', 'Exports to {partner}') + growth('exports'), value: money(latest.exports) },
      { label: label('importsFrom', 'Imports from {partner}') + growth('imports'), value: money(latest.imports) },
      { label: label('balance', 'Trade balance, {year}'), value: money(latest.balance, true) },
    ],
  };
}

/** The attachment for a built briefing: `<id>.pdf` with its title, date, marking and key figures. */
export function briefingAttachment(b: Briefing, pdf: Buffer, templatesDir?: string): MailAttachment {
  const k = keyFiguresOf(b, templatesDir);
  return {
    fileName: safeFileName(b.id),
    pdf,
    title: b.title,
    date: b.date,
    classification: b.classification,
    language: b.language,
    keyFigures: k.figures,
    ...(k.title ? { keyFiguresTitle: k.title } : {}),
  };
}
