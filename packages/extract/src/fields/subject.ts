import { MARKING } from './markings.js';
import { isDocument, locateField, stripPageResidue } from './locate.js';

/** Where a SUBJECT line runs on into the next header field or into a repeated header. */
const RUN_ON =
  /\s(?:REFS?\s*:|REF\s+[A-Z]\s*:|REFTELS?\s*:|Classified\s+By\s*:|CLASSIFIED\s+BY\s*:|E\.O\.\s*1\d{4}|TAGS\s*:|C O N F I D E N T I A L|S E C R E T|UNCLAS(?:SIFIED)? SECTION \d|(?:UNCLAS|CONFIDENTIAL|SECRET) [A-Z]{3,20} \d{6}\b|SECTION \d{1,2} OF \d{1,2}\b|SIPDIS\b|END SUBJECT|Refs?\(s\)\s*:|REF [A-Z]\. |SENSITIVE BUT UNCLASSIFIED|Sensitive [Bb]ut [Uu]nclassified)/;

/** A line of prose under an upper-case subject: "This is an Action request. Please see para 2." */
function withoutProseLines(located: string): string {
  const lines = located.split('\n');
  const first = lines.findIndex((l) => /[A-Z]{2}/.test(l));
  if (first < 0 || /[a-z]/.test(lines[first]!)) return located;
  const prose = lines.findIndex((l, k) => k > first && /[a-z]{2,}(?:\s+\S+){2,}/.test(l) && /[a-z]{2,} [a-z]{2,}/.test(l));
  return prose < 0 ? located : lines.slice(0, prose).join('\n');
}

/**
 * The subject from a SUBJECT line, or from any text that holds one (a header chunk, a routing header, a whole
 * cable; the first SUBJECT there): the label removed (`SUBJECT:`, `SUBJ:`, `Subject;`, `UBJECT:`, glued to the word before), lines
 * joined with one space, page-break residue removed, portion markings such as (U) or (SBU) removed, and cut
 * before a run-on `REF:`, `Ref(s):`, a `REF A.` line, `Classified By:`, `E.O.`, `TAGS:`, SENSITIVE BUT UNCLASSIFIED,
 * a repeated classification banner or a line of prose under an upper-case subject. With `clean: false` the
 * portion markings stay as written ("(S) GERMANY TAKING ACTION ...").
 */
export function parseSubject(text: string, { clean = true }: { clean?: boolean } = {}): string {
  const located = withoutProseLines(locateField(text, 'subject')[0] ?? (isDocument(text) ? '' : text));
  // a database-row export ends almost every line with a lone backslash: it is no part of the subject
  // a hyphen at the end of a line joins the words around it: "US- \nLATIN" → "US-LATIN"
  let s = ` ${stripPageResidue(located)
    .replace(/(?<=[A-Za-z])-[ \t]*\n\s*(?=[A-Za-z])/g, '-')
    .replace(/(?<=^|\s)\\(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()}`;
  s = s.replace(/^\s*SUBJ(?:ECT)?\s*[:.;]?\s*/i, ' ');
  const runOn = RUN_ON.exec(s);
  if (runOn) s = s.slice(0, runOn.index);
  s = s.trim();
  if (!clean) return s;
  // a cable typed all in lower case marks its portions so too: "(s) following-up with germany"
  const lowerCase = s === s.toLowerCase();
  for (let k = 0; k < 3; k++) {
    const m = MARKING.exec(lowerCase ? s.toUpperCase() : s);
    if (!m) break;
    s = s.slice(m[0].length).trim();
  }
  s = s.replace(/\s\(\s*(?:U|SBU|C|S|FOUO)\s*\)\s*$/i, '');
  return s.replace(/\s+/g, ' ').trim();
}

/** A portion marking the publisher's title kept without its opening parenthesis: "C) ICC'S OCAMPO", "s) following-up". */
const ORPHAN_MARKING = /^(?:U|C|S|TS|SBU|FOUO|LOU|NF)(?:\/\/[A-Z]{2,10})?\)\s+/i;

/** The subject from the publisher's title, for a cable without a SUBJECT line: a marking cut in half dropped, then as parseSubject. */
export function parseTitleSubject(title: string): string {
  return parseSubject(title.trim().replace(ORPHAN_MARKING, ''));
}
