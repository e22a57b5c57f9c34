import { MARKING } from './markings.js';

/** Where a SUBJECT line runs on into the next header field. */
const RUN_ON = /\s(REFS?\s*:|REF\s+[A-Z]\s*:|REFTELS?\s*:|Classified\s+By\s*:|CLASSIFIED\s+BY\s*:|E\.O\.\s*1\d{4}|TAGS\s*:)/;

/**
 * SUBJECT text → subject: the "SUBJECT:"/"SUBJ:" prefix removed, lines joined with one space, portion
 * markings such as (U) or (SBU) removed, and cut before a run-on "REF:" or "Classified By:".
 */
export function parseSubject(text: string): string {
  let s = ` ${text.replace(/\s+/g, ' ').trim()}`;
  s = s.replace(/^\s*SUBJ(?:ECT)?\s*[:.]?\s*/i, ' ');
  const runOn = RUN_ON.exec(s);
  if (runOn) s = s.slice(0, runOn.index);
  s = s.trim();
  for (let k = 0; k < 3; k++) {
    const m = MARKING.exec(s);
    if (!m) break;
    s = s.slice(m[0].length).trim();
  }
  s = s.replace(/\s\(\s*(?:U|SBU|C|S|FOUO)\s*\)\s*$/i, '');
  return s.replace(/\s+/g, ' ').trim();
}
