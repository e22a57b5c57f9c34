import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ParquetFile } from 'parquet-wasm';
import { describe, expect, it } from 'vitest';
import { readArrow, readParquetTable } from '../encode/arrow.js';
import { syntheticInput, syntheticTables } from '../fixtures/rows.js';
import { scratchFolder } from '../fixtures/scratch.js';
import { verifyDataset } from '../read/verify.js';
import { writeDataset } from '../commit/write-dataset.js';
import { DatasetStreamWriter } from './dataset-writer.js';

const scratch = (): Promise<string> => scratchFolder('stream');

/** The synthetic tables with `copies` cables, each with its own cable id, so tables have many rows. */
function manyCables(copies: number): Record<string, Record<string, unknown>[]>[] {
  const base = syntheticTables();
  return Array.from({ length: copies }, (_, i) => {
    const id = `08TESTPOST${145 + i}`;
    const swap = (v: unknown) => (typeof v === 'string' ? v.replaceAll('08TESTPOST145', id) : v);
    return Object.fromEntries(
      Object.entries(base)
        .filter(([name]) => name !== 'organizations' && name !== 'indicators')
        .map(([name, rows]) => [name, rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, swap(v)])))]),
    );
  });
}

async function streamed(dir: string, cables: Record<string, Record<string, unknown>[]>[], batchRows: number) {
  const { tables: _, ...meta } = syntheticInput();
  const writer = await DatasetStreamWriter.open(dir, { batchRows });
  for (const cable of cables) await writer.append(cable);
  await writer.append({ organizations: syntheticTables().organizations! });
  return writer.finish(meta);
}

describe('DatasetStreamWriter', () => {
  it('writes the same CSV bytes, Arrow schema and Parquet schema as writeDataset', async () => {
    const [a, b] = [await scratch(), await scratch()];
    // The streaming writer writes every table of the schema; writeDataset the tables it is given, so give it them all.
    await writeDataset(a, syntheticInput({ ...syntheticTables(), indicator_candidates: [] }));
    const { tables: _, ...meta } = syntheticInput();
    const writer = await DatasetStreamWriter.open(b, { batchRows: 1 });
    await writer.append(syntheticTables());
    await writer.finish(meta);
    for (const name of ['cables', 'paragraphs', 'quantities', 'penalties', 'indicators', 'organizations']) {
      expect(await readFile(join(b, `data/${name}.csv`), 'utf8')).toBe(await readFile(join(a, `data/${name}.csv`), 'utf8'));
      const [arrowA, arrowB] = [readArrow(await readFile(join(a, `data/${name}.arrow`))), readArrow(await readFile(join(b, `data/${name}.arrow`)))];
      expect(arrowB.schema).toEqual(arrowA.schema);
      expect(arrowB.numRows).toBe(arrowA.numRows);
      const [pqA, pqB] = [readParquetTable(await readFile(join(a, `data/${name}.parquet`))), readParquetTable(await readFile(join(b, `data/${name}.parquet`)))];
      expect(pqB.schema).toEqual(pqA.schema);
    }
    const [descA, descB] = [JSON.parse(await readFile(join(a, 'datapackage.json'), 'utf8')), JSON.parse(await readFile(join(b, 'datapackage.json'), 'utf8'))];
    const shape = (d: { resources: Record<string, unknown>[] }) =>
      d.resources.filter((r) => String(r.path).startsWith('data/')).map(({ bytes: _b, hash: _h, ...rest }) => rest);
    const namesA = new Set(shape(descA).map((r) => r.name));
    expect(shape(descB).filter((r) => namesA.has(r.name))).toEqual(shape(descA));
  });

  it('writes many batches that verifyDataset accepts: a record batch and a row group per batch', async () => {
    const dir = await scratch();
    const { rowCounts } = await streamed(dir, manyCables(25), 4);
    expect(rowCounts).toMatchObject({ cables: 25, paragraphs: 50, tags: 50, indicators: 0, organizations: 1 });
    expect((await verifyDataset(dir)).filter((f) => f.severity === 'error')).toEqual([]);
    const arrow = readArrow(await readFile(join(dir, 'data/paragraphs.arrow')));
    expect(arrow.batches.map((batch) => batch.numRows)).toEqual([...Array(12).fill(4), 2]);
    expect(arrow.getChild('cable_id')!.get(49)).toBe('08TESTPOST169');
    const parquet = await readFile(join(dir, 'data/paragraphs.parquet'));
    expect(readParquetTable(parquet).numRows).toBe(50);
    const groups = (await ParquetFile.fromFile(new Blob([parquet]))).metadata().rowGroups();
    expect(groups.map((group) => group.numRows())).toEqual([...Array(12).fill(4), 2]);
    const csv = (await readFile(join(dir, 'data/cables.csv'), 'utf8')).split('\r\n');
    expect(csv[0]!.startsWith('cable_id,created,')).toBe(true);
    expect(csv.filter((line) => line.startsWith('cable_id,'))).toHaveLength(1);
    expect(await readdir(dir)).toEqual(['CITATION.cff', 'LICENSE.md', 'README.md', 'data', 'datapackage.json', 'validation.json']);
  });

  it('gives the same bytes for the same rows', async () => {
    const [a, b] = [await scratch(), await scratch()];
    await streamed(a, manyCables(9), 5);
    await streamed(b, manyCables(9), 5);
    for (const file of await readdir(join(a, 'data'))) {
      expect((await readFile(join(b, 'data', file))).equals(await readFile(join(a, 'data', file)))).toBe(true);
    }
  });

  it('leaves the folder untouched when aborted', async () => {
    const dir = await scratch();
    const writer = await DatasetStreamWriter.open(dir, { batchRows: 2 });
    await writer.append(manyCables(3)[0]!);
    await writer.abort();
    expect(await readdir(dir)).toEqual([]);
  });
});
