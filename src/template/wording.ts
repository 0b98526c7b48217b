import type { Trade } from '../data/index.js';
import type { Messages } from './messages.js';

/** Placeholder values for the phrases that name the reporter and partner. */
export type WordingValues = {
  readonly reporter: string;
  readonly partner: string;
  readonly reporterAdjective: string;
  readonly toPartner: string;
  readonly fromPartner: string;
};

function fill(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (Object.hasOwn(values, name) ? values[name] ?? m : m));
}

/**
 * The words for `{reporterAdjective}`, `{toPartner}` and `{fromPartner}` in catalog phrases.
 * The data's `trade.wording` comes first: a translator writes there the grammar a catalog
 * cannot know ("au Japon", "aux États-Unis"). Then, for the adjective only, the catalog's
 * `adjective.<reporter>` (so data written before `wording` existed reads as before); then the
 * catalog's `wording.<name>` pattern over `{reporter}` and `{partner}`; then the bare name.
 */
export function tradeWording(trade: Trade | undefined, messages: Messages): WordingValues | undefined {
  if (!trade) return undefined;
  const names = { reporter: trade.reporter, partner: trade.partner };
  const own = (key: string): string | undefined => (Object.hasOwn(messages, key) ? messages[key] : undefined);
  const pattern = (key: string, bare: string): string => {
    const p = own(`wording.${key}`);
    return p === undefined ? bare : fill(p, names);
  };
  const w = trade.wording ?? {};
  return {
    ...names,
    reporterAdjective: w.reporterAdjective ?? own(`adjective.${trade.reporter}`) ?? pattern('reporterAdjective', trade.reporter),
    toPartner: w.toPartner ?? pattern('toPartner', trade.partner),
    fromPartner: w.fromPartner ?? pattern('fromPartner', trade.partner),
  };
}
