/**
 * The built-in marking schemes, as plain data (the shape a project's YAML scheme will have).
 */
import type { MarkingScheme } from './types.js';

const both = (en: string, fr: string, enAliases: readonly string[] = [], frAliases: readonly string[] = []) => ({
  en: { text: en, ...(enAliases.length ? { aliases: enAliases } : {}) },
  fr: { text: fr, ...(frAliases.length ? { aliases: frAliases } : {}) },
});

/**
 * Canada's security levels (Policy on Government Security), lowest first, in English and
 * French, with the caveats briefings carry and `REL TO` release lists. Accents are optional
 * when reading (`PROTEGE B` reads as `PROTÉGÉ B`).
 *
 * No Korean names, on purpose: the Government of Canada publishes its markings in its two
 * official languages only, and there is no authoritative Korean form of them. A Korean
 * document therefore prints the English marking (the default language), as a Canadian
 * document handled in Korea would carry it. Do not add translations here without a source.
 */
export const canadaScheme: MarkingScheme = {
  id: 'canada',
  defaultLanguage: 'en',
  separator: ' // ',
  printed: true,
  levels: [
    { id: 'unclassified', names: both('UNCLASSIFIED', 'NON CLASSIFIÉ', ['UNCLAS']) },
    { id: 'protected-a', names: both('PROTECTED A', 'PROTÉGÉ A') },
    { id: 'protected-b', names: both('PROTECTED B', 'PROTÉGÉ B') },
    { id: 'protected-c', names: both('PROTECTED C', 'PROTÉGÉ C') },
    { id: 'confidential', names: both('CONFIDENTIAL', 'CONFIDENTIEL') },
    { id: 'secret', names: both('SECRET', 'SECRET') },
    { id: 'top-secret', names: both('TOP SECRET', 'TRÈS SECRET') },
  ],
  caveats: [
    { id: 'ceo', names: both('CANADIAN EYES ONLY', 'RÉSERVÉ AUX CANADIENS', ['CEO', 'CAN EYES ONLY']) },
    { id: 'noforn', names: both('NOFORN', 'NOFORN', ['NO FOREIGN', 'NOT RELEASABLE TO FOREIGN NATIONALS']) },
    { id: 'cabinet', names: both('CABINET CONFIDENCE', 'CONFIDENCE DU CABINET', ['CABINET CONFIDENCES'], ['CONFIDENCES DU CABINET']) },
  ],
  release: {
    names: both('REL TO', 'REL TO', ['RELEASABLE TO']),
    // Canada first, then trigraphs alphabetically, then groups.
    codes: [
      'CAN', 'ALB', 'AUS', 'BEL', 'BGR', 'CZE', 'DEU', 'DNK', 'ESP', 'EST', 'FIN', 'FRA', 'GBR', 'GRC', 'HRV', 'HUN', 'ISL', 'ITA',
      'JPN', 'KOR', 'LTU', 'LUX', 'LVA', 'MKD', 'MNE', 'NLD', 'NOR', 'NZL', 'POL', 'PRT', 'ROU', 'SVK', 'SVN', 'SWE', 'TUR', 'USA',
      'FVEY', 'NATO',
    ],
    joiners: ['AND', 'ET'],
    whenEmpty: 'ceo',
  },
  // Dissemination controls limit who may see information; UNCLASSIFIED information is by
  // definition not safeguarded that way, so a control (or a release list, which combining
  // can turn into CANADIAN EYES ONLY) needs a protected or classified level. Release to
  // Canada alone is what CEO and NOFORN mean, so `REL TO CAN` stands with them.
  rules: [
    { kind: 'no-release', caveat: 'noforn', allowed: ['CAN'], why: 'NOFORN forbids release to any other nation' },
    { kind: 'no-release', caveat: 'ceo', allowed: ['CAN'], why: 'CANADIAN EYES ONLY forbids release to any other nation' },
    { kind: 'min-level', part: 'ceo', level: 'protected-a', why: 'a dissemination control needs a protected or classified level' },
    { kind: 'min-level', part: 'noforn', level: 'protected-a', why: 'a dissemination control needs a protected or classified level' },
    { kind: 'min-level', part: 'release', level: 'protected-a', why: 'a release list needs a protected or classified level' },
  ],
};

/**
 * NATO classifications, lowest first, in English and French (NATO's official languages, so
 * no Korean names: a Korean document prints them in English), with the ATOMAL caveat.
 */
export const natoScheme: MarkingScheme = {
  id: 'nato',
  defaultLanguage: 'en',
  separator: ' // ',
  printed: true,
  levels: [
    { id: 'nato-unclassified', names: both('NATO UNCLASSIFIED', 'NATO NON CLASSIFIÉ', ['NU']) },
    { id: 'nato-restricted', names: both('NATO RESTRICTED', 'NATO DIFFUSION RESTREINTE', ['NR']) },
    { id: 'nato-confidential', names: both('NATO CONFIDENTIAL', 'NATO CONFIDENTIEL', ['NC']) },
    { id: 'nato-secret', names: both('NATO SECRET', 'NATO SECRET', ['NS']) },
    { id: 'cosmic-top-secret', names: both('COSMIC TOP SECRET', 'COSMIC TRÈS SECRET', ['CTS']) },
  ],
  caveats: [{ id: 'atomal', names: both('ATOMAL', 'ATOMAL') }],
  // ATOMAL information is marked NATO CONFIDENTIAL ATOMAL or higher (NCA, NSAT, CTSA); there is
  // no unclassified or restricted ATOMAL.
  rules: [{ kind: 'min-level', part: 'atomal', level: 'nato-confidential', why: 'ATOMAL information is NATO CONFIDENTIAL or higher' }],
};

/**
 * No markings: a document says `UNMARKED` (or `NONE`) and nothing is printed. Any real
 * marking is an error under this scheme, so choosing it can never drop a marking silently.
 */
export const noneScheme: MarkingScheme = {
  id: 'none',
  defaultLanguage: 'en',
  separator: ' // ',
  printed: false,
  levels: [{ id: 'none', names: both('UNMARKED', 'NON MARQUÉ', ['NONE', 'NO MARKING'], ['AUCUNE', 'SANS MARQUAGE']) }],
  caveats: [],
};

/** The built-in schemes by id. */
export const builtinSchemes: Readonly<Record<string, MarkingScheme>> = { canada: canadaScheme, nato: natoScheme, none: noneScheme };

/** The scheme used until a project chooses one. */
export const defaultScheme: MarkingScheme = canadaScheme;
