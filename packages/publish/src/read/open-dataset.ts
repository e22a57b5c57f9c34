import { type Code, type Finding, InputError } from '@cablepress/core';
import { checkDescriptor, type DataPackage, type Resource } from '../describe/datapackage.js';
import { checkCsvRows, type TableSchema } from '../describe/table-schema.js';
import { parseCsv } from '../encode/csv.js';
import { openPackage, type PackageFiles } from './files.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

function finding(code: Code, message: string, path: (string | number)[]): Finding {
  return { code, severity: 'error', message, path };
}

/** Findings that mean a CSV file could not be read as rows at all. */
export const UNREADABLE_CSV: readonly Code[] = ['CSV_ENCODING', 'CSV_PARSE'];

/** A table resource of a dataset, read from its CSV: the cells as text, the rows typed by its schema, and what did not fit. */
export interface DatasetTable {
  resource: Resource & { schema: TableSchema };
  /** The column names of the CSV header. */
  header: string[];
  /** The data rows, every cell as the CSV writes it (never converted: ids like "000145" stay text). */
  cells: string[][];
  /** The data rows typed by the schema (null for a missing value). */
  rows: Record<string, unknown>[];
  /** Encoding, parse and schema problems; empty for a table that reads cleanly. */
  findings: Finding[];
}

/** A published dataset, from a folder or a release bundle: its descriptor, and its files read on demand. */
export interface Dataset {
  /** Where it was read from, for messages. */
  origin: string;
  files: PackageFiles;
  descriptor: DataPackage;
  /** The CSV table resources (each with its schema), in descriptor order. */
  tableResources(): (Resource & { schema: TableSchema })[];
  /** Reads a table resource by name, or from bytes already read; undefined when its file is missing. */
  table(resource: Resource & { schema: TableSchema }, bytes?: Uint8Array): Promise<DatasetTable | undefined>;
  /** A JSON file of the dataset (validation.json, releases.json), or undefined when it is missing or not JSON. */
  json<T>(path: string): Promise<T | undefined>;
}

/**
 * Parses a CSV resource's bytes: UTF-8 text, RFC 4180 rows, then checked against its schema. A file that is not UTF-8
 * or not CSV gives no rows and one finding (CSV_ENCODING, CSV_PARSE) at `at`.
 */
export function parseTable(resource: Resource & { schema: TableSchema }, bytes: Uint8Array, at: (string | number)[] = [resource.name]): DatasetTable {
  const empty = { resource, header: [], cells: [], rows: [] };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { ...empty, findings: [finding('CSV_ENCODING', `${resource.path} is not UTF-8`, at)] };
  }
  let csv: string[][];
  try {
    csv = parseCsv(text);
  } catch (error) {
    return { ...empty, findings: [finding('CSV_PARSE', `${resource.path}: ${(error as Error).message}`, at)] };
  }
  const [header = [], ...cells] = csv;
  const checked = checkCsvRows(resource.name, resource.schema, csv);
  return { resource, header, cells, rows: checked.rows, findings: checked.findings };
}

/** Reads and parses datapackage.json; returns the descriptor or the findings that stop further reading. */
export async function readDescriptor(files: PackageFiles): Promise<{ descriptor?: DataPackage; findings: Finding[] }> {
  const bytes = await files.read('datapackage.json');
  if (!bytes) return { findings: [finding('DESCRIPTOR_MISSING', `${files.origin}: datapackage.json is missing`, ['datapackage.json'])] };
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(bytes));
  } catch (error) {
    return { findings: [finding('DESCRIPTOR_JSON', `datapackage.json is not valid JSON: ${(error as Error).message}`, ['datapackage.json'])] };
  }
  const findings = checkDescriptor(value);
  return findings.length > 0 ? { findings } : { descriptor: value as DataPackage, findings };
}

function datasetOf(files: PackageFiles, descriptor: DataPackage): Dataset {
  return {
    origin: files.origin,
    files,
    descriptor,
    tableResources: () => descriptor.resources.filter((r): r is Resource & { schema: TableSchema } => r.format === 'csv' && r.schema !== undefined),
    async table(resource, bytes) {
      const read = bytes ?? (await files.read(resource.path));
      return read ? parseTable(resource, read) : undefined;
    },
    async json<T>(path: string) {
      const read = await files.read(path).catch(() => undefined);
      if (!read) return undefined;
      try {
        return JSON.parse(decoder.decode(read)) as T;
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * Opens a dataset folder or release bundle for reading without throwing on a broken descriptor: the dataset, or the
 * findings that say why there is none (what `validate` reports). A missing source or unreadable bundle still throws.
 */
export async function tryOpenDataset(folderOrBundle: string): Promise<{ dataset?: Dataset; findings: Finding[] }> {
  const files = await openPackage(folderOrBundle);
  const { descriptor, findings } = await readDescriptor(files);
  return descriptor ? { dataset: datasetOf(files, descriptor), findings } : { findings };
}

/**
 * Opens a published dataset, a folder or a release bundle (`.tar.gz`, `.zip`), the one way every reader reads one:
 * `validate`, `diff` and the reports. Throws InputError DATASET_INVALID when it has no valid datapackage.json.
 */
export async function openDataset(folderOrBundle: string): Promise<Dataset> {
  const { dataset, findings } = await tryOpenDataset(folderOrBundle);
  if (dataset) return dataset;
  throw new InputError(
    'DATASET_INVALID',
    `${folderOrBundle} has no valid datapackage.json: ${findings[0]?.message ?? 'unknown problem'}.`,
    { file: folderOrBundle },
    'Build the dataset first (`cablepress build`), or download the bundle again and check it against SHA256SUMS.',
  );
}
