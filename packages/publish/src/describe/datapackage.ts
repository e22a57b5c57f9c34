import { SEMVER, type Code, type Finding } from '@cablepress/core';
import { checkProfiles } from './profiles.js';
import type { TableSchema } from './table-schema.js';

export const DATAPACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';
export const DIALECT_PROFILE = 'https://datapackage.org/profiles/2.0/tabledialect.json';

export interface License {
  name?: string;
  path?: string;
  title?: string;
}

export interface Source {
  id?: string;
  title: string;
  path?: string;
  sha256?: string;
}

export interface Contributor {
  title: string;
  path?: string;
  email?: string;
  roles?: string[];
}

export interface CsvDialect {
  $schema: string;
  header: true;
  delimiter: ',';
  lineTerminator: '\r\n';
  quoteChar: '"';
  doubleQuote: true;
}

export const CSV_DIALECT: CsvDialect = {
  $schema: DIALECT_PROFILE,
  header: true,
  delimiter: ',',
  lineTerminator: '\r\n',
  quoteChar: '"',
  doubleQuote: true,
};

export type ResourceFormat = 'csv' | 'arrow' | 'parquet' | string;

/** A resource of the data package: every file has its size and hash; tables carry their Table Schema. */
export interface Resource {
  name: string;
  type?: 'table';
  title?: string;
  description?: string;
  path: string;
  format: ResourceFormat;
  mediatype: string;
  encoding?: string;
  bytes: number;
  hash: string;
  rows?: number;
  /** A file of a Hive-style partitioned table: its partition column (not stored in the file) and value. */
  partition?: { field: string; value: string };
  dialect?: CsvDialect;
  schema?: TableSchema;
}

/** A Frictionless Data Package (v2) descriptor as cablepress writes it. */
export interface DataPackage {
  $schema: string;
  name: string;
  title: string;
  description: string;
  version: string;
  /** When this version was released (its record in releases.json); absent from a build not released yet. */
  created?: string;
  licenses: License[];
  sources: Source[];
  contributors: Contributor[];
  resources: Resource[];
}

export const MEDIATYPES: Record<string, string> = {
  csv: 'text/csv',
  arrow: 'application/vnd.apache.arrow.file',
  parquet: 'application/vnd.apache.parquet',
};

const NAME = /^[a-z0-9._-]+$/;
const HASH = /^sha256:[0-9a-f]{64}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const FIELD_TYPES = new Set(['string', 'integer', 'number', 'boolean', 'date', 'datetime']);

/** True when a resource path stays inside the package: relative, forward slashes, no `..` segment. */
export function isSafePath(path: string): boolean {
  return (
    path.length > 0 &&
    !path.startsWith('/') &&
    !path.includes('\\') &&
    !/^[a-zA-Z]:/.test(path) &&
    !path.split('/').some((s) => s === '..' || s === '' || s === '.')
  );
}

/**
 * Checks a parsed datapackage.json: first the official Frictionless v2 profiles (package, resources, table schemas,
 * dialects), then the rules cablepress adds on top of them (every resource sized and hashed, safe paths, typed fields).
 */
export function checkDescriptor(value: unknown): Finding[] {
  return [...checkProfiles(value), ...checkCablepressRules(value)];
}

function checkCablepressRules(value: unknown): Finding[] {
  const findings: Finding[] = [];
  const error = (code: Code, message: string, path: (string | number)[]) =>
    findings.push({ code, severity: 'error', message: `datapackage.json: ${message}`, path: ['datapackage.json', ...path] });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    error('DESCRIPTOR_INVALID', 'is not a JSON object', []);
    return findings;
  }
  const d = value as Record<string, unknown>;
  if (d.$schema !== DATAPACKAGE_PROFILE) error('DESCRIPTOR_PROFILE', `$schema must be ${DATAPACKAGE_PROFILE}`, ['$schema']);
  if (typeof d.name !== 'string' || !NAME.test(d.name)) error('DESCRIPTOR_NAME', 'name must be lowercase letters, digits, ".", "_" or "-"', ['name']);
  for (const key of ['title', 'description'] as const) {
    if (typeof d[key] !== 'string' || d[key] === '') error('DESCRIPTOR_FIELD', `${key} must be a non-empty string`, [key]);
  }
  if (typeof d.version !== 'string' || !SEMVER.test(d.version)) error('DESCRIPTOR_VERSION', 'version must be a semantic version', ['version']);
  if (d.created !== undefined && (typeof d.created !== 'string' || !DATETIME.test(d.created)))
    error('DESCRIPTOR_CREATED', 'created must be an ISO 8601 UTC datetime', ['created']);
  if (!Array.isArray(d.licenses) || d.licenses.length === 0) error('DESCRIPTOR_LICENSES', 'licenses must list at least one license', ['licenses']);
  else
    d.licenses.forEach((l: Record<string, unknown>, i) => {
      if (typeof l?.name !== 'string' && typeof l?.path !== 'string') error('DESCRIPTOR_LICENSES', 'a license needs a name or a path', ['licenses', i]);
    });
  for (const key of ['sources', 'contributors'] as const) {
    const list = d[key];
    if (!Array.isArray(list)) error('DESCRIPTOR_FIELD', `${key} must be an array`, [key]);
    else
      list.forEach((s: Record<string, unknown>, i) => {
        if (typeof s?.title !== 'string') error('DESCRIPTOR_FIELD', `${key}[${i}] needs a title`, [key, i]);
      });
  }
  if (!Array.isArray(d.resources) || d.resources.length === 0) {
    error('DESCRIPTOR_RESOURCES', 'resources must list at least one resource', ['resources']);
    return findings;
  }
  const names = new Set<string>();
  d.resources.forEach((r: Record<string, unknown>, i) => {
    const at = ['resources', i];
    if (typeof r !== 'object' || r === null) return error('RESOURCE_INVALID', `resources[${i}] is not an object`, at);
    if (typeof r.name !== 'string' || !NAME.test(r.name)) error('RESOURCE_NAME', `resources[${i}].name is not a valid name`, [...at, 'name']);
    else if (names.has(r.name)) error('RESOURCE_NAME_DUPLICATE', `resource name "${r.name}" is used twice`, [...at, 'name']);
    else names.add(r.name);
    if (typeof r.path !== 'string' || !isSafePath(r.path))
      error('RESOURCE_PATH', `resources[${i}].path must be a relative path inside the package`, [...at, 'path']);
    for (const key of ['format', 'mediatype'] as const) {
      if (typeof r[key] !== 'string') error('RESOURCE_FIELD', `resources[${i}].${key} is missing`, [...at, key]);
    }
    if (typeof r.bytes !== 'number' || !Number.isInteger(r.bytes) || r.bytes < 0) error('RESOURCE_BYTES', `resources[${i}].bytes is missing`, [...at, 'bytes']);
    if (typeof r.hash !== 'string' || !HASH.test(r.hash)) error('RESOURCE_HASH', `resources[${i}].hash must be sha256:<hex>`, [...at, 'hash']);
    if (typeof r.mediatype === 'string' && r.mediatype.startsWith('text/') && typeof r.encoding !== 'string') {
      error('RESOURCE_ENCODING', `resources[${i}] is text and needs an encoding`, [...at, 'encoding']);
    }
    if (r.type === 'table') {
      const schema = r.schema as TableSchema | undefined;
      if (!schema || !Array.isArray(schema.fields) || schema.fields.length === 0) {
        error('SCHEMA_INVALID', `resources[${i}] is a table without a schema`, [...at, 'schema']);
        return;
      }
      const fieldNames = new Set<string>();
      schema.fields.forEach((f, j) => {
        if (typeof f?.name !== 'string' || fieldNames.has(f.name))
          error('SCHEMA_FIELD', `resources[${i}].schema.fields[${j}] needs a unique name`, [...at, 'schema', 'fields', j]);
        else fieldNames.add(f.name);
        if (!FIELD_TYPES.has(f?.type)) error('SCHEMA_FIELD', `resources[${i}].schema.fields[${j}] has an unknown type`, [...at, 'schema', 'fields', j, 'type']);
      });
      if (!Array.isArray(schema.missingValues)) error('SCHEMA_INVALID', `resources[${i}].schema.missingValues is missing`, [...at, 'schema']);
      for (const key of schema.primaryKey ?? []) {
        if (!fieldNames.has(key)) error('SCHEMA_PRIMARY_KEY', `resources[${i}] primary key names unknown field ${key}`, [...at, 'schema', 'primaryKey']);
      }
      if (r.format === 'csv' && typeof r.dialect !== 'object') error('RESOURCE_DIALECT', `resources[${i}] is CSV without a dialect`, [...at, 'dialect']);
    }
  });
  return findings;
}
