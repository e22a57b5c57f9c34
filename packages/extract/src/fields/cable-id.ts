import corrections from '../data/cable-id-corrections.json' with { type: 'json' };
import gazetteer from '../data/posts.json' with { type: 'json' };

const FIXES: Record<string, { id: string }> = corrections.corrections;
const POSTS: Record<string, string[]> = gazetteer.posts;

/** Every post and alias, upper case with single spaces and also with no spaces, → the post. */
const STATION_OF = new Map<string, string>();
for (const [post, aliases] of Object.entries(POSTS)) {
  STATION_OF.set(post, post);
  for (const alias of aliases) {
    const upper = alias.toUpperCase();
    STATION_OF.set(upper, post);
    STATION_OF.set(upper.replace(/[^A-Z]/g, ''), post);
  }
}

/** The post a station name denotes ("SAO PAULO", "Rio", "HAGUE", "T0KYO", "PARIS FR"), or null when unknown. */
export function knownStation(station: string): string | null {
  const upper = station.toUpperCase().replace(/(?<=[A-Z])0|0(?=[A-Z])/g, 'O').replace(/\s+/g, ' ').trim();
  const direct = STATION_OF.get(upper) ?? STATION_OF.get(upper.replace(/[^A-Z]/g, ''));
  if (direct) return direct;
  const withCountry = /^(.{3,40}?),? [A-Z]{2}$/.exec(upper);
  return withCountry ? (STATION_OF.get(withCountry[1]!) ?? STATION_OF.get(withCountry[1]!.replace(/[^A-Z]/g, '')) ?? null) : null;
}

/** Station spelling as used in canonical ids: upper case, no spaces, aliases and misspellings from data/posts.json. */
export function canonicalStation(station: string): string {
  return knownStation(station) ?? station.toUpperCase().replace(/[^A-Z]/g, '');
}

/** Garbled "SECTION 01 OF 02" fused into an id: SECTION01OF02, SCTION02OF02, SECTIN01OF03, ECTION01O02, SECTION010QF02. */
const SECTION = /(?:SECTION|SCTION|SECTIN|SECTON|ECTION|SECTIO|SETION|SECION|SECTOIN)\d{1,2}(?:OF|GF|0F|QF|0QF|OQF|O|F)\d{1,2}/;
/** Words fused before the station: EFTO, AMEMBASSY, EMBASSY, AMCONSUL, classification residue (SIFIED, NOFORN, FSC). */
const PREFIX = /^(?:EFTO|AMEMBASSY|EMBASSY|AMCONSUL|CONSULATE|USMISSION|SIFIED|UNCLASSIFIED|UNCLAS|CONFIDENTIAL|NOFORN|FSC)+/;
/** Suffixes appended after the serial: TOSEC…, ZFR…, SUSPECTEDDUPLICATE…. */
const SUFFIX = /(?:TOSEC|ZFR|SUSPECTEDDUPLICATE|DUPLICATE)[A-Z0-9]*$/;

/**
 * Canonical cable id: upper case, no spaces or hyphens, the serial without leading zeros, and the malformed
 * ids of the WikiLeaks releases corrected: a fused SECTIONnnOFnn in any garbled spelling, a fused EFTO,
 * AMEMBASSY/EMBASSY, SIFIED/NOFORN/FSC prefix, an appended TOSEC…/ZFR…/SUSPECTEDDUPLICATE… suffix, a doubled
 * year (0808LUANDA123), station aliases and misspellings (data/posts.json: QRIPOLI → TRIPOLI), and known
 * malformed ids from data/cable-id-corrections.json. "08 VIENTIANE 000145" → "08VIENTIANE145".
 * PlusD ids of 1973-1979 cables keep their own form: four-digit year, five-digit serial and a lower-case
 * suffix ("1975PARIS00123", "1979STATE123456_e").
 */
export function canonicalCableId(id: string): string {
  const compact = id.replace(/[\s-]+/g, '');
  const upper = compact.toUpperCase();
  const fixed = FIXES[upper];
  if (fixed) return fixed.id;
  const plusd = /^(19(?:7[3-9]))([A-Za-z]+)(\d+)(_[A-Za-z0-9]+)?$/.exec(compact);
  if (plusd) return plusdId(Number(plusd[1]), plusd[2]!, plusd[3]!, plusd[4] ?? '');
  const m = /^(\d{2})(?:\1(?=[A-Z]))?(.*)$/.exec(upper.replace(SECTION, '').replace(PREFIX, '').replace(/^(?:19|20)(?=\d{2}[A-Z])/, ''));
  if (!m) return upper;
  const rest = m[2]!.replace(SUFFIX, '');
  const parts = stationAndSerial(rest);
  if (!parts) return `${m[1]}${rest}`;
  const station = parts.station.replace(PREFIX, '');
  return `${m[1]}${canonicalStation(station || parts.station)}${parts.serial}`;
}

/** "SAOPAULO00335" → SAOPAULO, 335: the trailing digits are the serial (leading zeros dropped), the letters before the station. */
function stationAndSerial(rest: string): { station: string; serial: string } | null {
  let k = rest.length;
  while (k > 0 && rest.charCodeAt(k - 1) >= 48 && rest.charCodeAt(k - 1) <= 57) k--;
  const station = rest.slice(0, k);
  if (k === rest.length || !/^[A-Z][A-Z0-9]{0,60}$/.test(station) || !/[A-Z]$/.test(station)) return null;
  return { station, serial: rest.slice(k).replace(/^0+(?=\d)/, '') };
}

/** The station that sent a canonical cable id: "08VIENTIANE145" → VIENTIANE, "1975STATE123456_e" → STATE; null without one. */
export function stationOfId(id: string): string | null {
  const m = /^(?:19[7-9]\d|\d{2})(.*?)(?:_[A-Za-z0-9]+)?$/.exec(id);
  return m ? stationAndSerial(m[1]!)?.station ?? null : null;
}

/** A PlusD-style id: "1975PARIS00123" (serial padded to five digits, suffix lower case). */
export function plusdId(year: number, station: string, serial: string, suffix = ''): string {
  const digits = serial.replace(/^0+(?=\d)/, '').padStart(5, '0');
  const upper = station.toUpperCase().replace(/[^A-Z]/g, '');
  const name = upper === 'SECSTATE' || upper === 'SECSTATEWASHDC' ? 'STATE' : upper;
  return `${year}${name}${digits}${suffix.toLowerCase()}`;
}
