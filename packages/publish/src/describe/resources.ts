import { ValidationError } from '@cablepress/core';
import { type TableDef } from '@cablepress/validate';
import { checkDescriptor, CSV_DIALECT, DATAPACKAGE_PROFILE, MEDIATYPES, type DataPackage, type Resource } from './datapackage.js';
import { sha256 } from '../encode/hash.js';
import { tableSchemaOf } from './table-schema.js';
import type { DatasetInput, ExtraFile } from '../commit/dataset-input.js';

/** Size and hash of a written file, as a resource states them. */
export interface FileDigest {
  bytes: number;
  /** Lowercase hex SHA-256. */
  sha256: string;
}

function described(file: FileDigest): { bytes: number; hash: string } {
  return { bytes: file.bytes, hash: `sha256:${file.sha256}` };
}

/** The three resources of a table (CSV, Arrow, Parquet), with the Table Schema generated from its zod schema. */
export function tableResources(table: TableDef, files: { csv: FileDigest; arrow: FileDigest; parquet: FileDigest }): Resource[] {
  const schema = tableSchemaOf(table);
  const common = { type: 'table' as const, title: table.title, description: table.description };
  return [
    {
      name: table.name,
      ...common,
      path: `data/${table.name}.csv`,
      format: 'csv',
      mediatype: MEDIATYPES.csv!,
      encoding: 'utf-8',
      ...described(files.csv),
      dialect: CSV_DIALECT,
      schema,
    },
    {
      name: `${table.name}-arrow`,
      ...common,
      path: `data/${table.name}.arrow`,
      format: 'arrow',
      mediatype: MEDIATYPES.arrow!,
      ...described(files.arrow),
      schema,
    },
    {
      name: `${table.name}-parquet`,
      ...common,
      path: `data/${table.name}.parquet`,
      format: 'parquet',
      mediatype: MEDIATYPES.parquet!,
      ...described(files.parquet),
      schema,
    },
  ];
}

/**
 * The resources of a table whose Parquet is a Hive-style partitioned folder: CSV and Arrow as in `tableResources`,
 * then one Parquet resource per partition file (`<table>-parquet-<n>`, n in the order of the values), each naming
 * its partition column and value in `partition`.
 */
export function partitionedTableResources(
  table: TableDef,
  files: { csv: FileDigest; arrow: FileDigest; parquet: (FileDigest & { path: string; value: string })[] },
  field: string,
): Resource[] {
  const [csv, arrow, parquet] = tableResources(table, { ...files, parquet: { bytes: 0, sha256: '' } });
  return [
    csv!,
    arrow!,
    ...files.parquet.map((part, n) => ({
      ...parquet!,
      name: `${table.name}-parquet-${n}`,
      path: part.path,
      ...described(part),
      partition: { field, value: part.value },
    })),
  ];
}

/** The resource of an extra file such as validation.json. */
export function extraResource(extra: ExtraFile): Resource {
  const bytes = typeof extra.content === 'string' ? Buffer.from(extra.content, 'utf8') : extra.content;
  return extraResourceOf(extra, { bytes: bytes.length, sha256: sha256(bytes) });
}

/** The resource of an extra file already written, from its size and hash. */
export function extraResourceOf(extra: Omit<ExtraFile, 'content'>, digest: FileDigest): Resource {
  const text = extra.mediatype.startsWith('text/') || extra.mediatype.endsWith('json') || extra.mediatype.endsWith('+xml');
  return {
    name: extra.path.toLowerCase().replace(/[^a-z0-9._-]+/g, '-'),
    path: extra.path,
    description: extra.description,
    format: extra.path.split('.').pop()!.toLowerCase(),
    mediatype: extra.mediatype,
    ...(text ? { encoding: 'utf-8' } : {}),
    ...described(digest),
  };
}

/** The datapackage.json of a dataset; throws a ValidationError when it would not be a valid descriptor. */
export function datasetDescriptor(input: Omit<DatasetInput, 'tables'>, resources: Resource[]): DataPackage {
  const descriptor: DataPackage = {
    $schema: DATAPACKAGE_PROFILE,
    name: input.name,
    title: input.title,
    description: input.description,
    version: input.version,
    ...(input.created === undefined ? {} : { created: input.created }),
    licenses: input.licenses,
    sources: input.sources,
    contributors: input.contributors,
    resources,
  };
  const problems = checkDescriptor(descriptor);
  if (problems.length > 0) {
    throw new ValidationError('DESCRIPTOR_INVALID', `datapackage.json would be invalid: ${problems.map((f) => f.message).join('; ')}`, problems);
  }
  return descriptor;
}
