import { InputError } from './errors/index.js';

/** The English month names, January first. */
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** Every spelling of a month cables use, lower case: the full name, its first three letters, and "sept". */
const MONTH_NUMBERS: ReadonlyMap<string, number> = new Map([
  ...MONTH_NAMES.map((name, i) => [name.toLowerCase(), i + 1] as const),
  ...MONTH_NAMES.map((name, i) => [name.slice(0, 3).toLowerCase(), i + 1] as const),
  ['sept', 9],
]);

/** The number (1-12) of a month name or abbreviation in any case ("FEB", "Feb", "february", "Sept"); null for anything else. */
export function monthNumber(word: string): number | null {
  return MONTH_NUMBERS.get(word.toLowerCase()) ?? null;
}

/** The three-letter English abbreviation of month 1-12 ("Feb"); undefined outside 1-12. */
export function monthAbbreviation(month: number): string | undefined {
  return MONTH_NAMES[month - 1]?.slice(0, 3);
}

/** A calendar date as ISO 8601 (2019-06-28), or null when it does not exist (month 13, 31 April, 29 February 2007). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The latest SOURCE_DATE_EPOCH a date can hold: 275760-09-13, the end of the ECMAScript date range. */
const MAX_EPOCH_SECONDS = 8_640_000_000_000;

/** SOURCE_DATE_EPOCH (whole seconds since 1970, up to the end of the date range) as a date; anything else is a typed error. */
export function epochDate(epoch: string): Date {
  if (!/^\d+$/.test(epoch) || Number(epoch) > MAX_EPOCH_SECONDS) {
    throw new InputError(
      'SOURCE_DATE_EPOCH',
      `SOURCE_DATE_EPOCH must be whole seconds since 1970, at most ${MAX_EPOCH_SECONDS} (the year 275760), not "${epoch.slice(0, 40)}".`,
      { field: 'SOURCE_DATE_EPOCH' },
      'Unset it, or set it to an integer such as 1204264000.',
    );
  }
  return new Date(Number(epoch) * 1000);
}
