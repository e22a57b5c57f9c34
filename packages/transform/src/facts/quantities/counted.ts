import { isDash, type TokenView } from './view.js';
import { AGE_VERBS, IRREGULAR_PLURALS, MAX_LOOKBACK, NOT_PLURAL, STOP_WORDS, VERBS_IN_S } from './words.js';

export function isPluralNoun(w: string): boolean {
  if (IRREGULAR_PLURALS.has(w)) return true;
  if (NOT_PLURAL.has(w) || STOP_WORDS.has(w) || w.length < 4) return false;
  return w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is') && !w.endsWith('ous');
}

function isContentWord(w: string): boolean {
  return !STOP_WORDS.has(w) && !w.endsWith('ed') && !w.endsWith('ing') && !w.endsWith('ly') && w.length > 2;
}

/** Best-effort noun the figure counts: the first plural noun within a few words, else the last content word before a break. */
export function countedAfter(v: TokenView, j: number): string | null {
  let firstContent: string | null = null;
  let words = 0;
  for (let k = j; k < v.tokens.length && words < 4; k++) {
    const t = v.tokens[k]!;
    if (t.kind === 'sym') {
      if (t.text === '-' && !t.spaceBefore) continue;
      break;
    }
    if (t.kind !== 'word') break;
    const w = t.lower;
    if (STOP_WORDS.has(w) || VERBS_IN_S.has(w)) break;
    const apostrophe = v.tokens[k + 1];
    if (apostrophe && (apostrophe.text === "'" || apostrophe.text === '\u2019') && !apostrophe.spaceBefore && v.lower(k + 2) === 's') {
      k += 2;
      continue;
    }
    words++;
    if (isPluralNoun(w)) {
      const next = v.tokens[k + 1];
      if (next && next.kind === 'word' && IRREGULAR_PLURALS.has(w) && isPluralNoun(next.lower) && !IRREGULAR_PLURALS.has(next.lower)) {
        return `${w} ${next.lower}`;
      }
      return w;
    }
    const capital = t.text[0] !== w[0];
    if (isContentWord(w) && !capital) firstContent = w;
  }
  return firstContent;
}

/**
 * True when the words before the figure say it is an age: "aged 12", "turned 18", "the age of 18", "the minimum age
 * to marry is 18". "under-age" is not such a word, and a figure followed by the noun it counts stays a count
 * ("14 marriage officials").
 */
export function isAgeContext(v: TokenView, i: number, after: number): boolean {
  if (isDirectNoun(v, after)) return false;
  const direct = v.tokens[i - 1];
  if (direct?.kind === 'word' && AGE_VERBS.has(direct.lower)) return true;
  for (let k = i - 1, words = 0; k >= 0 && words < 6 && k > i - MAX_LOOKBACK; k--) {
    const t = v.tokens[k]!;
    if (t.kind === 'num') return false;
    if (t.kind !== 'word') continue;
    words++;
    if ((t.lower === 'age' || t.lower === 'ages' || t.lower === 'aged') && !(isDash(v.tokens[k - 1]) && !t.spaceBefore)) return true;
  }
  return false;
}

/**
 * True when a number word stands for things named before it: "six in the capital", "three of them", "All four were
 * subsequently forced into prostitution": it is followed by "in/of the, them, whom, these, those" or by a verb.
 */
export function countsWhatCameBefore(v: TokenView, j: number): boolean {
  const next = v.lower(j);
  const after = v.lower(j + 1);
  if (next === 'in' || next === 'of') return after === 'the' || after === 'them' || after === 'whom' || after === 'these' || after === 'those';
  return next !== undefined && ['were', 'are', 'was', 'remain', 'remained', 'have', 'had'].includes(next) && v.tokens[j]!.kind === 'word';
}

/** True when the word right after a figure (or after one adjective) is the noun it counts. */
export function isDirectNoun(v: TokenView, j: number): boolean {
  const a = v.tokens[j];
  if (!a || a.kind !== 'word' || STOP_WORDS.has(a.lower)) return false;
  return isPluralNoun(a.lower) || (v.tokens[j + 1]?.kind === 'word' && isPluralNoun(v.tokens[j + 1]!.lower));
}
