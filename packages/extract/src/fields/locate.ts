import { isBannerLine, isHandlingNoise, isLayoutNoise } from '../reader/lines.js';
import { knownStation } from './station.js';

/**
 * Finds a header field in any text a field parser is given: its own line, a header chunk, a whole routing
 * header or a whole cable body. Labels are matched as people typed them (any case, with a colon, a semicolon
 * or none, misspelled, glued to the word before), and a field ends where the next begins. All regexes are
 * linear: literal alternations with bounded quantifiers.
 */

export type LocatedField = 'tags' | 'subject' | 'ref' | 'classifiedBy' | 'eo';

/**
 * Labels that open each field. Colon forms are found anywhere, any case, also glued to the word before
 * ("...PRIMEREF:", "UBJECT:"); forms without a colon count only at the start of a line.
 */
const LABELS: Record<LocatedField, RegExp[]> = {
  tags: [
    /(?<![A-Za-z])(?:TAGS?|TGS|TAS|TAGES|TAGSS|AGS|TABS) {0,3}[:;]|(?:TAGS|TAGES|TGS):|^[ \t]{0,8}TAGS,/gim,
    /^[ \t]{0,8}(?:TAGS?|TGS|TAGES)(?=[ \t]{1,3}[A-Za-z]{2,20}(?:[ \t,]|$))/gim,
  ],
  subject: [
    /(?<![A-Za-z])(?:SUBJECT|SUBJ|SUBJET|SUBECT|SUJBECT|SBJECT|SUBJEC) {0,3}[:;]|(?:SUBJECT|UBJECT|SUBJ):/gi,
    /^[ \t]{0,8}(?:SUBJECT|SUBJ)(?:\.|(?= {1,3}\())/gim,
  ],
  ref: [
    /(?<![A-Za-z])(?:REFS?|REFTELS?|REFERENCES?|REF TEL) {0,3}[:;]|(?:REF|REFS|REFTEL):/gi,
    /^[ \t]{0,8}(?:REFS?|REFTELS?)(?:\.|(?= {1,3}[([]?[A-Z][.):\]] ))/gim,
  ],
  classifiedBy: [/(?<!UN|un|Un|DE|de|De)(?:CLASS?IFI?E?D|CLASSFIED|CLASSIIFED) {0,3}BY\b(?: {0,2}[:;])?/gi],
  eo: [/(?:E\. ?[OM]\.?|(?<![A-Za-z])EO\.?|E\.O) ?1[123]\d{3}\b(?: ?:)?/gi],
};

const ALL_FIELDS: LocatedField[] = ['tags', 'subject', 'ref', 'classifiedBy', 'eo'];

/**
 * Where a field ends when no other label comes first: a blank line, a numbered paragraph, a SUMMARY line, a
 * dashed rule, a classification banner at the start of a line, or a numbered paragraph with a portion
 * marking run on inside a line ("... (b), (d) 1. (C) Summary: ...").
 */
const STOP =
  /\n[ \t]*(?=\n)|\n[ \t]*(?=¶? ?\d{1,3}[A-Z]? ?\.[ \t(]|¶|-{3}|={3}|\u2014{2}|(?:BEGIN )?SUMMARY\b|(?:UNCLAS|C O N F|S E C R|CONFIDENTIAL|SECRET|LIMITED OFFICIAL)\b|SIPDIS\b|NNNN|BT\b)| (?=¶? ?\d{1,2} ?\. ?\((?:U|C|S|SBU|FOUO|LOU|TS|S\/\/NF|C\/\/NF|S\/NF|C\/NF)\) )/g;

/** A line that opens a reference bullet: "A.", "(B)", "[C]", "D)", "E:". */
const BULLET_LINE = /^[ \t]*¶?[([]?[A-Za-z][.):\]]/;
/** A portion marking that opens a paragraph: "(U) The ambassador ...", "(C) Summary: ...". */
const MARKED_PARAGRAPH = /^[ \t]*\((?:U|SBU|FOUO|LOU|C|S|TS)(?:\/\/?[A-Z]{2,6})?\) ?(?:[A-Z][a-z]|[A-Z]{2,}[ ,][A-Z]{2,}[ ,][A-Z]{2,} [A-Z]{2,})/;

function isBulletLine(line: string): boolean {
  return BULLET_LINE.test(line) && !MARKED_PARAGRAPH.test(line);
}

/** Page-break residue: "PAGE 02 ROME 03067 211833Z", "CAIRO 00000442 002 OF 003", "TRIPOLI 00000819 001.2 OF 002". */
const PAGE_RESIDUE =
  /(?:^|[ \t]+)(?:PAGE \d{2,3} {1,3}[A-Z][A-Z.']{1,20}(?: [A-Z][A-Z.']{1,20}){0,2} {1,3}\d{2,7}(?: {1,3}\d{2} {1,3}OF {1,3}\d{2})? {1,3}\d{6}Z|[A-Z][A-Z'.]{1,20}(?: [A-Z][A-Z'.]{1,20}){0,2} \d{8} {1,3}\d{3}(?:\.\d)? {1,3}OF {1,3}\d{3})(?=[ \t]|$)/gm;

/**
 * Removes page-break lines and page-break markers inside a reflowed line. Of the words before the serial only
 * the station is residue ("CAIRO TALKS CAIRO 00000442 002 OF 003" keeps "CAIRO TALKS").
 */
export function stripPageResidue(text: string): string {
  return text.replace(PAGE_RESIDUE, (residue) => {
    const words = residue.trim().split(/ +/);
    const serialAt = words.findIndex((w) => /^\d/.test(w));
    if (words[0] === 'PAGE' || serialAt <= 1) return ' ';
    for (let s = 0; s < serialAt; s++) if (knownStation(words.slice(s, serialAt).join(' '))) return s === 0 ? ' ' : ` ${words.slice(0, s).join(' ')} `;
    return ' ';
  });
}

interface Hit {
  field: LocatedField;
  start: number;
  end: number;
}

/** Every label in the text, in order (a label directly repeated, "REF: REF:", counts once). */
function labels(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const field of ALL_FIELDS) {
    for (const re of LABELS[field]) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) {
        const lead = m[0].length - m[0].trimStart().length;
        if (m[0].length > lead) hits.push({ field, start: m.index + lead, end: m.index + m[0].length });
        else re.lastIndex++;
      }
    }
  }
  hits.sort((a, b) => a.start - b.start);
  const out: Hit[] = [];
  for (const h of hits) {
    const prev = out[out.length - 1];
    if (prev && h.start < prev.end) continue;
    if (prev && prev.field === h.field && /^\s*$/.test(text.slice(prev.end, h.start))) {
      prev.end = h.end;
      continue;
    }
    out.push(h);
  }
  return out;
}

/** End of the field that starts at `from` and may run at most to `limit`. */
function fieldEnd(text: string, field: LocatedField, from: number, limit: number): number {
  STOP.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = STOP.exec(text)) !== null && m.index < limit) {
    if (field === 'ref' && m[0].startsWith('\n')) {
      const next = nextListLine(text, m.index + 1);
      if (next !== null && (isBulletLine(next) || hasNextBullet(text.slice(from, m.index), next))) continue;
    }
    if (m.index === from) continue;
    return m.index;
  }
  return limit;
}

/** A line a page break leaves inside a list: a banner, a page header or break, SIPDIS. */
export function isPageNoise(line: string): boolean {
  const t = line.trim();
  return isLayoutNoise(t) || isBannerLine(t) || isHandlingNoise(t);
}

/** The next line from `at` that is neither blank nor left by a page break, or null. */
function nextListLine(text: string, at: number): string | null {
  let k = at;
  while (k < text.length) {
    const nl = text.indexOf('\n', k);
    const line = text.slice(k, nl < 0 ? text.length : nl);
    if (line.trim() && !isPageNoise(line)) return line;
    if (nl < 0) return null;
    k = nl + 1;
  }
  return null;
}

/** A bullet letter inside a REF list: "A.", "(B)", "C)", "D:". */
const LIST_BULLET = /(?:^|[\s;,])¶?[([]?([A-Z])[.):\]](?=\s)/g;

/**
 * Whether `next` holds the bullet letter that follows the last one of the list so far ("... D. 03" then
 * "HANOI 2323 E. ..."); a numbered or marked paragraph never does ("1. (C) Text").
 */
function hasNextBullet(list: string, next: string): boolean {
  let last: string | null = null;
  LIST_BULLET.lastIndex = 0;
  for (let m = LIST_BULLET.exec(list); m !== null; m = LIST_BULLET.exec(list)) last = m[1]!;
  if (last === null || last === 'Z' || /^[ \t]*¶?\d{1,3}[ \t]?\./.test(next) || MARKED_PARAGRAPH.test(next)) return false;
  const letter = String.fromCharCode(last.charCodeAt(0) + 1);
  LIST_BULLET.lastIndex = 0;
  for (let m = LIST_BULLET.exec(next); m !== null; m = LIST_BULLET.exec(next)) if (m[1] === letter) return true;
  return false;
}

/**
 * Where a field that may run over several lines ends: at the first line break inside [from, end) after which
 * `endsBefore(line, next)` holds for the (right-trimmed) line before it and the (trimmed) line after it; else at `end`.
 */
function lineBreakWhere(text: string, from: number, end: number, endsBefore: (line: string, next: string) => boolean): number {
  for (let k = from; ;) {
    const nl = text.indexOf('\n', k);
    if (nl < 0 || nl >= end) return end;
    const line = text.slice(k, nl).trimEnd();
    const nextEnd = text.indexOf('\n', nl + 1);
    const next = text.slice(nl + 1, nextEnd < 0 || nextEnd > end ? end : nextEnd).trim();
    if (endsBefore(line, next)) return nl;
    k = nl + 1;
  }
}

/** A TAGS field ends at the first line break unless the line ends with a comma or the next line is more codes. */
function tagsEnd(text: string, from: number, end: number): number {
  return lineBreakWhere(text, from, end, (line, next) => !(line.endsWith(',') || /^[A-Z]{2,6},/.test(next) || isCodeLine(next)));
}

/**
 * A REF list ends before a line of prose that follows a line ending with a serial or a full stop, with no blank
 * line between ("B. STATE 2\nThe Embassy delivered the demarche ..."): the body's unnumbered first paragraph.
 */
function referencesEnd(text: string, from: number, end: number): number {
  return lineBreakWhere(text, from, end, (line, next) => /[\d.)]$/.test(line) && !BULLET_LINE.test(next) && PROSE.test(next));
}

/** The start of a sentence of prose: a capitalised word and four more words, not a list of upper-case codes. */
const PROSE = /^[A-Z][a-z]*(?: [a-z]{2,}| [A-Z][a-z]+){4}/;

function isCodeLine(t: string): boolean {
  if (t.length === 0 || t.length > 80 || /[a-z:]/.test(t) || /^(?:SIPDIS|SENSITIVE|NOFORN|UNCLAS|SECRET|CONFIDENTIAL)\b/.test(t)) return false;
  const words = t.split(/[\s,;]+/).filter(Boolean);
  return words.every((w) => /^[A-Z]{2,6}$/.test(w) || /^\(?[A-Z]+,?\)?$/.test(w)) && words.length <= 12;
}

/**
 * The text of every occurrence of `field` in `text`, label removed, in order; [] when the label is not there.
 * Two REF sections (a short one in the header and the full list later) give two entries.
 */
export function locateField(text: string, field: LocatedField): string[] {
  const hits = labels(text);
  const out: string[] = [];
  hits.forEach((h, k) => {
    if (h.field !== field) return;
    const limit = k + 1 < hits.length ? hits[k + 1]!.start : text.length;
    let end = fieldEnd(text, field, h.end, limit);
    if (field === 'tags') end = tagsEnd(text, h.end, end);
    if (field === 'ref') end = referencesEnd(text, h.end, end);
    out.push(text.slice(h.end, end));
  });
  return out;
}

/** Lines that only a header or a cable has: routing lines, a banner, a page header, a numbered paragraph. */
const DOCUMENT_LINE =
  /^[ \t]*(?:VZCZC|FM |DE R[A-Z]{2,6} |[OPRZ]{1,2} \d{6}Z|UNCLAS|C O N F|S E C R E T|CONFIDENTIAL\b|SECRET\b|PAGE \d|INFO |TO |ACTION [A-Z]|SIPDIS|¶?\d{1,2}\. ?\()/m;

/** True when `text` is a header chunk, a routing header or a cable rather than one field's value. */
export function isDocument(text: string): boolean {
  let lines = 1;
  for (let k = text.indexOf('\n'); k >= 0 && lines <= 12; k = text.indexOf('\n', k + 1)) lines++;
  return lines > 12 || DOCUMENT_LINE.test(text);
}

/**
 * The field's text when its label is in `text`; else the whole text when it is the field's value alone, and ''
 * when it is a header, a routing header or a cable without that field.
 */
export function fieldText(text: string, field: LocatedField): string {
  const found = locateField(text, field);
  if (found.length > 0) return found.join('\n');
  return isDocument(text) ? '' : text;
}
