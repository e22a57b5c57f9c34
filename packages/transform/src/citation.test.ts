import { describe, expect, it } from 'vitest';
import { inheritedKeys, paragraphCitation } from './citation.js';

const row = (seq: number, number: number | null, section: string | null, key: string | null) => ({
  paragraph_id: `08VIENTIANE145-p${String(seq).padStart(3, '0')}`,
  cable_id: '08VIENTIANE145',
  seq,
  number,
  section,
  key,
});

describe('paragraphCitation', () => {
  it.each([
    [row(4, 4, 'SUMMARY', null), null, '¶ 4', '08VIENTIANE145 ¶4: a paragraph the cable numbers'],
    [
      row(79, null, 'XXIX: Protection and Assistance to Victims', 'G and H'),
      'G and H',
      'paragraph 79, section XXIX G and H',
      '08VIENTIANE145: the answer to G and H',
    ],
    [
      row(103, null, 'PROTECTION AND ASSISTANCE TO VICTIMS:', null),
      null,
      'paragraph 103, section PROTECTION AND ASSISTANCE TO VICTIMS',
      '10SANAA295: a heading without a numeral, its colon dropped',
    ],
    [row(44, null, null, null), null, 'paragraph 44', '09REYKJAVIK49: no section, no key'],
  ])('cites %j as people do', (p, key, citation) => {
    expect(paragraphCitation(p, key)).toBe(citation);
  });

  it('never takes a heading whose first word is made of roman letters for a numeral', () => {
    expect(paragraphCitation(row(12, null, 'CIVIL SOCIETY', null), null)).toBe('paragraph 12, section CIVIL SOCIETY');
  });
});

describe('inheritedKeys', () => {
  it('gives the paragraphs that continue an answer the key of the paragraph that opened it, within its section', () => {
    const section = 'XXIX: Protection and Assistance to Victims';
    const keys = inheritedKeys([row(80, null, section, 'I'), row(81, null, section, null), row(82, null, 'XXX: Prevention', null)]);
    expect([...keys.values()]).toEqual(['I', 'I', null]);
  });
});
