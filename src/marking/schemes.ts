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
};

/** NATO classifications, lowest first, in English and French, with the ATOMAL caveat. */
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
