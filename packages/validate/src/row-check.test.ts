import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileRowCheck } from './row-check.js';
import { defineTable, fieldsOf, type FieldDef, type TableDef } from './table.js';
import { allTables } from './tables.js';

/** A value each column type accepts. */
function goodValue(field: FieldDef): unknown {
  if (field.enum) return field.enum[field.enum.length - 1];
  switch (field.type) {
    case 'string':
      return 'x';
    case 'integer':
      return 7;
    case 'number':
      return 1.5;
    case 'boolean':
      return false;
    case 'date':
      return '2008-02-29';
    case 'datetime':
      return '2008-02-29T05:44:00Z';
  }
}

/** Cells of every kind, good and bad for some column: each is put in every column of every table. */
const CELLS: unknown[] = [
  null,
  undefined,
  '',
  'x',
  ' ',
  '2008-02-29',
  '2007-02-29',
  '2008-13-01',
  '2008-02-29T05:44:00Z',
  '2008-02-29T05:44:00.123Z',
  '2008-02-29T05:44:00',
  '2008-02-29T05:44:00+07:00',
  '2008-02-29 05:44:00Z',
  '2008-02-29\n',
  0,
  -0,
  7,
  -1,
  1.5,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  -(2 ** 31) - 1,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  true,
  false,
  'true',
  '7',
  [],
  {},
  ['x'],
  new Date(0),
  7n,
  Symbol('cell'),
];

/** Every enumeration value of the tables, and near misses, as cells too. */
const ENUM_CELLS = allTables.flatMap((t) => fieldsOf(t as TableDef).flatMap((f) => f.enum ?? [])).flatMap((v) => [v, v.toUpperCase(), ` ${v}`]);

const strict = new Map<TableDef, z.ZodObject>();
const zodSays = (table: TableDef, row: unknown) => {
  if (!strict.has(table)) strict.set(table, (table.row as z.ZodObject).strict());
  return strict.get(table)!.safeParse(row).success;
};

describe.each(allTables.map((t) => [t.name, t as TableDef] as const))('the row check compiled for %s', (_, table) => {
  const check = compileRowCheck(table);
  const good = Object.fromEntries(fieldsOf(table).map((f) => [f.name, goodValue(f)]));

  it('accepts a good row, and compiles once', () => {
    expect(zodSays(table, good)).toBe(true);
    expect(check(good)).toBe(true);
    expect(compileRowCheck(table)).toBe(check);
  });

  it('gives zod’s verdict on every kind of cell in every column', () => {
    let refused = 0;
    for (const field of fieldsOf(table)) {
      for (const cell of [...CELLS, ...ENUM_CELLS]) {
        const row = { ...good, [field.name]: cell };
        expect([field.name, cell, check(row)]).toEqual([field.name, cell, zodSays(table, row)]);
        if (!check(row)) refused++;
      }
    }
    expect(refused).toBeGreaterThan(fieldsOf(table).length);
  });

  it('gives zod’s verdict on rows of the wrong shape', () => {
    const [first] = Object.keys(good);
    const { [first!]: _, ...missing } = good;
    const rows: unknown[] = [
      { ...good, extra: 'x' },
      { ...good, extra: undefined },
      missing,
      { ...good, [first!]: undefined },
      Object.assign(Object.create(null) as object, good),
      [good],
      null,
      'row',
      42,
    ];
    for (const row of rows) expect(check(row)).toBe(zodSays(table, row));
  });

  it('never accepts a row zod refuses, even one it is unsure of (an object of a class, inherited columns)', () => {
    class Row {
      constructor() {
        Object.assign(this, good);
      }
    }
    for (const row of [new Row(), Object.create(good) as object]) {
      if (check(row)) expect(zodSays(table, row)).toBe(true);
    }
  });
});

describe('compileRowCheck refuses a schema it cannot read in full', () => {
  const table = (row: z.ZodObject) => defineTable({ name: 't', title: 't', description: 't', row, primaryKey: [], foreignKeys: [] }) as TableDef;

  it.each([
    ['an array column', z.object({ a: z.array(z.string()) })],
    ['an optional column', z.object({ a: z.string().optional() })],
    ['a refinement', z.object({ a: z.string().refine((s) => s !== 'x') })],
    ['a string check it does not know', z.object({ a: z.string().startsWith('x') })],
    ['a number format it does not know', z.object({ a: z.uint32() })],
  ])('%s', (_, row) => {
    expect(() => compileRowCheck(table(row))).toThrow(/compileRowCheck: t\.a uses/);
  });

  it('and reads the checks it knows', () => {
    const check = compileRowCheck(table(z.object({ a: z.string().max(2).regex(/^a/), b: z.number().lt(3).gt(1) })));
    expect([check({ a: 'ab', b: 2 }), check({ a: 'abc', b: 2 }), check({ a: 'ba', b: 2 }), check({ a: 'ab', b: 3 }), check({ a: 'ab', b: 1 })]).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});
