import { NUMBER_WORD_STARTS, SCALES, type Figure } from '../numbers.js';
import { countedAfter, countsWhatCameBefore, isAgeContext, isDirectNoun, isPluralNoun } from './counted.js';
import { figureAt, rangeEnd } from './figures.js';
import { isNotAQuantity } from './filters.js';
import type { QuantityKind, QuantityMatch, Qualifier } from './types.js';
import { currencyBefore, isPrisonTermAfter, perAfter, qualifierAfter, qualifierBefore, unitAfter } from './units.js';
import { isYearLike, TokenView, type ScanContext } from './view.js';
import { AGE_NOUNS, BE_VERBS, UNDER_AGE_NOUNS, YEAR_BEFORE_WORDS } from './words.js';

/** A quantity being read: its first and last token, what it is and its bounds. */
interface Draft {
  start: number;
  last: number;
  kind: QuantityKind;
  unit: string | null;
  value: number;
  valueMax: number | null;
  qualifier: Qualifier;
  /** True when a qualifier phrase stands before the figure (or before "age of" in front of it). */
  prefixed: boolean;
  currencyPrefix: boolean;
}

/** Finds every figure in one sentence's tokens. */
export function scanQuantities(ctx: ScanContext): QuantityMatch[] {
  const v = new TokenView(ctx);
  const out: QuantityMatch[] = [];
  const tokens = v.tokens;
  let i = 0;
  let lastEnd = -1;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if ((t.kind !== 'num' && (t.kind !== 'word' || !NUMBER_WORD_STARTS.has(t.lower))) || ctx.claimed(t.start)) {
      i++;
      continue;
    }
    const figure = figureAt(v, i);
    if (!figure) {
      i++;
      continue;
    }
    const previous = out.at(-1);
    const listed =
      previous && previous.kind === 'money' && lastEnd === figure.first - 2 && ['and', 'or'].includes(v.lower(figure.first - 1)!) ? previous : null;
    const match = build(v, figure, listed?.unit ?? null);
    if (match) {
      out.push(match.quantity);
      lastEnd = match.next - 1;
      i = match.next;
    } else {
      i = figure.last + 1;
    }
  }
  return out;
}

/**
 * Builds the quantity at a figure. `listedCurrency` is the currency of an amount listed just before it ("USD 5,300
 * and 26,500"), which a bare figure takes.
 */
function build(v: TokenView, figure: Figure, listedCurrency: string | null): { quantity: QuantityMatch; next: number } | null {
  if (figure.form === 'digits' && isNotAQuantity(v, figure)) return null;
  const d = openDraft(v, figure);
  if (figure.form !== 'fraction') {
    if (!d.currencyPrefix) takeUnit(v, d, d.last + 1);
    readRange(v, figure, d);
    if (d.kind === 'count' && figure.form === 'digits' && !d.currencyPrefix && d.unit === null) {
      const u = unitAfter(v, d.last + 1);
      if (u && u.kind === 'money') Object.assign(d, { kind: u.kind, unit: u.unit, last: u.last });
    }
  }
  if (d.kind === 'count' && d.unit === null && listedCurrency && figure.form === 'digits') Object.assign(d, { kind: 'money', unit: listedCurrency });
  if (isYearNotCount(v, figure, d)) return null;
  if (d.kind === 'count' && isPrisonTermAfter(v, d.last + 1)) Object.assign(d, { kind: 'duration', unit: 'year' });
  readSuffix(v, d);
  if ((d.kind === 'count' || (d.kind === 'duration' && d.unit === 'year')) && isAge(v, figure, d)) Object.assign(d, { kind: 'age', unit: 'year' });
  const per = perAfter(v, d.last + 1);
  const counted = countedOf(v, d, per ? per.last + 1 : d.last + 1);
  if (figure.form === 'words' && d.kind === 'count') {
    const counts = figure.value > 1 && ((counted !== null && isDirectNoun(v, d.last + 1)) || countsWhatCameBefore(v, d.last + 1));
    if (d.valueMax === null && !counts) return null;
  }
  if (figure.form === 'words' && figure.value === 0) return null;
  return {
    quantity: {
      start: v.tokens[d.start]!.start,
      end: v.tokens[d.last]!.end,
      kind: d.kind,
      value: round(d.value),
      value_max: d.valueMax === null ? null : round(d.valueMax),
      unit: d.unit,
      qualifier: d.qualifier,
      per: per?.per ?? null,
      counted,
    },
    next: d.last + 1,
  };
}

/** The start of a quantity: a currency written before the figure, a qualifier phrase before it (also "up to the age of 18"). */
function openDraft(v: TokenView, figure: Figure): Draft {
  const currency = figure.form === 'digits' ? currencyBefore(v, figure.first) : null;
  let start = currency ? currency.first : figure.first;
  let qualifier: Qualifier = 'exact';
  let qualifierSkipsAge = false;
  let q = qualifierBefore(v, start);
  const ageWord = v.lower(start - 1) === 'of' ? start - 2 : start - 1;
  if (!q && (v.lower(ageWord) === 'age' || v.lower(ageWord) === 'ages')) {
    const ageStart = v.lower(ageWord - 1) === 'the' ? ageWord - 1 : ageWord;
    q = qualifierBefore(v, ageStart);
    qualifierSkipsAge = q !== null;
  }
  if (q) {
    qualifier = q.qualifier;
    if (!qualifierSkipsAge && q.qualifier !== 'exact') start = q.first;
  }
  const fraction = figure.form === 'fraction';
  return {
    start,
    last: figure.last,
    qualifier,
    prefixed: q !== null,
    currencyPrefix: currency !== null,
    value: figure.value,
    valueMax: null,
    kind: currency ? 'money' : fraction ? 'fraction' : 'count',
    unit: currency ? currency.code : fraction ? 'fraction' : null,
  };
}

/** Takes the unit written after token `at` (percent, a currency, a time unit, an age) into the draft. */
function takeUnit(v: TokenView, d: Draft, at: number): void {
  const u = unitAfter(v, at);
  if (u) Object.assign(d, { kind: u.kind, unit: u.unit, last: u.last });
}

/** Reads a range after the figure ("5-10 years", "between 100 and 200", "USD 5 to USD 10") when it is plausible. */
function readRange(v: TokenView, figure: Figure, d: Draft): void {
  const tokens = v.tokens;
  const at = rangeWordAt(v, d);
  const range = rangeEnd(v, at);
  if (!range || !(range.figure.form === figure.form || d.kind !== 'count' || figure.form === 'digits' || range.figure.form === 'digits')) return;
  const secondUnit = range.currency ? { kind: 'money' as const, unit: range.currency, last: range.figure.last } : unitAfter(v, range.figure.last + 1);
  const firstHadUnit = d.unit !== null;
  const sep = tokens[at]!;
  const lowerBound = d.qualifier === 'at_least' || d.qualifier === 'more_than';
  const between =
    sep.lower === 'and'
      ? v.lower(figure.first - 1) === 'between' || v.lower(d.start - 1) === 'between' || (range.bounded && lowerBound && !firstHadUnit)
      : sep.lower === 'or'
        ? !firstHadUnit && secondUnit !== null && secondUnit.kind !== 'money' && figure.form === range.figure.form
        : true;
  const compatible = firstHadUnit ? secondUnit === null || secondUnit.unit === d.unit : true;
  const scaleWord = tokens[range.figure.last]!.lower;
  const firstScaled = tokens[figure.last]!.lower in SCALES;
  const scaled = scaleWord in SCALES && !firstScaled && d.last === figure.last ? d.value * SCALES[scaleWord]! : d.value;
  const plausible = range.figure.value >= scaled && between && compatible && !(isYearLike(tokens[figure.first]!) && !firstHadUnit && !secondUnit);
  if (!plausible) return;
  if (range.bounded) d.qualifier = 'exact';
  d.value = scaled;
  d.valueMax = range.figure.value;
  d.last = secondUnit && !range.currency ? secondUnit.last : range.figure.last;
  if (secondUnit && !firstHadUnit) {
    d.kind = secondUnit.kind;
    d.unit = secondUnit.unit;
  } else if (range.currency) {
    d.last = range.figure.last;
  }
  if (range.currency && !firstHadUnit) {
    d.kind = 'money';
    d.unit = range.currency;
  }
  if (!range.currency && !secondUnit && !firstHadUnit) takeUnit(v, d, d.last + 1);
}

/**
 * Where the word that may open a range stands after the figure: right after it, or after the "and a day" of a legal
 * term ("five years and a day to 20 years" is 5-20 years), with "up to" read as "to" ("three years and a day up to five").
 */
function rangeWordAt(v: TokenView, d: Draft): number {
  let at = d.last + 1;
  if (d.kind === 'duration' && v.lower(at) === 'and' && (v.lower(at + 1) === 'a' || v.lower(at + 1) === 'one') && v.lower(at + 2) === 'day') at += 3;
  if (at > d.last + 1 && v.lower(at) === 'up' && v.lower(at + 1) === 'to') at += 1;
  return at;
}

/** True when a bare year is the year of what follows ("2007 cases" after "of", or with a qualifier), not a count. */
function isYearNotCount(v: TokenView, figure: Figure, d: Draft): boolean {
  if (d.kind !== 'count' || !isYearLike(v.tokens[figure.first]!) || d.valueMax !== null || d.currencyPrefix) return false;
  const next = v.tokens[d.last + 1];
  const plural = next && next.kind === 'word' && isPluralNoun(next.lower) && next.text !== next.text.toUpperCase();
  return !plural || d.prefixed || YEAR_BEFORE_WORDS.has(v.lower(d.start - 1) ?? '');
}

/** A qualifier written after the figure ("two or more", "18 or older"). */
function readSuffix(v: TokenView, d: Draft): void {
  const suffix = qualifierAfter(v, d.last + 1);
  if (!suffix || d.qualifier !== 'exact') return;
  d.qualifier = suffix.qualifier;
  if (d.kind === 'duration' && ['older', 'above', 'over'].includes(v.lower(suffix.last)!)) d.kind = 'age';
  d.last = suffix.last;
}

/** "children under 18", "if the victim is under thirteen years", "aged 12". */
function isAge(v: TokenView, figure: Figure, d: Draft): boolean {
  const noun = v.lower(BE_VERBS.has(v.lower(d.start - 1) ?? '') ? d.start - 2 : d.start - 1) ?? '';
  const ageNoun =
    (AGE_NOUNS.has(noun) && (d.qualifier === 'less_than' || d.qualifier === 'over' || d.qualifier === 'more_than')) ||
    (UNDER_AGE_NOUNS.has(noun) && d.qualifier === 'less_than');
  return ageNoun || isAgeContext(v, figure.first, d.last + 1);
}

/** The noun a count (or "N-year-old") counts, and what a percent or fraction is "of". */
function countedOf(v: TokenView, d: Draft, from: number): string | null {
  if (d.kind === 'count' || (d.kind === 'age' && v.lower(d.last) === 'old')) return countedAfter(v, from);
  if ((d.kind === 'percent' || d.kind === 'fraction') && v.lower(d.last + 1) === 'of')
    return countedAfter(v, v.lower(d.last + 2) === 'the' ? d.last + 3 : d.last + 2);
  return null;
}

function round(n: number): number {
  return Number.isInteger(n) ? n : Math.round(n * 1e6) / 1e6;
}
