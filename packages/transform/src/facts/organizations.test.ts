import { describe, expect, it } from 'vitest';
import { findDefinitions, mergeOrganizations } from './organizations.js';

describe('findDefinitions', () => {
  it('finds acronyms the cable defines, with their long form', () => {
    const text = "referral of domestic victims of trafficking, proactively identified by local authorities, to a shelter run by the Lao Women's Union (LWU). The Secretariat of that organization is presided over by the Director of Investigations, Ministry of Public Security (MOPS). While the UN Interagency Project on People Trafficking (UNIAP) believes the number of minorities trafficked to Thailand is small";
    expect(findDefinitions(text)).toEqual([
      { name: "Lao Women's Union", acronym: 'LWU' },
      { name: 'Ministry of Public Security', acronym: 'MOPS' },
      { name: 'UN Interagency Project on People Trafficking', acronym: 'UNIAP' },
    ]);
  });

  it('works for other countries and skips acronyms that are not organizations', () => {
    expect(findDefinitions('The Ministry of Social Affairs and Labor (MOSAL) said that fewer children were trafficked')).toEqual([{ name: 'Ministry of Social Affairs and Labor', acronym: 'MOSAL' }]);
    expect(findDefinitions('The GOL has signed Memoranda of Understanding (MOUs) with IOM')).toEqual([]);
    expect(findDefinitions('The entire text of the 2008 TIP report for Laos is sensitive but unclassified (SBU).')).toEqual([]);
  });
});

describe('mergeOrganizations', () => {
  it('adds up mentions and keeps the first paragraph of the earlier cable', () => {
    const a = [{ org_id: 'iom', name: 'International Organization for Migration', acronym: 'IOM', type: 'international_organization' as const, mention_count: 21, first_paragraph_id: '08VIENTIANE145-p009' }];
    const b = [
      { ...a[0]!, mention_count: 2, first_paragraph_id: '09CAIRO2263-p004' },
      { org_id: 'mosal', name: 'Ministry of Social Affairs and Labor', acronym: 'MOSAL', type: 'foreign_government' as const, mention_count: 4, first_paragraph_id: '10SANAA295-p008' },
    ];
    expect(mergeOrganizations(a, b)).toEqual([
      { ...a[0]!, mention_count: 23, first_paragraph_id: '08VIENTIANE145-p009' },
      b[1],
    ]);
  });
});
