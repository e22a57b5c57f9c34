import type { QUALIFIERS, QUANTITY_KINDS } from '@cablepress/validate';
import type { CurrencyResolver } from './currencies.js';
import { digitNumberAt, fractionAt, NUMBER_WORD_STARTS, SCALES, wordNumberAt, type Figure } from './numbers.js';
import { wordTable, type Token } from './text.js';

export type QuantityKind = (typeof QUANTITY_KINDS)[number];
export type Qualifier = (typeof QUALIFIERS)[number];

/** A figure found in clean text, with [start, end) offsets into the paragraph text. */
export interface QuantityMatch {
  start: number;
  end: number;
  kind: QuantityKind;
  value: number;
  value_max: number | null;
  unit: string | null;
  qualifier: Qualifier;
  per: string | null;
  counted: string | null;
}

/** Qualifier phrases written before a figure, longest first. */
const PREFIX_QUALIFIERS: [string[], Qualifier][] = [
  [['not', 'more', 'than'], 'up_to'], [['no', 'more', 'than'], 'up_to'], [['not', 'less', 'than'], 'at_least'],
  [['no', 'less', 'than'], 'at_least'], [['not', 'to', 'exceed'], 'up_to'], [['not', 'exceeding'], 'up_to'],
  [['as', 'many', 'as'], 'as_many_as'], [['as', 'much', 'as'], 'as_many_as'], [['as', 'high', 'as'], 'as_many_as'],
  [['a', 'minimum', 'of'], 'at_least'], [['a', 'maximum', 'of'], 'up_to'], [['in', 'excess', 'of'], 'more_than'],
  [['more', 'than'], 'more_than'], [['greater', 'than'], 'more_than'], [['upwards', 'of'], 'more_than'], [['fewer', 'than'], 'less_than'],
  [['less', 'than'], 'less_than'], [['at', 'least'], 'at_least'], [['minimum', 'of'], 'at_least'], [['up', 'to'], 'up_to'],
  [['maximum', 'of'], 'up_to'], [['an', 'estimated'], 'approximately'], [['close', 'to'], 'nearly'], [['just', 'over'], 'over'],
  [['just', 'under'], 'less_than'], [['approximately'], 'approximately'], [['approx'], 'approximately'], [['estimated'], 'approximately'],
  [['around'], 'about'], [['about'], 'about'], [['nearly'], 'nearly'], [['almost'], 'nearly'], [['roughly'], 'roughly'],
  [['over'], 'over'], [['exceeding'], 'more_than'], [['under'], 'less_than'], [['below'], 'less_than'], [['above'], 'more_than'],
  [['some'], 'approximately'], [['only'], 'exact'],
];

/** Qualifier phrases written after a figure: "10,000 or so", "two or more". */
const SUFFIX_QUALIFIERS: [string[], Qualifier][] = [
  [['or', 'older'], 'at_least'], [['and', 'older'], 'at_least'], [['or', 'above'], 'at_least'], [['or', 'over'], 'at_least'],
  [['or', 'so'], 'about'], [['or', 'more'], 'at_least'], [['or', 'less'], 'up_to'], [['or', 'fewer'], 'up_to'], [['and', 'above'], 'at_least'],
];

const TIME_UNITS: Record<string, string> = wordTable({
  year: 'year', years: 'year', yr: 'year', yrs: 'year', month: 'month', months: 'month', week: 'week', weeks: 'week',
  day: 'day', days: 'day', hour: 'hour', hours: 'hour', hr: 'hour', hrs: 'hour', decade: 'decade', decades: 'decade',
});

const RATE_WORDS: Record<string, string> = wordTable({
  monthly: 'month', annually: 'year', yearly: 'year', weekly: 'week', daily: 'day', hourly: 'hour',
});

const MONTH_WORDS: Record<string, true> = {
  january: true, february: true, march: true, april: true, may: true, june: true, july: true, august: true, september: true, october: true,
  november: true, december: true, jan: true, feb: true, mar: true, apr: true, jun: true, jul: true, aug: true, sep: true, sept: true, oct: true,
  nov: true, dec: true,
};
const TIME_OF_DAY = new Set(['noon', 'midnight', 'am', 'pm', 'edt', 'est', 'gmt', 'utc', 'hrs']);
/** Nouns that make "children under 18" an age. */
const AGE_NOUNS = new Set(['children', 'child', 'minors', 'minor', 'girls', 'girl', 'boys', 'boy', 'youth', 'youths', 'juveniles', 'kids', 'teenagers']);
/** Nouns that make "victims under 18" an age, with "under" only ("victims over 100" counts victims). */
const UNDER_AGE_NOUNS = new Set(['victim', 'victims', 'person', 'persons', 'worker', 'workers']);
const BE_VERBS = new Set(['is', 'are', 'was', 'were']);

/** How far back (in tokens) the scanner looks for the word a figure depends on: keeps it linear on hostile input. */
const MAX_LOOKBACK = 48;

/** Words after which a number is an identifier, not a quantity: Article 134, section 28, E.O. 12958, STATE 2731. */
const REFERENCE_WORDS = new Set([
  'article', 'articles', 'art', 'arts', 'section', 'sections', 'sec', 'paragraph', 'paragraphs', 'para', 'paras', 'chapter', 'chapters',
  'no', 'nos', 'number', 'numbers', 'decree', 'decrees', 'resolution', 'resolutions', 'law', 'laws', 'order', 'reftel', 'ref', 'page',
  'pages', 'annex', 'item', 'items', 'point', 'points', 'line', 'lines', 'route', 'highway', 'flight', 'room', 'box', 'tel', 'telephone',
  'phone', 'fax', 'hotline', 'ext', 'cable', 'code', 'clause', 'clauses', 'protocol', 'convention', 'conventions', 'act', 'bill',
  'amendment', 'amendments', 'regulation', 'regulations', 'unscr', 'unscrs', 'rule', 'rules', 'tier', 'level', 'grade', 'pl', 'ina', 'usc', 'cfr',
  'file', 'case', 'id', 'serial', 'tags', 'fy', 'ilo', 'c', 'r', 'class', 'category', 'phase', 'round', 'volume', 'vol', 'version',
  'question', 'questions', 'part', 'parts', 'standard', 'standards', 'subparagraph', 'subsection', 'title', 'appendix', 'appendices',
  'source', 'sources', 'port',
]);

/**
 * Words right before a number (nothing between) that make it a key, rank or grade rather than a quantity: "see 33",
 * "ranked 154", "FS 02". Unlike REFERENCE_WORDS they do not reach over lists, so "FS-5: 20 hours" keeps its hours.
 */
const DIRECT_REFERENCE_WORDS = new Set(['see', 'ranked', 'rank', 'ranks', 'ranking', 'fs', 'fsn', 'fso', 'gs', 'les', 'extension', 'q']);

/** Words right after a number that make it a telephone number: "the 911 emergency line". */
const PHONE_WORDS = new Set(['emergency', 'hotline', 'helpline', 'hot-line']);

/** Nouns after "maximum"/"minimum" that a prison term or fine is: "a maximum sentence of 12 years". */
const PENALTY_NOUNS = new Set(['sentence', 'sentences', 'term', 'terms', 'penalty', 'penalties', 'punishment', 'prison', 'jail', 'imprisonment', 'fine', 'fines', 'of', 'a', 'the']);

/** Words before a year that make "2007 cases" the cases of a year, not a count: "Number of 2007 cases". */
const YEAR_BEFORE_WORDS = new Set(['of', 'the', 'in', 'during', 'for', 'from', 'since']);

/** Words right before a number that make it an age: "turned 18", "aged 12-16". */
const AGE_VERBS = new Set(['turned', 'turn', 'turns', 'turning', 'aged', 'age', 'ages', 'reached', 'reaching', 'reach']);


/** Words that end the search for what a figure counts. */
const STOP_WORDS = new Set([
  'of', 'in', 'to', 'and', 'or', 'the', 'a', 'an', 'were', 'was', 'are', 'is', 'have', 'has', 'had', 'be', 'been', 'as', 'at', 'for',
  'from', 'by', 'with', 'on', 'that', 'which', 'who', 'whom', 'per', 'than', 'into', 'since', 'during', 'under', 'over', 'but', 'not',
  'this', 'these', 'those', 'it', 'its', 'their', 'they', 'them', 'us', 'you', 'he', 'she', 'we', 'his', 'her', 'our', 'will', 'would', 'could', 'can', 'may',
  'last', 'each', 'while', 'between', 'through', 'until', 'after', 'before', 'both', 'also', 'all', 'such', 'so', 'if', 'when', 'where',
  'because', 'although', 'though', 'unless', 'whereas', 'whether', 'did', 'do', 'does', 'out', 'up', 'down', 'about', 'among', 'against', 'there', 'here', 'then', 'only', 'more', 'less',
]);

/** Verbs in -s that often follow a counted noun phrase ("70% of the budget comes from"): they end it. */
const VERBS_IN_S = new Set([
  'comes', 'goes', 'makes', 'says', 'does', 'remains', 'shows', 'seems', 'appears', 'includes', 'receives', 'lives', 'works', 'provides',
  'reaches', 'continues', 'exists', 'occurs', 'needs', 'takes', 'gets', 'gives', 'uses', 'means', 'represents', 'reports', 'states', 'notes',
  'suggests', 'indicates', 'believes', 'estimates', 'stands', 'falls', 'rises', 'accounts', 'consists', 'belongs', 'lacks', 'wants',
]);

/** Plural nouns that do not end in s. */
const IRREGULAR_PLURALS = new Set(['people', 'women', 'men', 'children', 'police', 'staff', 'personnel', 'policemen', 'policewomen', 'youth', 'cattle', 'militia', 'clergy', 'families']);

const NOT_PLURAL = new Set(['is', 'was', 'has', 'this', 'its', 'always', 'perhaps', 'whereas', 'less', 'unless', 'thus', 'towards', 'across', 'various', 'numerous', 'serious', 'previous', 'famous', 'us', 'yes', 'plus', 'status', 'news', 'basis', 'crisis', 'analysis', 'process', 'business', 'access', 'success', 'awareness', 'sometimes', 'besides', 'overseas', 'afterwards', 'lens', 'alias', 'gas', 'bus', 'christmas', 'mass']);

function isPluralNoun(w: string): boolean {
  if (IRREGULAR_PLURALS.has(w)) return true;
  if (NOT_PLURAL.has(w) || STOP_WORDS.has(w) || w.length < 4) return false;
  return w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is') && !w.endsWith('ous');
}

function isContentWord(w: string): boolean {
  return !STOP_WORDS.has(w) && !w.endsWith('ed') && !w.endsWith('ing') && !w.endsWith('ly') && w.length > 2;
}

/** What the sentence scanner needs to know about the text around it. */
export interface ScanContext {
  tokens: readonly Token[];
  currencies: CurrencyResolver;
  /** True when the token starting at this offset of the clean text already belongs to another fact (a date). */
  claimed: (start: number) => boolean;
}

/** A word that can be a currency abbreviation: two or more letters starting with a capital (LE, IKR, Rs, Ksh). */
function isSymbolWord(t: Token): boolean {
  return t.text.length >= 2 && t.text[0] !== t.lower[0];
}

function isYearLike(t: Token): boolean {
  return t.kind === 'num' && /^(1[89]|20)\d\d$/.test(t.text);
}

function isDash(t: Token | undefined): boolean {
  return t !== undefined && t.kind === 'sym' && (t.text === '-' || t.text === '\u2013' || t.text === '\u2014');
}

class SentenceScanner {
  private readonly tokens: readonly Token[];

  constructor(private readonly ctx: ScanContext) {
    this.tokens = ctx.tokens;
  }

  private lower(i: number): string | undefined {
    return this.tokens[i]?.lower;
  }

  /** Matches a phrase of lower-case words ending at token `end` (inclusive); returns its first token or -1. */
  private phraseEndingAt(words: string[], end: number): number {
    let j = end;
    for (let k = words.length - 1; k >= 0; k--, j--) {
      if (this.lower(j) !== words[k]) return -1;
    }
    return j + 1;
  }

  private phraseStartingAt(words: string[], start: number): boolean {
    return words.every((w, k) => this.lower(start + k) === w);
  }

  /** A currency written before token i: "$", "US$", "USD", "LE". Returns its code and first token. */
  private currencyBefore(i: number): { code: string; first: number } | null {
    const t = this.tokens[i - 1];
    if (!t) return null;
    const abbreviated = this.tokens[i - 2];
    if (t.text === '.' && abbreviated?.kind === 'word' && isSymbolWord(abbreviated) && !t.spaceBefore) {
      const code = this.ctx.currencies.symbol(abbreviated.text);
      if (code) return { code, first: i - 2 };
    }
    if (t.kind === 'sym') {
      const code = this.ctx.currencies.symbol(t.text);
      if (!code) return null;
      const us = this.tokens[i - 2];
      if (t.text === '$' && us && us.kind === 'word' && !t.spaceBefore && (us.text === 'US' || us.text === 'A')) {
        return { code: this.ctx.currencies.symbol(`${us.text}$`) ?? code, first: i - 2 };
      }
      return { code, first: i - 1 };
    }
    if (t.kind === 'word' && isSymbolWord(t)) {
      const code = this.ctx.currencies.symbol(t.text);
      if (code) return { code, first: i - 1 };
    }
    return null;
  }

  /** A currency written after token i (exclusive): "baht", "US dollars", "Egyptian pounds", "USD". */
  private currencyAfter(i: number): { code: string; last: number } | null {
    let j = i;
    let adjective: string | null = null;
    const t = this.tokens[j];
    if (!t || t.kind !== 'word') return null;
    if (isSymbolWord(t) && this.ctx.currencies.symbol(t.text) && t.text !== 'US') {
      return { code: this.ctx.currencies.symbol(t.text)!, last: j };
    }
    if (this.ctx.currencies.isAdjective(t.lower) && this.tokens[j + 1] && this.ctx.currencies.isWord(this.tokens[j + 1]!.lower)) {
      adjective = t.lower;
      j++;
    } else if (t.text === 'US' && this.lower(j + 1) && this.ctx.currencies.isWord(this.lower(j + 1)!)) {
      adjective = 'us';
      j++;
    }
    const w = this.tokens[j]!.lower;
    if (!this.ctx.currencies.isWord(w)) return null;
    const code = this.ctx.currencies.word(w, adjective);
    return code ? { code, last: j } : null;
  }

  private qualifierBefore(i: number): { qualifier: Qualifier; first: number } | null {
    let end = i - 1;
    if (this.tokens[end]?.text === '.' && this.lower(end - 1) === 'approx') end--;
    for (const [words, qualifier] of PREFIX_QUALIFIERS) {
      const first = this.phraseEndingAt(words, end);
      if (first >= 0) {
        if (words[0] === 'some' && this.lower(first - 1) !== undefined && ['for', 'in', 'of'].includes(this.lower(first - 1)!)) continue;
        if (words.length === 1 && this.lower(first - 1) === 'the' && ['above', 'below', 'only'].includes(words[0]!)) continue;
        return { qualifier, first };
      }
    }
    return this.penaltyBoundBefore(end);
  }

  /**
   * "a maximum sentence of 12 years" → up_to, "a minimum term of nine months" → at_least: the bound is named a few
   * words before the "of". The span keeps to the figure (first is the figure's own token).
   */
  private penaltyBoundBefore(end: number): { qualifier: Qualifier; first: number } | null {
    if (this.lower(end) !== 'of') return null;
    for (let k = end - 1; k >= 0 && k >= end - 4; k--) {
      const w = this.lower(k)!;
      if (w === 'maximum' || w === 'minimum') return k === end - 1 ? null : { qualifier: w === 'maximum' ? 'up_to' : 'at_least', first: end + 1 };
      if (!PENALTY_NOUNS.has(w)) return null;
    }
    return null;
  }

  private qualifierAfter(i: number): { qualifier: Qualifier; last: number } | null {
    for (const [words, qualifier] of SUFFIX_QUALIFIERS) {
      if (this.phraseStartingAt(words, i)) return { qualifier, last: i + words.length - 1 };
    }
    return null;
  }

  /** True when the figure at token i is an identifier or a code rather than a quantity. */
  private isReference(i: number): boolean {
    let j = i - 1;
    while (j >= 0 && j > i - MAX_LOOKBACK) {
      const t = this.tokens[j]!;
      const ofBetweenNumbers = t.lower === 'of' && this.tokens[j - 1]?.kind === 'num';
      if (t.kind === 'num' || t.text === ',' || t.text === '(' || t.text === ')' || t.text === ':' || t.lower === 'and' || t.lower === 'y' || t.lower === 'or' || t.lower === 'to' || t.lower === 'through' || ofBetweenNumbers || isDash(t)) {
        j--;
        continue;
      }
      break;
    }
    const prev = this.tokens[j];
    const direct = this.tokens[i - 1];
    if (direct && direct.kind === 'sym' && ['#', '\u00b6', '/', ':', '+', '.'].includes(direct.text) && !this.tokens[i]!.spaceBefore) return true;
    if (direct?.text === '.' && this.tokens[i - 2]?.kind === 'word' && this.tokens[i - 2]!.text.length === 1 && this.tokens[i - 3]?.text === '.') return true;
    if (prev?.text === '.' && this.tokens[j - 1]?.kind === 'word' && REFERENCE_WORDS.has(this.tokens[j - 1]!.lower)) return true;
    if (!prev || prev.kind !== 'word') return false;
    if (REFERENCE_WORDS.has(prev.lower)) return true;
    if (direct?.kind === 'word' && DIRECT_REFERENCE_WORDS.has(direct.lower)) return true;
    const unitAfter = (this.lower(i + 1) ?? '') in TIME_UNITS;
    if (j === i - 1 && prev.text.length >= 3 && prev.text === prev.text.toUpperCase() && !this.ctx.currencies.symbol(prev.text) && !unitAfter) return true;
    return false;
  }

  /**
   * True for numbers that are parts of codes: telephone numbers and serials written with hyphens (967-1-755-2398,
   * FSN-11), seven or more digits with no thousands separator (telephone and account numbers: a count that large is
   * written 7,193,791 or 7.2 million), and the year of a cable reference (09 SANAA 1936).
   */
  private isCode(i: number): boolean {
    const t = this.tokens[i]!;
    if (/^\d{7,}$/.test(t.text)) return true;
    const glued = (k: number) => this.tokens[k] !== undefined && !this.tokens[k]!.spaceBefore;
    const prev = this.tokens[i - 1];
    if (prev && isDash(prev) && !t.spaceBefore && (this.tokens[i - 2]?.kind === 'num' || (this.tokens[i - 2]?.kind === 'word' && this.tokens[i - 2]!.text === this.tokens[i - 2]!.text.toUpperCase())) && glued(i - 1)) return true;
    if (isDash(this.tokens[i + 1]) && glued(i + 1) && this.tokens[i + 2]?.kind === 'num' && glued(i + 2) && isDash(this.tokens[i + 3]) && glued(i + 3) && this.tokens[i + 4]?.kind === 'num') return true;
    const next = this.tokens[i + 1];
    if (/^\d\d$/.test(t.text) && next && next.kind === 'word' && next.text.length >= 3 && next.text === next.text.toUpperCase() && this.tokens[i + 2]?.kind === 'num') return true;
    return false;
  }

  /** True for the day of a date without a year (June 16, 16 June) and for clock times (1200 noon, 3:30 pm). */
  private isDayOrTime(i: number): boolean {
    const t = this.tokens[i]!;
    const prev = this.tokens[i - 1];
    const next = this.tokens[i + 1];
    if (/^\d{1,2}$/.test(t.text) && ((prev && prev.kind === 'word' && prev.lower in MONTH_WORDS && prev.text[0] !== prev.lower[0])
      || (next && next.kind === 'word' && next.lower in MONTH_WORDS && next.text[0] !== next.lower[0]))) return true;
    if (next === undefined || next.kind !== 'word' || !TIME_OF_DAY.has(next.lower)) return false;
    return next.lower !== 'hrs' || /^[0-2]\d[0-5]\d$/.test(t.text);
  }

  /**
   * True for answer keys and statute sections written after a number: "27.A.", "23 A:", "18(b)". A one-letter word
   * glued by a dot, or standing alone before a colon, is a key; a bracketed letter or roman numeral glued on is a subsection.
   */
  private isKeyOrSection(i: number): boolean {
    const t = (k: number) => this.tokens[k];
    const letter = (k: number) => t(k)?.kind === 'word' && t(k)!.text.length === 1 && t(k)!.text === t(k)!.text.toUpperCase();
    if (t(i + 1)?.text === '.' && !t(i + 1)!.spaceBefore && letter(i + 2) && !t(i + 2)!.spaceBefore && ['.', ')', ':'].includes(t(i + 3)?.text ?? '')) return true;
    if (letter(i + 1) && t(i + 2)?.text === ':') return true;
    if (letter(i + 1) && (t(i + 2)?.lower === 'and' || t(i + 2)?.text === ',' || isDash(t(i + 2))) && letter(i + 3)) return true;
    return t(i + 1)?.text === '(' && !t(i + 1)!.spaceBefore && t(i + 2)?.kind === 'word' && t(i + 2)!.text.length <= 3 && t(i + 3)?.text === ')';
  }

  /** True when the ")" at token i closes no "(" of its sentence: it ends a list marker such as "Issues 1) Darfur". */
  private isUnopenedBracket(i: number): boolean {
    let depth = 0;
    for (let k = 0; k < i; k++) {
      const t = this.tokens[k]!.text;
      if (t === '(') depth++;
      else if (t === ')' && depth > 0) depth--;
    }
    return depth === 0;
  }

  /** True for an emergency or hotline number written as a figure: "the 911 emergency line", "1-800 hotline". */
  private isPhoneNumber(i: number): boolean {
    const t = this.tokens[i]!;
    return !t.text.includes(',') && PHONE_WORDS.has(this.lower(i + 1) ?? '');
  }

  private figureAt(i: number): Figure | null {
    const t = this.tokens[i]!;
    if (t.kind === 'num') return fractionAt(this.tokens, i) ?? digitNumberAt(this.tokens, i);
    if (t.kind !== 'word') return null;
    const fraction = fractionAt(this.tokens, i);
    if (fraction) {
      const after = this.lower(fraction.last + 1);
      const word = this.tokens[i]!.lower;
      if (word === 'half') {
        const before = this.lower(i - 1);
        const numberBefore = before === 'and' && (this.tokens[i - 2]?.kind === 'num' || wordNumberAt(this.tokens, i - 2) !== null);
        if (this.tokens[i + 1]?.text === '-' || before === 'a' || numberBefore) return null;
        if (after !== 'of' && after !== 'the' && after !== 'a' && after !== 'their' && after !== 'them' && !this.qualifierBefore(i)) return null;
      } else if (word === 'a' && after !== 'of') {
        return null;
      }
      return fraction;
    }
    if ((t.lower === 'a' || t.lower === 'an') && this.lower(i + 1) && this.lower(i + 1)! in TIME_UNITS && this.qualifierBefore(i)) {
      return { value: 1, first: i, last: i, form: 'words' };
    }
    return wordNumberAt(this.tokens, i);
  }

  /** Reads the figure that may follow a range word: "-$60", "to 10,860", "to fifteen". */
  private rangeEnd(after: number): { figure: Figure; currency: string | null; bounded: boolean } | null {
    const sep = this.tokens[after];
    if (!sep) return null;
    const isRangeWord = isDash(sep) || sep.lower === 'to' || sep.lower === 'and' || sep.lower === 'through' || sep.lower === 'or';
    if (!isRangeWord) return null;
    let i = after + 1;
    const bound = sep.lower === 'and' || sep.lower === 'to' ? this.upperBoundAt(i) : null;
    if (bound !== null) i = bound;
    const cur = this.currencyBefore(i + 1);
    let currency: string | null = null;
    if (cur && cur.first === i) {
      currency = cur.code;
      i = cur.first + (this.tokens[cur.first]!.text === 'US' ? 2 : 1);
    }
    const t = this.tokens[i];
    if (!t || (t.kind !== 'num' && t.kind !== 'word')) return null;
    if (t.kind === 'num' && (this.ctx.claimed(t.start) || (fractionAt(this.tokens, i)?.form === 'fraction'))) return null;
    const figure = t.kind === 'num' ? digitNumberAt(this.tokens, i) : wordNumberAt(this.tokens, i);
    if (!figure) return null;
    return { figure, currency, bounded: bound !== null };
  }

  /** The token after an upper-bound phrase starting at i ("not exceeding", "not more than", "up to", "a maximum of"), or null. */
  private upperBoundAt(i: number): number | null {
    for (const [words, qualifier] of PREFIX_QUALIFIERS) {
      if (qualifier === 'up_to' && this.phraseStartingAt(words, i)) return i + words.length;
    }
    return null;
  }

  /** The unit words after a figure: percent, a currency, a time unit, or an age. */
  private unitAfter(j: number): { kind: QuantityKind; unit: string | null; last: number } | null {
    const t = this.tokens[j];
    if (!t) return null;
    if (t.text === '%') return { kind: 'percent', unit: 'percent', last: j };
    if (t.lower === 'percent' || t.lower === 'pct') return { kind: 'percent', unit: 'percent', last: j };
    if (t.lower === 'per' && this.lower(j + 1) === 'cent') return { kind: 'percent', unit: 'percent', last: j + 1 };
    const currency = this.currencyAfter(j);
    if (currency) return { kind: 'money', unit: currency.code, last: currency.last };
    let k = j;
    if (isDash(t) && !t.spaceBefore) k++;
    const unitWord = this.lower(k);
    if (unitWord && unitWord in TIME_UNITS && (k === j || !this.tokens[k]!.spaceBefore)) {
      const unit = TIME_UNITS[unitWord]!;
      if (isDash(this.tokens[k + 1]) && this.lower(k + 2) === 'old') return { kind: 'age', unit, last: k + 2 };
      if (this.lower(k + 1) === 'old') return { kind: 'age', unit, last: k + 1 };
      if (this.lower(k + 1) === 'of' && this.lower(k + 2) === 'age') return { kind: 'age', unit, last: k + 2 };
      return { kind: 'duration', unit, last: k };
    }
    return null;
  }

  private perAfter(j: number): { per: string; last: number } | null {
    const t = this.tokens[j];
    if (!t) return null;
    if (t.lower in RATE_WORDS) return { per: RATE_WORDS[t.lower]!, last: j };
    if ((t.lower === 'per' || t.lower === 'a' || t.lower === 'an' || t.lower === 'each' || t.text === '/') && this.tokens[j + 1]?.kind === 'word') {
      const w = this.tokens[j + 1]!.lower;
      if (w in TIME_UNITS) return { per: TIME_UNITS[w]!, last: j + 1 };
      if (t.lower === 'per') return { per: w.endsWith('s') && w.length > 3 ? w.slice(0, -1) : w, last: j + 1 };
    }
    return null;
  }

  /** Best-effort noun the figure counts: the first plural noun within a few words, else the last content word before a break. */
  private countedAfter(j: number): string | null {
    let firstContent: string | null = null;
    let words = 0;
    for (let k = j; k < this.tokens.length && words < 4; k++) {
      const t = this.tokens[k]!;
      if (t.kind === 'sym') {
        if (t.text === '-' && !t.spaceBefore) continue;
        break;
      }
      if (t.kind !== 'word') break;
      const w = t.lower;
      if (STOP_WORDS.has(w) || VERBS_IN_S.has(w)) break;
      const apostrophe = this.tokens[k + 1];
      if (apostrophe && (apostrophe.text === "'" || apostrophe.text === '\u2019') && !apostrophe.spaceBefore && this.lower(k + 2) === 's') {
        k += 2;
        continue;
      }
      words++;
      if (isPluralNoun(w)) {
        const next = this.tokens[k + 1];
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
  private isAgeContext(i: number, after: number): boolean {
    if (this.isDirectNoun(after)) return false;
    const direct = this.tokens[i - 1];
    if (direct?.kind === 'word' && AGE_VERBS.has(direct.lower)) return true;
    for (let k = i - 1, words = 0; k >= 0 && words < 6 && k > i - MAX_LOOKBACK; k--) {
      const t = this.tokens[k]!;
      if (t.kind === 'num') return false;
      if (t.kind !== 'word') continue;
      words++;
      if ((t.lower === 'age' || t.lower === 'ages' || t.lower === 'aged') && !(isDash(this.tokens[k - 1]) && !t.spaceBefore)) return true;
    }
    return false;
  }

  scan(): QuantityMatch[] {
    const out: QuantityMatch[] = [];
    const tokens = this.tokens;
    let i = 0;
    let lastEnd = -1;
    while (i < tokens.length) {
      const t = tokens[i]!;
      if ((t.kind !== 'num' && (t.kind !== 'word' || !NUMBER_WORD_STARTS.has(t.lower))) || this.ctx.claimed(t.start)) {
        i++;
        continue;
      }
      const figure = this.figureAt(i);
      if (!figure) {
        i++;
        continue;
      }
      const previous = out.at(-1);
      const listed = previous && previous.kind === 'money' && lastEnd === figure.first - 2 && ['and', 'or'].includes(this.lower(figure.first - 1)!) ? previous : null;
      const match = this.build(figure, listed?.unit ?? null);
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
  private build(figure: Figure, listedCurrency: string | null = null): { quantity: QuantityMatch; next: number } | null {
    const tokens = this.tokens;
    const first = tokens[figure.first]!;
    if (figure.form === 'digits') {
      const prev = tokens[figure.first - 1];
      const next = tokens[figure.last + 1];
      if (prev && prev.kind === 'word' && !first.spaceBefore) return null;
      if (next && next.kind === 'word' && !next.spaceBefore) return null;
      if (next && next.kind === 'sym' && !next.spaceBefore && (next.text === ':' || next.text === '/') && tokens[figure.last + 2]?.kind === 'num') return null;
      if (next && next.kind === 'num') return null;
      if (prev && prev.kind === 'num') return null;
      if (figure.first === 0 && next && (next.text === '.' || next.text === ')') && /^\d{1,2}$/.test(first.text)) return null;
      if (tokens.length === 1) return null;
      if (/^0\d{2,}$/.test(first.text)) return null;
      if (prev && !first.spaceBefore && [',', '.', ';'].includes(prev.text) && /^\d$/.test(first.text)) return null;
      if (next?.text === ')' && !next.spaceBefore && /^\d{1,2}$/.test(first.text) && this.isUnopenedBracket(figure.first + 1)) return null;
      if (next?.text === ')' && !next.spaceBefore && /^\d{1,2}$/.test(first.text) && (prev?.text === '(' || prev === undefined || prev.text === ':' || prev.text === ',' || prev.lower === 'and' || prev.lower === 'or')) return null;
      if (this.isReference(figure.first) || this.isCode(figure.first) || this.isDayOrTime(figure.first)) return null;
      if (this.isKeyOrSection(figure.first) || this.isPhoneNumber(figure.first)) return null;
    }
    const currencyPrefix = figure.form === 'digits' ? this.currencyBefore(figure.first) : null;
    let start = currencyPrefix ? currencyPrefix.first : figure.first;
    let qualifier: Qualifier = 'exact';
    let qualifierSkipsAge = false;
    let q = this.qualifierBefore(start);
    const ageWord = this.lower(start - 1) === 'of' ? start - 2 : start - 1;
    if (!q && (this.lower(ageWord) === 'age' || this.lower(ageWord) === 'ages')) {
      const ageStart = this.lower(ageWord - 1) === 'the' ? ageWord - 1 : ageWord;
      q = this.qualifierBefore(ageStart);
      qualifierSkipsAge = q !== null;
    }
    if (q) {
      qualifier = q.qualifier;
      if (!qualifierSkipsAge && q.qualifier !== 'exact') start = q.first;
    }
    let kind: QuantityKind = figure.form === 'fraction' ? 'fraction' : 'count';
    let unit: string | null = figure.form === 'fraction' ? 'fraction' : null;
    let value = figure.value;
    let valueMax: number | null = null;
    let last = figure.last;
    if (currencyPrefix) {
      kind = 'money';
      unit = currencyPrefix.code;
    }
    if (figure.form !== 'fraction') {
      if (!currencyPrefix) {
        const u = this.unitAfter(last + 1);
        if (u) {
          kind = u.kind;
          unit = u.unit;
          last = u.last;
        }
      }
      const range = this.rangeEnd(last + 1);
      if (range && (range.figure.form === figure.form || kind !== 'count' || figure.form === 'digits' || range.figure.form === 'digits')) {
        const secondUnit = range.currency ? { kind: 'money' as const, unit: range.currency, last: range.figure.last } : this.unitAfter(range.figure.last + 1);
        const firstHadUnit = unit !== null;
        const sep = tokens[last + 1]!;
        const lowerBound = qualifier === 'at_least' || qualifier === 'more_than';
        const between = sep.lower === 'and' ? this.lower(figure.first - 1) === 'between' || this.lower(start - 1) === 'between' || (range.bounded && lowerBound && !firstHadUnit)
          : sep.lower === 'or' ? !firstHadUnit && secondUnit !== null && secondUnit.kind !== 'money' && figure.form === range.figure.form
            : true;
        const compatible = firstHadUnit ? (secondUnit === null || secondUnit.unit === unit) : true;
        const scaleWord = tokens[range.figure.last]!.lower;
        const firstScaled = tokens[figure.last]!.lower in SCALES;
        const scaled = scaleWord in SCALES && !firstScaled && last === figure.last ? value * SCALES[scaleWord]! : value;
        const plausible = range.figure.value >= scaled && between && compatible && !(isYearLike(first) && !firstHadUnit && !secondUnit);
        if (plausible) {
          if (range.bounded) qualifier = 'exact';
          value = scaled;
          valueMax = range.figure.value;
          last = secondUnit && !range.currency ? secondUnit.last : range.figure.last;
          if (secondUnit && !firstHadUnit) {
            kind = secondUnit.kind;
            unit = secondUnit.unit;
          } else if (range.currency) {
            last = range.figure.last;
          }
          if (range.currency && !firstHadUnit) {
            kind = 'money';
            unit = range.currency;
          }
          if (!range.currency && !secondUnit && firstHadUnit === false) {
            const u = this.unitAfter(last + 1);
            if (u) {
              kind = u.kind;
              unit = u.unit;
              last = u.last;
            }
          }
        }
      }
      if (kind === 'count' && figure.form === 'digits' && !currencyPrefix && unit === null) {
        const u = this.unitAfter(last + 1);
        if (u && u.kind === 'money') {
          kind = 'money';
          unit = u.unit;
          last = u.last;
        }
      }
    }
    if (kind === 'count' && unit === null && listedCurrency && figure.form === 'digits') {
      kind = 'money';
      unit = listedCurrency;
    }
    if (kind === 'count' && isYearLike(first) && valueMax === null && !currencyPrefix) {
      const next = tokens[last + 1];
      const plural = next && next.kind === 'word' && isPluralNoun(next.lower) && next.text !== next.text.toUpperCase();
      if (!plural || q || YEAR_BEFORE_WORDS.has(this.lower(start - 1) ?? '')) return null;
    }
    if (kind === 'count' && this.isPrisonTermAfter(last + 1)) {
      kind = 'duration';
      unit = 'year';
    }
    const suffix = this.qualifierAfter(last + 1);
    if (suffix && qualifier === 'exact') {
      qualifier = suffix.qualifier;
      if (kind === 'duration' && ['older', 'above', 'over'].includes(this.lower(suffix.last)!)) kind = 'age';
      last = suffix.last;
    }
    // "children under 18", "if the victim is under thirteen years"
    const noun = this.lower(BE_VERBS.has(this.lower(start - 1) ?? '') ? start - 2 : start - 1) ?? '';
    const ageNoun = (AGE_NOUNS.has(noun) && (qualifier === 'less_than' || qualifier === 'over' || qualifier === 'more_than'))
      || (UNDER_AGE_NOUNS.has(noun) && qualifier === 'less_than');
    if ((kind === 'count' || (kind === 'duration' && unit === 'year')) && (ageNoun || this.isAgeContext(figure.first, last + 1))) {
      kind = 'age';
      unit = 'year';
    }
    const per = this.perAfter(last + 1);
    const countedFrom = per ? per.last + 1 : last + 1;
    let counted: string | null = null;
    if (kind === 'count' || (kind === 'age' && this.lower(last) === 'old')) counted = this.countedAfter(countedFrom);
    else if ((kind === 'percent' || kind === 'fraction') && this.lower(last + 1) === 'of') {
      counted = this.countedAfter(this.lower(last + 2) === 'the' ? last + 3 : last + 2);
    }
    if (figure.form === 'words' && kind === 'count') {
      const counts = figure.value > 1 && ((counted !== null && this.isDirectNoun(last + 1)) || this.countsWhatCameBefore(last + 1));
      if (valueMax === null && !counts) return null;
    }
    if (figure.form === 'words' && figure.value === 0) return null;
    const endTok = tokens[last]!;
    return {
      quantity: {
        start: tokens[start]!.start, end: endTok.end, kind, value: round(value), value_max: valueMax === null ? null : round(valueMax),
        unit, qualifier, per: per?.per ?? null, counted,
      },
      next: last + 1,
    };
  }

  /** "a 5-10 prison term": a bare figure before a prison term counts its years. */
  private isPrisonTermAfter(j: number): boolean {
    const w = this.lower(j);
    return (w === 'prison' || w === 'jail') && ['term', 'terms', 'sentence', 'sentences'].includes(this.lower(j + 1) ?? '');
  }

  /**
   * True when a number word stands for things named before it: "six in the capital", "three of them", "All four were
   * subsequently forced into prostitution": it is followed by "in/of the, them, whom, these, those" or by a verb.
   */
  private countsWhatCameBefore(j: number): boolean {
    const next = this.lower(j);
    const after = this.lower(j + 1);
    if (next === 'in' || next === 'of') return after === 'the' || after === 'them' || after === 'whom' || after === 'these' || after === 'those';
    return next !== undefined && ['were', 'are', 'was', 'remain', 'remained', 'have', 'had'].includes(next) && this.tokens[j]!.kind === 'word';
  }

  /** True when the word right after a figure (or after one adjective) is the noun it counts. */
  private isDirectNoun(j: number): boolean {
    const a = this.tokens[j];
    if (!a || a.kind !== 'word' || STOP_WORDS.has(a.lower)) return false;
    return isPluralNoun(a.lower) || (this.tokens[j + 1]?.kind === 'word' && isPluralNoun(this.tokens[j + 1]!.lower));
  }
}

function round(n: number): number {
  return Number.isInteger(n) ? n : Math.round(n * 1e6) / 1e6;
}

/** Finds every figure in one sentence's tokens. */
export function scanQuantities(ctx: ScanContext): QuantityMatch[] {
  return new SentenceScanner(ctx).scan();
}
