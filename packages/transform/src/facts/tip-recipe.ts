import { readFileSync } from 'node:fs';
import { stationOfId, type Cable } from '@cablepress/extract';
import type { INDICATOR_CATEGORIES, QUANTITY_KINDS, QuantityRow } from '@cablepress/validate';

/** One indicator of the generic TIP recipe (data/tip-recipe.json): what a figure of it looks like. */
export interface TipIndicator {
  indicator: string;
  label: string;
  category: (typeof INDICATOR_CATEGORIES)[number];
  kinds: (typeof QUANTITY_KINDS)[number][];
  /** Nouns the figure may count; empty: any. */
  counted: string[];
  /** Stems one of which the sentence must hold (lower case). */
  any: string[];
  /** Stems none of which the sentence may hold. */
  none: string[];
  /** Stems none of which may stand in the 32 characters before the figure ("space for 684 children": a capacity). */
  not_after?: string[];
  /** Words that hold a cue stem without being a cue ("prosecutors" for the stem "prosecut"). */
  not_cues?: string[];
}

export interface TipRecipe {
  source: string;
  description: string;
  tip_report: { subject_any: string[]; tags_any: string[]; subject_with_tag_any: string[]; subject_none: string[]; origins_none: string[] };
  trafficking_stems: string[];
  /** Words that, right before a figure, make it a recount of figures already given ("the above nine cases"). */
  back_references: string[];
  indicators: TipIndicator[];
}

let loaded: TipRecipe | null = null;
let byName: Map<string, TipIndicator> | null = null;

/** The generic TIP recipe (packages/transform/data/tip-recipe.json). */
export function tipRecipe(): TipRecipe {
  loaded ??= JSON.parse(readFileSync(new URL('../../data/tip-recipe.json', import.meta.url), 'utf8')) as TipRecipe;
  return loaded;
}

/** The definition of the generic recipe's indicator `name`, or undefined when it has none of that name. */
export function tipIndicator(name: string): TipIndicator | undefined {
  byName ??= new Map(tipRecipe().indicators.map((i) => [i.indicator, i]));
  return byName.get(name);
}

/**
 * True when the cable is a post's TIP report submission: its subject says so, or it carries the KTIP tag and names
 * trafficking; not when it is about the published report (reactions, press guidance) or the Department sends it.
 */
export function isTipReport(cable: Pick<Cable, 'id' | 'subject' | 'title' | 'tags'>): boolean {
  const rule = tipRecipe().tip_report;
  const subject = `${cable.subject} ${cable.title ?? ''}`.toUpperCase().replace(/\s+/g, ' ');
  if (rule.subject_none.some((s) => subject.includes(s))) return false;
  if (rule.origins_none.includes(stationOfId(cable.id) ?? '')) return false;
  if (rule.subject_any.some((s) => subject.includes(s))) return true;
  return cable.tags.some((t) => rule.tags_any.includes(t)) && rule.subject_with_tag_any.some((s) => subject.includes(s)) && subject.includes('REPORT');
}

/**
 * The reporting year of a TIP report cable: the report due in spring covers the year before, so a cable sent from
 * January to June reports on the previous year, a later one on its own year; null without a date.
 */
export function reportingYear(created: string | null): number | null {
  const m = /^(\d{4})-(\d{2})/.exec(created ?? '');
  if (!m) return null;
  return Number(m[2]) <= 6 ? Number(m[1]) - 1 : Number(m[1]);
}

/** Where the figure stands in its sentence: [start, end) of its text in the quote, or the whole quote when not found. */
function figureAt(quote: string, text: string): { start: number; end: number } {
  const figure = text.replace(/\s+/g, ' ');
  for (let start = quote.indexOf(figure); start >= 0; start = quote.indexOf(figure, start + 1)) {
    const end = start + figure.length;
    if (!/\w/.test(quote[start - 1] ?? '') && !/\w/.test(quote[end] ?? '')) return { start, end };
  }
  return { start: 0, end: quote.length };
}

/** Characters of the sentence on each side of a figure in which a cue word counts: about one clause. */
const CUE_WINDOW = 90;
/** Characters before a figure in which a not_after stem rules it out: the few words that say what the figure is. */
const NOT_AFTER_WINDOW = 32;

/**
 * How well the quantity fits the indicator: null when its kind, counted noun or sentence rule it out, else the
 * distance in characters from the figure to the nearest cue word (smaller is better).
 */
export function cueDistance(q: Pick<QuantityRow, 'kind' | 'counted' | 'quote' | 'value' | 'text'>, ind: TipIndicator): number | null {
  return cueFit(q, ind)?.distance ?? null;
}

/**
 * How the quantity fits the indicator: the distance to the nearest cue word, and whether that cue stands in the
 * figure's own predicate (after it, before the next figure), which says more than a cue said before it. Null when the
 * kind, counted noun or sentence rule it out.
 */
export function cueFit(q: Pick<QuantityRow, 'kind' | 'counted' | 'quote' | 'value' | 'text'>, ind: TipIndicator): { distance: number; own: boolean } | null {
  if (!ind.kinds.includes(q.kind)) return null;
  if (q.kind === 'count' && (q.value < 1 || !Number.isInteger(q.value))) return null;
  if (ind.counted.length > 0 && !(q.counted !== null && ind.counted.includes(q.counted.split(' ').at(-1)!)) && !(q.counted === null && objectOfCue(q, ind)))
    return null;
  const quote = q.quote.replace(/\s+/g, ' ');
  const sentence = quote.toLowerCase();
  if (ind.none.some((stem) => sentence.includes(stem))) return null;
  const figure = figureAt(quote, q.text);
  const lead = sentence.slice(Math.max(0, figure.start - NOT_AFTER_WINDOW), figure.start);
  if (ind.not_after?.some((stem) => lead.includes(stem))) return null;
  const noun = nounPhraseEnd(sentence, figure.end, q.counted);
  const predicate = predicateEnd(sentence, figure.end);
  let before: number | null = null;
  let after: number | null = null;
  for (const stem of ind.any) {
    for (let at = sentence.indexOf(stem); at >= 0; at = sentence.indexOf(stem, at + 1)) {
      if (ind.not_cues?.includes(wordAt(sentence, at))) continue;
      if (at >= figure.end && at < noun) continue;
      const distance = at >= figure.end ? at - figure.end : at + stem.length <= figure.start ? figure.start - at - stem.length : 0;
      if (distance > CUE_WINDOW) continue;
      if (at >= figure.start && at < predicate) after = after === null ? distance : Math.min(after, distance);
      else before = before === null ? distance : Math.min(before, distance);
    }
  }
  if (after !== null) return { distance: after, own: true };
  return before === null ? null : { distance: before, own: false };
}

/**
 * Where the figure's own predicate ends: at the next figure, a coordinated clause (", ", " and ") or the end of its clause. A cue word there says what
 * happened to what the figure counts ("and 10 cases ended in convictions"), and wins over one said of the figure before.
 */
function predicateEnd(sentence: string, figureEnd: number): number {
  const rest = sentence.slice(figureEnd);
  const stop = /\d|;| -- |\. | and |, /.exec(rest);
  return figureEnd + (stop ? stop.index : rest.length);
}

/**
 * Where the noun the figure counts ends, after the figure: a cue word between the two describes the noun ("280
 * formally-identified victims were returned" are returned, not identified), it does not say what happened to it.
 */
function nounPhraseEnd(sentence: string, figureEnd: number, counted: string | null): number {
  const noun = counted?.split(' ').at(-1);
  if (!noun) return figureEnd;
  const at = sentence.indexOf(noun, figureEnd);
  return at < 0 || at - figureEnd > 40 ? figureEnd : at;
}

/** The word of `text` (lower case) that holds the character at `at`, without a possessive 's. */
function wordAt(text: string, at: number): string {
  let start = at;
  while (start > 0 && /[a-z]/.test(text[start - 1]!)) start--;
  const m = /^[a-z]+/.exec(text.slice(start));
  return m?.[0] ?? '';
}

/** True when the figure is the object of a cue verb right before it, with no noun after it: "prosecuted 12 and convicted 8 traffickers". */
function objectOfCue(q: Pick<QuantityRow, 'quote' | 'text'>, ind: TipIndicator): boolean {
  const word = precedingWord(q.quote.replace(/\s+/g, ' '), q.text);
  return word !== null && ind.any.some((stem) => word.startsWith(stem)) && !ind.not_cues?.includes(word);
}

/** The word right before the figure in its sentence, lower case ("these" in "these 15 victims"), or null. */
export function precedingWord(quote: string, text: string): string | null {
  const { start } = figureAt(quote, text.replace(/\s+/g, ' '));
  const before = /([A-Za-z]+)\W*$/.exec(quote.slice(Math.max(0, start - 24), start));
  return before !== null && start > 0 ? before[1]!.toLowerCase() : null;
}
