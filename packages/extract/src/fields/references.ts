import type { Reference } from '../types.js';
import { canonicalCableId, canonicalStation } from './cable-id.js';

/** Words that make an item a document rather than a cable even when it ends with a number. */
const NOT_CABLE = /\b(E-?MAIL|EMAIL|LETTER|MEMO|REPORT|TELCON|PHONE|FAX|MEETING|DATED|TIP|CONVERSATION|NOTE|SPEECH|ARTICLE|LAW)\b/i;
/** "08 CAIRO 2525", "STATE 2731", "2008 STATE 12345", "SAN JOSE 481", "USUN NEW YORK 123" (+ optional "(NOTAL)"). */
const CABLE = /^(?:(\d{2}|\d{4}) ?)?([A-Z][A-Z']{1,20}(?: [A-Z][A-Z']{1,20}){0,2})[ -]0*(\d{1,6})(?: ?\((?:NOTAL|EXDIS|NODIS|LIMDIS)\))?[.,;]?$/;

interface Item {
  bullet: string | null;
  text: string;
}

function splitItems(body: string): Item[] {
  const items: Item[] = [];
  const re = /(?:^|[\s;,])¶?\(?([A-Z]|[1-9])[.)](?=\s)/g;
  const starts: { at: number; textAt: number; bullet: string }[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) {
    const lead = m[0].length - m[0].trimStart().length;
    const sep = /^[;,]/.test(m[0]) ? 1 : lead;
    starts.push({ at: m.index + sep, textAt: m.index + m[0].length, bullet: m[1]! });
  }
  const bulleted = starts.filter((s, k) => k === 0 ? /^[A1]$/.test(s.bullet) || s.at <= 1 : true);
  if (bulleted.length === 0 || bulleted[0]!.at > 1) {
    const lead = bulleted.length > 0 ? body.slice(0, bulleted[0]!.at) : body;
    for (const part of lead.split(/;|\n/)) if (part.trim()) items.push({ bullet: null, text: part.trim() });
    if (bulleted.length === 0) return items;
  }
  bulleted.forEach((s, k) => {
    const end = k + 1 < bulleted.length ? bulleted[k + 1]!.at : body.length;
    const text = body.slice(s.textAt, end).trim();
    if (text) items.push({ bullet: s.bullet, text });
  });
  return items;
}

/**
 * REF text → references. Cable references get a canonical id; when the year is not written it is the
 * cable's own year (`STATE 2731` in an 08 cable → 08STATE2731). E-mails, reports, meetings... are kind
 * 'other' with canonicalId null. Bullets may be "A.", "¶B.", "(C)", "1.". A reference to ownId is dropped.
 */
export function parseReferences(text: string, year: number, ownId?: string): Reference[] {
  const body = text.replace(/^\s*(?:REFS?|REFTELS?|REFERENCES?)\s*[:.]?/i, '').replace(/[ \t]+/g, ' ').trim();
  const out: Reference[] = [];
  const own = ownId ? canonicalCableId(ownId) : null;
  for (const item of splitItems(body)) {
    const clean = item.text.replace(/\s+/g, ' ').replace(/[.;,]+$/, '').trim();
    const m = NOT_CABLE.test(clean) ? null : CABLE.exec(clean.toUpperCase() === clean ? clean : '');
    if (m) {
      const y = m[1] ? m[1].slice(-2) : String(year % 100).padStart(2, '0');
      const id = canonicalCableId(`${y}${canonicalStation(m[2]!)}${m[3]}`);
      if (own && id === own) continue;
      out.push({ text: clean, canonicalId: id, kind: 'cable', bullet: item.bullet });
    } else if (clean) {
      out.push({ text: clean, canonicalId: null, kind: 'other', bullet: item.bullet });
    }
  }
  return out;
}
