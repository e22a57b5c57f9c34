import corrections from '../data/cable-id-corrections.json' with { type: 'json' };
import { canonicalStation, editDistance } from './station.js';

const FIXES: Record<string, { id: string }> = corrections.corrections;

/**
 * "SECTION 01 OF 02" fused into an id after the year, in any garbled spelling: a word of five to eight letters at
 * most two edits from SECTION (SECTION, SCTION, ECTION, SECTIO, SQCTION, SECTIOQ, SECTIKN), its number, a garbled
 * OF (OF, GF, 0F, QF, 0QF, O, F) and the count.
 */
const SECTION = /^(\d{2}(?:\d{2})?)([A-Z]{5,8}?)\d{1,2}(?:OF|GF|0F|QF|0QF|OQF|O|F)\d{1,2}(?=[A-Z])/;

function withoutSection(id: string): string {
  const m = SECTION.exec(id);
  return m && editDistance(m[2]!, 'SECTION', 2) <= 2 ? `${m[1]}${id.slice(m[0].length)}` : id;
}

/** Words fused before the station: EFTO, AMEMBASSY, EMBASSY, AMCONSUL, classification residue (SIFIED, NOFORN, FSC). */
const PREFIX = /^(?:EFTO|AMEMBASSY|EMBASSY|AMCONSUL|CONSULATE|USMISSION|SIFIED|UNCLASSIFIED|UNCLAS|CONFIDENTIAL|NOFORN|FSC)+/;
/** Suffixes appended after the serial: TOSEC…, ZFR…, ZDK…, SUSPECTEDDUPLICATE…. */
const SUFFIX = /(?:TOSEC|ZFR|ZDK|SUSPECTEDDUPLICATE|DUPLICATE)[A-Z0-9]*$/;

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
  const m = /^(\d{2})(?:\1(?=[A-Z]))?(.*)$/.exec(
    withoutSection(upper)
      .replace(PREFIX, '')
      .replace(/^(?:19|20)(?=\d{2}[A-Z])/, ''),
  );
  if (!m) return upper;
  const rest = m[2]!.replace(SUFFIX, '').replace(/^0(?=[A-Z]{3})/, 'O');
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
  return m ? (stationAndSerial(m[1]!)?.station ?? null) : null;
}

/** A PlusD-style id: "1975PARIS00123" (serial padded to five digits, suffix lower case). */
export function plusdId(year: number, station: string, serial: string, suffix = ''): string {
  const digits = serial.replace(/^0+(?=\d)/, '').padStart(5, '0');
  const upper = station.toUpperCase().replace(/[^A-Z]/g, '');
  const name = upper === 'SECSTATE' || upper === 'SECSTATEWASHDC' ? 'STATE' : upper;
  return `${year}${name}${digits}${suffix.toLowerCase()}`;
}
