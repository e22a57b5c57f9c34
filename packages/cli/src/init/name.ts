import { readFileSync } from 'node:fs';
import type { Cable } from '@cablepress/extract';
import { describeTag } from '@cablepress/pipeline';

interface NameWords {
  phrases: Record<string, string>;
  skip: string[];
}

const words = JSON.parse(readFileSync(new URL('../../data/name-words.json', import.meta.url), 'utf8')) as NameWords;
const SKIP = new Set(words.skip);
/** Longest phrases first, so "anti-trafficking in persons" wins over "anti-trafficking". */
const PHRASES = Object.entries(words.phrases).sort(([a], [b]) => b.length - a.length);
const SUBJECT_WORDS = 3;

/** Lowercase ASCII words: accents dropped, possessive 's dropped, anything else not a letter or digit splits words. */
export function slugWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The country a TAGS code stands for in the tag dictionary ("LA" → "Laos"), or null for a subject tag. */
function countryOfTag(tag: string): string | null {
  const description = describeTag(tag);
  return description?.startsWith('Country:') ? description.slice('Country:'.length).trim() || null : null;
}

/** Every country of the tag dictionary: country tags are the two-letter geographic codes. */
const COUNTRIES = [...LETTERS].flatMap((a) => [...LETTERS].map((b) => countryOfTag(a + b))).filter((c): c is string => c !== null);

/** The first country named in a subject line, as whole words ("COSTA RICA'S NINTH ANNUAL ..." → "Costa Rica"). */
export function subjectCountry(subject: string): string | null {
  const words = ` ${slugWords(subject).join(' ')} `;
  let first: { country: string; at: number } | null = null;
  for (const country of COUNTRIES) {
    const at = words.indexOf(` ${slugWords(country).join(' ')} `);
    if (at >= 0 && (first === null || at < first.at)) first = { country, at };
  }
  return first?.country ?? null;
}

/** The first country among the cable's TAGS, from the tag dictionary. */
export function tagCountry(tags: readonly string[]): string | null {
  for (const tag of tags) {
    const country = countryOfTag(tag);
    if (country) return country;
  }
  return null;
}

/** The city of the post that sent the cable: "Embassy Sanaa" → "Sanaa". */
export function postCity(origin: string | null): string | null {
  const city = origin?.replace(/^(?:U\.?S\.?\s+)?(?:Embassy|Consulate(?:\s+General)?|Mission|Interests Section)\s+/i, '').trim();
  return city && city !== origin?.trim() ? city : null;
}

/** The subject line, or the publisher's title when the header has no subject; empty when there is neither. */
export function cableSubject(cable: Pick<Cable, 'subject' | 'title'>): string {
  return cable.subject.trim() || cable.title?.trim() || '';
}

/** The place a cable is about: the first country its subject names, else its first country tag, else its post's city. */
export function cablePlace(cable: Pick<Cable, 'subject' | 'title' | 'tags' | 'origin'>): string | null {
  return subjectCountry(cableSubject(cable)) ?? tagCountry(cable.tags) ?? postCity(cable.origin);
}

/** Up to three words that say what the subject is about: phrases shortened ("trafficking in persons" → "tip"), no filler, numbers or place words. */
export function subjectWords(subject: string, placeWords: readonly string[]): string[] {
  let text = subject.toLowerCase();
  for (const [phrase, short] of PHRASES) text = text.split(phrase).join(` ${short} `);
  const kept: string[] = [];
  for (const word of text.split(/\s+/).flatMap((w) => (/^[a-z]+(?:-[a-z]+)+$/.test(w) ? [w] : slugWords(w)))) {
    if (SKIP.has(word) || /^\d/.test(word) || placeWords.includes(word) || kept.includes(word)) continue;
    kept.push(word);
    if (kept.length === SUBJECT_WORDS) break;
  }
  return kept;
}

/** The year of the cable: from its date, else from the two digits its id starts with (66–99 → 19xx). */
export function cableYear(cable: Pick<Cable, 'created' | 'id'>): string | null {
  if (cable.created) return cable.created.slice(0, 4);
  const yy = cable.id.match(/^(\d{2})/)?.[1];
  if (yy === undefined) return null;
  return `${Number(yy) >= 66 ? '19' : '20'}${yy}`;
}

/**
 * A dataset name for a cable: country (or place), subject words and year, lowercase `[a-z0-9-]`, e.g. "laos-tip-2008"
 * for 08VIENTIANE145 ("EIGHTH ANNUAL TIP REPORT FOR LAOS"). Falls back to the cable id when nothing else is known.
 */
export function datasetNameFor(cable: Pick<Cable, 'id' | 'subject' | 'title' | 'tags' | 'origin' | 'created'>): string {
  const place = cablePlace(cable);
  const placeWords = place ? slugWords(place) : [];
  const year = cableYear(cable);
  const parts = [...placeWords, ...subjectWords(cableSubject(cable), placeWords), ...(year ? [year] : [])];
  const name = parts.join('-').replace(/-+/g, '-');
  return name.length > 0 && parts.length > (year ? 1 : 0) ? name.slice(0, 80).replace(/-$/, '') : slugWords(cable.id).join('-');
}
