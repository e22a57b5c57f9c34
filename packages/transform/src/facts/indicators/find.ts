import type { Cable } from '@cablepress/extract';
import { ValidationError } from '@cablepress/core';
import type { IndicatorCandidateRow, IndicatorRow, ParagraphRow, QuantityRow, Review } from '@cablepress/validate';
import { cableCountry } from '../../country.js';
import { reportingYear, tipRecipe } from '../tip-recipe.js';
import { candidatesOf, type Candidate, type Report } from './candidates.js';
import { decideReport } from './decide.js';

/** The cables of one report: one country and reporting year (a report sent in two parts is two cables). */
export interface ReportCable {
  cable: Pick<Cable, 'id' | 'created' | 'tags' | 'origin'>;
  quantities: readonly QuantityRow[];
  paragraphs: readonly ParagraphRow[];
}

/** The two indicator tables of TIP report cables. */
export interface TipIndicatorTables {
  indicators: IndicatorRow[];
  indicator_candidates: IndicatorCandidateRow[];
}

/** A figure decided for publication: by the rules, or by a reviewer. */
interface Decided {
  candidate: Candidate;
  review: Review | null;
}

function reportsOf(cables: readonly ReportCable[]): Report[] {
  const groups = new Map<string, { country: string | null; year: number | null; cables: ReportCable[] }>();
  for (const c of cables) {
    const country = cableCountry(c.cable)?.iso ?? null;
    const year = reportingYear(c.cable.created);
    const key = `${country ?? c.cable.id}\u0000${year ?? ''}`;
    const group = groups.get(key) ?? { country, year, cables: [] };
    group.cables.push(c);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => {
    const paragraphs = g.cables.flatMap((c) => c.paragraphs);
    return {
      prefix: `${(g.country ?? g.cables[0]!.cable.id).toLowerCase()}-${g.year ?? 'undated'}`,
      country: g.country,
      year: g.year,
      quantities: g.cables.flatMap((c) => c.quantities),
      paragraphs: new Map(paragraphs.map((p) => [p.paragraph_id, p])),
    };
  });
}

/**
 * Applies the maintainers' reviews to one report's decisions: an accepted or corrected candidate is published (in place
 * of the rules' choice for its indicator), a rejected one is not. Returns the ids reviewed.
 */
function applyReviews(prefix: string, candidates: readonly Candidate[], chosen: Map<string, Decided>, reviews: ReadonlyMap<string, Review>): Set<string> {
  const used = new Set<string>();
  for (const c of candidates) {
    const review =
      reviews.get(c.candidate_id) ?? (chosen.get(c.indicator.indicator)?.candidate === c ? reviews.get(`${prefix}-${c.indicator.indicator}`) : undefined);
    if (!review) continue;
    used.add(review.id);
    const indicator = review.indicator ? tipRecipe().indicators.find((i) => i.indicator === review.indicator) : c.indicator;
    if (!indicator)
      throw new ValidationError(
        'REVIEW_INDICATOR',
        `reviews.json: ${review.id}: no indicator "${review.indicator}"`,
        [],
        { file: 'reviews.json' },
        'Give one of the indicators of the definitions.',
      );
    if (review.decision === 'reject') {
      if (chosen.get(c.indicator.indicator)?.candidate === c) chosen.delete(c.indicator.indicator);
      c.reason = `rejected by a reviewer: ${review.reason}`;
      continue;
    }
    const previous = chosen.get(indicator.indicator);
    if (previous && previous.candidate !== c) previous.candidate.reason = `a reviewer published ${c.candidate_id} instead`;
    if (chosen.get(c.indicator.indicator)?.candidate === c) chosen.delete(c.indicator.indicator);
    c.indicator = indicator;
    if (review.value !== undefined) c.value = review.value;
    c.reason = null;
    chosen.set(indicator.indicator, { candidate: c, review });
  }
  return used;
}

function publishedRow(prefix: string, d: Decided, country: string | null, year: number | null): IndicatorRow {
  const c = d.candidate;
  return {
    indicator_id: `${prefix}-${c.indicator.indicator}`,
    ...columnsOf(c, country, year),
    decided_by: d.review ? 'reviewer' : 'rules',
    review_reason: d.review?.reason ?? null,
  };
}

function columnsOf(c: Candidate, country: string | null, year: number | null) {
  return {
    indicator: c.indicator.indicator,
    label: c.indicator.label,
    category: c.indicator.category,
    period: c.evidence.period,
    period_match: c.evidence.period_match,
    value: c.value,
    value_max: c.value_max,
    unit: c.unit,
    qualifier: c.qualifier,
    scope: c.evidence.scope,
    stated_by: c.evidence.stated_by,
    crime: c.evidence.crime,
    comparison: c.evidence.comparison,
    stated_zero: c.stated_zero,
    quantity_id: c.quantity_id,
    cable_id: c.cable_id,
    paragraph_id: c.paragraph.paragraph_id,
    citation: c.citation,
    text: c.text,
    quote: c.quote,
    country,
    reporting_year: year,
  };
}

const byId =
  <T extends Record<K, string>, K extends string>(key: K) =>
  (a: T, b: T) =>
    a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0;

/**
 * The indicators of TIP report cables: every figure that may be one becomes a candidate with its evidence (period,
 * scope, who states it, crime, comparison, stated zero); a candidate is published only when its evidence fits the
 * indicator's definition and the report gives no other figure for it, or when a maintainer's review says so. The rest
 * are published as candidates with their reason. Rows are ordered by id.
 */
export function applyTipRecipe(cables: readonly ReportCable[], reviews: readonly Review[] = []): TipIndicatorTables {
  const byReview = new Map(reviews.map((r) => [r.id, r]));
  const used = new Set<string>();
  const indicators: IndicatorRow[] = [];
  const candidates: IndicatorCandidateRow[] = [];
  for (const report of reportsOf(cables)) {
    const all = candidatesOf(report);
    const chosen = new Map([...decideReport(all)].map(([k, c]) => [k, { candidate: c, review: null } as Decided]));
    for (const id of applyReviews(report.prefix, all, chosen, byReview)) used.add(id);
    const published = new Set([...chosen.values()].map((d) => d.candidate));
    for (const d of chosen.values()) indicators.push(publishedRow(report.prefix, d, report.country, report.year));
    for (const c of all) {
      if (!published.has(c)) candidates.push({ candidate_id: c.candidate_id, ...columnsOf(c, report.country, report.year), reason: c.reason ?? 'not chosen' });
    }
  }
  const unknown = reviews.find((r) => !used.has(r.id));
  if (unknown) {
    throw new ValidationError(
      'REVIEW_UNKNOWN_ID',
      `reviews.json: no indicator or candidate ${unknown.id}`,
      [],
      { file: 'reviews.json' },
      'Run cablepress review to see the ids of this build; remove or update the review.',
    );
  }
  return { indicators: indicators.sort(byId('indicator_id')), indicator_candidates: candidates.sort(byId('candidate_id')) };
}
