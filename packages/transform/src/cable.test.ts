import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCable } from '@cablepress/extract';
import { cablesTable, checkRows, paragraphsTable, recipientsTable, referencesTable, tagsTable } from '@cablepress/validate';
import { describeTag, paragraphId, transformCable } from './index.js';

const seedFile = new URL('../../../datasets/laos-tip-2008/source/08VIENTIANE145.txt', import.meta.url);
const cable = parseCable(readFileSync(seedFile, 'utf8'), { source: '08VIENTIANE145.txt' });
const tables = transformCable(cable, { file: '08VIENTIANE145.txt', sha256: 'ab'.repeat(32) });

describe('transformCable on the seed', () => {
  it('gives one cables row with the header metadata', () => {
    expect(tables.cables).toEqual([
      expect.objectContaining({
        cable_id: '08VIENTIANE145',
        dtg: '290544Z FEB 08',
        precedence: 'PRIORITY',
        sender: 'AMEMBASSY VIENTIANE',
        paragraph_count: tables.paragraphs.length,
        source_file: '08VIENTIANE145.txt',
        source_format: 'plusd-text',
        truncated: true,
      }),
    ]);
    expect(tables.cables[0]!.handling).toMatch(/^SIPDIS; STATE ALSO PASS TO USAID; SENSITIVE/);
  });

  it('numbers paragraphs with stable ids and keeps their spans', () => {
    expect(tables.paragraphs[0]).toMatchObject({ paragraph_id: '08VIENTIANE145-p001', seq: 1, number: 1, section: 'SUMMARY', classification_marking: 'SBU' });
    const five = tables.paragraphs.find((p) => p.number === 5)!;
    expect(five.text).toMatch(/^The penal code was amended in 2006/);
    expect(cable.source.slice(five.char_start, five.char_end)).toMatch(/^The penal code was amended|^5\. \(SBU\) The penal code/);
  });

  it('publishes the country of the cable as a code and a name, from the one countries file', () => {
    expect(tables.cables[0]).toMatchObject({ country: 'LA', country_name: 'Laos' });
  });

  it('publishes each paragraph\u2019s citation: the printed number, else the place, section and (inherited) reftel key', () => {
    const cite = (seq: number) => tables.paragraphs.find((p) => p.seq === seq)!.citation;
    expect(cite(5)).toBe('\u00b6 5');
    expect(cite(79)).toBe('paragraph 79, section XXIX G and H');
    expect(cite(81)).toBe('paragraph 81, section XXIX I');
  });

  it('keeps tags, recipients and references in order', () => {
    expect(tables.tags.map((t) => `${t.position}:${t.tag}`)).toEqual([
      '1:KCRM',
      '2:PHUM',
      '3:KWMN',
      '4:ELAB',
      '5:SMIG',
      '6:ASEC',
      '7:PREF',
      '8:KFRD',
      '9:PREL',
      '10:LA',
    ]);
    expect(tables.tags[0]!.description).toBe('Criminal activity');
    expect(tables.recipients.filter((r) => r.role === 'info').map((r) => r.routing_indicator)).toEqual([
      'RUCNASE',
      'RUEAWJA',
      'RHEFHLC',
      'RUEATRS',
      'RUEHC',
      'RUEHBJ',
    ]);
    expect(tables.cable_references).toEqual([
      { cable_id: '08VIENTIANE145', position: 1, bullet: null, text: 'STATE 2731', kind: 'cable', referenced_cable_id: '08STATE2731' },
    ]);
  });

  it('produces rows that fit their table schemas', () => {
    for (const [table, rows] of [
      [cablesTable, tables.cables],
      [paragraphsTable, tables.paragraphs],
      [tagsTable, tables.tags],
      [recipientsTable, tables.recipients],
      [referencesTable, tables.cable_references],
    ] as const) {
      expect(checkRows(table, rows)).toEqual([]);
    }
  });

  it('writes empty header values as null, never as empty strings', () => {
    const stub = transformCable(
      { ...cable, title: '', dtg: '', handling: [], to: [{ route: '', name: 'SECSTATE WASHDC', precedence: '', mcn: '' }] },
      { file: 'x.txt', sha256: 'ab'.repeat(32) },
    );
    expect(stub.cables[0]).toMatchObject({ title: null, dtg: null, handling: null });
    expect(stub.recipients[0]).toMatchObject({ routing_indicator: null, precedence: null, serial: null });
  });
});

describe('helpers', () => {
  it('pads paragraph ids to three digits', () => {
    expect(paragraphId('09CAIRO2263', 7)).toBe('09CAIRO2263-p007');
    expect(paragraphId('10SANAA295', 1234)).toBe('10SANAA295-p1234');
  });

  it('describes known tags and returns null for unknown ones', () => {
    expect(describeTag('ktip')).toBe('Trafficking in persons');
    expect(describeTag('IC')).toBe('Country: Iceland');
    expect(describeTag('ZZZZ')).toBeNull();
  });
});
