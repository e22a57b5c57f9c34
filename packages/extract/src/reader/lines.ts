import { MARKING } from '../fields/markings.js';

/** Line classifiers shared by the header and body readers. All regexes are anchored and linear. */

/** Classification banner: "UNCLAS SECTION 01 OF 02 HANOI 003294", "C O N F I D E N T I A L MANAMA 000014". */
export const BANNER =
  /(UNCLAS(?:SIFIED)?|C O N F I D E N T I A L|S E C R E T|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE|L I M I T E D O F F I C I A L U S E)(?: (?:E F T O|EFTO|NOFORN|N O F O R N))?(?: +SECTION +\d{1,2} +[OG0]F +\d{1,2})? +([A-Z][A-Z'.]*(?: [A-Z][A-Z'.]*){0,3}) +([0-9A-Z]{0,3}\d[0-9A-Z]{0,7})(?![A-Za-z0-9])/;

const BARE_CLASSIFICATION =
  /^(UNCLAS(?:SIFIED)?|C O N F I D E N T I A L|S E C R E T|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE|UNCLASSIFIED\/\/FOR OFFICIAL USE ONLY)(?: +[A-Z]{1,4}\d{2,8})?$/;
const PAGE_BREAK = /^[A-Z][A-Z .']{1,30} \d{6,10} +\d{3}(?:\.\d)? +OF +\d{3}$/;
const PAGE_HEADER = /^PAGE \d{2,3} +[A-Z][A-Z.']{1,20}(?: [A-Z][A-Z.']{1,20}){0,2} +\d{2,7}(?: +\d{2} +OF +\d{2})? +\d{6}Z\b/;
const SECTION_LINE = /^SECTION \d{1,2} +OF +\d{1,2}$/;
const HANDLING_NOISE = /^(?:(?:SIPDIS|SENSITIVE|NOFORN)\s*)+$/;

/** A full-line classification banner with station and serial (own-cable banner or a continuation page). */
export function isBannerLine(t: string): boolean {
  const first = t.charCodeAt(0);
  if (t.length > 120 || (first !== 0x55 && first !== 0x43 && first !== 0x53 && first !== 0x4c)) return false;
  const m = BANNER.exec(t);
  return m !== null && m.index === 0 && m[0].length === t.length;
}

/** The station and serial a banner names: "UNCLAS SECTION 01 OF 02 SAN JOSE 000481" → SAN JOSE, 000481. */
export function bannerParts(t: string): { station: string; serial: string } | null {
  if (t.length > 400) return null;
  const m = BANNER.exec(t);
  return m ? { station: m[2]!, serial: m[3]! } : null;
}

/** Where a banner starts inside a routing line ("...PRIORITYUNCLAS REYKJAVIK 000215"), or -1. */
export function bannerIndex(t: string): number {
  if (t.length > 400) return -1;
  const m = BANNER.exec(t);
  return m ? m.index : -1;
}

/** Page breaks, page headers, section headers and bare classification lines: never cable text. */
export function isLayoutNoise(t: string): boolean {
  if (t.length > 120) return false;
  return PAGE_BREAK.test(t) || PAGE_HEADER.test(t) || SECTION_LINE.test(t) || BARE_CLASSIFICATION.test(t) || t === 'NNNN' || t === 'NNN' || t === 'BT';
}

/** SIPDIS / SENSITIVE / NOFORN alone on a line (they interrupt sentences in the body). */
export function isHandlingNoise(t: string): boolean {
  return t.length <= 60 && HANDLING_NOISE.test(t);
}

/** A line of dashes (spaces allowed after the first three): "-------", "--------------------------------------------- --". */
export function isDashed(t: string): boolean {
  if (t.length < 3 || !t.startsWith('---')) return false;
  for (let k = 3; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (c !== 0x2d && c !== 0x20) return false;
  }
  return true;
}

/** Header field markers at the start of a segment. */
export const FIELD_MARKERS: { field: HeaderField; re: RegExp }[] = [
  { field: 'eo', re: /^(?:E\.? ?[OM]\.?|EO) ?1\d{4}\b/i },
  { field: 'tags', re: /^(?:TAGS?|TAS|TGS|TAGES)\s*[:;]/i },
  { field: 'tags', re: /^TAGS [A-Z]{2,6}(?: |,|$)/ },
  { field: 'subject', re: /^(?:SUBJ(?:ECT)?|UBJECT|SUBJET|SUBECT|SUJBECT)\s*[:;.]/i },
  { field: 'ref', re: /^(?:REFS?|REFTELS?|REFERENCES?)\s*[:;]|^REF\s+[A-Z]\s*:/i },
  { field: 'classifiedBy', re: /^Classified\s+By\s*:?/i },
];

export type HeaderField = 'eo' | 'tags' | 'subject' | 'ref' | 'classifiedBy';

/** Positions where a header line holds a further field ("DEPT FOR NEA/MAG AND DRL E.O. 12958: ..."). */
const MID_MARKER = /\s(?=E\.? ?[OM]\.? ?1\d{4}\b|(?:TAGS|TAS|TGS|TAGES)\s*:|(?:SUBJECT|SUBJ|UBJECT)\s*:|REFS?\s*:|Classified By\s*:|CLASSIFIED BY\s*:)/g;

/** A label glued to the word before it: "...CAIROClassified By:", "...RELEASEDSUBJECT:". */
const GLUED_MARKER = /[A-Za-z0-9.)](?=Classified By\s*:|CLASSIFIED BY\s*:|SUBJECT\s*:|TAGS\s*:)/g;

export function fieldSplits(t: string): number[] {
  if (t.length > 2000) return [];
  const out: number[] = [];
  MID_MARKER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MID_MARKER.exec(t)) !== null) {
    out.push(m.index + 1);
    MID_MARKER.lastIndex = m.index + 1;
  }
  GLUED_MARKER.lastIndex = 0;
  while ((m = GLUED_MARKER.exec(t)) !== null) out.push(m.index + 1);
  return out.sort((a, b) => a - b);
}

export function fieldAt(t: string): HeaderField | null {
  const first = t.charCodeAt(0) | 0x20;
  if (first !== 0x65 && first !== 0x74 && first !== 0x73 && first !== 0x72 && first !== 0x63 && first !== 0x75) return null;
  for (const { field, re } of FIELD_MARKERS) if (re.test(t)) return field;
  return null;
}

/** A numbered paragraph start: "¶5.", "5. (SBU)", "1.(C)", "21A." (not a year such as "2008."). */
export const NUMBERED = /^¶?\s?(\d{1,3})([A-Z](?:-[A-Z])?)?\s?\.(?!\d)\s*/;
/** A strong paragraph start that may begin mid-block: a ¶ marker or a number followed by a marking. */
export function isStrongParagraphStart(t: string): boolean {
  if (/^¶\s?\d{1,3}[A-Z]?\s?\./.test(t)) return true;
  const m = /^\d{1,3}[A-Z]?\s?\.\s*/.exec(t);
  return m !== null && MARKING.test(t.slice(m[0].length));
}

/** A page-break marker inside a reflowed line: "... a TRIPOLI 00000220 002 OF 003 visit ...". */
const INLINE_PAGE_BREAK = /(?:^| )[A-Z][A-Z'.]{1,20}(?: [A-Z][A-Z'.]{1,20}){0,2} \d{8} +\d{3}(?:\.\d)? +OF +\d{3}(?= |$)/;

const EIGHT_DIGITS = /\d{8}/;

/** [start, end) of an inline page-break marker in `t` (including one leading space), or null. */
export function inlinePageBreak(t: string): [number, number] | null {
  // " OF " and eight digits are tested first: most lines have no marker, and the pattern is slow to fail.
  if (t.length < 20 || !t.includes(' OF ') || !EIGHT_DIGITS.test(t)) return null;
  const m = INLINE_PAGE_BREAK.exec(t);
  return m ? [m.index, m.index + m[0].length] : null;
}

/**
 * A dashed heading glued to the end of a reflowed line: "... subside. ------ Continued GOE Commitment ------".
 * Returns { textEnd, titleStart, titleEnd } or null. Scans back from the end once (no regex backtracking).
 */
export function trailingHeading(t: string): { textEnd: number; titleStart: number; titleEnd: number } | null {
  if (t.length < 12 || t.charCodeAt(t.length - 1) !== 0x2d) return null;
  const isDashOrSpace = (k: number): boolean => t.charCodeAt(k) === 0x2d || t.charCodeAt(k) === 0x20;
  let k = t.length - 1;
  let dashes = 0;
  while (k >= 0 && isDashOrSpace(k)) {
    if (t.charCodeAt(k) === 0x2d) dashes++;
    k--;
  }
  if (dashes < 5 || k < 0) return null;
  const titleEnd = k + 1;
  while (k >= 0 && t.charCodeAt(k) !== 0x2d && titleEnd - k <= 121) k--;
  if (k < 0 || t.charCodeAt(k) !== 0x2d) return headingAfterSentence(t, titleEnd);
  let titleStart = k + 1;
  while (titleStart < titleEnd && t.charCodeAt(titleStart) === 0x20) titleStart++;
  if (titleStart >= titleEnd) return null;
  dashes = 0;
  while (k >= 0 && isDashOrSpace(k)) {
    if (t.charCodeAt(k) === 0x2d) dashes++;
    k--;
  }
  if (dashes < 5 || t.charCodeAt(k + 1) !== 0x20) return headingAfterSentence(t, titleEnd);
  return { textEnd: k + 1, titleStart, titleEnd };
}

/**
 * A heading with its dashes after it only, glued after the last sentence of a reflowed paragraph:
 * "... to Christianity. End Summary. Bogus Support Staff -------------------". The title is at most eight
 * words after a sentence end and starts with a capital.
 */
function headingAfterSentence(t: string, titleEnd: number): { textEnd: number; titleStart: number; titleEnd: number } | null {
  let k = titleEnd - 1;
  while (k >= 0 && titleEnd - k <= 80 && !(t.charCodeAt(k) === 0x20 && /[.!?:"')]/.test(t[k - 1] ?? ''))) k--;
  if (titleEnd - k > 80) return null;
  const title = t.slice(k + 1, titleEnd);
  if (!/^[A-Z][^.]*$/.test(title) || title.split(' ').length > 8) return null;
  return { textEnd: Math.max(k, 0), titleStart: k + 1, titleEnd };
}
