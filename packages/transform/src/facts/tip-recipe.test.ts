import { INDICATOR_CATEGORIES, QUANTITY_KINDS, type QuantityRow } from '@cablepress/validate';
import { describe, expect, it } from 'vitest';
import { cueDistance, cueFit, isTipReport, precedingWord, reportingYear, tipRecipe } from './tip-recipe.js';

function quantity(id: string, quote: string, text: string, value: number, counted: string | null, kind: QuantityRow['kind'] = 'count'): QuantityRow {
  return {
    quantity_id: id,
    cable_id: id.split('-')[0]!,
    paragraph_id: id.split('-').slice(0, 2).join('-'),
    kind,
    value,
    value_max: null,
    unit: kind === 'duration' ? 'year' : null,
    qualifier: 'exact',
    per: null,
    counted,
    text,
    quote,
    char_start: 0,
    char_end: text.length,
  };
}

describe('the generic TIP recipe data', () => {
  it('uses only known categories and kinds', () => {
    for (const ind of tipRecipe().indicators) {
      expect(INDICATOR_CATEGORIES).toContain(ind.category);
      for (const k of ind.kinds) expect(QUANTITY_KINDS).toContain(k);
    }
  });
});

describe('isTipReport and reportingYear', () => {
  it('knows TIP report cables by their subject', () => {
    expect(isTipReport({ id: '10SANAA295', subject: 'YEMEN: TENTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT', title: null, tags: ['KTIP'] })).toBe(true);
    expect(isTipReport({ id: '09SANTIAGO156', subject: 'CHILE: 2009 TIP REPORT', title: null, tags: [] })).toBe(true);
    expect(isTipReport({ id: '09CAIRO2263', subject: 'EGYPT: 2009 TIP INTERIM ASSESSMENT', title: null, tags: ['KTIP', 'EG'] })).toBe(false);
    expect(isTipReport({ id: '10STATE1', subject: 'SCENESETTER FOR THE SECRETARY', title: null, tags: ['PREL'] })).toBe(false);
  });

  it('knows a cable about the published report, or one the Department sends, for no submission', () => {
    expect(isTipReport({ id: '09CAIRO1222', subject: 'EGYPTIAN MFA REACTIONS TO 2009 TIP REPORT', title: null, tags: ['KCRM', 'EG'] })).toBe(false);
    expect(isTipReport({ id: '09STATE60608', subject: 'ICELAND--2009 TIP REPORT: PRESS GUIDANCE AND DEMARCHE', title: null, tags: ['KTIP', 'IC'] })).toBe(
      false,
    );
    expect(
      isTipReport({ id: '08REYKJAVIK36', subject: 'EIGHTH ANNUAL ANTI-TRAFFICKING IN PERSONS (TIP) REPORT FOR ICELAND', title: null, tags: ['KTIP'] }),
    ).toBe(true);
  });

  it('gives the year before for a report sent in spring', () => {
    expect(reportingYear('2008-02-29T05:44:00Z')).toBe(2007);
    expect(reportingYear('2009-11-02T10:00:00Z')).toBe(2009);
    expect(reportingYear(null)).toBeNull();
  });
});

describe('cueDistance', () => {
  const ind = (name: string) => tipRecipe().indicators.find((i) => i.indicator === name)!;
  const s =
    'As a result, according to the Ministry of Public Security, police investigated 38 cases of Article 134 violations (human trafficking) in 2007, resulting in 23 arrests and 8 cases sent for prosecution.';

  it('measures from the figure to the nearest cue word, not to a number inside another', () => {
    expect(cueDistance(quantity('08VIENTIANE145-p005-q03', s, '8', 8, 'cases'), ind('prosecutions'))).toBe(16);
    expect(cueDistance(quantity('08VIENTIANE145-p005-q01', s, '38', 38, 'cases'), ind('investigations'))).toBe(3);
    expect(cueDistance(quantity('08VIENTIANE145-p005-q01', s, '38', 38, 'cases'), ind('arrests'))).toBeNull();
  });

  it('leaves out penalties the law provides when looking for sentences imposed', () => {
    const law = 'A person convicted of trafficking an adult can be sentenced to three years and a day to five years in prison.';
    expect(cueDistance(quantity('09SANTIAGO156-p020-q02', law, 'three years', 3, null, 'duration'), ind('prison-sentences'))).toBeNull();
    const imposed = 'Some of those prosecuted received sentences up to 10 years.';
    expect(cueDistance(quantity('10SANAA295-p061-q02', imposed, 'up to 10 years', 10, null, 'duration'), ind('prison-sentences'))).not.toBeNull();
  });
});

describe('what a figure counts', () => {
  const ind = (name: string) => tipRecipe().indicators.find((i) => i.indicator === name)!;

  it('takes a capacity for no number of victims (09SANTIAGO156), but a figure before the word capacity stays (08VIENTIANE145)', () => {
    const space =
      "Minor victims of commercial sexual exploitation receive specialized attention at one of 14 SENAME CSEC centers located in 9 of Chile's 15 regions, which had a budget of nearly USD 2 million in 2008 and space for a total of 684 children and adolescents.";
    expect(cueDistance(quantity('09SANTIAGO156-p038-q05', space, '684', 684, 'children'), ind('victims-sheltered'))).toBeNull();
    const assist = 'SENAME has space to assist approximately 2100 children nationwide and put roughly USD 5.8 million into these programs in 2008.';
    expect(cueDistance(quantity('09SANTIAGO156-p038-q09', assist, 'approximately 2100', 2100, 'children'), ind('victims-assisted'))).toBeNull();
    const housed = 'The LWU shelter in Vientiane assisted 48 victims in 2007 and is housing 40 victims as of February 2008, its maximum capacity.';
    expect(cueDistance(quantity('08VIENTIANE145-p028-q05', housed, '48', 48, 'victims'), ind('victims-assisted'))).toBe(3);
  });

  it('counts victims, not cases (09SANJOSE127)', () => {
    const cases = 'According to the National Coalition, during the reporting period, the Judicial Branch identified approximately five trafficking cases.';
    expect(cueDistance(quantity('09SANJOSE127-p025-q01', cases, 'approximately five', 5, 'cases'), ind('victims-identified'))).toBeNull();
    const victims = 'Included in the 148 victims identified by IOM were 54 victims of labor trafficking, the majority ofwhom were originally from China.';
    expect(cueDistance(quantity('09SANTIAGO156-p009-q01', victims, '148', 148, 'victims'), ind('victims-identified'))).toBe(9);
  });

  it("takes no money donors gave for the government's budget (09CAIRO1222)", () => {
    const donors = 'He told us that there had been funding delays, but he said that U.N. organizations provided USD 55,000 to fund the study.';
    expect(cueDistance(quantity('09CAIRO1222-p006-q01', donors, 'USD 55,000', 55000, null, 'money'), ind('budget'))).toBeNull();
    const state = "The 2009 state budget allocates IKR 43.1 million ($381,400) to the Women's Shelter.";
    expect(cueDistance(quantity('09REYKJAVIK50-p051-q02', state, 'IKR 43.1 million', 43_100_000, null, 'money'), ind('budget'))).toBe(3);
  });

  it('counts officials trained, not the people of a public campaign (10SANAA295)', () => {
    const people = 'Another campaign trained 1500 people (mostly teachers and mosque preachers) in five governorates most at risk for trafficking.';
    expect(cueDistance(quantity('10SANAA295-p110-q01', people, '1500', 1500, 'people'), ind('officials-trained'))).toBeNull();
    const police = "NGO Raices trained approximately 200 Carabineros who work near Chile's borders in 2008 in recognizing trafficking victims.";
    expect(cueDistance(quantity('09SANTIAGO156-p027-q01', police, 'approximately 200', 200, 'carabineros'), ind('officials-trained'))).not.toBeNull();
  });

  it('takes cases in court for prosecutions (10SANAA295), not cases a court published or prosecutors opened (06SANJOSE481)', () => {
    const courts = 'Democracy School reports that there were approximately 50 cases against traffickers in local courts in Hajja governorate.';
    expect(cueDistance(quantity('10SANAA295-p061-q01', courts, 'approximately 50', 50, 'cases'), ind('prosecutions'))).toBe(36);
    const court =
      'According to statistics published by the Supreme Court, 19 cases involving paid sex with minors were investigated by the OIJ trafficking unit during the first 9 months of 2005 for which statistics are available.';
    expect(cueDistance(quantity('06SANJOSE481-p029-q02', court, '19', 19, 'cases'), ind('prosecutions'))).toBeNull();
    const prosecutors = 'In all of 2004, prosecutors opened 18 trafficking investigations and obtained convictions in two cases.';
    expect(cueDistance(quantity('06SANJOSE481-p029-q05', prosecutors, 'two', 2, 'cases'), ind('prosecutions'))).toBeNull();
    expect(cueDistance(quantity('06SANJOSE481-p029-q05', prosecutors, 'two', 2, 'cases'), ind('convictions'))).toBe(8);
  });

  it("takes a cue in the figure's own predicate over one said of the figure before (09SANTIAGO156 ¶23)", () => {
    const court = 'Fifteen cases went to court and 10 cases ended in convictions -- five in cases of soliciting sex with minors.';
    const ten = quantity('09SANTIAGO156-p023-q09', court, '10', 10, 'cases');
    expect(cueFit(ten, ind('convictions'))).toEqual({ distance: 16, own: true });
    expect(cueFit(ten, ind('prosecutions'))).toEqual({ distance: 5, own: false });
  });

  it('takes a figure without a noun as the object of the cue verb right before it ("prosecuted 12")', () => {
    const s = 'During the reporting period, the government investigated 25 trafficking cases, prosecuted 12 and convicted 8 traffickers.';
    expect(cueDistance(quantity('X-p001-q02', s, '12', 12, null), ind('prosecutions'))).toBe(3);
    expect(cueDistance(quantity('X-p001-q02', s, '12', 12, null), ind('convictions'))).toBeNull();
  });

  it('ends a figure\'s predicate at a coordinated clause: "rescued 200 victims and referred them to shelters" are victims identified', () => {
    const s = 'In 2008, authorities rescued 200 victims and referred them to shelters.';
    const q = quantity('X-p001-q01', s, '200', 200, 'victims');
    expect(cueFit(q, ind('victims-identified'))).toEqual({ distance: 1, own: false });
    expect(cueFit(q, ind('victims-sheltered'))).toEqual({ distance: 30, own: false });
  });

  it('does not read a word that describes the counted noun as what happened to it (08VIENTIANE145 ¶10)', () => {
    const returned = 'In 2007, 280 formally-identified victims of cross-border human trafficking were returned to Laos.';
    const q = quantity('08VIENTIANE145-p010-q01', returned, '280', 280, 'victims');
    expect(cueDistance(q, ind('victims-identified'))).toBeNull();
    expect(cueDistance(q, ind('victims-repatriated'))).not.toBeNull();
  });
});

describe('precedingWord', () => {
  const s = 'UNICEF reported that of the above nine trafficking cases in 2007, the two above were sentenced and the other seven were absolved.';

  it('gives the word before a figure, which may point back at figures the cable already gave (09SANJOSE128 ¶7)', () => {
    expect(precedingWord(s, 'nine')).toBe('above');
    expect(precedingWord(s, 'two')).toBe('the');
    expect(precedingWord(s, 'seven')).toBe('other');
    expect(precedingWord('Police made 23 arrests.', '23')).toBe('made');
  });

  it('gives none for a figure that opens its sentence', () => {
    expect(precedingWord('Those 20 cases remain open.', '20')).toBe('those');
    expect(precedingWord('20 cases remain open.', '20')).toBeNull();
  });
});
