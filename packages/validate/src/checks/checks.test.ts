import { describe, expect, it } from 'vitest';
import {
  checkConflictingFigures,
  checkConversions,
  checkHeaderAgreement,
  checkProvenance,
  checkShareSums,
  impliedRates,
  runChecks,
  summariseFindings,
} from './index.js';

/** Builds a cable source from real sentences and quantity rows pointing into it. */
function sourceWith(parts: string[]): { source: string; at: (text: string, nth?: number) => { char_start: number; char_end: number; text: string } } {
  const source = parts.join('\n');
  return {
    source,
    at: (text, nth = 0) => {
      let i = -1;
      for (let k = 0; k <= nth; k++) i = source.indexOf(text, i + 1);
      if (i < 0) throw new Error(`${text} not in source`);
      return { char_start: i, char_end: i + text.length, text };
    },
  };
}

function q(
  id: string,
  paragraph: string,
  kind: string,
  value: number,
  valueMax: number | null,
  unit: string | null,
  span: { char_start: number; char_end: number; text: string },
  extra: Record<string, unknown> = {},
) {
  return {
    quantity_id: `C-${paragraph}-${id}`,
    cable_id: 'C',
    paragraph_id: `C-${paragraph}`,
    kind,
    value,
    value_max: valueMax,
    unit,
    qualifier: 'exact',
    per: null,
    counted: null,
    quote: '',
    ...span,
    ...extra,
  };
}

const brokers = sourceWith([
  "Brokers' fees varied widely, from as little as 500 baht (about $14) to as much as 30,000 baht ($880). The",
  'majority, however, paid between 2,500-7,000 baht ($75-$205) in broker fees, if they used one.',
  'shall be fined an amount of 10.000.000',
  'to 100.000.000 Kip [note: USD 1086 to 10,860) and shall have their assets confiscated',
]);
const brokerRows = [
  q('q1', 'p014', 'money', 500, null, 'THB', brokers.at('500 baht')),
  q('q2', 'p014', 'money', 14, null, 'USD', brokers.at('about $14')),
  q('q3', 'p014', 'money', 30000, null, 'THB', brokers.at('as much as 30,000 baht')),
  q('q4', 'p014', 'money', 880, null, 'USD', brokers.at('$880')),
  q('q5', 'p014', 'money', 2500, 7000, 'THB', brokers.at('2,500-7,000 baht')),
  q('q6', 'p014', 'money', 75, 205, 'USD', brokers.at('$75-$205')),
  q('q7', 'p036', 'money', 10_000_000, 100_000_000, 'LAK', brokers.at('10.000.000\nto 100.000.000 Kip')),
  q('q8', 'p036', 'money', 1086, 10860, 'USD', brokers.at('USD 1086 to 10,860')),
];

describe('conversions', () => {
  it('reads the exchange rates the cable implies', () => {
    const rates = impliedRates({ tables: { quantities: brokerRows }, sources: new Map([['C', brokers.source]]) });
    expect(rates.map((r) => [r.pair, Number(r.rate.toFixed(2))])).toEqual([
      ['THB/USD', 35.71],
      ['THB/USD', 34.09],
      ['THB/USD', 33.33],
      ['THB/USD', 34.15],
      ['LAK/USD', 9208.1],
      ['LAK/USD', 9208.1],
    ]);
  });

  it('warns when the rates for one pair disagree by more than 5 %', () => {
    const findings = checkConversions({ tables: { quantities: brokerRows }, sources: new Map([['C', brokers.source]]) });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'CONVERSION_RATES_DISAGREE', severity: 'warning' });
    expect(findings[0]!.message).toContain('THB/USD rates from 33.33');
    expect(findings[0]!.message).toContain('7.1 % apart');
  });
});

describe('listed conversions', () => {
  it('pairs amounts listed together in order: BD 2,000 and BD 10,000 (approximately USD 5,300 and 26,500)', () => {
    const manama = sourceWith([
      'Persons convicted under the new law will face jail time and a fine of not less than BD 2,000 and not more than BD 10,000 (approximately USD 5,300 and 26,500).',
    ]);
    const rows = [
      q('q1', 'p002', 'money', 2000, null, 'BHD', manama.at('not less than BD 2,000')),
      q('q2', 'p002', 'money', 10000, null, 'BHD', manama.at('not more than BD 10,000')),
      q('q3', 'p002', 'money', 5300, null, 'USD', manama.at('approximately USD 5,300')),
      q('q4', 'p002', 'money', 26500, null, 'USD', manama.at('26,500')),
    ];
    const input = { tables: { quantities: rows }, sources: new Map([['C', manama.source]]) };
    expect(impliedRates(input).map((r) => [r.pair, Number(r.rate.toFixed(3)), r.quantity_ids])).toEqual([
      ['BHD/USD', 0.377, ['C-p002-q1', 'C-p002-q3']],
      ['BHD/USD', 0.377, ['C-p002-q2', 'C-p002-q4']],
    ]);
    expect(checkConversions(input)).toEqual([]);
  });
});

describe('shares that make a whole', () => {
  const tourists = sourceWith([
    'Over 55% of those tourists are from Thailand, with another 23% coming from other Asian countries. "International" tourists (from Europe, Australia',
    'and the Americas) make up the remaining 22% of tourists coming to Laos.',
  ]);
  const rows = (last: number) => [
    q('q1', 'p072', 'percent', 55, null, 'percent', tourists.at('Over 55%')),
    q('q2', 'p072', 'percent', 23, null, 'percent', tourists.at('23%')),
    q('q3', 'p072', 'percent', last, null, 'percent', tourists.at('22%')),
  ];

  it('accepts 55 % + 23 % + the remaining 22 %', () => {
    expect(checkShareSums({ tables: { quantities: rows(22) }, sources: new Map([['C', tourists.source]]) })).toEqual([]);
  });

  it('warns when the remainder does not complete the whole', () => {
    const findings = checkShareSums({ tables: { quantities: rows(32) }, sources: new Map([['C', tourists.source]]) });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'SHARES_DO_NOT_SUM', severity: 'warning' });
    expect(findings[0]!.message).toContain('55 + 23 + 32 = 110');
    expect(findings[0]!.spans).toHaveLength(3);
  });
});

describe('the same figure given twice', () => {
  const bar = sourceWith([
    'With only 80 members in the Lao Bar Association, half of whom do not have formal legal training,',
    'For example, the Lao Bar Association (LBA) has only 82 members, and half of them are without formal legal training.',
    'The legal aid clinic program run by the Lao Bar Association is working to teach people how lawyers can provide assistance, although there are only 82 member of the bar in Laos.',
  ]);
  const quotes = bar.source.split('\n');
  const rows = [
    q('q1', 'p004', 'count', 80, null, null, bar.at('80'), { counted: 'members', quote: quotes[0] }),
    q('q1', 'p023', 'count', 82, null, null, bar.at('82'), { counted: 'members', quote: quotes[1] }),
    q('q1', 'p079', 'count', 82, null, null, bar.at('82', 1), { counted: 'member', quote: quotes[2] }),
  ];
  const mentions = [
    { org_id: 'lba', cable_id: 'C', paragraph_id: 'C-p004', ...bar.at('Lao Bar Association') },
    { org_id: 'lba', cable_id: 'C', paragraph_id: 'C-p023', ...bar.at('Lao Bar Association', 1) },
    { org_id: 'lba', cable_id: 'C', paragraph_id: 'C-p079', ...bar.at('Lao Bar Association', 2) },
  ];

  it('warns once, naming every span of 80 and 82', () => {
    const findings = checkConflictingFigures({ tables: { quantities: rows, organization_mentions: mentions }, sources: new Map([['C', bar.source]]) });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'CONFLICTING_FIGURES', severity: 'warning' });
    expect(findings[0]!.message).toBe('C: lba members given as 80 (C-p004 [10, 12)) and as 82 (C-p023 [149, 151), C-p079 [360, 362))');
    expect(findings[0]!.spans!.map((s) => bar.source.slice(s.char_start, s.char_end))).toEqual(['80', '82', '82']);
  });

  it('does not warn about different counts in the same paragraph or far apart', () => {
    const same = rows.map((r) => ({ ...r, paragraph_id: 'C-p004' }));
    expect(
      checkConflictingFigures({
        tables: { quantities: same, organization_mentions: mentions.map((m) => ({ ...m, paragraph_id: 'C-p004' })) },
        sources: new Map(),
      }),
    ).toEqual([]);
    const far = [rows[0]!, { ...rows[1]!, value: 46 }];
    expect(checkConflictingFigures({ tables: { quantities: far, organization_mentions: mentions }, sources: new Map() })).toEqual([]);
  });
});

describe('provenance', () => {
  it('is an error when text is not the source slice', () => {
    const row = q('q1', 'p004', 'count', 80, null, null, { char_start: 10, char_end: 12, text: '80' });
    const sources = new Map([['C', 'With only 80 members']]);
    const findings = checkProvenance({ tables: { quantities: [row], events: [{ ...row, text: 'only' }] }, sources });
    expect(findings.map((f) => [f.code, f.severity, f.path])).toEqual([['PROVENANCE_MISMATCH', 'error', ['events', 0, 'text']]]);
    expect(findings[0]!.message).toBe('events row 1: text "only" is not the source at [10, 12) of C, which reads "80"');
    expect(checkProvenance({ tables: { quantities: [{ ...row, char_start: 5, char_end: 7, text: 'on' }] }, sources })).toEqual([]);
    expect(checkProvenance({ tables: { quantities: [{ ...row, cable_id: 'D' }] }, sources })[0]!.code).toBe('PROVENANCE_UNKNOWN_CABLE');
  });

  it('decodes the slice of an HTML page before comparing (10SANAA295 writes line breaks as &#x000A;)', () => {
    const page = '<html><body><pre>punishable by not more than 5 &#x000A;years in prison</pre></body></html>';
    const start = page.indexOf('not more');
    const end = page.indexOf('years') + 'years'.length;
    const row = q('q1', 'p050', 'duration', 5, null, 'year', { char_start: start, char_end: end, text: 'not more than 5 \nyears' });
    const sources = new Map([['C', page]]);
    expect(checkProvenance({ tables: { quantities: [row] }, sources })).toEqual([]);
    const raw = checkProvenance({ tables: { quantities: [{ ...row, text: page.slice(start, end) }] }, sources });
    expect(raw.map((f) => f.code)).toEqual(['PROVENANCE_MISMATCH']);
  });
});

describe('header agreement', () => {
  const source = 'UNCLASSIFIED//FOR OFFICIAL USE ONLY\nP 290544Z FEB 08\nUNCLAS VIENTIANE 000145\n';
  const cable = { cable_id: '08VIENTIANE145', created: '2008-02-29T05:44:00Z', classification: 'UNCLASSIFIED//FOR OFFICIAL USE ONLY', dtg: '290544Z FEB 08' };

  it('is silent when the metadata and the header agree', () => {
    expect(checkHeaderAgreement({ tables: { cables: [cable] }, sources: new Map([['08VIENTIANE145', source]]) })).toEqual([]);
  });

  it("warns when the id, date or classification disagree, and passes on the reader's mismatch warnings", () => {
    const findings = checkHeaderAgreement({
      tables: { cables: [{ ...cable, cable_id: '08VIENTIANE146', created: '2008-03-05T00:00:00Z', classification: 'CONFIDENTIAL' }] },
      sources: new Map([['08VIENTIANE146', source]]),
      cables: [{ id: '08VIENTIANE146', warnings: [{ code: 'HEADER_BODY_MISMATCH', message: 'The DTG and the created date are more than a day apart.' }] }],
    });
    expect(findings.map((f) => [f.code, f.severity])).toEqual([
      ['HEADER_BODY_MISMATCH', 'warning'],
      ['HEADER_ID_MISMATCH', 'warning'],
      ['HEADER_CLASSIFICATION_MISMATCH', 'warning'],
      ['HEADER_DATE_MISMATCH', 'warning'],
    ]);
  });
});

describe('runChecks and summariseFindings', () => {
  it('summarises errors and warnings by code; warnings alone leave the build ok', () => {
    const findings = runChecks({ tables: { quantities: brokerRows }, sources: new Map([['C', brokers.source]]) });
    expect(summariseFindings(findings)).toEqual({
      ok: true,
      errors: 0,
      warnings: 1,
      by_code: { CONVERSION_RATES_DISAGREE: { severity: 'warning', count: 1 } },
    });
    const broken = runChecks({ tables: { quantities: [{ ...brokerRows[0]!, text: '501 baht' }] }, sources: new Map([['C', brokers.source]]) });
    expect(summariseFindings(broken)).toMatchObject({ ok: false, errors: 1 });
  });
});
