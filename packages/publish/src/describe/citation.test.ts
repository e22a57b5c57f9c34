import { describe, expect, it } from 'vitest';
import { citationCff, type CitationInput } from './citation.js';
import { licenceFile } from './licence.js';

const input: CitationInput = {
  descriptor: {
    name: 'laos-tip-2008',
    title: 'Laos trafficking in persons report 2008 (cable 08VIENTIANE145)',
    description: 'Eighth annual TIP report for Laos as open tables.',
    version: '2.0.0',
    licenses: [{ name: 'CC0-1.0', path: 'https://spdx.org/licenses/CC0-1.0.html', title: 'CC0-1.0' }],
    sources: [
      {
        id: '08VIENTIANE145',
        title: 'EIGHTH ANNUAL TIP REPORT FOR LAOS',
        path: 'https://wikileaks.org/plusd/cables/08VIENTIANE145_a.html',
        sha256: 'ec69ad48',
      },
    ],
    contributors: [{ title: 'cablepress', roles: ['creator'] }],
  },
  releaseDate: '2026-12-07T06:00:00Z',
  url: null,
  cables: [
    { cable_id: '08VIENTIANE145', created: '2008-02-29T05:44:00Z', origin: 'Embassy Vientiane', subject: 'EIGHTH ANNUAL TIP REPORT FOR LAOS', title: null },
  ],
};

describe('CITATION.cff', () => {
  it('cites the dataset version on its release date, and the cable with its post and year as a reference', () => {
    const cff = citationCff(input);
    expect(cff).toMatch(/^cff-version: 1\.2\.0\n/);
    expect(cff).toContain('type: dataset\n');
    expect(cff).toContain('version: "2.0.0"\ndate-released: "2026-12-07"\n');
    expect(cff).toContain('license: "CC0-1.0"\n');
    expect(cff).toContain(
      '    title: "Cable 08VIENTIANE145: EIGHTH ANNUAL TIP REPORT FOR LAOS"\n    authors:\n      - name: "U.S. Embassy Vientiane"\n    year: 2008\n',
    );
    expect(cff).not.toContain('url: "https://example');
    expect(cff).not.toMatch(/^url:/m);
  });

  it('names the published page only when a homepage is configured, and no release date for an unreleased build', () => {
    expect(citationCff({ ...input, url: 'https://example.org/laos-tip-2008/' })).toContain('\nurl: "https://example.org/laos-tip-2008/"\n');
    const unreleased = citationCff({ ...input, releaseDate: null });
    expect(unreleased).not.toContain('date-released');
    expect(unreleased).toContain('is not released yet');
  });

  it('cites a corpus by its count of cables, not one reference per cable', () => {
    const cables = Array.from({ length: 21 }, (_, i) => ({ ...input.cables[0]!, cable_id: `08VIENTIANE${i}` }));
    const sources = cables.map((c) => ({ id: c.cable_id, title: c.cable_id }));
    const cff = citationCff({ ...input, cables, descriptor: { ...input.descriptor, sources } });
    expect(cff).not.toContain('references:');
  });
});

describe('LICENSE.md', () => {
  it('carries the CC0 legal code, what it covers, and the source, intended use and limitations', () => {
    const text = licenceFile(input.descriptor);
    expect(text).toContain('The data are published under **CC0-1.0**');
    expect(text).toContain('Statement of Purpose');
    expect(text).toContain('as published by WikiLeaks');
    expect(text).toMatch(/## Intended use\n\n- /);
    expect(text).toMatch(/## Limitations\n\n- /);
    expect(text).toContain('The cables name people');
  });

  it('links a licence whose text cablepress does not ship', () => {
    const text = licenceFile({ ...input.descriptor, licenses: [{ name: 'CC-BY-4.0', path: 'https://spdx.org/licenses/CC-BY-4.0.html' }] });
    expect(text).toContain('## Legal code\n\nSee https://spdx.org/licenses/CC-BY-4.0.html.');
    expect(text).not.toContain('Statement of Purpose');
  });
});
