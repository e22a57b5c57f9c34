import type { COMPARISONS, CRIMES, PERIOD_MATCHES, SCOPES, STATED_BY } from '@cablepress/validate';
import { EVIDENCE, ORGANIZATION_ACRONYMS } from './evidence-words.js';
import { clauseOf, hasAny, nearestPhrase, phraseAt, type Span } from './phrases.js';

export type PeriodMatch = (typeof PERIOD_MATCHES)[number];
export type Scope = (typeof SCOPES)[number];
export type StatedBy = (typeof STATED_BY)[number];
export type Crime = (typeof CRIMES)[number];
export type Comparison = (typeof COMPARISONS)[number];

/** What a figure's sentence says about it: the columns a decision rests on. */
export interface Evidence {
  period: string | null;
  period_match: PeriodMatch;
  scope: Scope;
  stated_by: StatedBy;
  crime: Crime;
  comparison: Comparison;
}

/** A figure in its sentence, with the words before the sentence in its paragraph and the report's reporting year. */
export interface FigureInSentence {
  /** The sentence, white space normalised. */
  quote: string;
  figure: Span;
  /** The paragraph's text before the sentence. */
  before: string;
  /** Noun the figure counts, as in the quantities table. */
  counted: string | null;
  reportingYear: number | null;
}

/** A year or a range of years, also with a month before the second ("November 2006-December 2007"). */
const YEAR = /\b(19[5-9]\d|20[0-4]\d)(?:\s*[-\u2013]\s*([A-Za-z]{3,9}\.?\s+)?(19[5-9]\d|20[0-4]\d))?\b/g;
/** The name of a report ("the 2008 Trafficking in Persons Report", "TIP report"): it names no period and no crime. */
const REPORT_NAME = /\b(?:(?:19|20)\d\d\s+)?(?:trafficking in persons(?: \(tip\))?|tip) report\b/gi;

/** The sentence in lower case with report names blanked (offsets kept). */
export function maskedSentence(quote: string): string {
  return quote.toLowerCase().replace(REPORT_NAME, (m) => ' '.repeat(m.length));
}

/** Characters around a figure in which a word of time speaks for it ("since", "as of", "to date"). */
const PARTIAL_BEFORE = 40;
const PARTIAL_AFTER = 45;
/** Characters before a year in which a word makes it part of a period ("first six months of 2009", "since 2001"). */
const YEAR_LEAD = 24;

interface YearMention {
  at: number;
  first: number;
  last: number;
  monthRange: boolean;
}

function yearsIn(text: string): YearMention[] {
  return [...text.matchAll(YEAR)].map((m) => ({ at: m.index, first: Number(m[1]), last: Number(m[3] ?? m[1]), monthRange: m[2] !== undefined }));
}

/** True when a month is named on its own, not as one end of a range of months: the figure is of part of the period. */
function namesOneMonth(clause: string): boolean {
  const months = EVIDENCE.period.month_names;
  for (const month of months) {
    for (const at of phraseAt(clause, month)) {
      const around = clause.slice(Math.max(0, at - 40), at + month.length + 40);
      const ranged = months.some((other) => other !== month && phraseAt(around, other).length > 0);
      if (!ranged && !/\b(?:from|between|through|until)\b/.test(clause.slice(Math.max(0, at - 12), at))) return true;
    }
  }
  return false;
}

/** The period of the figure and whether it is the reporting period. */
export function periodEvidence(f: FigureInSentence): Pick<Evidence, 'period' | 'period_match'> {
  const sentence = maskedSentence(f.quote);
  const clause = clauseOf(sentence, f.figure);
  const year = nearestYear(clause.text, f.figure.start - clause.offset) ?? nearestYear(sentence, f.figure.start);
  const nearFigure = sentence.slice(Math.max(0, f.figure.start - PARTIAL_BEFORE), f.figure.end + PARTIAL_AFTER);
  const reporting = f.reportingYear === null ? null : String(f.reportingYear);
  if (hasAny(nearFigure, EVIDENCE.period.partial)) return { period: year ? periodText(year) : null, period_match: 'other_period' };
  if (namesOneMonth(clause.text)) return { period: year ? periodText(year) : reporting, period_match: 'other_period' };
  if (year) {
    const lead = (year.text === clause.text ? clause.text : sentence).slice(Math.max(0, year.mention.at - YEAR_LEAD), year.mention.at);
    const whole = year.mention.first === year.mention.last || (year.mention.monthRange && year.mention.first === f.reportingYear);
    const matches = whole && year.mention.first === f.reportingYear && !hasAny(lead, EVIDENCE.period.partial);
    return { period: periodText(year), period_match: matches ? 'reporting_period' : 'other_period' };
  }
  if (hasAny(sentence, EVIDENCE.period.reporting)) return { period: reporting, period_match: 'reporting_period' };
  const context = yearsIn(f.before).at(-1);
  if (context && context.first === f.reportingYear && context.last === f.reportingYear) return { period: reporting, period_match: 'reporting_period' };
  return { period: reporting, period_match: 'unstated' };
}

function nearestYear(text: string, near: number): { mention: YearMention; text: string } | null {
  let best: YearMention | null = null;
  for (const y of yearsIn(text)) if (!best || Math.abs(y.at - near) < Math.abs(best.at - near)) best = y;
  return best ? { mention: best, text } : null;
}

function periodText(year: { mention: YearMention }): string {
  const { first, last } = year.mention;
  return first === last ? String(first) : `${first}-${last}`;
}

/**
 * True when the figure's noun is followed by the charge of one case: "convicted two men of forcing eight street
 * children" (a gerund after "of" that is not the name of a crime).
 */
function chargesAfter(sentence: string, figure: Span): boolean {
  const m = /^\s*(?:[a-z-]+\s+){1,3}of\s+([a-z]+ing)\b/.exec(sentence.slice(figure.end, figure.end + NOUN_PHRASE));
  return m !== null && crimeIn(m[1]!) === null;
}

/** What the figure covers: one case, one court, one region, one organisation, or the country. */
export function scopeEvidence(f: FigureInSentence): Scope {
  const clause = clauseOf(maskedSentence(f.quote), f.figure).text;
  if (hasAny(clause, EVIDENCE.scope.national)) return 'national';
  if (hasAny(clause, EVIDENCE.scope.one_case) || chargesAfter(maskedSentence(f.quote), f.figure)) return 'one_case';
  if (hasAny(clause, EVIDENCE.scope.one_court)) return 'one_court';
  if (hasAny(clause, EVIDENCE.scope.one_region)) return 'one_region';
  if (hasAny(clause, EVIDENCE.scope.one_organization)) return 'one_organization';
  return 'national';
}

const ACTOR_KINDS = ['international_organization', 'ngo', 'media', 'embassy', 'government'] as const;

/** Who the words name: an organisation acronym of the dictionary, else the actor words. */
function actorIn(original: string, lower: string): StatedBy | null {
  for (const word of original.match(/\b[A-Z][A-Za-z]*[A-Z]\b/g) ?? []) {
    const type = ORGANIZATION_ACRONYMS.get(word);
    if (type === 'international_organization' || type === 'ngo') return type;
    if (type === 'government') return 'government';
  }
  const found = ACTOR_KINDS.map((kind) => ({ kind, hit: nearestPhrase(lower, EVIDENCE.actors[kind], 0) })).filter((a) => a.hit !== null);
  found.sort((a, b) => a.hit!.at - b.hit!.at);
  return found[0]?.kind ?? null;
}

/** Words after "according to" or "by" in which the source is named. */
const SOURCE_WORDS = 60;

/**
 * Who gives the figure: the object of "according to" or of a reporting verb's "by", else the subject of a reporting
 * verb ("IOM reported", "an NGO head said"), else the first actor of the sentence.
 */
export function statedByEvidence(f: FigureInSentence): StatedBy {
  const lower = maskedSentence(f.quote);
  for (const at of phraseAt(lower, 'according to')) {
    const actor = actorIn(f.quote.slice(at + 12, at + 12 + SOURCE_WORDS), lower.slice(at + 12, at + 12 + SOURCE_WORDS));
    if (actor) return actor;
  }
  for (const verb of EVIDENCE.actors.attribution) {
    for (const at of phraseAt(lower, verb)) {
      const after = at + verb.length;
      if (lower.startsWith(' by ', after)) {
        const actor = actorIn(f.quote.slice(after + 4, after + 4 + SOURCE_WORDS), lower.slice(after + 4, after + 4 + SOURCE_WORDS));
        if (actor) return actor;
      }
      if (at < f.figure.start && verb !== 'identified' && verb !== 'found') {
        const actor = actorIn(f.quote.slice(0, at), lower.slice(0, at));
        if (actor) return actor;
      }
    }
  }
  return actorIn(f.quote.slice(0, f.figure.start), lower.slice(0, f.figure.start)) ?? 'unstated';
}

const CRIME_ORDER = ['smuggling', 'csec', 'forced_labor', 'other'] as const;

function crimeIn(text: string): Crime | null {
  if (hasAny(text, EVIDENCE.crimes.trafficking, true)) return 'trafficking';
  for (const crime of CRIME_ORDER) if (hasAny(text, EVIDENCE.crimes[crime], true)) return crime;
  return null;
}

/** Characters after a figure that its noun phrase may take ("19 cases involving paid sex with minors"). */
const NOUN_PHRASE = 60;

/** The figure's noun phrase: the words after it up to its verb, a comma or the next figure. */
function nounPhraseAfter(sentence: string, figure: Span): string {
  const rest = sentence.slice(figure.end, figure.end + NOUN_PHRASE);
  const stop = /\b(?:were|was|are|is|have|has|had|will|remain|remained)\b|[,;(]|\d/.exec(rest);
  return stop ? rest.slice(0, stop.index) : rest;
}

/** The crime the figure is about: what it counts ("smugglers"), else its noun phrase, its clause, its sentence, its paragraph. */
export function crimeEvidence(f: FigureInSentence): Crime {
  const sentence = maskedSentence(f.quote);
  const counted = f.counted === null ? null : crimeIn(f.counted);
  if (counted) return counted;
  return (
    crimeIn(nounPhraseAfter(sentence, f.figure)) ??
    crimeIn(clauseOf(sentence, f.figure).text) ??
    crimeIn(sentence) ??
    (crimeIn(maskedSentence(f.before)) === 'trafficking' ? 'trafficking' : 'unstated')
  );
}

/** The figure's place in a comparison: "from 109 to 74" (109 previous, 74 current), "down from 56", "compared to 30". */
export function comparisonEvidence(f: FigureInSentence): Comparison {
  const sentence = maskedSentence(f.quote);
  const before = sentence.slice(Math.max(0, f.figure.start - 24), f.figure.start);
  const after = sentence.slice(f.figure.end, f.figure.end + 16);
  if (EVIDENCE.comparison.previous.some((p) => before.endsWith(`${p} `))) return 'previous';
  if (EVIDENCE.comparison.current.some((p) => before.endsWith(`${p} `))) return 'current';
  if (/\bfrom (?:a |the |about |approximately |some )?$/.test(before) && /^\s*(?:\w+\s+)?to\s+\S*\d/.test(after)) return 'previous';
  if (
    /\bto (?:a |the |about |approximately |some )?$/.test(before) &&
    /\bfrom (?:a |the |about |approximately |some )?\S*\d/.test(sentence.slice(Math.max(0, f.figure.start - 60), f.figure.start))
  )
    return 'current';
  return 'none';
}

/** All the evidence of one figure. */
export function evidenceOf(f: FigureInSentence): Evidence {
  return { ...periodEvidence(f), scope: scopeEvidence(f), stated_by: statedByEvidence(f), crime: crimeEvidence(f), comparison: comparisonEvidence(f) };
}
