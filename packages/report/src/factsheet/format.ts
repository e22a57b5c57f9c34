import { MONTH_NAMES, monthAbbreviation } from '@cablepress/core';
import type { IndicatorRow, PenaltyRow } from './types.js';

type Qualifier = IndicatorRow['qualifier'];

const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: '',
  approximately: 'about',
  about: 'about',
  roughly: 'about',
  at_least: 'at least',
  more_than: 'more than',
  over: 'over',
  less_than: 'less than',
  up_to: 'up to',
  nearly: 'nearly',
  as_many_as: 'as many as',
};

const CURRENCY_PREFIX: Record<string, string> = { USD: '$', GBP: '£', EUR: '€' };
const CURRENCY_SUFFIX: Record<string, string> = { LAK: ' kip', THB: ' baht' };

/** A number in English with thousands separators, e.g. 1,044 or 1.4 million; at most two decimals. */
export function formatNumber(value: number): string {
  if (Math.abs(value) >= 1_000_000 && value % 100_000 === 0) {
    return `${formatNumber(value / 1_000_000)} million`;
  }
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** The qualifier as words to print before a figure ("more than"), or an empty string for exact figures. */
export function qualifierWords(qualifier: Qualifier): string {
  return QUALIFIER_WORDS[qualifier];
}

/** "10–100 million" rather than "10 million–100 million"; "35–60" otherwise. */
function formatRange(low: number, high: number): string {
  const millions = low >= 1_000_000 && low % 100_000 === 0 && high % 100_000 === 0;
  if (millions) return `${formatNumber(low / 1_000_000)}–${formatNumber(high / 1_000_000)} million`;
  return `${formatNumber(low)}–${formatNumber(high)}`;
}

interface Figure {
  value: number;
  value_max: number | null;
  unit: string | null;
}

/** The figure itself, with its unit but without the qualifier: 280, 71%, $35–60, 5–15 years. */
export function formatFigure({ value, value_max, unit }: Figure): string {
  const range = value_max !== null && value_max !== value ? formatRange(value, value_max) : formatNumber(value);
  if (unit === null) return range;
  if (unit === 'percent') return `${range}%`;
  if (unit === 'fraction') return range;
  const prefix = CURRENCY_PREFIX[unit];
  if (prefix) return `${prefix}${range}`;
  const suffix = CURRENCY_SUFFIX[unit];
  if (suffix) return `${range}${suffix}`;
  if (/^[A-Z]{3}$/.test(unit)) return `${unit} ${range}`;
  const plural = value_max !== null || value !== 1 ? `${unit}s` : unit;
  return `${range} ${plural}`;
}

/** "per month" for a rate, or an empty string. */
export function perWords(per: string | null): string {
  return per ? `per ${per}` : '';
}

/** 29 February 2008, from an ISO date or datetime; the date part is read as written (no time-zone shift). */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${d} ${MONTH_NAMES[(m ?? 1) - 1]} ${y}`;
}

/** A recipe period for print: 2008-01 becomes Jan 2008, 2001-2007 becomes 2001–2007; anything else stays as written. */
export function formatPeriod(period: string): string {
  const month = period.match(/^(\d{4})-(\d{2})$/);
  if (month) return `${monthAbbreviation(Number(month[2])) ?? month[2]} ${month[1]}`;
  const years = period.match(/^(\d{4})-(\d{4})$/);
  if (years) return `${years[1]}–${years[2]}`;
  return period;
}

/** A date at the precision the cable gives it: "27 Feb 2007", "Jul 2007", "2007", "mid-2005". */
export function formatEventDate(e: { date_start: string; date_end: string; precision: string; text: string }): string {
  const [y, m, d] = e.date_start.split('-').map(Number);
  const month = monthAbbreviation(m ?? 1) ?? '';
  if (e.precision === 'day') return `${d} ${month} ${y}`;
  if (e.precision === 'month') return `${month} ${y}`;
  if (e.precision === 'year') return String(y);
  if (e.precision === 'decade' && !/\d{4}s/.test(e.text)) return `${Math.floor((y ?? 0) / 10) * 10}s`;
  const phrase = e.text.replace(/\s+/g, ' ').trim();
  return phrase.length <= 16 ? phrase : String(y);
}

/** Prison term of a penalty tier in words: "5–15 years", "life or death". */
export function formatPrison(p: Pick<PenaltyRow, 'prison_min_years' | 'prison_max_years' | 'life_imprisonment' | 'death_penalty'>): string {
  const parts: string[] = [];
  if (p.prison_min_years === null && p.prison_max_years !== null) {
    parts.push(`up to ${formatFigure({ value: p.prison_max_years, value_max: null, unit: 'year' })}`);
  } else if (p.prison_min_years !== null) {
    parts.push(formatFigure({ value: p.prison_min_years, value_max: p.prison_max_years, unit: 'year' }));
  }
  if (p.life_imprisonment) parts.push('life');
  if (p.death_penalty) parts.push('death');
  return parts.join(' or ') || 'not stated';
}

/** Fine of a penalty tier: "10–100 million kip ($1,086–10,860)". */
export function formatFine(p: Pick<PenaltyRow, 'fine_min' | 'fine_max' | 'fine_currency' | 'fine_min_usd' | 'fine_max_usd'>): string {
  const local = p.fine_min !== null ? formatFigure({ value: p.fine_min, value_max: p.fine_max, unit: p.fine_currency }) : null;
  const usd = p.fine_min_usd !== null ? formatFigure({ value: p.fine_min_usd, value_max: p.fine_max_usd, unit: 'USD' }) : null;
  if (local && usd && p.fine_currency !== 'USD') return `${local} (${usd})`;
  return local ?? usd ?? 'none stated';
}

/** Splits running text into sentences (good enough for cable prose: abbreviations like "U.S." may split early). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?]["')]?)\s+(?=["(]?[A-Z0-9])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Characters of a sentence a figure's label keeps: what three lines of the label column hold. */
const LABEL_MAX = 240;

/**
 * The words of a long sentence around its figure, cut at words with an ellipsis on the side that was cut, so that the
 * label always shows its own figure ("…police arrested 23 suspects in 2007…"); a short sentence whole.
 */
export function quoteAround(sentence: string, figure: string, max = LABEL_MAX): string {
  if (sentence.length <= max) return sentence;
  const at = Math.max(0, sentence.indexOf(figure));
  let start = Math.max(0, Math.min(at - Math.floor(max / 3), sentence.length - max));
  if (start > 0) start = sentence.indexOf(' ', start) + 1 || start;
  let end = Math.min(sentence.length, start + max);
  if (end < sentence.length) end = sentence.lastIndexOf(' ', end) > at + figure.length ? sentence.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '\u2026' : ''}${sentence.slice(start, end)}${end < sentence.length ? '\u2026' : ''}`;
}

/**
 * The longest name (of an organisation, or its id) the fact sheet looks for in the text with a regular expression: the
 * longest in the curated dictionary has 69 characters, and V8 refuses a pattern of some 50,000 ("Regular expression too
 * large"), which a cable that defines an organisation with a 50,000-character word would otherwise give.
 */
export const MAX_PATTERN_NAME = 200;

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
