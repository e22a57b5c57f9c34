import { z } from 'zod';
import type { QUALIFIERS } from '@cablepress/validate';
import { loadDataFile } from '../../data-file.js';
import { wordTable } from '../text.js';

type Qualifier = (typeof QUALIFIERS)[number];

const words = z.array(z.string().min(1)).min(1);
const qualifierPhrases = z.array(z.object({ words, qualifier: z.string() }));

const qualifiers = loadDataFile('quantity-qualifiers.json', z.object({ prefix: qualifierPhrases, suffix: qualifierPhrases }));
const time = loadDataFile(
  'time-words.json',
  z.object({
    time_units: z.record(z.string(), z.string()),
    rate_words: z.record(z.string(), z.string()),
    months: words,
    time_of_day: words,
  }),
);
const references = loadDataFile('reference-words.json', z.object({ reference_words: words, direct_reference_words: words, phone_words: words }));
const ages = loadDataFile('age-words.json', z.object({ age_nouns: words, under_age_nouns: words, age_verbs: words, be_verbs: words }));
const nouns = loadDataFile('counted-nouns.json', z.object({ stop_words: words, verbs_in_s: words, irregular_plurals: words, not_plural: words }));
const context = loadDataFile('figure-context.json', z.object({ penalty_nouns: words, year_before_words: words }));

function phrases(list: readonly { words: string[]; qualifier: string }[]): [string[], Qualifier][] {
  return list.map((p) => [p.words, p.qualifier as Qualifier]);
}

/** Qualifier phrases written before a figure, longest first (data/quantity-qualifiers.json). */
export const PREFIX_QUALIFIERS = phrases(qualifiers.prefix);
/** Qualifier phrases written after a figure: "10,000 or so", "two or more". */
export const SUFFIX_QUALIFIERS = phrases(qualifiers.suffix);
/** Time unit words and the unit they name (data/time-words.json). */
export const TIME_UNITS: Record<string, string> = wordTable(time.time_units);
export const RATE_WORDS: Record<string, string> = wordTable(time.rate_words);
export const MONTH_WORDS: Record<string, true> = wordTable(Object.fromEntries(time.months.map((w) => [w, true as const])));
export const TIME_OF_DAY = new Set(time.time_of_day);
/** Age words (data/age-words.json). */
export const AGE_NOUNS = new Set(ages.age_nouns);
export const UNDER_AGE_NOUNS = new Set(ages.under_age_nouns);
export const AGE_VERBS = new Set(ages.age_verbs);
export const BE_VERBS = new Set(ages.be_verbs);
/** Words that make a number an identifier (data/reference-words.json). */
export const REFERENCE_WORDS = new Set(references.reference_words);
export const DIRECT_REFERENCE_WORDS = new Set(references.direct_reference_words);
export const PHONE_WORDS = new Set(references.phone_words);
/** Words around a figure that decide its kind (data/figure-context.json). */
export const PENALTY_NOUNS = new Set(context.penalty_nouns);
export const YEAR_BEFORE_WORDS = new Set(context.year_before_words);
/** What a figure counts (data/counted-nouns.json). */
export const STOP_WORDS = new Set(nouns.stop_words);
export const VERBS_IN_S = new Set(nouns.verbs_in_s);
export const IRREGULAR_PLURALS = new Set(nouns.irregular_plurals);
export const NOT_PLURAL = new Set(nouns.not_plural);

/** How far back (in tokens) the scanner looks for the word a figure depends on: keeps it linear on hostile input. */
export const MAX_LOOKBACK = 48;
