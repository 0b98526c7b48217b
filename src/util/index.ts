/**
 * Shared helpers below every stage (locale formats, atomic files, hashing, timing, the package
 * root); this folder imports nothing but diag, so any stage may use it.
 */
export { decimalMark, formatDate, formatMoney, formatNumber, formatOrdinal, formatPercent, localeOf, moneyDigits, ordinalCategory } from './format.js';
export { makeDir, sweepStale, tempPath, writeFileAtomic } from './fs.js';
export { fileHash, filesUnder, sha256 } from './hash.js';
export { precompiledValidator } from './precompiled.js';
export { fromRoot } from './root.js';
export { lastTimings, printTimings, resetTimings, timed, timedAsync } from './timing.js';
export { CONFIG_NAMES, findConfigFiles, isInside, projectRoot } from './paths.js';
