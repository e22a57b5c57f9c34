import { describe, expect, it, vi } from 'vitest';
import { cablesTable, tagsTable } from './core-tables.js';
import { quantitiesTable } from './fact-tables.js';
import { checkRows } from './rows.js';

describe('checkRows (slow on hostile input: a strict schema was built for every row)', () => {
  it('builds the strict schema at most once per table, however many rows and calls', () => {
    const strict = vi.spyOn(quantitiesTable.row, 'strict');
    try {
      checkRows(
        quantitiesTable,
        Array.from({ length: 500 }, () => ({})),
      );
      checkRows(
        quantitiesTable,
        Array.from({ length: 500 }, () => ({})),
      );
      expect(strict.mock.calls.length).toBeLessThanOrEqual(1);
    } finally {
      strict.mockRestore();
    }
  });

  it('still reports every bad row and unknown column', () => {
    const findings = checkRows(quantitiesTable, [{}, { extra: 1 }]);
    expect(findings.filter((f) => f.path[1] === 0).length).toBeGreaterThan(0);
    expect(findings.some((f) => f.path[1] === 1 && /extra/.test(f.message))).toBe(true);
  });
});

/** A cables row that fits its schema. */
const good: Record<string, unknown> = {
  cable_id: '08VIENTIANE145',
  created: '2008-02-29T05:44:00Z',
  classification: 'UNCLASSIFIED',
  origin: 'Embassy Vientiane',
  subject: 'EIGHTH ANNUAL TIP REPORT FOR LAOS',
  title: null,
  precedence: 'R',
  dtg: '290544Z FEB 08',
  transmission_id: null,
  sender: 'AMEMBASSY VIENTIANE',
  handling: null,
  classified_by: null,
  signed_by: 'HASLACH',
  paragraph_count: 120,
  source_file: '08VIENTIANE145.txt',
  source_format: 'plusd-text',
  source_sha256: 'ab',
  truncated: false,
  classified_by_role: null,
  country: 'LA',
  country_name: 'Laos',
};

describe('checkRows: every kind of bad cell is refused', () => {
  const cases: [string, Record<string, unknown>][] = [
    ['a count that is not whole', { paragraph_count: 1.5 }],
    ['a count that is not a number', { paragraph_count: Number.NaN }],
    ['an infinite count', { paragraph_count: Number.POSITIVE_INFINITY }],
    ['a count past 32 bits', { paragraph_count: 2 ** 31 }],
    ['a datetime without its zone', { created: '2008-02-29T05:44:00' }],
    ['a 29 February outside a leap year', { created: '2007-02-29T05:44:00Z' }],
    ['a value outside the enum', { source_format: 'pdf' }],
    ['an empty id', { cable_id: '' }],
    ['a required column left undefined', { subject: undefined }],
    ['a number for a string', { subject: 145 }],
    ['an unknown column', { extra: 'x' }],
    ['an unknown column holding undefined', { extra: undefined }],
    ['a string for a boolean', { truncated: 'false' }],
  ];

  it('accepts a good cables row', () => {
    expect(checkRows(cablesTable, [good])).toEqual([]);
  });

  it.each(cases)('refuses %s', (_, change) => {
    expect(checkRows(cablesTable, [{ ...good, ...change }]).map((f) => f.code)).toContain('ROW_SCHEMA');
  });
});

describe('checkRows: primary keys', () => {
  const tag = (cable_id: string, position: number) => ({ cable_id, position, tag: 'PHUM', description: null });
  const dupes = (rows: unknown[], table = tagsTable) => checkRows(table, rows).filter((f) => f.code === 'PRIMARY_KEY_DUPLICATE');

  it('finds a key of several columns given twice, and names it', () => {
    const found = dupes([tag('08VIENTIANE145', 1), tag('08VIENTIANE145', 2), tag('08VIENTIANE146', 1), tag('08VIENTIANE145', 1)]);
    expect(found.map((f) => [f.path, f.message])).toEqual([[['tags', 3], 'tags row 4: duplicate primary key (cable_id, position) = ["08VIENTIANE145",1]']]);
  });

  it('finds a key of one column given twice, and names it as JSON', () => {
    const cable = (cable_id: string) => ({ ...good, cable_id });
    const found = dupes([cable('08VIENTIANE145'), cable('08VIENTIANE146'), cable('08VIENTIANE145')], cablesTable);
    expect(found.map((f) => f.message)).toEqual(['cables row 3: duplicate primary key (cable_id) = ["08VIENTIANE145"]']);
  });
});
