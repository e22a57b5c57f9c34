import { type Finding, ValidationError } from '@cablepress/core';
import { type IndicatorRow, type Locator, type ParagraphRow, type QuantityRow, type Recipe } from '@cablepress/validate';
import { inheritedKeys } from '../citation.js';
import { evidenceOf } from './indicators/evidence.js';
import { figureSpan } from './indicators/phrases.js';

function normalise(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when the figure stands in the quantity's text as whole words: "38" matches "38", not "138". */
function figureMatches(quantityText: string, figure: string): boolean {
  return new RegExp(`(?<![\\w.,])${escapeRegExp(normalise(figure))}(?![\\w])`, 'i').test(normalise(quantityText));
}

function paragraphMatches(p: ParagraphRow, key: string | null, loc: Locator): boolean {
  if (loc.cable_id !== undefined && p.cable_id !== loc.cable_id) return false;
  const want = loc.paragraph;
  if (want.number !== undefined && p.number !== want.number) return false;
  if (want.section !== undefined) {
    if (!p.section) return false;
    const section = normalise(p.section);
    if (!(section === want.section || new RegExp(`^${escapeRegExp(want.section)}(?![A-Za-z0-9])`).test(section))) return false;
  }
  if (want.key !== undefined && normalise(key ?? '') !== normalise(want.key)) return false;
  return true;
}

function describe(loc: Locator): string {
  const where = [
    loc.cable_id,
    loc.paragraph.number !== undefined ? `\u00b6${loc.paragraph.number}` : null,
    loc.paragraph.section,
    loc.paragraph.key ? `key ${loc.paragraph.key}` : null,
  ]
    .filter(Boolean)
    .join(' ');
  return `figure "${loc.figure}" in a sentence containing "${loc.sentence}" (${where})`;
}

/** What to do about failing locators: one that finds nothing needs correcting, one that finds several narrowing. */
function locatorHint(findings: readonly Finding[]): string {
  const none = findings.some((f) => f.code === 'RECIPE_LOCATOR_NO_MATCH');
  const many = findings.some((f) => f.code === 'RECIPE_LOCATOR_AMBIGUOUS');
  const correct = 'Correct a locator that finds nothing: the paragraph, the sentence words and the figure text must be as the cable writes them.';
  const narrow = 'Make a locator that finds several figures more specific (paragraph, more sentence words, figure text, kind).';
  return [none ? correct : null, many ? narrow : null].filter(Boolean).join(' ');
}

/**
 * Picks the recipe's key figures out of the quantities table. Each locator must find exactly one quantity; otherwise a
 * ValidationError (RECIPE_LOCATOR_NO_MATCH or RECIPE_LOCATOR_AMBIGUOUS) lists every failing indicator with the
 * candidates it found.
 */
export function applyRecipe(
  recipe: Recipe,
  facts: { quantities: readonly QuantityRow[]; paragraphs: readonly ParagraphRow[] },
  options: { file?: string; context?: (cableId: string) => { country: string | null; reporting_year: number | null } } = {},
): IndicatorRow[] {
  const context = options.context ?? (() => ({ country: null, reporting_year: null }));
  const paragraphs = new Map(facts.paragraphs.map((p) => [p.paragraph_id, p]));
  const keys = inheritedKeys(facts.paragraphs);
  const rows: IndicatorRow[] = [];
  const findings: Finding[] = [];
  recipe.indicators.forEach((ind, index) => {
    const loc = ind.locate;
    const sentence = normalise(loc.sentence).toLowerCase();
    const matches = facts.quantities.filter((q) => {
      const p = paragraphs.get(q.paragraph_id);
      if (!p || !paragraphMatches(p, keys.get(p.paragraph_id) ?? null, loc)) return false;
      if (loc.kind !== undefined && q.kind !== loc.kind) return false;
      return normalise(q.quote).toLowerCase().includes(sentence) && figureMatches(q.text, loc.figure);
    });
    const path = ['indicators', index, 'locate'];
    if (matches.length === 0) {
      findings.push({
        code: 'RECIPE_LOCATOR_NO_MATCH',
        severity: 'error',
        message: `indicator ${ind.indicator_id}: no quantity matches ${describe(loc)}`,
        path,
      });
      return;
    }
    if (matches.length > 1) {
      findings.push({
        code: 'RECIPE_LOCATOR_AMBIGUOUS',
        severity: 'error',
        message: `indicator ${ind.indicator_id}: ${matches.length} quantities match ${describe(loc)}: ${matches.map((m) => m.quantity_id).join(', ')}`,
        path,
        spans: matches.map((m) => ({ cable_id: m.cable_id, char_start: m.char_start, char_end: m.char_end })),
      });
      return;
    }
    const q = matches[0]!;
    const where = context(q.cable_id);
    const quote = normalise(q.quote);
    const text = normalise(q.text);
    const p = paragraphs.get(q.paragraph_id)!;
    const before = normalise(p.text).split(quote)[0] ?? '';
    const evidence = evidenceOf({ quote, figure: figureSpan(quote, text), before, counted: q.counted, reportingYear: where.reporting_year });
    rows.push({
      indicator_id: ind.indicator_id,
      indicator: ind.indicator ?? null,
      label: ind.label,
      category: ind.category,
      ...evidence,
      period: ind.period,
      value: q.value,
      value_max: q.value_max,
      unit: q.unit,
      qualifier: q.qualifier,
      stated_zero: false,
      quantity_id: q.quantity_id,
      cable_id: q.cable_id,
      paragraph_id: q.paragraph_id,
      citation: p.citation,
      text,
      quote: q.quote,
      ...where,
      decided_by: 'recipe',
      review_reason: null,
    });
  });
  if (findings.length > 0) {
    const file = options.file ?? 'recipe';
    throw new ValidationError(
      findings[0]!.code,
      `${file}: ${findings.length} indicator locator(s) do not find exactly one quantity: ${findings.map((f) => f.message).join('; ')}`,
      findings,
      { file, field: `$.indicators[${String(findings[0]!.path[1])}].locate` },
      locatorHint(findings),
    );
  }
  return rows;
}
