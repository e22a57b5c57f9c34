import { describe, expect, it } from 'vitest';
import { CurrencyResolver } from './currencies.js';
import { readProsePenalty, scanCitations, scanLaws } from './legal.js';
import { scanQuantities } from './quantities/index.js';
import { tokenize } from './text.js';

function laws(sentence: string): string[] {
  return scanLaws(tokenize(sentence), sentence).map((l) => l.name);
}

function citations(sentence: string) {
  const tokens = tokenize(sentence);
  return scanCitations(
    tokens,
    sentence,
    scanLaws(tokens, sentence),
    () => false,
    (i) => i === 0,
  ).map((c) => [c.article, c.law, c.thisLaw, c.title]);
}

describe('scanLaws', () => {
  it('names codes and laws as the cable writes them', () => {
    expect(laws('In 2006, Laos enacted the revised Article 134 of the penal code.')).toEqual(['Penal Code']);
    expect(laws("The Law on the Protection of Children's Rights, enacted on December 27, 2006, echoes the definition")).toEqual([
      "Law on the Protection of Children's Rights",
    ]);
    expect(laws('Trafficking is proscribed in Title III (known as the Law Against Sexual Exploitation of Minors) of the Criminal Code.')).toEqual([
      'Law Against Sexual Exploitation of Minors',
      'Criminal Code',
    ]);
    expect(laws("In May 2009, an Alexandria court, using the 2008 amendment to Egypt's Child Law which criminalized trafficking in children")).toEqual([
      'Child Law',
    ]);
  });
});

describe('scanCitations', () => {
  it('keeps the "bis" of an inserted article and reads an article "of this agreement" as the treaty\'s (issue 22)', () => {
    expect(citations('Trafficking is punished under Article 367 bis of the Penal Code.')).toEqual([['367 bis', 'Penal Code', false, null]]);
    expect(citations('Under Article 6 of this agreement, the parties shall protect the victims.')).toEqual([['6', 'Agreement', false, null]]);
    expect(citations('Article 411 ter of the Criminal Code punishes trafficking for forced labor.')).toEqual([['411 ter', 'Criminal Code', false, null]]);
  });

  it('reads the law after or before the article', () => {
    expect(citations('In 2006, Laos enacted the revised Article 134 of the penal code.')).toEqual([['134', 'Penal Code', false, null]]);
    expect(citations('Those specific provisions were later included in penal code Article 134.')).toEqual([['134', 'Penal Code', false, null]]);
    expect(citations('shall have their assets confiscated according to Article 32 of this law.')).toEqual([['32', null, true, null]]);
  });

  it('reads lists and ranges of articles', () => {
    expect(
      citations('Under Title XVII of the Criminal Code on crimes against human rights, Articles 374, 376, and 377 have to do with trafficking.').map(
        (c) => c[0],
      ),
    ).toEqual(['374', '376', '377']);
    expect(citations('Articles 156 to 163 of Title III were revised in August 1999').map((c) => c[0])).toEqual(['156', '163']);
  });

  it('reads a quoted title after the number', () => {
    expect(citations('(see section 28, Law on the Protection of Women, Article 25,"Rights of Victims").')).toEqual([
      ['25', 'Law on the Protection of Women', false, 'Rights of Victims'],
    ]);
  });
});

describe('readProsePenalty', () => {
  const prose = (sentence: string, tags = ['YM']) => {
    const quantities = scanQuantities({ tokens: tokenize(sentence), currencies: new CurrencyResolver(tags), claimed: () => false });
    const p = readProsePenalty(sentence, 0, quantities);
    return p && [p.condition, p.prison_min_years, p.prison_max_years, p.fine_min, p.fine_currency];
  };

  it('reads penalties a cable states in its own words, without a cited article', () => {
    expect(
      prose(
        'According to the government, the penalty for transporting a child under the age of 18 to another country for the purpose of illegal exploitation is imprisonment of not more than 5 years.',
      ),
    ).toEqual(['transporting a child', null, 5, null, null]);
    expect(prose('Rape of a minor is punishable by seven to 15 years, prostitution by up to one year.', ['LA'])).toEqual([
      'Rape of a minor',
      7,
      15,
      null,
      null,
    ]);
    expect(prose('The court sentenced them to 3 to 10 years and fined each of them YR 50,000.')).toEqual(['base offence', 3, 10, 50000, 'YER']);
  });

  it('leaves sentences without a penalty word alone', () => {
    expect(prose('Victims receive a 30 to 45 day reflection period and a six-month residence permit.', ['IC'])).toBeNull();
    expect(prose('The penalty for trafficking was raised last year.')).toBeNull();
  });
});
