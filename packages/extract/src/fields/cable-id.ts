import corrections from '../data/cable-id-corrections.json' with { type: 'json' };
import stations from '../data/stations.json' with { type: 'json' };

const FIXES: Record<string, { id: string }> = corrections.corrections;
const ALIASES: Record<string, string> = stations.aliases;

/** Station spelling as used in canonical ids: upper case, no spaces, known misspellings corrected. */
export function canonicalStation(station: string): string {
  const upper = station.toUpperCase().replace(/\s+/g, ' ').trim();
  const alias = ALIASES[upper] ?? ALIASES[upper.replace(/ /g, '')];
  return (alias ?? upper).replace(/[^A-Z]/g, '');
}

/**
 * Canonical cable id: upper case, no spaces, a fused "SECTION01OF02" removed, the serial without leading
 * zeros, known misspelled stations corrected, and known malformed ids replaced from
 * data/cable-id-corrections.json. "08 VIENTIANE 000145" → "08VIENTIANE145".
 * PlusD ids of 1973-1979 cables keep their own form: four-digit year, five-digit serial and a lower-case
 * suffix ("1975PARIS00123", "1979STATE123456_e").
 */
export function canonicalCableId(id: string): string {
  const compact = id.replace(/\s+/g, '');
  const upper = compact.toUpperCase();
  const fixed = FIXES[upper];
  if (fixed) return fixed.id;
  const plusd = /^(\d{4})([A-Za-z]+)(\d+)(_[A-Za-z0-9]+)?$/.exec(compact);
  if (plusd) return plusdId(Number(plusd[1]), plusd[2]!, plusd[3]!, plusd[4] ?? '');
  const noSection = upper.replace(/SECTION\d{1,2}[OG0]F\d{1,2}/, '');
  const m = /^(\d{2})([A-Z]+)0*(\d+)$/.exec(noSection);
  if (!m) return noSection;
  return `${m[1]}${canonicalStation(m[2]!)}${m[3]}`;
}

/** A PlusD-style id: "1975PARIS00123" (serial padded to five digits, suffix lower case). */
export function plusdId(year: number, station: string, serial: string, suffix = ''): string {
  const digits = serial.replace(/^0+(?=\d)/, '').padStart(5, '0');
  return `${year}${canonicalStation(station)}${digits}${suffix.toLowerCase()}`;
}
