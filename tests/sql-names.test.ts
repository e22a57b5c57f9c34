import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { allTables, fieldsOf } from '@cablepress/validate';
import { repoRoot } from './helpers.js';

let db: DuckDBConnection;
let reserved: Set<string>;

beforeAll(async () => {
  db = await (await DuckDBInstance.create(':memory:')).connect();
  const rows = (await db.runAndReadAll("SELECT keyword_name FROM duckdb_keywords() WHERE keyword_category = 'reserved'")).getRowObjectsJson();
  reserved = new Set(rows.map((r) => String(r.keyword_name)));
});

const names = allTables.flatMap((t) => [t.name, ...fieldsOf(t).map((f) => f.name)]);

describe('no table or column name needs quoting in SQL', () => {
  it("DuckDB's own keyword list has the words that broke (so the check below can fail)", () => {
    expect(reserved.has('references')).toBe(true);
    expect(reserved.has('from')).toBe(true);
  });

  it('no table or column name is a reserved word of DuckDB', () => {
    expect(names.filter((n) => reserved.has(n.toLowerCase()))).toEqual([]);
  });

  it.each(['laos-tip-2008', 'tip-reports'])('every table of %s is a view and every column a bare name in DuckDB', async (dataset) => {
    for (const table of allTables) {
      const file = path.join(repoRoot, 'datasets', dataset, 'data', `${table.name}.parquet`).replaceAll("'", "''");
      const columns = fieldsOf(table).map((f) => f.name);
      await db.run(`CREATE OR REPLACE VIEW ${table.name} AS SELECT ${columns.join(', ')} FROM read_parquet('${file}')`);
      const where = columns.map((c) => `(${c} IS NULL OR ${c} IS NOT NULL)`).join(' AND ');
      const [viewed] = (await db.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${table.name} WHERE ${where}`)).getRowObjectsJson();
      const [stored] = (await db.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_parquet('${file}')`)).getRowObjectsJson();
      expect(viewed!.n, table.name).toBe(stored!.n);
    }
  });
});
