import { isoDate, monthNumber } from '@cablepress/core';
import { isDocument, locateField } from './locate.js';

function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? (n < 70 ? 2000 + n : 1900 + n) : n;
}

/**
 * E.O. 12958 line, or any text holding one (a header chunk, a whole cable), → the declassification
 * (nondisclosure) date as an ISO date, or null ("N/A", "DECL: OADR",
 * "DECL: 1.6X1", anything without a date). Reads "DECL: 06/28/2019", "3/13/2018", "06-28-2019", "06.28.19",
 * "28/06/2019" (a first number above 12 is the day), "2019-06-28",
 * "2019/06/28", "DECL: 20190628", "DECLASSIFIED JUNE 21, 2006" and "21 JUNE 2006".
 */
export function parseNondisclosureDeadline(text: string): string | null {
  const located = locateField(text, 'eo')[0];
  if (located === undefined && isDocument(text)) return null;
  const t = (located ?? text).toUpperCase();
  let m = /\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})\b/.exec(t);
  if (m) {
    const [first, second] = [Number(m[1]), Number(m[3])];
    return first > 12 && second <= 12 ? isoDate(fullYear(m[4]!), second, first) : isoDate(fullYear(m[4]!), first, second);
  }
  m = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /\bDECL:? ?((?:19|20)\d{2})(\d{2})(\d{2})\b/.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /\b(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]{0,6}\.? (\d{1,2}),? (\d{4})\b/.exec(t);
  if (m) return isoDate(Number(m[3]), monthNumber(m[1]!)!, Number(m[2]));
  m = /\b(\d{1,2}) (JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]{0,6}\.? (\d{4})\b/.exec(t);
  if (m) return isoDate(Number(m[3]), monthNumber(m[2]!)!, Number(m[1]));
  return null;
}
