import type { ParagraphRow } from '@cablepress/validate';
import { describe, expect, it } from 'vitest';
import { statedZeros } from './zeros.js';

function paragraph(text: string): ParagraphRow {
  return {
    paragraph_id: 'X-p001',
    cable_id: 'X',
    seq: 1,
    number: null,
    section: null,
    key: null,
    kind: 'numbered',
    classification_marking: null,
    text,
    char_start: 0,
    char_end: text.length,
  };
}

const zeros = (text: string) => statedZeros(paragraph(text)).map((z) => [z.indicator, z.quote.slice(z.words.start, z.words.end)]);

describe('statedZeros', () => {
  it('reads "no" before up to three words and an indicator noun, and a negated verb with "any" (06REYKJAVIK68, 09REYKJAVIK50)', () => {
    expect(zeros('No, the Government has not prosecuted any cases against traffickers.')).toEqual([['prosecutions', 'has not prosecuted any']]);
    expect(
      zeros('There were no officially identified trafficking victims -- that is, victims in cases where police sought prosecution on TIP charges.'),
    ).toEqual([['victims-identified', 'no officially identified trafficking victims']]);
    expect(zeros('There were no convictions during the reporting period.')).toEqual([['convictions', 'no convictions']]);
    expect(zeros('The government reported no prosecutions or convictions in 2008.')).toEqual([
      ['convictions', 'no prosecutions or convictions'],
      ['prosecutions', 'no prosecutions or convictions'],
    ]);
    expect(zeros('Authorities did not identify any trafficking victims during the reporting period.')).toEqual([
      ['victims-identified', 'did not identify any trafficking victims'],
    ]);
  });

  it('leaves a zero about a group only, and "no" before other words (10SANAA295 ¶72, ¶76; 06REYKJAVIK68 ¶85)', () => {
    expect(zeros('There was no evidence of prosecutions of government officials for complicity in trafficking during the reporting period.')).toEqual([]);
    expect(zeros('There were no reported prosecutions, deportations or extraditions of child sex tourists during the reporting period.')).toEqual([]);
    expect(
      zeros(
        'There is no evidence of government officials being involved in trafficking, and no government officials have ever been prosecuted or convicted for such activity.',
      ),
    ).toEqual([]);
  });
});
