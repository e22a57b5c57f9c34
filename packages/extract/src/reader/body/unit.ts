import type { ParagraphKind } from '../../types.js';
import type { Line, MappedText } from '../../text.js';
import { MARKING, markingOf } from '../../fields/markings.js';
import { NUMBERED } from '../lines.js';

/** A paragraph or heading under construction: its line segments and what its first line says about it. */
export interface Unit {
  segs: Line[];
  number: number | null;
  key: string | null;
  marking: string | null;
  kind: ParagraphKind;
  heading: string | null;
  marker: boolean;
  section: string | null;
  /** Separated from the previous unit only by blank lines or noise (it may continue its sentence). */
  afterBreak: boolean;
  /** A removed noise line (page break, SIPDIS, banner) sits between this unit and the previous one. */
  afterNoise: boolean;
}

/** A lettered key: "A.", "B and C.", "D through F.", "G-H.". */
export const LETTER_KEY = /^([A-Z])((?:, [A-Z])*,? and [A-Z]| and [A-Z]| through [A-Z]| - [A-Z]|-[A-Z])?\.\s+(?=\S)/;

export function headingUnit(title: string): Unit {
  return {
    segs: [],
    number: null,
    key: null,
    marking: null,
    kind: 'paragraph',
    heading: title,
    marker: false,
    section: title,
    afterBreak: false,
    afterNoise: false,
  };
}

export function plainUnit(line: Line, section: string | null, afterBreak: boolean, kind: ParagraphKind): Unit {
  return { segs: [line], number: null, key: null, marking: null, kind, heading: null, marker: false, section, afterBreak, afterNoise: false };
}

export function stripPilcrow(c: MappedText, line: Line): Line {
  let start = line.start;
  if (c.s.charCodeAt(start) === 0xb6) {
    start++;
    while (start < line.end && c.s.charCodeAt(start) === 0x20) start++;
  }
  return { start, end: line.end };
}

/** Parses the prefix of a unit's first line: ¶, number, lettered key, marking. */
export function startUnit(c: MappedText, line: Line, section: string | null, inQuote: boolean, afterBreak: boolean): Unit {
  const t = c.s.slice(line.start, line.end);
  let pos = 0;
  let number: number | null = null;
  let key: string | null = null;
  let marking: string | null = null;
  const num = NUMBERED.exec(t);
  const pilcrowYear = /^¶\s?\d{4}\b/.test(t);
  const range = /^¶?\s?(\d{1,3}-\d{1,3})\.\s+/.exec(t);
  if (range) {
    key = range[1]!;
    pos = range[0].length;
  } else if (num) {
    number = Number(num[1]);
    key = num[2] ?? null;
    pos = num[0].length;
  } else if (!pilcrowYear) {
    const lead = t.charCodeAt(0) === 0xb6 ? (t.charCodeAt(1) === 0x20 ? 2 : 1) : 0;
    const rest = t.slice(lead);
    const lk = LETTER_KEY.exec(rest);
    if (lk && !/^[A-Z]\.\s+[A-Z]\.\s/.test(rest)) {
      key = rest
        .slice(0, lk[0].length)
        .replace(/\.\s*$/, '')
        .trim();
      pos = lead + lk[0].length;
    }
  }
  const rest = t.slice(pos);
  const mk = MARKING.exec(rest);
  if (mk) {
    marking = markingOf(mk);
    pos += mk[0].length;
    while (pos < t.length && t.charCodeAt(pos) === 0x20) pos++;
  }
  let start = line.start + pos;
  if (pos === 0) start = stripPilcrow(c, line).start;
  const body = c.s.slice(start, Math.min(line.end, start + 20));
  let kind: ParagraphKind = 'paragraph';
  if (inQuote) kind = number !== null ? 'list_item' : 'quoted_text';
  else if (/^\(?\s*(NOTE|Note)\s*:/.test(body)) kind = 'note';
  else if (/^(COMMENT|Comment)\s*[:.]/.test(body)) kind = 'comment';
  const plain = number === null && key === null && marking === null;
  return {
    segs: [{ start, end: line.end }],
    number,
    key,
    marking,
    kind,
    heading: null,
    marker: false,
    section,
    afterBreak: plain && afterBreak,
    afterNoise: false,
  };
}
