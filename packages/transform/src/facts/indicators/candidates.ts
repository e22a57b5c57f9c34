import type { Cable } from '@cablepress/extract';
import type { ParagraphRow, QuantityRow } from '@cablepress/validate';
import { cableCountry } from '../../country.js';
import { cueFit, precedingWord, reportingYear, tipIndicator, tipRecipe, type TipIndicator } from '../tip-recipe.js';
import { EVIDENCE } from './evidence-words.js';
import { evidenceOf, type Evidence } from './evidence.js';
import { figureSpan, hasAny } from './phrases.js';
import { statedZeros } from './zeros.js';

/**
 * A figure that may be an indicator of a report, with its evidence; `reason` says why it is not published (null: it
 * fits). Plain data (the indicator and the paragraph by name), so the thread that built its cable can send it.
 */
export interface Candidate {
  candidate_id: string;
  /** The name of the generic recipe's indicator it may be (see `tipIndicator`). */
  indicator: string;
  value: number;
  value_max: number | null;
  unit: string | null;
  qualifier: QuantityRow['qualifier'];
  quantity_id: string | null;
  cable_id: string;
  paragraph_id: string;
  citation: string;
  text: string;
  quote: string;
  evidence: Evidence;
  stated_zero: boolean;
  /** Characters from the figure to its nearest cue word: smaller is a better fit. */
  distance: number;
  /** True when the words right before the figure make it an estimate ("an estimated 5,000 victims"). */
  estimate: boolean;
  /** True when the figure stands in brackets: a detail of the sentence ("(provided to 306 officials)"), not its total. */
  bracketed: boolean;
  /** The word before the figure that makes it a recount ("these") or an addition ("another"), or null. */
  refers: { word: string; kind: 'recount' | 'addition' } | null;
  reason: string | null;
}

/** One cable of a TIP report (a report sent in two parts is two cables). */
export interface ReportCable {
  cable: Pick<Cable, 'id' | 'created' | 'tags' | 'origin'>;
  quantities: readonly QuantityRow[];
  paragraphs: readonly ParagraphRow[];
}

/** The report a cable belongs to: its country and reporting year (the cable alone when it names no country). */
export interface ReportKey {
  /** Equal for the cables of one report. */
  key: string;
  /** The start of the report's indicator and candidate ids, e.g. `la-2007`. */
  prefix: string;
  country: string | null;
  year: number | null;
}

/** The candidates of one TIP report cable: found where the cable is built, decided once its report's cables are together. */
export interface CableCandidates {
  report: ReportKey;
  /** Candidates of the cable's quantities, in their order. */
  quantities: Candidate[];
  /** Candidates of the zeros its sentences state ("no convictions"), in paragraph order. */
  zeros: Candidate[];
}

function reportKey(cable: ReportCable['cable']): ReportKey {
  const country = cableCountry(cable)?.iso ?? null;
  const year = reportingYear(cable.created);
  return { key: `${country ?? cable.id}\u0000${year ?? ''}`, prefix: `${(country ?? cable.id).toLowerCase()}-${year ?? 'undated'}`, country, year };
}

function normalise(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The paragraph's text before the sentence (for the period named earlier in the paragraph). */
function textBefore(p: ParagraphRow, quote: string): string {
  const text = normalise(p.text);
  const at = text.indexOf(quote);
  return at < 0 ? '' : text.slice(0, at);
}

/**
 * The indicator a quantity fits best: one with a cue in the figure's own predicate ("10 cases ended in convictions"),
 * then the nearest cue word, then the recipe's order.
 */
function bestIndicator(q: QuantityRow): { indicator: TipIndicator; distance: number } | null {
  let best: { indicator: TipIndicator; distance: number; own: boolean } | null = null;
  for (const indicator of tipRecipe().indicators) {
    const fit = cueFit(q, indicator);
    if (fit && (!best || (fit.own && !best.own) || (fit.own === best.own && fit.distance < best.distance))) best = { indicator, ...fit };
  }
  return best;
}

function referenceOf(quote: string, text: string): Candidate['refers'] {
  const word = precedingWord(quote, text);
  if (word === null) return null;
  if (tipRecipe().back_references.includes(word)) return { word, kind: 'recount' };
  if (EVIDENCE.additions.includes(word)) return { word, kind: 'addition' };
  return null;
}

/** Characters before a figure in which an estimate word makes it an estimate. */
const ESTIMATE_WINDOW = 30;

function isEstimate(quote: string, at: number): boolean {
  return hasAny(quote.slice(Math.max(0, at - ESTIMATE_WINDOW), at).toLowerCase(), EVIDENCE.estimates, true);
}

/** True when the figure stands inside brackets opened in its sentence (a note that brackets the whole sentence does not count). */
function isBracketed(quote: string, at: number): boolean {
  const before = quote.slice(quote.startsWith('(') ? 1 : 0, at);
  return before.split('(').length > before.split(')').length;
}

/** The candidates of every quantity of the cable that fits an indicator. */
function quantityCandidates(cable: ReportCable, report: ReportKey): Candidate[] {
  const paragraphs = new Map(cable.paragraphs.map((p) => [p.paragraph_id, p]));
  const out: Candidate[] = [];
  for (const q of cable.quantities) {
    const best = bestIndicator(q);
    if (!best) continue;
    const p = paragraphs.get(q.paragraph_id)!;
    const quote = normalise(q.quote);
    const text = normalise(q.text);
    const figure = figureSpan(quote, text);
    const evidence = evidenceOf({ quote, figure, before: textBefore(p, quote), counted: q.counted, reportingYear: report.year });
    out.push({
      candidate_id: `${report.prefix}-${best.indicator.indicator}-${q.quantity_id}`,
      indicator: best.indicator.indicator,
      value: q.value,
      value_max: q.value_max,
      unit: q.unit,
      qualifier: q.qualifier,
      quantity_id: q.quantity_id,
      cable_id: q.cable_id,
      paragraph_id: p.paragraph_id,
      citation: p.citation,
      text,
      quote: q.quote,
      evidence,
      stated_zero: false,
      distance: best.distance,
      estimate: isEstimate(quote, figure.start),
      bracketed: isBracketed(quote, figure.start),
      refers: referenceOf(quote, text),
      reason: null,
    });
  }
  return out;
}

/** The candidates of the sentences that state a zero ("no convictions"). */
function zeroCandidates(cable: ReportCable, report: ReportKey): Candidate[] {
  const out: Candidate[] = [];
  for (const p of cable.paragraphs) {
    statedZeros(p).forEach((z, n) => {
      if (!tipIndicator(z.indicator)) return;
      const evidence = evidenceOf({ quote: z.quote, figure: z.words, before: z.before, counted: null, reportingYear: report.year });
      out.push({
        candidate_id: `${report.prefix}-${z.indicator}-${p.paragraph_id}-zero${n + 1}`,
        indicator: z.indicator,
        value: 0,
        value_max: null,
        unit: null,
        qualifier: 'exact',
        quantity_id: null,
        cable_id: p.cable_id,
        paragraph_id: p.paragraph_id,
        citation: p.citation,
        text: z.quote.slice(z.words.start, z.words.end),
        quote: z.quote,
        evidence,
        stated_zero: true,
        distance: 0,
        estimate: false,
        bracketed: false,
        refers: null,
        reason: null,
      });
    });
  }
  return out;
}

/** Every figure of a TIP report cable that may be an indicator, with its evidence, and the report it belongs to. */
export function cableCandidates(cable: ReportCable): CableCandidates {
  const report = reportKey(cable.cable);
  return { report, quantities: quantityCandidates(cable, report), zeros: zeroCandidates(cable, report) };
}
