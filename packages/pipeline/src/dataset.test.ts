import { describe, expect, it } from 'vitest';
import type { OrganizationRow } from '@cablepress/validate';
import { addOrganizations, OrganizationTally } from './dataset.js';

const org = (org_id: string, mention_count: number, first_paragraph_id: string): OrganizationRow => ({
  org_id,
  name: org_id.toUpperCase(),
  acronym: null,
  type: 'ngo',
  country: 'LA',
  mention_count,
  first_paragraph_id,
});

describe('OrganizationTally', () => {
  it('merges cable by cable into the rows addOrganizations folds to (first row kept, mentions summed, sorted by id)', () => {
    const cables = [
      [org('lwu', 2, '08VIENTIANE145-p004'), org('afesip', 1, '08VIENTIANE145-p010')],
      [org('iom', 3, '09CAIRO1222-p002')],
      [org('lwu', 5, '10SANAA295-p001'), org('iom', 1, '10SANAA295-p003'), org('unicef', 1, '10SANAA295-p009')],
    ];
    const tally = new OrganizationTally();
    for (const cable of cables) tally.add(cable);
    const folded = cables.reduce<OrganizationRow[]>((merged, cable) => addOrganizations(merged, cable), []);
    expect(tally.rows()).toEqual(folded);
    expect(tally.rows().find((r) => r.org_id === 'lwu')).toMatchObject({ mention_count: 7, first_paragraph_id: '08VIENTIANE145-p004' });
  });

  it('leaves the rows it was given as they were', () => {
    const row = org('lwu', 2, '08VIENTIANE145-p004');
    const tally = new OrganizationTally();
    tally.add([row]);
    tally.add([org('lwu', 1, '09CAIRO1222-p001')]);
    expect(row.mention_count).toBe(2);
  });
});
