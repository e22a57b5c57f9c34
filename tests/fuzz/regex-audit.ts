import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { checkSync, type AttackPattern } from 'recheck';
import { findRegexes, type FoundRegex } from './regexes.js';

/** recheck's native agent on this platform, started with a small heap (support/recheck-small-heap.sh); none: recheck's own choice. */
function useSmallHeapAgent(): void {
  let native: string;
  try {
    native = createRequire(import.meta.url).resolve(`recheck-${process.platform}-${process.arch}/recheck`);
  } catch {
    return;
  }
  process.env.RECHECK_NATIVE = native;
  process.env.RECHECK_BIN = fileURLToPath(new URL('../support/recheck-small-heap.sh', import.meta.url));
}

export interface AuditedRegex extends FoundRegex {
  /** recheck's verdict: safe (linear), polynomial or exponential backtracking, or unknown (checker gave up). */
  verdict: 'safe' | 'polynomial' | 'exponential' | 'unknown';
  degree?: number;
  attack?: AttackPattern;
}

/** Checks every regular expression of packages/*\/src with recheck (automaton and fuzz checkers). */
export function auditRegexes(timeoutMs = 500): AuditedRegex[] {
  useSmallHeapAgent();
  return findRegexes().map((found) => {
    const result = checkSync(found.source, found.flags, { timeout: timeoutMs, randomSeed: 1 });
    if (result.status === 'safe') return { ...found, verdict: 'safe' };
    if (result.status === 'unknown') return { ...found, verdict: 'unknown' };
    const c = result.complexity;
    return { ...found, verdict: c.type, ...(c.type === 'polynomial' ? { degree: c.degree } : {}), attack: result.attack };
  });
}

/** recheck's attack pattern, pumped to about `size` characters. */
export function attackString(attack: AttackPattern, size: number): string {
  const pumped = attack.pumps.reduce((n, p) => n + p.pump.length, 0) || 1;
  const times = Math.max(1, Math.floor(size / pumped));
  return attack.pumps.map((p) => p.prefix + p.pump.repeat(times)).join('') + attack.suffix;
}

/** Places in a real cable where header and body readers run their expressions over a line. */
export function plantAttack(cable: string, attack: string): { place: string; text: string }[] {
  const appendTo = (prefix: RegExp): string | null => {
    const m = prefix.exec(cable);
    if (!m) return null;
    const eol = cable.indexOf('\n', m.index);
    const at = eol < 0 ? cable.length : eol;
    return cable.slice(0, at) + attack + cable.slice(at);
  };
  const firstParagraph = cable.search(/\n1\. /);
  const places: { place: string; text: string | null }[] = [
    { place: 'SUBJECT line', text: appendTo(/^SUBJECT:/m) },
    { place: 'TAGS line', text: appendTo(/^TAGS:/m) },
    { place: 'REF line', text: appendTo(/^REF:/m) },
    { place: 'E.O. line', text: appendTo(/^E\.O\. 12958:/m) },
    { place: 'routing line', text: appendTo(/^TO /m) },
    { place: 'Identifier value', text: appendTo(/^08VIENTIANE145/m) },
    { place: 'own body line', text: firstParagraph < 0 ? null : `${cable.slice(0, firstParagraph)}\n${attack}\n${cable.slice(firstParagraph)}` },
    { place: 'paragraph text', text: firstParagraph < 0 ? null : `${cable.slice(0, firstParagraph + 4)}${attack}${cable.slice(firstParagraph + 4)}` },
    { place: 'last line', text: `${cable}\n${attack}` },
  ];
  return places.filter((p): p is { place: string; text: string } => p.text !== null);
}
