import { PACKAGE_FIELD_LIMITS } from '@cablepress/core';
import { describe, expect, it } from 'vitest';
import { datasetDescription, datasetTitle } from './package-json.js';

const laos = { id: '08VIENTIANE145', subject: 'EIGHTH ANNUAL TIP REPORT FOR LAOS', title: null, origin: 'Embassy Vientiane', created: '2008-02-29T05:44:00Z' };

describe('the package.json of a new dataset', () => {
  it('takes its title and description from the cable', () => {
    expect(datasetTitle(laos)).toBe('EIGHTH ANNUAL TIP REPORT FOR LAOS (cable 08VIENTIANE145)');
    expect(datasetDescription(laos)).toBe(
      'EIGHTH ANNUAL TIP REPORT FOR LAOS (Embassy Vientiane cable 08VIENTIANE145 of 2008-02-29) as open tables and a fact sheet.',
    );
  });

  it('cuts a subject too long for a title or a description, so that the new dataset builds (issue 26)', () => {
    const cable = { ...laos, subject: 'LAOS '.repeat(20_000).trim() };
    const title = datasetTitle(cable);
    expect(title).toHaveLength(PACKAGE_FIELD_LIMITS['cablepress.title']);
    expect(title).toMatch(/^LAOS LAOS .*… \(cable 08VIENTIANE145\)$/);
    const description = datasetDescription(cable);
    expect(description).toHaveLength(PACKAGE_FIELD_LIMITS.description);
    expect(description.endsWith('… (Embassy Vientiane cable 08VIENTIANE145 of 2008-02-29) as open tables and a fact sheet.')).toBe(true);
    const origin = 'X'.repeat(10_000);
    expect(datasetDescription({ ...laos, origin })).toBe(`EIGHTH ANNUAL TIP REPORT FOR LAOS (${origin}`.slice(0, PACKAGE_FIELD_LIMITS.description - 1) + '…');
  });
});
