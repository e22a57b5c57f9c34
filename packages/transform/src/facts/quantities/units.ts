import type { QuantityKind, Qualifier } from './types.js';
import { isDash, isSymbolWord, type TokenView } from './view.js';
import { PENALTY_NOUNS, PREFIX_QUALIFIERS, RATE_WORDS, SUFFIX_QUALIFIERS, TIME_UNITS } from './words.js';

/** A currency written before token i: "$", "US$", "USD", "LE". Returns its code and first token. */
export function currencyBefore(v: TokenView, i: number): { code: string; first: number } | null {
  const t = v.tokens[i - 1];
  if (!t) return null;
  const abbreviated = v.tokens[i - 2];
  if (t.text === '.' && abbreviated?.kind === 'word' && isSymbolWord(abbreviated) && !t.spaceBefore) {
    const code = v.ctx.currencies.symbol(abbreviated.text);
    if (code) return { code, first: i - 2 };
  }
  if (t.kind === 'sym') {
    const code = v.ctx.currencies.symbol(t.text);
    if (!code) return null;
    const us = v.tokens[i - 2];
    if (t.text === '$' && us && us.kind === 'word' && !t.spaceBefore && (us.text === 'US' || us.text === 'A')) {
      return { code: v.ctx.currencies.symbol(`${us.text}$`) ?? code, first: i - 2 };
    }
    return { code, first: i - 1 };
  }
  if (t.kind === 'word' && isSymbolWord(t)) {
    const code = v.ctx.currencies.symbol(t.text);
    if (code) return { code, first: i - 1 };
  }
  return null;
}

/** A currency written after token i (exclusive): "baht", "US dollars", "Egyptian pounds", "USD". */
function currencyAfter(v: TokenView, i: number): { code: string; last: number } | null {
  let j = i;
  let adjective: string | null = null;
  const t = v.tokens[j];
  if (!t || t.kind !== 'word') return null;
  if (isSymbolWord(t) && v.ctx.currencies.symbol(t.text) && t.text !== 'US') {
    return { code: v.ctx.currencies.symbol(t.text)!, last: j };
  }
  if (v.ctx.currencies.isAdjective(t.lower) && v.tokens[j + 1] && v.ctx.currencies.isWord(v.tokens[j + 1]!.lower)) {
    adjective = t.lower;
    j++;
  } else if (t.text === 'US' && v.lower(j + 1) && v.ctx.currencies.isWord(v.lower(j + 1)!)) {
    adjective = 'us';
    j++;
  }
  const w = v.tokens[j]!.lower;
  if (!v.ctx.currencies.isWord(w)) return null;
  const code = v.ctx.currencies.word(w, adjective);
  return code ? { code, last: j } : null;
}

export function qualifierBefore(v: TokenView, i: number): { qualifier: Qualifier; first: number } | null {
  let end = i - 1;
  if (v.tokens[end]?.text === '.' && v.lower(end - 1) === 'approx') end--;
  for (const [words, qualifier] of PREFIX_QUALIFIERS) {
    const first = v.phraseEndingAt(words, end);
    if (first >= 0) {
      if (words[0] === 'some' && v.lower(first - 1) !== undefined && ['for', 'in', 'of'].includes(v.lower(first - 1)!)) continue;
      if (words.length === 1 && v.lower(first - 1) === 'the' && ['above', 'below', 'only'].includes(words[0]!)) continue;
      return { qualifier, first };
    }
  }
  return penaltyBoundBefore(v, end);
}

/**
 * "a maximum sentence of 12 years" → up_to, "a minimum term of nine months" → at_least: the bound is named a few
 * words before the "of". The span keeps to the figure (first is the figure's own token).
 */
function penaltyBoundBefore(v: TokenView, end: number): { qualifier: Qualifier; first: number } | null {
  if (v.lower(end) !== 'of') return null;
  for (let k = end - 1; k >= 0 && k >= end - 4; k--) {
    const w = v.lower(k)!;
    if (w === 'maximum' || w === 'minimum') return k === end - 1 ? null : { qualifier: w === 'maximum' ? 'up_to' : 'at_least', first: end + 1 };
    if (!PENALTY_NOUNS.has(w)) return null;
  }
  return null;
}

export function qualifierAfter(v: TokenView, i: number): { qualifier: Qualifier; last: number } | null {
  for (const [words, qualifier] of SUFFIX_QUALIFIERS) {
    if (v.phraseStartingAt(words, i)) return { qualifier, last: i + words.length - 1 };
  }
  return null;
}

/** The token after an upper-bound phrase starting at i ("not exceeding", "not more than", "up to", "a maximum of"), or null. */
export function upperBoundAt(v: TokenView, i: number): number | null {
  for (const [words, qualifier] of PREFIX_QUALIFIERS) {
    if (qualifier === 'up_to' && v.phraseStartingAt(words, i)) return i + words.length;
  }
  return null;
}

/** The unit words after a figure: percent, a currency, a time unit, or an age. */
export function unitAfter(v: TokenView, j: number): { kind: QuantityKind; unit: string | null; last: number } | null {
  const t = v.tokens[j];
  if (!t) return null;
  if (t.text === '%') return { kind: 'percent', unit: 'percent', last: j };
  if (t.lower === 'percent' || t.lower === 'pct') return { kind: 'percent', unit: 'percent', last: j };
  if (t.lower === 'per' && v.lower(j + 1) === 'cent') return { kind: 'percent', unit: 'percent', last: j + 1 };
  const currency = currencyAfter(v, j);
  if (currency) return { kind: 'money', unit: currency.code, last: currency.last };
  let k = j;
  if (isDash(t) && !t.spaceBefore) k++;
  const unitWord = v.lower(k);
  if (unitWord && unitWord in TIME_UNITS && (k === j || !v.tokens[k]!.spaceBefore)) {
    const unit = TIME_UNITS[unitWord]!;
    if (isDash(v.tokens[k + 1]) && v.lower(k + 2) === 'old') return { kind: 'age', unit, last: k + 2 };
    if (v.lower(k + 1) === 'old') return { kind: 'age', unit, last: k + 1 };
    if (v.lower(k + 1) === 'of' && v.lower(k + 2) === 'age') return { kind: 'age', unit, last: k + 2 };
    return { kind: 'duration', unit, last: k };
  }
  return null;
}

export function perAfter(v: TokenView, j: number): { per: string; last: number } | null {
  const t = v.tokens[j];
  if (!t) return null;
  if (t.lower in RATE_WORDS) return { per: RATE_WORDS[t.lower]!, last: j };
  if ((t.lower === 'per' || t.lower === 'a' || t.lower === 'an' || t.lower === 'each' || t.text === '/') && v.tokens[j + 1]?.kind === 'word') {
    const w = v.tokens[j + 1]!.lower;
    if (w in TIME_UNITS) return { per: TIME_UNITS[w]!, last: j + 1 };
    if (t.lower === 'per') return { per: w.endsWith('s') && w.length > 3 ? w.slice(0, -1) : w, last: j + 1 };
  }
  return null;
}

/** "a 5-10 prison term": a bare figure before a prison term counts its years. */
export function isPrisonTermAfter(v: TokenView, j: number): boolean {
  const w = v.lower(j);
  return (w === 'prison' || w === 'jail') && ['term', 'terms', 'sentence', 'sentences'].includes(v.lower(j + 1) ?? '');
}
