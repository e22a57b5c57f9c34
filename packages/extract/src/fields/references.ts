import type { Reference } from '../types.js';
import { canonicalCableId, canonicalStation, plusdId } from './cable-id.js';

/** Words that make an item a document rather than a cable even when it ends with a number. */
const NOT_CABLE = /\b(E-?MAIL|EMAIL|LETTER|MEMO|REPORT|TELCON|PHONE|FAX|MEETING|DATED|TIP|CONVERSATION|NOTE|SPEECH|ARTICLE|LAW)\b/i;
/** "08 CAIRO 2525", "STATE 2731", "2008 STATE 12345", "SAN JOSE 481", "USUN NEW YORK 123" (+ optional "(NOTAL)"). */
const CABLE = /^(?:(\d{2}|\d{4}) ?)?([A-Z][A-Z']{1,20}(?: [A-Z][A-Z']{1,20}){0,2})[ -]0*(\d{1,6})(?: ?\((?:NOTAL|EXDIS|NODIS|LIMDIS)\))?[.,;]?$/;

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

const BULLET = /(?:^|[\s;,])¶?\(?([A-Z]|[1-9])[.)](?=\s)/g;

/** Splits a REF list into items at bullets that run in sequence (A, B, C... or 1, 2, 3...). */
function splitItems(body: string): Item[] {
  const starts: { at: number; textAt: number; bullet: string }[] = [];
  let expected: number | null = null;
  BULLET.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BULLET.exec(body)) !== null) {
    const bullet = m[1]!;
    const code = bullet.charCodeAt(0);
    const first = expected === null && (bullet === 'A' || bullet === '1');
    if (first || code === expected) {
      const lead = m[0].length - m[0].replace(/^[\s;,]/, '').length;
      starts.push({ at: m.index + lead, textAt: m.index + m[0].length, bullet });
      expected = code + 1;
    }
  }
  const items: Item[] = [];
  const leadEnd = starts.length > 0 ? starts[0]!.at : body.length;
  for (const part of body.slice(0, leadEnd).split(/;|\n/)) if (part.trim()) items.push({ bullet: null, text: part.trim() });
  starts.forEach((s, k) => {
    const end = k + 1 < starts.length ? starts[k + 1]!.at : body.length;
    const text = body.slice(s.textAt, end).trim();
    if (text) items.push({ bullet: s.bullet, text });
  });
  return items;
}

/**
 * REF text → references. Cable references get a canonical id; when the year is not written it is the
 * cable's own year (`STATE 2731` in an 08 cable → 08STATE2731). E-mails, reports, meetings... are kind
 * 'other' with canonicalId null. Bullets may be "A.", "¶B.", "(C)", "1.". A reference to ownId is dropped.
 * Several cables in one item ("STATE 1234, BOGOTA 567", "A. 07 STATE 1 AND 07 STATE 2") give one reference each.
 * When ownId is a PlusD id of the 1970s ("1975PARIS00123"), references take the same form ("1975STATE283001").
 */
export function parseReferences(text: string, year: number, ownId?: string): Reference[] {
  const body = text.replace(/^\s*(?:REFS?|REFTELS?|REFERENCES?)\s*[:.]?/i, '').replace(/[ \t]+/g, ' ').trim();
  const out: Reference[] = [];
  const own = ownId ? canonicalCableId(ownId) : null;
  const plusdStyle = own !== null && /^\d{4}[A-Z]/.test(own);
  const cableId = (clean: string): string | null => {
    const m = NOT_CABLE.test(clean) || clean.toUpperCase() !== clean ? null : CABLE.exec(clean);
    if (!m) return null;
    const fullYear = m[1] ? (m[1].length === 4 ? Number(m[1]) : centuryOf(Number(m[1]), year)) : year;
    return plusdStyle ? plusdId(fullYear, m[2]!, m[3]!) : canonicalCableId(`${String(fullYear % 100).padStart(2, '0')}${canonicalStation(m[2]!)}${m[3]}`);
  };
  for (const item of splitItems(body)) {
    const squeezed = item.text.replace(/\s+/g, ' ').trim();
    const clean = squeezed.endsWith('...') ? squeezed : squeezed.replace(/[.;,]+$/, '').trim();
    if (!clean) continue;
    const id = cableId(clean);
    const parts = id ? [] : clean.split(/\s*,\s*|\s+AND\s+/).map((p) => p.trim()).filter(Boolean);
    const ids = parts.length > 1 ? parts.map(cableId) : [];
    if (id) {
      if (id !== own) out.push({ text: clean, canonicalId: id, kind: 'cable', bullet: item.bullet });
    } else if (ids.length > 1 && ids.every((x) => x !== null)) {
      ids.forEach((x, k) => {
        if (x !== own) out.push({ text: parts[k]!, canonicalId: x, kind: 'cable', bullet: item.bullet });
      });
    } else {
      out.push({ text: clean, canonicalId: null, kind: 'other', bullet: item.bullet });
    }
  }
  return out;
}
