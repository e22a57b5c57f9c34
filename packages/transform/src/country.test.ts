import { describe, expect, it } from 'vitest';
import { cableCountry, countryOfAdjective, countryOfOrigin } from './country.js';

describe('cableCountry', () => {
  it('maps the TAGS country code (FIPS 10-4) to ISO 3166-1 alpha-2', () => {
    expect(cableCountry({ tags: ['KCRM', 'PHUM', 'LA'], origin: 'Embassy Vientiane' })?.iso).toBe('LA');
    expect(cableCountry({ tags: ['PHUM', 'KTIP', 'CI'], origin: 'Embassy Santiago' })?.iso).toBe('CL');
    expect(cableCountry({ tags: ['KCRM', 'KTIP', 'EG'], origin: 'Embassy Cairo' })?.iso).toBe('EG');
  });

  it('takes the country of the origin post when the cable has no country tag (10SANAA295)', () => {
    expect(cableCountry({ tags: ['KTIP', 'ELAB', 'KCRM'], origin: 'Embassy Sanaa' })?.iso).toBe('YE');
    expect(countryOfOrigin('Consulate Sao Paulo')?.iso).toBe('BR');
    expect(cableCountry({ tags: ['KTIP'], origin: null })).toBeNull();
  });

  it('prefers the tag of the sending post over another country tag', () => {
    expect(cableCountry({ tags: ['TH', 'LA'], origin: 'Embassy Vientiane' })?.iso).toBe('LA');
  });

  it('reads country adjectives', () => {
    expect(countryOfAdjective('Thai')?.iso).toBe('TH');
    expect(countryOfAdjective('Yemeni')?.iso).toBe('YE');
    expect(countryOfAdjective('Ministry')).toBeNull();
  });
});
