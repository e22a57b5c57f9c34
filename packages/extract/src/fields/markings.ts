/**
 * Portion markings written in parentheses at the start of a paragraph or subject: (U), (C), (S), (TS),
 * (SBU), (FOUO), (LOU), (NF), with caveats after a slash: (S//NF), (C/NF), (S/REL UK), (U//FOUO).
 * Upper case only, so list letters such as "(c)" are not taken for markings.
 */
export const MARKING = /^\(\s?(U|C|S|TS|SBU|FOUO|LOU|NF)((?:\s?\/\/?\s?[A-Z][A-Z ,]{0,20}){0,3})\s?\)/;

/** The marking as written inside the parentheses, e.g. "SBU", "S//NF". */
export function markingOf(match: RegExpExecArray): string {
  return `${match[1]}${match[2] ?? ''}`
    .split('/')
    .map((part) => part.trim())
    .join('/')
    .replace(/\s+/g, ' ');
}
