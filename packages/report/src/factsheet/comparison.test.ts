import { execFileSync } from 'node:child_process';
import type { IndicatorRow } from '@cablepress/validate';
import { describe, expect, it } from 'vitest';
import { buildComparison, caveatLead, renderComparison } from './comparison.js';
import type { FactSheetInput, FactSheetTables } from './types.js';

function indicator(id: string, cable: string, country: string, year: number, label: string, value: number, citation: string, period = String(year)): IndicatorRow {
  return {
    indicator_id: id, label, category: 'prosecution', period, value, value_max: null, unit: null, qualifier: 'exact', quantity_id: `${cable}-p005-q01`,
    cable_id: cable, paragraph_id: `${cable}-p005`, citation, quote: 'Quote.', country, reporting_year: year,
  };
}

/** The widest hash of the tip-reports sources (08REYKJAVIK36's): it was cut short before the table gave it a smaller type. */
const SHA256 = '559f26ab165108e83a16351cea0885a6e1b07486f9b2a3d605d9e5721738eb42';
const cable = (id: string, origin: string, created: string, country_name: string) => ({ cable_id: id, origin, created, source_sha256: SHA256, subject: 'TIP REPORT', title: null, country_name });

const tables = {
  cables: [cable('08VIENTIANE145', 'Embassy Vientiane', '2008-02-29T05:44:00Z', 'Laos'), cable('10SANAA295', 'Embassy Sanaa', '2010-02-15T13:47:00Z', 'Yemen')],
  tags: [{ cable_id: '08VIENTIANE145', tag: 'LA', position: 1, description: 'Country: Laos' }],
  paragraphs: [{ paragraph_id: '08VIENTIANE145-p030', cable_id: '08VIENTIANE145', seq: 30, number: null, section: 'XXVII. ', key: 'E', citation: 'paragraph 30, section XXVII E', text: 'Statistics in Laos are notoriously unreliable and difficult to find.' }],
  quantities: [], events: [], organizations: [], organization_mentions: [], penalties: [], legal_provisions: [],
  indicators: [
    indicator('la-2007-arrests', '08VIENTIANE145', 'LA', 2007, 'Arrests of suspected traffickers', 23, '¶ 5'),
    indicator('ye-2009-arrests', '10SANAA295', 'YE', 2009, 'Arrests of suspected traffickers', 20, 'paragraph 51, section INVESTIGATION AND PROSECUTION OF TRAFFICKERS E'),
  ],
} as unknown as FactSheetTables;

const input: FactSheetInput = { tables, findings: [], dataset: { name: 'tip-reports', version: '0.1.0' }, creationDate: new Date('2010-02-15T13:47:00Z') };

describe('the comparison fact sheet of a dataset of several TIP reports', () => {
  it('has one block per country and reporting year, each figure with its cable and paragraph', () => {
    const m = buildComparison(input);
    expect(m.title).toBe('Trafficking in persons: 2 countries compared, reporting years 2007\u20132009');
    expect(m.reports.map((r) => [r.country, r.year, r.cables, r.figures.map((f) => [f.value, f.cable_id, f.citation])])).toEqual([
      ['Laos', 2007, ['08VIENTIANE145'], [[23, '08VIENTIANE145', '¶ 5']]],
      ['Yemen', 2009, ['10SANAA295'], [[20, '10SANAA295', 'paragraph 51, section INVESTIGATION AND PROSECUTION OF TRAFFICKERS E']]],
    ]);
  });

  it('quotes the cables\u2019 own words on unreliable data, cited to cable and paragraph', () => {
    expect(buildComparison(input).caveats).toEqual([{ text: 'Statistics in Laos are notoriously unreliable and difficult to find.', citation: '08VIENTIANE145 XXVII E' }]);
  });

  it('says whose words the caveat box quotes: one cable or several', () => {
    const quote = (citation: string) => ({ text: 'Figures are unreliable.', citation });
    expect(caveatLead([quote('08VIENTIANE145 XXVII E')])).toBe('The cable warns:');
    expect(caveatLead([quote('08VIENTIANE145 XXVII E'), quote('08VIENTIANE145 ¶4')])).toBe('The cable warns:');
    expect(caveatLead([quote('08VIENTIANE145 XXVII E'), quote('09SANTIAGO156 ¶ 5')])).toBe('The cables warn:');
  });

  it('prints every citation and every source hash whole, however long the section heading', async () => {
    const pdf = Buffer.from(await renderComparison(input));
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf, encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('10SANAA295 INVESTIGATION AND PROSECUTION OF TRAFFICKERS E');
    expect(text.split(SHA256).length - 1).toBe(2);
    expect(text).not.toContain('\u2026');
  });

  it('renders a PDF, byte-identical for the same input', async () => {
    const a = await renderComparison(input);
    const b = await renderComparison(input);
    expect(Buffer.from(a).subarray(0, 5).toString()).toBe('%PDF-');
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
  });
});
