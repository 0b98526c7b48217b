/* global process, console, TextDecoder */
// Makes assets/fonts/NotoSansSC_400Regular_Han.ttf: the ideographs of the national standard
// sets (GB 2312 levels 1-2, Big5 levels 1-2, JIS X 0208 levels 1-2) that Noto Sans KR lacks,
// cut from Noto Sans SC (10.5 MB whole; this subset 3.1 MB, 8,700 ideographs). Run by hand,
// not at install, in a folder where the two packages below are installed:
//   npm install @expo-google-fonts/noto-sans-sc@0.4.3 subset-font@2.9.0
//   node subset-han.mjs <briefkit root>
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(join(process.cwd(), 'x.js'));
const subsetFont = require('subset-font');
const fontkit = require(join(process.argv[2] ?? '.', 'node_modules/fontkit'));
const root = process.argv[2] ?? '.';

const han = /\p{Script=Han}/u;
const set = new Set();
const range = (a, b) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
// Each standard's ideograph rows, decoded with the encodings every JavaScript engine has.
const decode = (enc, leads, trails) => {
  const d = new TextDecoder(enc);
  for (const a of leads) for (const b of trails) {
    const s = d.decode(new Uint8Array([a, b]));
    if (s.length <= 2 && han.test(s)) set.add(s.codePointAt(0));
  }
};
decode('gb18030', range(0xb0, 0xf7), range(0xa1, 0xfe));
decode('big5', range(0xa4, 0xf9), [...range(0x40, 0x7e), ...range(0xa1, 0xfe)]);
decode('euc-jp', range(0xb0, 0xf4), range(0xa1, 0xfe));

const kr = fontkit.openSync(join(root, 'assets/fonts/NotoSansKR_400Regular.ttf'));
const src = readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'));
const sc = fontkit.create(src);
const want = [...set].filter((c) => !kr.hasGlyphForCodePoint(c) && sc.hasGlyphForCodePoint(c)).sort((a, b) => a - b);
const out = await subsetFont(src, String.fromCodePoint(...want), { targetFormat: 'truetype' });
writeFileSync(join(root, 'assets/fonts/NotoSansSC_400Regular_Han.ttf'), out);
console.log(`${want.length} ideographs, ${out.length} bytes`);
