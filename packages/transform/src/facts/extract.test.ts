import type { Cable } from '@cablepress/extract';
import { describe, expect, it } from 'vitest';
import { extractFacts } from './extract.js';

/** A cable with one paragraph per text, each set in the source after a header line, lines wrapped as in a cable. */
function handBuilt(id: string, tags: string[], texts: string[]): Cable {
  let source = `${id}\n\n`;
  const paragraphs = texts.map((raw, index) => {
    const start = source.length;
    const wrapped = raw.replace(/(.{1,30})(?: |$)/g, '$1\n').trimEnd();
    source += `${wrapped}\n\n`;
    const offsets = new Int32Array(raw.length);
    for (let i = 0, j = start; i < raw.length; i++, j++) offsets[i] = j;
    return {
      seq: index + 1,
      number: index + 1,
      section: null,
      key: null,
      kind: 'paragraph' as const,
      classification: null,
      text: raw,
      span: { start, end: start + wrapped.length },
      offsets,
    };
  });
  return {
    id,
    sourceId: id,
    format: 'cablegate-text',
    sourceName: null,
    source,
    created: null,
    classification: null,
    classificationCaveats: [],
    classificationReasons: [],
    origin: null,
    title: null,
    transmissionId: null,
    precedence: null,
    dtg: null,
    from: null,
    to: [],
    info: [],
    handling: [],
    eo: null,
    nondisclosureDeadline: null,
    tags,
    subject: '',
    references: [],
    classifiedBy: [],
    signedBy: [],
    summary: null,
    paragraphs,
    truncated: false,
    partial: false,
    warnings: [],
    fieldSpans: {},
  };
}

describe('extractFacts on a cable from another country', () => {
  const cable = handBuilt(
    '10SANAA295',
    ['KTIP', 'YM'],
    [
      'The Ministry of Social Affairs and Labor (MOSAL) said that fewer children were trafficked to Saudi Arabia in 2009 (602) compared to 2008 (900), but these figures are inaccurate.',
      'According to MOSAL, 602 children were trafficked to Saudi Arabia in 2009. A fine of 50,000 rials was imposed.',
    ],
  );
  const facts = extractFacts(cable, ['10SANAA295-p001', '10SANAA295-p002']);

  it('keeps every span true to the source, across wrapped lines', () => {
    for (const rows of [facts.quantities, facts.events, facts.organization_mentions]) {
      for (const row of rows) expect(cable.source.slice(row.char_start, row.char_end)).toBe(row.text);
    }
    expect(facts.organization_mentions[0]!.text).toContain('\n');
  });

  it('reads its figures, dates and currency', () => {
    expect(facts.quantities.map((q) => [q.quantity_id, q.value, q.kind, q.unit, q.counted])).toEqual([
      ['10SANAA295-p001-q01', 602, 'count', null, null],
      ['10SANAA295-p001-q02', 900, 'count', null, null],
      ['10SANAA295-p002-q01', 602, 'count', null, 'children'],
      ['10SANAA295-p002-q02', 50000, 'money', 'YER', null],
    ]);
    expect(facts.events.map((e) => e.text)).toEqual(['2009', '2008', '2009']);
  });

  it('types the ministry it defines as the host government, under an id prefixed with the ISO code of the tag YM', () => {
    expect(facts.organizations).toEqual([
      {
        org_id: 'ye-mosal',
        name: 'Ministry of Social Affairs and Labor',
        acronym: 'MOSAL',
        type: 'host_government',
        country: 'YE',
        mention_count: 2,
        first_paragraph_id: '10SANAA295-p001',
      },
    ]);
  });

  it('refuses paragraph ids that do not match the paragraphs', () => {
    expect(() => extractFacts(cable, ['10SANAA295-p001'])).toThrow(RangeError);
  });
});

describe('organisations in a cable written in capitals (72TEHRAN5055)', () => {
  it('does not take the pronoun WHO for the World Health Organization', () => {
    const cable = handBuilt(
      '72TEHRAN5055',
      ['PINS', 'IR'],
      [
        'CHIEF OF NATIONAL POLICE LTG JAFFARQOLI SADRI ASSURED EMBOFF AUG. 17 THAT CURRENT FLURRY OF INCIDENTS CONSTITUTES DYING GASP OF GUERRILLAS WHO, HE CLAIMS, HAVE BEEN REDUCED BY TWO THIRDS IN PAST YEAR.',
      ],
    );
    expect(extractFacts(cable, ['72TEHRAN5055-p001']).organization_mentions).toEqual([]);
  });

  it('takes WHO for the organisation when the cable names it', () => {
    const cable = handBuilt(
      '72TEHRAN5056',
      ['PINS', 'IR'],
      ['THE WORLD HEALTH ORGANIZATION SENT A TEAM TO TEHRAN.', 'WHO WILL REPORT ON THE OUTBREAK NEXT WEEK.'],
    );
    expect(extractFacts(cable, ['72TEHRAN5056-p001', '72TEHRAN5056-p002']).organization_mentions.map((m) => m.org_id)).toEqual(['who']);
  });
});
