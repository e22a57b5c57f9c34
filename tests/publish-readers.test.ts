import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import pl from 'nodejs-polars';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allTables, fieldsOf, type FieldType } from '@cablepress/validate';
import { writeDataset, type DataPackage } from '@cablepress/publish';
import { syntheticInput } from '../packages/publish/src/fixtures/rows.js';
import { repoScratch } from './publish-helpers.js';

const run = promisify(execFile);
let dir: string;
let remove: () => Promise<void>;

beforeAll(async () => {
  ({ dir, remove } = await repoScratch('publish-readers'));
  await writeDataset(dir, syntheticInput());
});
afterAll(() => remove());

const POLARS: Record<FieldType, string> = {
  string: 'DataType(String)',
  integer: 'DataType(Int32)',
  number: 'DataType(Float64)',
  boolean: 'DataType(Bool)',
  date: 'DataType(Date)',
  datetime: 'DataType(Datetime(ms,UTC))',
};
const DUCKDB: Record<FieldType, string> = {
  string: 'VARCHAR',
  integer: 'INTEGER',
  number: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DATE',
  datetime: 'TIMESTAMP WITH TIME ZONE',
};

/** Arrow cell as the text the CSV holds (dates as ISO dates, timestamps as ISO UTC without a zero fraction). */
function arrowText(type: FieldType, value: unknown): string {
  if (value === null) return '';
  if (type === 'date') return new Date(Number(value)).toISOString().slice(0, 10);
  if (type === 'datetime') return new Date(Number(value)).toISOString().replace('.000Z', 'Z');
  return String(value);
}

describe('independent readers load what we publish', () => {
  it.each(allTables.map((t) => t.name))('nodejs-polars reads data/%s.arrow with the declared dtypes', (name) => {
    const table = allTables.find((t) => t.name === name)!;
    const frame = pl.readIPC(readFileSync(path.join(dir, `data/${name}.arrow`)));
    const dtypes = Object.fromEntries(Object.entries(frame.schema).map(([column, dtype]) => [column, String(dtype)]));
    expect(dtypes).toEqual(Object.fromEntries(fieldsOf(table).map((f) => [f.name, POLARS[f.type]])));
    expect(frame.height).toBe(syntheticInput().tables[name]!.length);
  });

  it('DuckDB reads every Parquet file with the declared types and row counts', async () => {
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    for (const table of allTables) {
      const file = path.join(dir, `data/${table.name}.parquet`).replaceAll("'", "''");
      const described = (await db.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`)).getRowObjectsJson();
      expect(described.map((r) => [r.column_name, r.column_type])).toEqual(fieldsOf(table).map((f) => [f.name, DUCKDB[f.type]]));
      const [count] = (await db.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_parquet('${file}')`)).getRowObjectsJson();
      expect(count!.n).toBe(syntheticInput().tables[table.name]!.length);
    }
    const [row] = (
      await db.runAndReadAll(`SELECT value, value_max FROM read_parquet('${path.join(dir, 'data/quantities.parquet')}') ORDER BY quantity_id LIMIT 1`)
    ).getRowObjectsJson();
    expect(row).toEqual({ value: 0.1, value_max: 1e21 });
  });

  it.each(allTables.map((t) => t.name))('the CSV of %s read with every value as a string equals the Arrow table', (name) => {
    const table = allTables.find((t) => t.name === name)!;
    const fields = fieldsOf(table);
    const csv = pl.readCSV(readFileSync(path.join(dir, `data/${name}.csv`), 'utf8'), { inferSchemaLength: 0, quoteChar: '"' });
    const arrow = tableFromIPC(readFileSync(path.join(dir, `data/${name}.arrow`)));
    expect(csv.columns).toEqual(fields.map((f) => f.name));
    const fromCsv = csv.toRecords().map((r) => fields.map((f) => (r[f.name] === null ? '' : String(r[f.name]))));
    const fromArrow = Array.from({ length: arrow.numRows }, (_, i) => fields.map((f) => arrowText(f.type, arrow.getChild(f.name)!.get(i))));
    expect(fromCsv).toEqual(fromArrow);
  });

  it('keeps ids as text and formula-like cells unaltered in every format', async () => {
    const recipients = pl.readIPC(readFileSync(path.join(dir, 'data/recipients.arrow')));
    expect(recipients.getColumn('serial').toArray()).toEqual(['000145']);
    const text = await readFile(path.join(dir, 'data/paragraphs.csv'), 'utf8');
    expect(text).toContain(',=SUM(A1:A9) looks like a formula; so do +1 and @home.,');
    const paragraphs = tableFromIPC(readFileSync(path.join(dir, 'data/paragraphs.arrow')));
    expect(paragraphs.getChild('text')!.get(1)).toBe('-5 percent, "quoted", ünïcödé ລາວ and a\r\nCRLF inside.');
  });
});

describe('the README loading snippets run as written', () => {
  const snippets = async (lang: string) => {
    const readme = await readFile(path.join(dir, 'README.md'), 'utf8');
    return [...readme.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
  };

  it('runs every JavaScript snippet (apache-arrow, nodejs-polars, DuckDB) with node', async () => {
    const blocks = await snippets('js');
    expect(blocks).toHaveLength(3);
    const outputs: string[] = [];
    for (const [i, code] of blocks.entries()) {
      const file = path.join(dir, `snippet-${i}.mjs`);
      await writeFile(file, code);
      outputs.push((await run(process.execPath, [file], { cwd: dir })).stdout);
    }
    expect(outputs[0]).toMatch(/^1 \[\n {2}'indicator_id: Utf8',/);
    expect(outputs[1]).toMatch(/^1 \{/);
    expect(outputs[1]).toContain('value: DataType(Float64)');
    expect(outputs[2]).toContain('{ n: 1 }');
  });

  const python = '/usr/bin/python3';
  const hasPandas = (() => {
    try {
      execFileSync(python, ['-c', 'import pandas'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!hasPandas)('runs the pandas snippet with Debian python3-pandas', async () => {
    const code = (await snippets('python')).find((block) => block.includes('def load(name):'))!;
    const descriptor = JSON.parse(await readFile(path.join(dir, 'datapackage.json'), 'utf8')) as DataPackage;
    const check =
      `${code}\ncables = load("cables")\nframe = load("paragraphs")\nprint(repr(frame["text"][0]), frame["number"].tolist(), str(frame["seq"].dtype))\n` +
      `print(repr(cables["subject"][0]), cables["title"].isna().tolist(), str(cables["created"][0]), cables["truncated"].tolist())\n`;
    const { stdout } = await run(python, ['-c', check], { cwd: dir });
    expect(descriptor.resources[0]!.name).toBe('cables');
    expect(stdout).toContain("'=SUM(A1:A9) looks like a formula; so do +1 and @home.' [1, <NA>] Int64");
    expect(stdout).toContain("'' [True] 2008-02-29 05:44:00+00:00 [False]");
    expect(stdout).toMatch(/^value +Float64$/m);
    expect(stdout).toMatch(/^reporting_year +Int64$/m);
  });
});
