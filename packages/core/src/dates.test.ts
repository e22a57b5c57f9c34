import { describe, expect, it } from 'vitest';
import { epochDate, isoDate, monthAbbreviation, monthNumber } from './dates.js';

describe('monthNumber', () => {
  it.each([
    ['FEB', 2, 'the DTG of 08VIENTIANE145: 290544Z FEB 08'],
    ['Dec', 12, 'a Cablegate created value: Thu Dec 20 00:00:00 +0100 2001'],
    ['February', 2, 'cable text: "February 27, 2007"'],
    ['Sept', 9, 'cable text: "Sept. 2007"'],
    ['may', 5, 'the full name and the abbreviation of May are one word'],
  ])('reads %s as %i (%s)', (word, month) => {
    expect(monthNumber(word)).toBe(month);
  });

  it('refuses words that are not months', () => {
    for (const word of ['Febr', 'Mayo', 'DTG', '', 'septem']) expect(monthNumber(word), word).toBeNull();
  });
});

describe('monthAbbreviation', () => {
  it('gives the three-letter name, and nothing outside 1-12', () => {
    expect(monthAbbreviation(2)).toBe('Feb');
    expect(monthAbbreviation(0)).toBeUndefined();
    expect(monthAbbreviation(13)).toBeUndefined();
  });
});

describe('isoDate', () => {
  it('writes a date that exists, padded', () => {
    expect(isoDate(2008, 2, 29)).toBe('2008-02-29');
    expect(isoDate(2019, 6, 28)).toBe('2019-06-28');
  });

  it('refuses dates that do not exist', () => {
    expect(isoDate(2007, 2, 29)).toBeNull();
    expect(isoDate(2019, 4, 31)).toBeNull();
    expect(isoDate(2019, 13, 1)).toBeNull();
    expect(isoDate(2019, 0, 1)).toBeNull();
  });
});

describe('epochDate', () => {
  it('reads whole seconds since 1970', () => {
    expect(epochDate('1204264000').toISOString()).toBe('2008-02-29T05:46:40.000Z');
  });

  it('refuses anything else with SOURCE_DATE_EPOCH', () => {
    for (const epoch of ['-1', '1.5', 'now', '', '8640000000001']) {
      expect(() => epochDate(epoch), epoch).toThrow(expect.objectContaining({ code: 'SOURCE_DATE_EPOCH', kind: 'input' }));
    }
  });
});
