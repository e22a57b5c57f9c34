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
 */
export function canonicalCableId(id: string): string {
  const compact = id.toUpperCase().replace(/\s+/g, '');
  const fixed = FIXES[compact];
  if (fixed) return fixed.id;
  const noSection = compact.replace(/SECTION\d{1,2}[OG0]F\d{1,2}/, '');
  const m = /^(\d{2})([A-Z]+)0*(\d+)$/.exec(noSection);
  if (!m) return noSection;
  return `${m[1]}${canonicalStation(m[2]!)}${m[3]}`;
}
