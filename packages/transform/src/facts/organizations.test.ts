import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeCableBytes, parseCable } from '@cablepress/extract';
import { describe, expect, it } from 'vitest';
import { corpusDir, corpusExtraDir, seedCable } from '../../../../tests/test-utils.js';
import { extractFacts } from './extract.js';
import { findDefinitions, findNamedNgos, mergeOrganizations, OrganizationScan } from './organizations.js';
import { tokenize } from './text.js';

describe('findDefinitions', () => {
  it('finds acronyms the cable defines, with their long form', () => {
    const text =
      "referral of domestic victims of trafficking, proactively identified by local authorities, to a shelter run by the Lao Women's Union (LWU). The Secretariat of that organization is presided over by the Director of Investigations, Ministry of Public Security (MOPS). While the UN Interagency Project on People Trafficking (UNIAP) believes the number of minorities trafficked to Thailand is small";
    expect(findDefinitions(text)).toEqual([
      { name: "Lao Women's Union", acronym: 'LWU' },
      { name: 'Ministry of Public Security', acronym: 'MOPS' },
      { name: 'UN Interagency Project on People Trafficking', acronym: 'UNIAP' },
    ]);
  });

  it('works for other countries and skips acronyms that are not organizations', () => {
    expect(findDefinitions('The Ministry of Social Affairs and Labor (MOSAL) said that fewer children were trafficked')).toEqual([
      { name: 'Ministry of Social Affairs and Labor', acronym: 'MOSAL' },
    ]);
    expect(findDefinitions('The GOL has signed Memoranda of Understanding (MOUs) with IOM')).toEqual([]);
    expect(findDefinitions('The entire text of the 2008 TIP report for Laos is sensitive but unclassified (SBU).')).toEqual([]);
  });
});

describe('mergeOrganizations', () => {
  it('adds up mentions and keeps the first paragraph of the earlier cable', () => {
    const a = [
      {
        org_id: 'iom',
        name: 'International Organization for Migration',
        acronym: 'IOM',
        type: 'international_organization' as const,
        country: null,
        mention_count: 21,
        first_paragraph_id: '08VIENTIANE145-p009',
      },
    ];
    const b = [
      { ...a[0]!, mention_count: 2, first_paragraph_id: '09CAIRO2263-p004' },
      {
        org_id: 'ye-mosal',
        name: 'Ministry of Social Affairs and Labor',
        acronym: 'MOSAL',
        type: 'host_government' as const,
        country: 'YE',
        mention_count: 4,
        first_paragraph_id: '10SANAA295-p008',
      },
    ];
    expect(mergeOrganizations(a, b)).toEqual([{ ...a[0]!, mention_count: 23, first_paragraph_id: '08VIENTIANE145-p009' }, b[1]]);
  });
});

describe('findNamedNgos', () => {
  it('finds non-governmental organizations a cable names without an acronym', () => {
    expect(findNamedNgos('Local NGO Seyaj estimated that children under the age of 18 may make up more than half the fighting force of tribes.')).toEqual([
      'Seyaj',
    ]);
    expect(
      findNamedNgos('One Democracy School employee said that her nephew, who has not yet turned 18, joined the army. Local NGO Democracy School reports that'),
    ).toEqual(['Democracy School']);
    expect(findNamedNgos('The NGO Fundacion Rahab runs a shelter, and the Paniamor Foundation trains hotel staff.')).toEqual([
      'Fundacion Rahab',
      'Paniamor Foundation',
    ]);
  });

  it('leaves public bodies and plain phrases alone', () => {
    expect(findNamedNgos('The Lao Bar Association has 80 members.')).toEqual([]);
    expect(findNamedNgos('NGOs WORKING WITH VICTIMS')).toEqual([]);
    expect(findNamedNgos('NGOs and international organizations work with trafficking victims.')).toEqual([]);
  });
});

describe('OrganizationScan reads mentions a sentence at a time', () => {
  const files = [
    seedCable,
    ...[corpusDir, corpusExtraDir].flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => /\.(txt|html)$/.test(f))
        .map((f) => path.join(dir, f)),
    ),
  ];

  it.each(files.map((file) => path.basename(file)))('%s: the mentions and organizations a scan of whole paragraphs finds', (name) => {
    const file = files.find((f) => path.basename(f) === name)!;
    const cable = parseCable(decodeCableBytes(readFileSync(file), file), { source: file });
    const ids = cable.paragraphs.map((p) => `p${p.seq}`);
    const whole = new OrganizationScan(cable);
    cable.paragraphs.forEach((p, i) => whole.scan(p, ids[i]!, tokenize(p.text)));
    const bySentence = extractFacts(cable, ids);
    const expected = whole.result();
    expect(bySentence.organization_mentions).toEqual(expected.mentions);
    expect(bySentence.organizations).toEqual(expected.organizations);
  });

  it('finds mentions in the vendored cables (the comparison above is not of empty lists)', () => {
    const mentions = files.map((file) => {
      const cable = parseCable(decodeCableBytes(readFileSync(file), file), { source: file });
      return extractFacts(
        cable,
        cable.paragraphs.map((p) => `p${p.seq}`),
      ).organization_mentions.length;
    });
    expect(mentions.filter((n) => n > 0).length).toBeGreaterThan(files.length / 2);
  });
});
