import { InputError, type Code } from '@cablepress/core';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { decodeCableBytes } from '@cablepress/extract';

/** A field of a Frictionless Table Schema as publish writes it. */
export interface SiteField {
  name: string;
  type: string;
  description?: string;
  constraints?: { required?: boolean };
}

export interface SiteResource {
  name: string;
  path: string;
  title?: string;
  description?: string;
  format?: string;
  bytes?: number;
  hash?: string;
  schema?: { fields: SiteField[]; primaryKey?: string | string[]; foreignKeys?: { fields: string | string[]; reference: { resource: string; fields: string | string[] } }[] };
}

export interface SiteDescriptor {
  name: string;
  title?: string;
  description?: string;
  version: string;
  created?: string;
  licenses?: { name: string; path?: string; title?: string }[];
  sources?: { id?: string; title?: string; path?: string; sha256?: string }[];
  resources: SiteResource[];
}

/** A row as read from a CSV file: every cell a string, an empty cell null. */
export type SiteRow = Record<string, string | null>;

/** A published table: its CSV resource and its rows. */
export interface SiteTable {
  resource: SiteResource & { schema: NonNullable<SiteResource['schema']> };
  rows: SiteRow[];
  primaryKey: string[];
}

export interface SiteFinding {
  code: string;
  severity: string;
  message: string;
  path?: (string | number)[];
  spans?: { cable_id: string; char_start: number; char_end: number }[];
}

export interface ReleaseEntry {
  version: string;
  created: string;
}

/** What the site reads of one dataset folder that publish wrote. */
export interface PublishedDataset {
  dir: string;
  descriptor: SiteDescriptor;
  /** CSV tables by resource name, in descriptor order. */
  tables: Map<string, SiteTable>;
  /** The decoded text of each source cable by cable id; absent when the source file is not in the dataset. */
  sources: Map<string, string>;
  findings: SiteFinding[];
  releases: ReleaseEntry[];
}

async function readJson<T>(file: string, code: Code): Promise<T> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new InputError(code, `${file} does not exist or cannot be read.`, { file }, 'Build the dataset first (`cablepress build`).');
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new InputError(code, `${file} is not valid JSON (${(error as Error).message}).`, { file }, 'Rebuild the dataset (`cablepress build`).');
  }
}

async function readOptionalJson<T>(file: string, fallback: T): Promise<T> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return fallback;
  }
}

/** Parses a CSV file the way the dataset README tells readers to: every value a string, never a number. */
export function parseCsvRows(text: string): SiteRow[] {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', dynamicTyping: false });
  return parsed.data.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === '' ? null : v])));
}

function keyFields(primaryKey: string | string[] | undefined): string[] {
  if (primaryKey === undefined) return [];
  return Array.isArray(primaryKey) ? primaryKey : [primaryKey];
}

async function readTables(dir: string, descriptor: SiteDescriptor): Promise<Map<string, SiteTable>> {
  const tables = new Map<string, SiteTable>();
  for (const resource of descriptor.resources) {
    if (resource.format !== 'csv' || !resource.schema) continue;
    const rows = parseCsvRows(await readFile(path.join(dir, resource.path), 'utf8'));
    tables.set(resource.name, { resource: { ...resource, schema: resource.schema }, rows, primaryKey: keyFields(resource.schema.primaryKey) });
  }
  return tables;
}

/** The source cables named in the cables table, read from the dataset's `source/` folder when they are there. */
async function readSources(dir: string, cables: SiteTable | undefined): Promise<Map<string, string>> {
  const sources = new Map<string, string>();
  for (const row of cables?.rows ?? []) {
    const id = row.cable_id;
    const file = row.source_file;
    if (!id || !file || path.basename(file) !== file) continue;
    const bytes = await readFile(path.join(dir, 'source', file)).catch(() => null);
    if (bytes) sources.set(id, decodeCableBytes(bytes, file));
  }
  return sources;
}

/** Reads a dataset folder as publish wrote it: datapackage.json, the CSV tables, validation.json, releases.json and the source cables. */
export async function readPublishedDataset(dir: string): Promise<PublishedDataset> {
  const descriptor = await readJson<SiteDescriptor>(path.join(dir, 'datapackage.json'), 'DATASET_INVALID');
  const tables = await readTables(dir, descriptor);
  const validation = await readOptionalJson<{ findings?: SiteFinding[] }>(path.join(dir, 'validation.json'), {});
  const log = await readOptionalJson<{ releases?: ReleaseEntry[] }>(path.join(dir, 'releases.json'), {});
  return {
    dir,
    descriptor,
    tables,
    sources: await readSources(dir, tables.get('cables')),
    findings: validation.findings ?? [],
    releases: log.releases ?? [],
  };
}
