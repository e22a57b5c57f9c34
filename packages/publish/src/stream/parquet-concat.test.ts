import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ParquetFile } from 'parquet-wasm';
import { describe, expect, it } from 'vitest';
import { allTables, type TableDef } from '@cablepress/validate';
import { parquetBytes, readParquetTable, rowsToArrow, arrowRowsAsText } from '../encode/arrow.js';
import { syntheticTables } from '../fixtures/rows.js';
import { scratchFolderSync } from '../fixtures/scratch.js';
import { ParquetConcat, splitParquet } from './parquet-concat.js';
import { readThriftStruct, writeThriftStruct } from './thrift-compact.js';

const paragraphs = allTables.find((t) => t.name === 'paragraphs') as TableDef;
const rows = syntheticTables().paragraphs!;
/** The paragraphs of cable `n`: the synthetic rows under their own cable id. */
const cable = (n: number) =>
  rows.map((row) => ({ ...row, cable_id: `08TESTPOST${n}`, paragraph_id: `08TESTPOST${n}-${String(row.paragraph_id).split('-').pop()}` }));

const tmp = scratchFolderSync('concat');
const spill = path.join(tmp, 'paragraphs.row-groups');

function joined(parts: Uint8Array[]): Uint8Array {
  const concat = new ParquetConcat(spill);
  const chunks = parts.flatMap((p) => concat.add(p));
  return Buffer.concat([...chunks, concat.finish()]);
}

describe('Thrift compact codec', () => {
  it('writes back the footer of a real Parquet file byte for byte', () => {
    const bytes = parquetBytes(rowsToArrow(paragraphs, cable(1)));
    const footerLength = Buffer.from(bytes).readUInt32LE(bytes.length - 8);
    const footer = bytes.subarray(bytes.length - 8 - footerLength, bytes.length - 8);
    expect(Buffer.from(writeThriftStruct(readThriftStruct(footer))).equals(Buffer.from(footer))).toBe(true);
  });
});

describe('ParquetConcat', () => {
  it('joins parts into one file whose row groups are the parts, rows in order', async () => {
    const parts = [1, 2, 3].map((n) => parquetBytes(rowsToArrow(paragraphs, cable(n))));
    const file = joined(parts);
    const table = readParquetTable(file);
    expect(table.numRows).toBe(rows.length * 3);
    expect(arrowRowsAsText(table)).toEqual(arrowRowsAsText(rowsToArrow(paragraphs, [...cable(1), ...cable(2), ...cable(3)])));
    expect(table.schema).toEqual(readParquetTable(parts[0]!).schema);
    const groups = (await ParquetFile.fromFile(new Blob([file]))).metadata().rowGroups();
    expect(groups.map((g) => g.numRows())).toEqual([rows.length, rows.length, rows.length]);
    expect(existsSync(spill)).toBe(false);
  });

  it('keeps the row-group descriptions in the spill file until the footer, which copies them', () => {
    const concat = new ParquetConcat(spill);
    for (const n of [1, 2]) concat.add(parquetBytes(rowsToArrow(paragraphs, cable(n))));
    const spilled = readFileSync(spill);
    expect(spilled.length).toBeGreaterThan(100);
    const footer = Buffer.from(concat.finish());
    expect(footer.indexOf(spilled)).toBeGreaterThan(0);
    expect(existsSync(spill)).toBe(false);
  });

  it('gives the same bytes as the one part when there is one', () => {
    const part = parquetBytes(rowsToArrow(paragraphs, cable(7)));
    expect(Buffer.from(joined([part])).equals(Buffer.from(part))).toBe(true);
  });

  it('refuses bytes that are not a Parquet file', () => {
    expect(() => splitParquet(Buffer.from('not a parquet file at all'))).toThrow(/PAR1/);
  });
});
