import type { CurrencyResolver } from '../currencies.js';
import type { Token } from '../text.js';

/** What the sentence scanner needs to know about the text around it. */
export interface ScanContext {
  tokens: readonly Token[];
  currencies: CurrencyResolver;
  /** True when the token starting at this offset of the clean text already belongs to another fact (a date). */
  claimed: (start: number) => boolean;
}

/** The tokens of one sentence, read by position: every step of the scanner looks at them through this. */
export class TokenView {
  readonly tokens: readonly Token[];

  constructor(readonly ctx: ScanContext) {
    this.tokens = ctx.tokens;
  }

  lower(i: number): string | undefined {
    return this.tokens[i]?.lower;
  }

  /** Matches a phrase of lower-case words ending at token `end` (inclusive); returns its first token or -1. */
  phraseEndingAt(words: readonly string[], end: number): number {
    let j = end;
    for (let k = words.length - 1; k >= 0; k--, j--) {
      if (this.lower(j) !== words[k]) return -1;
    }
    return j + 1;
  }

  phraseStartingAt(words: readonly string[], start: number): boolean {
    return words.every((w, k) => this.lower(start + k) === w);
  }
}

/** A word that can be a currency abbreviation: two or more letters starting with a capital (LE, IKR, Rs, Ksh). */
export function isSymbolWord(t: Token): boolean {
  return t.text.length >= 2 && t.text[0] !== t.lower[0];
}

export function isYearLike(t: Token): boolean {
  return t.kind === 'num' && /^(1[89]|20)\d\d$/.test(t.text);
}

export function isDash(t: Token | undefined): boolean {
  return t !== undefined && t.kind === 'sym' && (t.text === '-' || t.text === '\u2013' || t.text === '\u2014');
}
