import { ValidationError } from '@cablepress/core';
import type { IndicatorCandidateRow, IndicatorRow, Review } from '@cablepress/validate';
import { tipIndicator } from '../tip-recipe.js';
import { cableCandidates, type CableCandidates, type Candidate, type ReportCable, type ReportKey } from './candidates.js';
import { decideReport } from './decide.js';

export { cableCandidates, type CableCandidates, type ReportCable } from './candidates.js';

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

/** One report: a country's cables of one reporting year, and their candidates (those of quantities first, then stated zeros). */
interface Report extends ReportKey {
  candidates: Candidate[];
}

function reportsOf(cables: readonly CableCandidates[]): Report[] {
  const groups = new Map<string, { report: ReportKey; cables: CableCandidates[] }>();
  for (const c of cables) {
    const group = groups.get(c.report.key) ?? { report: c.report, cables: [] };
    group.cables.push(c);
    groups.set(c.report.key, group);
  }
  return [...groups.values()].map(({ report, cables }) => ({
    ...report,
    candidates: [...cables.flatMap((c) => c.quantities), ...cables.flatMap((c) => c.zeros)],
  }));
}

/**
 * Applies the maintainers' reviews to one report's decisions: an accepted or corrected candidate is published (in place
 * of the rules' choice for its indicator), a rejected one is not. Returns the ids reviewed.
 */
function applyReviews(prefix: string, candidates: readonly Candidate[], chosen: Map<string, Decided>, reviews: ReadonlyMap<string, Review>): Set<string> {
  const used = new Set<string>();
  for (const c of candidates) {
    const review = reviews.get(c.candidate_id) ?? (chosen.get(c.indicator)?.candidate === c ? reviews.get(`${prefix}-${c.indicator}`) : undefined);
    if (!review) continue;
    used.add(review.id);
    const indicator = review.indicator ?? c.indicator;
    if (!tipIndicator(indicator))
      throw new ValidationError(
        'REVIEW_INDICATOR',
        `reviews.json: ${review.id}: no indicator "${review.indicator}"`,
        [],
        { file: 'reviews.json' },
        'Give one of the indicators of the definitions.',
      );
    if (review.decision === 'reject') {
      if (chosen.get(c.indicator)?.candidate === c) chosen.delete(c.indicator);
      c.reason = `rejected by a reviewer: ${review.reason}`;
      continue;
    }
    const previous = chosen.get(indicator);
    if (previous && previous.candidate !== c) previous.candidate.reason = `a reviewer published ${c.candidate_id} instead`;
    if (chosen.get(c.indicator)?.candidate === c) chosen.delete(c.indicator);
    c.indicator = indicator;
    if (review.value !== undefined) c.value = review.value;
    c.reason = null;
    chosen.set(indicator, { candidate: c, review });
  }
  return used;
}

function publishedRow(prefix: string, d: Decided, country: string | null, year: number | null): IndicatorRow {
  const c = d.candidate;
  return {
    indicator_id: `${prefix}-${c.indicator}`,
    ...columnsOf(c, country, year),
    decided_by: d.review ? 'reviewer' : 'rules',
    review_reason: d.review?.reason ?? null,
  };
}

function columnsOf(c: Candidate, country: string | null, year: number | null) {
  const { label, category } = tipIndicator(c.indicator)!;
  return {
    indicator: c.indicator,
    label,
    category,
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
    paragraph_id: c.paragraph_id,
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
  return decideTipReports(cables.map(cableCandidates), reviews);
}

/**
 * `applyTipRecipe` on the candidates of each cable (`cableCandidates`), found where the cables were built: the cables
 * of a report are brought together here, in the order given, and their candidates decided.
 */
export function decideTipReports(cables: readonly CableCandidates[], reviews: readonly Review[] = []): TipIndicatorTables {
  const byReview = new Map(reviews.map((r) => [r.id, r]));
  const used = new Set<string>();
  const indicators: IndicatorRow[] = [];
  const candidates: IndicatorCandidateRow[] = [];
  for (const report of reportsOf(cables)) {
    const all = report.candidates;
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
