import type { Code, Finding } from '@cablepress/core';
import type { Table } from 'apache-arrow';
import { arrowRowsAsText, fieldTypeOfArrow, readArrow, readParquetColumn, readParquetTable } from '../encode/arrow.js';
import { cellText } from '../encode/cells.js';
import type { DataPackage, Resource } from '../describe/datapackage.js';
import { sha256 } from '../encode/hash.js';
import type { TableSchema } from '../describe/table-schema.js';
import { parseTable, tryOpenDataset, UNREADABLE_CSV } from './open-dataset.js';

function finding(code: Code, message: string, path: (string | number)[], severity: Finding['severity'] = 'error'): Finding {
  return { code, severity, message, path };
}

function stemOf(path: string): string {
  return path.replace(/\.[^./]+$/, '');
}

function compareBinaryTable(resource: Resource, table: Table, schema: TableSchema, csvRows: number, csvText?: string[][]): Finding[] {
  const at = [resource.name];
  const names = table.schema.fields.map((f) => f.name);
  const expected = schema.fields.map((f) => f.name);
  if (names.join(',') !== expected.join(',')) {
    return [finding('BINARY_COLUMNS', `${resource.name}: columns are ${names.join(', ')}, schema expects ${expected.join(', ')}`, at)];
  }
  const findings: Finding[] = [];
  table.schema.fields.forEach((f, i) => {
    const declared = schema.fields[i]!.type;
    if (fieldTypeOfArrow(f.type) !== declared) {
      findings.push(finding('BINARY_TYPE', `${resource.name}: column ${f.name} is ${String(f.type)}, schema declares ${declared}`, [...at, f.name]));
    }
  });
  if (table.numRows !== csvRows) {
    findings.push(finding('BINARY_ROW_COUNT', `${resource.name}: has ${table.numRows} rows, the CSV has ${csvRows}`, at));
    return findings;
  }
  if (findings.length > 0 || !csvText) return findings;
  const rows = arrowRowsAsText(table);
  for (let r = 0; r < rows.length; r++) {
    const differs = rows[r]!.findIndex((cell, c) => cell !== csvText[r]![c]);
    if (differs >= 0) {
      const name = expected[differs]!;
      findings.push(
        finding('BINARY_CONTENT', `${resource.name}: row ${r + 1}, ${name} is "${rows[r]![differs]}", the CSV has "${csvText[r]![differs]}"`, [
          ...at,
          r + 1,
          name,
        ]),
      );
      break;
    }
  }
  return findings;
}

/** What a reader said, in words: parquet-wasm is built without its error strings and says only that they were stripped. */
function causeOf(error: unknown): string {
  const message = (error as Error).message ?? String(error);
  return /Error strings stripped/.test(message) ? 'a data page does not decompress (the file was changed or cut)' : message;
}

/**
 * Where a Parquet file that does not read is damaged: the first column that fails on its own, and the first row (1-based)
 * whose reading fails, found by halving the number of rows read (so it is the first row of the damaged page).
 * Undefined when even the file's metadata does not read, or when no single column fails.
 */
function parquetDamage(bytes: Uint8Array, columns: string[], rows: number): { column: string; row: number } | undefined {
  const reads = (column: string, limit?: number) => {
    try {
      readParquetColumn(bytes, column, limit);
      return true;
    } catch {
      return false;
    }
  };
  for (const column of columns) {
    if (reads(column)) continue;
    if (!reads(column, 0)) return undefined;
    let [good, bad] = [0, Math.max(rows, 1)];
    if (reads(column, bad)) return { column, row: bad + 1 };
    while (bad - good > 1) {
      const mid = Math.floor((good + bad) / 2);
      if (reads(column, mid)) good = mid;
      else bad = mid;
    }
    return { column, row: bad };
  }
  return undefined;
}

/** The CSV cells in their canonical text form (null as empty), for comparison with Arrow and Parquet. */
function canonicalCells(schema: TableSchema, rows: Record<string, unknown>[]): string[][] {
  return rows.map((row) => schema.fields.map((f) => cellText(f.type, row[f.name])));
}

/**
 * Checks a dataset the way its users rely on it: the descriptor is valid; every resource exists with the
 * declared bytes and sha256; every CSV row fits its schema (types, required, enum, primary key, foreign keys
 * inside the package); Arrow and Parquet files hold the same rows as the CSV with the declared column types.
 */
export async function verifyDataset(dirOrBundle: string): Promise<Finding[]> {
  const { dataset, findings } = await tryOpenDataset(dirOrBundle);
  if (!dataset) return findings;
  const { descriptor, files } = dataset;
  const tables = new Map<string, { schema: TableSchema; rows: Record<string, unknown>[]; text?: string[][]; count: number }>();
  const binaries: { resource: Resource; bytes: Uint8Array }[] = [];
  for (const [i, resource] of descriptor.resources.entries()) {
    const at = ['resources', i];
    const bytes = await files.read(resource.path);
    if (!bytes) {
      findings.push(finding('RESOURCE_MISSING', `${resource.path} is missing (resource ${resource.name})`, [...at, 'path']));
      continue;
    }
    if (bytes.length !== resource.bytes) {
      findings.push(finding('RESOURCE_BYTES', `${resource.path} has ${bytes.length} bytes, datapackage.json says ${resource.bytes}`, [...at, 'bytes']));
    }
    if (`sha256:${sha256(bytes)}` !== resource.hash) {
      findings.push(
        finding('RESOURCE_HASH', `${resource.path} does not match its sha256 in datapackage.json: the file was changed after it was published`, [
          ...at,
          'hash',
        ]),
      );
    }
    if (resource.type !== 'table' || !resource.schema) continue;
    if (resource.format === 'csv') {
      const checked = parseTable({ ...resource, schema: resource.schema }, bytes, [...at, 'path']);
      findings.push(...checked.findings);
      if (checked.findings.some((f) => UNREADABLE_CSV.includes(f.code))) continue;
      tables.set(stemOf(resource.path), {
        schema: resource.schema,
        rows: checked.rows,
        text: checked.findings.length === 0 ? canonicalCells(resource.schema, checked.rows) : undefined,
        count: checked.cells.length,
      });
    } else if (resource.format === 'arrow' || resource.format === 'parquet') {
      binaries.push({ resource, bytes });
    }
  }
  for (const { resource, bytes } of binaries) {
    const csv = tables.get(stemOf(resource.path));
    let table: Table;
    try {
      table = resource.format === 'arrow' ? readArrow(bytes) : readParquetTable(bytes);
    } catch (error) {
      const place =
        resource.format === 'parquet'
          ? parquetDamage(
              bytes,
              resource.schema!.fields.map((f) => f.name),
              csv?.count ?? 0,
            )
          : undefined;
      const where = place ? `, column ${place.column} from row ${place.row} on` : '';
      findings.push(
        finding(
          'BINARY_UNREADABLE',
          `table ${stemOf(resource.path).split('/').pop()}: ${resource.path} cannot be read as ${resource.format}${where}: ${causeOf(error)}`,
          place ? [resource.name, place.row, place.column] : [resource.name],
        ),
      );
      continue;
    }
    if (csv) findings.push(...compareBinaryTable(resource, table, resource.schema!, csv.count, csv.text));
  }
  findings.push(...checkForeignKeys(descriptor, tables));
  const listed = new Set(descriptor.resources.map((r) => r.path));
  for (const path of await files.list()) {
    if (path.startsWith('data/') && !listed.has(path)) {
      findings.push(finding('RESOURCE_UNLISTED', `${path} is in data/ but not listed in datapackage.json`, [path], 'warning'));
    }
  }
  return findings;
}

function checkForeignKeys(descriptor: DataPackage, tables: Map<string, { schema: TableSchema; rows: Record<string, unknown>[] }>): Finding[] {
  const findings: Finding[] = [];
  const byName = new Map(descriptor.resources.filter((r) => r.format === 'csv').map((r) => [r.name, tables.get(stemOf(r.path))]));
  for (const resource of descriptor.resources) {
    if (resource.format !== 'csv') continue;
    const table = byName.get(resource.name);
    if (!table) continue;
    for (const fk of table.schema.foreignKeys ?? []) {
      const target = byName.get(fk.reference.resource);
      if (!target) continue;
      const keys = new Set(target.rows.map((row) => JSON.stringify(fk.reference.fields.map((f) => row[f]))));
      const bad = table.rows.findIndex((row) => fk.fields.every((f) => row[f] !== null) && !keys.has(JSON.stringify(fk.fields.map((f) => row[f]))));
      if (bad >= 0) {
        const value = fk.fields.map((f) => String(table.rows[bad]![f])).join(', ');
        findings.push(
          finding('FOREIGN_KEY', `${resource.name}: row ${bad + 2}, (${fk.fields.join(', ')}) = ${value} has no match in ${fk.reference.resource}`, [
            resource.name,
            bad + 2,
          ]),
        );
      }
    }
  }
  return findings;
}
