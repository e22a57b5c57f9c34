import type { Reference } from '../types.js';
import { canonicalCableId, plusdId } from './cable-id.js';
import { knownStation, resolveStation } from './station.js';
import { fieldText, isPageNoise, stripPageResidue } from './locate.js';

/**
 * A station and serial with an optional year before it ("08 CAIRO 2525", "'08 STATE 1", "2008 STATE 12345",
 * "Sao Paulo 1234", "STATE (01) 201265") or after it ("BAGHDAD 123 (08)", "QUITO 4525-91"); a colon may follow
 * the serial ("TEHRAN 1091: TEHRAN 263"); a stray list letter before the serial ("TRIPOLI B. 161") is garble. The station group takes up to four words; which of
 * them are the station is decided afterwards from the gazetteer. Bounded quantifiers only.
 */
const CABLE =
  /(?<![A-Za-z0-9])(?:('?\d{2}|\d{4}|\(\d{2}\)) ?)?([A-Za-z][A-Za-z'.]{0,20}(?:[ -][A-Za-z][A-Za-z'.]{0,20}){0,3})[ -]?(?:[A-Z]\. {1,6})?(?:\((\d{2})\) ?)?0*(\d{1,6})(?![\d/]|:\d|[A-Za-z])(?: ?\((\d{2})\)|-(\d{2})(?!\d))?/g;
/** More serials of the same station: "2799 AND 2764", "332, 472; 592". */
const MORE = /^ ?(?:,|;|&|AND|and) ?0*(\d{1,6})(?![\d/:])(?! ?[A-Za-z][A-Za-z'.]{0,20} ?\d)/;
/** Words that end a station group but are never a station. */
const NOT_STATION = new Set(
  'A AN AND ALSO SEE REF REFS REFTEL REFTELS NO NR NUMBER NUMBERS PARA PARAS PARAGRAPH SECTION PAGE ITEM ARTICLE CHAPTER RESOLUTION LAW UNSCR PL HR ANNEX TABLE OF THE IN ON AT DATED FROM TO BY EMAIL MAIL LETTER MEMO REPORT REPORTS TELCON PHONE FAX MEETING TIP CONVERSATION NOTE SPEECH JAN JANUARY FEB FEBRUARY MAR MARCH APR APRIL MAY JUN JUNE JUL JULY AUG AUGUST SEP SEPT SEPTEMBER OCT OCTOBER NOV NOVEMBER DEC DECEMBER FY CY YEAR YEARS PARTS PART PHASE ROUND STAGE DAY DAYS IIR DTG MSG TEL TELEGRAM CABLE CIRCULAR SEPTEL SECTION SECTIONS'.split(
    ' ',
  ),
);
/** What may stand before the first cable of an item: punctuation, a repeated bullet, "REF", "SEE", "AND", "AMEMBASSY". */
const LEAD = /^(?:[\s(),.:;¶[\]-]|\b(?:REFS?|REFTELS?|SEE|ALSO|AND|AMEMBASSY|EMBASSY|AMCONSUL|CONSULATE|USMISSION|MISSION|[A-Za-z])\b)*$/i;
/** Words that make the item a document rather than a cable when they come before its first cable. */
const NOT_CABLE = /\b(?:E-?MAIL|EMAIL|LETTER|MEMO|REPORT|TELCON|PHONE|FAX|MEETING|DATED|CONVERSATION|SPEECH|ARTICLE|LAW)\b/i;

/** A two-digit year in the century that puts it nearest the citing cable's year. */
function centuryOf(yy: number, year: number): number {
  const base = year - (year % 100);
  const candidates = [base - 100 + yy, base + yy, base + 100 + yy];
  return candidates.reduce((best, y) => (Math.abs(y - year) < Math.abs(best - year) ? y : best));
}

interface Item {
  bullet: string | null;
  text: string;
}

/** Bullets "A.", "A)", "(A)", "[A]", "A:", "A.)", "¶B.", lower case, "1."; read only when they run in sequence. */
const BULLET = /(?:^|[\s;,])¶?(?:(?:\(([A-Za-z]|[1-9])\)|\[([A-Za-z]|[1-9])\])(?=\s|$|[A-Z]{2})|([A-Za-z]|[1-9])(?:\.\)|[.):\]])(?=\s|$))/g;
/** A bullet or "REF A" repeated at the start of an item: "A. (A) TRIPOLI 332", "A. REF A STATE 1". */
const REPEATED_BULLET = /^(?:REF ?)?[([]?[A-Za-z][.):\]]?\)? (?=\S)/;

/** Splits a REF list into items at bullets that run in sequence (A, B, C... or 1, 2, 3...). */
function splitItems(body: string): Item[] {
  const starts: { at: number; textAt: number; bullet: string }[] = [];
  let expected: number | null = null;
  BULLET.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BULLET.exec(body)) !== null) {
    const bullet = (m[1] ?? m[2] ?? m[3]!).toUpperCase();
    const code = bullet.charCodeAt(0);
    const first = expected === null && (bullet === 'A' || bullet === '1');
    if (first || code === expected) {
      const lead = m[0].length - m[0].replace(/^[\s;,]/, '').length;
      starts.push({ at: m.index + lead, textAt: m.index + m[0].length, bullet });
      expected = code + 1;
    } else if (code === (expected ?? 0) - 1 && starts.length > 0 && body.slice(starts[starts.length - 1]!.textAt, m.index).trim() === '') {
      starts[starts.length - 1]!.textAt = m.index + m[0].length;
    }
  }
  const items: Item[] = [];
  const leadEnd = starts.length > 0 ? starts[0]!.at : body.length;
  for (const part of body.slice(0, leadEnd).split(/;(?! ?\d{1,6}\s*(?:[;,&]|AND\b|and\b|$))|\n/))
    if (part.trim()) items.push({ bullet: null, text: part.trim() });
  starts.forEach((s, k) => {
    const end = k + 1 < starts.length ? starts[k + 1]!.at : body.length;
    const text = body.slice(s.textAt, end).trim();
    if (text) items.push({ bullet: s.bullet, text });
  });
  return items;
}

interface Found {
  start: number;
  end: number;
  id: string;
}

/**
 * The post a station group names: its longest known suffix ("AMEMBASSY SAO PAULO"), else the post its last word
 * misspells (data/posts.json, one or two edits: "BRUSSLS", "SOIA"). An unknown word is never a station.
 */
function stationOf(group: string): { station: string; offset: number } | null {
  const words = group.split(/[ -]/);
  if (words.length > 1 && /^[A-Z]\.$/.test(words[words.length - 1]!)) words.pop();
  let offset = 0;
  for (let s = 0; s < words.length; s++) {
    const post = knownStation(words.slice(s).join(' '));
    if (post) return { station: post, offset };
    offset += words[s]!.length + 1;
  }
  for (let s = Math.max(0, words.length - 2); s < words.length; s++) {
    const tail = words.slice(s);
    const post = tail.every((w) => /^[A-Z][A-Z']+$/.test(w) && !NOT_STATION.has(w)) ? resolveStation(tail.join(' ')) : null;
    if (post) return { station: post, offset: words.slice(0, s).join(' ').length + (s > 0 ? 1 : 0) };
  }
  return null;
}

/**
 * REF text, or any text that holds REF sections (a header chunk, a whole routing header or cable), →
 * references, in order over every REF section. Cable references get a canonical id; when the year is not
 * written it is the cable's own year (`STATE 2731` in an 08 cable → 08STATE2731); `08`, `'08`, `2008` before
 * the station and `(08)` after the serial give it. Stations in any case and under any alias of the gazetteer
 * (data/posts.json: `SECSTATE`, `Sao Paulo`, `USUN NEW YORK`, `HAGUE`). An item that starts with a cable and
 * says more (`AND PREVIOUS`, `CIRCULAR`, a title) is that cable; several serials in one item (`2799 AND 2764`,
 * `STATE 1234, BOGOTA 567`) give one reference each. E-mails, reports, meetings... are kind 'other' with
 * canonicalId null. A reference to ownId, and a cable already listed, are dropped. When ownId is a PlusD id of the 1970s
 * ("1975PARIS00123"), references take the same form ("1975STATE283001").
 */
export function parseReferences(text: string, year: number, ownId?: string): Reference[] {
  const body = stripPageResidue(withoutPageLines(fieldText(text, 'ref')))
    .replace(/(?<![A-Za-z0-9])0(?=[A-Z]{3})|(?<=[A-Z]{3})0(?![A-Za-z0-9])/g, 'O')
    .replace(/(?<![A-Za-z0-9])O(?=\d(?![A-Za-z0-9]))/g, '0')
    .replace(/^\s*(?:(?:REFS?|REFTELS?|REFERENCES?)\s*[:.;]?\s*)+/i, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
  const out: Reference[] = [];
  const seen = new Set<string>();
  const own = ownId ? canonicalCableId(ownId) : null;
  const plusdStyle = own !== null && /^\d{4}[A-Z]/.test(own);
  const idOf = (yearText: string | undefined, after: string | undefined, station: string, serial: string): string => {
    const y = yearText?.replace(/\D/g, '') ?? after;
    const fullYear = y ? (y.length === 4 ? Number(y) : centuryOf(Number(y), year)) : year;
    return plusdStyle ? plusdId(fullYear, station, serial) : canonicalCableId(`${String(fullYear % 100).padStart(2, '0')}${station}${serial}`);
  };
  for (const item of splitItems(body)) {
    const squeezed = item.text.replace(/\s+/g, ' ').trim().replace(REPEATED_BULLET, '');
    const trimmed = squeezed.endsWith('...') ? squeezed : squeezed.replace(/[.;,]+$/, '').trim();
    const clean = trimmed.endsWith(')') && !trimmed.includes('(') ? trimmed.slice(0, -1).trim() : trimmed;
    if (!clean) continue;
    const found = cablesIn(clean, idOf);
    if (found.length === 0) {
      out.push({ text: clean, canonicalId: null, kind: 'other', bullet: item.bullet });
      continue;
    }
    const single = found.length === 1;
    for (const f of found) {
      if (f.id === own || seen.has(f.id)) continue;
      seen.add(f.id);
      out.push({
        text: single
          ? clean
          : clean
              .slice(f.start, f.end)
              .replace(/^[,;& ]+(?:AND )?/i, '')
              .trim(),
        canonicalId: f.id,
        kind: 'cable',
        bullet: item.bullet,
      });
    }
  }
  return out;
}

/** The REF text without the lines a page break left in it (banners, page headers, SIPDIS). */
function withoutPageLines(text: string): string {
  return text
    .split('\n')
    .filter((l) => !isPageNoise(l))
    .join('\n');
}

/** An airgram number ("CA-3400", "A-12"): a document, not a telegram. */
const AIRGRAM = /(?:^|[\s(])C?A-\d/;

/** The cables an item names, when it starts with one; [] for a document. */
function cablesIn(item: string, idOf: (y: string | undefined, after: string | undefined, station: string, serial: string) => string): Found[] {
  const found: Found[] = [];
  CABLE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let expectAt = 0;
  while ((m = CABLE.exec(item)) !== null) {
    const st = AIRGRAM.test(m[0]) ? null : stationOf(m[2]!);
    if (!st) {
      CABLE.lastIndex = m.index + 1;
      continue;
    }
    const groupAt = m.index + m[0].indexOf(m[2]!);
    const start = st.offset > 0 ? groupAt + st.offset : m.index;
    const before = item.slice(expectAt, start);
    if (found.length === 0 && (!LEAD.test(before) || NOT_CABLE.test(before))) return [];
    const yearText = st.offset > 0 ? m[3] : (m[1] ?? m[3]);
    const after = m[5] ?? m[6];
    found.push({ start, end: m.index + m[0].length, id: idOf(yearText, after, st.station, m[4]!) });
    let k = m.index + m[0].length;
    let more: RegExpExecArray | null;
    while ((more = MORE.exec(item.slice(k, k + 40))) !== null) {
      found.push({ start: k, end: k + more[0].length, id: idOf(yearText, after, st.station, more[1]!) });
      k += more[0].length;
    }
    CABLE.lastIndex = k;
    expectAt = k;
  }
  return found;
}
