import { tipIndicator } from '../tip-recipe.js';
import type { Candidate } from './candidates.js';

/** Qualifiers that make a figure a bound ("less than 10", "more than 1,044"), not the figure itself. */
const BOUNDS = new Set(['at_least', 'more_than', 'less_than', 'up_to', 'over', 'as_many_as']);

const SCOPE_WORDS: Record<string, string> = {
  one_case: 'one case',
  one_region: 'one region',
  one_court: 'one court',
  one_organization: 'one organisation',
};

const ACTOR_WORDS: Record<string, string> = {
  ngo: 'an NGO',
  international_organization: 'an international organisation',
  media: 'the media',
  embassy: "the embassy's own estimate",
};

/**
 * Why a candidate does not fit its indicator's definition (the host government's figure for the whole country and the
 * whole reporting period, about trafficking, stated as a figure), or null when it fits. The first reason found is given.
 */
export function reasonNotPublished(c: Candidate): string | null {
  const e = c.evidence;
  if (c.refers?.kind === 'recount') return `recounts figures given before ("${c.refers.word}")`;
  if (c.refers?.kind === 'addition') return `an addition to another figure ("${c.refers.word}"), not a total`;
  if (c.estimate) return 'an estimate, not a count of what happened';
  if (c.bracketed) return "a detail in brackets, not the sentence's figure";
  if (e.comparison === 'previous') return 'the earlier figure of a comparison';
  if (e.period_match === 'other_period')
    return e.period === null ? 'part of the reporting period, or a total over several periods' : `another period (${e.period}) or part of one`;
  if (e.scope !== 'national') return `covers ${SCOPE_WORDS[e.scope]}, not the whole country`;
  if (ACTOR_WORDS[e.stated_by]) return `stated by ${ACTOR_WORDS[e.stated_by]}, not the government`;
  if (e.crime === 'smuggling' || e.crime === 'csec' || e.crime === 'other')
    return `about ${e.crime === 'csec' ? 'commercial sexual exploitation of children' : e.crime} without trafficking`;
  if (BOUNDS.has(c.qualifier)) return `a bound (${c.qualifier.replace('_', ' ')}), not the figure`;
  if (c.value_max !== null && tipIndicator(c.indicator)!.kinds[0] !== 'duration') return 'a range, not one figure';
  return null;
}

/** Candidates that fit, best first: a cue word in the figure's own clause (within 30 characters), then the cables' order. */
function byFit(a: Candidate, b: Candidate): number {
  const near = (c: Candidate) => (c.distance <= 30 ? 0 : 1);
  return near(a) - near(b);
}

/**
 * Decides every candidate of one report: each gets its reason; of the candidates of one indicator that fit, the best
 * is published when all of them agree on the value; when they disagree, none is (precision first). Returns the
 * published candidate of each indicator.
 */
export function decideReport(candidates: Candidate[]): Map<string, Candidate> {
  const published = new Map<string, Candidate>();
  const fitting = new Map<string, Candidate[]>();
  for (const c of candidates) {
    c.reason = reasonNotPublished(c);
    if (c.reason === null) fitting.set(c.indicator, [...(fitting.get(c.indicator) ?? []), c]);
  }
  for (const [indicator, list] of fitting) {
    const values = [...new Set(list.map((c) => c.value))].sort((a, b) => a - b);
    if (values.length > 1) {
      for (const c of list) c.reason = `the report gives other figures for it (${values.join(', ')}): which one is the total needs a reviewer`;
      continue;
    }
    const [best, ...rest] = [...list].sort(byFit);
    for (const c of rest) c.reason = `the same figure is published from ${best!.citation}`;
    published.set(indicator, best!);
  }
  return published;
}
