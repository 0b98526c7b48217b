/**
 * A scheme's consistency rules applied to a marking read with it: which caveats exclude a
 * release list or each other, which need a minimum level. The rules are data (see
 * `MarkingScheme.rules`); this file only reads them.
 */
import { assertNever } from '../diag/index.js';
import { nameIn } from './describe.js';
import type { Marking, MarkingProblem, MarkingRule, MarkingScheme } from './types.js';

/** How a part reads in messages: its canonical name in the scheme's default language. */
function caveatName(id: string, scheme: MarkingScheme): string {
  const c = scheme.caveats.find((x) => x.id === id);
  return c ? nameIn(c.names, scheme, scheme.defaultLanguage) : id;
}

/** A release list as printed: `REL TO CAN, USA`. */
export function releaseText(codes: readonly string[], scheme: MarkingScheme): string {
  const opener = scheme.release ? nameIn(scheme.release.names, scheme, scheme.defaultLanguage) : 'REL TO';
  return `${opener} ${codes.join(', ')}`;
}

function levelName(rank: number, scheme: MarkingScheme): string {
  const l = scheme.levels[rank];
  return l ? nameIn(l.names, scheme, scheme.defaultLanguage) : String(rank);
}

function broken(rule: MarkingRule, m: Marking, scheme: MarkingScheme): MarkingProblem | undefined {
  switch (rule.kind) {
    case 'no-release': {
      const allowed = rule.allowed ?? [];
      if (!m.caveats.includes(rule.caveat) || !m.releasableTo || m.releasableTo.every((c) => allowed.includes(c))) return undefined;
      const parts = [caveatName(rule.caveat, scheme), releaseText(m.releasableTo, scheme)];
      return { kind: 'contradictory', parts, why: rule.why, fix: `remove "${parts[0] ?? ''}" or "${parts[1] ?? ''}", whichever does not apply` };
    }
    case 'excludes': {
      if (!m.caveats.includes(rule.caveat) || !m.caveats.includes(rule.other)) return undefined;
      const parts = [caveatName(rule.caveat, scheme), caveatName(rule.other, scheme)];
      return { kind: 'contradictory', parts, why: rule.why, fix: `remove "${parts[0] ?? ''}" or "${parts[1] ?? ''}", whichever does not apply` };
    }
    case 'min-level': {
      const has = rule.part === 'release' ? m.releasableTo !== undefined : m.caveats.includes(rule.part);
      const min = scheme.levels.findIndex((l) => l.id === rule.level);
      if (!has || min < 0 || m.level >= min) return undefined;
      const part = rule.part === 'release' ? releaseText(m.releasableTo ?? [], scheme) : caveatName(rule.part, scheme);
      return {
        kind: 'contradictory', parts: [levelName(m.level, scheme), part], why: rule.why,
        fix: `raise the level to ${levelName(min, scheme)} or higher, or remove "${part}"`,
      };
    }
    default:
      return assertNever(rule, 'marking rule');
  }
}

/** The first rule of the scheme the marking breaks, or undefined when it breaks none. */
export function ruleProblem(m: Marking, scheme: MarkingScheme): MarkingProblem | undefined {
  for (const rule of scheme.rules ?? []) {
    const p = broken(rule, m, scheme);
    if (p) return p;
  }
  return undefined;
}

/** What is wrong with a scheme's rules: an id that names no caveat or level of the scheme. */
export function ruleProblems(scheme: MarkingScheme): string[] {
  const caveats = new Set(scheme.caveats.map((c) => c.id));
  const levels = new Set(scheme.levels.map((l) => l.id));
  const out: string[] = [];
  const need = (ok: boolean, what: string): void => {
    if (!ok) out.push(`rules: ${what}`);
  };
  for (const r of scheme.rules ?? []) {
    switch (r.kind) {
      case 'no-release':
        need(caveats.has(r.caveat), `"${r.caveat}" is no caveat of the scheme`);
        need(scheme.release !== undefined, `"${r.caveat}" excludes release lists, but the scheme has none`);
        break;
      case 'excludes':
        need(caveats.has(r.caveat), `"${r.caveat}" is no caveat of the scheme`);
        need(caveats.has(r.other), `"${r.other}" is no caveat of the scheme`);
        break;
      case 'min-level':
        need(r.part === 'release' || caveats.has(r.part), `"${r.part}" is no caveat of the scheme`);
        need(levels.has(r.level), `"${r.level}" is no level of the scheme`);
        break;
      default:
        assertNever(r, 'marking rule');
    }
  }
  return out;
}

/**
 * Names a scheme leaves to the default language: for every language some name of the scheme
 * is given in, each level, caveat or release opener without a name in it, as
 * `caveat <id>: no "fr" name`. A banner in that language prints those in the default
 * language, which a scheme author should hear about when the scheme is loaded.
 */
export function languageGaps(scheme: MarkingScheme): string[] {
  const owners: [string, Readonly<Record<string, unknown>>][] = [
    ...scheme.levels.map((l): [string, Readonly<Record<string, unknown>>] => [`level ${l.id}`, l.names]),
    ...scheme.caveats.map((c): [string, Readonly<Record<string, unknown>>] => [`caveat ${c.id}`, c.names]),
    ...(scheme.release ? [['release', scheme.release.names] as [string, Readonly<Record<string, unknown>>]] : []),
  ];
  const langs = [...new Set(owners.flatMap(([, n]) => Object.keys(n)))].filter((l) => l !== scheme.defaultLanguage).sort();
  return owners.flatMap(([owner, names]) => langs.filter((l) => names[l] === undefined).map((l) => `${owner}: no "${l}" name`));
}
