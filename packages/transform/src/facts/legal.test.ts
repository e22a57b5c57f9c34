import { describe, expect, it } from 'vitest';
import { scanCitations, scanLaws } from './legal.js';
import { tokenize } from './text.js';

function laws(sentence: string): string[] {
  return scanLaws(tokenize(sentence), sentence).map((l) => l.name);
}

function citations(sentence: string) {
  const tokens = tokenize(sentence);
  return scanCitations(tokens, sentence, scanLaws(tokens, sentence), () => false, (i) => i === 0).map((c) => [c.article, c.law, c.thisLaw, c.title]);
}

describe('scanLaws', () => {
  it('names codes and laws as the cable writes them', () => {
    expect(laws('In 2006, Laos enacted the revised Article 134 of the penal code.')).toEqual(['Penal Code']);
    expect(laws('The Law on the Protection of Children\'s Rights, enacted on December 27, 2006, echoes the definition')).toEqual(["Law on the Protection of Children's Rights"]);
    expect(laws('Trafficking is proscribed in Title III (known as the Law Against Sexual Exploitation of Minors) of the Criminal Code.')).toEqual([
      'Law Against Sexual Exploitation of Minors', 'Criminal Code',
    ]);
    expect(laws("In May 2009, an Alexandria court, using the 2008 amendment to Egypt's Child Law which criminalized trafficking in children")).toEqual(['Child Law']);
  });
});

describe('scanCitations', () => {
  it('reads the law after or before the article', () => {
    expect(citations('In 2006, Laos enacted the revised Article 134 of the penal code.')).toEqual([['134', 'Penal Code', false, null]]);
    expect(citations('Those specific provisions were later included in penal code Article 134.')).toEqual([['134', 'Penal Code', false, null]]);
    expect(citations('shall have their assets confiscated according to Article 32 of this law.')).toEqual([['32', null, true, null]]);
  });

  it('reads lists and ranges of articles', () => {
    expect(citations('Under Title XVII of the Criminal Code on crimes against human rights, Articles 374, 376, and 377 have to do with trafficking.').map((c) => c[0])).toEqual(['374', '376', '377']);
    expect(citations('Articles 156 to 163 of Title III were revised in August 1999').map((c) => c[0])).toEqual(['156', '163']);
  });

  it('reads a quoted title after the number', () => {
    expect(citations('(see section 28, Law on the Protection of Women, Article 25,"Rights of Victims").')).toEqual([['25', 'Law on the Protection of Women', false, 'Rights of Victims']]);
  });
});
