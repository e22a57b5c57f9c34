import { describe, expect, it } from 'vitest';
import { allTables, cablesTable, fieldsOf, paragraphsTable, penaltiesTable } from '@cablepress/validate';
import { checkDescriptor, isSafePath } from './datapackage.js';
import { checkCsvRows, readCell, tableSchemaOf } from './table-schema.js';

describe('tableSchemaOf', () => {
  it('generates every field from the zod schema, in order, with description and constraints', () => {
    for (const table of allTables) {
      const schema = tableSchemaOf(table);
      expect(schema.fields.map((f) => [f.name, f.type, f.description])).toEqual(fieldsOf(table).map((f) => [f.name, f.type, f.description]));
      expect(schema.primaryKey).toEqual(table.primaryKey);
      expect(schema.missingValues).toEqual(['']);
    }
    const cables = tableSchemaOf(cablesTable);
    const field = (name: string) => cables.fields.find((f) => f.name === name);
    expect(field('cable_id')).toMatchObject({ type: 'string', constraints: { required: true, minLength: 1 } });
    expect(field('cable_id')).toHaveProperty('missingValues', []);
    expect(field('subject')).toEqual({ name: 'subject', type: 'string', description: expect.any(String), constraints: { required: true }, missingValues: [] });
    expect(field('title')).toEqual({ name: 'title', type: 'string', description: expect.any(String), constraints: { required: false, minLength: 1 } });
    expect(field('created')).toMatchObject({ type: 'datetime', constraints: { required: false } });
    expect(field('paragraph_count')).toMatchObject({ type: 'integer', constraints: { required: true, minimum: 0 } });
    expect(field('source_format')!.constraints.enum).toEqual(['plusd-text', 'cablegate-text', 'html']);
    expect(tableSchemaOf(paragraphsTable).foreignKeys).toEqual([{ fields: ['cable_id'], reference: { resource: 'cables', fields: ['cable_id'] } }]);
    expect(tableSchemaOf(penaltiesTable).fields.find((f) => f.name === 'fine_min')).toMatchObject({ type: 'number', constraints: { required: false } });
  });
});

describe('readCell', () => {
  it('reads each type strictly and keeps ids as text', () => {
    expect(readCell('string', '000145')).toBe('000145');
    expect(readCell('integer', '000145')).toBe(145);
    expect(readCell('integer', '1.5')).toBeUndefined();
    expect(readCell('number', '1e+21')).toBe(1e21);
    expect(readCell('number', 'NaN')).toBeUndefined();
    expect(readCell('boolean', 'TRUE')).toBeUndefined();
    expect(readCell('date', '2008-02-29')).toBe('2008-02-29');
    expect(readCell('date', '2007-02-29')).toBeUndefined();
    expect(readCell('datetime', '2008-02-29T05:44:00Z')).toBe('2008-02-29T05:44:00Z');
    expect(readCell('datetime', '2008-02-29 05:44')).toBeUndefined();
  });

  it('reads an empty cell as null in nullable columns and as "" in required text columns', () => {
    const schema = tableSchemaOf(cablesTable);
    const header = schema.fields.map((f) => f.name);
    const row = header.map(
      (name) =>
        ({ cable_id: 'X', subject: '', paragraph_count: '0', source_file: 'f', source_format: 'html', source_sha256: '', truncated: 'false' })[name] ?? '',
    );
    const { rows, findings } = checkCsvRows('cables', schema, [header, row]);
    expect(findings).toEqual([]);
    expect(rows[0]).toMatchObject({ subject: '', title: null, created: null, paragraph_count: 0, truncated: false });
  });
});

describe('checkDescriptor', () => {
  it('refuses resource paths that leave the package', () => {
    for (const bad of ['../x.csv', '/etc/passwd', 'data/../../x', 'C:/x.csv', 'data\\x.csv', 'data//x.csv', './x.csv']) expect(isSafePath(bad)).toBe(false);
    expect(isSafePath('data/cables.csv')).toBe(true);
    const findings = checkDescriptor({
      $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
      name: 'x',
      title: 'X',
      description: 'X',
      version: '1.0.0',
      created: '2008-02-29T05:44:00Z',
      licenses: [{ name: 'CC0-1.0' }],
      sources: [],
      contributors: [],
      resources: [{ name: 'x', path: '../../secret', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', bytes: 1, hash: `sha256:${'0'.repeat(64)}` }],
    });
    expect(findings.map((f) => f.code)).toEqual(['DESCRIPTOR_PROFILE', 'DESCRIPTOR_PROFILE', 'RESOURCE_PATH']);
    expect(findings.map((f) => f.path.slice(1).join('/'))).toEqual(['contributors', 'resources/0/path', 'resources/0/path']);
  });
});
