import { digitNumberAt, fractionAt, wordNumberAt, type Figure } from '../numbers.js';
import { currencyBefore, qualifierBefore, upperBoundAt } from './units.js';
import { isDash, type TokenView } from './view.js';
import { TIME_UNITS } from './words.js';

/** The figure starting at token i: digits, number words or a fraction ("half of", "a third of", "a year"). */
export function figureAt(v: TokenView, i: number): Figure | null {
  const t = v.tokens[i]!;
  if (t.kind === 'num') return fractionAt(v.tokens, i) ?? digitNumberAt(v.tokens, i);
  if (t.kind !== 'word') return null;
  const fraction = fractionAt(v.tokens, i);
  if (fraction) {
    const after = v.lower(fraction.last + 1);
    const word = v.tokens[i]!.lower;
    if (word === 'half') {
      const before = v.lower(i - 1);
      const numberBefore = before === 'and' && (v.tokens[i - 2]?.kind === 'num' || wordNumberAt(v.tokens, i - 2) !== null);
      if (v.tokens[i + 1]?.text === '-' || before === 'a' || numberBefore) return null;
      if (after !== 'of' && after !== 'the' && after !== 'a' && after !== 'their' && after !== 'them' && !qualifierBefore(v, i)) return null;
    } else if (word === 'a' && after !== 'of') {
      return null;
    }
    return fraction;
  }
  if ((t.lower === 'a' || t.lower === 'an') && v.lower(i + 1) && v.lower(i + 1)! in TIME_UNITS && qualifierBefore(v, i)) {
    return { value: 1, first: i, last: i, form: 'words' };
  }
  return wordNumberAt(v.tokens, i);
}

/** Reads the figure that may follow a range word: "-$60", "to 10,860", "to fifteen". */
export function rangeEnd(v: TokenView, after: number): { figure: Figure; currency: string | null; bounded: boolean } | null {
  const sep = v.tokens[after];
  if (!sep) return null;
  const isRangeWord = isDash(sep) || sep.lower === 'to' || sep.lower === 'and' || sep.lower === 'through' || sep.lower === 'or';
  if (!isRangeWord) return null;
  let i = after + 1;
  const bound = sep.lower === 'and' || sep.lower === 'to' ? upperBoundAt(v, i) : null;
  if (bound !== null) i = bound;
  const cur = currencyBefore(v, i + 1);
  let currency: string | null = null;
  if (cur && cur.first === i) {
    currency = cur.code;
    i = cur.first + (v.tokens[cur.first]!.text === 'US' ? 2 : 1);
  }
  const t = v.tokens[i];
  if (!t || (t.kind !== 'num' && t.kind !== 'word')) return null;
  if (t.kind === 'num' && (v.ctx.claimed(t.start) || fractionAt(v.tokens, i)?.form === 'fraction')) return null;
  const figure = t.kind === 'num' ? digitNumberAt(v.tokens, i) : wordNumberAt(v.tokens, i);
  if (!figure) return null;
  return { figure, currency, bounded: bound !== null };
}
