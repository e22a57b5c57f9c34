import { describe, expect, it } from 'vitest';
import { leadingRoman } from './roman.js';

describe('leadingRoman', () => {
  it.each([
    ['XXIX: Protection and Assistance to Victims', 'XXIX', '08VIENTIANE145'],
    ['III: INVESTIGATION AND PROSECUTION OF TRAFFICKERS', 'III', '09SANJOSE127'],
    ['IV. PROTECTION', 'IV', 'a heading with a period'],
    ['XII', 'XII', 'a bare numeral'],
  ])('takes %j → %s (%s)', (heading, numeral) => {
    expect(leadingRoman(heading)).toBe(numeral);
  });

  it('finds none in a heading whose first word is only made of the letters, or without a numeral', () => {
    for (const heading of ['CIVIL SOCIETY', 'MID-YEAR REVIEW', 'DIVISION OF LABOR', 'SUMMARY', 'VIENTIANE 145', ''])
      expect(leadingRoman(heading), heading).toBeNull();
  });
});
