import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import pl from 'nodejs-polars';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, corpusDir, readCsv, scratchFolder, seedDataset } from './helpers.js';

let root: string;

/** Rows of a table per partition value, counted from the CSV joined to cables.csv. */
async function csvCounts(out: string, table: string, partition: (cable: Record<string, string>) => string): Promise<Record<string, number>> {
  const cables = new Map((await readCsv(path.join(out, 'data/cables.csv'))).map((c) => [c.cable_id!, partition(c)]));
  const counts: Record<string, number> = {};
  for (const row of await readCsv(path.join(out, `data/${table}.csv`))) {
    const key = cables.get(row.cable_id!)!;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

async function duckdbCounts(out: string, table: string, column: string): Promise<Record<string, number>> {
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  try {
    const glob = path.join(out, `data/${table}/**/*.parquet`).replaceAll("'", "''");
    const result = await connection.runAndReadAll(
      `SELECT CAST(${column} AS VARCHAR) AS k, count(*) AS n FROM read_parquet('${glob}', hive_partitioning=true) GROUP BY ALL`,
    );
    return Object.fromEntries(result.getRowObjectsJson().map((r) => [String(r.k), Number(r.n)]));
  } finally {
    connection.closeSync();
    db.closeSync();
  }
}

function polarsCounts(out: string, table: string, column: string): Record<string, number> {
  const df = pl.scanParquet(path.join(out, `data/${table}/**/*.parquet`), { hivePartitioning: true }).collectSync();
  const counts: Record<string, number> = {};
  for (const value of df.getColumn(column).toArray()) counts[String(value)] = (counts[String(value)] ?? 0) + 1;
  return counts;
}

describe('cablepress build --corpus --partition', () => {
  const outs: Record<string, string> = {};

  beforeAll(async () => {
    root = await scratchFolder('partition');
    const cables = path.join(root, 'cables');
    await cp(corpusDir, cables, { recursive: true });
    await cp(path.join(seedDataset, 'source/08VIENTIANE145.txt'), path.join(cables, '08VIENTIANE145.txt'));
    for (const partition of ['year', 'origin']) {
      outs[partition] = path.join(root, partition, 'tip-corpus');
      const result = await cli(['build', '--corpus', cables, '--out', outs[partition]!, '--partition', partition, '--json']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
  });

  it.each(['quantities', 'paragraphs', 'cables'])(
    'DuckDB and polars read data/%s/**/*.parquet (year=YYYY folders) as one table with a year column',
    async (table) => {
      const expected = await csvCounts(outs.year!, table, (c) => c.created!.slice(0, 4));
      expect(Object.keys(expected).length).toBeGreaterThan(4);
      expect(await duckdbCounts(outs.year!, table, 'year')).toEqual(expected);
      expect(polarsCounts(outs.year!, table, 'year')).toEqual(expected);
    },
  );

  it('partitions by origin, a folder per post, values as the cables table writes them', async () => {
    const expected = await csvCounts(outs.origin!, 'quantities', (c) => c.origin!);
    expect(expected['Embassy Cairo']).toBeGreaterThan(0);
    expect(await duckdbCounts(outs.origin!, 'quantities', 'origin')).toEqual(expected);
    expect(polarsCounts(outs.origin!, 'quantities', 'origin')).toEqual(expected);
  });

  it('puts the indicator candidates, decided once every chunk is in, in the partition of their cable', async () => {
    const expected = await csvCounts(outs.origin!, 'indicator_candidates', (c) => c.origin!);
    expect(expected['Embassy Vientiane']).toBeGreaterThan(0);
    expect(await duckdbCounts(outs.origin!, 'indicator_candidates', 'origin')).toEqual(expected);
  });

  it('describes every partition file in datapackage.json and passes cablepress validate', async () => {
    const descriptor = JSON.parse(await readFile(path.join(outs.year!, 'datapackage.json'), 'utf8'));
    const parts = descriptor.resources.filter((r: { name: string }) => r.name.startsWith('quantities-parquet-'));
    const years = Object.keys(await csvCounts(outs.year!, 'quantities', (c) => c.created!.slice(0, 4))).sort();
    expect(parts.map((r: { path: string }) => r.path)).toEqual(years.map((y) => `data/quantities/year=${y}/part-0.parquet`));
    expect(parts[0]).toMatchObject({ format: 'parquet', partition: { field: 'year', value: years[0] }, hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    expect(descriptor.resources.find((r: { path: string }) => r.path === 'data/organizations.parquet')).toBeDefined();
    expect(descriptor.resources.find((r: { path: string }) => r.path === 'data/quantities.parquet')).toBeUndefined();
    const validated = await cli(['validate', outs.year!, '--json']);
    expect(validated.code).toBe(0);
  });

  it('refuses a partition column it does not know with exit code 2', async () => {
    const result = await cli(['build', '--corpus', corpusDir, '--out', path.join(root, 'bad', 'x'), '--partition', 'tags']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("option '--partition <column>' argument 'tags' is invalid. Allowed choices are year, origin.");
  });
});
