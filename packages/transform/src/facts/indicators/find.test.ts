import type { ParagraphRow, QuantityRow } from '@cablepress/validate';
import { describe, expect, it } from 'vitest';
import { paragraphCitation } from '../../citation.js';
import { applyTipRecipe, type ReportCable } from './find.js';

function quantity(id: string, quote: string, text: string, value: number, counted: string | null, qualifier: QuantityRow['qualifier'] = 'exact'): QuantityRow {
  return {
    quantity_id: id,
    cable_id: id.split('-')[0]!,
    paragraph_id: id.split('-').slice(0, 2).join('-'),
    kind: 'count',
    value,
    value_max: null,
    unit: null,
    qualifier,
    per: null,
    counted,
    text,
    quote,
    char_start: 0,
    char_end: text.length,
  };
}

function paragraph(id: string, number: number | null, text: string): ParagraphRow {
  const seq = Number(id.slice(-3));
  return {
    paragraph_id: id,
    cable_id: id.split('-')[0]!,
    seq,
    number,
    section: null,
    key: null,
    kind: 'numbered',
    classification_marking: null,
    text,
    char_start: 0,
    char_end: text.length,
    citation: paragraphCitation({ seq, number, section: null }, null),
  };
}

/** 08VIENTIANE145 ¶5 and ¶64 (Laos, reporting year 2007). */
const p5 =
  'As a result, according to the Ministry of Public Security, police investigated 38 cases of Article 134 violations (human trafficking) in 2007, resulting in 23 arrests and 8 cases sent for prosecution. Those 8 cases remain in the court system, with another 20 ongoing investigations.';
const [s5a, s5b] = [p5.slice(0, p5.indexOf(' Those')), p5.slice(p5.indexOf('Those'))];
const p64 = '(Note: According to UNIAP, the MOPS reported 27 cases of cross-border trafficking and 14 convictions from November 2006-December 2007.';
const laos: ReportCable = {
  cable: { id: '08VIENTIANE145', created: '2008-02-29T05:44:00Z', tags: ['LA'], origin: 'Embassy Vientiane' },
  paragraphs: [paragraph('08VIENTIANE145-p005', 5, p5), paragraph('08VIENTIANE145-p064', 64, p64)],
  quantities: [
    quantity('08VIENTIANE145-p005-q01', s5a, '38', 38, 'cases'),
    quantity('08VIENTIANE145-p005-q02', s5a, '23', 23, 'arrests'),
    quantity('08VIENTIANE145-p005-q03', s5a, '8', 8, 'cases'),
    quantity('08VIENTIANE145-p005-q04', s5b, '8', 8, 'cases'),
    quantity('08VIENTIANE145-p005-q05', s5b, '20', 20, 'investigations'),
    quantity('08VIENTIANE145-p064-q01', p64, '14', 14, 'convictions'),
  ],
};

/** 08REYKJAVIK36 (Iceland, reporting year 2007): a stated zero. */
const p51 =
  'While there were no identified trafficking victims in the reporting period, in the past possible trafficking victims have been prosecuted under laws governing immigration.';
const iceland: ReportCable = {
  cable: { id: '08REYKJAVIK36', created: '2008-03-07T12:22:00Z', tags: ['IC'], origin: 'Embassy Reykjavik' },
  paragraphs: [paragraph('08REYKJAVIK36-p051', null, p51)],
  quantities: [],
};

describe('applyTipRecipe', () => {
  it('publishes the figures whose evidence fits and keeps the others as candidates with their reason', () => {
    const { indicators, indicator_candidates } = applyTipRecipe([laos]);
    expect(indicators.map((r) => [r.indicator_id, r.value, r.period, r.period_match, r.scope, r.stated_by, r.crime, r.citation, r.decided_by])).toEqual([
      ['la-2007-arrests', 23, '2007', 'reporting_period', 'national', 'government', 'trafficking', '\u00b6 5', 'rules'],
      ['la-2007-investigations', 38, '2007', 'reporting_period', 'national', 'government', 'trafficking', '\u00b6 5', 'rules'],
      ['la-2007-prosecutions', 8, '2007', 'reporting_period', 'national', 'government', 'trafficking', '\u00b6 5', 'rules'],
    ]);
    expect(indicator_candidates.map((c) => [c.candidate_id, c.reason])).toEqual([
      ['la-2007-convictions-08VIENTIANE145-p064-q01', 'another period (2006-2007) or part of one'],
      ['la-2007-investigations-08VIENTIANE145-p005-q04', 'recounts figures given before ("those")'],
      ['la-2007-investigations-08VIENTIANE145-p005-q05', 'an addition to another figure ("another"), not a total'],
    ]);
  });

  it('publishes a stated zero with its words (08REYKJAVIK36)', () => {
    const [row] = applyTipRecipe([iceland]).indicators;
    expect(row).toMatchObject({
      indicator_id: 'is-2007-victims-identified',
      value: 0,
      stated_zero: true,
      quantity_id: null,
      text: 'no identified trafficking victims',
      period_match: 'reporting_period',
    });
  });

  it('publishes none of two figures that disagree (precision first)', () => {
    const s = 'Police investigated 45 trafficking cases in 2007.';
    const other = { ...laos, quantities: [...laos.quantities, quantity('08VIENTIANE145-p005-q09', s, '45', 45, 'cases')] };
    other.paragraphs = [...laos.paragraphs.slice(0, 1), paragraph('08VIENTIANE145-p064', 64, `${p64} ${s}`)];
    const { indicators, indicator_candidates } = applyTipRecipe([other]);
    expect(indicators.map((r) => r.indicator_id)).not.toContain('la-2007-investigations');
    expect(indicator_candidates.find((c) => c.candidate_id === 'la-2007-investigations-08VIENTIANE145-p005-q01')?.reason).toBe(
      'the report gives other figures for it (38, 45): which one is the total needs a reviewer',
    );
  });

  it("applies a reviewer's decisions: accept, reject and correct, each with its reason", () => {
    const { indicators, indicator_candidates } = applyTipRecipe(
      [laos],
      [
        { id: 'la-2007-convictions-08VIENTIANE145-p064-q01', decision: 'accept', reason: 'MOPS figure for the reporting period, confirmed by post' },
        { id: 'la-2007-arrests', decision: 'reject', reason: 'the arrests include prostitution charges' },
        { id: 'la-2007-prosecutions-08VIENTIANE145-p005-q03', decision: 'correct', value: 9, reason: 'one case was added in the cable of part 2' },
      ],
    );
    expect(indicators.map((r) => [r.indicator_id, r.value, r.decided_by, r.review_reason])).toEqual([
      ['la-2007-convictions', 14, 'reviewer', 'MOPS figure for the reporting period, confirmed by post'],
      ['la-2007-investigations', 38, 'rules', null],
      ['la-2007-prosecutions', 9, 'reviewer', 'one case was added in the cable of part 2'],
    ]);
    expect(indicator_candidates.find((c) => c.candidate_id === 'la-2007-arrests-08VIENTIANE145-p005-q02')?.reason).toBe(
      'rejected by a reviewer: the arrests include prostitution charges',
    );
  });

  it("keeps an estimate a candidate (issue 22: another actor's estimate is not a count)", () => {
    const s = 'Police believe that an estimated 5,000 victims were identified in 2007.';
    const report = {
      ...iceland,
      paragraphs: [paragraph('08REYKJAVIK36-p052', null, s)],
      quantities: [quantity('08REYKJAVIK36-p052-q01', s, 'an estimated 5,000', 5000, 'victims', 'approximately')],
    };
    const { indicators, indicator_candidates } = applyTipRecipe([report]);
    expect(indicators).toEqual([]);
    expect(indicator_candidates.map((c) => [c.candidate_id, c.reason])).toEqual([
      ['is-2007-victims-identified-08REYKJAVIK36-p052-q01', 'an estimate, not a count of what happened'],
    ]);
  });

  it('refuses a review of a figure the build does not have', () => {
    expect(() => applyTipRecipe([laos], [{ id: 'la-2007-budget', decision: 'reject', reason: 'x' }])).toThrow(
      expect.objectContaining({ code: 'REVIEW_UNKNOWN_ID' }),
    );
  });
});
