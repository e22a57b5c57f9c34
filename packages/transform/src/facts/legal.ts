import { z } from 'zod';
import { loadDataFile } from '../data-file.js';
import type { QuantityMatch } from './quantities/index.js';
import type { Token } from './text.js';

const legalWords = loadDataFile('legal-words.json', z.object({ article_suffixes: z.array(z.string()).min(1), treaty_words: z.array(z.string()).min(1) }));
/** "bis", "ter": part of an inserted article's number (data/legal-words.json). */
const ARTICLE_SUFFIXES = new Set(legalWords.article_suffixes);
/** "agreement", "convention": an article "of this agreement" is the treaty's (data/legal-words.json). */
const TREATY_WORDS = new Set(legalWords.treaty_words);

/** An article citation found in clean text, with [start, end) offsets into the paragraph text. */
export interface CitationMatch {
  start: number;
  end: number;
  article: string;
  /** Law named with the citation ("of the penal code", "Law on ..., Article 25"), null when not stated. */
  law: string | null;
  /** "of this law": the law of the text the citation stands in. */
  thisLaw: boolean;
  title: string | null;
  /** The citation opens a quoted article ("Article 134: Human Trafficking"). */
  heading: boolean;
}

/** A law named in clean text. */
export interface LawMatch {
  start: number;
  end: number;
  name: string;
}

/** Longest law name read, in tokens: keeps the scan linear on hostile input. */
const MAX_NAME_TOKENS = 24;
const ARTICLE_WORDS = new Set(['article', 'articles', 'art', 'arts']);
const CODE_KINDS = new Set(['penal', 'criminal', 'labor', 'labour', 'civil', 'family', 'immigration', 'procedure']);
const LAW_HEADS = new Set(['law', 'act', 'code', 'decree', 'constitution']);
const LAW_PREPOSITIONS = new Set(['on', 'against', 'for', 'of', 'to']);
const NAME_CONNECTORS = new Set(['on', 'of', 'and', 'the', 'for', 'in', 'to', 'against']);

function capitalised(t: Token | undefined): boolean {
  return t !== undefined && t.kind === 'word' && t.text[0]! >= 'A' && t.text[0]! <= 'Z';
}

function titleCase(words: string[]): string {
  return words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
}

/**
 * Finds names of laws: "penal code", "Law on Development and Protection of Women", "Law Against Sexual Exploitation of
 * Minors", "Child Law", "Trafficking Victims Protection Act".
 */
export function scanLaws(tokens: readonly Token[], text: string): LawMatch[] {
  const out: LawMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') continue;
    if (t.lower === 'code' && CODE_KINDS.has(tokens[i - 1]?.lower ?? '')) {
      out.push({ start: tokens[i - 1]!.start, end: t.end, name: titleCase([tokens[i - 1]!.lower, 'code']) });
      continue;
    }
    if (t.lower === 'law' && LAW_PREPOSITIONS.has(tokens[i + 1]?.lower ?? '')) {
      let j = i + 2;
      let last = -1;
      while (j < tokens.length && j < i + MAX_NAME_TOKENS) {
        const u = tokens[j]!;
        const possessive = u.kind === 'word' && u.lower === 's' && (tokens[j - 1]?.text === "'" || tokens[j - 1]?.text === '\u2019');
        const connector = u.kind === 'word' && NAME_CONNECTORS.has(u.lower);
        const joiner = u.kind === 'sym' && (u.text === '/' || u.text === "'" || u.text === '\u2019' || (u.text === '-' && !u.spaceBefore));
        if (capitalised(u) || possessive) last = j;
        else if (!connector && !joiner) break;
        j++;
      }
      if (last > i + 1)
        out.push({ start: t.start, end: tokens[last]!.end, name: `Law ${tokens[i + 1]!.text} ${text.slice(tokens[i + 2]!.start, tokens[last]!.end)}` });
      if (last > i + 1) i = last;
      continue;
    }
    if (capitalised(t) && LAW_HEADS.has(t.lower) && t.lower !== 'constitution') {
      let j = i - 1;
      let first = i;
      while (j >= 0 && j > i - MAX_NAME_TOKENS) {
        const u = tokens[j]!;
        if (capitalised(u) && u.lower !== 'the' && u.lower !== 'this') first = j;
        else if (!(u.kind === 'sym' && u.text === '-' && !u.spaceBefore)) break;
        j--;
      }
      if (first < i) out.push({ start: tokens[first]!.start, end: t.end, name: text.slice(tokens[first]!.start, t.end) });
    }
  }
  return out;
}

const HEADING_CITATION = /(?:^|[^A-Za-z])((?:article|section|chapter|part|rule)\s+\d+[a-z]?)$/i;

/**
 * True when the period at `dot` closes the number of an article heading at the start of a source line, as in
 * "Article 25. Rights of Victims": the heading and its title then stay in one sentence.
 */
export function isHeadingPeriod(text: string, dot: number, lineStart: (i: number) => boolean): boolean {
  const from = Math.max(0, dot - 24);
  const m = HEADING_CITATION.exec(text.slice(from, dot));
  return m !== null && lineStart(dot - m[1]!.length);
}

/** The title of a quoted article: the rest of its source line after "Article 134:", or a quoted title after the number. */
function titleAfter(
  tokens: readonly Token[],
  j: number,
  text: string,
  lineBreakAt: (i: number) => boolean,
  atLineStart: boolean,
): { title: string; heading: boolean } | null {
  const sep = tokens[j];
  const first = tokens[j + 1];
  if (!sep || !first) return null;
  if (sep.text === ',' || sep.text === '(') {
    const quote =
      first.text === '"' || first.text === '\u201c' ? j + 1 : sep.text === ',' && tokens[j + 1]?.text === '(' && tokens[j + 2]?.text === '"' ? j + 2 : -1;
    if (quote < 0) return null;
    for (let k = quote + 1; k < tokens.length && k < quote + 16; k++) {
      if (tokens[k]!.text === '"' || tokens[k]!.text === '\u201d') {
        const title = text.slice(tokens[quote + 1]!.start, tokens[k - 1]!.end).trim();
        return title ? { title, heading: false } : null;
      }
    }
    return null;
  }
  if (!atLineStart || (sep.text !== ':' && sep.text !== '.' && !isDashToken(sep)) || !capitalised(first)) return null;
  const start = first.start;
  let end = -1;
  for (let i = start; i < text.length && i < start + 100; i++) {
    if (lineBreakAt(i)) {
      end = i;
      break;
    }
  }
  if (end < 0 && text.length - start <= 100) end = text.length;
  if (end < 0) return null;
  const title = trimEnd(text.slice(start, end), '.:;, ');
  if (!title || title.split(' ').length > 12) return null;
  return { title, heading: true };
}

function isDashToken(t: Token): boolean {
  return t.kind === 'sym' && (t.text === '-' || t.text === '\u2013' || t.text === '\u2014');
}

/**
 * Finds article citations in one sentence: "Article 134 of the penal code", "Articles 92 and 119", "Article 32 of this
 * law", "Law on the Protection of Women, Article 25", "Article 134: Human Trafficking".
 */
export function scanCitations(
  tokens: readonly Token[],
  text: string,
  laws: readonly LawMatch[],
  lineBreakAt: (i: number) => boolean,
  lineStart: (i: number) => boolean,
): CitationMatch[] {
  const out: CitationMatch[] = [];
  let lawBefore = 0;
  let lawAfter = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word' || !ARTICLE_WORDS.has(t.lower)) continue;
    let j = i + 1;
    if (tokens[j]?.text === '.' && t.lower.startsWith('art') && t.lower.length <= 4) j++;
    const numbers: number[] = [];
    while (tokens[j]?.kind === 'num' && /^\d+$/.test(tokens[j]!.text)) {
      numbers.push(j);
      const sep = tokens[j + 1];
      const after = tokens[j + 2];
      if (
        t.lower.endsWith('s') &&
        sep &&
        (sep.text === ',' || sep.lower === 'and' || sep.lower === 'or' || sep.lower === 'to' || sep.lower === 'through' || isDashToken(sep)) &&
        after
      ) {
        if (after.kind === 'num') {
          j += 2;
          continue;
        }
        if ((after.lower === 'and' || after.lower === 'or') && tokens[j + 3]?.kind === 'num') {
          j += 3;
          continue;
        }
      }
      break;
    }
    if (numbers.length === 0) continue;
    const lastNum = numbers[numbers.length - 1]!;
    let law: string | null = null;
    let thisLaw = false;
    let k = lastNum + 1;
    if (ARTICLE_SUFFIXES.has(tokens[k]?.lower ?? '') && tokens[k]!.kind === 'word') k++;
    if (tokens[k]?.lower === 'of') {
      const det = tokens[k + 1]?.lower;
      if ((det === 'this' || det === 'the') && (tokens[k + 2]?.lower === 'law' || tokens[k + 2]?.lower === 'code') && det === 'this') thisLaw = true;
      if ((det === 'this' || det === 'the') && TREATY_WORDS.has(tokens[k + 2]?.lower ?? '')) law = titleCase([tokens[k + 2]!.lower]);
      while (lawAfter < laws.length && laws[lawAfter]!.start < tokens[k]!.end) lawAfter++;
      const next = laws[lawAfter];
      if (next && !thisLaw && !law && next.start <= (tokens[k + 3]?.start ?? next.start)) law = next.name;
    }
    while (lawBefore < laws.length && laws[lawBefore]!.end <= t.start) lawBefore++;
    const before = laws[lawBefore - 1];
    if (!law && !thisLaw && before && t.start - before.end <= 3) law = before.name;
    const atStart = lineStart(t.start);
    const suffixed = (n: number) => tokens[n + 1]?.kind === 'word' && ARTICLE_SUFFIXES.has(tokens[n + 1]!.lower);
    const titled = titleAfter(tokens, suffixed(lastNum) ? lastNum + 2 : lastNum + 1, text, lineBreakAt, atStart);
    numbers.forEach((n, index) => {
      const numTok = tokens[n]!;
      const start = index === 0 ? t.start : numTok.start;
      const single = numbers.length === 1;
      const last = suffixed(n) ? tokens[n + 1]! : numTok;
      out.push({
        start,
        end: last.end,
        article: text.slice(numTok.start, last.end).replace(/\s+/g, ' '),
        law,
        thisLaw,
        title: single ? (titled?.title ?? null) : null,
        heading: single && (titled?.heading ?? false) && atStart,
      });
    });
    i = lastNum;
  }
  return out;
}

/** A penalty tier read from one sentence of legal text. */
export interface PenaltyMatch {
  condition: string;
  prison_min_years: number | null;
  prison_max_years: number | null;
  life_imprisonment: boolean;
  death_penalty: boolean;
  fine_min: number | null;
  fine_max: number | null;
  fine_currency: string | null;
  fine_min_usd: number | null;
  fine_max_usd: number | null;
}

const PUNISH = /\b(?:punish|penalt|sentence|imprison|privation of liberty|fine)/i;

function toYears(value: number, unit: string | null): number {
  if (unit === 'month') return Math.round((value / 12) * 1000) / 1000;
  if (unit === 'week') return Math.round((value / 52) * 1000) / 1000;
  if (unit === 'day') return Math.round((value / 365) * 1000) / 1000;
  return value;
}

/** Drops trailing characters that are in `chars` (or any white space), without a regular expression. */
function trimEnd(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && (chars.includes(s[end - 1]!) || /\s/.test(s[end - 1]!))) end--;
  return s.slice(0, end);
}

const CLAUSE_OPENING = /^(?:in (?:the )?case(?: of| with| where| that)?|if|where|when) /i;
/** Where the consequence starts after an "If ..." clause that has no "shall be punished": ", the penalty is ...". */
const CONSEQUENCE = /, (?:the )?(?:penalty|sentence|punishment|perpetrator|offender|imprisonment|he|she|they)\b/i;
const PUNISHED_VERB = /\b(?:shall|will|is|are) (?:be )?(?:punish|sentenc|fined|liable)/i;

/** The condition of a tier: "base offence" for "Any person ...", else the "In the case ..." clause, as the text states it. */
function conditionOf(sentence: string, tier: number): string {
  const opening = CLAUSE_OPENING.exec(sentence);
  if (opening) {
    const body = sentence.slice(opening[0].length).trimStart();
    const shall = body.search(PUNISHED_VERB);
    const comma = shall > 0 ? -1 : body.search(CONSEQUENCE);
    let head = shall > 0 ? body.slice(0, shall) : comma > 0 ? body.slice(0, comma) : body;
    const perpetrator = head.toLowerCase().lastIndexOf(' the perpetrator');
    if (perpetrator > 0) head = head.slice(0, perpetrator);
    return trimEnd(head, ',;');
  }
  const lower = sentence.toLowerCase();
  const penaltyFor = lower.indexOf('penalty for ');
  if (penaltyFor >= 0) {
    const from = penaltyFor + 'penalty for '.length;
    const ends = [' under ', ' is ', ' shall '].map((w) => lower.indexOf(w, from)).filter((i) => i > from);
    if (ends.length > 0) return sentence.slice(from, Math.min(...ends));
  }
  const punishable = lower.search(/ (?:is|are) punishable\b/);
  if (punishable > 0 && tier === 1) {
    const subject = sentence.slice(0, punishable);
    if (!/^(?:any|a) person|^whoever/i.test(subject)) return subject;
  }
  return tier === 1 ? 'base offence' : 'aggravated offence';
}

/** Reads a penalty tier from a sentence and the figures found in it; null when the sentence sets no penalty. */
export function readPenalty(sentence: string, quantities: readonly QuantityMatch[], tier: number): PenaltyMatch | null {
  if (!PUNISH.test(sentence)) return null;
  const prison = quantities.find((q) => q.kind === 'duration' && (q.unit === 'year' || q.unit === 'month')) ?? null;
  const life = /\blife imprisonment\b|\bimprisonment for life\b|\bfor life\b|\bto life\b/i.test(sentence);
  const death = /\bdeath\b|\bexecuted\b|\bexecution\b|\bcapital punishment\b/i.test(sentence);
  const usd = quantities.find((q) => q.kind === 'money' && q.unit === 'USD') ?? null;
  const fine = quantities.find((q) => q.kind === 'money' && q.unit !== 'USD') ?? usd;
  if (!prison && !life && !fine) return null;
  const inUsd = fine === usd ? fine : usd;
  return {
    condition: conditionOf(sentence, tier),
    prison_min_years: prison && prison.qualifier !== 'up_to' ? toYears(prison.value, prison.unit) : null,
    prison_max_years: prison ? toYears(prison.value_max ?? prison.value, prison.unit) : null,
    life_imprisonment: life,
    death_penalty: death,
    fine_min: fine ? fine.value : null,
    fine_max: fine ? (fine.value_max ?? fine.value) : null,
    fine_currency: fine ? fine.unit : null,
    fine_min_usd: inUsd ? inUsd.value : null,
    fine_max_usd: inUsd ? (inUsd.value_max ?? inUsd.value) : null,
  };
}

/**
 * A sentence of the cable's own words that states a penalty ("punishable by five to fifteen years", "the penalty for
 * ... is imprisonment of not more than 5 years", "sentenced to 3 to 10 years and fined ..."): a penalty word before a
 * prison term or fine that the sentence gives. Sentences on anything else with a duration (a 30-day permit) have no
 * penalty word and stay out. `sentenceStart` is the sentence's offset in the paragraph text the quantities count from.
 */
export function readProsePenalty(sentence: string, sentenceStart: number, quantities: readonly QuantityMatch[]): PenaltyMatch | null {
  // Most sentences have neither a term, a fine nor a life sentence: they are let go before the slower cue pattern.
  const life = LIFE_SENTENCE.test(sentence);
  if (!life && !quantities.some(isPenaltyFigure)) return null;
  const cue = PROSE_PENALTY.exec(sentence);
  if (!cue) return null;
  const after = quantities.filter((q) => q.start - sentenceStart >= cue.index);
  if (!life && !after.some(isPenaltyFigure)) return null;
  return readPenalty(sentence, after, 1);
}

const LIFE_SENTENCE = /\blife imprisonment\b|\bimprisonment for life\b/i;

/** A prison term (years or months) or a fine. */
function isPenaltyFigure(q: QuantityMatch): boolean {
  return (q.kind === 'duration' && (q.unit === 'year' || q.unit === 'month')) || q.kind === 'money';
}

/** Words that say a sentence sets or imposes a penalty. */
const PROSE_PENALTY =
  /\b(?:punishable by|punished (?:by|with)|penalty (?:for|of|is)|penalties (?:for|of|range)|sentenced (?:to|them to|him to|her to)|sentences? of|prison (?:term|sentence)s? of|imprisonment (?:of|for|from)|carries (?:a|an|up to)|fined)\b/i;
