import { readFileSync } from 'node:fs';
import { stationOfId, type Cable } from '@cablepress/extract';
import type { INDICATOR_CATEGORIES, IndicatorRow, ParagraphRow, QUANTITY_KINDS, QuantityRow } from '@cablepress/validate';
import { cableCountry } from '../country.js';

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

/** The generic TIP recipe (packages/transform/data/tip-recipe.json). */
export function tipRecipe(): TipRecipe {
  loaded ??= JSON.parse(readFileSync(new URL('../../data/tip-recipe.json', import.meta.url), 'utf8')) as TipRecipe;
  return loaded;
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

/** A year, or a range of years, also with a month before the second ("November 2006-December 2007"). */
const YEAR = /\b(19[5-9]\d|20[0-4]\d)(?:\s*[-\u2013]\s*(?:[A-Z][a-z]{2,8}\.?\s+)?(19[5-9]\d|20[0-4]\d))?\b/g;

/** The period a figure refers to: the year (or year range) its sentence names nearest to it, else the reporting year. */
export function periodOf(quote: string, figureText: string, fallback: number | null): string | null {
  const at = quote.indexOf(figureText.replace(/\s+/g, ' '));
  let best: { period: string; distance: number } | null = null;
  for (const m of quote.matchAll(YEAR)) {
    const period = m[2] ? `${m[1]}-${m[2]}` : m[1]!;
    const distance = at < 0 ? 0 : Math.abs(m.index - at);
    if (!best || distance < best.distance) best = { period, distance };
  }
  return best?.period ?? (fallback === null ? null : String(fallback));
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
  if (!ind.kinds.includes(q.kind)) return null;
  if (q.kind === 'count' && (q.value < 1 || !Number.isInteger(q.value))) return null;
  if (ind.counted.length > 0 && !(q.counted !== null && ind.counted.includes(q.counted.split(' ').at(-1)!))) return null;
  const quote = q.quote.replace(/\s+/g, ' ');
  const sentence = quote.toLowerCase();
  if (ind.none.some((stem) => sentence.includes(stem))) return null;
  const figure = figureAt(quote, q.text);
  const before = sentence.slice(Math.max(0, figure.start - NOT_AFTER_WINDOW), figure.start);
  if (ind.not_after?.some((stem) => before.includes(stem))) return null;
  let best: number | null = null;
  for (const stem of ind.any) {
    for (let at = sentence.indexOf(stem); at >= 0; at = sentence.indexOf(stem, at + 1)) {
      if (ind.not_cues?.includes(wordAt(sentence, at))) continue;
      const distance = at >= figure.end ? at - figure.end : at + stem.length <= figure.start ? figure.start - at - stem.length : 0;
      if (distance <= CUE_WINDOW && (best === null || distance < best)) best = distance;
    }
  }
  return best;
}

/** The word of `text` (lower case) that holds the character at `at`, without a possessive 's. */
function wordAt(text: string, at: number): string {
  let start = at;
  while (start > 0 && /[a-z]/.test(text[start - 1]!)) start--;
  const m = /^[a-z]+/.exec(text.slice(start));
  return m?.[0] ?? '';
}

/** The cables of one report: one country and reporting year (a report sent in two parts is two cables). */
export interface ReportCable {
  cable: Pick<Cable, 'id' | 'created' | 'tags' | 'origin'>;
  quantities: readonly QuantityRow[];
  paragraphs: readonly ParagraphRow[];
}

/**
 * Finds the 3P key figures of TIP report cables with the generic recipe: for each country and reporting year, the
 * best candidate of each indicator (a sentence about trafficking first, then a cue word in the figure's own clause,
 * then the largest value, then the first in the cables' order), each quantity used once. Rows are ordered by country, year and the recipe's indicator order.
 */
export function applyTipRecipe(cables: readonly ReportCable[]): IndicatorRow[] {
  const recipe = tipRecipe();
  const groups = new Map<string, { country: string | null; year: number | null; cables: ReportCable[] }>();
  for (const c of cables) {
    const country = cableCountry(c.cable)?.iso ?? null;
    const year = reportingYear(c.cable.created);
    const key = `${country ?? c.cable.id}\u0000${year ?? ''}`;
    const group = groups.get(key) ?? { country, year, cables: [] };
    group.cables.push(c);
    groups.set(key, group);
  }
  const rows: IndicatorRow[] = [];
  for (const group of groups.values()) rows.push(...indicatorsOfReport(recipe, group.country, group.year, group.cables));
  return rows.sort((a, b) => (a.indicator_id < b.indicator_id ? -1 : a.indicator_id > b.indicator_id ? 1 : 0));
}

/** Candidate order: a sentence about trafficking, then a cue word in the figure's own clause (within 30 characters), then the larger value. */
function isBetter(a: { about: boolean; distance: number; value: number }, b: { about: boolean; distance: number; value: number }): boolean {
  if (a.about !== b.about) return a.about;
  const near = (d: number) => d <= 30;
  if (near(a.distance) !== near(b.distance)) return near(a.distance);
  return a.value > b.value;
}

/** True when the word right before the figure points back at figures already given ("of the above nine cases", "these 15 victims"). */
export function recountsEarlierFigures(q: Pick<QuantityRow, 'quote' | 'text'>, words: readonly string[]): boolean {
  const quote = q.quote.replace(/\s+/g, ' ');
  const { start } = figureAt(quote, q.text);
  const before = /([A-Za-z]+)\W*$/.exec(quote.slice(Math.max(0, start - 24), start));
  return before !== null && start > 0 && words.includes(before[1]!.toLowerCase());
}

function aboutTrafficking(quote: string, stems: readonly string[]): boolean {
  const s = `${quote.toLowerCase()} `;
  return stems.some((stem) => s.includes(stem));
}

function indicatorsOfReport(recipe: TipRecipe, country: string | null, year: number | null, cables: readonly ReportCable[]): IndicatorRow[] {
  const quantities = cables.flatMap((c) => c.quantities);
  const paragraphs = new Map(cables.flatMap((c) => c.paragraphs).map((p) => [p.paragraph_id, p]));
  const used = new Set<string>();
  const prefix = `${(country ?? cables[0]!.cable.id).toLowerCase()}-${year ?? 'undated'}`;
  const rows: IndicatorRow[] = [];
  for (const ind of recipe.indicators) {
    let best: { q: QuantityRow; about: boolean; distance: number } | null = null;
    for (const q of quantities) {
      const distance = used.has(q.quantity_id) || recountsEarlierFigures(q, recipe.back_references) ? null : cueDistance(q, ind);
      if (distance === null) continue;
      const about = aboutTrafficking(q.quote, recipe.trafficking_stems);
      if (!best || isBetter({ about, distance, value: q.value }, { about: best.about, distance: best.distance, value: best.q.value })) best = { q, about, distance };
    }
    if (!best) continue;
    const q = best.q;
    used.add(q.quantity_id);
    const p = paragraphs.get(q.paragraph_id)!;
    rows.push({
      indicator_id: `${prefix}-${ind.indicator}`, label: ind.label, category: ind.category, period: periodOf(q.quote, q.text, year),
      value: q.value, value_max: q.value_max, unit: q.unit, qualifier: q.qualifier, quantity_id: q.quantity_id, cable_id: q.cable_id,
      paragraph_id: q.paragraph_id, citation: p.citation, quote: q.quote, country, reporting_year: year,
    });
  }
  return rows;
}
