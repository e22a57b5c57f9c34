import { type Code, type Finding, InputError, SEMVER, ValidationError, epochDate, isDatasetName } from '@cablepress/core';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { allTables, assertRows, fieldsOf, type TableDef } from '@cablepress/validate';
import { arrowRowsAsText, readArrow } from '../encode/arrow.js';
import { cellText } from '../encode/cells.js';
import { parseCsv } from '../encode/csv.js';
import { isSafePath, type DataPackage } from '../describe/datapackage.js';
import { BOUNDS, readChangelog, readTextInside } from '@cablepress/core';
import type { ReadmeRows } from '../describe/readme-sections.js';
import type { DatasetInput } from './dataset-input.js';
import { DatasetStreamWriter } from '../stream/dataset-writer.js';
import { encodeTablePart } from '../stream/table-part.js';
import { verifyDataset } from '../read/verify.js';

export interface WriteOptions {
  /** Called after each file is staged (package-relative path); throwing from it aborts the write with nothing changed. */
  onFile?: (path: string) => void | Promise<void>;
  /**
   * Files published outside the dataset folder with it (the fact sheet), by absolute path: staged beside their
   * targets and switched in by the same commit as the dataset, so no one sees new data beside an old fact sheet.
   */
  companions?: { path: string; content: Uint8Array }[];
}

export interface WrittenDataset {
  descriptor: DataPackage;
  /** Every file written, package-relative, in writing order. */
  files: string[];
}

const RESERVED = new Set(['datapackage.json', 'README.md', 'CHANGELOG.md', 'package.json', 'releases.json', 'source', 'node_modules']);
const CREATED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The `created` timestamp for a build: SOURCE_DATE_EPOCH (seconds) when set, otherwise the fallback (e.g. the cable's date). */
export function createdFromEnvironment(fallback: string, env: Record<string, string | undefined> = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    return epochDate(epoch).toISOString().replace('.000Z', 'Z');
  }
  return fallback;
}

function checkInput(input: DatasetInput): TableDef[] {
  const bad = (code: Code, message: string, field: string, hint: string) => new InputError(code, message, { field }, hint);
  if (!isDatasetName(input.name)) {
    throw bad(
      'DATASET_NAME',
      `dataset name "${input.name}" must be lowercase letters, digits and "-", and not a Windows device name`,
      'name',
      'name the dataset folder with lowercase letters, digits and "-", e.g. laos-tip-2008',
    );
  }
  if (!SEMVER.test(input.version))
    throw bad('DATASET_VERSION', `version "${input.version}" is not a semantic version`, 'version', 'give the dataset package.json a version such as 0.1.0');
  if (input.created !== undefined && (!CREATED.test(input.created) || Number.isNaN(Date.parse(input.created)))) {
    throw bad(
      'DATASET_CREATED',
      `created "${input.created}" must be an ISO 8601 UTC datetime (from the release record or SOURCE_DATE_EPOCH)`,
      'created',
      'set SOURCE_DATE_EPOCH to whole seconds since 1970',
    );
  }
  const known = new Map(allTables.map((t) => [t.name, t as TableDef]));
  for (const name of Object.keys(input.tables)) {
    if (!known.has(name))
      throw bad(
        'UNKNOWN_TABLE',
        `table "${name}" is not one of ${[...known.keys()].join(', ')}`,
        `tables.${name}`,
        'use the table names of @cablepress/validate',
      );
  }
  const paths = new Set<string>();
  for (const extra of input.extraFiles ?? []) {
    const top = extra.path.split('/')[0]!;
    if (!isSafePath(extra.path) || top.startsWith('.') || RESERVED.has(top) || paths.has(extra.path)) {
      throw bad(
        'EXTRA_FILE_PATH',
        `extra file path "${extra.path}" must be a new relative path inside the dataset`,
        'extraFiles',
        'give it a new path such as validation.json',
      );
    }
    if (/^data\/[^/]+\.(csv|arrow|parquet)$/.test(extra.path))
      throw bad('EXTRA_FILE_PATH', `extra file "${extra.path}" would overwrite a table file`, 'extraFiles', 'give it a path outside data/');
    paths.add(extra.path);
  }
  return allTables.filter((t) => t.name in input.tables) as TableDef[];
}

function compareText(table: string, format: string, expected: string[][], actual: string[][]): Finding[] {
  if (expected.length !== actual.length) {
    return [
      { code: 'READBACK_ROWS', severity: 'error', message: `${table}.${format}: read back ${actual.length} rows, wrote ${expected.length}`, path: [table] },
    ];
  }
  for (let r = 0; r < expected.length; r++) {
    const [want, got] = [expected[r]!, actual[r]!];
    if (want.length !== got.length) {
      return [
        {
          code: 'READBACK_VALUE',
          severity: 'error',
          message: `${table}.${format}: row ${r + 1} reads back with ${got.length} cells, wrote ${want.length}`,
          path: [table, r],
        },
      ];
    }
    const c = want.findIndex((v, i) => v !== got[i]);
    if (c >= 0) {
      return [
        {
          code: 'READBACK_VALUE',
          severity: 'error',
          message: `${table}.${format}: row ${r + 1} column ${c + 1} reads back as "${got[c]}", wrote "${want[c]}"`,
          path: [table, r],
        },
      ];
    }
  }
  return [];
}

async function previousEntries(dir: string): Promise<string[]> {
  try {
    const old = JSON.parse((await readTextInside(join(dir, 'datapackage.json'), dir, BOUNDS.descriptor)) ?? '{}') as DataPackage;
    return (old.resources ?? []).map((r) => String(r.path).split('/')[0]!).filter((e) => isSafePath(e) && !RESERVED.has(e) && !e.startsWith('.'));
  } catch {
    return [];
  }
}

/** Reads the staged tables back (CSV and Arrow) and compares every cell with the rows they were written from. */
async function readBack(root: string, tables: readonly TableDef[], input: DatasetInput): Promise<void> {
  const readback: Finding[] = [];
  for (const table of tables) {
    const fields = fieldsOf(table);
    const expected = input.tables[table.name]!.map((row) => fields.map((f) => cellText(f.type, row[f.name])));
    const csv = await readFile(join(root, 'data', `${table.name}.csv`), 'utf8');
    readback.push(...compareText(table.name, 'csv', expected, parseCsv(csv).slice(1)));
    const arrow = await readFile(join(root, 'data', `${table.name}.arrow`));
    readback.push(...compareText(table.name, 'arrow', expected, arrowRowsAsText(readArrow(arrow))));
  }
  if (readback.length > 0) {
    throw new ValidationError('READBACK_MISMATCH', `written files do not read back as the rows: ${readback.map((f) => f.message).join('; ')}`, readback);
  }
  const problems = (await verifyDataset(root)).filter((f) => f.severity === 'error');
  if (problems.length > 0) {
    throw new ValidationError(
      'DATASET_VERIFY',
      `the staged dataset does not verify: ${problems
        .slice(0, 5)
        .map((f) => f.message)
        .join('; ')}`,
      problems,
    );
  }
}

/**
 * Writes a dataset into `dir`: data/<table>.{csv,arrow,parquet}, extra files, datapackage.json and README.md, through
 * the streaming writer (`DatasetStreamWriter`), each table as one part. Rows are validated first; everything is staged
 * in `dir/.tmp/`, read back and verified, then swapped in. On any failure the previous files stay exactly as they
 * were. Two runs with the same input give identical bytes.
 */
export async function writeDataset(dir: string, input: DatasetInput, options: WriteOptions = {}): Promise<WrittenDataset> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new InputError('DATASET_DIR', `${dir} is not a folder`, { file: dir }, 'create the dataset folder first');
  const tables = checkInput(input);
  for (const table of tables) assertRows(table, input.tables[table.name]!);
  const changelog = input.changelog ?? (await readChangelog(dir));
  const replaces = await previousEntries(dir);

  const writer = await DatasetStreamWriter.open(dir, { tables, companions: (options.companions ?? []).map((c) => c.path) });
  try {
    writer.appendParts(Object.fromEntries(tables.map((table) => [table.name, encodeTablePart(table, input.tables[table.name]!)])));
  } catch (error) {
    await writer.abort();
    throw error;
  }
  const { tables: rows, ...meta } = input;
  const { descriptor, files } = await writer.finish(changelog === undefined ? meta : { ...meta, changelog }, {
    readmeRows: rows as ReadmeRows,
    replaces,
    ...(options.companions ? { companions: options.companions } : {}),
    ...(options.onFile ? { onFile: options.onFile } : {}),
    check: (root) => readBack(root, tables, input),
  });
  return { descriptor, files };
}
