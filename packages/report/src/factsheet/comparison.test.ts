import { execFileSync } from 'node:child_process';
import type { IndicatorRow } from '@cablepress/validate';
import { describe, expect, it } from 'vitest';
import { buildComparison, caveatLead, renderComparison } from './comparison.js';
import type { FactSheetInput, FactSheetTables } from './types.js';

function indicator(
  id: string,
  cable: string,
  country: string,
  year: number,
  label: string,
  value: number,
  citation: string,
  period = String(year),
): IndicatorRow {
  return {
    indicator_id: id,
    label,
    category: 'prosecution',
    period,
    value,
    value_max: null,
    unit: null,
    qualifier: 'exact',
    quantity_id: `${cable}-p005-q01`,
    cable_id: cable,
    paragraph_id: `${cable}-p005`,
    citation,
    quote: 'Quote.',
    country,
    reporting_year: year,
  };
}

/** The widest hash of the tip-reports sources (08REYKJAVIK36's): it was cut short before the table gave it a smaller type. */
const SHA256 = '559f26ab165108e83a16351cea0885a6e1b07486f9b2a3d605d9e5721738eb42';
const cable = (id: string, origin: string, created: string, country_name: string) => ({
  cable_id: id,
  origin,
  created,
  source_sha256: SHA256,
  subject: 'TIP REPORT',
  title: null,
  country_name,
});

const tables = {
  cables: [cable('08VIENTIANE145', 'Embassy Vientiane', '2008-02-29T05:44:00Z', 'Laos'), cable('10SANAA295', 'Embassy Sanaa', '2010-02-15T13:47:00Z', 'Yemen')],
  tags: [{ cable_id: '08VIENTIANE145', tag: 'LA', position: 1, description: 'Country: Laos' }],
  paragraphs: [
    {
      paragraph_id: '08VIENTIANE145-p030',
      cable_id: '08VIENTIANE145',
      seq: 30,
      number: null,
      section: 'XXVII. ',
      key: 'E',
      citation: 'paragraph 30, section XXVII E',
      text: 'Statistics in Laos are notoriously unreliable and difficult to find.',
    },
  ],
  quantities: [],
  events: [],
  organizations: [],
  organization_mentions: [],
  penalties: [],
  legal_provisions: [],
  indicators: [
    indicator('la-2007-arrests', '08VIENTIANE145', 'LA', 2007, 'Arrests of suspected traffickers', 23, '¶ 5'),
    indicator(
      'ye-2009-arrests',
      '10SANAA295',
      'YE',
      2009,
      'Arrests of suspected traffickers',
      20,
      'paragraph 51, section INVESTIGATION AND PROSECUTION OF TRAFFICKERS E',
    ),
  ],
} as unknown as FactSheetTables;

const input: FactSheetInput = {
  tables,
  findings: [],
  dataset: { name: 'tip-reports', version: '0.1.0', license: 'CC0-1.0', homepage: 'https://example.org/cablepress/' },
  creationDate: new Date('2010-02-15T13:47:00Z'),
};

async function pdfText(i: FactSheetInput): Promise<string> {
  const pdf = Buffer.from(await renderComparison(i));
  return execFileSync('pdftotext', ['-', '-'], { input: pdf, encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('the comparison fact sheet of a dataset of several TIP reports', () => {
  it('has one column per country and reporting year, each figure with its cable and paragraph', () => {
    const m = buildComparison(input);
    expect(m.title).toBe('Trafficking in persons: 2 countries compared, reporting years 2007\u20132009');
    expect(m.reports.map((r) => [r.country, r.year, r.cables, r.figures.map((f) => [f.value, f.cable_id, f.citation])])).toEqual([
      ['Laos', 2007, ['08VIENTIANE145'], [[23, '08VIENTIANE145', '¶ 5']]],
      ['Yemen', 2009, ['10SANAA295'], [[20, '10SANAA295', 'paragraph 51, section INVESTIGATION AND PROSECUTION OF TRAFFICKERS E']]],
    ]);
  });

  it('quotes the cables\u2019 own words on unreliable data, cited to cable and paragraph', () => {
    expect(buildComparison(input).caveats).toEqual([
      { text: 'Statistics in Laos are notoriously unreliable and difficult to find.', citation: '08VIENTIANE145 XXVII E' },
    ]);
  });

  it('says whose words the caveat box quotes: one cable or several', () => {
    const quote = (citation: string) => ({ text: 'Figures are unreliable.', citation });
    expect(caveatLead([quote('08VIENTIANE145 XXVII E')])).toBe('The cable warns:');
    expect(caveatLead([quote('08VIENTIANE145 XXVII E'), quote('08VIENTIANE145 ¶4')])).toBe('The cable warns:');
    expect(caveatLead([quote('08VIENTIANE145 XXVII E'), quote('09SANTIAGO156 ¶ 5')])).toBe('The cables warn:');
  });

  it('compares in one table: a row per indicator, a cell per country and reporting year, empty where a report has none', () => {
    const both = {
      ...tables,
      indicators: [...tables.indicators, indicator('la-2007-victims', '08VIENTIANE145', 'LA', 2007, 'Victims assisted', 48, 'XXVII D')],
    } as FactSheetTables;
    const m = buildComparison({ ...input, tables: both });
    expect(m.rows.map((r) => [r.label, r.cells.map((c) => c?.value ?? null)])).toEqual([
      ['Arrests of suspected traffickers', [23, 20]],
      ['Victims assisted', [48, null]],
    ]);
  });

  it('prints every citation without its closing colon and every source hash whole, however long the section heading', async () => {
    const colon = {
      ...tables,
      indicators: [...tables.indicators, indicator('ye-2009-budget', '10SANAA295', 'YE', 2009, 'Government anti-trafficking budget', 5, 'PREVENTION:')],
    } as FactSheetTables;
    const text = await pdfText({ ...input, tables: colon });
    expect(text).toContain('INVESTIGATION AND PROSECUTION OF TRAFFICKERS E');
    expect(text).toMatch(/PREVENTION(?!:)/);
    expect(text.split(SHA256).length - 1).toBe(2);
    expect(text).not.toContain('\u2026');
  });

  it('links every cable\u2019s public original, the dataset\u2019s page and the data licence', async () => {
    const text = await pdfText(input);
    for (const url of [
      'https://wikileaks.org/plusd/cables/08VIENTIANE145_a.html',
      'https://wikileaks.org/plusd/cables/10SANAA295_a.html',
      'https://example.org/cablepress/tip-reports/',
      'https://spdx.org/licenses/CC0-1.0.html',
    ])
      expect(text, url).toContain(url);
    expect(text).toContain('CC0-1.0');
  });

  it('names the cable and paragraph in its notes, never row ids or character offsets', () => {
    const finding = {
      code: 'CONFLICTING_FIGURES',
      severity: 'warning' as const,
      path: ['quantities', '08VIENTIANE145-p030-q01', 'value'],
      message: '08VIENTIANE145: lba members given as 80 (08VIENTIANE145-p030 [4502, 4504)) and as 82 (08VIENTIANE145-p030-q02)',
    };
    const [note] = buildComparison({ ...input, findings: [finding] }).notes;
    expect(note).toBe('08VIENTIANE145: The cable gives two different figures: lba members given as 80 (XXVII E) and as 82 (XXVII E)');
  });

  it('quotes the cables whole in its caveat box, leaving out a quote that does not fit rather than cutting it', async () => {
    const sentence = (who: string) =>
      `Statistics in ${who} are notoriously unreliable, ${'and the figures that exist are estimates of many different kinds, '.repeat(3)}compiled by several ministries, which nobody in ${who} checks.`;
    const paragraph = (cableId: string, who: string) => ({ ...tables.paragraphs[0], paragraph_id: `${cableId}-p030`, cable_id: cableId, text: sentence(who) });
    const paragraphs = [paragraph('08VIENTIANE145', 'Laos'), paragraph('09SANTIAGO156', 'Chile'), paragraph('10SANAA295', 'Yemen')];
    const three = {
      ...tables,
      paragraphs,
      cables: [...tables.cables, cable('09SANTIAGO156', 'Embassy Santiago', '2009-02-20T12:00:00Z')],
      indicators: [...tables.indicators, indicator('cl-2008-arrests', '09SANTIAGO156', 'CL', 2008, 'Arrests of suspected traffickers', 2, '¶14')],
    } as unknown as FactSheetTables;
    const text = await pdfText({ ...input, tables: three });
    expect(text).toContain(sentence('Laos'));
    expect(text).toContain(sentence('Yemen'));
    expect(text).not.toContain('which nobody in Chile');
    expect(text).not.toContain('\u2026');
  });

  it('renders a PDF, byte-identical for the same input', async () => {
    const a = await renderComparison(input);
    const b = await renderComparison(input);
    expect(Buffer.from(a).subarray(0, 5).toString()).toBe('%PDF-');
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
  });
});
