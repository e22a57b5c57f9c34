import { MARKING } from './markings.js';
import { isDocument, locateField, stripPageResidue } from './locate.js';

/** Where a SUBJECT line runs on into the next header field or into a repeated header. */
const RUN_ON =
  /\s(?:REFS?\s*:|REF\s+[A-Z]\s*:|REFTELS?\s*:|Classified\s+By\s*:|CLASSIFIED\s+BY\s*:|E\.O\.\s*1\d{4}|TAGS\s*:|C O N F I D E N T I A L|S E C R E T|UNCLAS(?:SIFIED)? SECTION \d|(?:UNCLAS|CONFIDENTIAL|SECRET) [A-Z]{3,20} \d{6}\b|SECTION \d{1,2} OF \d{1,2}\b|SIPDIS\b|END SUBJECT)/;

/**
 * The subject from a SUBJECT line, or from any text that holds one (a header chunk, a routing header, a whole
 * cable; the first SUBJECT there): the label removed (`SUBJECT:`, `SUBJ:`, `Subject;`, `UBJECT:`, glued to the word before), lines
 * joined with one space, page-break residue removed, portion markings such as (U) or (SBU) removed, and cut
 * before a run-on `REF:`, `Classified By:`, `E.O.`, `TAGS:` or a repeated classification banner.
 */
export function parseSubject(text: string): string {
  const located = locateField(text, 'subject')[0] ?? (isDocument(text) ? '' : text);
  // a database-row export ends almost every line with a lone backslash: it is no part of the subject
  let s = ` ${stripPageResidue(located).replace(/(?<=^|\s)\\(?=\s|$)/g, ' ').replace(/\s+/g, ' ').trim()}`;
  s = s.replace(/^\s*SUBJ(?:ECT)?\s*[:.;]?\s*/i, ' ');
  const runOn = RUN_ON.exec(s);
  if (runOn) s = s.slice(0, runOn.index);
  s = s.trim();
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
