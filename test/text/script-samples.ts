/** Words of each script the brief names, for tables and random mixes. */
export const SAMPLES = {
  Latin: ['Canada', 'Korea', 'trade'],
  Greek: ['Γαδχ', 'Αθήνα', 'Ελλάδα'],
  Cyrillic: ['Москва', 'Россия'],
  Arabic: ['مع', 'كندا', 'عام'],
  Hebrew: ['משרד', 'החוץ', 'ישראל'],
  Thai: ['กระทรวง', 'ประเทศ'],
  Devanagari: ['विदेश', 'मंत्रालय', 'भारत'],
  Hangul: ['대한민국', '외교부'],
  Han: ['中华人民共和国', '这说们', '中華民國', '體驗', '外務省'],
  Kana: ['こんにちは', 'カタカナ'],
  Emoji: ['😀', '🌍', '✈', '★'],
  Common: ['2024', '(', ')', '–', ',', '.', '%'],
} as const;
