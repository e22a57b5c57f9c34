import { ValidationError } from '@cablepress/core';
import { readFileSync } from 'node:fs';
import { parseCable } from '@cablepress/extract';
import {
  checkRows,
  eventsTable,
  indicatorsTable,
  legalProvisionsTable,
  organizationMentionsTable,
  organizationsTable,
  parseRecipe,
  penaltiesTable,
  quantitiesTable,
  runChecks,
} from '@cablepress/validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { paragraphId, transformCable } from '../cable.js';
import { extractFacts, type CableFacts } from './extract.js';
import { applyRecipe } from './recipe.js';

const seedFile = new URL('../../../../datasets/laos-tip-2008/source/08VIENTIANE145.txt', import.meta.url);
const recipeFile = new URL('../../../../datasets/laos-tip-2008/indicators.json', import.meta.url);
const cable = parseCable(readFileSync(seedFile, 'utf8'), { source: '08VIENTIANE145.txt' });
const core = transformCable(cable, { file: '08VIENTIANE145.txt', sha256: '0'.repeat(64) });
let facts: CableFacts;

beforeAll(() => {
  facts = extractFacts(
    cable,
    cable.paragraphs.map((p) => paragraphId(cable.id, p.seq)),
  );
});

describe('facts of 08VIENTIANE145', () => {
  it('keeps the provenance invariant on every row of every fact table', () => {
    for (const rows of [facts.quantities, facts.events, facts.organization_mentions, facts.legal_provisions, facts.penalties]) {
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(cable.source.slice(row.char_start, row.char_end)).toBe(row.text);
    }
    expect(runChecks({ tables: { ...facts }, sources: new Map([[cable.id, cable.source]]) }).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('gives rows that fit their table schemas, with unique ids', () => {
    expect([
      ...checkRows(quantitiesTable, facts.quantities),
      ...checkRows(eventsTable, facts.events),
      ...checkRows(organizationsTable, facts.organizations),
      ...checkRows(organizationMentionsTable, facts.organization_mentions),
      ...checkRows(legalProvisionsTable, facts.legal_provisions),
      ...checkRows(penaltiesTable, facts.penalties),
    ]).toEqual([]);
  });

  it('finds the Article 134 figures of paragraph 5: 38 investigations, 23 arrests, 8 prosecutions, 20 ongoing', () => {
    const p5 = facts.quantities.filter((q) => q.paragraph_id === '08VIENTIANE145-p005').map((q) => [q.value, q.counted]);
    expect(p5).toEqual([
      [38, 'cases'],
      [23, 'arrests'],
      [8, 'cases'],
      [8, 'cases'],
      [20, 'investigations'],
    ]);
    const first = facts.quantities.find((q) => q.paragraph_id === '08VIENTIANE145-p005')!;
    expect(first).toMatchObject({ quantity_id: '08VIENTIANE145-p005-q01', text: '38', kind: 'count', qualifier: 'exact' });
    expect(first.quote).toBe(
      'As a result, according to the Ministry of Public Security, police investigated 38 cases of Article 134 violations (human trafficking) in 2007, resulting in 23 arrests and 8 cases sent for prosecution.',
    );
  });

  it('keeps a date that spans a line break in the source', () => {
    const range = facts.events.find((e) => e.date_start === '2007-03-01')!;
    expect(range).toMatchObject({ text: 'March\n2007-February 2008', date_end: '2008-02-29', precision: 'month' });
  });

  it('reads the three tiers of Article 134 exactly as the cable states them', () => {
    const article134 = facts.legal_provisions.find((l) => l.title === 'Human Trafficking')!;
    expect(article134).toMatchObject({ article: '134', law: 'Penal Code', text: 'Article 134' });
    const tiers = facts.penalties.filter((p) => p.provision_id === article134.provision_id);
    expect(
      tiers.map(
        ({ tier, prison_min_years, prison_max_years, life_imprisonment, death_penalty, fine_min, fine_max, fine_currency, fine_min_usd, fine_max_usd }) => ({
          tier,
          prison_min_years,
          prison_max_years,
          life_imprisonment,
          death_penalty,
          fine_min,
          fine_max,
          fine_currency,
          fine_min_usd,
          fine_max_usd,
        }),
      ),
    ).toEqual([
      {
        tier: 1,
        prison_min_years: 5,
        prison_max_years: 15,
        life_imprisonment: false,
        death_penalty: false,
        fine_min: 10_000_000,
        fine_max: 100_000_000,
        fine_currency: 'LAK',
        fine_min_usd: 1086,
        fine_max_usd: 10860,
      },
      {
        tier: 2,
        prison_min_years: 15,
        prison_max_years: 20,
        life_imprisonment: false,
        death_penalty: false,
        fine_min: 100_000_000,
        fine_max: 500_000_000,
        fine_currency: 'LAK',
        fine_min_usd: 10860,
        fine_max_usd: 54300,
      },
      {
        tier: 3,
        prison_min_years: null,
        prison_max_years: null,
        life_imprisonment: true,
        death_penalty: true,
        fine_min: 500_000_000,
        fine_max: 1_000_000_000,
        fine_currency: 'LAK',
        fine_min_usd: 54300,
        fine_max_usd: 108695,
      },
    ]);
    expect(tiers[0]!.condition).toBe('base offence');
    expect(tiers[2]!.condition).toBe('the offence results in the victim being permanently disabled, contracts AIDS or results in the loss life');
  });

  it("cites the articles of the penal code, the law on women and the children's law", () => {
    const cited = new Set(facts.legal_provisions.map((l) => `${l.article} ${l.law}`));
    expect(cited).toEqual(
      new Set([
        '134 Penal Code',
        '134 Criminal Code',
        '32 Penal Code',
        '25 Law on Development and Protection of Women',
        '26 Law on Development and Protection of Women',
        '28 Law on Development and Protection of Women',
        "89 Law on the Protection of Children's Rights",
        '119 Penal Code',
        '92 Penal Code',
        '25 Law on the Protection of Women',
      ]),
    );
    expect(facts.legal_provisions.filter((l) => l.title).map((l) => [l.article, l.title])).toEqual([
      ['134', 'Human Trafficking'],
      ['25', 'Rights of Victims'],
      ['26', 'Duties of Society'],
      ['28', 'Assistance by Officers to Victims'],
      ['25', 'Rights of Victims'],
    ]);
    const narrative = facts.penalties
      .filter((p) => p.paragraph_id === '08VIENTIANE145-p061')
      .map((p) => [p.provision_id, p.condition, p.prison_min_years, p.prison_max_years]);
    expect(narrative).toEqual([
      ['08VIENTIANE145-p061-l01', 'rape or forcible sexual assault', 3, 5],
      ['08VIENTIANE145-p061-l02', 'Abduction', 5, 15],
      [null, 'Rape of a minor', 7, 15],
    ]);
  });

  it('finds organizations the cable defines and those of the dictionary', () => {
    const orgs = new Map(facts.organizations.map((o) => [o.org_id, o]));
    expect(orgs.get('lwu')).toMatchObject({ name: "Lao Women's Union", acronym: 'LWU', type: 'host_government', first_paragraph_id: '08VIENTIANE145-p002' });
    expect(orgs.get('mops')).toMatchObject({ acronym: 'MOPS', type: 'host_government', first_paragraph_id: '08VIENTIANE145-p005' });
    expect(orgs.get('iom')).toMatchObject({ type: 'international_organization' });
    expect(orgs.get('afesip')).toMatchObject({ type: 'ngo' });
    for (const o of facts.organizations) expect(o.mention_count).toBe(facts.organization_mentions.filter((m) => m.org_id === o.org_id).length);
    expect(facts.organization_mentions.filter((m) => m.org_id === 'lba').map((m) => m.text)).toEqual([
      'Lao\nBar Association',
      'LBA',
      'Lao Bar\nAssociation',
      'LBA',
      'Bar Association',
      'Lao Bar Association',
    ]);
  });

  it('warns about the Lao Bar Association given 80 members in one paragraph and 82 in two others', () => {
    const findings = runChecks({ tables: { ...facts }, sources: new Map([[cable.id, cable.source]]) });
    const conflict = findings.filter((f) => f.code === 'CONFLICTING_FIGURES');
    expect(conflict).toHaveLength(1);
    expect(conflict[0]!.severity).toBe('warning');
    expect(conflict[0]!.spans!.map((s) => cable.source.slice(s.char_start, s.char_end))).toEqual(['80', '82', '82']);
  });
});

describe('the laos-tip-2008 recipe', () => {
  it('locates every indicator in exactly one quantity', () => {
    const recipe = parseRecipe(readFileSync(recipeFile, 'utf8'), 'indicators.json');
    const rows = applyRecipe(recipe, { quantities: facts.quantities, paragraphs: core.paragraphs });
    const byId = new Map(rows.map((r) => [r.indicator_id, r]));
    expect(rows).toHaveLength(recipe.indicators.length);
    expect(checkRows(indicatorsTable, rows)).toEqual([]);
    expect(byId.get('arrests-2007')).toMatchObject({ value: 23, citation: '\u00b6 5', category: 'prosecution', quantity_id: '08VIENTIANE145-p005-q02' });
    expect(byId.get('victims-repatriated-since-2001')).toMatchObject({ value: 1044, qualifier: 'more_than', citation: 'paragraph 10, section XXVII A and B' });
    expect(byId.get('broker-fee-typical')).toMatchObject({ value: 2500, value_max: 7000, unit: 'THB' });
    expect(byId.get('bar-association-members')).toMatchObject({ value: 82, citation: 'paragraph 23, section XXVII D' });
    expect(byId.get('victims-under-18-share')).toMatchObject({
      value: 60,
      unit: 'percent',
      qualifier: 'approximately',
      citation: 'paragraph 81, section XXIX I',
    });
  });

  it('fails with a clear error when a locator finds no quantity or more than one', () => {
    const base = { indicator_id: 'x', label: 'x', category: 'prosecution', period: '2007' } as const;
    const none = parseRecipe({ indicators: [{ ...base, locate: { paragraph: { number: 5 }, sentence: 'resulting in 23 arrests', figure: '24' } }] }, 'r.json');
    expect(() => applyRecipe(none, { quantities: facts.quantities, paragraphs: core.paragraphs }, { file: 'r.json' })).toThrow(
      /r\.json: .*indicator x: no quantity matches figure "24"/,
    );
    const many = parseRecipe({ indicators: [{ ...base, locate: { paragraph: { number: 5 }, sentence: 'cases', figure: '8' } }] }, 'r.json');
    try {
      applyRecipe(many, { quantities: facts.quantities, paragraphs: core.paragraphs }, { file: 'r.json' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).code).toBe('RECIPE_LOCATOR_AMBIGUOUS');
      expect((err as ValidationError).location).toEqual({ file: 'r.json', field: '$.indicators[0].locate' });
      expect((err as ValidationError).findings[0]!.message).toContain('08VIENTIANE145-p005-q03, 08VIENTIANE145-p005-q04');
    }
  });
});
