import { spanText, type Paragraph } from '@cablepress/extract';

/** A sentence of a paragraph's clean text: [start, end) offsets into Paragraph.text. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** Words that end with a period without ending the sentence. Lower case, without the period. */
const ABBREVIATIONS = new Set([
  'approx',
  'appr',
  'apprx',
  'est',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gen',
  'col',
  'lt',
  'sgt',
  'st',
  'no',
  'nos',
  'art',
  'arts',
  'sec',
  'para',
  'paras',
  'vol',
  'pp',
  'p',
  'fig',
  'vs',
  'etc',
  'cf',
  'incl',
  'dept',
  'govt',
  'amb',
  'min',
  'max',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'jr',
  'sr',
  'co',
  'corp',
  'inc',
  'ltd',
  'e',
  'i',
  'eg',
  'ie',
  'u',
]);

function isUpper(c: string | undefined): boolean {
  return c !== undefined && c >= 'A' && c <= 'Z';
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isLetter(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7);
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0;
}

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\u00a0';
}

/** True when the period at `dot` ends an abbreviation or an initial (U.S., E.O., approx.) rather than a sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  let w = dot;
  while (w > 0 && isLetter(text[w - 1])) w--;
  const word = text.slice(w, dot);
  if (word.length === 0) return false;
  if (text[w - 1] === '.' && word.length === 1) return true;
  if (word.length === 1 && isUpper(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase()) && !(word.length > 1 && word === word.toUpperCase());
}

/**
 * Splits clean paragraph text into sentences. A sentence ends at ., ! or ? (with any closing quotes or brackets)
 * followed by white space and a capital letter, digit, quote or bracket, unless the period ends an abbreviation or
 * `keepTogether(offset of the period)` says it does not end the sentence.
 */
export function splitSentences(text: string, keepTogether: (dot: number) => boolean = () => false): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    while (s < end && isSpace(text[s])) s++;
    let e = end;
    while (e > s && isSpace(text[e - 1])) e--;
    if (e > s) sentences.push({ start: s, end: e, text: text.slice(s, e) });
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 46 && code !== 33 && code !== 63) continue;
    const c = text[i];
    if (c === '.' && (isDigit(text[i + 1]) || isAbbreviation(text, i) || keepTogether(i))) continue;
    let j = i + 1;
    while (j < text.length && (text[j] === '"' || text[j] === ')' || text[j] === "'" || text[j] === ']' || text[j] === '\u201d')) j++;
    if (j < text.length && !isSpace(text[j])) continue;
    let k = j;
    while (k < text.length && isSpace(text[k])) k++;
    const next = text[k];
    if (k < text.length && !(isUpper(next) || isDigit(next) || next === '"' || next === '(' || next === '[' || next === '\u201c')) continue;
    push(j);
    start = j;
  }
  push(text.length);
  return sentences;
}

/**
 * The longest piece of a sentence scanned at once for facts. Real sentences stay far below it (the longest in the
 * corpus has 1,165 characters); one of megabytes, which only hostile input has, would otherwise hold millions of
 * tokens at once.
 */
export const MAX_PIECE = 65_536;

function isWordCode(c: number): boolean {
  return isLetterCode(c) || isDigitCode(c);
}

/**
 * The sentences to scan for facts: each sentence as it is, except one longer than `MAX_PIECE`, which is cut into
 * pieces of at most that length, at the last white space of each (else between two characters that are neither
 * letters nor digits, else anywhere). Facts that straddle a cut are read as two or not at all: only a sentence no real
 * cable has is cut.
 */
export function* scanPieces(text: string, sentences: readonly Sentence[]): Generator<Sentence> {
  for (const sentence of sentences) {
    if (sentence.end - sentence.start <= MAX_PIECE) {
      yield sentence;
      continue;
    }
    let start = sentence.start;
    while (start < sentence.end) {
      let end = Math.min(sentence.end, start + MAX_PIECE);
      if (end < sentence.end) {
        let cut = end;
        while (cut > start && !isSpaceCode(text.charCodeAt(cut))) cut--;
        if (cut === start) {
          cut = end;
          while (cut > start && (isWordCode(text.charCodeAt(cut - 1)) || isWordCode(text.charCodeAt(cut)))) cut--;
        }
        if (cut > start) end = cut;
      }
      let from = start;
      while (from < end && isSpaceCode(text.charCodeAt(from))) from++;
      if (end > from) yield { start: from, end, text: text.slice(from, end) };
      start = end;
    }
  }
}

/** A span of the source with its text, ready to go into a fact row. */
export interface SourceSpan {
  char_start: number;
  char_end: number;
  text: string;
}

/**
 * Maps [start, end) of a paragraph's clean text to the source. The end is taken past the source characters of the
 * last clean character (an HTML entity such as &amp; stands for one clean character), never into following white space.
 * The span's text is the source there as a reader sees it (spanText): for an HTML page (`html`), tags dropped and
 * character references decoded, so no cell holds `&#x000A;`; for a text file, the slice itself.
 */
export function sourceSpan(paragraph: Paragraph, source: string, start: number, end: number, html: boolean): SourceSpan {
  const { offsets, text } = paragraph;
  const charStart = offsets[start] ?? paragraph.span.start;
  const last = end - 1;
  const lastOffset = offsets[last] ?? charStart;
  let charEnd = lastOffset + 1;
  if (source[lastOffset] !== text[last]) {
    charEnd = end < offsets.length ? (offsets[end] ?? paragraph.span.end) : paragraph.span.end;
    while (charEnd > lastOffset + 1 && isSpace(source[charEnd - 1])) charEnd--;
  }
  return { char_start: charStart, char_end: charEnd, text: spanText(source, charStart, charEnd, html) };
}

export type TokenKind = 'num' | 'word' | 'sym';

/** A token of clean text: a digit run with its group separators, a run of letters, or one other character. */
export interface Token {
  kind: TokenKind;
  text: string;
  /** Lower-case text, for matching words. */
  lower: string;
  start: number;
  end: number;
  /** White space between this token and the previous one. */
  spaceBefore: boolean;
}

/** Splits text[from, to) into tokens in one pass. Separators inside numbers (1,044 10.000.000 1.4) stay in the number token. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  let i = from;
  let space = true;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      space = true;
      i++;
      continue;
    }
    const start = i;
    let kind: TokenKind;
    if (isDigitCode(c)) {
      kind = 'num';
      i++;
      for (;;) {
        while (i < to && isDigitCode(text.charCodeAt(i))) i++;
        const sep = text.charCodeAt(i);
        if ((sep === 44 || sep === 46) && i + 1 < to && isDigitCode(text.charCodeAt(i + 1))) {
          if (sep === 44) {
            let d = i + 1;
            while (d < to && isDigitCode(text.charCodeAt(d))) d++;
            if (d - i - 1 !== 3) break;
          }
          i++;
          continue;
        }
        break;
      }
    } else if (isLetterCode(c)) {
      kind = 'word';
      while (i < to && isLetterCode(text.charCodeAt(i))) i++;
    } else {
      kind = 'sym';
      i++;
    }
    const t = text.slice(start, i);
    tokens.push({ kind, text: t, lower: kind === 'word' ? t.toLowerCase() : t, start, end: i, spaceBefore: space });
    space = false;
  }
  return tokens;
}

/**
 * The value of a number token: commas group thousands, several dots group thousands (10.000.000), one dot is a
 * decimal point (1.4).
 */
export function numberValue(token: string): number {
  const dots = token.split('.').length - 1;
  if (dots > 1) return Number(token.replace(/[.,]/g, ''));
  if (token.includes(',') && dots === 1) {
    return token.indexOf(',') < token.indexOf('.') ? Number(token.replace(/,/g, '')) : Number(token.replace(/\./g, '').replace(',', '.'));
  }
  return Number(token.replace(/,/g, ''));
}

/** Pads a position for ids: 5 → "05". */
export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * A word list to look words up in with `in`: it has no prototype, so the words of a cable such as "constructor"
 * or "toString" are not found in it by accident.
 */
export function wordTable<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}
