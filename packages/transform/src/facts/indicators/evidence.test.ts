import { describe, expect, it } from 'vitest';
import { comparisonEvidence, crimeEvidence, periodEvidence, scopeEvidence, statedByEvidence, type FigureInSentence } from './evidence.js';
import { figureSpan } from './phrases.js';

/** A figure in a sentence of a TIP report cable of the given reporting year. */
function at(quote: string, figure: string, reportingYear = 2008, before = '', counted: string | null = null): FigureInSentence {
  return { quote, figure: figureSpan(quote, figure), before, counted, reportingYear };
}

describe('periodEvidence', () => {
  it('reads the year next to the figure, and a span of months of the reporting year as the period (09SANTIAGO156 ¶23)', () => {
    expect(periodEvidence(at('Question 25 E: From April to December 2008, the government opened 104 TIP cases.', '104'))).toEqual({
      period: '2008',
      period_match: 'reporting_period',
    });
  });

  it('takes another year, a span of years and part of a year as another period', () => {
    expect(
      periodEvidence(at('In all of 2004, prosecutors opened 18 trafficking investigations and obtained convictions in two cases.', '18', 2005)).period_match,
    ).toBe('other_period');
    expect(periodEvidence(at('Police investigated 102 cases over 2003-2007.', '102', 2007))).toEqual({ period: '2003-2007', period_match: 'other_period' });
    expect(
      periodEvidence(
        at(
          '(Note: According to UNIAP, the MOPS reported 27 cases of cross-border trafficking and 14 convictions from November 2006-December 2007.',
          '14',
          2007,
        ),
      ),
    ).toEqual({ period: '2006-2007', period_match: 'other_period' });
    expect(
      periodEvidence(
        at(
          'According to statistics published by the Supreme Court, 19 cases involving paid sex with minors were investigated by the OIJ trafficking unit during the first 9 months of 2005 for which statistics are available.',
          '19',
          2005,
        ),
      ).period_match,
    ).toBe('other_period');
    expect(
      periodEvidence(at('The transit center has assisted more than 1044 human trafficking victims since it opened in late 2001.', 'more than 1044', 2007))
        .period_match,
    ).toBe('other_period');
  });

  it('takes a figure dated to one month as part of the period (09SANTIAGO156 ¶14)', () => {
    expect(
      periodEvidence(at('In another case, two women (one Chilean and one Peruvian) were arrested in July for cross-border trafficking.', 'two')).period_match,
    ).toBe('other_period');
  });

  it('reads "the reporting period" and a year named earlier in the paragraph; else the period is unstated', () => {
    expect(periodEvidence(at('Two victims were sheltered by INAMU during the reporting period, using GOCR budgetary resources.', 'Two')).period_match).toBe(
      'reporting_period',
    );
    expect(
      periodEvidence(
        at('Fifteen cases went to court and 10 cases ended in convictions.', '10', 2008, 'From April to December 2008, the government opened 104 TIP cases. '),
      ),
    ).toEqual({ period: '2008', period_match: 'reporting_period' });
    expect(periodEvidence(at('Police arrested 12 suspected traffickers.', '12'))).toEqual({ period: '2008', period_match: 'unstated' });
  });

  it("does not read the year of a report's name as the period (09SANJOSE128 ¶8)", () => {
    const note =
      'Please note that the 2008 Trafficking in Persons Report as published stated that the government prosecuted 77 cases relating to commercial sexual exploitation of minors (Ref C).';
    expect(periodEvidence(at(note, '77', 2008)).period_match).toBe('unstated');
  });
});

describe('scopeEvidence', () => {
  it('finds one case, one court, one region and one organisation', () => {
    expect(
      scopeEvidence(at('The case, which is still under investigation, shut down a brothel where 16 women had been brought to work as prostitutes.', '16')),
    ).toBe('one_case');
    expect(scopeEvidence(at('The court convicted two men of forcing eight street children to beg.', 'two', 2008, '', 'men'))).toBe('one_case');
    expect(scopeEvidence(at('Authorities convicted two men of forcing eight street children to beg.', 'two', 2008, '', 'men'))).toBe('one_case');
    expect(
      scopeEvidence(
        at('Democracy School reports that there were approximately 50 cases against traffickers in local courts in Hajja governorate.', 'approximately 50'),
      ),
    ).toBe('one_court');
    expect(scopeEvidence(at('An NGO estimated that 100-200 women work in prostitution in the town of Ruse.', '100-200'))).toBe('one_region');
    expect(scopeEvidence(at('The LWU shelter in Vientiane assisted 48 victims in 2007.', '48'))).toBe('one_organization');
  });

  it('keeps a national figure national (08VIENTIANE145 ¶5, 09SANJOSE128 ¶54)', () => {
    expect(
      scopeEvidence(
        at(
          'As a result, according to the Ministry of Public Security, police investigated 38 cases of Article 134 violations (human trafficking) in 2007, resulting in 23 arrests and 8 cases sent for prosecution.',
          '38',
        ),
      ),
    ).toBe('national');
    expect(scopeEvidence(at('Two victims were sheltered by INAMU during the reporting period, using GOCR budgetary resources.', 'Two'))).toBe('national');
  });
});

describe('statedByEvidence', () => {
  it('names the source of "according to", of a reporting verb and of "identified by"', () => {
    expect(statedByEvidence(at('As a result, according to the Ministry of Public Security, police investigated 38 cases.', '38'))).toBe('government');
    expect(
      statedByEvidence(
        at(
          'Head of local NGO National Organization for Combating People Smuggling Ali al-Jelai said that police had thwarted attempts to traffic 70 children to Saudi Arabia during 2009 and that 20 smugglers had been arrested.',
          '20',
        ),
      ),
    ).toBe('ngo');
    expect(statedByEvidence(at('Included in the 148 victims identified by IOM were 54 victims of labor trafficking.', '148'))).toBe(
      'international_organization',
    );
    expect(statedByEvidence(at("Post's information stated that 77 cases were opened, not prosecuted.", '77'))).toBe('embassy');
    expect(statedByEvidence(at('Newspapers reported the arrest of six traffickers in 2008.', 'six'))).toBe('media');
  });

  it('is unstated when the sentence names nobody', () => {
    expect(statedByEvidence(at('Fifteen cases went to court.', 'Fifteen'))).toBe('unstated');
  });
});

describe('crimeEvidence', () => {
  it('tells smuggling, CSEC and trafficking apart by what the figure counts and its noun phrase', () => {
    expect(crimeEvidence(at('Police said that 20 smugglers had been arrested.', '20', 2008, '', 'smugglers'))).toBe('smuggling');
    expect(
      crimeEvidence(
        at(
          'According to statistics published by the Supreme Court, 19 cases involving paid sex with minors were investigated by the OIJ trafficking unit.',
          '19',
          2008,
          '',
          'cases',
        ),
      ),
    ).toBe('csec');
    expect(
      crimeEvidence(
        at('Maureira fled Chile after being sentenced to 20 years in prison for his participation in a pedophile and child pornography ring.', '20 years'),
      ),
    ).toBe('csec');
    expect(
      crimeEvidence(
        at(
          'Fifteen cases went to court and 10 cases ended in convictions -- five in cases of soliciting sex with minors and two in cases of cross-border trafficking in persons.',
          '10',
        ),
      ),
    ).toBe('trafficking');
  });
});

describe('comparisonEvidence', () => {
  it('reads the direction of "from ... to" and "down from"', () => {
    const fell = 'Prosecutions fell from 109 to 74.';
    expect(comparisonEvidence(at(fell, '109'))).toBe('previous');
    expect(comparisonEvidence(at(fell, '74'))).toBe('current');
    expect(comparisonEvidence(at('Police made 36 arrests, down from 56 the year before.', '56'))).toBe('previous');
    expect(comparisonEvidence(at('Police made 36 arrests, down from 56 the year before.', '36'))).toBe('none');
  });
});
