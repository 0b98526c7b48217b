/**
 * Mail words come from the message catalogs like every other printed word: a Korean briefing's
 * message is written in Korean, French plurals follow the language's rules, and a language
 * without a catalog falls back to English.
 */
import { describe, expect, it } from 'vitest';
import { subjectOf, textBody } from '../../src/mail/content.js';
import type { MailAttachment } from '../../src/mail/types.js';

const att = (language: string, n = 0): MailAttachment => ({
  fileName: `b${n}.pdf`, pdf: Buffer.alloc(2048), title: `Briefing ${n}`, date: '1995-10-01', classification: 'UNCLASSIFIED', language, keyFigures: [],
});

describe('mail words by language', () => {
  it.each([
    ['en', 'The briefing below is attached as a PDF.', 'Attached'],
    ['fr', 'Le document d’information ci-dessous est joint en PDF.', 'Pièce jointe'],
    ['ko', '아래 브리핑 자료를 PDF로 첨부합니다.', '첨부'],
  ])('%s: the body says it in the catalog words', (lang, sentence, attached) => {
    const body = textBody([att(lang)], 'UNCLASSIFIED');
    expect(body).toContain(sentence);
    expect(body).toContain(attached);
  });

  it('French counts "et 1 autre" / "et 2 autres" in a pack subject; Korean "외 2건"', () => {
    expect(subjectOf([att('fr', 1), att('fr', 2)])).toContain('et 1 autre ');
    expect(subjectOf([att('fr', 1), att('fr', 2), att('fr', 3)])).toContain('et 2 autres');
    expect(subjectOf([att('ko', 1), att('ko', 2), att('ko', 3)])).toContain('외 2건');
  });

  it('a language without a catalog is written in English', () => {
    expect(textBody([att('de')], 'UNCLASSIFIED')).toContain('The briefing below is attached as a PDF.');
  });
});
