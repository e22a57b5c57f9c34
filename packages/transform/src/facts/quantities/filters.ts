import type { Figure } from '../numbers.js';
import { isDash, type TokenView } from './view.js';
import { DIRECT_REFERENCE_WORDS, MAX_LOOKBACK, MONTH_WORDS, PHONE_WORDS, REFERENCE_WORDS, TIME_OF_DAY, TIME_UNITS } from './words.js';

/**
 * True when a figure written in digits is not a quantity: glued to a word or another number, a list marker ("1.",
 * "2)"), a zero-padded code, an identifier, a code, a date's day or a clock time, a key or section, a telephone number.
 */
export function isNotAQuantity(v: TokenView, figure: Figure): boolean {
  const tokens = v.tokens;
  const first = tokens[figure.first]!;
  const prev = tokens[figure.first - 1];
  const next = tokens[figure.last + 1];
  if (prev && prev.kind === 'word' && !first.spaceBefore) return true;
  if (next && next.kind === 'word' && !next.spaceBefore) return true;
  if (next && next.kind === 'sym' && !next.spaceBefore && (next.text === ':' || next.text === '/') && tokens[figure.last + 2]?.kind === 'num') return true;
  if (next && next.kind === 'num') return true;
  if (prev && prev.kind === 'num') return true;
  if (figure.first === 0 && next && (next.text === '.' || next.text === ')') && /^\d{1,2}$/.test(first.text)) return true;
  if (tokens.length === 1) return true;
  if (/^0\d{2,}$/.test(first.text)) return true;
  if (prev && !first.spaceBefore && [',', '.', ';'].includes(prev.text) && /^\d$/.test(first.text)) return true;
  if (next?.text === ')' && !next.spaceBefore && /^\d{1,2}$/.test(first.text) && isUnopenedBracket(v, figure.first + 1)) return true;
  if (
    next?.text === ')' &&
    !next.spaceBefore &&
    /^\d{1,2}$/.test(first.text) &&
    (prev?.text === '(' || prev === undefined || prev.text === ':' || prev.text === ',' || prev.lower === 'and' || prev.lower === 'or')
  )
    return true;
  if (isReference(v, figure.first) || isCode(v, figure.first) || isDayOrTime(v, figure.first)) return true;
  return isKeyOrSection(v, figure.first) || isPhoneNumber(v, figure.first);
}

/** True when the figure at token i is an identifier or a code rather than a quantity. */
function isReference(v: TokenView, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && j > i - MAX_LOOKBACK) {
    const t = v.tokens[j]!;
    const ofBetweenNumbers = t.lower === 'of' && v.tokens[j - 1]?.kind === 'num';
    if (
      t.kind === 'num' ||
      t.text === ',' ||
      t.text === '(' ||
      t.text === ')' ||
      t.text === ':' ||
      t.lower === 'and' ||
      t.lower === 'y' ||
      t.lower === 'or' ||
      t.lower === 'to' ||
      t.lower === 'through' ||
      ofBetweenNumbers ||
      isDash(t)
    ) {
      j--;
      continue;
    }
    break;
  }
  const prev = v.tokens[j];
  const direct = v.tokens[i - 1];
  if (direct && direct.kind === 'sym' && ['#', '\u00b6', '/', ':', '+', '.'].includes(direct.text) && !v.tokens[i]!.spaceBefore) return true;
  if (direct?.text === '.' && v.tokens[i - 2]?.kind === 'word' && v.tokens[i - 2]!.text.length === 1 && v.tokens[i - 3]?.text === '.') return true;
  if (prev?.text === '.' && v.tokens[j - 1]?.kind === 'word' && REFERENCE_WORDS.has(v.tokens[j - 1]!.lower)) return true;
  if (!prev || prev.kind !== 'word') return false;
  if (REFERENCE_WORDS.has(prev.lower)) return true;
  if (direct?.kind === 'word' && DIRECT_REFERENCE_WORDS.has(direct.lower)) return true;
  const unitAfter = (v.lower(i + 1) ?? '') in TIME_UNITS;
  if (j === i - 1 && prev.text.length >= 3 && prev.text === prev.text.toUpperCase() && !v.ctx.currencies.symbol(prev.text) && !unitAfter) return true;
  return false;
}

/**
 * True for numbers that are parts of codes: telephone numbers and serials written with hyphens (967-1-755-2398,
 * FSN-11), seven or more digits with no thousands separator (telephone and account numbers: a count that large is
 * written 7,193,791 or 7.2 million), and the year of a cable reference (09 SANAA 1936).
 */
function isCode(v: TokenView, i: number): boolean {
  const t = v.tokens[i]!;
  if (/^\d{7,}$/.test(t.text)) return true;
  const glued = (k: number) => v.tokens[k] !== undefined && !v.tokens[k]!.spaceBefore;
  const prev = v.tokens[i - 1];
  if (
    prev &&
    isDash(prev) &&
    !t.spaceBefore &&
    (v.tokens[i - 2]?.kind === 'num' || (v.tokens[i - 2]?.kind === 'word' && v.tokens[i - 2]!.text === v.tokens[i - 2]!.text.toUpperCase())) &&
    glued(i - 1)
  )
    return true;
  if (
    isDash(v.tokens[i + 1]) &&
    glued(i + 1) &&
    v.tokens[i + 2]?.kind === 'num' &&
    glued(i + 2) &&
    isDash(v.tokens[i + 3]) &&
    glued(i + 3) &&
    v.tokens[i + 4]?.kind === 'num'
  )
    return true;
  const next = v.tokens[i + 1];
  if (
    /^\d\d$/.test(t.text) &&
    next &&
    next.kind === 'word' &&
    next.text.length >= 3 &&
    next.text === next.text.toUpperCase() &&
    v.tokens[i + 2]?.kind === 'num'
  )
    return true;
  return false;
}

/** True for the day of a date without a year (June 16, 16 June) and for clock times (1200 noon, 3:30 pm). */
function isDayOrTime(v: TokenView, i: number): boolean {
  const t = v.tokens[i]!;
  const prev = v.tokens[i - 1];
  const next = v.tokens[i + 1];
  if (
    /^\d{1,2}$/.test(t.text) &&
    ((prev && prev.kind === 'word' && prev.lower in MONTH_WORDS && prev.text[0] !== prev.lower[0]) ||
      (next && next.kind === 'word' && next.lower in MONTH_WORDS && next.text[0] !== next.lower[0]))
  )
    return true;
  if (next === undefined || next.kind !== 'word' || !TIME_OF_DAY.has(next.lower)) return false;
  return next.lower !== 'hrs' || /^[0-2]\d[0-5]\d$/.test(t.text);
}

/**
 * True for answer keys and statute sections written after a number: "27.A.", "23 A:", "18(b)". A one-letter word
 * glued by a dot, or standing alone before a colon, is a key; a bracketed letter or roman numeral glued on is a subsection.
 */
function isKeyOrSection(v: TokenView, i: number): boolean {
  const t = (k: number) => v.tokens[k];
  const letter = (k: number) => t(k)?.kind === 'word' && t(k)!.text.length === 1 && t(k)!.text === t(k)!.text.toUpperCase();
  if (t(i + 1)?.text === '.' && !t(i + 1)!.spaceBefore && letter(i + 2) && !t(i + 2)!.spaceBefore && ['.', ')', ':'].includes(t(i + 3)?.text ?? ''))
    return true;
  if (letter(i + 1) && t(i + 2)?.text === ':') return true;
  if (letter(i + 1) && (t(i + 2)?.lower === 'and' || t(i + 2)?.text === ',' || isDash(t(i + 2))) && letter(i + 3)) return true;
  return t(i + 1)?.text === '(' && !t(i + 1)!.spaceBefore && t(i + 2)?.kind === 'word' && t(i + 2)!.text.length <= 3 && t(i + 3)?.text === ')';
}

/** True when the ")" at token i closes no "(" of its sentence: it ends a list marker such as "Issues 1) Darfur". */
function isUnopenedBracket(v: TokenView, i: number): boolean {
  let depth = 0;
  for (let k = 0; k < i; k++) {
    const t = v.tokens[k]!.text;
    if (t === '(') depth++;
    else if (t === ')' && depth > 0) depth--;
  }
  return depth === 0;
}

/** True for an emergency or hotline number written as a figure: "the 911 emergency line", "1-800 hotline". */
function isPhoneNumber(v: TokenView, i: number): boolean {
  const t = v.tokens[i]!;
  return !t.text.includes(',') && PHONE_WORDS.has(v.lower(i + 1) ?? '');
}
