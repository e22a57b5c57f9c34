import { numberValue, wordTable, type Token } from './text.js';

const SMALL: Record<string, number> = wordTable({
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
});
const TENS: Record<string, number> = wordTable({ twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 });
/** Multipliers after a figure: "1.4 million", "six hundred". */
export const SCALES: Record<string, number> = wordTable({ hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 });
/** Denominators of fractions written as words: one-third, two-thirds, a quarter. */
const DENOMINATORS: Record<string, number> = {
  half: 2,
  halves: 2,
  third: 3,
  thirds: 3,
  quarter: 4,
  quarters: 4,
  fourth: 4,
  fourths: 4,
  fifth: 5,
  fifths: 5,
  sixth: 6,
  sixths: 6,
  seventh: 7,
  sevenths: 7,
  eighth: 8,
  eighths: 8,
  ninth: 9,
  ninths: 9,
  tenth: 10,
  tenths: 10,
};

/** Words a figure written in words can start with: one, twenty, a (third), half. */
export const NUMBER_WORD_STARTS: ReadonlySet<string> = new Set([...Object.keys(SMALL), ...Object.keys(TENS), 'a', 'an', 'half']);

/** A figure read at a token: its value and the tokens [first, last] it covers. */
export interface Figure {
  value: number;
  first: number;
  last: number;
  /** How it was written. */
  form: 'digits' | 'words' | 'fraction';
}

function adjacent(tokens: readonly Token[], i: number, text: string): boolean {
  return tokens[i]?.text === text && !tokens[i]!.spaceBefore;
}

/** Reads a number written in words (five, twenty-five, one hundred) at token i. */
export function wordNumberAt(tokens: readonly Token[], i: number): Figure | null {
  let value = 0;
  let current = 0;
  let j = i;
  let last = -1;
  for (;;) {
    const t = tokens[j];
    if (!t || t.kind !== 'word') break;
    const w = t.lower;
    if (w in SMALL) {
      current += SMALL[w]!;
    } else if (w in TENS) {
      current += TENS[w]!;
      if (adjacent(tokens, j + 1, '-') && tokens[j + 2]?.lower && tokens[j + 2]!.lower in SMALL && !tokens[j + 2]!.spaceBefore) {
        current += SMALL[tokens[j + 2]!.lower]!;
        j += 2;
      }
    } else if (last >= 0 && w === 'hundred') {
      current *= 100;
    } else if (last >= 0 && w in SCALES) {
      value += current * SCALES[w]!;
      current = 0;
    } else {
      break;
    }
    last = j;
    j++;
    if (
      tokens[j]?.lower === 'and' &&
      last >= 0 &&
      tokens[j + 1] &&
      (tokens[j + 1]!.lower in SMALL || tokens[j + 1]!.lower in TENS) &&
      (tokens[j - 1]!.lower === 'hundred' || tokens[j - 1]!.lower === 'thousand')
    )
      j++;
  }
  if (last < 0) return null;
  return { value: value + current, first: i, last, form: 'words' };
}

/** Reads a fraction at token i: one-third, two thirds, a quarter, half, 2/3, 2/3s. */
export function fractionAt(tokens: readonly Token[], i: number): Figure | null {
  const t = tokens[i];
  if (!t) return null;
  if (t.kind === 'num' && /^[1-9]\d?$/.test(t.text) && adjacent(tokens, i + 1, '/') && tokens[i + 2]?.kind === 'num' && !tokens[i + 2]!.spaceBefore) {
    if (!/^[1-9]\d?$/.test(tokens[i + 2]!.text)) return null;
    const den = Number(tokens[i + 2]!.text);
    if (Number(t.text) >= den) return null;
    let last = i + 2;
    const suffix = tokens[i + 3];
    if (suffix && suffix.kind === 'word' && !suffix.spaceBefore) {
      if (!['s', 'rds', 'ths', 'nds'].includes(suffix.lower)) return null;
      last = i + 3;
    }
    if (tokens[last + 1] && !tokens[last + 1]!.spaceBefore && tokens[last + 1]!.text === '/') return null;
    return { value: Number(t.text) / den, first: i, last, form: 'fraction' };
  }
  if (t.kind !== 'word') return null;
  if (t.lower === 'half') return { value: 0.5, first: i, last: i, form: 'fraction' };
  let numerator: number | null = null;
  if (t.lower === 'a') numerator = 1;
  else if (t.lower in SMALL) numerator = SMALL[t.lower]!;
  if (numerator === null) return null;
  let j = i + 1;
  if (adjacent(tokens, j, '-')) j++;
  const d = tokens[j];
  if (!d || d.kind !== 'word' || !(d.lower in DENOMINATORS)) return null;
  if (t.lower === 'a' && d.lower === 'half') return null;
  return { value: numerator / DENOMINATORS[d.lower]!, first: i, last: j, form: 'fraction' };
}

/** Reads a number written in digits at token i, with a following scale word (1.4 million). */
export function digitNumberAt(tokens: readonly Token[], i: number): Figure | null {
  const t = tokens[i];
  if (!t || t.kind !== 'num') return null;
  let value = numberValue(t.text);
  let last = i;
  const next = tokens[i + 1];
  if (next && next.kind === 'word' && next.spaceBefore && next.lower in SCALES) {
    value *= SCALES[next.lower]!;
    last = i + 1;
  }
  if (!Number.isFinite(value)) return null;
  return { value, first: i, last, form: 'digits' };
}
