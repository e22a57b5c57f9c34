import { describe, expect, it } from 'vitest';
import { scanDates, type DateMatch } from './events.js';
import { tokenize } from './text.js';

function dates(sentence: string): (Omit<DateMatch, 'start' | 'end'> & { text: string })[] {
  return scanDates(tokenize(sentence)).map(({ start, end, ...rest }) => ({ ...rest, text: sentence.slice(start, end) }));
}

describe('scanDates', () => {
  it('reads bare years', () => {
    expect(dates('In 2006, Laos enacted the revised Article 134 of the penal code.')).toEqual([
      { text: '2006', date_start: '2006-01-01', date_end: '2006-12-31', precision: 'year' },
    ]);
    expect(dates('bringing the total number of victims repatriated to Laos from Thailand since 2001 to more than 1,044.').map((d) => d.text)).toEqual(['2001']);
  });

  it('reads full dates, also across a joined line break', () => {
    expect(dates('The February 27, 2007, signing of an MOU between the GOL and IOM')).toEqual([
      { text: 'February 27, 2007', date_start: '2007-02-27', date_end: '2007-02-27', precision: 'day' },
    ]);
    expect(dates('However, a report by Voice of America on February 2, 2008, stated that')[0]).toMatchObject({ date_start: '2008-02-02', precision: 'day' });
    expect(dates("The Law on the Protection of Children's Rights, enacted on December 27, 2006, echoes the definition")[0]).toMatchObject({
      date_start: '2006-12-27',
    });
  });

  it('reads months and month ranges', () => {
    expect(dates('An additional 21 were repatriated in January 2008.')).toEqual([
      { text: 'January 2008', date_start: '2008-01-01', date_end: '2008-01-31', precision: 'month' },
    ]);
    expect(dates('have received some form of training on combating human trafficking from March 2007-February 2008.')).toEqual([
      { text: 'March 2007-February 2008', date_start: '2007-03-01', date_end: '2008-02-29', precision: 'month' },
    ]);
    expect(dates('counseling assistance to 48 women in 2007 and 40 in January/February 2008.')).toEqual([
      { text: '2007', date_start: '2007-01-01', date_end: '2007-12-31', precision: 'year' },
      { text: 'January/February 2008', date_start: '2008-01-01', date_end: '2008-02-29', precision: 'month' },
    ]);
    expect(dates('the MOPS reported 27 cases of cross-border trafficking and 14 convictions from November 2006-December 2007.')[0]).toMatchObject({
      date_start: '2006-11-01',
      date_end: '2007-12-31',
    });
  });

  it('reads "October and November 2007" as two months of 2007', () => {
    expect(dates('For example, in October and November 2007, police sought to shut down bars').map((d) => [d.text, d.date_start, d.date_end])).toEqual([
      ['October', '2007-10-01', '2007-10-31'],
      ['November 2007', '2007-11-01', '2007-11-30'],
    ]);
  });

  it('reads parts of years and decades', () => {
    expect(dates('The Lao and Thai governments signed an anti-trafficking MOU in mid-2005')[0]).toMatchObject({
      text: 'mid-2005',
      date_start: '2005-05-01',
      date_end: '2005-08-31',
      precision: 'part_of_year',
    });
    expect(dates('The transit center has assisted more than 1044 human trafficking victims since it opened in late 2001')[0]).toMatchObject({
      text: 'late 2001',
      date_start: '2001-09-01',
      precision: 'part_of_year',
    });
    expect(dates('Campaigns against prostitution in other major cities in Laos at the end of 2007 appear to have pushed')[0]).toMatchObject({
      text: 'end of 2007',
      date_start: '2007-10-01',
      date_end: '2007-12-31',
    });
    expect(dates('has been involved in anti-trafficking efforts since the mid-1990s.')[0]).toMatchObject({
      text: 'mid-1990s',
      date_start: '1994-01-01',
      date_end: '1996-12-31',
      precision: 'decade',
    });
  });

  it('does not read counts, article numbers or days without a year as dates', () => {
    expect(dates('police investigated 38 cases of Article 134 violations')).toEqual([]);
    expect(dates('the arrest of two women suspected of selling a niece to a Thai businessman in June')).toEqual([]);
    expect(dates('there are more than 2000 victims')).toEqual([]);
  });
});

describe('word lists', () => {
  it('does not take words that name object properties for months or parts of a year', async () => {
    const { extractFacts } = await import('./extract.js');
    const { parseCable } = await import('@cablepress/extract');
    const { readFileSync } = await import('node:fs');
    const seed = readFileSync(new URL('../../../../datasets/laos-tip-2008/source/08VIENTIANE145.txt', import.meta.url), 'utf8');
    const text = seed.replace('In 2006, Laos enacted', 'In constructor 2006 and toString 2007 and early hasOwnProperty, Laos enacted');
    const cable = parseCable(text);
    const facts = extractFacts(
      cable,
      cable.paragraphs.map((p) => `x-p${p.seq}`),
    );
    expect(facts.events.map((e) => e.text)).not.toContain('constructor 2006');
    expect(facts.events.map((e) => e.text)).not.toContain('toString 2007');
    expect(facts.events.map((e) => e.text)).toEqual(expect.arrayContaining(['2006', '2007']));
  });
});
