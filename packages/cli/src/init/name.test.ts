import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCableBytes, parseCable } from '@cablepress/extract';
import { corpusDir, corpusExtraDir, seedCable } from '../../test-support/paths.js';
import { cableYear, datasetNameFor, postCity, slugWords, subjectCountry, subjectWords, tagCountry } from './name.js';

const cable = (file: string) => parseCable(decodeCableBytes(readFileSync(file), file), { source: file });

describe('datasetNameFor: country, subject words and year of real cables', () => {
  it.each([
    [seedCable, 'laos-tip-2008'], // EIGHTH ANNUAL TIP REPORT FOR LAOS; country from the LA tag
    [path.join(corpusDir, '10SANAA295.html'), 'yemen-tip-2010'], // YEMEN: TENTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT; no country tag
    [path.join(corpusDir, '09SANJOSE127.html'), 'costa-rica-tip-2009'], // PART 1 OF 2: COSTA RICA'S NINTH ANNUAL ...
    [path.join(corpusExtraDir, '09SANTIAGO156.html'), 'chile-tip-2009'],
    [path.join(corpusDir, '09CAIRO2263.txt'), 'egypt-tip-interim-assessment-2009'],
    [path.join(corpusDir, '08MANAMA14.txt'), 'bahrain-enacts-tip-law-2008'],
    [path.join(corpusDir, '10CAIRO209.html'), 'cairo-information-child-labor-forced-labor-2010'], // no country anywhere: the post's city
    [path.join(corpusDir, '72TEHRAN5055.txt'), 'iran-continuing-terrorist-violence-1972'],
  ])('%s → %s', (file, name) => {
    expect(datasetNameFor(cable(file))).toBe(name);
  });

  it('falls back to the cable id when the cable says nothing about place or subject', () => {
    expect(datasetNameFor({ id: '08FOO1', subject: '', title: null, tags: [], origin: null, created: null })).toBe('08foo1');
  });
});

describe('the steps of a name', () => {
  it('makes lowercase ASCII words without possessives', () => {
    expect(slugWords("COSTA RICA'S São Tomé, 2009")).toEqual(['costa', 'rica', 'sao', 'tome', '2009']);
  });

  it('finds the first country a subject names, as whole words', () => {
    expect(subjectCountry('CUBAN MEDICAL PERSONNEL FLEE VENEZUELA')).toBe('Venezuela');
    expect(subjectCountry('NONG DUC MANH VISITS CHINA: BOTH SIDES REAFFIRM FRIENDSHIP')).toBe('China');
    expect(subjectCountry('IRAQI INCURSION ACROSS KUWAITI BORDER')).toBeNull();
  });

  it('takes the first country tag, skipping subject tags', () => {
    expect(tagCountry(['KCRM', 'PHUM', 'KWMN', 'LA'])).toBe('Laos');
    expect(tagCountry(['KTIP', 'ELAB'])).toBeNull();
  });

  it('reads the city of an embassy or consulate, not of the Department', () => {
    expect(postCity('Embassy Vientiane')).toBe('Vientiane');
    expect(postCity('Consulate General Istanbul')).toBe('Istanbul');
    expect(postCity('Secretary of State')).toBeNull();
  });

  it('shortens phrases, drops filler, numbers and place words, keeps three words', () => {
    expect(subjectWords('NINTH ANNUAL ANTI-TRAFFICKING IN PERSONS (TIP) REPORT FOR ICELAND (PART 1 OF 2)', ['iceland'])).toEqual(['tip']);
    expect(subjectWords('ICELAND DEEPLY DISAPPOINTED ABOUT USG DECISION ON UN HUMAN RIGHTS COUNCIL', ['iceland'])).toEqual(['deeply', 'disappointed', 'about']);
  });

  it('takes the year from the date, else from the id', () => {
    expect(cableYear({ id: '08VIENTIANE145', created: '2008-02-29T05:44:00Z' })).toBe('2008');
    expect(cableYear({ id: '72TEHRAN5055', created: null })).toBe('1972');
    expect(cableYear({ id: '09STATE60608', created: null })).toBe('2009');
  });
});
