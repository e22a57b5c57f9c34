import type { Finding } from '@cablepress/core';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHART_SPECS, selectCharts } from './charts.js';
import { minimalTables } from './fixtures/minimal.js';
import { formatEventDate, formatFigure, formatFine, formatNumber, formatPeriod, formatPrison, perWords, qualifierWords, sentences } from './format.js';
import { quoteAround } from './format.js';
import { buildModel, caveats, cellCitation, postName, shortCitation, topicOf } from './model.js';
import type { FactSheetTables } from './types.js';

/** Rows the pipeline builds for the seed cable (see the file's _source). */
const fixture = JSON.parse(readFileSync(new URL('./fixtures/laos-tip-2008.json', import.meta.url), 'utf8')) as {
  tables: FactSheetTables;
  findings: Finding[];
};
const laosTables = fixture.tables;
const laosFindings = fixture.findings;

const laos = buildModel({
  tables: laosTables,
  findings: laosFindings,
  dataset: { name: 'laos-tip-2008', version: '0.1.0', license: 'CC0-1.0' },
  creationDate: new Date('2008-02-29T05:44:00Z'),
});

describe('caveats in other cables', () => {
  it("quotes a cable's own words on inaccurate figures and missing estimates", () => {
    const p = (paragraph_id: string, text: string) =>
      ({ paragraph_id, cable_id: 'C', seq: 1, number: 8, section: null, key: null, text, citation: '¶ 8' }) as unknown as Parameters<typeof caveats>[0][number];
    expect(
      caveats(
        [
          p(
            'C-p008',
            "The Ministry of Social Affairs and Labor (MOSAL) said that fewer children were trafficked to Saudi Arabia in 2009 (602) compared to 2008 (900), but these figures are inaccurate and represent only the small number of trafficking victims that found their way to one of two children's rehabilitation centers in Yemen.",
          ),
          p('C-p009', 'There are no reliable estimates of the number of Chileans trafficked outside the country.'),
        ],
        2,
      ).map((q) => q.text.slice(0, 40)),
    ).toEqual(['The Ministry of Social Affairs and Labor', 'There are no reliable estimates of the n']);
  });
});

describe('formatting', () => {
  it('writes figures with separators, ranges, units and qualifiers', () => {
    expect(formatNumber(1044)).toBe('1,044');
    expect(formatNumber(1_400_000)).toBe('1.4 million');
    expect(formatFigure({ value: 71, value_max: null, unit: 'percent' })).toBe('71%');
    expect(formatFigure({ value: 35, value_max: 60, unit: 'USD' })).toBe('$35–60');
    expect(formatFigure({ value: 10_000_000, value_max: 100_000_000, unit: 'LAK' })).toBe('10–100 million kip');
    expect(formatFigure({ value: 5, value_max: 15, unit: 'year' })).toBe('5–15 years');
    expect(formatFigure({ value: 1, value_max: null, unit: 'year' })).toBe('1 year');
    expect(qualifierWords('more_than')).toBe('more than');
    expect(qualifierWords('roughly')).toBe('about');
    expect(qualifierWords('exact')).toBe('');
    expect(perWords('month')).toBe('per month');
  });

  it('prints recipe periods and event dates at their precision', () => {
    expect(formatPeriod('2008-01')).toBe('Jan 2008');
    expect(formatPeriod('2001-2007')).toBe('2001–2007');
    expect(formatPeriod('2007')).toBe('2007');
    const at = (date_start: string, precision: string, text: string) => formatEventDate({ date_start, date_end: date_start, precision, text });
    expect(at('2007-02-27', 'day', 'February 27, 2007')).toBe('27 Feb 2007');
    expect(at('2007-07-01', 'month', 'July 2007')).toBe('Jul 2007');
    expect(at('2005-05-01', 'part_of_year', 'mid-2005')).toBe('mid-2005');
    expect(at('1995-01-01', 'decade', 'mid-1990s')).toBe('mid-1990s');
  });

  it('prints a published citation in a narrow cell: an unnumbered paragraph by its section and key', () => {
    expect(cellCitation('¶ 5')).toBe('¶ 5');
    expect(cellCitation('paragraph 60, section XXVIII F')).toBe('XXVIII F');
    expect(cellCitation('paragraph 12')).toBe('paragraph 12');
    expect(cellCitation('paragraph 29, section Investigation and Prosecution of Traffickers E')).toBe('Investigation and…');
  });

  it('shortens run-on citations', () => {
    expect(shortCitation('XXVII A and B')).toBe('XXVII A and B');
    expect(shortCitation('A. EXISTING ANTI-TIP LAWS: 1) (U) NEW LEGISLATION: On February 12')).toBe('A. EXISTING ANTI-TIP LAWS:…');
  });

  it('states penalty tiers in words', () => {
    const base = laosTables.penalties.find((p) => p.prison_min_years === 5 && p.fine_currency === 'LAK');
    const worst = laosTables.penalties.find((p) => p.death_penalty);
    expect(formatPrison(base!)).toBe('5–15 years');
    expect(formatFine(base!)).toBe('10–100 million kip ($1,086–10,860)');
    expect(formatPrison(worst!)).toBe('life or death');
    expect(formatPrison({ prison_min_years: null, prison_max_years: 3, life_imprisonment: false, death_penalty: false })).toBe('up to 3 years');
  });

  it('splits cable prose into sentences', () => {
    expect(sentences('Laos is a source country. In 2007, 280 victims returned. "Magnets" too.')).toEqual([
      'Laos is a source country.',
      'In 2007, 280 victims returned.',
      '"Magnets" too.',
    ]);
  });
});

describe('title', () => {
  it('names the country of the cables table, never works it out again', () => {
    const tables = minimalTables();
    const named = (country_name: string | null) =>
      buildModel({
        tables: { ...tables, cables: [{ ...tables.cables[0]!, country_name }] },
        findings: [],
        dataset: { name: 'x', version: '0.1.0' },
        creationDate: new Date(0),
      }).title;
    expect(named('Kyrgyzstan')).toMatch(/^Kyrgyzstan: /);
    expect(named(null)).not.toContain(':');
  });

  it("keeps a long sentence's words around its own figure (issue 22: a quote cut before its figure)", () => {
    const long = `${'The ministry listed its many programmes and partners at length in the answer. '.repeat(4)}In the end police arrested 23 suspects in 2007, the cable says.`;
    const label = quoteAround(long, '23', 120);
    expect(label).toContain('arrested 23 suspects');
    expect(label.startsWith('\u2026')).toBe(true);
    expect(label.length).toBeLessThanOrEqual(122);
    expect(quoteAround('Police arrested 23 suspects.', '23', 120)).toBe('Police arrested 23 suspects.');
  });

  it('takes the topic from the subject, then the TAGS', () => {
    expect(topicOf('EIGHTH ANNUAL TIP REPORT FOR LAOS', ['KCRM', 'PHUM'])).toBe('Trafficking in persons');
    expect(topicOf('CUBAN MEDICAL PERSONNEL FLEE VENEZUELA', ['PHUM', 'PGOV'])).toBe('Human rights');
    expect(topicOf('CUBAN MEDICAL PERSONNEL FLEE VENEZUELA', ['PGOV', 'PHUM', 'PREL', 'KTIP', 'VE', 'CU'])).toBe('Internal politics');
    expect(topicOf('NOTHING TO SEE', [])).toBe('Diplomatic cable');
    expect(postName('Embassy Vientiane')).toBe('U.S. Embassy Vientiane');
    expect(postName('Secretary of State')).toBe('Secretary of State');
  });

  it('builds the Laos title and subtitle from the cables row and the indicators', () => {
    expect(laos.title).toBe('Laos: Trafficking in persons, 2007');
    expect(laos.subtitle).toBe(
      'Key figures of reporting year 2007 reported by the U.S. Embassy Vientiane in cable 08VIENTIANE145 of 29 February 2008, marked ' +
        'UNCLASSIFIED//FOR OFFICIAL USE ONLY, as published by WikiLeaks.',
    );
  });
});

describe('buildModel for the Laos dataset', () => {
  it('groups every indicator by the 3P framework, in the recipe order', () => {
    expect(laos.groups.map((g) => g.category)).toEqual(['prosecution', 'protection', 'prevention', 'context']);
    expect(laos.groups.flatMap((g) => g.figures).length).toBe(laosTables.indicators.length);
    const first = laos.groups[0]!.figures[0]!;
    expect(first).toMatchObject({ figure: '38', prefix: '', period: '2007', citation: '¶ 5' });
    const since2001 = laos.groups[1]!.figures.find((f) => f.id === 'victims-repatriated-since-2001');
    expect(since2001).toMatchObject({ prefix: 'more than', figure: '1,044', period: '2001–2007' });
  });

  it('finds the cable’s own caveat', () => {
    expect(laos.caveats[0]).toEqual({ text: 'Statistics in Laos are notoriously unreliable and difficult to find.', citation: 'XXVII E' });
  });

  it('charts the funnel, the repatriations and the shelters', () => {
    expect(laos.charts.map((c) => c.spec.id)).toEqual(['law-enforcement', 'repatriation', 'shelters']);
    expect(laos.charts[0]!.groups.flatMap((g) => g.bars.map((b) => b.indicator.value))).toEqual([38, 23, 8, 20]);
  });

  it('reads Article 134’s three tiers and other cited articles', () => {
    expect(laos.law.provision?.name).toBe('Penal Code, Article 134 (Human Trafficking)');
    expect(laos.law.tiers.map((t) => t.prison)).toEqual(['5–15 years', '15–20 years', 'life or death']);
    expect(laos.law.others.every((o) => !o.name.includes('Article 134'))).toBe(true);
  });

  it('gives organisations a role in the cable’s words', () => {
    const mlsw = laos.organizations.find((o) => o.acronym === 'MLSW');
    expect(mlsw?.role?.text).toBe("The MLSW has the lead in trafficking prevention, as well as victim's assistance and reintegration.");
  });

  it('turns finding messages into notes with paragraph citations', () => {
    const conflict = laos.notes.find((n) => n.startsWith('The cable gives two different figures'));
    expect(conflict).toBe('The cable gives two different figures: LBA members given as 80 (¶ 4) and as 82 (XXVII D, XXIX G and H)');
    expect(laos.notes.join(' ')).not.toMatch(/08VIENTIANE145-p\d/);
  });

  it('lists the timeline in date order with most precise dates first', () => {
    const dates = laos.timeline.map((e) => e.date);
    expect(dates.length).toBeGreaterThan(4);
    expect(dates).toContain('27 Feb 2007');
  });
});

describe('selectCharts', () => {
  it('leaves out a funnel missing its first steps, keeps a chart with enough bars', () => {
    const without = laosTables.indicators.filter((i) => i.indicator_id !== 'investigations-2007' && i.indicator_id !== 'arrests-2007');
    expect(selectCharts(without).map((c) => c.spec.id)).toEqual(['repatriation', 'shelters']);
    expect(selectCharts([])).toEqual([]);
    expect(CHART_SPECS.length).toBe(3);
  });
});

describe('buildModel without a cable', () => {
  it('refuses with an input error that says what is missing', () => {
    expect(() =>
      buildModel({
        tables: minimalTables({ cables: [] }),
        findings: [],
        dataset: { name: 'x', version: '0.1.0', license: 'CC0-1.0' },
        creationDate: new Date(0),
      }),
    ).toThrow(expect.objectContaining({ code: 'FACTSHEET_NO_CABLE', kind: 'input' }));
  });
});

describe('buildModel for a cable without a recipe', () => {
  it('shows figures from quantities labelled with their sentence', () => {
    const m = buildModel({ tables: minimalTables(), findings: [], dataset: { name: 'x', version: '0.1.0', license: 'CC0-1.0' }, creationDate: new Date(0) });
    expect(m.figuresFrom).toBe('quantities');
    expect(m.groups[0]!.figures.map((f) => [f.prefix, f.figure, f.citation])).toEqual([
      ['', '5', '¶ 1'],
      ['about', '20', '¶ 2'],
    ]);
    expect(m.charts).toEqual([]);
    expect(m.law).toEqual({ provision: null, tiers: [], others: [] });
    expect(m.citationNote).toBe('Citations: ¶ 1 is the cable’s numbered paragraph 1.');
  });

  it('gives no role to an organisation named by a 100,000-character word (issue 26: V8 refused the pattern made from it)', () => {
    const word = `A${'b'.repeat(99_999)}`;
    const base = minimalTables();
    const organizations = [{ ...base.organizations[0]!, org_id: word.toLowerCase(), name: word, acronym: 'ABC' }];
    const paragraphs = base.paragraphs.map((p, i) => (i === 2 ? { ...p, text: `${word} has drafted a national action plan.` } : p));
    const finding: Finding = { code: 'TRUNCATED', severity: 'warning', message: `${word.toLowerCase()} is cut off.`, path: [] };
    const m = buildModel({
      tables: { ...base, organizations, paragraphs },
      findings: [finding],
      dataset: { name: 'x', version: '0.1.0', license: 'CC0-1.0' },
      creationDate: new Date(0),
    });
    expect(m.organizations.map((o) => [o.name, o.role])).toEqual([[word, null]]);
    expect(m.notes).toEqual([`The source is incomplete: ${word.toLowerCase()} is cut off.`]);
  });
});
