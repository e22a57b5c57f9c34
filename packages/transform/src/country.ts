import { readFileSync } from 'node:fs';
import type { Cable } from '@cablepress/extract';

/** An entry of data/countries.json: a TAGS country code (FIPS 10-4) with its ISO 3166-1 alpha-2 code. */
export interface CountryEntry {
  tag: string;
  iso: string;
  name: string;
  /** Cities of US posts in the country as cable origins name them (Embassy Sanaa). */
  posts: string[];
  /** Adjectives cables put before the country's government bodies (Thai, Egyptian). */
  adjectives: string[];
}

let table: CountryEntry[] | null = null;

/** The country table (packages/transform/data/countries.json). */
export function countryTable(): readonly CountryEntry[] {
  table ??= (JSON.parse(readFileSync(new URL('../data/countries.json', import.meta.url), 'utf8')) as { countries: CountryEntry[] }).countries;
  return table;
}

function key(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
}

let lookups: { byTag: Map<string, CountryEntry>; byPost: Map<string, CountryEntry> } | null = null;

/** The country table by TAGS code and by post (its key): the first country that lists a post has it. */
function countryLookups(): NonNullable<typeof lookups> {
  if (lookups) return lookups;
  const byPost = new Map<string, CountryEntry>();
  for (const c of countryTable()) for (const p of c.posts) if (!byPost.has(key(p))) byPost.set(key(p), c);
  lookups = { byTag: new Map(countryTable().map((c) => [c.tag, c])), byPost };
  return lookups;
}

/** The country whose post the origin names ("Embassy Sanaa" → Yemen), or null. */
export function countryOfOrigin(origin: string | null): CountryEntry | null {
  if (!origin) return null;
  const words = key(origin.replace(/^(American\s+)?(Embassy|Consulate(\s+General)?|Mission|USMission|Amembassy|Amconsul)\s+/i, ''));
  return countryLookups().byPost.get(words) ?? null;
}

/**
 * The country a cable reports on, as an ISO 3166-1 alpha-2 entry: the country tag whose post sent the cable, else the
 * first country tag, else the country of the origin's post; null when neither says.
 */
export function cableCountry(cable: Pick<Cable, 'tags' | 'origin'>): CountryEntry | null {
  const { byTag } = countryLookups();
  const tagged = cable.tags.map((t) => byTag.get(t)).filter((c): c is CountryEntry => c !== undefined);
  const origin = countryOfOrigin(cable.origin);
  if (origin && tagged.some((c) => c.iso === origin.iso)) return origin;
  return tagged[0] ?? origin;
}

/** The country an adjective names ("Thai" → Thailand), or null. */
export function countryOfAdjective(word: string): CountryEntry | null {
  return countryTable().find((c) => c.adjectives.includes(word)) ?? null;
}
