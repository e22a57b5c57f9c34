import { type Code, type Finding, InputError, SEMVER, ValidationError, epochDate, isDatasetName } from '@cablepress/core';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { allTables, assertRows, fieldsOf, type TableDef } from '@cablepress/validate';
import { arrowFileBytes, arrowRowsAsText, parquetBytes, readArrow, rowsToArrow } from '../encode/arrow.js';
import { stage } from './atomic.js';
import { cellText } from '../encode/cells.js';
import { parseCsv, tableToCsv } from '../encode/csv.js';
import { isSafePath, type DataPackage, type Resource } from '../describe/datapackage.js';
import { sha256 } from '../encode/hash.js';
import { LIMITS, readChangelog, readTextInside, safeFileName } from '@cablepress/core';
import { datasetReadme } from '../describe/readme.js';
import type { ReadmeRows } from '../describe/readme-sections.js';
import type { DatasetInput } from './dataset-input.js';
import { datasetDescriptor, extraResource, tableResources } from '../describe/resources.js';
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
    throw bad('DATASET_NAME', `dataset name "${input.name}" must be lowercase letters, digits and "-", and not a Windows device name`, 'name',
      'name the dataset folder with lowercase letters, digits and "-", e.g. laos-tip-2008');
  }
  if (!SEMVER.test(input.version)) throw bad('DATASET_VERSION', `version "${input.version}" is not a semantic version`, 'version', 'give the dataset package.json a version such as 0.1.0');
  if (!CREATED.test(input.created) || Number.isNaN(Date.parse(input.created))) {
    throw bad('DATASET_CREATED', `created "${input.created}" must be an ISO 8601 UTC datetime (from SOURCE_DATE_EPOCH or the cable)`, 'created', 'set SOURCE_DATE_EPOCH to whole seconds since 1970');
  }
  const known = new Map(allTables.map((t) => [t.name, t as TableDef]));
  for (const name of Object.keys(input.tables)) {
    if (!known.has(name)) throw bad('UNKNOWN_TABLE', `table "${name}" is not one of ${[...known.keys()].join(', ')}`, `tables.${name}`, 'use the table names of @cablepress/validate');
  }
  const paths = new Set<string>();
  for (const extra of input.extraFiles ?? []) {
    const top = extra.path.split('/')[0]!;
    if (!isSafePath(extra.path) || top.startsWith('.') || RESERVED.has(top) || paths.has(extra.path)) {
      throw bad('EXTRA_FILE_PATH', `extra file path "${extra.path}" must be a new relative path inside the dataset`, 'extraFiles', 'give it a new path such as validation.json');
    }
    if (/^data\/[^/]+\.(csv|arrow|parquet)$/.test(extra.path)) throw bad('EXTRA_FILE_PATH', `extra file "${extra.path}" would overwrite a table file`, 'extraFiles', 'give it a path outside data/');
    paths.add(extra.path);
  }
  return allTables.filter((t) => t.name in input.tables) as TableDef[];
}

function compareText(table: string, format: string, expected: string[][], actual: string[][]): Finding[] {
  if (expected.length !== actual.length) {
    return [{ code: 'READBACK_ROWS', severity: 'error', message: `${table}.${format}: read back ${actual.length} rows, wrote ${expected.length}`, path: [table] }];
  }
  for (let r = 0; r < expected.length; r++) {
    const [want, got] = [expected[r]!, actual[r]!];
    if (want.length !== got.length) {
      return [{ code: 'READBACK_VALUE', severity: 'error', message: `${table}.${format}: row ${r + 1} reads back with ${got.length} cells, wrote ${want.length}`, path: [table, r] }];
    }
    const c = want.findIndex((v, i) => v !== got[i]);
    if (c >= 0) {
      return [{ code: 'READBACK_VALUE', severity: 'error', message: `${table}.${format}: row ${r + 1} column ${c + 1} reads back as "${got[c]}", wrote "${want[c]}"`, path: [table, r] }];
    }
  }
  return [];
}

async function previousEntries(dir: string): Promise<string[]> {
  try {
    const old = JSON.parse((await readTextInside(join(dir, 'datapackage.json'), dir, { maxBytes: LIMITS.descriptor })) ?? '{}') as DataPackage;
    return (old.resources ?? []).map((r) => String(r.path).split('/')[0]!).filter((e) => isSafePath(e) && !RESERVED.has(e) && !e.startsWith('.'));
  } catch {
    return [];
  }
}

/**
 * Writes a dataset into `dir`: data/<table>.{csv,arrow,parquet}, extra files, datapackage.json and README.md.
 * Rows are validated first; everything is staged in `dir/.tmp/`, read back and verified, then swapped in.
 * On any failure the previous files stay exactly as they were. Two runs with the same input give identical bytes.
 */
export async function writeDataset(dir: string, input: DatasetInput, options: WriteOptions = {}): Promise<WrittenDataset> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new InputError('DATASET_DIR', `${dir} is not a folder`, { file: dir }, 'create the dataset folder first');
  const tables = checkInput(input);
  for (const table of tables) assertRows(table, input.tables[table.name]!);
  const changelog = input.changelog ?? (await readChangelog(dir));

  const staging = await stage(dir, (options.companions ?? []).map((c) => c.path));
  try {
    const files: string[] = [];
    const resources: Resource[] = [];
    const rowCounts: Record<string, number> = {};
    const readback: Finding[] = [];
    const put = async (path: string, content: string | Uint8Array) => {
      await staging.write(path, content);
      files.push(path);
      await options.onFile?.(path);
      return typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    };
    const digest = (bytes: Uint8Array) => ({ bytes: bytes.length, sha256: sha256(bytes) });

    for (const table of tables) {
      const rows = input.tables[table.name]!;
      rowCounts[table.name] = rows.length;
      const fields = fieldsOf(table);
      const expected = rows.map((row) => fields.map((f) => cellText(f.type, row[f.name])));

      const csvText = tableToCsv(table, rows);
      const csv = await put(`data/${table.name}.csv`, csvText);
      readback.push(...compareText(table.name, 'csv', expected, parseCsv(csvText).slice(1)));

      const arrowTable = rowsToArrow(table, rows);
      const arrow = await put(`data/${table.name}.arrow`, arrowFileBytes(arrowTable));
      readback.push(...compareText(table.name, 'arrow', expected, arrowRowsAsText(readArrow(arrow))));

      const parquet = await put(`data/${table.name}.parquet`, parquetBytes(arrowTable));
      resources.push(...tableResources(table, { csv: digest(csv), arrow: digest(arrow), parquet: digest(parquet) }));
    }
    if (readback.length > 0) {
      throw new ValidationError('READBACK_MISMATCH', `written files do not read back as the rows: ${readback.map((f) => f.message).join('; ')}`, readback);
    }
    for (const extra of [...(input.extraFiles ?? [])].sort((a, b) => (a.path < b.path ? -1 : 1))) {
      await put(extra.path, extra.content);
      resources.push(extraResource(extra));
    }

    const descriptor = datasetDescriptor(input, resources);
    await put('datapackage.json', JSON.stringify(descriptor, null, 2) + '\n');
    const readme = { descriptor, rowCounts, changelog, context: input.readme ?? {}, rows: input.tables as ReadmeRows };
    await put('README.md', datasetReadme({ ...readme, ...(input.preparation ? { preparation: input.preparation } : {}) }));

    const problems = (await verifyDataset(staging.root)).filter((f) => f.severity === 'error');
    if (problems.length > 0) {
      throw new ValidationError('DATASET_VERIFY', `the staged dataset does not verify: ${problems.slice(0, 5).map((f) => f.message).join('; ')}`, problems);
    }
    for (const companion of options.companions ?? []) await staging.attach(companion.path, companion.content);
    const entries = (await readdir(staging.root)).sort();
    await staging.commit(entries, await previousEntries(dir));
    return { descriptor, files };
  } finally {
    await staging.discard();
  }
}
