import { ValidationError } from '@cablepress/core';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fieldsOf, indicatorsTable } from '@cablepress/validate';
import { afterEach, describe, expect, it } from 'vitest';
import { readArrow, readParquetTable } from '../encode/arrow.js';
import { syntheticInput, syntheticTables } from '../fixtures/rows.js';
import { scratchFolders, snapshot } from '../fixtures/scratch.js';
import { verifyDataset } from '../read/verify.js';
import { writeDataset } from './write-dataset.js';

const folders = scratchFolders();
const scratch = folders.make;
afterEach(folders.cleanup);

describe('writeDataset', () => {
  it('writes every table as CSV, Arrow and Parquet with a descriptor and README', async () => {
    const dir = await scratch();
    const { files, descriptor } = await writeDataset(dir, syntheticInput());
    expect(files).toContain('data/cables.csv');
    expect(files).toContain('data/indicators.parquet');
    expect(files.slice(-4)).toEqual(['datapackage.json', 'README.md', 'LICENSE.md', 'CITATION.cff']);
    expect(descriptor.resources.map((r) => r.name).slice(0, 3)).toEqual(['cables', 'cables-arrow', 'cables-parquet']);
    expect(descriptor.resources).toHaveLength(13 * 3 + 1);
    expect(await readdir(dir)).toEqual(['CITATION.cff', 'LICENSE.md', 'README.md', 'data', 'datapackage.json', 'validation.json']);
    expect(await verifyDataset(dir)).toEqual([]);
  });

  it('writes CSV with CRLF, schema column order, null as empty and formulas untouched', async () => {
    const dir = await scratch();
    await writeDataset(dir, syntheticInput());
    const csv = await readFile(join(dir, 'data/paragraphs.csv'), 'utf8');
    expect(csv.startsWith('paragraph_id,cable_id,seq,number,section,key,kind,classification_marking,text,char_start,char_end,citation\r\n')).toBe(true);
    expect(csv).toContain(',=SUM(A1:A9) looks like a formula; so do +1 and @home.,');
    expect(csv).toContain(
      '08TESTPOST145-p002,08TESTPOST145,2,,,A and B,list_item,,"-5 percent, ""quoted"", ünïcödé ລາວ and a\r\nCRLF inside.",161,230,"paragraph 2, A and B"\r\n',
    );
    const recipients = await readFile(join(dir, 'data/recipients.csv'), 'utf8');
    expect(recipients).toContain(',000145\r\n');
  });

  it('keeps declared types, descriptions and values in Arrow and Parquet', async () => {
    const dir = await scratch();
    await writeDataset(dir, syntheticInput());
    for (const ext of ['arrow', 'parquet']) {
      const bytes = new Uint8Array(await readFile(join(dir, `data/cables.${ext}`)));
      const table = ext === 'arrow' ? readArrow(bytes) : readParquetTable(bytes);
      expect(table.schema.metadata.get('description')).toMatch(/^One row per cable/);
      const created = table.schema.fields.find((f) => f.name === 'created')!;
      expect(String(created.type)).toBe('Timestamp<MILLISECOND, UTC>');
      expect(created.metadata.get('description')).toMatch(/^When the cable was created/);
      expect(table.getChild('created')!.get(0)).toBe(Date.UTC(2008, 1, 29, 5, 44));
      expect(String(table.schema.fields.find((f) => f.name === 'paragraph_count')!.type)).toBe('Int32');
      expect(table.getChild('subject')!.get(0)).toBe('');
      expect(table.getChild('title')!.get(0)).toBeNull();
    }
    const events = readArrow(new Uint8Array(await readFile(join(dir, 'data/events.arrow'))));
    expect(String(events.schema.fields.find((f) => f.name === 'date_end')!.type)).toBe('Date32<DAY>');
    expect(events.getChild('date_end')!.get(0)).toBe(Date.UTC(2008, 1, 29));
  });

  it('writes an empty table as a header line and zero-row Arrow and Parquet files', async () => {
    const dir = await scratch();
    await writeDataset(dir, syntheticInput({ ...syntheticTables(), indicators: [] }));
    expect(await readFile(join(dir, 'data/indicators.csv'), 'utf8')).toBe(
      `${fieldsOf(indicatorsTable)
        .map((f) => f.name)
        .join(',')}\r\n`,
    );
    expect(readArrow(new Uint8Array(await readFile(join(dir, 'data/indicators.arrow')))).numRows).toBe(0);
    expect(readParquetTable(new Uint8Array(await readFile(join(dir, 'data/indicators.parquet')))).numRows).toBe(0);
    expect(await verifyDataset(dir)).toEqual([]);
  });

  it('is deterministic: two runs give byte-identical files', async () => {
    const a = await scratch();
    const b = await scratch();
    await writeDataset(a, syntheticInput());
    await writeDataset(b, syntheticInput());
    await writeDataset(b, syntheticInput());
    expect(await snapshot(b)).toEqual(await snapshot(a));
  });

  it('rejects rows that break their schema before writing anything', async () => {
    const dir = await scratch();
    await writeDataset(dir, syntheticInput());
    const before = await snapshot(dir);
    const tables = syntheticTables();
    tables.tags![0]!.position = 'one';
    await expect(writeDataset(dir, { ...syntheticInput(tables), version: '9.9.9' })).rejects.toThrow(/table tags breaks its schema/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('refuses an empty string in a nullable text column, which CSV cannot tell from null', async () => {
    const tables = syntheticTables();
    tables.tags![1]!.description = '';
    const error = await writeDataset(await scratch(), syntheticInput(tables)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe('TABLE_SCHEMA');
    expect((error as ValidationError).message).toMatch(/tags row 2: description: /);
  });

  it('leaves the previous files exactly as they were when a write fails midway', async () => {
    const dir = await scratch();
    await writeDataset(dir, syntheticInput());
    await writeFile(join(dir, 'CHANGELOG.md'), '# kept\n');
    const before = await snapshot(dir);
    let count = 0;
    const failing = writeDataset(
      dir,
      { ...syntheticInput(), version: '2.0.0' },
      {
        onFile: () => {
          count += 1;
          if (count === 17) throw new Error('disk full (injected)');
        },
      },
    );
    await expect(failing).rejects.toThrow('disk full (injected)');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('replaces files a previous version published but this one does not', async () => {
    const dir = await scratch();
    await writeDataset(dir, syntheticInput());
    const { extraFiles: _, ...withoutExtra } = syntheticInput();
    await writeDataset(dir, withoutExtra);
    expect(await readdir(dir)).toEqual(['CITATION.cff', 'LICENSE.md', 'README.md', 'data', 'datapackage.json']);
  });
});
